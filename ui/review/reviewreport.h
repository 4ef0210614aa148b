#pragma once
// The review report: every flagged or annotated image with its four panels, the thresholds, the
// metrics at the operating point and the reviewer's marks. HTML (panels as PNG files in a folder
// beside it), CSV, and the HTML printed to PDF.
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
    int panelSize = 192;                       // longest side of the panel PNGs
};

// One listed image, as plain values.
struct ReportImage {
    utad::ImageResult result;
    Decision decision = Decision::Good;
    Annotation annotation;
    QString maskFile;   // absolute; empty when none (read on the worker thread)
    QString cacheFile;  // the image's cached inference
};

struct ReportSnapshot {
    QString datasetPath;
    QString modelPath;
    Thresholds thresholds;
    utad::Confusion confusion;  // at the image threshold
    double auroc = utad::kNaN;
    std::vector<ReportImage> images;
    ReportOptions options;
};

// Called from the writing thread; both may be empty.
struct ReportCallbacks {
    std::function<bool()> isCancelled;
    std::function<void(int done, int total)> onImage;
};

// Paths of the images the report lists, in result order: flagged (defective or uncertain) or
// annotated (mark, note or mask).
QStringList reportImages(const Project& project);

// GUI thread: everything writeReviewReport needs, copied out of the project.
ReportSnapshot snapshotReport(const Project& project, const ReportOptions& options = {});

// Writes `htmlPath`, the CSV beside it (same name, .csv) and the panels into "<name>_files/".
// Each file is written atomically. Returns false and fills `error` naming the path on failure;
// returns false with `error` untouched when cancelled (the HTML and CSV are then not written).
// Safe on any thread: it touches no QObject of the document.
bool writeReviewReport(const ReportSnapshot& snapshot, const QString& htmlPath, QString* error,
                       const ReportCallbacks& callbacks = {});
// Both steps at once, on the calling thread.
bool writeReviewReport(const Project& project, const QString& htmlPath, QString* error,
                       const ReportOptions& options = {});
QString reportCsvPath(const QString& htmlPath);
QString reportPdfPath(const QString& htmlPath);
QString reportFilesDir(const QString& htmlPath);

// Prints a written HTML report (with its images) to a PDF file, atomically. Safe on a worker
// thread (QTextDocument and QPdfWriter, no widgets). When `isCancelled` says so after printing,
// the PDF is discarded and false is returned with `error` untouched.
bool printReviewReport(const QString& htmlPath, const QString& pdfPath, QString* error,
                       const std::function<bool()>& isCancelled = {});

} // namespace utad::ui
