#include "scoring.h"

#include "utad/error.h"

#include <algorithm>
#include <cmath>
#include <opencv2/imgproc.hpp>

namespace utad::scoring {

cv::Mat toGrey(const cv::Mat& image01)
{
    if (image01.channels() == 1)
        return image01;
    cv::Mat grey;
    cv::cvtColor(image01, grey, cv::COLOR_BGR2GRAY);
    return grey;
}

cv::Mat ssimResidual(const cv::Mat& a, const cv::Mat& b, bool luminance)
{
    // Wang et al. 2004 with the usual constants for a dynamic range of 1.
    constexpr double c1 = 0.01 * 0.01, c2 = 0.03 * 0.03;
    const cv::Size window(11, 11);
    constexpr double sigma = 1.5;
    auto blur = [&](const cv::Mat& m) {
        cv::Mat out;
        cv::GaussianBlur(m, out, window, sigma, sigma, cv::BORDER_REFLECT);
        return out;
    };
    cv::Mat muA = blur(a), muB = blur(b);
    cv::Mat muA2 = muA.mul(muA), muB2 = muB.mul(muB), muAB = muA.mul(muB);
    cv::Mat varA = blur(a.mul(a)) - muA2;
    cv::Mat varB = blur(b.mul(b)) - muB2;
    cv::Mat cov = blur(a.mul(b)) - muAB;
    if (!luminance) {
        cv::Mat cs, meanDiff;
        cv::divide(2 * cov + c2, varA + varB + c2, cs);
        cv::absdiff(muA, muB, meanDiff);
        cv::Mat r = 1.0 - cs + meanDiff;
        return cv::max(r, 0.0);
    }
    cv::Mat num = (2 * muAB + c1).mul(2 * cov + c2);
    cv::Mat den = (muA2 + muB2 + c1).mul(varA + varB + c2);
    cv::Mat ssim;
    cv::divide(num, den, ssim);
    cv::Mat r = 1.0 - ssim;
    return cv::max(r, 0.0);
}

cv::Mat residual(const cv::Mat& a, const cv::Mat& b, bool ssim, bool luminance)
{
    cv::Mat ga = toGrey(a), gb = toGrey(b);
    if (ssim)
        return ssimResidual(ga, gb, luminance);
    cv::Mat d = ga - gb;
    return d.mul(d);
}

cv::Mat variance(const std::vector<cv::Mat>& samples)
{
    if (samples.empty())
        return {};
    cv::Mat sum = cv::Mat::zeros(samples[0].size(), CV_32F), sumSq = sum.clone();
    for (const auto& s : samples) {
        cv::Mat g = toGrey(s);
        sum += g;
        sumSq += g.mul(g);
    }
    const double n = double(samples.size());
    cv::Mat mean = sum / n;
    cv::Mat var = sumSq / n - mean.mul(mean);
    return cv::max(var, 0.0);
}

cv::Mat smooth(const cv::Mat& map, double sigma)
{
    if (sigma <= 0)
        return map.clone();
    cv::Mat out;
    cv::GaussianBlur(map, out, cv::Size(), sigma, sigma, cv::BORDER_REFLECT);
    return out;
}

double imageScore(const cv::Mat& map, double topFraction)
{
    if (map.empty())
        return 0;
    if (topFraction <= 0) {
        double maxValue = 0;
        cv::minMaxLoc(map, nullptr, &maxValue);
        return maxValue;
    }
    cv::Mat flat = map.reshape(1, 1).clone();
    std::vector<float> values(flat.begin<float>(), flat.end<float>());
    const size_t k = std::clamp<size_t>(size_t(std::ceil(topFraction * double(values.size()))), 1, values.size());
    std::nth_element(values.begin(), values.begin() + long(k) - 1, values.end(), std::greater<float>());
    double sum = 0;
    for (size_t i = 0; i < k; ++i)
        sum += values[i];
    return sum / double(k);
}

cv::Mat anomalyMap(const Views& v, const ModelConfig& config)
{
    auto r
        = [&](const cv::Mat& a, const cv::Mat& b) { return residual(a, b, config.ssimResidual, config.ssimLuminance); };
    cv::Mat e;
    if (config.method == Method::Autoencoder) {
        e = r(v.x, v.reconstruction);
    } else {
        const std::string& how = config.anomalyCombination;
        if (how == "utad") {
            e = r(v.x, v.reconstruction) + r(v.x, v.naiveMean) - v.naiveVariance - r(v.reconstruction, v.impression);
        } else if (how == "recon") {
            e = r(v.x, v.reconstruction);
        } else if (how == "recon+naive" || how == "auto") {  // "auto" before calibration has chosen
            e = r(v.x, v.reconstruction) + r(v.impression, v.naiveMean);
        } else if (how == "recon*naive") {  // geometric mean: only what both residuals mark
            cv::sqrt(r(v.x, v.reconstruction).mul(r(v.impression, v.naiveMean)), e);
        } else if (how == "impression") {
            e = r(v.x, v.impression);
        } else {
            throw Error("unknown anomaly map combination '" + how + "'");
        }
    }
    return cv::max(e, 0.0);
}

}  // namespace utad::scoring
