#pragma once
// Writes the review report (panels, HTML, CSV and optionally the PDF) on a pool thread from a
// snapshot taken on the GUI thread, so the window stays usable while it runs. A cancelled or
// failed export leaves nothing behind that it created.
#include "ui/review/reviewreport.h"
#include "ui/task.h"

namespace utad::ui {

class ReportTask : public Task {
    Q_OBJECT
public:
    ReportTask(ReportSnapshot snapshot, const QString& htmlPath, bool pdf);

    QString htmlPath() const { return m_htmlPath; }
    QString pdfPath() const { return m_pdf ? reportPdfPath(m_htmlPath) : QString(); }
    int imageCount() const { return int(m_snapshot.images.size()); }  // every scored image has a row
    // Why it failed (after finished(false)); empty when it succeeded or was cancelled.
    QString error() const;

protected:
    bool run() override;

private:
    ReportSnapshot m_snapshot;
    QString m_htmlPath;
    bool m_pdf;
    QString m_error;  // written by run(), read after finished()
};

}  // namespace utad::ui
