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

namespace {

// SSIM's window: an 11 x 11 Gaussian of sigma 1.5.
cv::Mat localMean(const cv::Mat& m)
{
    cv::Mat out;
    cv::GaussianBlur(m, out, cv::Size(11, 11), 1.5, 1.5, cv::BORDER_REFLECT);
    return out;
}

}  // namespace

cv::Mat ssimResidual(const cv::Mat& a, const cv::Mat& b, bool luminance)
{
    // Wang et al. 2004 with the usual constants for a dynamic range of 1.
    constexpr double c1 = 0.01 * 0.01, c2 = 0.03 * 0.03;
    cv::Mat muA = localMean(a), muB = localMean(b);
    cv::Mat muA2 = muA.mul(muA), muB2 = muB.mul(muB), muAB = muA.mul(muB);
    cv::Mat varA = localMean(a.mul(a)) - muA2;
    cv::Mat varB = localMean(b.mul(b)) - muB2;
    cv::Mat cov = localMean(a.mul(b)) - muAB;
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

cv::Mat gradientResidual(const cv::Mat& a, const cv::Mat& b)
{
    // Xue et al. 2014 (gradient magnitude similarity), averaged over scales as in RIAD (Zavrtanik et
    // al. 2021). Full resolution is left out where the image allows: it mostly marks pixel noise.
    constexpr double c = 0.0026;
    const cv::Mat kx = (cv::Mat_<float>(3, 3) << 1, 0, -1, 1, 0, -1, 1, 0, -1) / 3.0, ky = kx.t();
    auto magnitude = [&](const cv::Mat& m) {
        cv::Mat gx, gy, g;
        cv::filter2D(m, gx, CV_32F, kx, cv::Point(-1, -1), 0, cv::BORDER_REFLECT);
        cv::filter2D(m, gy, CV_32F, ky, cv::Point(-1, -1), 0, cv::BORDER_REFLECT);
        cv::magnitude(gx, gy, g);
        return g;
    };
    auto half = [](const cv::Mat& m) {
        cv::Mat out;
        cv::resize(m, out, cv::Size(m.cols / 2, m.rows / 2), 0, 0, cv::INTER_AREA);
        return out;
    };
    cv::Mat sa = a, sb = b;
    if (std::min(a.rows, a.cols) >= 16) {
        sa = half(a);
        sb = half(b);
    }
    cv::Mat total = cv::Mat::zeros(a.size(), CV_32F);
    int scales = 0;
    while (true) {
        const cv::Mat ga = magnitude(sa), gb = magnitude(sb);
        cv::Mat similarity, r;
        cv::divide(2 * ga.mul(gb) + c, ga.mul(ga) + gb.mul(gb) + c, similarity);
        cv::resize(1.0 - similarity, r, a.size(), 0, 0, cv::INTER_LINEAR);
        total += r;
        if (++scales == 3 || std::min(sa.rows, sa.cols) < 8)
            break;
        sa = half(sa);
        sb = half(sb);
    }
    return total / double(scales);
}

cv::Mat localMeanDifference(const cv::Mat& a, const cv::Mat& b)
{
    cv::Mat d;
    cv::absdiff(localMean(a), localMean(b), d);
    return d;
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

cv::Mat reconstructionResidual(const cv::Mat& x, const cv::Mat& reconstruction, const ModelConfig& config)
{
    const cv::Mat gx = toGrey(x), gr = toGrey(reconstruction);
    cv::Mat r = residual(gx, gr, config.ssimResidual, config.ssimLuminance);
    if (config.reconstructionResidual == "ssim+gradient")
        r = 0.5 * (r + gradientResidual(gx, gr) + localMeanDifference(gx, gr));
    else if (config.reconstructionResidual != "ssim" && config.reconstructionResidual != "auto")
        throw Error("unknown reconstruction residual '" + config.reconstructionResidual + "'");
    return r;
}

cv::Mat anomalyMap(const Views& v, const ModelConfig& config)
{
    auto r
        = [&](const cv::Mat& a, const cv::Mat& b) { return residual(a, b, config.ssimResidual, config.ssimLuminance); };
    auto rx = [&] { return reconstructionResidual(v.x, v.reconstruction, config); };
    cv::Mat e;
    if (config.method == Method::Autoencoder) {
        e = rx();
    } else {
        const std::string& how = config.anomalyCombination;
        if (how == "utad") {
            e = rx() + r(v.x, v.naiveMean) - v.naiveVariance - r(v.reconstruction, v.impression);
        } else if (how == "recon") {
            e = rx();
        } else if (how == "recon+naive" || how == "auto") {  // "auto" before calibration has chosen
            e = rx() + r(v.impression, v.naiveMean);
        } else if (how == "recon*naive") {  // geometric mean: only what both residuals mark
            cv::sqrt(rx().mul(r(v.impression, v.naiveMean)), e);
        } else if (how == "impression") {
            e = r(v.x, v.impression);
        } else {
            throw Error("unknown anomaly map combination '" + how + "'");
        }
    }
    return cv::max(e, 0.0);
}

}  // namespace utad::scoring
