#pragma once
// The review report: every flagged or annotated image with its four panels, the thresholds, the
// metrics at the operating point and the reviewer's marks. HTML (panels as PNG files in a folder
// beside it), CSV, and the HTML printed to PDF.
#include <QString>
#include <QStringList>

namespace utad {
class Model;
}

namespace utad::ui {

class Project;

struct ReportOptions {
    const utad::Model* model = nullptr;  // computes panels missing from the cache; may be null
    int panelSize = 192;                 // longest side of the panel PNGs
};

// Paths of the images the report lists, in result order: flagged (defective or uncertain) or
// annotated (mark, note or mask).
QStringList reportImages(const Project& project);

// Writes `htmlPath`, the CSV beside it (same name, .csv) and the panels into "<name>_files/".
// Each file is written atomically. Returns false and fills `error` naming the path on failure.
bool writeReviewReport(const Project& project, const QString& htmlPath, QString* error,
                       const ReportOptions& options = {});
QString reportCsvPath(const QString& htmlPath);
QString reportFilesDir(const QString& htmlPath);

// Prints a written HTML report (with its images) to a PDF file, atomically.
bool printReviewReport(const QString& htmlPath, const QString& pdfPath, QString* error);

} // namespace utad::ui
