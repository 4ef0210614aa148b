// Detection metrics: image-level ROC/F1, and pixel-level AUROC/AUPRO/F1, exact and streaming.
#include "utad/metrics.h"

#include "utad/error.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <numeric>
#include <opencv2/imgproc.hpp>

namespace utad {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

void checkSizes(const std::vector<double>& scores, const std::vector<int>& labels)
{
    if (scores.size() != labels.size())
        throw Error(
            "Metrics: " + std::to_string(scores.size()) + " scores but " + std::to_string(labels.size()) + " labels");
}

// A score as it is compared; NaN sorts as the least anomalous value.
double key(double s) { return std::isnan(s) ? -std::numeric_limits<double>::infinity() : s; }

// `scores` without NaN, in ascending order (the thresholds' input).
void sortWithoutNaN(std::vector<double>& scores)
{
    scores.erase(std::remove_if(scores.begin(), scores.end(), [](double s) { return std::isnan(s); }), scores.end());
    std::sort(scores.begin(), scores.end());
}

// Indices ordered by descending score.
std::vector<std::size_t> descendingOrder(const std::vector<double>& scores)
{
    std::vector<std::size_t> order(scores.size());
    std::iota(order.begin(), order.end(), std::size_t(0));
    std::stable_sort(
        order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return key(scores[a]) > key(scores[b]); });
    return order;
}

// Walks the distinct thresholds from the highest score down, calling visit(threshold, tp, fp)
// after each group of equal scores: the counts of positives/negatives flagged by score >= threshold.
template <typename Visit>
void sweepThresholds(const std::vector<double>& scores, const std::vector<int>& labels, Visit visit)
{
    const auto order = descendingOrder(scores);
    long tp = 0, fp = 0;
    for (std::size_t i = 0; i < order.size(); ++i) {
        (labels[order[i]] ? tp : fp)++;
        const bool lastOfGroup = i + 1 == order.size() || key(scores[order[i + 1]]) != key(scores[order[i]]);
        if (lastOfGroup)
            visit(key(scores[order[i]]), tp, fp);
    }
}

long countPositives(const std::vector<int>& labels)
{
    return long(std::count_if(labels.begin(), labels.end(), [](int l) { return l != 0; }));
}

// ---- pixel metrics ------------------------------------------------------------------------------

void checkMap(const cv::Mat& map, const cv::Mat& mask, const std::string& which)
{
    if (map.type() != CV_32FC1)
        throw Error("Pixel metrics: anomaly map" + which + " is not single-channel float");
    if (!mask.empty() && (mask.size() != map.size() || mask.type() != CV_8UC1))
        throw Error("Pixel metrics: mask" + which + " (" + std::to_string(mask.cols) + "x" + std::to_string(mask.rows)
            + ") does not match its map (" + std::to_string(map.cols) + "x" + std::to_string(map.rows) + ", 8-bit)");
}

void checkMaps(const std::vector<cv::Mat>& maps, const std::vector<cv::Mat>& masks)
{
    if (maps.size() != masks.size())
        throw Error(
            "Pixel metrics: " + std::to_string(maps.size()) + " maps but " + std::to_string(masks.size()) + " masks");
    for (std::size_t i = 0; i < maps.size(); ++i)
        checkMap(maps[i], masks[i], " " + std::to_string(i));
}

// Every pixel of `maps` as a (value, defect) pair, for the exact metrics.
void collectPixels(const std::vector<cv::Mat>& maps, const std::vector<cv::Mat>& masks, std::vector<double>& values,
    std::vector<int>& defects)
{
    checkMaps(maps, masks);
    for (std::size_t i = 0; i < maps.size(); ++i)
        for (int y = 0; y < maps[i].rows; ++y) {
            const float* v = maps[i].ptr<float>(y);
            const unsigned char* m = masks[i].empty() ? nullptr : masks[i].ptr<unsigned char>(y);
            for (int x = 0; x < maps[i].cols; ++x) {
                values.push_back(v[x]);
                defects.push_back(m && m[x] != 0);
            }
        }
}

// 8-connected defect regions of `mask` (as in the MVTec AD evaluation): labels and areas (index 0
// is the background).
int defectRegions(const cv::Mat& mask, cv::Mat& labels, std::vector<int>& areas)
{
    cv::Mat stats, centroids;
    const int n = cv::connectedComponentsWithStats(mask, labels, stats, centroids, 8, CV_32S);
    areas.assign(std::size_t(n), 0);
    for (int r = 1; r < n; ++r)
        areas[std::size_t(r)] = stats.at<int>(r, cv::CC_STAT_AREA);
    return n - 1;
}

// Trapezoid area under (x, y) for x in [0, xMax], interpolating y linearly at xMax. x ascending.
double areaUpTo(const std::vector<double>& x, const std::vector<double>& y, double xMax)
{
    double area = 0;
    for (std::size_t i = 1; i < x.size(); ++i) {
        if (x[i - 1] >= xMax)
            break;
        if (x[i] <= xMax) {
            area += (x[i] - x[i - 1]) * (y[i] + y[i - 1]) / 2;
        } else {
            const double t = (xMax - x[i - 1]) / (x[i] - x[i - 1]);
            const double yAt = y[i - 1] + t * (y[i] - y[i - 1]);
            area += (xMax - x[i - 1]) * (yAt + y[i - 1]) / 2;
            break;
        }
    }
    return area;
}

}  // namespace

double Confusion::precision() const { return tp + fp > 0 ? double(tp) / double(tp + fp) : 0.0; }
double Confusion::recall() const { return tp + fn > 0 ? double(tp) / double(tp + fn) : 0.0; }
double Confusion::falsePositiveRate() const { return fp + tn > 0 ? double(fp) / double(fp + tn) : 0.0; }
double Confusion::f1() const { return tp > 0 ? 2.0 * double(tp) / double(2 * tp + fp + fn) : 0.0; }

double auroc(const std::vector<double>& scores, const std::vector<int>& labels)
{
    checkSizes(scores, labels);
    const long pos = countPositives(labels), neg = long(labels.size()) - pos;
    if (pos == 0 || neg == 0)
        return kNaN;
    // Mann-Whitney: sum over positives of (negatives scored lower + half the negatives tied).
    // Walk groups of equal score in descending order.
    const auto order = descendingOrder(scores);
    double favourable = 0;
    long negSeen = 0;
    for (std::size_t i = 0; i < order.size();) {
        std::size_t j = i;
        long groupPos = 0, groupNeg = 0;
        while (j < order.size() && key(scores[order[j]]) == key(scores[order[i]])) {
            (labels[order[j]] ? groupPos : groupNeg)++;
            ++j;
        }
        // Negatives scored lower than this group: neg - negSeen - groupNeg.
        favourable += double(groupPos) * (double(neg - negSeen - groupNeg) + 0.5 * double(groupNeg));
        negSeen += groupNeg;
        i = j;
    }
    return favourable / (double(pos) * double(neg));
}

RocCurve rocCurve(const std::vector<double>& scores, const std::vector<int>& labels)
{
    checkSizes(scores, labels);
    const long pos = countPositives(labels), neg = long(labels.size()) - pos;
    RocCurve roc;
    roc.fpr.push_back(0);
    roc.tpr.push_back(0);
    roc.thresholds.push_back(std::numeric_limits<double>::infinity());
    sweepThresholds(scores, labels, [&](double t, long tp, long fp) {
        roc.fpr.push_back(neg > 0 ? double(fp) / double(neg) : kNaN);
        roc.tpr.push_back(pos > 0 ? double(tp) / double(pos) : kNaN);
        roc.thresholds.push_back(t);
    });
    return roc;
}

F1Max f1Max(const std::vector<double>& scores, const std::vector<int>& labels)
{
    checkSizes(scores, labels);
    const long pos = countPositives(labels);
    F1Max best;
    if (pos == 0)
        return best;
    bool first = true;
    sweepThresholds(scores, labels, [&](double t, long tp, long fp) {
        const double f1 = 2.0 * double(tp) / double(tp + fp + pos);  // 2tp / (2tp + fp + fn)
        if (first || f1 > best.f1) {
            best.f1 = f1;
            best.threshold = t;
            best.precision = tp + fp > 0 ? double(tp) / double(tp + fp) : 0.0;
            best.recall = double(tp) / double(pos);
            first = false;
        }
    });
    return best;
}

Confusion confusionAt(const std::vector<double>& scores, const std::vector<int>& labels, double threshold)
{
    checkSizes(scores, labels);
    Confusion c;
    for (std::size_t i = 0; i < scores.size(); ++i) {
        const bool flagged = scores[i] >= threshold;
        if (labels[i])
            (flagged ? c.tp : c.fn)++;
        else
            (flagged ? c.fp : c.tn)++;
    }
    return c;
}

double pixelAuroc(const std::vector<cv::Mat>& maps, const std::vector<cv::Mat>& masks)
{
    std::vector<double> values;
    std::vector<int> defects;
    collectPixels(maps, masks, values, defects);
    return auroc(values, defects);
}

F1Max pixelF1Max(const std::vector<cv::Mat>& maps, const std::vector<cv::Mat>& masks)
{
    std::vector<double> values;
    std::vector<int> defects;
    collectPixels(maps, masks, values, defects);
    return f1Max(values, defects);
}

double aupro(const std::vector<cv::Mat>& maps, const std::vector<cv::Mat>& masks, double fprLimit)
{
    checkMaps(maps, masks);
    if (!(fprLimit > 0 && fprLimit <= 1))
        throw Error("AUPRO: the false-positive-rate limit must lie in (0, 1]");

    // Every defect region weighs the same: a pixel of a region of area A contributes 1 / (A * regions)
    // to the mean per-region overlap once flagged, and a good pixel 1 / goodPixels to the FPR.
    struct Pixel {
        double value, overlap;  // overlap < 0: a good pixel
    };
    std::vector<Pixel> pixels;
    long regions = 0;
    double goodPixels = 0;
    std::vector<cv::Mat> labels(maps.size());
    std::vector<std::vector<int>> areas(maps.size());
    for (std::size_t i = 0; i < maps.size(); ++i)
        if (!masks[i].empty())
            regions += defectRegions(masks[i], labels[i], areas[i]);
    for (std::size_t i = 0; i < maps.size(); ++i)
        for (int y = 0; y < maps[i].rows; ++y)
            for (int x = 0; x < maps[i].cols; ++x) {
                const int r = masks[i].empty() ? 0 : labels[i].at<int>(y, x);
                const double v = key(maps[i].at<float>(y, x));
                pixels.push_back({v, r ? 1.0 / (double(areas[i][std::size_t(r)]) * double(regions)) : -1.0});
                goodPixels += r == 0;
            }
    if (regions == 0 || goodPixels == 0)
        return kNaN;
    std::sort(pixels.begin(), pixels.end(), [](const Pixel& a, const Pixel& b) { return a.value > b.value; });

    // Thresholds from the highest value down: (fpr, pro) after each group of equal values.
    std::vector<double> fpr{0.0}, pro{0.0};
    double good = 0, overlap = 0;
    for (std::size_t i = 0; i < pixels.size(); ++i) {
        if (pixels[i].overlap < 0)
            good += 1;
        else
            overlap += pixels[i].overlap;
        if (i + 1 == pixels.size() || pixels[i + 1].value != pixels[i].value) {
            fpr.push_back(std::min(1.0, good / goodPixels));
            pro.push_back(std::min(1.0, overlap));
        }
    }
    fpr.push_back(1.0);
    pro.push_back(1.0);
    return areaUpTo(fpr, pro, fprLimit) / fprLimit;
}

// ---- PixelMetrics ------------------------------------------------------------------------------

namespace {

constexpr int kDroppedBits = 23 - 12;  // float mantissa bits below the bin resolution (4096 = 2^12 per octave)
static_assert(PixelMetrics::kBinsPerOctave == 1 << (23 - kDroppedBits));
constexpr std::uint32_t kLowBits = std::uint32_t(127 + PixelMetrics::kLowExponent) << 23;
constexpr std::uint32_t kHighBits = std::uint32_t(127 + PixelMetrics::kHighExponent) << 23;

std::uint32_t floatBits(float v)
{
    std::uint32_t u;
    std::memcpy(&u, &v, sizeof u);
    return u;
}

void checkLimit(double fprLimit)
{
    if (!(fprLimit > 0 && fprLimit <= 1))
        throw Error("AUPRO: the false-positive-rate limit must lie in (0, 1]");
}

}  // namespace

struct PixelMetrics::Curve {
    std::vector<double> fpr, pro;  // from (0, 0) to (1, 1), thresholds descending
};

int PixelMetrics::bin(float value)
{
    // Positive floats order like their bit patterns, so the top bits are a logarithmic grid.
    const std::uint32_t u = floatBits(value);
    if (!(value > 0) || u < kLowBits)  // zero, negative, NaN, tiny
        return 0;
    if (u >= kHighBits)
        return kBins - 1;
    return 1 + int((u - kLowBits) >> kDroppedBits);
}

double PixelMetrics::binLowerEdge(int b)
{
    if (b <= 0)
        return -std::numeric_limits<double>::infinity();
    const std::uint32_t u = b >= kBins - 1 ? kHighBits : kLowBits + (std::uint32_t(b - 1) << kDroppedBits);
    float f;
    std::memcpy(&f, &u, sizeof f);
    return f;
}

PixelMetrics::PixelMetrics() : good_(kBins, 0), defect_(kBins, 0), overlap_(kBins, 0) {}

void PixelMetrics::add(const cv::Mat& map, const cv::Mat& mask)
{
    checkMap(map, mask, "");
    cv::Mat labels;
    std::vector<int> areas;
    const bool anyDefect = !mask.empty() && cv::countNonZero(mask) > 0;
    const int regions = anyDefect ? defectRegions(mask, labels, areas) : 0;
    // (region << 32 | bin) of every defect pixel: sorted, they give each region's own histogram.
    std::vector<std::uint64_t> regionBins;
    for (int y = 0; y < map.rows; ++y) {
        const float* v = map.ptr<float>(y);
        const int* lab = anyDefect ? labels.ptr<int>(y) : nullptr;
        for (int x = 0; x < map.cols; ++x) {
            const int b = bin(v[x]);
            if (lab && lab[x] != 0) {
                ++defect_[std::size_t(b)];
                regionBins.push_back(std::uint64_t(lab[x]) << 32 | std::uint32_t(b));
            } else {
                ++good_[std::size_t(b)];
            }
        }
    }
    std::sort(regionBins.begin(), regionBins.end());
    for (std::size_t i = 0; i < regionBins.size();) {
        std::size_t j = i;
        while (j < regionBins.size() && regionBins[j] == regionBins[i])
            ++j;
        const std::uint64_t area = std::uint64_t(areas[std::size_t(regionBins[i] >> 32)]);
        const std::uint64_t count = j - i;
        overlap_[std::size_t(regionBins[i] & 0xffffffffu)] += ((count << kOverlapFractionBits) + area / 2) / area;
        i = j;
    }
    defectTotal_ += regionBins.size();
    goodTotal_ += std::uint64_t(map.total()) - regionBins.size();
    regions_ += std::uint64_t(regions);
    ++images_;
}

void PixelMetrics::merge(const PixelMetrics& other)
{
    for (std::size_t b = 0; b < std::size_t(kBins); ++b) {
        good_[b] += other.good_[b];
        defect_[b] += other.defect_[b];
        overlap_[b] += other.overlap_[b];
    }
    goodTotal_ += other.goodTotal_;
    defectTotal_ += other.defectTotal_;
    regions_ += other.regions_;
    images_ += other.images_;
}

PixelMetrics PixelMetrics::fromState(std::vector<std::uint64_t> good, std::vector<std::uint64_t> defect,
    std::vector<std::uint64_t> overlap, std::uint64_t regions, std::uint64_t images)
{
    if (good.size() != std::size_t(kBins) || defect.size() != std::size_t(kBins)
        || overlap.size() != std::size_t(kBins))
        throw Error(
            "Pixel histograms have " + std::to_string(good.size()) + " bins, expected " + std::to_string(kBins));
    PixelMetrics m;
    m.good_ = std::move(good);
    m.defect_ = std::move(defect);
    m.overlap_ = std::move(overlap);
    m.goodTotal_ = std::accumulate(m.good_.begin(), m.good_.end(), std::uint64_t(0));
    m.defectTotal_ = std::accumulate(m.defect_.begin(), m.defect_.end(), std::uint64_t(0));
    const std::uint64_t overlapTotal = std::accumulate(m.overlap_.begin(), m.overlap_.end(), std::uint64_t(0));
    // Each region adds about one unit (2^32) in all; rounding moves it by less than one part per bin.
    const double units = std::ldexp(double(overlapTotal), -kOverlapFractionBits);
    if ((regions == 0) != (m.defectTotal_ == 0) || std::abs(units - double(regions)) > 1e-3 * double(regions) + 1e-6)
        throw Error("Pixel histograms are inconsistent: " + std::to_string(regions) + " defect regions, "
            + std::to_string(m.defectTotal_) + " defect pixels");
    m.regions_ = regions;
    m.images_ = images;
    return m;
}

double PixelMetrics::auroc() const
{
    if (goodTotal_ == 0 || defectTotal_ == 0)
        return kNaN;
    // Ascending bins: defect pixels of bin b beat every good pixel below b and tie with those in b.
    double favourable = 0, goodBelow = 0;
    for (std::size_t b = 0; b < std::size_t(kBins); ++b) {
        favourable += double(defect_[b]) * (goodBelow + 0.5 * double(good_[b]));
        goodBelow += double(good_[b]);
    }
    return favourable / (double(defectTotal_) * double(goodTotal_));
}

double PixelMetrics::aurocMaxError() const
{
    if (goodTotal_ == 0 || defectTotal_ == 0)
        return kNaN;
    double tied = 0;
    for (std::size_t b = 0; b < std::size_t(kBins); ++b)
        tied += double(defect_[b]) * double(good_[b]);
    return 0.5 * tied / (double(defectTotal_) * double(goodTotal_));
}

PixelMetrics::Curve PixelMetrics::proCurve() const
{
    Curve c;
    c.fpr.push_back(0);
    c.pro.push_back(0);
    const double regionUnits = std::ldexp(double(regions_), kOverlapFractionBits);
    std::uint64_t good = 0, overlap = 0;
    for (int b = kBins - 1; b >= 0; --b) {
        if (good_[std::size_t(b)] == 0 && overlap_[std::size_t(b)] == 0)
            continue;
        good += good_[std::size_t(b)];
        overlap += overlap_[std::size_t(b)];
        c.fpr.push_back(std::min(1.0, double(good) / double(goodTotal_)));
        c.pro.push_back(std::min(1.0, double(overlap) / regionUnits));
    }
    c.fpr.push_back(1);
    c.pro.push_back(1);
    return c;
}

double PixelMetrics::aupro(double fprLimit) const
{
    checkLimit(fprLimit);
    if (regions_ == 0 || goodTotal_ == 0)
        return kNaN;
    const Curve c = proCurve();
    return areaUpTo(c.fpr, c.pro, fprLimit) / fprLimit;
}

double PixelMetrics::auproMaxError(double fprLimit) const
{
    checkLimit(fprLimit);
    if (regions_ == 0 || goodTotal_ == 0)
        return kNaN;
    const Curve c = proCurve();
    double bound = 0;
    for (std::size_t i = 1; i < c.fpr.size() && c.fpr[i - 1] < fprLimit; ++i) {
        const double dPro = c.pro[i] - c.pro[i - 1];
        bound += c.fpr[i] <= fprLimit ? 0.5 * (c.fpr[i] - c.fpr[i - 1]) * dPro : (fprLimit - c.fpr[i - 1]) * dPro;
    }
    return bound / fprLimit;
}

F1Max PixelMetrics::f1Max() const
{
    F1Max best;
    if (defectTotal_ == 0)
        return best;
    const double pos = double(defectTotal_);
    double tp = 0, fp = 0;
    bool first = true;
    for (int b = kBins - 1; b >= 0; --b) {
        if (good_[std::size_t(b)] == 0 && defect_[std::size_t(b)] == 0)
            continue;
        tp += double(defect_[std::size_t(b)]);
        fp += double(good_[std::size_t(b)]);
        const double f1 = 2 * tp / (tp + fp + pos);
        if (first || f1 > best.f1) {
            best = {f1, binLowerEdge(b), tp / (tp + fp), tp / pos};
            first = false;
        }
    }
    return best;
}

PixelMetrics::Rates PixelMetrics::at(double threshold) const
{
    double tp = 0, fp = 0;
    for (int b = bin(float(threshold)); b < kBins; ++b) {
        tp += double(defect_[std::size_t(b)]);
        fp += double(good_[std::size_t(b)]);
    }
    Rates r;
    r.precision = tp + fp > 0 ? tp / (tp + fp) : 0;
    r.recall = defectTotal_ ? tp / double(defectTotal_) : 0;
    r.falsePositiveRate = goodTotal_ ? fp / double(goodTotal_) : 0;
    return r;
}

double thresholdForFpr(std::vector<double> calibrationScores, double targetFpr)
{
    sortWithoutNaN(calibrationScores);
    if (calibrationScores.empty())
        return kNaN;
    // Linear-interpolated quantile at 1 - targetFpr (the usual "type 7" definition).
    const double q = 1.0 - std::clamp(targetFpr, 0.0, 1.0);
    const double pos = q * double(calibrationScores.size() - 1);
    const std::size_t lo = std::size_t(std::floor(pos));
    const std::size_t hi = std::min(lo + 1, calibrationScores.size() - 1);
    return calibrationScores[lo] + (pos - double(lo)) * (calibrationScores[hi] - calibrationScores[lo]);
}

double balancedThreshold(std::vector<double> good, std::vector<double> defective, double falseAlarmWeight)
{
    sortWithoutNaN(good);
    sortWithoutNaN(defective);
    if (good.empty() || defective.empty())
        return kNaN;
    std::vector<double> all(good);
    all.insert(all.end(), defective.begin(), defective.end());
    std::sort(all.begin(), all.end());
    all.erase(std::unique(all.begin(), all.end()), all.end());
    const auto shareAbove = [](const std::vector<double>& sorted, double t) {
        return double(sorted.end() - std::upper_bound(sorted.begin(), sorted.end(), t)) / double(sorted.size());
    };
    double best = 0, threshold = kNaN;
    for (size_t i = 0; i + 1 < all.size(); ++i) {
        const double t = 0.5 * (all[i] + all[i + 1]);
        const double gain = shareAbove(defective, t) - falseAlarmWeight * shareAbove(good, t);
        if (gain > best) {
            best = gain;
            threshold = t;
        }
    }
    return threshold;
}

}  // namespace utad
