// Detection metrics: image-level ROC/F1, and pixel-level AUROC/AUPRO over many maps.
#include "utad/metrics.h"
#include "utad/error.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace utad {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

void checkSizes(const std::vector<double>& scores, const std::vector<int>& labels)
{
    if (scores.size() != labels.size())
        throw Error("Metrics: " + std::to_string(scores.size()) + " scores but " + std::to_string(labels.size()) +
                    " labels");
}

// A score as it is compared; NaN sorts as the least anomalous value.
double key(double s) { return std::isnan(s) ? -std::numeric_limits<double>::infinity() : s; }

// Indices ordered by descending score.
std::vector<std::size_t> descendingOrder(const std::vector<double>& scores)
{
    std::vector<std::size_t> order(scores.size());
    std::iota(order.begin(), order.end(), std::size_t(0));
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return key(scores[a]) > key(scores[b]); });
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

// ---- pixel histograms ---------------------------------------------------------------------------
// Pixel metrics bin every map value on a fine linear grid between the global minimum and maximum
// (2^20 bins): memory stays constant however many pixels there are, and values falling in the same
// bin count as ties, like equal scores do.
constexpr int kBins = 1 << 20;

struct ValueRange {
    double lo = 0, scale = 0;
    int bin(float v) const
    {
        const double x = (double(v) - lo) * scale;
        if (!(x > 0))
            return 0;  // also NaN
        return x >= kBins - 1 ? kBins - 1 : int(x);
    }
};

void checkMaps(const std::vector<cv::Mat>& maps, const std::vector<cv::Mat>& masks)
{
    if (maps.size() != masks.size())
        throw Error("Pixel metrics: " + std::to_string(maps.size()) + " maps but " + std::to_string(masks.size()) +
                    " masks");
    for (std::size_t i = 0; i < maps.size(); ++i) {
        if (maps[i].type() != CV_32FC1)
            throw Error("Pixel metrics: anomaly map " + std::to_string(i) + " is not single-channel float");
        if (!masks[i].empty() && (masks[i].size() != maps[i].size() || masks[i].type() != CV_8UC1))
            throw Error("Pixel metrics: mask " + std::to_string(i) + " (" + std::to_string(masks[i].cols) + "x" +
                        std::to_string(masks[i].rows) + ") does not match its map (" + std::to_string(maps[i].cols) +
                        "x" + std::to_string(maps[i].rows) + ", 8-bit)");
    }
}

ValueRange valueRange(const std::vector<cv::Mat>& maps)
{
    double lo = std::numeric_limits<double>::infinity(), hi = -lo;
    for (const auto& m : maps) {
        if (m.empty())
            continue;
        double a = 0, b = 0;
        cv::minMaxLoc(m, &a, &b);
        lo = std::min(lo, a);
        hi = std::max(hi, b);
    }
    ValueRange r;
    if (std::isfinite(lo) && std::isfinite(hi) && hi > lo) {
        r.lo = lo;
        r.scale = (kBins - 1) / (hi - lo);
    } else if (std::isfinite(lo)) {
        r.lo = lo;
    }
    return r;
}

// Calls f(value, isDefect, row, col) for every pixel of map i.
template <typename F>
void forEachPixel(const cv::Mat& map, const cv::Mat& mask, F f)
{
    for (int y = 0; y < map.rows; ++y) {
        const float* v = map.ptr<float>(y);
        const unsigned char* m = mask.empty() ? nullptr : mask.ptr<unsigned char>(y);
        for (int x = 0; x < map.cols; ++x)
            f(v[x], m && m[x] != 0, y, x);
    }
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

} // namespace

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
    checkMaps(maps, masks);
    const ValueRange range = valueRange(maps);
    std::vector<std::uint32_t> posHist(kBins, 0), negHist(kBins, 0);
    for (std::size_t i = 0; i < maps.size(); ++i)
        forEachPixel(maps[i], masks[i], [&](float v, bool defect, int, int) { (defect ? posHist : negHist)[std::size_t(range.bin(v))]++; });

    double pos = 0, neg = 0;
    for (int b = 0; b < kBins; ++b) {
        pos += posHist[std::size_t(b)];
        neg += negHist[std::size_t(b)];
    }
    if (pos == 0 || neg == 0)
        return kNaN;
    // Ascending bins: defect pixels of bin b beat every good pixel below b and tie with those in b.
    double favourable = 0, negBelow = 0;
    for (int b = 0; b < kBins; ++b) {
        favourable += double(posHist[std::size_t(b)]) * (negBelow + 0.5 * double(negHist[std::size_t(b)]));
        negBelow += negHist[std::size_t(b)];
    }
    return favourable / (pos * neg);
}

double aupro(const std::vector<cv::Mat>& maps, const std::vector<cv::Mat>& masks, double fprLimit)
{
    checkMaps(maps, masks);
    if (!(fprLimit > 0 && fprLimit <= 1))
        throw Error("AUPRO: the false-positive-rate limit must lie in (0, 1]");

    // Every defect region (8-connected, as in the MVTec AD evaluation) weighs the same: a pixel of a
    // region of area A contributes 1 / (A * regions) to the mean per-region overlap once flagged,
    // and a good pixel contributes 1 / goodPixels to the false-positive rate.
    std::vector<cv::Mat> regionLabels(maps.size());
    std::vector<std::vector<int>> regionAreas(maps.size());
    long regions = 0;
    double goodPixels = 0;
    for (std::size_t i = 0; i < maps.size(); ++i) {
        const double total = double(maps[i].total());
        if (masks[i].empty()) {
            goodPixels += total;
            continue;
        }
        cv::Mat stats, centroids;
        const int n = cv::connectedComponentsWithStats(masks[i], regionLabels[i], stats, centroids, 8, CV_32S);
        regionAreas[i].resize(std::size_t(n), 0);
        for (int r = 1; r < n; ++r)
            regionAreas[i][std::size_t(r)] = stats.at<int>(r, cv::CC_STAT_AREA);
        regions += n - 1;
        goodPixels += total - double(cv::countNonZero(masks[i]));
    }
    if (regions == 0 || goodPixels == 0)
        return kNaN;

    const ValueRange range = valueRange(maps);
    std::vector<std::uint32_t> goodHist(kBins, 0);
    std::vector<double> proHist(kBins, 0.0);
    for (std::size_t i = 0; i < maps.size(); ++i) {
        const cv::Mat& lab = regionLabels[i];
        forEachPixel(maps[i], masks[i], [&](float v, bool defect, int y, int x) {
            const std::size_t b = std::size_t(range.bin(v));
            if (defect)
                proHist[b] += 1.0 / (double(regionAreas[i][std::size_t(lab.at<int>(y, x))]) * double(regions));
            else
                goodHist[b]++;
        });
    }

    // Sweep thresholds from the highest bin down: (fpr, pro) after each bin, from (0, 0) to (1, 1).
    std::vector<double> fpr{0.0}, pro{0.0};
    double good = 0, overlap = 0;
    for (int b = kBins - 1; b >= 0; --b) {
        if (goodHist[std::size_t(b)] == 0 && proHist[std::size_t(b)] == 0)
            continue;
        good += goodHist[std::size_t(b)];
        overlap += proHist[std::size_t(b)];
        fpr.push_back(std::min(1.0, good / goodPixels));
        pro.push_back(std::min(1.0, overlap));
    }
    fpr.push_back(1.0);
    pro.push_back(1.0);
    return areaUpTo(fpr, pro, fprLimit) / fprLimit;
}

double thresholdForFpr(std::vector<double> calibrationScores, double targetFpr)
{
    calibrationScores.erase(std::remove_if(calibrationScores.begin(), calibrationScores.end(),
                                           [](double s) { return std::isnan(s); }),
                            calibrationScores.end());
    if (calibrationScores.empty())
        return kNaN;
    std::sort(calibrationScores.begin(), calibrationScores.end());
    // Linear-interpolated quantile at 1 - targetFpr (the usual "type 7" definition).
    const double q = 1.0 - std::clamp(targetFpr, 0.0, 1.0);
    const double pos = q * double(calibrationScores.size() - 1);
    const std::size_t lo = std::size_t(std::floor(pos));
    const std::size_t hi = std::min(lo + 1, calibrationScores.size() - 1);
    return calibrationScores[lo] + (pos - double(lo)) * (calibrationScores[hi] - calibrationScores[lo]);
}

} // namespace utad
