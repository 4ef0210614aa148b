#include "ui/review/reviewtools.h"

#include "ui/format.h"
#include "ui/imageconvert.h"
#include "ui/imagelistmodel.h"
#include "ui/jobs.h"
#include "ui/project.h"
#include "ui/review/annotationpanel.h"
#include "ui/review/annotationstore.h"
#include "ui/review/maskeditor.h"
#include "ui/review/reporttask.h"
#include "ui/review/retrain.h"
#include "ui/review/reviewreport.h"
#include "ui/review/thresholdpanel.h"
#include "ui/taskmanager.h"
#include "ui/trainingtask.h"
#include "utad/error.h"
#include "utad/model.h"

#include <QAction>
#include <QDir>
#include <QElapsedTimer>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QProgressDialog>
#include <QTimer>
#include <QUndoStack>
#include <algorithm>
#include <cmath>
#include <memory>

namespace utad::ui {

ReviewTools::ReviewTools(Project* project, TaskManager* tasks, ImageFilterProxy* images, QWidget* dialogParent)
    : QObject(dialogParent), m_project(project), m_tasks(tasks), m_images(images), m_dialogParent(dialogParent)
{
    AnnotationStore* store = project->annotations();
    m_thresholds = new ThresholdPanel(project, dialogParent);
    m_annotations = new AnnotationPanel(project, dialogParent);

    m_retrainAction = new QAction(tr("Re&train with marks..."), this);
    m_retrainAction->setToolTip(tr("Train a new model with the false positives as good images and compare"));
    connect(m_retrainAction, &QAction::triggered, this, &ReviewTools::onRetrain);
    m_exportAction = new QAction(tr("E&xport review report..."), this);
    connect(m_exportAction, &QAction::triggered, this, &ReviewTools::onExportReport);

    m_refilter = new QTimer(this);
    m_refilter->setSingleShot(true);
    connect(m_refilter, &QTimer::timeout, this, [this] {
        if (m_annotations->filter() != ReviewFilter::All)
            m_images->refilter();
    });

    connect(project, &Project::currentImageChanged, this, &ReviewTools::onCurrentImage);
    connect(m_annotations, &AnnotationPanel::filterChanged, this, [this] { applyFilter(); });
    connect(m_annotations, &AnnotationPanel::nextUnreviewedRequested, this, &ReviewTools::goToNextUnreviewed);
    connect(m_annotations, &AnnotationPanel::drawMaskRequested, this, &ReviewTools::editMask);
    connect(store, &AnnotationStore::changed, this, [this] { m_refilter->start(0); });
    connect(store, &AnnotationStore::reset, this, [this] { m_refilter->start(0); });
    connect(store, &AnnotationStore::writeFailed, this, [this](const QString& text) {
        emit message(text);
        QMessageBox::warning(m_dialogParent, tr("Review"), text);
    });
    connect(project, &Project::resultsChanged, this, [this] { m_refilter->start(0); });
    // One image of a running scoring: the review filter follows a few times a second, not per image.
    connect(project, &Project::resultChanged, this, [this] {
        if (!m_refilter->isActive())
            m_refilter->start(kRefilterDuringRunMs);
    });
    connect(project, &Project::thresholdsChanged, this, [this] { m_refilter->start(0); });

    onCurrentImage(project->currentImage());
}

void ReviewTools::say(const QString& text, int timeoutMs)
{
    emit message(text);
    emit statusMessage(text, timeoutMs);
}

Retrainer* ReviewTools::retrainer() const { return m_retrainer; }
ReportTask* ReviewTools::reportTask() const { return m_report.data(); }

void ReviewTools::onCurrentImage(const QString& path) { m_annotations->setImagePath(path); }

void ReviewTools::setFilter(ReviewFilter filter) { m_annotations->setFilter(filter); }

void ReviewTools::applyFilter()
{
    const ReviewFilter filter = m_annotations->filter();
    if (filter == ReviewFilter::All) {
        m_images->setExtraFilter({});
        return;
    }
    // The proxy asks once per row: results are looked up through the project's index.
    m_images->setExtraFilter([this, filter](const QString& path) {
        return matchesReviewFilter(
            filter, *m_project, m_project->result(path), m_project->annotations()->annotation(path));
    });
}

QString ReviewTools::nextUnreviewed() const
{
    const int rows = m_images->rowCount();
    if (rows == 0)
        return {};
    const QString current = m_project->currentImage();
    int start = 0;
    for (int r = 0; r < rows && !current.isEmpty(); ++r)
        if (m_images->index(r, 0).data(ImageListModel::PathRole).toString() == current) {
            start = r + 1;
            break;
        }
    const AnnotationStore* store = m_project->annotations();
    for (int k = 0; k < rows; ++k) {
        const QString path = m_images->index((start + k) % rows, 0).data(ImageListModel::PathRole).toString();
        if (path != current && !isReviewed(store->annotation(path)))
            return path;
    }
    return {};
}

bool ReviewTools::goToNextUnreviewed()
{
    // Chosen before the current image is marked: with the "unreviewed" filter it leaves the list.
    const QString next = nextUnreviewed();
    const QString current = m_project->currentImage();
    if (!current.isEmpty())
        m_project->annotations()->setReviewed(current, true);
    if (next.isEmpty()) {
        emit statusMessage(tr("Every listed image is reviewed."), 5000);
        return false;
    }
    m_project->setCurrentImage(next);
    return true;
}

void ReviewTools::editMask(const QString& imagePath)
{
    QImage image;
    try {
        image = toQImage(utad::readImage(imagePath.toStdString()));
    } catch (const std::exception& e) {
        QMessageBox::warning(m_dialogParent, tr("Draw the defect"), QString::fromLocal8Bit(e.what()));
        return;
    }
    AnnotationStore* store = m_project->annotations();
    MaskEditorDialog dialog(image, store->mask(imagePath), QFileInfo(imagePath).fileName(), m_dialogParent);
    if (dialog.exec() != QDialog::Accepted)
        return;
    // One undo step: the mask; an empty drawing removes it. Drawing a defect marks it missed
    // unless the reviewer already said otherwise.
    store->undoStack()->beginMacro(tr("Draw defect on %1").arg(QFileInfo(imagePath).fileName()));
    store->setMask(imagePath, dialog.canvas()->isEmpty() ? QImage() : dialog.mask());
    if (!dialog.canvas()->isEmpty() && store->annotation(imagePath).mark == Mark::None)
        store->setMark(imagePath, Mark::MissedDefect);
    store->undoStack()->endMacro();
}

ReportTask* ReviewTools::startExport(const QString& htmlPath, bool pdf)
{
    // Until finished() is handled, not just while run() runs: one report at a time.
    if (m_report) {
        m_problem = tr("A review report is already being written.");
        emit statusMessage(m_problem, 5000);
        return nullptr;
    }
    m_problem.clear();
    ReportOptions options;
    options.model = m_project->model();
    // Copied here on the GUI thread; the task never touches the document.
    auto* task = new ReportTask(snapshotReport(*m_project, options), htmlPath, pdf);
    m_report = task;
    connect(task, &Task::finished, this, [this, task](bool ok) { onReportFinished(task, ok); });
    emit message(tr("Writing the review report to %1 (%n image(s))", nullptr, task->imageCount()).arg(htmlPath));
    m_tasks->addTask(task);
    return task;
}

void ReviewTools::onReportFinished(ReportTask* task, bool ok)
{
    m_report = nullptr;
    const QString path = task->htmlPath();
    if (ok) {
        emit message(task->pdfPath().isEmpty() ? tr("Review report written to %1").arg(path)
                                               : tr("Review report written to %1 (with .csv and .pdf)").arg(path));
        emit statusMessage(tr("Review report written to %1").arg(path), 8000);
    } else if (task->isCancelled()) {
        say(tr("Review report export cancelled"), 5000);
    } else {
        const QString error = task->error().isEmpty() ? tr("The review report could not be written.") : task->error();
        emit message(error);
        // Not exec(): a modal loop here would block whatever the user is doing now.
        auto* box
            = new QMessageBox(QMessageBox::Warning, tr("Export review report"), error, QMessageBox::Ok, m_dialogParent);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    }
    emit reportFinished(ok, path);
}

void ReviewTools::onExportReport()
{
    if (m_report) {
        emit statusMessage(tr("A review report is already being written."), 5000);
        return;
    }
    const QString suggested = m_project->filePath().isEmpty()
        ? QStringLiteral("review-report.html")
        : QFileInfo(m_project->filePath()).dir().filePath(QStringLiteral("review-report.html"));
    const QString path = QFileDialog::getSaveFileName(
        m_dialogParent, tr("Export review report"), suggested, tr("HTML report, with CSV and PDF beside it (*.html)"));
    if (path.isEmpty())
        return;
    startExport(path, true);
}

Retrainer* ReviewTools::startRetraining()
{
    if (m_retrainer)
        return m_retrainer;
    const auto model = m_project->model();
    const utad::Dataset* dataset = m_project->dataset();
    QString problem;
    bool training = false;
    for (Task* t : m_tasks->tasks())
        training |= qobject_cast<TrainingTask*>(t) != nullptr;
    if (!model)
        problem = tr("Load or train a model first.");
    else if (!dataset)
        problem = tr("Open a dataset first.");
    else if (training)
        problem = tr("A training run is already going on.");
    if (problem.isEmpty()) {
        int added = 0;
        datasetWithFalsePositives(*dataset, *m_project->annotations(), &added);
        if (added == 0)
            problem = tr("No image is marked as a false positive: there is nothing new to learn from.");
    }
    m_problem = problem;
    if (!problem.isEmpty()) {
        say(problem);
        return nullptr;
    }
    auto* retrainer = new Retrainer(m_project, model->info().config, *dataset);
    m_retrainer = retrainer;
    connect(retrainer, &Retrainer::finished, this, [this, retrainer](bool ok) { onRetrainFinished(retrainer, ok); });
    connect(retrainer, &Task::message, this, &ReviewTools::message);
    m_tasks->addTask(retrainer);
    return retrainer;
}

void ReviewTools::onRetrain()
{
    Retrainer* retrainer = startRetraining();
    if (!retrainer) {
        QMessageBox::information(m_dialogParent, tr("Retrain with marks"), m_problem);
        return;
    }
    // What the run learns from, said once: only good images train the model; missed defects
    // label the comparison afterwards.
    int missed = 0;
    for (const QString& path : m_project->annotations()->annotatedPaths())
        missed += m_project->annotations()->annotation(path).mark == Mark::MissedDefect;
    QString about = tr("Retraining with %n false positive(s) as good images…", nullptr, retrainer->addedImages());
    if (missed > 0)
        about += QLatin1Char('\n')
            + tr("%n image(s) marked as missed defects are left out of training: the model learns from good "
                 "images only. The comparison afterwards shows whether the new model flags them.",
                nullptr, missed);
    auto* progress = new QProgressDialog(about, tr("Cancel"), 0, 1000, m_dialogParent);
    progress->setWindowTitle(tr("Retrain with marks"));
    progress->setAttribute(Qt::WA_DeleteOnClose);
    progress->setMinimumDuration(0);
    progress->setAutoClose(false);
    progress->setAutoReset(false);
    progress->setMinimumWidth(std::min(560, 45 * progress->fontMetrics().averageCharWidth()));
    auto clock = std::make_shared<QElapsedTimer>();
    clock->start();
    connect(retrainer, &Task::progressChanged, progress, [progress, about, clock](double f, const QString& text) {
        progress->setValue(int(1000 * f));
        const double elapsed = clock->elapsed() / 1000.0;
        // Time left from the share done so far, once there is enough of it to go by.
        const QString time = f > 0.02
            ? tr("elapsed %1, remaining about %2").arg(formatDuration(elapsed), formatDuration(elapsed * (1 - f) / f))
            : tr("elapsed %1").arg(formatDuration(elapsed));
        progress->setLabelText(
            about + QLatin1Char('\n') + (text.isEmpty() ? time : text + QStringLiteral(" \u2013 ") + time));
    });
    connect(progress, &QProgressDialog::canceled, retrainer, &Task::cancel);
    connect(retrainer, &Task::finished, progress, &QProgressDialog::close);
    progress->show();
}

void ReviewTools::onRetrainFinished(Retrainer* retrainer, bool ok)
{
    // The task goes away after this; the comparison dialog keeps the outcome (and the new model)
    // for as long as it is open.
    const RetrainOutcome& outcome = retrainer->outcome();
    m_retrainer = nullptr;
    if (!ok) {
        emit message(outcome.error);
        if (!outcome.cancelled)
            QMessageBox::warning(m_dialogParent, tr("Retrain with marks"), outcome.error);
        emit retrainFinished(false);
        return;
    }
    emit message(tr("Retrained with %n more good image(s); %1 decision(s) changed", nullptr, outcome.addedImages)
                     .arg(outcome.changes.size()));
    auto* dialog = new RetrainComparisonDialog(outcome, m_dialogParent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &RetrainComparisonDialog::useNewModelRequested, this, [this, dialog] {
        QString path = QFileDialog::getSaveFileName(
            m_dialogParent, tr("Save the new model"), QString(), tr("UTAD model (*.utad)"));
        if (path.isEmpty())
            return;
        if (QFileInfo(path).suffix().isEmpty())
            path += QStringLiteral(".utad");
        useRetrainedModel(dialog->outcome(), path);
        dialog->accept();
    });
    dialog->show();
    emit retrainFinished(true);
}

void ReviewTools::useRetrainedModel(const RetrainOutcome& outcome, const QString& path)
{
    auto* save = new ModelSaveTask(outcome.model, path);
    const std::shared_ptr<utad::Model> model = outcome.model;
    const utad::EvalReport report = outcome.report;
    connect(save, &Task::finished, this, [this, save, model, report, path](bool ok) {
        if (!ok) {
            const QString error
                = save->errorMessage().isEmpty() ? tr("Saving %1 was stopped.").arg(path) : save->errorMessage();
            emit message(error);
            QMessageBox::warning(m_dialogParent, tr("Save the new model"), error);
            return;
        }
        // A new model: its own calibration gives the thresholds; its scores are already known.
        m_project->setModel(model, path);
        m_project->setMetrics(report.metrics);
        m_project->setResults(report.results);
        m_project->autosave();
        say(tr("Now using the retrained model %1").arg(path));
    });
    m_tasks->addTask(save);
}

}  // namespace utad::ui
