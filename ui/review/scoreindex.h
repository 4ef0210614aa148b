#pragma once
// The scores of a project's results, sorted once per class so that a threshold can be moved
// without touching every image: counts at a threshold are two binary searches.
#include "ui/project.h"
#include "utad/metrics.h"

#include <vector>

namespace utad::ui {

class AnnotationStore;

// The label used for review metrics: the dataset's ground truth where it has one, otherwise what
// the reviewer marked (false positive = good; confirmed or missed defect = defective).
utad::Label reviewLabel(const utad::ImageResult& result, const AnnotationStore* annotations);

class ScoreIndex {
public:
    ScoreIndex() = default;
    // Images that failed to load (non-empty error) or have no finite score are left out.
    ScoreIndex(const std::vector<utad::ImageResult>& results, const AnnotationStore* annotations);

    // Ascending scores of each class.
    const std::vector<double>& good() const { return m_good; }
    const std::vector<double>& defective() const { return m_defective; }
    const std::vector<double>& unknown() const { return m_unknown; }
    // Labelled images only, in result order (for utad's metrics).
    const std::vector<double>& labelledScores() const { return m_labelledScores; }
    const std::vector<int>& labels() const { return m_labels; }

    bool empty() const { return m_good.empty() && m_defective.empty() && m_unknown.empty(); }
    bool hasBothClasses() const { return !m_good.empty() && !m_defective.empty(); }
    double minScore() const { return m_min; }
    double maxScore() const { return m_max; }

    // Labelled images flagged with score >= threshold: O(log n), equal to utad::confusionAt.
    utad::Confusion confusionAt(double threshold) const;
    // Images of any label with score in [low, high).
    long countInRange(double low, double high) const;
    long flaggedUnknown(double threshold) const;

    const utad::RocCurve& roc() const { return m_roc; }
    double auroc() const { return m_auroc; }
    utad::F1Max f1Max() const;  // on the labelled images; threshold 0 and f1 0 without both classes

private:
    std::vector<double> m_good, m_defective, m_unknown;
    std::vector<double> m_labelledScores;
    std::vector<int> m_labels;
    utad::RocCurve m_roc;
    double m_auroc = utad::kNaN;
    double m_min = 0, m_max = 1;
};

}  // namespace utad::ui
