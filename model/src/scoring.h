#pragma once
// Residual maps, the anomaly map and the image score, on CV_32F images in [0, 1] (no torch here).
#include "utad/model.h"

#include <opencv2/core.hpp>
#include <vector>

namespace utad::scoring {

cv::Mat toGrey(const cv::Mat& image01);
// r(a, b) on grey images: 1 - SSIM map (11x11 Gaussian window, sigma 1.5), clipped at 0, or
// the squared difference.
cv::Mat residual(const cv::Mat& a, const cv::Mat& b, bool ssim = true, bool luminance = true);
// 1 - SSIM map of two grey CV_32F images in [0, 1]; without `luminance`, 1 - SSIM's contrast-
// structure term plus the absolute difference of the local means.
cv::Mat ssimResidual(const cv::Mat& a, const cv::Mat& b, bool luminance = true);
// 1 - gradient magnitude similarity (Prewitt, c = 0.0026), the mean over three scales from half
// the resolution (from full resolution for images under 16 px), at the size of `a`; grey inputs.
cv::Mat gradientResidual(const cv::Mat& a, const cv::Mat& b);
// |local mean(a) - local mean(b)| (the SSIM window); grey inputs.
cv::Mat localMeanDifference(const cv::Mat& a, const cv::Mat& b);
// r(x, x_hat) as config.reconstructionResidual says: r, or (r + gradient residual + local mean
// difference) / 2 ("ssim+gradient"). "auto" (not yet chosen by calibration) is r. With
// config.residualShift = t, the least of these over the reconstruction shifted by -t to t pixels in
// each direction (its edges replicated).
cv::Mat reconstructionResidual(const cv::Mat& x, const cv::Mat& reconstruction, const ModelConfig& config);
// Per-pixel variance over samples (grey).
cv::Mat variance(const std::vector<cv::Mat>& samples);
cv::Mat smooth(const cv::Mat& map, double sigma);
// Max of the map (topFraction <= 0) or the mean of its highest `topFraction` of pixels.
double imageScore(const cv::Mat& map, double topFraction);

// Grey images every map is made of.
struct Views {
    cv::Mat x, impression, reconstruction, naiveMean, naiveVariance;
    // r(x, x_hat) and r(m, naive) where the caller has them already (empty: anomalyMap computes them).
    cv::Mat reconstructionResidual, naiveResidual;
    cv::Mat segmentation;  // the defect segmenter's probability, where the model has one
};
// The raw (unsmoothed) anomaly map for a method and combination, clipped at 0, joined with the
// segmenter's probability as config.segmenterMap says where the views have one.
cv::Mat anomalyMap(const Views& v, const ModelConfig& config);

}  // namespace utad::scoring
