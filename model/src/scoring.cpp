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

// What SSIM needs of one image; kept, so that comparing x with many shifted x_hat reuses x's.
struct LocalStats {
    cv::Mat mean, variance;
};

LocalStats localStats(const cv::Mat& m)
{
    LocalStats s;
    s.mean = localMean(m);
    s.variance = localMean(m.mul(m)) - s.mean.mul(s.mean);
    return s;
}

cv::Mat ssimResidual(const cv::Mat& a, const LocalStats& sa, const cv::Mat& b, const LocalStats& sb, bool luminance)
{
    // Wang et al. 2004 with the usual constants for a dynamic range of 1.
    constexpr double c1 = 0.01 * 0.01, c2 = 0.03 * 0.03;
    const cv::Mat muAB = sa.mean.mul(sb.mean);
    const cv::Mat cov = localMean(a.mul(b)) - muAB;
    if (!luminance) {
        cv::Mat cs, meanDiff;
        cv::divide(2 * cov + c2, sa.variance + sb.variance + c2, cs);
        cv::absdiff(sa.mean, sb.mean, meanDiff);
        cv::Mat r = 1.0 - cs + meanDiff;
        return cv::max(r, 0.0);
    }
    cv::Mat num = (2 * muAB + c1).mul(2 * cov + c2);
    cv::Mat den = (sa.mean.mul(sa.mean) + sb.mean.mul(sb.mean) + c1).mul(sa.variance + sb.variance + c2);
    cv::Mat ssim;
    cv::divide(num, den, ssim);
    cv::Mat r = 1.0 - ssim;
    return cv::max(r, 0.0);
}

// Gradient magnitudes (Prewitt / 3) at the three scales of gradientResidual.
std::vector<cv::Mat> gradientMagnitudes(const cv::Mat& m)
{
    const cv::Mat kx = (cv::Mat_<float>(3, 3) << 1, 0, -1, 1, 0, -1, 1, 0, -1) / 3.0, ky = kx.t();
    auto magnitude = [&](const cv::Mat& image) {
        cv::Mat gx, gy, g;
        cv::filter2D(image, gx, CV_32F, kx, cv::Point(-1, -1), 0, cv::BORDER_REFLECT);
        cv::filter2D(image, gy, CV_32F, ky, cv::Point(-1, -1), 0, cv::BORDER_REFLECT);
        cv::magnitude(gx, gy, g);
        return g;
    };
    auto half = [](const cv::Mat& image) {
        cv::Mat out;
        cv::resize(image, out, cv::Size(image.cols / 2, image.rows / 2), 0, 0, cv::INTER_AREA);
        return out;
    };
    // Full resolution is left out where the image allows: it mostly marks pixel noise.
    cv::Mat scaled = std::min(m.rows, m.cols) >= 16 ? half(m) : m;
    std::vector<cv::Mat> out;
    while (true) {
        out.push_back(magnitude(scaled));
        if (out.size() == 3 || std::min(scaled.rows, scaled.cols) < 8)
            return out;
        scaled = half(scaled);
    }
}

cv::Mat gradientResidual(const std::vector<cv::Mat>& ga, const std::vector<cv::Mat>& gb, cv::Size size)
{
    constexpr double c = 0.0026;
    cv::Mat total = cv::Mat::zeros(size, CV_32F);
    for (size_t k = 0; k < ga.size(); ++k) {
        cv::Mat similarity, r;
        cv::divide(2 * ga[k].mul(gb[k]) + c, ga[k].mul(ga[k]) + gb[k].mul(gb[k]) + c, similarity);
        cv::resize(1.0 - similarity, r, size, 0, 0, cv::INTER_LINEAR);
        total += r;
    }
    return total / double(ga.size());
}

}  // namespace

cv::Mat ssimResidual(const cv::Mat& a, const cv::Mat& b, bool luminance)
{
    return ssimResidual(a, localStats(a), b, localStats(b), luminance);
}

cv::Mat gradientResidual(const cv::Mat& a, const cv::Mat& b)
{
    // Xue et al. 2014 (gradient magnitude similarity), averaged over scales as in RIAD (Zavrtanik et
    // al. 2021).
    return gradientResidual(gradientMagnitudes(a), gradientMagnitudes(b), a.size());
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
    const std::string& how = config.reconstructionResidual;
    if (how != "ssim" && how != "ssim+gradient" && how != "auto")
        throw Error("unknown reconstruction residual '" + how + "'");
    // x's statistics are computed once for every shift of x_hat. Each shifted copy is a copy, so
    // that its statistics follow the same border rule as x's: the unshifted one gives exactly the
    // unshifted residual, edges included, and the least over the shifts is never above it.
    const int t = std::max(0, config.residualShift);
    const bool gradient = how == "ssim+gradient";
    const LocalStats xStats = localStats(gx);
    const std::vector<cv::Mat> xGradients = gradient ? gradientMagnitudes(gx) : std::vector<cv::Mat>{};
    cv::Mat padded;
    cv::copyMakeBorder(gr, padded, t, t, t, t, cv::BORDER_REPLICATE);
    cv::Mat best;
    for (int dy = -t; dy <= t; ++dy)
        for (int dx = -t; dx <= t; ++dx) {
            const cv::Mat b = padded(cv::Rect(t + dx, t + dy, gr.cols, gr.rows)).clone();
            const LocalStats bStats = localStats(b);
            cv::Mat r = config.ssimResidual ? ssimResidual(gx, xStats, b, bStats, config.ssimLuminance)
                                            : residual(gx, b, false);
            if (gradient) {
                cv::Mat meanDiff;
                cv::absdiff(xStats.mean, bStats.mean, meanDiff);
                r = 0.5 * (r + gradientResidual(xGradients, gradientMagnitudes(b), gx.size()) + meanDiff);
            }
            best = best.empty() ? r : cv::min(best, r);
        }
    return best;
}

cv::Mat anomalyMap(const Views& v, const ModelConfig& config)
{
    auto r
        = [&](const cv::Mat& a, const cv::Mat& b) { return residual(a, b, config.ssimResidual, config.ssimLuminance); };
    auto rx = [&] {
        return v.reconstructionResidual.empty() ? reconstructionResidual(v.x, v.reconstruction, config)
                                                : v.reconstructionResidual;
    };
    auto rNaive = [&] { return v.naiveResidual.empty() ? r(v.impression, v.naiveMean) : v.naiveResidual; };
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
            e = rx() + rNaive();
        } else if (how == "recon*naive") {  // geometric mean: only what both residuals mark
            cv::sqrt(rx().mul(rNaive()), e);
        } else if (how == "impression") {
            e = r(v.x, v.impression);
        } else {
            throw Error("unknown anomaly map combination '" + how + "'");
        }
    }
    e = cv::max(e, 0.0);
    if (!v.segmentation.empty() && config.segmenterMap == "product")
        cv::sqrt(e.mul(v.segmentation), e);
    else if (!v.segmentation.empty() && config.segmenterMap == "alone")
        e = v.segmentation.clone();
    return e;
}

}  // namespace utad::scoring
