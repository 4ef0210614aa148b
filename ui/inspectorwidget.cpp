#include "ui/inspectorwidget.h"

#include "ui/colorlegend.h"
#include "ui/format.h"
#include "ui/jobs.h"
#include "ui/panelcache.h"
#include "ui/panelview.h"
#include "ui/project.h"
#include "ui/review/annotationstore.h"
#include "ui/taskmanager.h"

#include <QAction>
#include <QComboBox>
#include <QFileInfo>
#include <QGridLayout>
#include <QLabel>
#include <QScrollBar>
#include <QSlider>
#include <QToolBar>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>
#include <opencv2/imgproc.hpp>

namespace utad::ui {

namespace {
constexpr double kMinZoom = 0.05;
constexpr double kMaxZoom = 64.0;
}  // namespace

InspectorWidget::InspectorWidget(QWidget* parent) : QWidget(parent), m_panelMemory(std::make_shared<PanelMemoryCache>())
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);

    m_toolBar = new QToolBar(tr("Inspector"), this);
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    layout->addWidget(m_toolBar);

    // What changes the picture comes first; the zoom buttons, which the wheel and the keys also
    // reach, come last and are the first to move into the » menu of a narrow window.
    m_residualsAction = m_toolBar->addAction(tr("Residuals"));
    m_residualsAction->setCheckable(true);
    m_residualsAction->setShortcut(QKeySequence(Qt::Key_R));
    m_residualsAction->setToolTip(tr("Show the naive impression and the residual maps (R)"));
    connect(m_residualsAction, &QAction::toggled, this,
        [this](bool on) { setMode(on ? PanelMode::Residuals : PanelMode::Stages); });
    m_toolBar->addSeparator();

    m_overlayAction = m_toolBar->addAction(tr("Overlay"));
    m_overlayAction->setCheckable(true);
    m_overlayAction->setShortcut(QKeySequence(Qt::Key_O));
    m_overlayAction->setToolTip(tr("Blend the anomaly map over the input (O)"));
    connect(m_overlayAction, &QAction::toggled, this, &InspectorWidget::setOverlay);
    m_opacitySlider = new QSlider(Qt::Horizontal, this);
    m_opacitySlider->setRange(0, 100);
    m_opacitySlider->setValue(int(m_style.opacity * 100));
    m_opacitySlider->setMinimumWidth(50);
    m_opacitySlider->setMaximumWidth(70);
    m_opacitySlider->setToolTip(tr("Overlay opacity"));
    connect(m_opacitySlider, &QSlider::valueChanged, this, [this](int v) { setOverlayOpacity(v / 100.0); });
    m_toolBar->addWidget(m_opacitySlider);
    m_colorMapCombo = new QComboBox(this);
    m_colorMapCombo->setObjectName(QStringLiteral("colorMapCombo"));
    m_colorMapCombo->addItems(colorMapNames());
    m_colorMapCombo->setToolTip(tr("Colour map"));
    connect(m_colorMapCombo, &QComboBox::currentIndexChanged, this, [this](int i) { setColorMap(ColorMap(i)); });
    m_toolBar->addWidget(m_colorMapCombo);
    m_toolBar->addSeparator();

    m_truthAction = m_toolBar->addAction(tr("Ground truth"));
    m_truthAction->setCheckable(true);
    m_truthAction->setChecked(true);
    m_truthAction->setShortcut(QKeySequence(Qt::Key_G));
    m_truthAction->setToolTip(tr("Outline the ground-truth defect mask in green (G)"));
    m_predictedAction = m_toolBar->addAction(tr("Predicted"));
    m_predictedAction->setCheckable(true);
    m_predictedAction->setChecked(true);
    m_predictedAction->setShortcut(QKeySequence(Qt::Key_P));
    m_predictedAction->setToolTip(tr("Outline the predicted defect regions in magenta (P)"));
    m_toolBar->addSeparator();

    // Zoom: symbols on the buttons, the words in the tooltips and the View menu.
    m_zoomInAction = m_toolBar->addAction(tr("Zoom in"));
    m_zoomInAction->setIconText(QStringLiteral("+"));  // no-tr
    m_zoomInAction->setToolTip(tr("Zoom in (+, wheel)"));
    m_zoomInAction->setShortcuts({QKeySequence::ZoomIn, QKeySequence(Qt::Key_Plus), QKeySequence(Qt::Key_Equal)});
    connect(m_zoomInAction, &QAction::triggered, this, [this] { zoomBy(1.25); });
    m_zoomOutAction = m_toolBar->addAction(tr("Zoom out"));
    m_zoomOutAction->setIconText(QStringLiteral("\u2212"));  // no-tr
    m_zoomOutAction->setToolTip(tr("Zoom out (-, wheel)"));
    m_zoomOutAction->setShortcuts({QKeySequence::ZoomOut, QKeySequence(Qt::Key_Minus)});
    connect(m_zoomOutAction, &QAction::triggered, this, [this] { zoomBy(0.8); });
    m_fitAction = m_toolBar->addAction(tr("Fit"));
    m_fitAction->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_0), QKeySequence(Qt::Key_F)});
    connect(m_fitAction, &QAction::triggered, this, &InspectorWidget::fitToWindow);
    m_actualSizeAction = m_toolBar->addAction(tr("1:1"));
    m_actualSizeAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_1));
    connect(m_actualSizeAction, &QAction::triggered, this, [this] { setZoom(1.0); });

    connect(m_truthAction, &QAction::toggled, this, &InspectorWidget::setShowTruth);
    connect(m_predictedAction, &QAction::toggled, this, &InspectorWidget::setShowPredicted);

    auto* grid = new QGridLayout;
    grid->setSpacing(4);
    // The colour bar with its values shares the anomaly map's title line; every title line gets its
    // height, so the four panels stay the same size (and one fitted zoom fits them all).
    m_legend = new ColorLegend(this);
    m_legend->setObjectName(QStringLiteral("colorLegend"));
    const int titleHeight
        = std::max(QLabel(QStringLiteral("Ag")).sizeHint().height(), m_legend->sizeHint().height());  // no-tr
    m_legend->setFixedHeight(titleHeight);
    for (int i = 0; i < 4; ++i) {
        auto* title = new QLabel(this);
        title->setAlignment(Qt::AlignCenter);
        title->setFixedHeight(titleHeight);
        auto* view = new PanelView(this);
        view->setObjectName(QStringLiteral("panel%1").arg(i));
        m_titles[size_t(i)] = title;
        m_views[size_t(i)] = view;
        auto* cell = new QVBoxLayout;
        cell->setSpacing(1);
        if (i == 3) {
            auto* row = new QHBoxLayout;
            row->setSpacing(6);
            row->addWidget(title, 1);
            row->addWidget(m_legend, 1);
            cell->addLayout(row);
        } else {
            cell->addWidget(title);
        }
        cell->addWidget(view, 1);
        grid->addLayout(cell, i / 2, i % 2);

        connect(view, &PanelView::wheelZoom, this, [this, view](double factor, const QPoint& pos) {
            const QPointF anchor = view->mapToScene(pos);
            setZoom(m_zoom * factor);
            // Keep the point under the cursor in place, then move the other panels along.
            const QPointF moved = view->mapFromScene(anchor) - QPointF(pos);
            view->horizontalScrollBar()->setValue(view->horizontalScrollBar()->value() + int(std::lround(moved.x())));
            view->verticalScrollBar()->setValue(view->verticalScrollBar()->value() + int(std::lround(moved.y())));
            syncScrollFrom(view);
        });
        connect(view->horizontalScrollBar(), &QScrollBar::valueChanged, this, [this, view] { syncScrollFrom(view); });
        connect(view->verticalScrollBar(), &QScrollBar::valueChanged, this, [this, view] { syncScrollFrom(view); });
        connect(view, &PanelView::hovered, this, [this, i](const QPointF& pos) { onHover(i, pos); });
        connect(view, &PanelView::left, this, [this] { emit hoverInfo(QString()); });
    }
    grid->setRowStretch(0, 1);
    grid->setRowStretch(1, 1);
    grid->setColumnStretch(0, 1);
    grid->setColumnStretch(1, 1);
    layout->addLayout(grid, 1);
    updatePanels();
}

void InspectorWidget::setDocument(Project* project, TaskManager* tasks)
{
    m_project = project;
    m_tasks = tasks;
    connect(project, &Project::currentImageChanged, this, &InspectorWidget::reload);
    connect(project, &Project::modelChanged, this, [this] {
        m_panelMemory->clear();
        // One colour scale for every image of the model, the rule the report and the CLI use too.
        setHeatMax(m_project->model() ? utad::heatmapScale(m_project->model()->info()) : 0);
        m_path.clear();  // the new model's panels, not the old one's
        reload();
    });
    connect(project, &Project::resultsChanged, this, [this] {
        if (!m_inference && !m_loading)
            reload();
    });
    connect(project, &Project::thresholdsChanged, this, &InspectorWidget::followThresholds);
    connect(project->annotations(), &AnnotationStore::changed, this, [this](const QString& path) {
        if (path == m_path)
            followUserMask();
    });
    connect(project->annotations(), &AnnotationStore::reset, this, &InspectorWidget::followUserMask);
    followThresholds();
    reload();
}

void InspectorWidget::followThresholds()
{
    const Thresholds t = m_project->thresholds();
    setRegionThreshold(t.pixel, t.minRegionArea);
}

void InspectorWidget::followUserMask()
{
    setUserMask(m_path.isEmpty() ? QImage() : m_project->annotations()->mask(m_path));
}

void InspectorWidget::reload()
{
    if (!m_project)
        return;
    const QString path = m_project->currentImage();
    if (path.isEmpty()) {
        clear();
        return;
    }
    if (path != m_path || !m_inference)
        showLoading(path);
    m_requestPending = true;
    if (m_panelTask) {
        m_panelTask->cancel();  // the next request starts when it ends
        return;
    }
    startPanelTask();
}

void InspectorWidget::showLoading(const QString& path)
{
    m_loading = true;
    m_path = path;
    m_source = cv::Mat();
    m_truthMask = cv::Mat();
    m_inference.reset();
    updatePanels();
    m_titles[0]->setText(tr("Loading %1…").arg(QFileInfo(path).fileName()));
    followUserMask();
}

void InspectorWidget::startPanelTask()
{
    m_requestPending = false;
    const QString path = m_project->currentImage();
    const utad::Sample* sample = m_project->listedSample(path);
    if (!sample) {
        m_loading = false;
        return;
    }
    const QString cache = m_project->resultsModelStamp().isEmpty() ? QString() : m_project->panelCacheFile(path);
    auto* task = new PanelTask(*sample, cache, m_project->model(), m_panelMemory);
    m_panelTask = task;
    const QPointer<PanelTask> guard(task);
    auto current = [this, guard] { return guard && !guard->isCancelled() && guard->path() == m_path; };
    connect(task, &PanelTask::sourceReady, this,
        [this, current](const QString& p, const cv::Mat& image, const cv::Mat& mask) {
            if (current())
                setSource(p, image, mask);
        });
    connect(task, &PanelTask::inferenceReady, this,
        [this, current](const QString& p, const utad::Inference& inference, bool fromCache) {
            if (!current())
                return;
            ++(fromCache ? m_fromCache : m_computed);
            m_loading = false;
            setInference(p, inference);
            emit panelsShown(p, fromCache);
        });
    connect(task, &PanelTask::failed, this, [this, current](const QString& p, const QString& message) {
        if (current() && p == m_path && m_source.empty()) {  // not "Loading..." for ever
            m_loading = false;
            m_titles[0]->setText(tr("Cannot show %1").arg(QFileInfo(p).fileName()));
            m_titles[0]->setToolTip(message);
        }
        emit loadFailed(p, message);
    });
    connect(task, &Task::finished, this, [this, task] {
        if (m_panelTask == task)
            m_panelTask = nullptr;
        if (m_requestPending)
            startPanelTask();
        else if (task->path() == m_path)
            m_loading = false;
    });
    m_tasks->addTask(task);
}

void InspectorWidget::setSource(const QString& path, const cv::Mat& image, const cv::Mat& truthMask)
{
    const bool sizeChanged = image.size() != m_source.size();
    m_path = path;
    m_source = image;
    m_truthMask = truthMask;
    m_inference.reset();
    updatePanels();
    if (m_project)
        followUserMask();
    if (sizeChanged && m_fit)
        fitToWindow();
}

void InspectorWidget::setInference(const QString& path, const utad::Inference& inference)
{
    if (path != m_path)
        return;
    m_inference = inference;
    updatePanels();
    emit inferenceShown(path);
}

void InspectorWidget::clear()
{
    m_loading = false;
    m_path.clear();
    m_source = cv::Mat();
    m_truthMask = cv::Mat();
    m_inference.reset();
    setUserMask(QImage());
    updatePanels();
}

void InspectorWidget::setMode(PanelMode mode)
{
    m_style.mode = mode;
    const QSignalBlocker blocker(m_residualsAction);
    m_residualsAction->setChecked(mode == PanelMode::Residuals);
    updatePanels();
}

void InspectorWidget::setColorMap(ColorMap map)
{
    m_style.colorMap = map;
    const QSignalBlocker blocker(m_colorMapCombo);
    m_colorMapCombo->setCurrentIndex(int(map));
    updatePanels();
}

void InspectorWidget::setOverlay(bool on)
{
    m_style.overlay = on;
    const QSignalBlocker blocker(m_overlayAction);
    m_overlayAction->setChecked(on);
    updatePanels();
}

void InspectorWidget::setOverlayOpacity(double opacity)
{
    m_style.opacity = std::clamp(opacity, 0.0, 1.0);
    const QSignalBlocker blocker(m_opacitySlider);
    m_opacitySlider->setValue(int(std::lround(m_style.opacity * 100)));
    if (m_style.overlay)
        updatePanels();
}

void InspectorWidget::setShowTruth(bool on)
{
    const QSignalBlocker blocker(m_truthAction);
    m_truthAction->setChecked(on);
    updateOutlines();
}

void InspectorWidget::setShowPredicted(bool on)
{
    const QSignalBlocker blocker(m_predictedAction);
    m_predictedAction->setChecked(on);
    updateOutlines();
}

void InspectorWidget::setHeatMax(double value)
{
    m_style.heatMax = value;
    updatePanels();
}

void InspectorWidget::setRegionThreshold(double pixelThreshold, int minArea)
{
    m_pixelThreshold = pixelThreshold;
    m_minRegionArea = minArea;
    updateOutlines();
}

void InspectorWidget::setUserMask(const QImage& mask)
{
    // The reviewer's mask (255 = defect) as a translucent tint over the panels: the pixels under
    // it stay visible, and the rest of the panel is untouched.
    QImage overlay;
    if (!mask.isNull()) {
        QImage grey = mask.convertToFormat(QImage::Format_Grayscale8);
        if (!m_source.empty() && grey.size() != QSize(m_source.cols, m_source.rows))
            grey = grey.scaled(m_source.cols, m_source.rows);
        overlay = QImage(grey.size(), QImage::Format_ARGB32_Premultiplied);
        overlay.fill(Qt::transparent);
        const QRgb tint = qPremultiply(qRgba(0, 200, 255, 110));
        for (int y = 0; y < grey.height(); ++y) {
            const uchar* in = grey.constScanLine(y);
            auto* out = reinterpret_cast<QRgb*>(overlay.scanLine(y));
            for (int x = 0; x < grey.width(); ++x)
                if (in[x] > 127)
                    out[x] = tint;
        }
    }
    for (PanelView* view : m_views)
        view->setUserMask(overlay);
}

QString InspectorWidget::panelTitle(int index) const { return m_titles[size_t(index)]->text(); }

QImage InspectorWidget::panelImage(int index) const { return m_views[size_t(index)]->render(); }

QImage InspectorWidget::montage(int columns) const
{
    std::array<QImage, 4> images;
    std::array<QString, 4> titles;
    for (int i = 0; i < 4; ++i) {
        images[size_t(i)] = panelImage(i);
        titles[size_t(i)] = panelTitle(i);
    }
    MontageLabels labels;
    labels.caption = exportCaption();
    labels.legendMax = m_legend->maxValue();
    labels.colorMap = m_legend->colorMap();
    labels.legendTitle = m_style.mode == PanelMode::Stages ? tr("Anomaly map") : tr("Residuals");
    return utad::ui::montage(images, titles, columns, labels);
}

QString InspectorWidget::exportCaption() const
{
    if (m_path.isEmpty())
        return {};
    const QString name = QFileInfo(m_path).fileName();
    return m_inference ? tr("%1, score %2").arg(name).arg(localNumber(m_inference->score, 'f', 4)) : name;
}

void InspectorWidget::updatePanels()
{
    PanelSet set = renderPanels(m_source, currentInference(), m_style);
    const QSize size(m_source.cols, m_source.rows);
    // The colour scale, so that colours can be read as values.
    m_legend->setScale(m_style.colorMap, set.colorScaleMax);
    if (m_style.mode == PanelMode::Stages) {
        m_legend->setToolTip(m_style.heatMax > 0
                ? tr("Anomaly-map colour scale, the same for every image of this model")
                : tr("Anomaly-map colour scale: this image's range"));
        if (m_inference && m_style.heatMax <= 0)
            set.titles[3] = tr("%1 (colour scale: this image's range)").arg(set.titles[3]);
    } else {
        m_legend->setToolTip(tr("Colour scale of the three residual maps"));
    }
    m_titles[0]->setToolTip(QString());  // a failure's message goes with its title
    for (int i = 0; i < 4; ++i) {
        m_titles[size_t(i)]->setText(set.titles[size_t(i)]);
        m_views[size_t(i)]->setImage(set.images[size_t(i)], size);
    }
    updateOutlines();
    applyZoom();
    emit panelsUpdated();
}

void InspectorWidget::updateOutlines()
{
    const QPainterPath truth = regionOutline(m_truthMask);
    QPainterPath predicted;
    if (m_inference && m_pixelThreshold > 0) {
        cv::Mat map = m_inference->anomalyMap;
        if (map.size() != m_source.size() && !map.empty() && !m_source.empty())
            cv::resize(map, map, m_source.size());
        predicted = regionOutline(predictedRegions(map, m_pixelThreshold, m_minRegionArea));
    }
    for (PanelView* view : m_views) {
        view->setTruthOutline(truth);
        view->setPredictedOutline(predicted);
        view->setOutlinesVisible(m_truthAction->isChecked(), m_predictedAction->isChecked());
    }
}

void InspectorWidget::setZoom(double zoom)
{
    m_fit = false;
    m_zoom = std::clamp(zoom, kMinZoom, kMaxZoom);
    applyZoom();
    emit zoomChanged(m_zoom);
}

void InspectorWidget::zoomBy(double factor) { setZoom(m_zoom * factor); }

void InspectorWidget::fitToWindow()
{
    m_fit = true;
    applyZoom();
    emit zoomChanged(m_zoom);
}

void InspectorWidget::applyZoom()
{
    if (m_fit) {
        const QRectF scene = m_views[0]->sceneRect();
        const QSize viewport = m_views[0]->viewport()->size();
        if (scene.width() > 0 && scene.height() > 0 && viewport.width() > 2 && viewport.height() > 2)
            m_zoom
                = std::clamp(std::min((viewport.width() - 2) / scene.width(), (viewport.height() - 2) / scene.height()),
                    kMinZoom, kMaxZoom);
    }
    const QTransform transform = QTransform::fromScale(m_zoom, m_zoom);
    m_syncing = true;
    for (PanelView* view : m_views)
        view->setTransform(transform);
    m_syncing = false;
    syncScrollFrom(m_views[0]);
}

void InspectorWidget::syncScrollFrom(PanelView* source)
{
    if (m_syncing)
        return;
    m_syncing = true;
    for (PanelView* view : m_views)
        if (view != source) {
            view->horizontalScrollBar()->setValue(source->horizontalScrollBar()->value());
            view->verticalScrollBar()->setValue(source->verticalScrollBar()->value());
        }
    m_syncing = false;
}

void InspectorWidget::onHover(int panel, const QPointF& scenePos)
{
    const int x = int(std::floor(scenePos.x())), y = int(std::floor(scenePos.y()));
    if (m_source.empty() || x < 0 || y < 0 || x >= m_source.cols || y >= m_source.rows) {
        emit hoverInfo(QString());
        return;
    }
    QString text = tr("x %1, y %2").arg(x).arg(y);
    // The value of the panel under the mouse, read from the image it shows.
    const bool input = m_style.mode == PanelMode::Stages && panel == 0;
    if (input && m_source.channels() == 1) {
        text += tr("  value %1").arg(int(m_source.at<uchar>(y, x)));
    } else if (input && m_source.channels() == 3) {
        const cv::Vec3b bgr = m_source.at<cv::Vec3b>(y, x);
        text += tr("  RGB %1, %2, %3").arg(bgr[2]).arg(bgr[1]).arg(bgr[0]);
    } else if (m_inference) {
        const utad::Inference& inf = *m_inference;
        const cv::Mat* shown = nullptr;
        if (m_style.mode == PanelMode::Stages)
            shown = panel == 1 ? &inf.impression : panel == 2 ? &inf.reconstruction : &inf.anomalyMap;
        else
            shown = panel == 0 ? &firstResidualPanel(inf)
                : panel == 1   ? &inf.residualImpression
                : panel == 2   ? &inf.residualReconstruction
                               : &inf.residualNaive;
        if (shown->empty() && shown == &inf.anomalyMap)
            shown = &inf.anomalyMapNet;
        if (!shown->empty() && shown->depth() == CV_32F) {
            // Panels may be at the working resolution: map the source pixel onto them.
            const int px = std::min(shown->cols - 1, x * shown->cols / m_source.cols);
            const int py = std::min(shown->rows - 1, y * shown->rows / m_source.rows);
            const double value
                = shown->channels() == 1 ? double(shown->at<float>(py, px)) : double(shown->at<cv::Vec3f>(py, px)[1]);
            const bool map = shown == &inf.anomalyMap || shown == &inf.anomalyMapNet;
            text += map ? tr("  anomaly %1").arg(localNumber(value, 'g', 4))
                        : tr("  %1 %2").arg(m_titles[size_t(panel)]->text()).arg(localNumber(value, 'g', 4));
        }
    }
    emit hoverInfo(text);
}

void InspectorWidget::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    if (m_fit)
        applyZoom();
}

void InspectorWidget::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (m_fit)
        applyZoom();
}

}  // namespace utad::ui
