#include "ui/review/reporttask.h"

#include <algorithm>

namespace utad::ui {

ReportTask::ReportTask(ReportSnapshot snapshot, const QString& htmlPath, bool pdf, QObject* parent)
    : Task(tr("Review report"), parent), m_snapshot(std::move(snapshot)), m_htmlPath(htmlPath), m_pdf(pdf)
{
}

ReportTask::~ReportTask()
{
    cancel();
    waitForFinished();
}

QString ReportTask::error() const { return m_error.isEmpty() ? errorMessage() : m_error; }

bool ReportTask::run()
{
    // The panels take most of the time; laying out the PDF gets the last fifth of the bar.
    const double panelsShare = m_pdf ? 0.8 : 1.0;
    setProgress(0, tr("Writing the review report"));
    ReportCallbacks callbacks;
    callbacks.isCancelled = [this] { return isCancelled(); };
    callbacks.onImage = [this, panelsShare](int done, int all) {
        setProgress(panelsShare * done / std::max(all, 1), tr("Report: image %1 of %2").arg(done).arg(all));
    };
    callbacks.onPdf = [this, panelsShare] { setProgress(panelsShare, tr("Report: writing the PDF")); };
    if (!writeReviewReport(m_snapshot, m_htmlPath, pdfPath(), &m_error, callbacks))
        return false;
    setProgress(1.0, tr("Report written"));
    return !isCancelled();
}

} // namespace utad::ui
