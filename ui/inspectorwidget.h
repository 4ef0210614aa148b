#pragma once
// The four synchronised panels of the image under inspection. One zoom factor and one scroll
// position are shared by all panels; the panels show either the two-stage result (input,
// impression, reconstruction, anomaly map) or the residuals that explain it.
#include "ui/panelrender.h"
#include "utad/model.h"

#include <QPointer>
#include <QWidget>
#include <array>
#include <memory>
#include <optional>

class QAction;
class QComboBox;
class QLabel;
class QSlider;
class QToolBar;

namespace utad::ui {

class ColorLegend;
class PanelMemoryCache;
class PanelTask;
class PanelView;
class Project;
class TaskManager;

class InspectorWidget : public QWidget {
    Q_OBJECT
public:
    explicit InspectorWidget(QWidget* parent = nullptr);

    // Follows the document: its current image (panels read from the cache or computed by a job
    // of `tasks`), its thresholds (outlines, colour scale) and the reviewer's mask.
    void setDocument(Project* project, TaskManager* tasks);
    // Asks for the current image's panels again (after the model or its cache changed).
    void reload();
    bool isLoading() const { return m_loading; }  // the current image's panels are on their way
    int panelsFromCache() const { return m_fromCache; }
    int panelsComputed() const { return m_computed; }
    PanelMemoryCache* panelMemory() const { return m_panelMemory.get(); }

    // The image being inspected (as read from disk) and its ground-truth mask (may be empty).
    // Drops any inference of the previous image.
    void setSource(const QString& path, const cv::Mat& image, const cv::Mat& truthMask);
    // The inference of the image set by setSource (ignored when `path` is another image).
    void setInference(const QString& path, const utad::Inference& inference);
    void clear();

    QString imagePath() const { return m_path; }
    const cv::Mat& sourceImage() const { return m_source; }
    const utad::Inference* currentInference() const { return m_inference ? &*m_inference : nullptr; }

    PanelStyle panelStyle() const { return m_style; }
    void setMode(PanelMode mode);
    void setColorMap(ColorMap map);
    void setOverlay(bool on);
    void setOverlayOpacity(double opacity);  // 0..1
    void setShowTruth(bool on);
    void setShowPredicted(bool on);
    void setHeatMax(double value);  // anomaly-map value at the top of the colour scale; <= 0: per image
    // Predicted-region outline: map >= pixelThreshold, regions of at least minArea pixels.
    void setRegionThreshold(double pixelThreshold, int minArea);
    // A user-drawn mask (e.g. review annotations), shown over every panel; null to remove.
    void setUserMask(const QImage& mask);

    // Zoom, shared by all panels. 1 = one image pixel per screen pixel.
    double zoom() const { return m_zoom; }
    bool isFitted() const { return m_fit; }
    void setZoom(double zoom);
    void zoomBy(double factor);
    void fitToWindow();

    PanelView* panel(int index) const { return m_views[size_t(index)]; }
    QString panelTitle(int index) const;
    QImage panelImage(int index) const;  // as shown, at source size, with outlines
    // The four panels with titles, the file name and score above and the colour bar below.
    QImage montage(int columns = 2) const;
    QString exportCaption() const;  // the montage's caption: file name and score
    ColorLegend* colorLegend() const { return m_legend; }

    // Actions for the window's View menu and toolbar.
    QAction* residualsAction() const { return m_residualsAction; }
    QAction* overlayAction() const { return m_overlayAction; }
    QAction* truthAction() const { return m_truthAction; }
    QAction* predictedAction() const { return m_predictedAction; }
    QAction* zoomInAction() const { return m_zoomInAction; }
    QAction* zoomOutAction() const { return m_zoomOutAction; }
    QAction* fitAction() const { return m_fitAction; }
    QAction* actualSizeAction() const { return m_actualSizeAction; }

signals:
    void panelsShown(const QString& path, bool fromCache);
    void loadFailed(const QString& path, const QString& message);
    // Position and the value of the panel under the cursor; empty when outside.
    void hoverInfo(const QString& text);
    void zoomChanged(double zoom);
    void inferenceShown(const QString& path);
    void panelsUpdated();

protected:
    void resizeEvent(QResizeEvent* event) override;
    void showEvent(QShowEvent* event) override;

private:
    void showLoading(const QString& path);  // the new image's name, no stale pixels
    void startPanelTask();
    void followThresholds();
    void followUserMask();
    void updatePanels();
    void updateOutlines();
    void applyZoom();
    void syncScrollFrom(PanelView* view);
    void onHover(int panel, const QPointF& scenePos);

    std::array<PanelView*, 4> m_views{};
    std::array<QLabel*, 4> m_titles{};
    ColorLegend* m_legend = nullptr;
    QToolBar* m_toolBar = nullptr;
    QComboBox* m_colorMapCombo = nullptr;
    QSlider* m_opacitySlider = nullptr;
    QAction* m_residualsAction = nullptr;
    QAction* m_overlayAction = nullptr;
    QAction* m_truthAction = nullptr;
    QAction* m_predictedAction = nullptr;
    QAction* m_zoomInAction = nullptr;
    QAction* m_zoomOutAction = nullptr;
    QAction* m_fitAction = nullptr;
    QAction* m_actualSizeAction = nullptr;

    Project* m_project = nullptr;
    TaskManager* m_tasks = nullptr;
    QPointer<PanelTask> m_panelTask;
    // The last few images' inferences; the rest stay in the project's cache files.
    std::shared_ptr<PanelMemoryCache> m_panelMemory;  // at most one runs; a newer request waits and replaces older ones
    bool m_requestPending = false;
    bool m_loading = false;
    int m_fromCache = 0;
    int m_computed = 0;

    QString m_path;
    cv::Mat m_source;
    cv::Mat m_truthMask;
    std::optional<utad::Inference> m_inference;
    PanelStyle m_style;
    double m_pixelThreshold = 0;
    int m_minRegionArea = 0;
    double m_zoom = 1;
    bool m_fit = true;
    bool m_syncing = false;
};

}  // namespace utad::ui
