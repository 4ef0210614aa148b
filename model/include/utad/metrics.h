#pragma once
// Detection metrics. Scores: higher means more anomalous. Labels: 1 anomalous, 0 good.
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
    double recall() const;             // true-positive rate
    double falsePositiveRate() const;
    double f1() const;
};

// Area under the ROC curve with ties counted half. NaN when one class is absent.
double auroc(const std::vector<double>& scores, const std::vector<int>& labels);
RocCurve rocCurve(const std::vector<double>& scores, const std::vector<int>& labels);
F1Max f1Max(const std::vector<double>& scores, const std::vector<int>& labels);
// An image is flagged when score >= threshold.
Confusion confusionAt(const std::vector<double>& scores, const std::vector<int>& labels, double threshold);

// Pixel-level metrics over maps (CV_32F) and masks (CV_8U, nonzero = defect) of equal sizes.
// A mask may be empty (an image with no defect): all its pixels count as good.
double pixelAuroc(const std::vector<cv::Mat>& maps, const std::vector<cv::Mat>& masks);
// Per-region overlap integrated over FPR in [0, fprLimit], divided by fprLimit. NaN without defects.
double aupro(const std::vector<cv::Mat>& maps, const std::vector<cv::Mat>& masks, double fprLimit = 0.3);

// The score below which `1 - targetFpr` of the good `calibrationScores` fall.
double thresholdForFpr(std::vector<double> calibrationScores, double targetFpr);

} // namespace utad
