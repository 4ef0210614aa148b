#include "ui/review/reporttask.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <algorithm>

namespace utad::ui {

ReportTask::ReportTask(ReportSnapshot snapshot, const QString& htmlPath, bool pdf)
    : Task(tr("Review report")), m_snapshot(std::move(snapshot)), m_htmlPath(htmlPath), m_pdf(pdf)
{
}

QString ReportTask::error() const { return m_error.isEmpty() ? errorMessage() : m_error; }

bool ReportTask::run()
{
    // What was there before is the user's; only what this run creates is taken back on failure.
    QStringList created;
    for (const QString& file : {m_htmlPath, reportCsvPath(m_htmlPath), pdfPath(), reportFilesDir(m_htmlPath)})
        if (!file.isEmpty() && !QFileInfo::exists(file))
            created << file;
    // The panels take most of the time; laying out the PDF gets the last fifth of the bar.
    const double panelsShare = m_pdf ? 0.8 : 1.0;
    setProgress(0, tr("Writing the review report"));
    ReportCallbacks callbacks;
    callbacks.isCancelled = [this] { return isCancelled(); };
    callbacks.onImage = [this, panelsShare](int done, int all) {
        setProgress(panelsShare * done / std::max(all, 1), tr("Report: image %1 of %2").arg(done).arg(all));
    };
    callbacks.onPdf = [this, panelsShare] { setProgress(panelsShare, tr("Report: writing the PDF")); };
    if (!writeReviewReport(m_snapshot, m_htmlPath, pdfPath(), &m_error, callbacks) || isCancelled()) {
        // Half a report is no record.
        for (const QString& path : created) {
            if (QFileInfo(path).isDir())
                QDir(path).removeRecursively();
            else
                QFile::remove(path);
        }
        return false;
    }
    setProgress(1.0, tr("Report written"));
    return true;
}

}  // namespace utad::ui
