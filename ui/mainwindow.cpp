#include "ui/mainwindow.h"

#include "ui/imageinferenceworker.h"
#include "ui/inferencetask.h"
#include "ui/inspectorwidget.h"
#include "ui/metatypes.h"
#include "ui/project.h"
#include "ui/review/reviewtools.h"
#include "ui/trainingdialog.h"
#include "ui/trainingtask.h"
#include "ui/translation.h"
#include "ui/version.h"
#include "utad/error.h"
#include "utad/paths.h"

#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QDateTime>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QKeyEvent>
#include <QMimeData>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QScreen>
#include <QSettings>
#include <QStatusBar>
#include <QTableView>
#include <QToolBar>
#include <QToolButton>
#include <QUuid>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>
#include <cmath>

namespace utad::ui {

namespace {
constexpr int kMaxRecentProjects = 8;
const QString kProjectFilter = QStringLiteral("UTAD projects (*.utadproj)");

QString fmt(double v, int digits = 3) { return std::isfinite(v) ? QString::number(v, 'f', digits) : QStringLiteral("-"); }
} // namespace

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent),
      m_project(new Project(this)),
      m_images(new ImageListModel(m_project, this)),
      m_proxy(new ImageFilterProxy(m_project, this)),
      m_inspector(new InspectorWidget(this)),
      m_worker(new ImageInferenceWorker(this))
{
    registerMetaTypes();
    setObjectName(QStringLiteral("MainWindow"));
    setAcceptDrops(true);
    m_preferences = Preferences::load();
    m_threads = utad::setThreads(m_preferences.threads);
    m_proxy->setSourceModel(m_images);

    setCentralWidget(m_inspector);
    m_inspector->setColorMap(colorMapFromName(m_preferences.colorMap));
    createBrowser();
    createDocks();
    createActions();

    m_hoverLabel = new QLabel(this);
    statusBar()->addWidget(m_hoverLabel, 1);
    m_taskProgress = new QProgressBar(this);
    m_taskProgress->setRange(0, 1000);
    m_taskProgress->setMaximumWidth(260);
    m_taskProgress->setTextVisible(true);
    m_taskProgress->hide();
    statusBar()->addPermanentWidget(m_taskProgress);
    m_taskCancel = new QToolButton(this);
    m_taskCancel->setText(tr("Cancel"));
    m_taskCancel->hide();
    statusBar()->addPermanentWidget(m_taskCancel);
    m_deviceLabel = new QLabel(this);
    statusBar()->addPermanentWidget(m_deviceLabel);
    connect(m_taskCancel, &QToolButton::clicked, this, [this] {
        if (m_inferenceTask)
            m_inferenceTask->cancel();
    });
    connect(m_inspector, &InspectorWidget::hoverInfo, m_hoverLabel, &QLabel::setText);

    // Document -> views.
    connect(m_project, &Project::resultsChanged, this, [this] {
        m_images->setResults(m_project->results());
        updateMetrics();
    });
    connect(m_project, &Project::metricsChanged, this, &MainWindow::updateMetrics);
    connect(m_project, &Project::thresholdsChanged, this, &MainWindow::updateThresholdViews);
    connect(m_project, &Project::filePathChanged, this, &MainWindow::updateTitle);
    connect(m_project, &Project::saveFailed, this, [this](const QString& message) { log(message); });

    // The current image's panels: read, then taken from the cache or computed in the background.
    connect(m_worker, &ImageInferenceWorker::sourceReady, this,
            [this](const QString& path, const cv::Mat& image, const cv::Mat& mask) {
                if (path == m_currentPath)
                    m_inspector->setSource(path, image, mask);
            });
    connect(m_worker, &ImageInferenceWorker::inferenceReady, this,
            [this](const QString& path, const utad::Inference& inference, bool fromCache) {
                if (path != m_currentPath)
                    return;
                ++(fromCache ? m_panelsFromCache : m_panelsComputed);
                m_inspector->setInference(path, inference);
                emit panelsShown(path, fromCache);
            });
    connect(m_worker, &ImageInferenceWorker::failed, this, [this](const QString& path, const QString& message) {
        log(message);
        if (path == m_currentPath)
            statusBar()->showMessage(message, 8000);
    });

    resize(1400, 900);
    updateTitle();
    updateStatus();
    updateMetrics();
    installReviewTools(this);

    // First start: other bottom docks share the messages' place as tabs, leaving room for the panels.
    const QSettings settings;
    QDockWidget* messagesDock = findChild<QDockWidget*>(QStringLiteral("messagesDock"));
    for (QDockWidget* dock : findChildren<QDockWidget*>())
        if (dock != messagesDock && dockWidgetArea(dock) == Qt::BottomDockWidgetArea) {
            tabifyDockWidget(messagesDock, dock);
            dock->raise();
        }
    // On a 1280x720 screen the panels keep the larger part of the height.
    const int screenHeight = screen() ? screen()->availableGeometry().height() : 900;
    resizeDocks({messagesDock}, {std::min(250, screenHeight * 34 / 100)}, Qt::Vertical);
    resizeDocks({findChild<QDockWidget*>(QStringLiteral("imagesDock"))}, {400}, Qt::Horizontal);
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
}

MainWindow::~MainWindow()
{
    stopWork();
    m_worker->stop();  // before the views it reports to go away
}

InferenceTask* MainWindow::inferenceTask() const { return m_inferenceTask.data(); }
TrainingTask* MainWindow::trainingTask() const { return m_trainingTask.data(); }

// --------------------------------------------------------------------------------------------
// Construction

void MainWindow::createActions()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("Open &dataset folder..."), QKeySequence(Qt::CTRL | Qt::Key_D), this, &MainWindow::onOpenDataset);
    file->addAction(tr("&Open project..."), QKeySequence::Open, this, &MainWindow::onOpenProject);
    m_recentMenu = file->addMenu(tr("&Recent projects"));
    updateRecentMenu();
    file->addSeparator();
    file->addAction(tr("&Save project"), QKeySequence::Save, this, &MainWindow::onSaveProject);
    file->addAction(tr("Save project &as..."), QKeySequence::SaveAs, this, &MainWindow::onSaveProjectAs);
    file->addSeparator();
    file->addAction(tr("&Load model..."), QKeySequence(Qt::CTRL | Qt::Key_L), this, &MainWindow::onLoadModel);
    m_exportAction = file->addAction(tr("&Export panels as PNG..."), QKeySequence(Qt::CTRL | Qt::Key_E), this,
                                     &MainWindow::onExportPanels);
    file->addSeparator();
    file->addAction(tr("&Preferences..."), QKeySequence::Preferences, this, &MainWindow::onPreferences);
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);
    quit->setMenuRole(QAction::QuitRole);

    QMenu* model = menuBar()->addMenu(tr("&Model"));
    m_trainAction = model->addAction(tr("&Train..."), QKeySequence(Qt::CTRL | Qt::Key_T), this, &MainWindow::onTrain);
    m_runAction = model->addAction(tr("&Run inference"), QKeySequence(Qt::CTRL | Qt::Key_R), this, [this] { runInference(); });
    model->addSeparator();
    model->addAction(tr("Model &information..."), this, &MainWindow::onModelInfo);

    m_viewMenu = menuBar()->addMenu(tr("&View"));
    for (QAction* a : {m_inspector->residualsAction(), m_inspector->overlayAction(), m_inspector->truthAction(),
                       m_inspector->predictedAction()})
        m_viewMenu->addAction(a);
    m_viewMenu->addSeparator();
    for (QAction* a : {m_inspector->zoomInAction(), m_inspector->zoomOutAction(), m_inspector->fitAction(),
                       m_inspector->actualSizeAction()})
        m_viewMenu->addAction(a);
    m_viewMenu->addSeparator();
    QMenu* colorMaps = m_viewMenu->addMenu(tr("&Colour map"));
    for (const QString& name : colorMapNames())
        colorMaps->addAction(name, this, [this, name] { m_inspector->setColorMap(colorMapFromName(name)); });
    m_viewMenu->addSeparator();
    for (QDockWidget* dock : findChildren<QDockWidget*>())
        m_viewMenu->addAction(dock->toggleViewAction());

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About UTAD Workbench"), this, &MainWindow::onAbout);
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);

    m_toolBar = addToolBar(tr("Main"));
    m_toolBar->setObjectName(QStringLiteral("mainToolBar"));
    m_toolBar->addAction(tr("Open dataset"), this, &MainWindow::onOpenDataset);
    m_toolBar->addAction(m_trainAction);
    m_toolBar->addAction(m_runAction);
    m_toolBar->addAction(m_exportAction);
}

void MainWindow::createBrowser()
{
    auto* panel = new QWidget(this);
    auto* layout = new QVBoxLayout(panel);
    layout->setContentsMargins(2, 2, 2, 2);

    m_filterText = new QLineEdit(panel);
    m_filterText->setPlaceholderText(tr("Filter by name"));
    m_filterText->setClearButtonEnabled(true);
    connect(m_filterText, &QLineEdit::textChanged, m_proxy, &ImageFilterProxy::setText);
    layout->addWidget(m_filterText);

    // Two rows of filters, so that their longest entries (German "Alle tatsächlichen Klassen") are
    // not cut off in a narrow list.
    auto* row = new QHBoxLayout;
    auto* row2 = new QHBoxLayout;
    m_filterDefect = new QComboBox(panel);
    m_filterDefect->setToolTip(tr("Defect type"));
    connect(m_filterDefect, &QComboBox::currentIndexChanged, this,
            [this] { m_proxy->setDefectType(m_filterDefect->currentData().toString()); });
    m_filterLabel = new QComboBox(panel);
    m_filterLabel->setToolTip(tr("True label"));
    m_filterLabel->addItems({tr("Any truth"), tr("Truly good"), tr("Truly defective"), tr("Unlabelled")});
    connect(m_filterLabel, &QComboBox::currentIndexChanged, this,
            [this](int i) { m_proxy->setLabelFilter(ImageFilterProxy::LabelFilter(i)); });
    m_filterPrediction = new QComboBox(panel);
    m_filterPrediction->setToolTip(tr("Prediction"));
    m_filterPrediction->addItems({tr("Any prediction"), tr("Predicted good"), tr("Predicted defective"),
                                  tr("Uncertain"), tr("Not scored")});
    connect(m_filterPrediction, &QComboBox::currentIndexChanged, this,
            [this](int i) { m_proxy->setPredictionFilter(ImageFilterProxy::PredictionFilter(i)); });
    for (QComboBox* combo : {m_filterDefect, m_filterLabel, m_filterPrediction})
        combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    row->addWidget(m_filterDefect, 1);
    row2->addWidget(m_filterLabel, 1);
    row2->addWidget(m_filterPrediction, 1);
    layout->addLayout(row);
    layout->addLayout(row2);

    m_table = new QTableView(panel);
    m_table->setObjectName(QStringLiteral("imageTable"));
    m_table->setModel(m_proxy);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(ImageListModel::NameColumn, Qt::AscendingOrder);
    m_table->setIconSize(QSize(ImageListModel::kThumbnailSize, ImageListModel::kThumbnailSize));
    m_table->verticalHeader()->setDefaultSectionSize(ImageListModel::kThumbnailSize + 4);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setColumnWidth(ImageListModel::ThumbnailColumn, ImageListModel::kThumbnailSize + 8);
    m_table->setColumnWidth(ImageListModel::NameColumn, 138);
    // The short columns take the width of their title or content, whichever is wider, in every language.
    for (int column : {ImageListModel::DefectColumn, ImageListModel::ScoreColumn, ImageListModel::PredictionColumn})
        m_table->horizontalHeader()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    m_table->setWordWrap(false);
    layout->addWidget(m_table, 1);
    // The table's keyboard search would swallow + and -: leave them to the zoom shortcuts.
    m_table->installEventFilter(this);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) { onCurrentRowChanged(current); });

    m_metricsLabel = new QLabel(panel);
    m_metricsLabel->setWordWrap(true);
    m_metricsLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_metricsLabel);

    auto* dock = new QDockWidget(tr("Images"), this);
    dock->setObjectName(QStringLiteral("imagesDock"));
    dock->setWidget(panel);
    addDockWidget(Qt::LeftDockWidgetArea, dock);
}

void MainWindow::createDocks()
{
    m_messages = new QPlainTextEdit(this);
    m_messages->setObjectName(QStringLiteral("messages"));
    m_messages->setReadOnly(true);
    m_messages->setMaximumBlockCount(5000);
    auto* dock = new QDockWidget(tr("Messages"), this);
    dock->setObjectName(QStringLiteral("messagesDock"));
    dock->setWidget(m_messages);
    addDockWidget(Qt::BottomDockWidgetArea, dock);
    resizeDocks({dock}, {150}, Qt::Vertical);
}

// A dataset folder, a project or a model dropped on the window is opened.
void MainWindow::dragEnterEvent(QDragEnterEvent* event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    if (urls.size() == 1 && urls.first().isLocalFile())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event)
{
    const QString path = event->mimeData()->urls().value(0).toLocalFile();
    event->acceptProposedAction();
    if (QFileInfo(path).isDir()) {
        if (openDataset(path) && m_model && m_project->results().empty())
            runInference();
    } else if (path.endsWith(QLatin1String(".utadproj"))) {
        openProject(path);
    } else {
        loadModel(path, true);
    }
}

bool MainWindow::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_table && event->type() == QEvent::ShortcutOverride) {
        const int key = static_cast<QKeyEvent*>(event)->key();
        if (key == Qt::Key_Plus || key == Qt::Key_Minus || key == Qt::Key_Equal) {
            event->ignore();
            return true;
        }
    }
    return QMainWindow::eventFilter(watched, event);
}

// --------------------------------------------------------------------------------------------
// Review-tool integration

void MainWindow::selectImage(const QString& path)
{
    const int sourceRow = m_images->rowOf(path);
    if (sourceRow < 0)
        return;
    const QModelIndex index = m_proxy->mapFromSource(m_images->index(sourceRow, ImageListModel::NameColumn));
    if (!index.isValid())
        return;
    m_table->setCurrentIndex(index);
    m_table->scrollTo(index);
}

void MainWindow::setImageFilter(ImageFilterProxy::ExtraFilter filter) { m_proxy->setExtraFilter(std::move(filter)); }

void MainWindow::refilterImages() { m_proxy->refilter(); }

void MainWindow::log(const QString& text)
{
    m_messages->appendPlainText(QDateTime::currentDateTime().toString(QStringLiteral("HH:mm:ss  ")) + text);
}

// --------------------------------------------------------------------------------------------
// Dataset, project, model

bool MainWindow::openDataset(const QString& path)
{
    const QString absolute = path.startsWith(QLatin1String(utad::kIdxPrefix)) ? path
                                                                              : QDir::cleanPath(QFileInfo(path).absoluteFilePath());
    utad::Dataset dataset;
    try {
        dataset = utad::openDataset(absolute.toStdString());
    } catch (const std::exception& e) {
        showError(tr("Cannot open the dataset"), QString::fromLocal8Bit(e.what()));
        return false;
    }
    if (dataset.test.empty() && dataset.train.empty()) {
        showError(tr("Cannot open the dataset"), tr("%1 contains no images.").arg(absolute));
        return false;
    }
    // A dataset other than the project's starts a new document (its autosave, if any, comes back).
    if (m_project->datasetPath() != QString::fromStdString(dataset.root) &&
        m_project->datasetPath() != absolute) {
        stopWork();
        const QString modelPath = m_model ? m_project->modelPath() : QString();
        m_project->clear();
        m_project->setDatasetPath(absolute);
        m_project->setModelPath(modelPath);
        if (m_project->restoreAutosave())
            log(tr("Restored the review marks and results saved earlier for %1").arg(absolute));
        if (m_model && m_project->resultsModelStamp() != m_modelStamp) {
            m_project->setResultsModelStamp(m_modelStamp);
            m_project->setResults({});
        }
    }
    m_dataset = std::move(dataset);
    for (const std::string& w : m_dataset->warnings)
        log(QString::fromStdString(w));
    showDataset();
    log(tr("Opened %1: %2 training and %3 test images").arg(absolute).arg(m_dataset->train.size()).arg(m_dataset->test.size()));
    emit datasetOpened();
    return true;
}

void MainWindow::showDataset()
{
    // A dataset without test images (only train/good) is browsed through its training images.
    const std::vector<utad::Sample>& samples = m_dataset->test.empty() ? m_dataset->train : m_dataset->test;
    m_currentPath.clear();
    m_inspector->clear();
    m_images->setSamples(samples);
    m_images->setResults(m_project->results());
    {
        const QSignalBlocker blocker(m_filterDefect);
        m_filterDefect->clear();
        m_filterDefect->addItem(tr("Any defect type"), QString());
        for (const QString& t : m_images->defectTypes())
            m_filterDefect->addItem(t, t);
    }
    m_proxy->setDefectType(QString());
    updateTitle();
    updateStatus();
    if (m_proxy->rowCount() > 0) {
        m_table->setCurrentIndex(m_proxy->index(0, ImageListModel::NameColumn));
        m_table->setFocus();
    }
}

bool MainWindow::openProject(const QString& path)
{
    stopWork();
    QString error;
    if (!m_project->load(path, &error)) {
        showError(tr("Cannot open the project"), error);
        return false;
    }
    addRecentProject(m_project->filePath());
    log(tr("Opened project %1").arg(m_project->filePath()));
    const QString modelPath = m_project->modelPath();
    m_model.reset();
    m_modelStamp.clear();
    m_worker->setModel(nullptr);
    if (!m_project->datasetPath().isEmpty()) {
        try {
            m_dataset = utad::openDataset(m_project->datasetPath().toStdString());
            for (const std::string& w : m_dataset->warnings)
                log(QString::fromStdString(w));
            showDataset();
            emit datasetOpened();
        } catch (const std::exception& e) {
            m_dataset.reset();
            m_images->setSamples({});
            showError(tr("Cannot open the project's dataset"), QString::fromLocal8Bit(e.what()));
        }
    }
    updateThresholdViews();
    // Cached results are shown as they are; the model is only needed for images without a cache.
    if (!modelPath.isEmpty()) {
        if (QFileInfo::exists(modelPath))
            loadModel(modelPath, false);
        else
            log(tr("The project's model %1 is missing; cached results are shown, new images cannot be scored.").arg(modelPath));
    }
    return true;
}

bool MainWindow::saveProjectAs(const QString& path)
{
    QString target = path;
    if (!target.endsWith(QLatin1String(".utadproj")))
        target += QStringLiteral(".utadproj");
    QString error;
    if (!m_project->saveAs(target, &error)) {
        showError(tr("Cannot save the project"), error);
        return false;
    }
    addRecentProject(m_project->filePath());
    statusBar()->showMessage(tr("Saved %1").arg(m_project->filePath()), 4000);
    return true;
}

void MainWindow::loadModel(const QString& path, bool runInference)
{
    if (!QFileInfo::exists(path)) {
        const QString message = tr("There is no model file at %1.").arg(path);
        log(message);
        offerTraining(message);
        return;
    }
    struct Loaded {
        std::shared_ptr<utad::Model> model;
        QString error;
    };
    m_loadingModel = true;
    statusBar()->showMessage(tr("Loading model %1...").arg(path));
    auto* watcher = new QFutureWatcher<Loaded>(this);
    connect(watcher, &QFutureWatcher<Loaded>::finished, this, [this, watcher, path, runInference] {
        const Loaded loaded = watcher->result();
        watcher->deleteLater();
        m_loadingModel = false;
        statusBar()->clearMessage();
        if (!loaded.model) {
            showError(tr("Cannot load the model"), loaded.error);
            emit modelLoaded();
            return;
        }
        const bool hadResults = !m_project->results().empty() &&
                                m_project->resultsModelStamp() == Project::modelStamp(path);
        setModel(loaded.model, path);
        if (runInference && m_dataset && !hadResults)
            this->runInference();
    });
    watcher->setFuture(QtConcurrent::run([path]() -> Loaded {
        try {
            return {std::shared_ptr<utad::Model>(utad::Model::load(path.toStdString())), QString()};
        } catch (const std::exception& e) {
            return {nullptr, QString::fromLocal8Bit(e.what())};
        }
    }));
}

void MainWindow::setModel(std::shared_ptr<utad::Model> model, const QString& path)
{
    m_model = std::move(model);
    m_worker->setModel(m_model);
    m_project->setModelPath(path);
    m_modelStamp = path.isEmpty() ? QStringLiteral("unsaved-") + QUuid::createUuid().toString(QUuid::WithoutBraces)
                                  : Project::modelStamp(path);
    if (m_modelStamp != m_project->resultsModelStamp()) {
        // Results of another model no longer apply.
        m_project->setResultsModelStamp(m_modelStamp);
        m_project->setResults({});
        m_project->setMetrics({});
    }
    applyDefaultThresholds();
    // One colour scale for every image of the model, the rule the report and the CLI use too.
    m_inspector->setHeatMax(utad::heatmapScale(m_model->info()));
    const utad::ModelInfo& info = m_model->info();
    log(tr("Model %1: %2, preset %3, %4x%4 tiles, trained on %5 images")
            .arg(path.isEmpty() ? tr("(not saved)") : path, QString::fromStdString(utad::methodName(info.config.method)),
                 QString::fromStdString(info.config.preset))
            .arg(info.config.tileSize)
            .arg(info.training.imageCount));
    updateStatus();
    updateTitle();
    requestPanels();
    emit modelLoaded();
}

void MainWindow::applyDefaultThresholds()
{
    Thresholds t = m_project->thresholds();
    if (!m_model || t.image > 0 || t.pixel > 0)
        return;
    // Until someone sets them, thresholds come from the model's scores on held-back good images.
    const utad::Calibration& c = m_model->info().calibration;
    const double proposed = utad::proposedThreshold(c);
    if (std::isfinite(proposed))
        t.image = proposed;
    else if (c.stddev > 0)
        t.image = c.mean + 3 * c.stddev;
    t.pixel = c.maxPixel;
    t.minRegionArea = 16;
    if (t.image > 0 || t.pixel > 0)
        m_project->setThresholds(t);
}

void MainWindow::updateThresholdViews()
{
    const Thresholds t = m_project->thresholds();
    m_inspector->setRegionThreshold(t.pixel, t.minRegionArea);
}

bool MainWindow::runInference()
{
    if (!m_dataset) {
        showError(tr("Run inference"), tr("Open a dataset folder first."));
        return false;
    }
    if (!m_model) {
        offerTraining(tr("No model is loaded."));
        return false;
    }
    if (m_inferenceTask && m_inferenceTask->isRunning())
        return true;
    utad::Dataset toScore = *m_dataset;
    if (toScore.test.empty())
        toScore.test = toScore.train;
    const QString dataDir = m_project->dataDir();
    const QString stamp = m_project->resultsModelStamp();
    auto* task = new InferenceTask(m_model, toScore,
                                   [dataDir, stamp](const QString& image) { return Project::panelCacheFile(dataDir, stamp, image); },
                                   this);
    m_inferenceTask = task;
    m_images->clearScores();
    connect(task, &InferenceTask::imageScored, m_images, &ImageListModel::setResult);
    connect(task, &Task::message, this, &MainWindow::log);
    connect(task, &Task::progressChanged, this, [this](double fraction, const QString& text) {
        m_taskProgress->setValue(int(fraction * 1000));
        m_taskProgress->setFormat(text);
    });
    connect(task, &Task::finished, this, [this, task](bool ok) {
        m_taskProgress->hide();
        m_taskCancel->hide();
        m_runAction->setEnabled(true);
        const utad::EvalReport& report = task->report();
        if (!task->errorMessage().isEmpty()) {
            showError(tr("Inference failed"), task->errorMessage());
        } else {
            // Partial results of a cancelled run are kept; they are still this model's scores.
            m_project->setMetrics(report.metrics);
            m_project->setResults(report.results);
            m_project->autosave();
            log(ok ? tr("Scored %1 images (%2 ms per image)").arg(report.metrics.images).arg(report.metrics.msPerImage, 0, 'f', 1)
                   : tr("Inference cancelled after %1 images").arg(report.results.size()));
        }
        task->deleteLater();
        if (m_inspector->currentInference() == nullptr)
            requestPanels();
        emit inferenceFinished(ok);
    });
    m_taskProgress->setValue(0);
    m_taskProgress->setFormat(tr("Scoring..."));
    m_taskProgress->show();
    m_taskCancel->show();
    m_runAction->setEnabled(false);
    task->start();
    return true;
}

TrainingDialog* MainWindow::startTraining(const utad::ModelConfig& config, utad::Device device)
{
    if (!m_dataset) {
        showError(tr("Train"), tr("Open a dataset folder first."));
        return nullptr;
    }
    if (m_dataset->train.empty()) {
        showError(tr("Train"), tr("%1 has no training images: a model learns from anomaly-free images in train/good.")
                                   .arg(QString::fromStdString(m_dataset->root)));
        return nullptr;
    }
    if (m_trainingTask && m_trainingTask->isRunning()) {
        showError(tr("Train"), tr("A training run is already going on."));
        return nullptr;
    }
    auto* task = new TrainingTask(config, *m_dataset, device, this);
    auto* dialog = new TrainingDialog(task, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QObject::destroyed, task, [task] {
        if (!task->isRunning())
            task->deleteLater();
    });
    connect(task, &Task::finished, this, [this, task](bool) {
        if (!task->errorMessage().isEmpty())
            log(tr("Training failed: %1").arg(task->errorMessage()));
        else
            log(task->wasCancelled() ? tr("Training cancelled after %1 steps").arg(task->stepsDone())
                                     : tr("Training finished"));
    });
    connect(dialog, &TrainingDialog::modelReady, this, [this](std::shared_ptr<utad::Model> model, const QString& path) {
        setModel(std::move(model), path);
        runInference();
    });
    m_trainingTask = task;
    log(tr("Training %1 (preset %2, %3 + %4 steps) on %5 images")
            .arg(QString::fromStdString(utad::methodName(config.method)), QString::fromStdString(config.preset))
            .arg(config.ieSteps)
            .arg(config.expertSteps)
            .arg(m_dataset->train.size()));
    dialog->show();
    task->start();
    return dialog;
}

bool MainWindow::exportPanels(const QString& path)
{
    if (m_inspector->sourceImage().empty()) {
        showError(tr("Export panels"), tr("There is no image to export."));
        return false;
    }
    const QImage image = m_inspector->montage(2);
    if (!image.save(path, "PNG")) {
        showError(tr("Export panels"), tr("Cannot write %1.").arg(path));
        return false;
    }
    log(tr("Exported the panels of %1 to %2").arg(m_currentPath, path));
    return true;
}

// --------------------------------------------------------------------------------------------
// Current image

void MainWindow::onCurrentRowChanged(const QModelIndex& current)
{
    const QString path = current.isValid() ? current.data(ImageListModel::PathRole).toString() : QString();
    if (path == m_currentPath)
        return;
    m_currentPath = path;
    requestPanels();
    emit currentImageChanged(path);
}

void MainWindow::requestPanels()
{
    const int row = m_images->rowOf(m_currentPath);
    if (row < 0) {
        m_inspector->clear();
        return;
    }
    const QString cache = m_project->resultsModelStamp().isEmpty() ? QString() : m_project->panelCacheFile(m_currentPath);
    m_worker->request(m_images->sample(row), cache);
}

// --------------------------------------------------------------------------------------------
// Dialog-driven slots

void MainWindow::onOpenDataset()
{
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Open dataset folder"),
                                                          QSettings().value(QStringLiteral("lastDatasetDir")).toString());
    if (dir.isEmpty())
        return;
    QSettings().setValue(QStringLiteral("lastDatasetDir"), dir);
    if (openDataset(dir) && m_model && m_project->results().empty())
        runInference();
}

void MainWindow::onOpenProject()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open project"), QString(), kProjectFilter);
    if (!path.isEmpty())
        openProject(path);
}

void MainWindow::onSaveProject()
{
    if (m_project->filePath().isEmpty()) {
        onSaveProjectAs();
        return;
    }
    QString error;
    if (m_project->save(&error))
        statusBar()->showMessage(tr("Saved %1").arg(m_project->filePath()), 4000);
    else
        showError(tr("Cannot save the project"), error);
}

void MainWindow::onSaveProjectAs()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Save project as"), QString(), kProjectFilter);
    if (!path.isEmpty())
        saveProjectAs(path);
}

void MainWindow::onLoadModel()
{
    QString start = QString::fromStdString(utad::modelsDirectory().string());
    const QString path = QFileDialog::getOpenFileName(this, tr("Load model"), start, tr("UTAD models (*.utad);;All files (*)"));
    if (!path.isEmpty())
        loadModel(path, true);
}

void MainWindow::onExportPanels()
{
    const QString suggested = QFileInfo(m_currentPath).completeBaseName() + QStringLiteral("_panels.png");
    const QString path = QFileDialog::getSaveFileName(this, tr("Export panels"), suggested, tr("PNG images (*.png)"));
    if (!path.isEmpty())
        exportPanels(path);
}

void MainWindow::onTrain()
{
    if (!m_dataset) {
        showError(tr("Train"), tr("Open a dataset folder first: the model learns from its train/good images."));
        return;
    }
    TrainOptionsDialog options(m_preferences.defaultPreset, *m_dataset, this);
    if (options.exec() != QDialog::Accepted)
        return;
    try {
        startTraining(options.config(), options.device());
    } catch (const std::exception& e) {
        showError(tr("Train"), QString::fromLocal8Bit(e.what()));
    }
}

void MainWindow::onModelInfo()
{
    if (!m_model) {
        showError(tr("Model information"), tr("No model is loaded."));
        return;
    }
    const utad::ModelInfo& info = m_model->info();
    const utad::ModelConfig& c = info.config;
    const QString text =
        tr("<table>"
           "<tr><td>File</td><td>%1</td></tr>"
           "<tr><td>Method</td><td>%2, preset %3</td></tr>"
           "<tr><td>Network input</td><td>%4 x %4 tiles, %5 channel(s), %21</td></tr>"
           "<tr><td>Widths</td><td>IE-Net %6, latent %7, Expert-Net %8, detail code %9</td></tr>"
           "<tr><td>Trained on</td><td>%10 images of %11 (%12 x %13), %14 steps in %15</td></tr>"
           "<tr><td>Calibration</td><td>good-image scores %16 &plusmn; %17 (%18 images), pixel hint %19</td></tr>"
           "<tr><td>Device</td><td>%20</td></tr>"
           "</table>")
            .arg(m_project->modelPath().isEmpty() ? tr("(not saved)") : m_project->modelPath().toHtmlEscaped(),
                 QString::fromStdString(utad::methodName(c.method)), QString::fromStdString(c.preset))
            .arg(c.tileSize)
            .arg(c.channels)
            .arg(c.ieWidth)
            .arg(c.latentDim)
            .arg(c.expertWidth)
            .arg(c.detailDim)
            .arg(info.training.imageCount)
            .arg(QString::fromStdString(info.training.dataRoot).toHtmlEscaped())
            .arg(info.training.sourceWidth)
            .arg(info.training.sourceHeight)
            .arg(info.training.ieStepsDone + info.training.expertStepsDone)
            .arg(formatDuration(info.training.seconds))
            .arg(info.calibration.mean, 0, 'g', 4)
            .arg(info.calibration.stddev, 0, 'g', 3)
            .arg(info.calibration.goodScores.size())
            .arg(info.calibration.maxPixel, 0, 'g', 4)
            .arg(QString::fromStdString(m_model->deviceName()))
            .arg(c.wholeImage() ? tr("whole images") : tr("working scale %1").arg(c.workingScale, 0, 'g', 3));
    auto* box = new QMessageBox(QMessageBox::Information, tr("Model information"), text, QMessageBox::Ok, this);
    box->setTextFormat(Qt::RichText);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void MainWindow::onPreferences()
{
    PreferencesDialog dialog(m_preferences, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const QString oldLanguage = m_preferences.language;
    m_preferences = dialog.preferences();
    m_preferences.save();
    if (m_preferences.language != oldLanguage)
        offerRestartForLanguageChange(this);
    m_threads = utad::setThreads(m_preferences.threads);
    m_inspector->setColorMap(colorMapFromName(m_preferences.colorMap));
    updateStatus();
}

void MainWindow::onAbout()
{
    QMessageBox::about(this, tr("About UTAD Workbench"),
                       tr("<h3>UTAD Workbench %1</h3>"
                          "<p>Inspection workbench for unsupervised visual anomaly detection, after "
                          "Liu, Zhuang and Lu, <i>Unsupervised Two-Stage Anomaly Detection</i> (arXiv 2103.11671).</p>"
                          "<p>Qt %2, running on %3 with %4 threads.</p>")
                           .arg(versionString(), QString::fromLatin1(qVersion()),
                                m_model ? QString::fromStdString(m_model->deviceName()) : QStringLiteral("cpu"))
                           .arg(m_threads));
}

// --------------------------------------------------------------------------------------------
// Helpers

void MainWindow::showError(const QString& title, const QString& message)
{
    m_lastError = message;
    log(message);
    // Window-modal and non-blocking: work in the background goes on while the message is shown.
    auto* box = new QMessageBox(QMessageBox::Warning, title, message, QMessageBox::Ok, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void MainWindow::offerTraining(const QString& reason)
{
    statusBar()->showMessage(reason + QLatin1Char(' ') + tr("Use Model > Train... to train one."), 10000);
    if (!m_dataset || m_dataset->train.empty())
        return;
    auto* box = new QMessageBox(QMessageBox::Question, tr("No model"),
                                reason + QStringLiteral("\n\n") + tr("Train a model on %1 now?").arg(QString::fromStdString(m_dataset->root)),
                                QMessageBox::NoButton, this);
    QPushButton* train = box->addButton(tr("Train..."), QMessageBox::AcceptRole);
    box->addButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(train, &QPushButton::clicked, this, &MainWindow::onTrain, Qt::QueuedConnection);
    box->open();
}

void MainWindow::updateRecentMenu()
{
    m_recentMenu->clear();
    const QStringList recent = QSettings().value(QStringLiteral("recentProjects")).toStringList();
    for (const QString& path : recent)
        m_recentMenu->addAction(QFileInfo(path).fileName() + QStringLiteral("  (") + QFileInfo(path).absolutePath() + QLatin1Char(')'),
                                this, [this, path] { openProject(path); });
    m_recentMenu->setEnabled(!recent.isEmpty());
}

void MainWindow::addRecentProject(const QString& path)
{
    QSettings settings;
    QStringList recent = settings.value(QStringLiteral("recentProjects")).toStringList();
    recent.removeAll(path);
    recent.prepend(path);
    while (recent.size() > kMaxRecentProjects)
        recent.removeLast();
    settings.setValue(QStringLiteral("recentProjects"), recent);
    updateRecentMenu();
}

void MainWindow::updateTitle()
{
    QString name = tr("no dataset");
    if (!m_project->filePath().isEmpty())
        name = QFileInfo(m_project->filePath()).fileName();
    else if (!m_project->datasetPath().isEmpty())
        name = QFileInfo(m_project->datasetPath()).fileName();
    setWindowTitle(tr("%1 - UTAD Workbench").arg(name));
}

void MainWindow::updateStatus()
{
    const QString device = m_model ? QString::fromStdString(m_model->deviceName()) : QStringLiteral("cpu");
    m_deviceLabel->setText(tr("Device: %1  |  %n thread(s)", nullptr, m_threads).arg(device));
}

void MainWindow::updateMetrics()
{
    const utad::EvalMetrics& m = m_project->metrics();
    if (m.images == 0) {
        m_metricsLabel->setText(m_model ? tr("Not scored yet: Model > Run inference.") : tr("No model loaded."));
        return;
    }
    m_metricsLabel->setText(tr("%1 images scored (%2 skipped). Image AUROC %3, pixel AUROC %4, AUPRO %5, F1-max %6 at %7; %8 ms per image.")
                                .arg(m.images)
                                .arg(m.skipped)
                                .arg(fmt(m.imageAuroc), fmt(m.pixelAuroc), fmt(m.aupro), fmt(m.f1.f1), fmt(m.f1.threshold, 4),
                                     fmt(m.msPerImage, 1)));
}

bool MainWindow::stopWork()
{
    if (InferenceTask* task = m_inferenceTask.data()) {
        // Its results belong to the document being closed: drop them instead of delivering them.
        task->cancel();
        task->waitForFinished();
        disconnect(task, nullptr, this, nullptr);
        disconnect(task, nullptr, m_images, nullptr);
        task->deleteLater();
        m_inferenceTask = nullptr;
        m_taskProgress->hide();
        m_taskCancel->hide();
        m_runAction->setEnabled(true);
        emit inferenceFinished(false);
    }
    if (m_trainingTask) {
        m_trainingTask->cancel();
        m_trainingTask->waitForFinished();
    }
    return true;
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    stopWork();
    m_worker->stop();
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    QMainWindow::closeEvent(event);
}

} // namespace utad::ui
