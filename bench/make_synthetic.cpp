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
#include "utad/painted_defects.h"
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

// A visible defect of `type`, painted at another random place until it shows.
cv::Mat paintDefect(cv::Mat& img, const std::string& type)
{
    cv::Mat mask = utad::paintDefect(img, type, rng);
    if (mask.empty())
        throw std::runtime_error("no visible " + type + " defect fits this image");
    return mask;
}

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
    for (const auto& type : utad::kPaintedDefectTypes) {
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
              << perDefect * utad::kPaintedDefectTypes.size() << " defective test images\n";
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
