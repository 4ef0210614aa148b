#pragma once
// Synthetic anomaly-free textures for the model tests: diagonal stripes with random phase and noise.
#include "utad/dataset.h"

#include <cmath>
#include <filesystem>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <random>
#include <string>

namespace utad::testing {

inline cv::Mat stripeTexture(std::mt19937& rng, int size, double period = 8, double maxPhase = 2 * M_PI)
{
    std::uniform_real_distribution<double> phaseDist(0, maxPhase);
    std::normal_distribution<double> noise(0, 6);
    const double phase = phaseDist(rng);
    cv::Mat img(size, size, CV_8UC1);
    for (int y = 0; y < size; ++y)
        for (int x = 0; x < size; ++x)
            img.at<uchar>(y, x)
                = cv::saturate_cast<uchar>(128 + 60 * std::sin(2 * M_PI * (x + y) / period + phase) + noise(rng));
    return img;
}

// Writes `count` textures as PNG files into `dir` and returns a dataset training on them.
inline Dataset textureDataset(
    const std::string& dir, int count, int size, unsigned seed, double period = 8, double maxPhase = 2 * M_PI)
{
    std::filesystem::create_directories(dir);
    std::mt19937 rng(seed);
    Dataset ds;
    ds.root = dir;
    ds.kind = DatasetKind::MVTec;
    for (int i = 0; i < count; ++i) {
        Sample s;
        s.path = dir + "/texture_" + std::to_string(i) + ".png";
        s.label = Label::Good;
        s.defectType = "good";
        cv::imwrite(s.path, stripeTexture(rng, size, period, maxPhase));
        ds.train.push_back(s);
    }
    return ds;
}

}  // namespace utad::testing
