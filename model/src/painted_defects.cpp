#include "utad/painted_defects.h"

#include <algorithm>
#include <cmath>
#include <opencv2/imgproc.hpp>

namespace utad {

const std::vector<std::string> kPaintedDefectTypes = {"hole", "crack", "fray", "cutpaste", "brightness"};

namespace {

// Smaller images leave no room for the defects' sizes and places.
constexpr int kMinSide = 16;

// One defect of `type` painted into `img` (CV_8UC1); returns its mask (0/255), or an empty mask
// (and `img` unchanged) when the defect would hardly change the image: a dark hole on a black
// background, a brightness change on saturated white, a patch pasted onto its like.
cv::Mat tryPaintDefect(cv::Mat& img, const std::string& type, std::mt19937& rng, cv::RNG& noise)
{
    auto uniform = [&](double a, double b) { return std::uniform_real_distribution<double>(a, b)(rng); };
    auto uniformInt = [&](int a, int b) { return std::uniform_int_distribution<int>(a, b)(rng); };
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
        noise.fill(shade, cv::RNG::UNIFORM, 0.0, 1.0);
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

}  // namespace

cv::Mat paintDefect(cv::Mat& img, const std::string& type, std::mt19937& rng, cv::RNG& noise)
{
    if (std::min(img.cols, img.rows) < kMinSide)
        return {};
    for (int attempt = 0; attempt < 100; ++attempt) {
        cv::Mat mask = tryPaintDefect(img, type, rng, noise);
        if (!mask.empty())
            return mask;
    }
    return {};
}

}  // namespace utad
