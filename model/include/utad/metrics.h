#pragma once
// Detection metrics. Scores: higher means more anomalous. Labels: 1 anomalous, 0 good.
#include <cstdint>
#include <opencv2/core.hpp>
#include <vector>

namespace utad {

struct RocCurve {
    std::vector<double> fpr, tpr, thresholds;  // thresholds descending; point i flags score >= thresholds[i]
};

struct F1Max {
    double f1 = 0, threshold = 0, precision = 0, recall = 0;
};

struct Confusion {
    long tp = 0, fp = 0, tn = 0, fn = 0;
    double precision() const;
    double recall() const;  // true-positive rate
    double falsePositiveRate() const;
    double f1() const;
};

// Area under the ROC curve with ties counted half. NaN when one class is absent.
double auroc(const std::vector<double>& scores, const std::vector<int>& labels);
RocCurve rocCurve(const std::vector<double>& scores, const std::vector<int>& labels);
F1Max f1Max(const std::vector<double>& scores, const std::vector<int>& labels);
// An image is flagged when score >= threshold.
Confusion confusionAt(const std::vector<double>& scores, const std::vector<int>& labels, double threshold);

// Exact pixel-level metrics over maps (CV_32F) and masks (CV_8U, nonzero = defect) of equal sizes.
// A mask may be empty (an image with no defect): all its pixels count as good. They sort every
// pixel value, so they are meant for small data and for checking PixelMetrics.
double pixelAuroc(const std::vector<cv::Mat>& maps, const std::vector<cv::Mat>& masks);
// Per-region overlap integrated over FPR in [0, fprLimit], divided by fprLimit. NaN without defects.
double aupro(const std::vector<cv::Mat>& maps, const std::vector<cv::Mat>& masks, double fprLimit = 0.3);
// The F1-maximising pixel threshold (flagged: value >= threshold).
F1Max pixelF1Max(const std::vector<cv::Mat>& maps, const std::vector<cv::Mat>& masks);

// Pixel AUROC, AUPRO and F1 accumulated image by image in memory that does not grow with the number
// of images: fixed histograms of map values for good and defect pixels, and for AUPRO the per-region
// histograms summed with the weight 1 / (region area), which is all the mean per-region overlap needs.
//
// Binning. Values are binned on a fixed logarithmic grid, the same for every run, so accumulators
// of different runs (shards) add up: 4096 bins per octave from 2^-20 to 2^12 (bin edges are the
// float values whose low 11 mantissa bits are zero), one bin for everything below 2^-20 (zero,
// negative and NaN values) and one for everything from 2^12 up. Two values less than 0.025 % apart
// may fall in one bin and then count as tied. The resulting error is bounded and reported:
//  - AUROC: a defect/good pixel pair in the same bin counts 1/2 where the exact order counts 0 or 1,
//    so |binned - exact| <= aurocMaxError() = sum over bins of defect * good / 2, over all pairs;
//  - AUPRO: the curve has exact points at every bin edge; between two of them the exact curve stays
//    in the box those points span, so |binned - exact| <= auproMaxError() = half the boxes' areas
//    (the whole box for the segment that crosses the FPR limit), normalised like AUPRO;
//  - F1: thresholds are bin edges, so the best threshold is found to within one bin width.
// Merging is exact (integer counts; region weights in fixed point), so a merge of shards gives the
// same figures as one run over all their images.
class PixelMetrics {
public:
    static constexpr int kBinsPerOctave = 4096;
    static constexpr int kLowExponent = -20, kHighExponent = 12;
    static constexpr int kBins = (kHighExponent - kLowExponent) * kBinsPerOctave + 2;
    static int bin(float value);
    static double binLowerEdge(int bin);  // the smallest value of the bin; -inf for bin 0

    PixelMetrics();
    // Adds one image: `map` CV_32F, `mask` CV_8U of the same size or empty (every pixel good).
    // Throws utad::Error for mismatched sizes or types.
    void add(const cv::Mat& map, const cv::Mat& mask);
    void merge(const PixelMetrics& other);

    double auroc() const;  // NaN without defect or good pixels
    double aurocMaxError() const;
    double aupro(double fprLimit = 0.3) const;  // NaN without defect regions or good pixels
    double auproMaxError(double fprLimit = 0.3) const;
    F1Max f1Max() const;
    // Pixels at map values >= `threshold` flagged, to within one bin: precision, recall (the share
    // of defect pixels flagged) and the share of good pixels flagged.
    struct Rates {
        double precision = 0, recall = 0, falsePositiveRate = 0;
    };
    Rates at(double threshold) const;

    std::uint64_t goodPixels() const { return goodTotal_; }
    std::uint64_t defectPixels() const { return defectTotal_; }
    std::uint64_t regions() const { return regions_; }
    std::uint64_t images() const { return images_; }

    // The raw state, for saving and loading (bins with a zero count may be left out).
    // `overlap` holds region weights in units of 2^-32 of a region.
    static constexpr int kOverlapFractionBits = 32;
    const std::vector<std::uint64_t>& goodHistogram() const { return good_; }
    const std::vector<std::uint64_t>& defectHistogram() const { return defect_; }
    const std::vector<std::uint64_t>& overlapHistogram() const { return overlap_; }
    // Rebuilds an accumulator from saved state; throws utad::Error on inconsistent data.
    static PixelMetrics fromState(std::vector<std::uint64_t> good, std::vector<std::uint64_t> defect,
        std::vector<std::uint64_t> overlap, std::uint64_t regions, std::uint64_t images);

private:
    struct Curve;
    Curve proCurve() const;
    std::vector<std::uint64_t> good_, defect_, overlap_;
    std::uint64_t goodTotal_ = 0, defectTotal_ = 0, regions_ = 0, images_ = 0;
};

// The score below which `1 - targetFpr` of the good `calibrationScores` fall.
double thresholdForFpr(std::vector<double> calibrationScores, double targetFpr);

// The threshold t (scores >= t flagged) that maximises the share of `defective` flagged minus
// `falseAlarmWeight` times the share of `good` flagged, midway between two adjacent scores (the
// lowest such t on a tie). NaN when either set is empty or no threshold flags more of the defective
// than the weighted share of the good.
double balancedThreshold(std::vector<double> good, std::vector<double> defective, double falseAlarmWeight);

}  // namespace utad
