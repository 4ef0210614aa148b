#pragma once
// The review report, a record of every decision: a summary table with one row per scored image
// (passed ones too), and a block with the four panels for every flagged or annotated image. Written
// as HTML (panels as PNG files in a folder beside it), CSV (one row per image) and a PDF laid out
// for A4 paper.
//
// Written in two steps so that the slow part runs off the GUI thread: snapshotReport() copies what
// the report needs out of the document (GUI thread), writeReviewReport(snapshot) renders the panels
// and writes the files (any thread).
#include "ui/project.h"
#include "ui/review/annotationstore.h"

#include <QString>
#include <QStringList>
#include <functional>
#include <memory>
#include <vector>

namespace utad {
class Model;
}

namespace utad::ui {

struct ReportOptions {
    std::shared_ptr<const utad::Model> model;  // computes panels missing from the cache; may be null
    int panelSize = 360;  // longest side of the panel PNGs
    // Anomaly-map value at the top of the colour scale; snapshotReport() sets it from the model with
    // utad::heatmapScale, the rule the inspector and the command line use. <= 0: each image's range.
    double heatMax = 0;
};

// One image of the report, as plain values.
struct ReportImage {
    utad::ImageResult result;
    Decision decision = Decision::Good;
    Annotation annotation;
    QString maskFile;  // absolute; empty when none (read on the worker thread)
    QString cacheFile;  // the image's cached inference
    bool detailed = false;  // flagged or annotated: shown with its panels
};

struct ReportSnapshot {
    QString datasetPath;
    QString modelPath;
    Thresholds thresholds;
    utad::Confusion confusion;  // at the image threshold
    double auroc = utad::kNaN;
    std::vector<ReportImage> images;  // every result, in result order
    ReportOptions options;
};

// Called from the writing thread; any may be empty.
struct ReportCallbacks {
    std::function<bool()> isCancelled;
    std::function<void(int done, int total)> onImage;  // panels of the detailed images
    std::function<void()> onPdf;  // the PDF is being laid out
};

// Paths of the images shown with their panels, in result order: flagged (defective or uncertain)
// or annotated (mark, note or mask). Every other image has one row in the summary.
QStringList reportDetailImages(const Project& project);

// GUI thread: everything writeReviewReport needs, copied out of the project.
ReportSnapshot snapshotReport(const Project& project, const ReportOptions& options = {});

// Writes `htmlPath`, the CSV beside it (same name, .csv), the panels into "<name>_files/" and,
// when `pdfPath` is not empty, the PDF. Each file is written atomically. Returns false and fills
// `error` naming the path on failure; returns false with `error` untouched when cancelled (the
// HTML, CSV and PDF are then not written). Safe on any thread: it touches no QObject of the
// document and paints on QImage and QPdfWriter only.
bool writeReviewReport(const ReportSnapshot& snapshot, const QString& htmlPath, const QString& pdfPath, QString* error,
    const ReportCallbacks& callbacks = {});
// Both steps at once, on the calling thread.
bool writeReviewReport(const Project& project, const QString& htmlPath, const QString& pdfPath, QString* error,
    const ReportOptions& options = {});
QString reportCsvPath(const QString& htmlPath);
QString reportPdfPath(const QString& htmlPath);
QString reportFilesDir(const QString& htmlPath);

}  // namespace utad::ui
