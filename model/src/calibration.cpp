// Calibration of a trained model on held-back good images: how the anomaly map is made is chosen
// on defects painted into them, then their scores give the proposed thresholds.
#include "utad/dataset.h"
#include "utad/error.h"
#include "utad/metrics.h"
#include "utad/painted_defects.h"

#include "model_impl.h"
#include "scoring.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <numeric>
#include <tuple>

namespace utad {

namespace {

// Keeps a uniform sample of at most `capacity` values from a stream (Algorithm R), so a quantile of
// every pixel of a large calibration set needs bounded memory.
class Reservoir {
public:
    Reservoir(size_t capacity, std::uint64_t seed) : capacity_(capacity), rng_(seed) {}
    void add(const cv::Mat& values)
    {
        for (auto it = values.begin<float>(); it != values.end<float>(); ++it, ++seen_) {
            if (sample_.size() < capacity_) {
                sample_.push_back(*it);
            } else {
                const std::uint64_t j = std::uniform_int_distribution<std::uint64_t>(0, seen_)(rng_);
                if (j < capacity_)
                    sample_[j] = *it;
            }
        }
    }
    double quantile(double q)
    {
        if (sample_.empty())
            return 0;
        const size_t k = std::min(sample_.size() - 1, size_t(q * double(sample_.size())));
        std::nth_element(sample_.begin(), sample_.begin() + long(k), sample_.end());
        return sample_[k];
    }

private:
    size_t capacity_;
    std::uint64_t seen_ = 0;
    std::mt19937_64 rng_;
    std::vector<float> sample_;
};

// The candidates "auto" chooses from. The sum marks what either residual marks; the geometric mean
// only what both mark, which drops the part outlines that the impression draws in the wrong place
// on every image, and fails where the naive impression carries little (fine textures).
constexpr const char* kCombinationCandidates[] = {"recon+naive", "recon*naive"};
// The gradient term marks thin cracks and torn edges in fine textures, and part outlines on welds.
constexpr const char* kResidualCandidates[] = {"ssim", "ssim+gradient"};

// "auto" settings fall back to what they score as before a choice.
ModelConfig withoutAuto(ModelConfig c)
{
    if (c.anomalyCombination == "auto")
        c.anomalyCombination = kCombinationCandidates[0];
    if (c.reconstructionResidual == "auto")
        c.reconstructionResidual = kResidualCandidates[0];
    return c;
}

// The settings calibration may try: every candidate of each "auto" setting, else its own value.
std::vector<ModelConfig> scoringCandidates(const ModelConfig& c)
{
    std::vector<std::string> combinations{c.anomalyCombination}, residuals{c.reconstructionResidual};
    if (c.anomalyCombination == "auto")
        combinations.assign(std::begin(kCombinationCandidates), std::end(kCombinationCandidates));
    if (c.method != Method::TwoStage)
        combinations = {withoutAuto(c).anomalyCombination};  // not read by the baseline
    if (c.reconstructionResidual == "auto")
        residuals.assign(std::begin(kResidualCandidates), std::end(kResidualCandidates));
    std::vector<ModelConfig> out;
    for (const auto& residual : residuals)
        for (const auto& combination : combinations) {
            ModelConfig candidate = c;
            candidate.anomalyCombination = combination;
            candidate.reconstructionResidual = residual;
            out.push_back(candidate);
        }
    return out;
}

// `image` (CV_32F in [0, 1], 1 or 3 channels) with one painted defect of `type`, and its mask;
// both empty when no visible defect fits.
std::pair<cv::Mat, cv::Mat> withPaintedDefect(
    const cv::Mat& image, const std::string& type, std::mt19937& rng, cv::RNG& noise)
{
    cv::Mat grey8;
    scoring::toGrey(image).convertTo(grey8, CV_8U, 255);
    cv::Mat painted8 = grey8.clone();
    cv::Mat mask = paintDefect(painted8, type, rng, noise);
    if (mask.empty())
        return {};
    cv::Mat before, after;
    grey8.convertTo(before, CV_32F, 1.0 / 255);
    painted8.convertTo(after, CV_32F, 1.0 / 255);
    cv::Mat delta = after - before;
    if (image.channels() == 3)
        cv::merge(std::vector<cv::Mat>{delta, delta, delta}, delta);
    cv::Mat out = cv::min(cv::max(image + delta, 0.0), 1.0);
    return {out, mask};
}

scoring::Views viewsOf(const Inference& r)
{
    scoring::Views v;
    v.x = scoring::toGrey(r.input);
    v.impression = scoring::toGrey(r.impression);
    v.reconstruction = scoring::toGrey(r.reconstruction);
    v.naiveMean = scoring::toGrey(r.naiveImpression);
    v.naiveVariance = cv::Mat::zeros(v.x.size(), CV_32F);  // not read by the candidates
    v.naiveResidual = r.residualNaive;  // the same for every candidate
    v.segmentation = r.segmentation;  // each candidate is joined with it as the model's maps are
    return v;
}

std::string figures(double image, double pixel)
{
    char buf[80];
    std::snprintf(buf, sizeof buf, "image AUROC %.3f, pixel AUROC %.3f", image, pixel);
    return buf;
}

}  // namespace

void Model::Impl::forEachInference(
    const std::vector<cv::Mat>& images, const std::function<void(const Inference&)>& use) const
{
    const size_t chunk = 8;
    for (size_t i = 0; i < images.size(); i += chunk) {
        const std::vector<cv::Mat> part(
            images.begin() + long(i), images.begin() + long(std::min(images.size(), i + chunk)));
        for (const auto& r : run(part, std::vector<cv::Size>(part.size())))
            use(r);
    }
}

Model::Impl::PaintedSet Model::Impl::paintedSet(const std::vector<cv::Mat>& held, size_t mapsPerImage) const
{
    // Each held image with each kind of defect, as many as keep the maps in bounded memory: one map
    // per painted image and candidate, 16 M map pixels in all (8 M per candidate of two).
    const size_t pixelsPerImage = std::max<size_t>(1, held.empty() ? 1 : held.front().total());
    const size_t maxPainted
        = std::clamp<size_t>((size_t(8) << 20) / pixelsPerImage / std::max<size_t>(1, mapsPerImage) * 2, 10, 200);
    std::mt19937 rng(std::uint32_t(info.config.seed) ^ 0x5eedu);
    cv::RNG noise(info.config.seed ^ 0x5eedu);  // not OpenCV's global one: the same set on every call
    PaintedSet set;
    for (size_t i = 0; i < held.size() && set.painted.size() < maxPainted; ++i) {
        set.clean.push_back(held[i]);
        for (const auto& type : kPaintedDefectTypes) {
            auto [image, mask] = withPaintedDefect(held[i], type, rng, noise);
            if (!image.empty() && set.painted.size() < maxPainted) {
                set.painted.push_back(image);
                set.masks.push_back(mask);
            }
        }
    }
    return set;
}

ModelConfig Model::Impl::chooseScoring(const std::vector<cv::Mat>& held, const Log& log) const
{
    const ModelConfig& c = info.config;
    const std::vector<ModelConfig> candidates = scoringCandidates(c);
    const ModelConfig fallback = withoutAuto(c);
    if (candidates.size() < 2 || held.empty())
        return fallback;
    const PaintedSet set = paintedSet(held, candidates.size());
    const std::vector<cv::Mat>& clean = set.clean;
    const std::vector<cv::Mat>& painted = set.painted;
    const std::vector<cv::Mat>& masks = set.masks;
    if (painted.empty()) {
        if (log)
            log("anomaly map: " + anomalyMapName(fallback) + " (no painted defect showed on the held-back images)");
        return fallback;
    }

    // Each image through the networks once; the candidates only combine its views differently.
    const size_t n = candidates.size();
    std::vector<std::vector<cv::Mat>> paintedMaps(n);
    std::vector<std::vector<double>> scores(n);
    std::vector<int> labels;
    auto score = [&](const std::vector<cv::Mat>& images, int label) {
        forEachInference(images, [&](const Inference& r) {
            scoring::Views v = viewsOf(r);
            labels.push_back(label);
            std::map<std::string, cv::Mat> reconstructionResiduals;  // one per kind, not per candidate
            for (size_t k = 0; k < n; ++k) {
                cv::Mat& rx = reconstructionResiduals[candidates[k].reconstructionResidual];
                if (rx.empty())
                    rx = scoring::reconstructionResidual(v.x, v.reconstruction, candidates[k]);
                v.reconstructionResidual = rx;
                cv::Mat map = scoring::smooth(scoring::anomalyMap(v, candidates[k]), c.smoothSigma);
                scores[k].push_back(scoring::imageScore(map, c.scoreTopFraction));
                if (label == 1)
                    paintedMaps[k].push_back(map);
            }
        });
    };
    score(clean, 0);
    score(painted, 1);

    size_t best = 0;
    double bestSum = -1;
    std::string report;
    for (size_t k = 0; k < n; ++k) {
        const double image = auroc(scores[k], labels), pixel = pixelAuroc(paintedMaps[k], masks);
        report += std::string(k ? "; " : "") + anomalyMapName(candidates[k]) + ": " + figures(image, pixel);
        if (image + pixel > bestSum) {
            bestSum = image + pixel;
            best = k;
        }
    }
    if (log)
        log("anomaly map: " + anomalyMapName(candidates[best]) + ", chosen on " + std::to_string(painted.size())
            + " defects painted into " + std::to_string(clean.size()) + " held-back images (" + report + ")");
    return candidates[best];
}

std::pair<cv::Mat, cv::Mat> Model::Impl::mapStatistics(const std::vector<cv::Mat>& images, const Log& log) const
{
    // Images trained on, not the held-back ones, whose scores must come from maps that did not make
    // the statistics. Their maps are a little lower than unseen images' maps, so good test images
    // lie a little above 0; a cap keeps the cost bounded.
    constexpr size_t kMaxImages = 1000;
    const std::vector<cv::Mat> used(images.begin(), images.begin() + long(std::min(images.size(), kMaxImages)));
    cv::Mat sum, sumSq;
    forEachInference(used, [&](const Inference& r) {
        cv::Mat m;
        r.anomalyMapNet.convertTo(m, CV_64F);
        if (sum.empty()) {
            sum = cv::Mat::zeros(m.size(), CV_64F);
            sumSq = sum.clone();
        }
        if (m.size() != sum.size())
            throw Error("whole images of different working sizes cannot share map statistics");
        sum += m;
        sumSq += m.mul(m);
    });
    if (sum.empty())
        return {};
    const double n = double(used.size());
    cv::Mat mean = sum / n, spread, mean32, spread32;
    cv::sqrt(cv::max(sumSq / n - mean.mul(mean), 0.0), spread);
    mean.convertTo(mean32, CV_32F);
    spread.convertTo(spread32, CV_32F);
    if (log)
        log("anomaly map standardised by the maps of " + std::to_string(used.size()) + " training images");
    return {mean32, spread32};
}

Calibration Model::Impl::calibrate(
    const std::vector<cv::Mat>& trainedOn, const std::vector<cv::Mat>& held, const Log& log)
{
    // The scoring is chosen, and the map statistics gathered, on plain maps.
    info.calibration.mapMean = cv::Mat();
    info.calibration.mapStddev = cv::Mat();
    if (info.config.anomalyCombination == "auto" || info.config.reconstructionResidual == "auto") {
        const ModelConfig chosen = chooseScoring(held, log);
        info.config.anomalyCombination = chosen.anomalyCombination;
        info.config.reconstructionResidual = chosen.reconstructionResidual;
    }
    const ModelConfig& c = info.config;
    Calibration cal;
    if (c.standardiseMap && c.wholeImage())
        std::tie(cal.mapMean, cal.mapStddev) = mapStatistics(trainedOn.empty() ? held : trainedOn, log);
    info.calibration.mapMean = cal.mapMean;  // held and painted images are scored standardised
    info.calibration.mapStddev = cal.mapStddev;
    // A bounded sample of the pixels: any number of images fits in memory.
    Reservoir pixels(1 << 18, c.seed);
    forEachInference(held, [&](const Inference& r) {
        cal.goodScores.push_back(r.score);
        pixels.add(r.anomalyMapNet);
    });
    // The same images with painted defects, scored as the model now scores: where good and defective
    // scores overlap, a threshold between them finds defects that a high quantile of the good ones misses.
    forEachInference(paintedSet(held, 1).painted, [&](const Inference& r) { cal.paintedScores.push_back(r.score); });
    const double count = double(cal.goodScores.size());
    cal.mean = std::accumulate(cal.goodScores.begin(), cal.goodScores.end(), 0.0) / count;
    double ss = 0;
    for (double s : cal.goodScores)
        ss += (s - cal.mean) * (s - cal.mean);
    cal.stddev = count > 1 ? std::sqrt(ss / (count - 1)) : 0;
    cal.maxPixel = pixels.quantile(0.999);
    return cal;
}

void Model::calibrate(const Dataset& dataset, const std::function<void(const std::string&)>& log)
{
    if (!d->trained)
        throw Error("the model is not trained: there is nothing to calibrate");
    const std::vector<cv::Mat> images = d->readTrainingImages(dataset, log);
    std::mt19937_64 rng(d->info.config.seed);  // as training drew its split
    const auto split = splitHeldBack(images, rng);
    const Calibration before = d->info.calibration;  // calibrate() clears the map statistics first
    try {
        d->info.calibration = d->calibrate(split.first, split.second, log);
    } catch (...) {
        d->info.calibration = before;
        throw;
    }
}

}  // namespace utad
