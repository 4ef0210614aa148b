#include "ui/review/reviewtools.h"

#include "ui/imageconvert.h"
#include "ui/imagelistmodel.h"
#include "ui/inferencetask.h"
#include "ui/inspectorwidget.h"
#include "ui/mainwindow.h"
#include "ui/project.h"
#include "ui/review/annotationpanel.h"
#include "ui/review/annotationstore.h"
#include "ui/review/maskeditor.h"
#include "ui/review/reporttask.h"
#include "ui/review/retrain.h"
#include "ui/review/reviewreport.h"
#include "ui/review/thresholdpanel.h"
#include "ui/trainingtask.h"
#include "utad/error.h"

#include <QAction>
#include <QDockWidget>
#include <QScrollArea>
#include <QScrollBar>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QProgressDialog>
#include <QStatusBar>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QUndoStack>
#include <cmath>

namespace utad::ui {

void installReviewTools(MainWindow* window)
{
    if (!ReviewTools::of(window))
        new ReviewTools(window);
}

Retrainer* ReviewTools::retrainer() const { return m_retrainer; }

namespace {

// A dock's content scrolls up and down instead of setting a minimum height for the whole window
// (1280x720); its width is kept, so nothing is cut off at the side.
QScrollArea* scrollable(QWidget* content)
{
    auto* area = new QScrollArea;
    area->setWidget(content);
    area->setWidgetResizable(true);
    area->setFrameShape(QFrame::NoFrame);
    area->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    area->setMinimumWidth(content->minimumSizeHint().width() + area->verticalScrollBar()->sizeHint().width());
    return area;
}

} // namespace

ReviewTools* ReviewTools::of(MainWindow* window) { return window->findChild<ReviewTools*>(QString(), Qt::FindDirectChildrenOnly); }

ReviewTools::ReviewTools(MainWindow* window) : QObject(window), m_window(window)
{
    Project* project = window->project();
    AnnotationStore* store = project->annotations();

    m_thresholds = new ThresholdPanel(project, window);
    m_thresholdDock = new QDockWidget(tr("Thresholds"), window);
    m_thresholdDock->setObjectName(QStringLiteral("thresholdsDock"));
    m_thresholdDock->setWidget(scrollable(m_thresholds));
    window->addDockWidget(Qt::BottomDockWidgetArea, m_thresholdDock);

    m_annotations = new AnnotationPanel(project, window);
    m_annotationDock = new QDockWidget(tr("Review"), window);
    m_annotationDock->setObjectName(QStringLiteral("reviewDock"));
    m_annotationDock->setWidget(scrollable(m_annotations));
    window->addDockWidget(Qt::RightDockWidgetArea, m_annotationDock);
    // The one-key shortcuts work wherever the focus is in the window (text fields keep their keys).
    window->addActions(m_annotations->reviewActions());

    // Edit menu: undo and redo of review marks.
    m_undo = store->undoStack()->createUndoAction(this, tr("&Undo"));
    m_undo->setShortcut(QKeySequence::Undo);
    m_redo = store->undoStack()->createRedoAction(this, tr("&Redo"));
    m_redo->setShortcut(QKeySequence::Redo);
    QMenuBar* bar = window->menuBar();
    QMenu* edit = new QMenu(tr("&Edit"), bar);
    edit->addAction(m_undo);
    edit->addAction(m_redo);
    QAction* before = window->viewMenu() ? window->viewMenu()->menuAction() : nullptr;
    bar->insertMenu(before, edit);

    QMenu* review = new QMenu(tr("&Review"), bar);
    review->addActions(m_annotations->reviewActions());
    review->addSeparator();
    m_retrainAction = review->addAction(tr("Re&train with marks..."), this, &ReviewTools::onRetrain);
    m_retrainAction->setToolTip(tr("Train a new model with the false positives as good images and compare"));
    m_exportAction = review->addAction(tr("E&xport review report..."), this, &ReviewTools::onExportReport);
    bar->insertMenu(before, review);
    if (window->viewMenu()) {
        window->viewMenu()->addAction(m_thresholdDock->toggleViewAction());
        window->viewMenu()->addAction(m_annotationDock->toggleViewAction());
    }

    // The report export's own progress and cancel: it can run beside an inference run.
    m_reportProgress = new QProgressBar(window);
    m_reportProgress->setObjectName(QStringLiteral("reportProgress"));
    m_reportProgress->setRange(0, 1000);
    m_reportProgress->setMaximumWidth(260);
    m_reportProgress->setTextVisible(true);
    m_reportProgress->hide();
    m_reportCancel = new QToolButton(window);
    m_reportCancel->setObjectName(QStringLiteral("reportCancel"));
    m_reportCancel->setText(tr("Cancel"));
    m_reportCancel->setToolTip(tr("Stop writing the review report"));
    m_reportCancel->hide();
    window->statusBar()->addPermanentWidget(m_reportProgress);
    window->statusBar()->addPermanentWidget(m_reportCancel);
    connect(m_reportCancel, &QToolButton::clicked, this, [this] {
        if (m_report)
            m_report->cancel();
    });

    m_refilter = new QTimer(this);
    m_refilter->setSingleShot(true);
    m_refilter->setInterval(0);
    connect(m_refilter, &QTimer::timeout, this, [this] {
        if (m_annotations->filter() != ReviewFilter::All)
            m_window->refilterImages();
    });

    connect(window, &MainWindow::currentImageChanged, this, &ReviewTools::onCurrentImage);
    connect(window, &MainWindow::modelLoaded, this, [this] {
        if (m_window->model())
            m_thresholds->setCalibration(m_window->model()->info().calibration);
    });
    connect(m_annotations, &AnnotationPanel::filterChanged, this, [this] { applyFilter(); });
    connect(m_annotations, &AnnotationPanel::nextUnreviewedRequested, this, &ReviewTools::goToNextUnreviewed);
    connect(m_annotations, &AnnotationPanel::drawMaskRequested, this, &ReviewTools::editMask);
    connect(store, &AnnotationStore::changed, this, [this](const QString& path) {
        if (path == m_window->currentImagePath())
            updateUserMask();
        m_refilter->start();
    });
    connect(store, &AnnotationStore::reset, this, [this] {
        updateUserMask();
        m_refilter->start();
    });
    connect(store, &AnnotationStore::writeFailed, this, [this](const QString& message) {
        m_window->log(message);
        QMessageBox::warning(m_window, tr("Review"), message);
    });
    connect(project, &Project::resultsChanged, this, [this] {
        rebuildIndex();
        m_refilter->start();
    });
    connect(project, &Project::thresholdsChanged, m_refilter, qOverload<>(&QTimer::start));

    rebuildIndex();
    if (window->model())
        m_thresholds->setCalibration(window->model()->info().calibration);
    onCurrentImage(window->currentImagePath());
}

void ReviewTools::rebuildIndex()
{
    m_resultIndex.clear();
    const auto& results = m_window->project()->results();
    m_resultIndex.reserve(int(results.size()));
    for (size_t i = 0; i < results.size(); ++i)
        m_resultIndex.insert(QString::fromStdString(results[i].path), int(i));
}

void ReviewTools::onCurrentImage(const QString& path)
{
    m_annotations->setImagePath(path);
    updateUserMask();
}

void ReviewTools::updateUserMask()
{
    const QString path = m_window->currentImagePath();
    m_window->inspector()->setUserMask(path.isEmpty() ? QImage() : m_window->project()->annotations()->mask(path));
}

void ReviewTools::setFilter(ReviewFilter filter) { m_annotations->setFilter(filter); }

void ReviewTools::applyFilter()
{
    const ReviewFilter filter = m_annotations->filter();
    if (filter == ReviewFilter::All) {
        m_window->setImageFilter({});
        return;
    }
    // Looks results up through the index: the proxy asks once per row.
    m_window->setImageFilter([this, filter](const QString& path) {
        const Project& project = *m_window->project();
        const int i = m_resultIndex.value(path, -1);
        const utad::ImageResult* result = i >= 0 ? &project.results()[size_t(i)] : nullptr;
        return matchesReviewFilter(filter, project, result, project.annotations()->annotation(path));
    });
}

QString ReviewTools::nextUnreviewed() const
{
    const QAbstractItemModel* proxy = m_window->imageProxy();
    const int rows = proxy->rowCount();
    if (rows == 0)
        return {};
    const QString current = m_window->currentImagePath();
    int start = 0;
    for (int r = 0; r < rows && !current.isEmpty(); ++r)
        if (proxy->index(r, 0).data(ImageListModel::PathRole).toString() == current) {
            start = r + 1;
            break;
        }
    const AnnotationStore* store = m_window->project()->annotations();
    for (int k = 0; k < rows; ++k) {
        const QString path = proxy->index((start + k) % rows, 0).data(ImageListModel::PathRole).toString();
        if (path != current && !isReviewed(store->annotation(path)))
            return path;
    }
    return {};
}

bool ReviewTools::goToNextUnreviewed()
{
    // Chosen before the current image is marked: with the "unreviewed" filter it leaves the list.
    const QString next = nextUnreviewed();
    const QString current = m_window->currentImagePath();
    if (!current.isEmpty())
        m_window->project()->annotations()->setReviewed(current, true);
    if (next.isEmpty()) {
        m_window->statusBar()->showMessage(tr("Every listed image is reviewed."), 5000);
        return false;
    }
    m_window->selectImage(next);
    return true;
}

void ReviewTools::editMask(const QString& imagePath)
{
    QImage image;
    try {
        image = toQImage(utad::readImage(imagePath.toStdString()));
    } catch (const std::exception& e) {
        QMessageBox::warning(m_window, tr("Draw the defect"), QString::fromLocal8Bit(e.what()));
        return;
    }
    AnnotationStore* store = m_window->project()->annotations();
    MaskEditorDialog dialog(image, store->mask(imagePath), QFileInfo(imagePath).fileName(), m_window);
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

ReportTask* ReviewTools::reportTask() const { return m_report.data(); }

ReportTask* ReviewTools::startExport(const QString& htmlPath, bool pdf)
{
    // Until finished() is handled, not just while run() runs: one task owns the widgets at a time.
    if (m_report) {
        m_problem = tr("A review report is already being written.");
        m_window->statusBar()->showMessage(m_problem, 5000);
        return nullptr;
    }
    m_problem.clear();
    ReportOptions options;
    options.model = m_window->model();
    // Copied here on the GUI thread; the task never touches the project.
    auto* task = new ReportTask(snapshotReport(*m_window->project(), options), htmlPath, pdf, this);
    m_report = task;
    connect(task, &Task::progressChanged, m_reportProgress, [this](double fraction, const QString& text) {
        m_reportProgress->setValue(int(fraction * 1000));
        if (!text.isEmpty())
            m_reportProgress->setFormat(text);
    });
    connect(task, &Task::finished, this, [this, task](bool ok) { onReportFinished(task, ok); });
    m_reportProgress->setValue(0);
    m_reportProgress->setFormat(tr("Writing the review report"));
    m_reportProgress->show();
    m_reportCancel->show();
    m_window->log(tr("Writing the review report to %1 (%n image(s))", nullptr, task->imageCount()).arg(htmlPath));
    task->start();
    return task;
}

void ReviewTools::onReportFinished(ReportTask* task, bool ok)
{
    m_reportProgress->hide();
    m_reportCancel->hide();
    m_report = nullptr;
    task->deleteLater();
    const QString path = task->htmlPath();
    if (ok) {
        const QString done = task->pdfPath().isEmpty() ? tr("Review report written to %1").arg(path)
                                                       : tr("Review report written to %1 (with .csv and .pdf)").arg(path);
        m_window->log(done);
        m_window->statusBar()->showMessage(tr("Review report written to %1").arg(path), 8000);
    } else if (task->isCancelled()) {
        m_window->log(tr("Review report export cancelled"));
        m_window->statusBar()->showMessage(tr("Review report export cancelled"), 5000);
    } else {
        const QString error = task->error().isEmpty() ? tr("The review report could not be written.") : task->error();
        m_window->log(error);
        // Not exec(): a modal loop here would block whatever the user is doing now.
        auto* box = new QMessageBox(QMessageBox::Warning, tr("Export review report"), error, QMessageBox::Ok, m_window);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    }
    emit reportFinished(ok, path);
}

void ReviewTools::onExportReport()
{
    if (m_report) {
        m_window->statusBar()->showMessage(tr("A review report is already being written."), 5000);
        return;
    }
    const QString suggested = m_window->project()->filePath().isEmpty()
                                  ? QStringLiteral("review-report.html")
                                  : QFileInfo(m_window->project()->filePath()).dir().filePath(QStringLiteral("review-report.html"));
    const QString path = QFileDialog::getSaveFileName(m_window, tr("Export review report"), suggested,
                                                      tr("HTML report, with CSV and PDF beside it (*.html)"));
    if (path.isEmpty())
        return;
    startExport(path, true);
}

Retrainer* ReviewTools::startRetraining()
{
    if (m_retrainer && m_retrainer->isRunning())
        return m_retrainer;
    const auto model = m_window->model();
    const utad::Dataset* dataset = m_window->dataset();
    QString problem;
    if (!model)
        problem = tr("Load or train a model first.");
    else if (!dataset)
        problem = tr("Open a dataset first.");
    else if (m_window->trainingTask() && m_window->trainingTask()->isRunning())
        problem = tr("A training run is already going on.");
    if (problem.isEmpty()) {
        int added = 0;
        datasetWithFalsePositives(*dataset, *m_window->project()->annotations(), &added);
        if (added == 0)
            problem = tr("No image is marked as a false positive: there is nothing new to learn from.");
    }
    m_problem = problem;
    if (!problem.isEmpty()) {
        m_window->statusBar()->showMessage(problem, 8000);
        m_window->log(problem);
        return nullptr;
    }
    m_retrainer = new Retrainer(m_window->project(), model->info().config, *dataset, this);
    connect(m_retrainer, &Retrainer::finished, this, &ReviewTools::onRetrainFinished);
    connect(m_retrainer, &Retrainer::log, m_window, &MainWindow::log);
    m_retrainer->start();
    return m_retrainer;
}

void ReviewTools::onRetrain()
{
    Retrainer* retrainer = startRetraining();
    if (!retrainer) {
        QMessageBox::information(m_window, tr("Retrain with marks"), m_problem);
        return;
    }
    auto* progress = new QProgressDialog(tr("Retraining with %n false positive(s) as good images…", nullptr,
                                            retrainer->addedImages()),
                                         tr("Cancel"), 0, 1000, m_window);
    progress->setWindowTitle(tr("Retrain with marks"));
    progress->setAttribute(Qt::WA_DeleteOnClose);
    progress->setMinimumDuration(0);
    progress->setAutoClose(false);
    progress->setAutoReset(false);
    connect(retrainer, &Retrainer::progressChanged, progress, [progress](double f, const QString& text) {
        progress->setValue(int(1000 * f));
        progress->setLabelText(text);
    });
    connect(progress, &QProgressDialog::canceled, retrainer, &Retrainer::cancel);
    connect(retrainer, &Retrainer::finished, progress, &QProgressDialog::close);
    progress->show();
}

void ReviewTools::onRetrainFinished(bool ok)
{
    const RetrainOutcome& outcome = m_retrainer->outcome();
    if (!ok) {
        m_window->log(outcome.error);
        if (!outcome.cancelled)
            QMessageBox::warning(m_window, tr("Retrain with marks"), outcome.error);
        return;
    }
    m_window->log(tr("Retrained with %n more good image(s); %1 decision(s) changed", nullptr, outcome.addedImages)
                      .arg(outcome.changes.size()));
    auto* dialog = new RetrainComparisonDialog(outcome, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &RetrainComparisonDialog::useNewModelRequested, this, [this, dialog] {
        useModel(m_retrainer->outcome());
        dialog->accept();
    });
    dialog->show();
}

void ReviewTools::useModel(const RetrainOutcome& outcome)
{
    QString path = QFileDialog::getSaveFileName(m_window, tr("Save the new model"), QString(), tr("UTAD model (*.utad)"));
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".utad");
    try {
        outcome.model->save(path.toStdString());
    } catch (const std::exception& e) {
        QMessageBox::warning(m_window, tr("Save the new model"), QString::fromLocal8Bit(e.what()));
        return;
    }
    Project* project = m_window->project();
    const Thresholds thresholds = project->thresholds();
    m_window->setModel(outcome.model, path);
    // The new model's scores are already known: no second inference run.
    project->setResultsModelStamp(Project::modelStamp(path));
    project->setMetrics(outcome.report.metrics);
    project->setResults(outcome.report.results);
    project->setThresholds(thresholds);
}

} // namespace utad::ui
