// utad-trivial: what rules without any network reach on a dataset, to read the models' figures
// against. Both rules learn from the good training images only:
//  - brightness: an image's score is how far its mean grey lies from the training images' mean,
//    in their standard deviations (every pixel of its map gets that score);
//  - pixel Gaussian: every image is resized to the training images' median size, and a pixel's
//    score is |x - mean| / (std + 0.02) of the training images at that place, smoothed (sigma 2 px)
//    and resized back; the image score is the mean of the map's top 2 %, as the presets score.
// A model whose figure a trivial rule reaches has not shown that it finds defects.
//   utad-trivial DATA [--normal-class N]
#include "utad/dataset.h"
#include "utad/error.h"
#include "utad/metrics.h"

#include "scoring.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iostream>
#include <numeric>
#include <opencv2/imgproc.hpp>
#include <string>
#include <vector>

namespace {

cv::Mat greyFloat(const utad::Sample& sample)
{
    const cv::Mat img = utad::readImage(sample);
    cv::Mat grey, f;
    if (img.channels() == 3)
        cv::cvtColor(img, grey, cv::COLOR_BGR2GRAY);
    else
        grey = img;
    grey.convertTo(f, CV_32F, 1.0 / 255.0);
    return f;
}

struct Figures {
    std::vector<double> scores;
    utad::PixelMetrics pixels;
};

void print(const char* rule, const Figures& f, const std::vector<int>& labels, bool masks)
{
    std::printf("  %-16s image AUROC %.4f", rule, utad::auroc(f.scores, labels));
    if (masks)
        std::printf("   pixel AUROC %.4f   AUPRO (0.3) %.4f", f.pixels.auroc(), f.pixels.aupro(0.3));
    std::printf("\n");
}

}  // namespace

int main(int argc, char** argv)
{
    if (argc != 2 && !(argc == 4 && std::string(argv[2]) == "--normal-class")) {
        std::cerr << "usage: utad-trivial DATA [--normal-class N]\n";
        return 2;
    }
    try {
        const utad::Dataset data = utad::openDataset(argv[1], argc == 4 ? std::stoi(argv[3]) : -1);
        if (data.train.empty())
            throw utad::Error("the dataset has no good training images");

        // What the good training images show: mean grey, and the per-pixel mean and spread.
        std::vector<double> means;
        std::vector<int> widths, heights;
        std::vector<cv::Mat> train;
        for (const auto& s : data.train) {
            train.push_back(greyFloat(s));
            means.push_back(cv::mean(train.back())[0]);
            widths.push_back(train.back().cols);
            heights.push_back(train.back().rows);
        }
        auto median = [](std::vector<int> v) {
            std::nth_element(v.begin(), v.begin() + long(v.size() / 2), v.end());
            return v[v.size() / 2];
        };
        const cv::Size common(median(widths), median(heights));
        const double mu = std::accumulate(means.begin(), means.end(), 0.0) / double(means.size());
        double var = 0;
        for (double m : means)
            var += (m - mu) * (m - mu);
        const double sigma = std::sqrt(var / double(std::max<size_t>(1, means.size() - 1))) + 1e-6;
        cv::Mat sum = cv::Mat::zeros(common, CV_64F), sumSq = cv::Mat::zeros(common, CV_64F);
        for (const auto& t : train) {
            cv::Mat r, r64;
            cv::resize(t, r, common, 0, 0, cv::INTER_AREA);
            r.convertTo(r64, CV_64F);
            sum += r64;
            sumSq += r64.mul(r64);
        }
        const double n = double(train.size());
        cv::Mat pixelMean = sum / n, pixelStd;
        cv::sqrt(cv::max(sumSq / n - pixelMean.mul(pixelMean), 0.0), pixelStd);
        pixelMean.convertTo(pixelMean, CV_32F);
        pixelStd.convertTo(pixelStd, CV_32F);

        Figures brightness, gaussian;
        std::vector<int> labels;
        size_t skipped = 0;
        for (const auto& s : data.test) {
            if (s.label == utad::Label::Unknown)
                continue;
            cv::Mat x;
            try {
                x = greyFloat(s);
            } catch (const utad::Error&) {
                ++skipped;
                continue;
            }
            labels.push_back(s.label == utad::Label::Anomalous ? 1 : 0);
            const cv::Mat mask = utad::readMask(s, x.size());
            const double b = std::abs(cv::mean(x)[0] - mu) / sigma;
            brightness.scores.push_back(b);
            cv::Mat r, z, map;
            cv::resize(x, r, common, 0, 0, common.area() < x.size().area() ? cv::INTER_AREA : cv::INTER_LINEAR);
            cv::absdiff(r, pixelMean, z);
            z = z / (pixelStd + 0.02);
            cv::GaussianBlur(z, z, cv::Size(0, 0), 2.0);
            gaussian.scores.push_back(utad::scoring::imageScore(z, 0.02));
            if (data.hasMasks()) {
                brightness.pixels.add(cv::Mat(x.size(), CV_32F, cv::Scalar(b)), mask);
                cv::resize(z, map, x.size(), 0, 0, cv::INTER_LINEAR);
                gaussian.pixels.add(map, mask);
            }
        }
        if (labels.empty())
            throw utad::Error("the dataset has no labelled test images");
        std::printf("Trivial rules on %s (%zu labelled test images, %zu good training images%s)\n", data.root.c_str(),
            labels.size(), data.train.size(),
            skipped ? (", " + std::to_string(skipped) + " unreadable skipped").c_str() : "");
        print("brightness", brightness, labels, data.hasMasks());
        print("pixel Gaussian", gaussian, labels, data.hasMasks());
        return 0;
    } catch (const std::exception& e) {
        std::cerr << "error: " << e.what() << "\n";
        return 1;
    }
}
