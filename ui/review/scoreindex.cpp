#include "ui/review/scoreindex.h"

#include "ui/review/annotationstore.h"

#include <QString>
#include <algorithm>
#include <cmath>

namespace utad::ui {
namespace {

// Number of sorted values >= threshold.
long atLeast(const std::vector<double>& sorted, double threshold)
{
    return long(sorted.end() - std::lower_bound(sorted.begin(), sorted.end(), threshold));
}

}  // namespace

utad::Label reviewLabel(const utad::ImageResult& result, const AnnotationStore* annotations)
{
    if (result.label != utad::Label::Unknown || !annotations)
        return result.label;
    switch (annotations->annotation(QString::fromStdString(result.path)).mark) {
    case Mark::FalsePositive: return utad::Label::Good;
    case Mark::ConfirmedDefect:
    case Mark::MissedDefect: return utad::Label::Anomalous;
    case Mark::None: break;
    }
    return utad::Label::Unknown;
}

ScoreIndex::ScoreIndex(const std::vector<utad::ImageResult>& results, const AnnotationStore* annotations)
{
    bool any = false;
    for (const utad::ImageResult& r : results) {
        if (!r.error.empty() || !std::isfinite(r.score))
            continue;
        m_min = any ? std::min(m_min, r.score) : r.score;
        m_max = any ? std::max(m_max, r.score) : r.score;
        any = true;
        switch (reviewLabel(r, annotations)) {
        case utad::Label::Good:
            m_good.push_back(r.score);
            m_labelledScores.push_back(r.score);
            m_labels.push_back(0);
            break;
        case utad::Label::Anomalous:
            m_defective.push_back(r.score);
            m_labelledScores.push_back(r.score);
            m_labels.push_back(1);
            break;
        case utad::Label::Unknown: m_unknown.push_back(r.score); break;
        }
    }
    std::sort(m_good.begin(), m_good.end());
    std::sort(m_defective.begin(), m_defective.end());
    std::sort(m_unknown.begin(), m_unknown.end());
    if (hasBothClasses()) {
        m_roc = utad::rocCurve(m_labelledScores, m_labels);
        m_auroc = utad::auroc(m_labelledScores, m_labels);
    }
}

utad::Confusion ScoreIndex::confusionAt(double threshold) const
{
    utad::Confusion c;
    c.tp = atLeast(m_defective, threshold);
    c.fn = long(m_defective.size()) - c.tp;
    c.fp = atLeast(m_good, threshold);
    c.tn = long(m_good.size()) - c.fp;
    return c;
}

long ScoreIndex::countInRange(double low, double high) const
{
    long n = 0;
    for (const auto* v : {&m_good, &m_defective, &m_unknown})
        n += atLeast(*v, low) - atLeast(*v, high);
    return std::max(0L, n);
}

long ScoreIndex::flaggedUnknown(double threshold) const { return atLeast(m_unknown, threshold); }

utad::F1Max ScoreIndex::f1Max() const
{
    if (!hasBothClasses())
        return {};
    return utad::f1Max(m_labelledScores, m_labels);
}

}  // namespace utad::ui
