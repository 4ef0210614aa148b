#include "ui/mainwindow.h"

#include "ui/format.h"
#include "ui/inferencetask.h"
#include "ui/inspectorwidget.h"
#include "ui/jobs.h"
#include "ui/metatypes.h"
#include "ui/project.h"
#include "ui/review/annotationpanel.h"
#include "ui/review/reviewtools.h"
#include "ui/review/thresholdpanel.h"
#include "ui/taskmanager.h"
#include "ui/taskstatuswidget.h"
#include "ui/trainingdialog.h"
#include "ui/trainingtask.h"
#include "ui/translation.h"
#include "ui/version.h"
#include "utad/error.h"
#include "utad/evaluation.h"
#include "utad/paths.h"

#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QDateTime>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScreen>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QStatusBar>
#include <QTableView>
#include <QToolBar>
#include <QUndoStack>
#include <QVBoxLayout>
#include <cmath>
#include <iostream>

namespace utad::ui {

namespace {
constexpr int kMaxRecentProjects = 8;
const QString kProjectFilter = QStringLiteral("UTAD projects (*.utadproj)");

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

QString fmt(double v, int digits = 3) { return std::isfinite(v) ? localNumber(v, 'f', digits) : QStringLiteral("-"); }
}  // namespace

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent), m_project(new Project(this)), m_tasks(new TaskManager(this)),
      m_images(new ImageListModel(m_project, m_tasks, this)), m_proxy(new ImageFilterProxy(m_project, this)),
      m_inspector(new InspectorWidget(this))
{
    registerMetaTypes();
    setObjectName(QStringLiteral("MainWindow"));
    setAcceptDrops(true);
    m_preferences = Preferences::load();
    m_threads = applyComputeThreads(m_preferences);
    m_proxy->setSourceModel(m_images);

    setCentralWidget(m_inspector);
    m_inspector->setColorMap(colorMapFromName(m_preferences.colorMap));
    m_inspector->setDocument(m_project, m_tasks);
    m_review = new ReviewTools(m_project, m_tasks, m_proxy, this);
    createBrowser();
    createDocks();
    createActions();

    m_hoverLabel = new QLabel(this);
    m_hoverLabel->setObjectName(QStringLiteral("hoverInfo"));
    // A long hover text gives way (cut at the end) rather than squeeze the job's progress.
    m_hoverLabel->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    statusBar()->addWidget(m_hoverLabel, 1);
    m_taskStatus = new TaskStatusWidget(m_tasks, this);
    statusBar()->addPermanentWidget(m_taskStatus);
    m_deviceLabel = new QLabel(this);
    statusBar()->addPermanentWidget(m_deviceLabel);
    connect(m_inspector, &InspectorWidget::hoverInfo, m_hoverLabel, &QLabel::setText);
    connect(m_inspector, &InspectorWidget::panelsShown, this, &MainWindow::panelsShown);
    connect(m_inspector, &InspectorWidget::loadFailed, this, [this](const QString& path, const QString& message) {
        log(message);
        if (path == currentImagePath())
            statusBar()->showMessage(message, 8000);
    });
    connect(m_review, &ReviewTools::message, this, &MainWindow::log);
    connect(m_review, &ReviewTools::statusMessage, statusBar(), &QStatusBar::showMessage);

    // Document -> window.
    connect(m_project, &Project::resultsChanged, this, &MainWindow::updateMetrics);
    connect(m_project, &Project::metricsChanged, this, &MainWindow::updateMetrics);
    connect(m_project, &Project::filePathChanged, this, &MainWindow::updateTitle);
    connect(m_project, &Project::modelChanged, this, [this] {
        updateStatus();
        updateMetrics();
    });
    connect(m_project, &Project::currentImageChanged, this, &MainWindow::followCurrentImage);
    connect(m_project, &Project::saveFailed, this, [this](const QString& message) { log(message); });
    connect(m_project, &Project::message, this, &MainWindow::log);
    connect(m_project, &Project::saved, this,
        [this] { statusBar()->showMessage(tr("Saved %1").arg(m_project->filePath()), 4000); });

    // A first start stays within a screen smaller than the preferred size (the program then opens
    // it maximised); a saved geometry (below) wins.
    resize(screen() ? kPreferredSize.boundedTo(screen()->availableGeometry().size()) : kPreferredSize);
    updateTitle();
    updateStatus();
    updateMetrics();

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
    // Before the views the jobs report to go away; closeEvent() has asked and said so already.
    m_tasks->stopAll();
}

void MainWindow::showAtStart()
{
    const bool restored = QSettings().contains(QStringLiteral("window/geometry"));
    const QSize available = screen() ? screen()->availableGeometry().size() : kPreferredSize;
    if (!restored && (available.width() < kPreferredSize.width() || available.height() < kPreferredSize.height()))
        showMaximized();
    else
        show();
}

bool MainWindow::isLoadingModel() const { return !m_modelLoad.isNull(); }
InferenceTask* MainWindow::inferenceTask() const { return m_inferenceTask.data(); }
TrainingTask* MainWindow::trainingTask() const { return m_trainingTask.data(); }
TrainingDialog* MainWindow::trainingDialog() const { return m_trainingDialog.data(); }
QString MainWindow::currentImagePath() const { return m_project->currentImage(); }
std::shared_ptr<const utad::Model> MainWindow::model() const { return m_project->model(); }
const utad::Dataset* MainWindow::dataset() const { return m_project->dataset(); }

// --------------------------------------------------------------------------------------------
// Construction

void MainWindow::createActions()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(
        tr("Open &dataset folder..."), QKeySequence(Qt::CTRL | Qt::Key_D), this, &MainWindow::onOpenDataset);
    file->addAction(tr("&Open project..."), QKeySequence::Open, this, &MainWindow::onOpenProject);
    m_recentMenu = file->addMenu(tr("&Recent projects"));
    updateRecentMenu();
    file->addSeparator();
    file->addAction(tr("&Save project"), QKeySequence::Save, this, &MainWindow::onSaveProject);
    file->addAction(tr("Save project &as..."), QKeySequence::SaveAs, this, &MainWindow::onSaveProjectAs);
    file->addSeparator();
    file->addAction(tr("&Load model..."), QKeySequence(Qt::CTRL | Qt::Key_L), this, &MainWindow::onLoadModel);
    m_exportAction = file->addAction(
        tr("&Export panels as PNG..."), QKeySequence(Qt::CTRL | Qt::Key_E), this, &MainWindow::onExportPanels);
    file->addSeparator();
    file->addAction(tr("&Preferences..."), QKeySequence::Preferences, this, &MainWindow::onPreferences);
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);
    quit->setMenuRole(QAction::QuitRole);

    QMenu* model = menuBar()->addMenu(tr("&Model"));
    m_trainAction = model->addAction(tr("&Train..."), QKeySequence(Qt::CTRL | Qt::Key_T), this, &MainWindow::onTrain);
    m_runAction
        = model->addAction(tr("&Run inference"), QKeySequence(Qt::CTRL | Qt::Key_R), this, [this] { runInference(); });
    model->addSeparator();
    model->addAction(tr("Model &information..."), this, &MainWindow::onModelInfo);

    // Edit: undo and redo of every document edit (review marks, drawn masks, thresholds).
    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    m_undo = m_project->undoStack()->createUndoAction(this, tr("&Undo"));
    m_undo->setShortcut(QKeySequence::Undo);
    m_redo = m_project->undoStack()->createRedoAction(this, tr("&Redo"));
    m_redo->setShortcut(QKeySequence::Redo);
    edit->addAction(m_undo);
    edit->addAction(m_redo);

    QMenu* review = menuBar()->addMenu(tr("&Review"));
    review->addActions(m_review->annotationPanel()->reviewActions());
    review->addSeparator();
    review->addAction(m_review->retrainAction());
    review->addAction(m_review->exportAction());

    QMenu* view = menuBar()->addMenu(tr("&View"));
    for (QAction* a : {m_inspector->residualsAction(), m_inspector->overlayAction(), m_inspector->truthAction(),
             m_inspector->predictedAction()})
        view->addAction(a);
    view->addSeparator();
    for (QAction* a : {m_inspector->zoomInAction(), m_inspector->zoomOutAction(), m_inspector->fitAction(),
             m_inspector->actualSizeAction()})
        view->addAction(a);
    view->addSeparator();
    QMenu* colorMaps = view->addMenu(tr("&Colour map"));
    for (const QString& name : colorMapNames())
        colorMaps->addAction(name, this, [this, name] { m_inspector->setColorMap(colorMapFromName(name)); });
    view->addSeparator();
    for (QDockWidget* dock : findChildren<QDockWidget*>())
        view->addAction(dock->toggleViewAction());

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About UTAD Workbench"), this, &MainWindow::onAbout);
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);

    QToolBar* toolBar = addToolBar(tr("Main"));
    toolBar->setObjectName(QStringLiteral("mainToolBar"));
    toolBar->addAction(tr("Open dataset"), this, &MainWindow::onOpenDataset);
    toolBar->addAction(m_trainAction);
    toolBar->addAction(m_runAction);
    toolBar->addAction(m_exportAction);
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
    m_filterPrediction->addItems(
        {tr("Any prediction"), tr("Predicted good"), tr("Predicted defective"), tr("Uncertain"), tr("Not scored")});
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
    // Measured on the rows in view only: a thousand rows more cost tens of milliseconds at every
    // sort and filter, and these columns hold short texts of a few kinds.
    m_table->horizontalHeader()->setResizeContentsPrecision(0);
    m_table->setWordWrap(false);
    layout->addWidget(m_table, 1);
    // The table's keyboard search would swallow + and -: leave them to the zoom shortcuts.
    m_table->installEventFilter(this);
    connect(
        m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex& current) {
            m_project->setCurrentImage(
                current.isValid() ? current.data(ImageListModel::PathRole).toString() : QString());
        });

    // The proxy sorts and filters in one layout change. When the current image is filtered out,
    // its neighbour in the list becomes the current one (as when a row is removed).
    connect(m_proxy, &QAbstractItemModel::layoutAboutToBeChanged, this,
        [this] { m_rowBeforeLayout = m_table->currentIndex().row(); });
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, [this] {
        if (m_rowBeforeLayout < 0 || m_table->currentIndex().isValid())
            return;
        if (m_proxy->rowCount() == 0) {
            m_project->setCurrentImage(QString());
            return;
        }
        m_table->setCurrentIndex(
            m_proxy->index(std::min(m_rowBeforeLayout, m_proxy->rowCount() - 1), ImageListModel::NameColumn));
    });

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

    auto* thresholds = new QDockWidget(tr("Thresholds"), this);
    thresholds->setObjectName(QStringLiteral("thresholdsDock"));
    thresholds->setWidget(scrollable(m_review->thresholdPanel()));
    addDockWidget(Qt::BottomDockWidgetArea, thresholds);

    auto* review = new QDockWidget(tr("Review"), this);
    review->setObjectName(QStringLiteral("reviewDock"));
    review->setWidget(scrollable(m_review->annotationPanel()));
    addDockWidget(Qt::RightDockWidgetArea, review);
    // The one-key shortcuts work wherever the focus is in the window (text fields keep their keys).
    addActions(m_review->annotationPanel()->reviewActions());
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
        if (openDataset(path) && m_project->model() && m_project->results().empty())
            runInference();
    } else if (path.endsWith(QLatin1String(".utadproj"))) {
        openProject(path);
    } else {
        loadModel(path, true);
    }
}

bool MainWindow::eventFilter(QObject* watched, QEvent* event)
{
    // Home and End go to the first and last image (a table moves along the row by default).
    if (watched == m_table && event->type() == QEvent::KeyPress) {
        const auto* key = static_cast<QKeyEvent*>(event);
        if ((key->key() == Qt::Key_Home || key->key() == Qt::Key_End) && key->modifiers() == Qt::NoModifier
            && m_proxy->rowCount() > 0) {
            const int row = key->key() == Qt::Key_Home ? 0 : m_proxy->rowCount() - 1;
            const QModelIndex index = m_proxy->index(row, ImageListModel::NameColumn);
            m_table->setCurrentIndex(index);
            m_table->scrollTo(index);
            return true;
        }
    }
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
// Current image

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

void MainWindow::followCurrentImage(const QString& path)
{
    // The review tools move through the document; the list follows.
    const QModelIndex current = m_table->currentIndex();
    if (!path.isEmpty() && (!current.isValid() || current.data(ImageListModel::PathRole).toString() != path))
        selectImage(path);
    emit currentImageChanged(path);
}

void MainWindow::log(const QString& text)
{
    m_messages->appendPlainText(QDateTime::currentDateTime().toString(QStringLiteral("HH:mm:ss  ")) + text);
}

// --------------------------------------------------------------------------------------------
// Dataset, project, model

bool MainWindow::openDataset(const QString& path)
{
    const QString absolute
        = path.startsWith(QLatin1String(utad::kIdxPrefix)) ? path : QDir::cleanPath(QFileInfo(path).absoluteFilePath());
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
    if (m_project->datasetPath() != absolute)
        stopWork(false);
    const std::vector<std::string> warnings = dataset.warnings;
    const size_t train = dataset.train.size(), test = dataset.test.size();
    m_project->openDataset(std::move(dataset), absolute);
    logDatasetWarnings(warnings);
    showDataset();
    log(tr("Opened %1: %2 training and %3 test images").arg(absolute).arg(train).arg(test));
    emit datasetOpened();
    return true;
}

void MainWindow::logDatasetWarnings(const std::vector<std::string>& warnings)
{
    // A few in the messages, so that hundreds of stray masks do not bury every other message; all
    // of them on stderr.
    constexpr size_t kShown = 5;
    for (size_t i = 0; i < std::min(kShown, warnings.size()); ++i)
        log(QString::fromStdString(warnings[i]));
    if (warnings.size() > kShown) {
        log(tr("… and %n more dataset warning(s), listed on the standard error output", nullptr,
            int(warnings.size() - kShown)));
        for (size_t i = kShown; i < warnings.size(); ++i)
            std::cerr << "warning: " << warnings[i] << '\n';
    }
}

void MainWindow::showDataset()
{
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
    stopWork(false);
    QString error;
    if (!m_project->load(path, &error)) {
        showError(tr("Cannot open the project"), error);
        return false;
    }
    addRecentProject(m_project->filePath());
    log(tr("Opened project %1").arg(m_project->filePath()));
    const QString modelPath = m_project->modelPath();
    if (!m_project->datasetPath().isEmpty()) {
        try {
            utad::Dataset dataset = utad::openDataset(m_project->datasetPath().toStdString());
            logDatasetWarnings(dataset.warnings);
            m_project->openDataset(std::move(dataset), m_project->datasetPath());
            showDataset();
            emit datasetOpened();
        } catch (const std::exception& e) {
            showError(tr("Cannot open the project's dataset"), QString::fromLocal8Bit(e.what()));
        }
    }
    // Cached results are shown as they are; the model is only needed for images without a cache.
    if (!modelPath.isEmpty()) {
        if (QFileInfo::exists(modelPath))
            loadModel(modelPath, false);
        else
            log(tr("The project's model %1 is missing; cached results are shown, new images cannot be scored.")
                    .arg(modelPath));
    }
    return true;
}

bool MainWindow::saveProjectAs(const QString& path)
{
    QString target = path;
    if (!target.endsWith(QLatin1String(".utadproj")))
        target += QStringLiteral(".utadproj");
    Task* task = m_project->saveAsTask(target);
    const QString absolute = QFileInfo(target).absoluteFilePath();
    connect(task, &Task::finished, this, [this, absolute] {
        if (QDir::cleanPath(m_project->filePath()) == QDir::cleanPath(absolute))
            addRecentProject(m_project->filePath());
    });
    // A failed save (the message names every file that could not be copied) is shown.
    connect(task, &Task::finished, this, [this, task](bool ok) {
        if (!ok && !task->isCancelled())
            showError(
                tr("Cannot save the project"), static_cast<CopyFolderTask*>(task)->problems().join(QLatin1Char('\n')));
    });
    m_tasks->addTask(task);
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
    auto* task = new ModelLoadTask(path);
    m_modelLoad = task;
    connect(task, &Task::finished, this, [this, task, path, runInference](bool ok) {
        if (m_modelLoad == task)
            m_modelLoad = nullptr;
        if (!ok || !task->model()) {
            showError(tr("Cannot load the model"),
                task->errorMessage().isEmpty() ? tr("Loading %1 was stopped.").arg(path) : task->errorMessage());
            emit modelLoaded();
            return;
        }
        const bool hadResults
            = !m_project->results().empty() && m_project->resultsModelStamp() == Project::modelStamp(path);
        setModel(task->model(), path);
        if (runInference && m_project->dataset() && !hadResults)
            this->runInference();
    });
    m_tasks->addTask(task);
}

void MainWindow::setModel(std::shared_ptr<utad::Model> model, const QString& path)
{
    m_project->setModel(model, path);
    const utad::ModelInfo& info = model->info();
    log(tr("Model %1: %2, preset %3, %4x%4 tiles, trained on %5 images")
            .arg(path.isEmpty() ? tr("(not saved)") : path,
                QString::fromStdString(utad::methodName(info.config.method)),
                QString::fromStdString(info.config.preset))
            .arg(info.config.tileSize)
            .arg(info.training.imageCount));
    updateTitle();
    emit modelLoaded();
}

bool MainWindow::runInference()
{
    const utad::Dataset* dataset = m_project->dataset();
    if (!dataset) {
        showError(tr("Run inference"), tr("Open a dataset folder first."));
        return false;
    }
    if (!m_project->model()) {
        offerTraining(tr("No model is loaded."));
        return false;
    }
    if (m_inferenceTask)
        return true;
    utad::Dataset toScore = *dataset;
    if (toScore.test.empty())
        toScore.test = toScore.train;
    const QString dataDir = m_project->dataDir();
    const QString stamp = m_project->resultsModelStamp();
    auto* task = new InferenceTask(m_project->model(), std::move(toScore),
        [dataDir, stamp](const QString& image) { return Project::panelCacheFile(dataDir, stamp, image); });
    m_inferenceTask = task;
    m_project->setResults({});
    connect(task, &InferenceTask::imageScored, m_project, &Project::updateResult);
    connect(task, &Task::message, this, &MainWindow::log);
    connect(task, &Task::finished, this, [this, task](bool ok) {
        m_runAction->setEnabled(true);
        const utad::EvalReport& report = task->report();
        if (!task->errorMessage().isEmpty()) {
            showError(tr("Inference failed"), task->errorMessage());
        } else {
            // Partial results of a cancelled run are kept; they are still this model's scores.
            m_project->setMetrics(report.metrics);
            m_project->setResults(report.results);
            m_project->autosave();
            log(ok ? tr("Scored %1 images (%2 ms per image)")
                         .arg(report.metrics.images)
                         .arg(localNumber(report.metrics.msPerImage, 'f', 1))
                   : tr("Inference cancelled after %1 images").arg(report.results.size()));
        }
        emit inferenceFinished(ok);
    });
    m_runAction->setEnabled(false);
    m_tasks->addTask(task);
    return true;
}

TrainingDialog* MainWindow::startTraining(const utad::ModelConfig& config, utad::Device device)
{
    const utad::Dataset* dataset = m_project->dataset();
    if (!dataset) {
        showError(tr("Train"), tr("Open a dataset folder first."));
        return nullptr;
    }
    if (dataset->train.empty()) {
        showError(tr("Train"),
            tr("%1 has no training images: a model learns from anomaly-free images in train/good.")
                .arg(QString::fromStdString(dataset->root)));
        return nullptr;
    }
    if (m_trainingTask && !m_trainingTask->isFinished()) {
        showError(tr("Train"), tr("A training run is already going on."));
        return nullptr;
    }
    auto* task = new TrainingTask(config, *dataset, device);
    auto* dialog = new TrainingDialog(task, m_tasks, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
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
    m_trainingDialog = dialog;
    // Each stage's steps: the IE-Net's (the baseline's only), the Expert-Net's, the segmenter's.
    QString steps = QString::number(config.ieSteps);
    if (config.method == utad::Method::TwoStage)
        steps += QStringLiteral(" + %1").arg(config.expertSteps);
    if (config.hasSegmenter())
        steps += QStringLiteral(" + %1").arg(config.segmenterSteps);
    log(tr("Training %1 (preset %2, %3 steps) on %4 images")
            .arg(QString::fromStdString(utad::methodName(config.method)), QString::fromStdString(config.preset), steps)
            .arg(dataset->train.size()));
    dialog->show();
    m_tasks->addTask(task);
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
    log(tr("Exported the panels of %1 to %2").arg(currentImagePath(), path));
    return true;
}

// --------------------------------------------------------------------------------------------
// Dialog-driven slots

void MainWindow::onOpenDataset()
{
    const QString dir = QFileDialog::getExistingDirectory(
        this, tr("Open dataset folder"), QSettings().value(QStringLiteral("lastDatasetDir")).toString());
    if (dir.isEmpty())
        return;
    QSettings().setValue(QStringLiteral("lastDatasetDir"), dir);
    if (openDataset(dir) && m_project->model() && m_project->results().empty())
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
    if (!m_project->save(&error))
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
    const QString path
        = QFileDialog::getOpenFileName(this, tr("Load model"), start, tr("UTAD models (*.utad);;All files (*)"));
    if (!path.isEmpty())
        loadModel(path, true);
}

void MainWindow::onExportPanels()
{
    const QString suggested = QFileInfo(currentImagePath()).completeBaseName() + QStringLiteral("_panels.png");
    const QString path = QFileDialog::getSaveFileName(this, tr("Export panels"), suggested, tr("PNG images (*.png)"));
    if (!path.isEmpty())
        exportPanels(path);
}

void MainWindow::onTrain()
{
    if (!m_project->dataset()) {
        showError(tr("Train"), tr("Open a dataset folder first: the model learns from its train/good images."));
        return;
    }
    TrainOptionsDialog options(m_preferences.defaultPreset, *m_project->dataset(), this);
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
    const std::shared_ptr<utad::Model> model = m_project->model();
    if (!model) {
        showError(tr("Model information"), tr("No model is loaded."));
        return;
    }
    const utad::ModelInfo& info = model->info();
    const utad::ModelConfig& c = info.config;
    const QString text
        = tr("<table>"
             "<tr><td>File</td><td>%1</td></tr>"
             "<tr><td>Method</td><td>%2, preset %3</td></tr>"
             "<tr><td>Network input</td><td>%4 x %4 tiles, %5 channel(s), %21</td></tr>"
             "<tr><td>Widths</td><td>IE-Net %6, latent %7, Expert-Net %8, detail code %9</td></tr>"
             "<tr><td>Trained on</td><td>%10 images of %11 (%12 x %13), %14 steps in %15</td></tr>"
             "<tr><td>Anomaly map</td><td>%22</td></tr>"
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
              .arg(QString::number(c.detailDim)
                  + (c.hasSegmenter() ? tr(", defect segmenter %1").arg(c.segmenterWidth) : QString()))
              .arg(info.training.imageCount)
              .arg(QString::fromStdString(info.training.dataRoot).toHtmlEscaped())
              .arg(info.training.sourceWidth)
              .arg(info.training.sourceHeight)
              .arg(info.training.ieStepsDone + info.training.expertStepsDone + info.training.segmenterStepsDone)
              .arg(formatDuration(info.training.seconds))
              .arg(localNumber(info.calibration.mean, 'g', 4))
              .arg(localNumber(info.calibration.stddev, 'g', 3))
              .arg(info.calibration.goodScores.size())
              .arg(localNumber(utad::proposedPixelThreshold(info.calibration), 'g', 4))
              .arg(QString::fromStdString(model->deviceName()))
              .arg(
                  c.wholeImage() ? tr("whole images") : tr("working scale %1").arg(localNumber(c.workingScale, 'g', 3)))
              .arg(QString::fromStdString(utad::anomalyMapName(c)));  // as calibration chose it
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
    m_threads = applyComputeThreads(m_preferences);
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
                model() ? QString::fromStdString(model()->deviceName()) : QStringLiteral("cpu"))
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
    const utad::Dataset* dataset = m_project->dataset();
    if (!dataset || dataset->train.empty())
        return;
    auto* box = new QMessageBox(QMessageBox::Question, tr("No model"),
        reason + QStringLiteral("\n\n") + tr("Train a model on %1 now?").arg(QString::fromStdString(dataset->root)),
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
        m_recentMenu->addAction(
            QFileInfo(path).fileName() + QStringLiteral("  (") + QFileInfo(path).absolutePath() + QLatin1Char(')'),
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
    const QString device = model() ? QString::fromStdString(model()->deviceName()) : QStringLiteral("cpu");
    m_deviceLabel->setText(tr("Device: %1  |  %n thread(s)", nullptr, m_threads).arg(device));
}

void MainWindow::updateMetrics()
{
    const utad::EvalMetrics& m = m_project->metrics();
    if (m.images == 0) {
        m_metricsLabel->setText(model() ? tr("Not scored yet: Model > Run inference.") : tr("No model loaded."));
        return;
    }
    QString text = tr(
        "%1 images scored (%2 skipped). Image AUROC %3, pixel AUROC %4, AUPRO %5, F1-max %6 at %7; %8 ms per image.")
                       .arg(m.images)
                       .arg(m.skipped)
                       .arg(fmt(m.imageAuroc), fmt(m.pixelAuroc), fmt(m.aupro), fmt(m.f1.f1), fmt(m.f1.threshold, 4),
                           fmt(m.msPerImage, 1));
    // With several kinds of defect, each one's own figure: the overall one can hide a kind never found.
    if (m.byDefectType.size() > 1) {
        QStringList kinds;
        for (const utad::DefectTypeFigures& t : m.byDefectType)
            kinds << QStringLiteral("%1 %2").arg(QString::fromStdString(t.type), fmt(t.imageAuroc));  // no-tr
        text += QLatin1Char(' ') + tr("Image AUROC by defect type: %1.").arg(kinds.join(QStringLiteral(", ")));
    }
    m_metricsLabel->setText(text);
}

bool MainWindow::confirmDiscardTraining()
{
    const bool training = (m_trainingTask && !m_trainingTask->isFinished()) || m_review->retrainer();
    const bool unsaved = m_trainingDialog && m_trainingDialog->holdsUnsavedModel();
    if (!training && !unsaved)
        return true;
    QMessageBox box(QMessageBox::Question, tr("Close UTAD Workbench"),
        training ? tr("A training run is going on. Closing the window stops it and throws away what it "
                      "has trained so far.")
                 : tr("The trained model has not been saved. Closing the window throws it away."),
        QMessageBox::NoButton, this);
    box.setObjectName(QStringLiteral("discardTrainingQuestion"));
    QPushButton* discard = box.addButton(tr("Close and discard"), QMessageBox::DestructiveRole);
    box.addButton(QMessageBox::Cancel);
    box.setDefaultButton(QMessageBox::Cancel);
    box.exec();
    return box.clickedButton() == discard;
}

void MainWindow::stopWork(bool everything)
{
    // Training keeps its own copy of the dataset and its own window, and a model being saved is
    // finished: only the jobs that belong to the document being closed are stopped.
    QList<Task*> jobs;
    for (Task* task : m_tasks->tasks())
        if (everything || !(qobject_cast<TrainingTask*>(task) || qobject_cast<ModelSaveTask*>(task)))
            jobs << task;
    if (jobs.isEmpty())
        return;
    QStringList names;
    for (Task* task : jobs)
        if (!(task->flags() & Task::Hidden))
            names << task->description();
    if (!names.isEmpty()) {
        const QString text = tr("Waiting for %1 to stop...").arg(names.join(QStringLiteral(", ")));
        log(text);
        statusBar()->showMessage(text);
        statusBar()->repaint();
    }
    QApplication::setOverrideCursor(Qt::WaitCursor);
    m_tasks->stop(jobs);
    QApplication::restoreOverrideCursor();
    statusBar()->clearMessage();
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    if (!confirmDiscardTraining()) {
        event->ignore();
        return;
    }
    stopWork(true);
    m_tasks->shutDown();  // nothing new starts behind a closed window
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    QMainWindow::closeEvent(event);
}

}  // namespace utad::ui
