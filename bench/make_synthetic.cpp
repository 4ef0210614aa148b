// utad-synth: writes synthetic anomaly-detection datasets in MVTec AD layout, to tune and check the
// detector on data nobody tuned it on. Two datasets:
//   OUT/texture: a procedural woven surface texture of varying size, aspect ratio and orientation
//                (texture() also draws brushed and grainy families);
//   OUT/weld:    the bundled battery-weld sample's good images.
// Test images get one painted defect each, at a random scale: hole, crack, fray (a torn edge),
// cutpaste (a patch of the same part moved elsewhere) and brightness (a soft uneven-light region),
// with its ground-truth mask (NAME_mask.png).
//   utad-synth OUT [--seed S] [--weld DIR]
#include "utad/dataset.h"
#include "utad/paths.h"

#include <cmath>
#include <filesystem>
#include <iostream>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

std::mt19937 rng;
double uniform(double a, double b) { return std::uniform_real_distribution<double>(a, b)(rng); }
int uniformInt(int a, int b) { return std::uniform_int_distribution<int>(a, b)(rng); }

// One texture family (`kind`) per dataset, each image varying in size, aspect ratio, orientation
// and detail.
cv::Mat texture(int kind, int width, int height)
{
    const double angle = uniform(0, M_PI), period = uniform(8, 11);
    cv::Mat noise(height, width, CV_32F);
    cv::randn(noise, 0, 1);
    cv::Mat img(height, width, CV_32F);
    const double c = std::cos(angle), s = std::sin(angle);
    cv::Mat grain;
    cv::GaussianBlur(noise, grain, cv::Size(), kind == 1 ? 1.0 : 2.5);
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x) {
            const double u = x * c + y * s, v = -x * s + y * c;
            double value = 0;
            if (kind == 0)  // woven: two crossing weaves
                value = 0.5 + 0.18 * std::sin(2 * M_PI * u / period) * std::sin(2 * M_PI * v / period);
            else if (kind == 1)  // brushed: streaks along one direction
                value = 0.5 + 0.12 * std::sin(2 * M_PI * v / (period * 0.5) + 3 * grain.at<float>(y, x));
            else  // grainy: blurred noise with a faint ridge pattern
                value = 0.5 + 0.08 * std::sin(2 * M_PI * u / (period * 2));
            img.at<float>(y, x) = float(value + 0.06 * grain.at<float>(y, x) + 0.02 * noise.at<float>(y, x));
        }
    cv::Mat out;
    img.convertTo(out, CV_8U, 255);
    return out;
}

// A change of 8 grey levels or more shows.
constexpr int kVisibleLevels = 8;

// One defect of `type` painted into `img` (CV_8UC1); returns its mask (0/255), or an empty mask
// (and `img` unchanged) when the defect would hardly change the image: a dark hole on a black
// background, a brightness change on saturated white, a patch pasted onto its like.
cv::Mat tryPaintDefect(cv::Mat& img, const std::string& type)
{
    const int w = img.cols, h = img.rows, side = std::min(w, h);
    cv::Mat mask = cv::Mat::zeros(img.size(), CV_8U);
    const double scale = uniform(0.05, 0.2);  // defect size relative to the shorter side
    const cv::Point centre(uniformInt(side / 6, w - 1 - side / 6), uniformInt(side / 6, h - 1 - side / 6));
    cv::Mat f;
    img.convertTo(f, CV_32F, 1.0 / 255);
    const double mean = cv::mean(f)[0];
    if (type == "hole") {
        const cv::Size axes(std::max(2, int(scale * side)), std::max(2, int(scale * side * uniform(0.5, 1.0))));
        cv::ellipse(mask, centre, axes, uniform(0, 180), 0, 360, cv::Scalar(255), cv::FILLED);
        f.setTo(mean < 0.5 ? 0.95 : 0.05, mask);
    } else if (type == "crack") {
        std::vector<cv::Point> pts{centre};
        double dir = uniform(0, 2 * M_PI);
        const int segments = uniformInt(4, 9);
        const double step = scale * side * 1.5 / segments * 2;
        for (int i = 0; i < segments; ++i) {
            dir += uniform(-0.6, 0.6);
            pts.push_back(pts.back() + cv::Point(int(step * std::cos(dir)), int(step * std::sin(dir))));
        }
        cv::polylines(mask, pts, false, cv::Scalar(255), uniformInt(1, 3));
        f.setTo(std::max(0.0, mean - 0.35), mask);
    } else if (type == "fray") {
        // Torn edge: jagged streaks from a border into the part.
        const bool vertical = uniform(0, 1) < 0.5;
        const int start = vertical ? uniformInt(0, w - 1) : uniformInt(0, h - 1);
        const int width = std::max(6, int(scale * side * 2));
        const int depth = std::max(8, int(uniform(0.15, 0.35) * (vertical ? h : w)));
        for (int i = 0; i < width; i += 2) {
            const int len = int(depth * uniform(0.3, 1.0));
            cv::Point a = vertical ? cv::Point(start + i - width / 2, 0) : cv::Point(0, start + i - width / 2);
            cv::Point b = a + (vertical ? cv::Point(uniformInt(-3, 3), len) : cv::Point(len, uniformInt(-3, 3)));
            cv::line(mask, a, b, cv::Scalar(255), 2);
        }
        cv::Mat shade(f.size(), CV_32F);
        cv::randu(shade, 0.0, 1.0);
        shade.copyTo(f, mask);
    } else if (type == "cutpaste") {
        const int pw = std::max(6, int(scale * side * 2)), ph = std::max(6, int(scale * side * 1.2));
        const cv::Rect src(uniformInt(0, w - pw), uniformInt(0, h - ph), pw, ph);
        cv::Rect dst(centre.x - pw / 2, centre.y - ph / 2, pw, ph);
        dst &= cv::Rect(0, 0, w, h);
        cv::Mat patch;
        cv::rotate(f(src), patch, cv::ROTATE_180);
        patch(cv::Rect(0, 0, dst.width, dst.height)).copyTo(f(dst));
        mask(dst).setTo(255);
    } else {  // brightness: a soft region lit unevenly, marked where the change shows
        const double sigma = std::max(4.0, scale * side * 1.5);
        const double gain = uniform(0, 1) < 0.5 ? uniform(0.45, 0.65) : uniform(1.4, 1.7);
        cv::Mat bump(f.size(), CV_32F);
        for (int y = 0; y < h; ++y)
            for (int x = 0; x < w; ++x) {
                const double d2 = std::pow(x - centre.x, 2) + std::pow(y - centre.y, 2);
                bump.at<float>(y, x) = float(std::exp(-d2 / (2 * sigma * sigma)));
            }
        f = f.mul(1 + (gain - 1) * bump);
        mask.setTo(255, bump > 0.5);
    }
    // Compared in 8 bits: a brightening of white saturates to the same value.
    cv::Mat out, changed;
    f.convertTo(out, CV_8U, 255);
    cv::absdiff(out, img, changed);
    const cv::Mat shows = changed >= kVisibleLevels;
    if (type == "brightness")
        mask &= shows;  // no edge of its own: marked where the change shows
    // Kept only when most of the marked region visibly changed.
    const int marked = cv::countNonZero(mask), shown = cv::countNonZero(shows & mask);
    if (shown < 4 || shown < marked / 2)
        return {};
    img = out;
    return mask;
}

// A visible defect of `type`, painted at another random place until it shows.
cv::Mat paintDefect(cv::Mat& img, const std::string& type)
{
    for (int attempt = 0; attempt < 100; ++attempt) {
        cv::Mat mask = tryPaintDefect(img, type);
        if (!mask.empty())
            return mask;
    }
    throw std::runtime_error("no visible " + type + " defect fits this image");
}

const std::vector<std::string> kDefects = {"hole", "crack", "fray", "cutpaste", "brightness"};

void writeDataset(
    const fs::path& root, const std::vector<cv::Mat>& train, const std::vector<cv::Mat>& testBase, int perDefect)
{
    fs::create_directories(root / "train/good");
    fs::create_directories(root / "test/good");
    for (size_t i = 0; i < train.size(); ++i)
        cv::imwrite((root / "train/good" / (std::to_string(1000 + i) + ".png")).string(), train[i]);
    size_t next = 0;
    auto base = [&] { return testBase[next++ % testBase.size()].clone(); };
    for (int i = 0; i < perDefect * 2; ++i)
        cv::imwrite((root / "test/good" / (std::to_string(1000 + i) + ".png")).string(), base());
    for (const auto& type : kDefects) {
        fs::create_directories(root / "test" / type);
        fs::create_directories(root / "ground_truth" / type);
        for (int i = 0; i < perDefect; ++i) {
            cv::Mat img = base();
            const cv::Mat mask = paintDefect(img, type);
            const std::string name = std::to_string(1000 + i);
            cv::imwrite((root / "test" / type / (name + ".png")).string(), img);
            cv::imwrite((root / "ground_truth" / type / (name + "_mask.png")).string(), mask);
        }
    }
    std::cout << root.string() << ": " << train.size() << " training images, " << perDefect * 2 << " good and "
              << perDefect * kDefects.size() << " defective test images\n";
}

}  // namespace

int main(int argc, char** argv)
{
    if (argc < 2 || std::string(argv[1]) == "--help") {
        std::cout << "usage: utad-synth OUT [--seed S] [--weld DIR]\n";
        return argc < 2 ? 2 : 0;
    }
    const fs::path out = argv[1];
    unsigned seed = 1;
    fs::path weld = utad::sampleDirectory();
    for (int i = 2; i + 1 < argc; i += 2) {
        const std::string opt = argv[i];
        if (opt == "--seed")
            seed = unsigned(std::stoul(argv[i + 1]));
        else if (opt == "--weld")
            weld = argv[i + 1];
    }
    rng.seed(seed);
    try {
        std::vector<cv::Mat> train, test;
        for (int i = 0; i < 100; ++i) {
            const int width = uniformInt(120, 350), height = uniformInt(120, 350);
            (i < 60 ? train : test).push_back(texture(0, width, height));
        }
        writeDataset(out / "texture", train, test, 10);

        const utad::Dataset sample = utad::openDataset(weld.string());
        std::vector<cv::Mat> weldTrain, weldTest;
        for (const auto& s : sample.train)
            weldTrain.push_back(utad::readImage(s));
        for (const auto& s : sample.test)
            if (s.label == utad::Label::Good)
                weldTest.push_back(utad::readImage(s));
        writeDataset(out / "weld", weldTrain, weldTest, 8);
    } catch (const std::exception& e) {
        std::cerr << "utad-synth: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
