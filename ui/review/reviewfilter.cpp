#include "ui/review/reviewfilter.h"

#include <QCoreApplication>
#include <cmath>

namespace utad::ui {

QStringList reviewFilterNames()
{
    // Literal contexts, so that lupdate finds the strings.
    static const char* const names[]
        = {QT_TRANSLATE_NOOP("ReviewFilter", "All images"), QT_TRANSLATE_NOOP("ReviewFilter", "False positives"),
            QT_TRANSLATE_NOOP("ReviewFilter", "False negatives"), QT_TRANSLATE_NOOP("ReviewFilter", "Uncertain"),
            QT_TRANSLATE_NOOP("ReviewFilter", "Annotated"), QT_TRANSLATE_NOOP("ReviewFilter", "Unreviewed")};
    QStringList out;
    for (const char* name : names)
        out << QCoreApplication::translate("ReviewFilter", name);
    return out;
}

bool isReviewed(const Annotation& annotation)
{
    return annotation.reviewed || annotation.mark != Mark::None || !annotation.maskFile.isEmpty();
}

bool matchesReviewFilter(
    ReviewFilter filter, const Project& project, const utad::ImageResult* result, const Annotation& annotation)
{
    switch (filter) {
    case ReviewFilter::All: return true;
    case ReviewFilter::Annotated:
        return annotation.mark != Mark::None || !annotation.note.isEmpty() || !annotation.maskFile.isEmpty();
    case ReviewFilter::Unreviewed: return !isReviewed(annotation);
    default: break;
    }
    const bool scored = result && result->error.empty() && std::isfinite(result->score);
    switch (filter) {
    case ReviewFilter::FalsePositives: {
        if (annotation.mark == Mark::FalsePositive)
            return true;
        if (!scored || annotation.mark == Mark::ConfirmedDefect)
            return false;
        return project.decide(result->score) != Decision::Good && result->label == utad::Label::Good;
    }
    case ReviewFilter::FalseNegatives: {
        if (annotation.mark == Mark::MissedDefect)
            return true;
        if (!scored)
            return false;
        return project.decide(result->score) == Decision::Good && result->label == utad::Label::Anomalous;
    }
    case ReviewFilter::Uncertain: return scored && project.decide(result->score) == Decision::Uncertain;
    default: break;
    }
    return true;
}

bool matchesReviewFilter(ReviewFilter filter, const Project& project, const QString& imagePath)
{
    const int i = project.indexOf(imagePath);
    const utad::ImageResult* result = i >= 0 ? &project.results()[size_t(i)] : nullptr;
    return matchesReviewFilter(filter, project, result, project.annotations()->annotation(imagePath));
}

bool markOutgrown(Mark mark, int decision)
{
    return (mark == Mark::MissedDefect && decision == int(Decision::Defective))
        || (mark == Mark::FalsePositive && decision == int(Decision::Good));
}

QString markOutcome(Mark mark, int decision)
{
    if (!markOutgrown(mark, decision))
        return {};
    return mark == Mark::MissedDefect ? AnnotationStore::tr("now flagged") : AnnotationStore::tr("now passed");
}

QString markSummary(Mark mark, int decision)
{
    if (mark == Mark::None)
        return {};
    const QString outcome = markOutcome(mark, decision);
    return outcome.isEmpty() ? markName(mark) : markName(mark) + QStringLiteral(" · ") + outcome;
}

}  // namespace utad::ui
