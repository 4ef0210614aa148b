#pragma once
// The operating point, chosen by looking: a score histogram of good, defective and unlabelled
// images with the image threshold as a line to drag, the ROC curve with the operating point, and a
// live confusion matrix with precision, recall, F1 and false-positive rate. Moving the threshold
// re-reads sorted scores (binary search) and never re-runs the model.
#include "ui/review/scoreindex.h"
#include "utad/model.h"

#include <QWidget>

class QCheckBox;
class QCustomPlot;
class QCPGraph;
class QCPItemRect;
class QCPItemStraightLine;
class QDoubleSpinBox;
class QLabel;
class QMouseEvent;
class QPushButton;
class QSpinBox;
class QTimer;

namespace utad::ui {

class Project;

class ThresholdPanel : public QWidget {
    Q_OBJECT
public:
    explicit ThresholdPanel(Project* project, QWidget* parent = nullptr);
    // While images are scored one by one, the plots are rebuilt at most this often.
    static constexpr int kRebuildDuringRunMs = 250;

    // Score statistics of the model's held-back good images (for "target FPR"); empty when none.
    void setCalibration(const utad::Calibration& calibration);

    double imageThreshold() const { return m_threshold; }
    double uncertainHigh() const { return m_uncertainHigh; }  // NaN when the band is off
    const ScoreIndex& index() const { return m_index; }
    utad::Confusion confusion() const { return m_index.confusionAt(m_threshold); }

    // What the line drag, the spin box and the automatic buttons call. The views follow at once;
    // the project (and with it the image list and the saved file) follows shortly after, and at
    // the latest when the drag ends.
    void setImageThreshold(double threshold);
    void setUncertainHigh(double high);  // NaN turns the band off
    void commit();  // hands pending thresholds to the project now

    // Automatic thresholds. Return false (and say why in statusText()) when they do not apply.
    bool applyF1Max();
    bool applyTargetFpr();
    void setTargetFpr(double fraction);  // 0.01 = 1 %
    double targetFpr() const;
    QString statusText() const;
    // Which rule chose the image threshold and on how many images it rests (warns below 30).
    QLabel* originLabel() const { return m_origin; }

    QCustomPlot* histogram() const { return m_hist; }
    QCustomPlot* rocPlot() const { return m_roc; }
    QCPItemStraightLine* thresholdLine() const { return m_line; }
    QCPItemStraightLine* uncertainLine() const { return m_uncertainLine; }
    QCPGraph* operatingPoint() const { return m_rocPoint; }
    // Replot mode for the threshold-only layers; benchmarks use an immediate one.
    void setImmediateReplot(bool on) { m_immediate = on; }

signals:
    void thresholdPreviewed(double threshold);  // while dragging, before the project knows

private:
    void rebuild();  // scores or labels changed: re-sort, redraw histogram and ROC
    void syncFromProject();  // thresholds changed elsewhere
    void updateOperatingPoint();  // cheap: line, point, matrix, metrics
    void scheduleCommit();
    void setStatus(const QString& text);
    void updateOrigin();
    void onPress(QMouseEvent* event);
    void onMove(QMouseEvent* event);
    void onRelease(QMouseEvent* event);

    Project* m_project;
    ScoreIndex m_index;
    utad::Calibration m_calibration;
    double m_threshold = 0;
    double m_uncertainHigh = utad::kNaN;

    QCustomPlot* m_hist;
    QCustomPlot* m_roc;
    QCPGraph* m_goodGraph = nullptr;
    QCPGraph* m_defectGraph = nullptr;
    QCPGraph* m_unknownGraph = nullptr;
    QCPGraph* m_rocCurve = nullptr;
    QCPGraph* m_rocPoint = nullptr;
    QCPItemStraightLine* m_line = nullptr;
    QCPItemStraightLine* m_uncertainLine = nullptr;
    QCPItemRect* m_band = nullptr;

    QDoubleSpinBox* m_imageSpin;
    QCheckBox* m_uncertainCheck;
    QDoubleSpinBox* m_uncertainSpin;
    QDoubleSpinBox* m_pixelSpin;
    QSpinBox* m_areaSpin;
    QDoubleSpinBox* m_fprSpin;
    QPushButton* m_f1Button;
    QPushButton* m_fprButton;
    QPushButton* m_pixelSuggest;
    QLabel* m_tp;
    QLabel* m_fp;
    QLabel* m_tn;
    QLabel* m_fn;
    QLabel* m_metrics;
    QLabel* m_status;
    QLabel* m_origin;
    QTimer* m_commitTimer;
    ThresholdOrigin m_pendingOrigin{ThresholdOrigin::Rule::User, 0};  // who chose what commit() hands on
    QTimer* m_rebuildTimer;

    enum class Drag { None, Threshold, Uncertain };
    Drag m_drag = Drag::None;
    int m_gesture = 0;  // of the drag going on (Project::setThresholds merges its steps)
    bool m_syncing = false;
    bool m_immediate = false;
};

}  // namespace utad::ui
