#pragma once
// Which images the review lists: the image browser's extra filter and "next unreviewed".
#include "ui/project.h"
#include "ui/review/annotationstore.h"

#include <QString>
#include <QStringList>

namespace utad::ui {

enum class ReviewFilter { All, FalsePositives, FalseNegatives, Uncertain, Annotated, Unreviewed };
QStringList reviewFilterNames();  // in enum order, for combo boxes

// Reviewed: the reviewer marked it, drew a mask or accepted the model's decision.
bool isReviewed(const Annotation& annotation);

// False positive: flagged but good (by ground truth or by the reviewer's mark). False negative:
// passed but defective, or marked as a missed defect. Images that are not scored pass only All,
// Annotated and Unreviewed.
bool matchesReviewFilter(
    ReviewFilter filter, const Project& project, const utad::ImageResult* result, const Annotation& annotation);

// The same for a path, looking its result up in the project (linear; for single calls).
bool matchesReviewFilter(ReviewFilter filter, const Project& project, const QString& imagePath);

// What the current model does with an image whose mark records another model's mistake: "now
// flagged" for a missed defect it flags (Decision::Defective), "now passed" for a false
// positive it passes (Decision::Good); empty otherwise, or when not scored (decision -1). The
// mark itself stays: it is the reviewer's word on the image.
QString markOutcome(Mark mark, int decision);
bool markOutgrown(Mark mark, int decision);  // markOutcome is not empty
// The mark's name with its outcome beside it ("Missed defect · now flagged"); empty without a mark.
QString markSummary(Mark mark, int decision);

}  // namespace utad::ui
