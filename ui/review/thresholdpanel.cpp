#include "ui/review/thresholdpanel.h"

#include "ui/format.h"
#include "ui/project.h"
#include "ui/review/annotationstore.h"

#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QSplitter>
#include <QTimer>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>
#include <qcustomplot.h>

namespace utad::ui {
namespace {

constexpr int kBins = 60;
constexpr double kGrabPixels = 6;  // how near the cursor must be to pick up a line
const QColor kGoodColor(46, 139, 87);
const QColor kDefectColor(200, 40, 40);
const QColor kUnknownColor(110, 110, 200);
const QString kThresholdLayer = QStringLiteral("threshold");

QCPGraph* addHistogramGraph(QCustomPlot* plot, const QString& name, const QColor& color)
{
    QCPGraph* g = plot->addGraph();
    g->setName(name);
    g->setLineStyle(QCPGraph::lsStepCenter);
    g->setPen(QPen(color, 1.5));
    QColor fill = color;
    fill.setAlpha(60);
    g->setBrush(fill);
    return g;
}

void fillHistogram(QCPGraph* graph, const std::vector<double>& sorted, double low, double width)
{
    QVector<double> keys(kBins), counts(kBins, 0);
    for (int i = 0; i < kBins; ++i)
        keys[i] = low + (i + 0.5) * width;
    for (double s : sorted)
        counts[std::clamp(int((s - low) / width), 0, kBins - 1)] += 1;
    graph->setData(keys, counts, true);
    graph->setVisible(!sorted.empty());
}

// A buffered layer is replotted on its own, so dragging a line does not redraw the histogram.
void addThresholdLayer(QCustomPlot* plot)
{
    plot->addLayer(kThresholdLayer, plot->layer(QStringLiteral("main")), QCustomPlot::limAbove);
    plot->layer(kThresholdLayer)->setMode(QCPLayer::lmBuffered);
}

QCPItemStraightLine* addVerticalLine(QCustomPlot* plot, const QPen& pen)
{
    auto* line = new QCPItemStraightLine(plot);
    line->setLayer(kThresholdLayer);
    line->setPen(pen);
    line->setSelectable(false);
    line->point1->setType(QCPItemPosition::ptPlotCoords);
    line->point2->setType(QCPItemPosition::ptPlotCoords);
    line->point1->setCoords(0, 0);
    line->point2->setCoords(0, 1);
    return line;
}

}  // namespace

ThresholdPanel::ThresholdPanel(Project* project, QWidget* parent)
    : QWidget(parent), m_project(project), m_hist(new QCustomPlot(this)), m_roc(new QCustomPlot(this))
{
    // Histogram with the draggable threshold lines.
    m_hist->setMinimumSize(220, 110);
    m_hist->xAxis->setLabel(tr("Image score"));
    m_hist->yAxis->setLabel(tr("Images"));
    // Counts: whole-number ticks only (a few images gave ticks at 2.5 and 7.5).
    auto counts = QSharedPointer<QCPAxisTickerFixed>::create();
    counts->setTickStep(1.0);
    counts->setScaleStrategy(QCPAxisTickerFixed::ssMultiples);
    m_hist->yAxis->setTicker(counts);
    m_goodGraph = addHistogramGraph(m_hist, tr("Good"), kGoodColor);
    m_defectGraph = addHistogramGraph(m_hist, tr("Defective"), kDefectColor);
    m_unknownGraph = addHistogramGraph(m_hist, tr("Unlabelled"), kUnknownColor);
    m_hist->legend->setVisible(true);
    m_hist->legend->setFont(font());
    m_hist->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);
    addThresholdLayer(m_hist);
    m_line = addVerticalLine(m_hist, QPen(Qt::black, 2));
    m_uncertainLine = addVerticalLine(m_hist, QPen(QColor(230, 140, 0), 2, Qt::DashLine));
    m_uncertainLine->setVisible(false);
    // The uncertain band, shaded between the two lines over the full height of the plot.
    m_band = new QCPItemRect(m_hist);
    m_band->setLayer(kThresholdLayer);
    m_band->setPen(Qt::NoPen);
    m_band->setBrush(QColor(230, 140, 0, 45));
    m_band->topLeft->setTypeY(QCPItemPosition::ptAxisRectRatio);
    m_band->bottomRight->setTypeY(QCPItemPosition::ptAxisRectRatio);
    m_band->setVisible(false);
    m_hist->setToolTip(tr("Drag the black line to move the image threshold (the orange dashed line bounds "
                          "the uncertain band)."));
    connect(m_hist, &QCustomPlot::mousePress, this, &ThresholdPanel::onPress);
    connect(m_hist, &QCustomPlot::mouseMove, this, &ThresholdPanel::onMove);
    connect(m_hist, &QCustomPlot::mouseRelease, this, &ThresholdPanel::onRelease);

    // ROC with the operating point.
    m_roc->setMinimumSize(130, 110);
    m_roc->xAxis->setLabel(tr("False-positive rate"));
    m_roc->yAxis->setLabel(tr("True-positive rate"));
    m_roc->xAxis->setRange(0, 1);
    m_roc->yAxis->setRange(0, 1.02);
    auto* diagonal = m_roc->addGraph();
    diagonal->setData(QVector<double>{0, 1}, QVector<double>{0, 1});
    diagonal->setPen(QPen(Qt::gray, 1, Qt::DotLine));
    m_rocCurve = m_roc->addGraph();
    m_rocCurve->setPen(QPen(kDefectColor, 2));
    addThresholdLayer(m_roc);
    m_rocPoint = m_roc->addGraph();
    m_rocPoint->setLayer(kThresholdLayer);
    m_rocPoint->setLineStyle(QCPGraph::lsNone);
    m_rocPoint->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(Qt::black, 2), QBrush(Qt::yellow), 10));

    auto* plots = new QSplitter(Qt::Horizontal, this);
    plots->addWidget(m_hist);
    plots->addWidget(m_roc);
    plots->setStretchFactor(0, 3);
    plots->setStretchFactor(1, 2);

    // Confusion matrix and metrics.
    auto* matrix = new QGroupBox(tr("Decisions at the threshold"), this);
    auto* grid = new QGridLayout(matrix);
    auto cell = [&](const QString& name, const QColor& color) {
        auto* label = new QLabel(QStringLiteral("–"), matrix);
        label->setObjectName(name);
        label->setAlignment(Qt::AlignCenter);
        label->setMinimumWidth(60);
        label->setStyleSheet(QStringLiteral("QLabel { background: %1; color: white; font-weight: bold; padding: 4px; }")
                                 .arg(color.name()));
        return label;
    };
    m_tp = cell(QStringLiteral("tp"), kDefectColor.darker(110));
    m_fn = cell(QStringLiteral("fn"), QColor(150, 90, 90));
    m_fp = cell(QStringLiteral("fp"), QColor(90, 120, 100));
    m_tn = cell(QStringLiteral("tn"), kGoodColor.darker(110));
    grid->addWidget(new QLabel(tr("Flagged"), matrix), 0, 1, Qt::AlignCenter);
    grid->addWidget(new QLabel(tr("Passed"), matrix), 0, 2, Qt::AlignCenter);
    grid->addWidget(new QLabel(tr("Defective"), matrix), 1, 0);
    grid->addWidget(new QLabel(tr("Good"), matrix), 2, 0);
    grid->addWidget(m_tp, 1, 1);
    grid->addWidget(m_fn, 1, 2);
    grid->addWidget(m_fp, 2, 1);
    grid->addWidget(m_tn, 2, 2);
    m_metrics = new QLabel(matrix);
    m_metrics->setObjectName(QStringLiteral("metrics"));
    m_metrics->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // Below the matrix rather than beside it: the panel is laid out in columns for wide, short screens.
    grid->addWidget(m_metrics, 3, 0, 1, 3);
    grid->setRowStretch(4, 1);

    // Threshold controls.
    // No title: the dock around it says "Thresholds" already, and the height is scarce.
    auto* controls = new QGroupBox(this);
    auto* form = new QFormLayout(controls);
    form->setVerticalSpacing(3);
    m_imageSpin = new QDoubleSpinBox(controls);
    m_imageSpin->setObjectName(QStringLiteral("imageThreshold"));
    m_imageSpin->setDecimals(5);
    m_imageSpin->setRange(-1e9, 1e9);
    m_imageSpin->setKeyboardTracking(false);
    form->addRow(tr("Image threshold:"), m_imageSpin);

    auto* uncertainRow = new QHBoxLayout;
    m_uncertainCheck = new QCheckBox(tr("Uncertain below"), controls);
    m_uncertainSpin = new QDoubleSpinBox(controls);
    m_uncertainSpin->setObjectName(QStringLiteral("uncertainHigh"));
    m_uncertainSpin->setDecimals(5);
    m_uncertainSpin->setRange(-1e9, 1e9);
    m_uncertainSpin->setKeyboardTracking(false);
    m_uncertainSpin->setEnabled(false);
    m_uncertainCheck->setToolTip(tr("Images scored between the two thresholds are listed apart for manual review."));
    uncertainRow->addWidget(m_uncertainCheck);
    uncertainRow->addWidget(m_uncertainSpin, 1);
    form->addRow(tr("Second threshold:"), uncertainRow);

    auto* autoRow = new QHBoxLayout;
    m_f1Button = new QPushButton(tr("F1-max"), controls);
    m_f1Button->setToolTip(tr("The threshold with the best F1 score on the labelled test images."));
    m_fprSpin = new QDoubleSpinBox(controls);
    m_fprSpin->setObjectName(QStringLiteral("targetFpr"));
    m_fprSpin->setRange(0.01, 50);
    m_fprSpin->setDecimals(2);
    m_fprSpin->setSuffix(QStringLiteral(" %"));
    m_fprSpin->setValue(100 * utad::kProposedFpr);
    m_fprButton = new QPushButton(tr("Target FPR on good images"), controls);
    m_fprButton->setToolTip(tr("The threshold that flags this share of the model's held-back good training images; "
                               "needs no labelled defect."));
    autoRow->addWidget(m_f1Button);
    autoRow->addWidget(m_fprButton);
    autoRow->addWidget(m_fprSpin);
    form->addRow(tr("Automatic:"), autoRow);

    auto* pixelRow = new QHBoxLayout;
    m_pixelSpin = new QDoubleSpinBox(controls);
    m_pixelSpin->setObjectName(QStringLiteral("pixelThreshold"));
    m_pixelSpin->setDecimals(4);
    m_pixelSpin->setRange(0, 1e6);
    m_pixelSpin->setSingleStep(0.01);
    m_areaSpin = new QSpinBox(controls);
    m_areaSpin->setObjectName(QStringLiteral("minRegionArea"));
    m_areaSpin->setRange(0, 1 << 24);
    m_areaSpin->setSuffix(tr(" px"));
    m_pixelSuggest = new QPushButton(tr("From calibration"), controls);
    m_pixelSuggest->setToolTip(tr("A high quantile of the anomaly-map values on the model's good images."));
    pixelRow->addWidget(m_pixelSpin, 1);
    pixelRow->addWidget(m_pixelSuggest);
    form->addRow(tr("Region outline:"), pixelRow);
    form->addRow(tr("Minimum area:"), m_areaSpin);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("status"));
    m_status->setWordWrap(true);
    m_origin = new QLabel(this);
    m_origin->setObjectName(QStringLiteral("thresholdOrigin"));
    m_origin->setWordWrap(true);

    // Plots, controls and decisions side by side: on a 1280x720 screen the dock below the panels
    // is wide and short.
    // The rule that chose the threshold comes first: on a short screen it must not be the part that is
    // scrolled out of view.
    auto* middle = new QVBoxLayout;
    middle->setSpacing(2);
    middle->addWidget(m_origin);
    middle->addWidget(controls);
    middle->addWidget(m_status);
    middle->addStretch(1);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(6, 2, 6, 2);
    layout->addWidget(plots, 1);
    layout->addLayout(middle);
    layout->addWidget(matrix);

    m_commitTimer = new QTimer(this);
    m_commitTimer->setSingleShot(true);
    m_commitTimer->setInterval(150);
    connect(m_commitTimer, &QTimer::timeout, this, &ThresholdPanel::commit);
    m_rebuildTimer = new QTimer(this);
    m_rebuildTimer->setSingleShot(true);
    m_rebuildTimer->setInterval(0);
    connect(m_rebuildTimer, &QTimer::timeout, this, &ThresholdPanel::rebuild);

    connect(m_imageSpin, &QDoubleSpinBox::valueChanged, this, [this](double v) {
        if (!m_syncing) {
            setImageThreshold(v);
            commit();
        }
    });
    connect(m_uncertainCheck, &QCheckBox::toggled, this, [this](bool on) {
        m_uncertainSpin->setEnabled(on);
        if (m_syncing)
            return;
        if (!on) {
            setUncertainHigh(utad::kNaN);
        } else {
            // Start the band a tenth of the score range above the threshold.
            const double span = std::max(1e-6, m_index.maxScore() - m_index.minScore());
            setUncertainHigh(std::max(m_uncertainSpin->value(), m_threshold + 0.1 * span));
        }
        commit();
    });
    connect(m_uncertainSpin, &QDoubleSpinBox::valueChanged, this, [this](double v) {
        if (m_syncing || !m_uncertainCheck->isChecked())
            return;
        setUncertainHigh(v);
        commit();
        if (v < m_threshold) {
            // The band runs from the image threshold up: say so, and show the value in effect.
            const QSignalBlocker blocker(m_uncertainSpin);
            m_uncertainSpin->setValue(m_uncertainHigh);
            setStatus(tr("The uncertain band starts at the image threshold %1; its end cannot lie below it.")
                          .arg(localNumber(m_threshold)));
        }
    });
    connect(m_f1Button, &QPushButton::clicked, this, &ThresholdPanel::applyF1Max);
    connect(m_fprButton, &QPushButton::clicked, this, &ThresholdPanel::applyTargetFpr);
    auto regionChanged = [this] {
        if (m_syncing)
            return;
        Thresholds t = m_project->thresholds();
        t.pixel = m_pixelSpin->value();
        t.minRegionArea = m_areaSpin->value();
        m_project->setThresholds(t);
    };
    connect(m_pixelSpin, &QDoubleSpinBox::valueChanged, this, regionChanged);
    connect(m_areaSpin, &QSpinBox::valueChanged, this, regionChanged);
    connect(m_pixelSuggest, &QPushButton::clicked, this, [this] {
        if (const double pixel = utad::proposedPixelThreshold(m_calibration); pixel > 0)
            m_pixelSpin->setValue(pixel);
    });
    m_pixelSuggest->setEnabled(false);

    connect(m_project, &Project::resultsChanged, this, [this] { m_rebuildTimer->start(0); });
    // One image of a running scoring: the plots follow a few times a second, not once per image.
    connect(m_project, &Project::resultChanged, this, [this] {
        if (!m_rebuildTimer->isActive())
            m_rebuildTimer->start(kRebuildDuringRunMs);
    });
    connect(m_project, &Project::modelChanged, this,
        [this] { setCalibration(m_project->model() ? m_project->model()->info().calibration : utad::Calibration()); });
    if (m_project->model())
        setCalibration(m_project->model()->info().calibration);
    connect(m_project, &Project::thresholdsChanged, this, &ThresholdPanel::syncFromProject);
    // Marks give labels to unlabelled images.
    connect(m_project->annotations(), &AnnotationStore::changed, this, [this] { m_rebuildTimer->start(0); });
    connect(m_project->annotations(), &AnnotationStore::reset, this, [this] { m_rebuildTimer->start(0); });

    rebuild();
    syncFromProject();
}

void ThresholdPanel::setCalibration(const utad::Calibration& calibration)
{
    m_calibration = calibration;
    m_pixelSuggest->setEnabled(utad::proposedPixelThreshold(calibration) > 0);
    m_pixelSuggest->setToolTip(utad::proposedFromPaintedDefects(calibration)
            ? tr("The image threshold the calibration proposes: outlines mark where the map reaches the level "
                 "that flags an image.")
            : tr("A high quantile of the anomaly-map values on the model's good images."));
    updateOrigin();  // its text says how this calibration proposes the threshold
}

void ThresholdPanel::rebuild()
{
    m_index = ScoreIndex(m_project->results(), m_project->annotations());
    const double low = m_index.minScore();
    const double span = std::max(1e-9, m_index.maxScore() - low);
    const double width = span / kBins;
    fillHistogram(m_goodGraph, m_index.good(), low, width);
    fillHistogram(m_defectGraph, m_index.defective(), low, width);
    fillHistogram(m_unknownGraph, m_index.unknown(), low, width);
    // Graphs without data stay out of the legend.
    for (QCPGraph* g : {m_goodGraph, m_defectGraph, m_unknownGraph}) {
        if (g->visible())
            g->addToLegend();
        else
            g->removeFromLegend();
    }
    m_hist->xAxis->setRange(low - 0.03 * span, low + 1.03 * span);
    m_hist->rescaleAxes(true);
    m_hist->xAxis->setRange(low - 0.03 * span, low + 1.03 * span);
    m_hist->yAxis->setRangeLower(0);
    m_hist->yAxis->setRangeUpper(std::max(1.0, m_hist->yAxis->range().upper * 1.1));

    QVector<double> fpr, tpr;
    for (size_t i = 0; i < m_index.roc().fpr.size(); ++i) {
        fpr.push_back(m_index.roc().fpr[i]);
        tpr.push_back(m_index.roc().tpr[i]);
    }
    m_rocCurve->setData(fpr, tpr, true);
    m_rocCurve->setName(tr("AUROC %1").arg(localNumber(m_index.auroc(), 'f', 3)));

    const double step = span / 200;
    m_imageSpin->setSingleStep(step);
    m_uncertainSpin->setSingleStep(step);
    m_f1Button->setEnabled(m_index.hasBothClasses());
    m_hist->replot();
    m_roc->replot();
    updateOperatingPoint();
}

void ThresholdPanel::syncFromProject()
{
    if (m_syncing || m_drag != Drag::None)
        return;
    const Thresholds t = m_project->thresholds();
    m_threshold = t.image;
    m_uncertainHigh = t.uncertainHigh;
    {
        m_syncing = true;
        m_imageSpin->setValue(t.image);
        m_uncertainCheck->setChecked(std::isfinite(t.uncertainHigh));
        m_uncertainSpin->setEnabled(std::isfinite(t.uncertainHigh));
        if (std::isfinite(t.uncertainHigh))
            m_uncertainSpin->setValue(t.uncertainHigh);
        m_pixelSpin->setValue(t.pixel);
        m_areaSpin->setValue(t.minRegionArea);
        m_syncing = false;
    }
    updateOrigin();
    updateOperatingPoint();
}

void ThresholdPanel::updateOrigin()
{
    const ThresholdOrigin origin = m_project->thresholdOrigin();
    // One short line on the panel; the advice in the tooltip.
    QString text, detail;
    switch (origin.rule) {
    case ThresholdOrigin::Rule::Calibration:
        if (utad::proposedFromPaintedDefects(m_calibration)) {
            text = tr("From calibration: between %n good image(s) and the same with painted defects.", nullptr,
                origin.images);
            detail = tr("The model scored good images held back from its training, and the same images with "
                        "painted holes, cracks, torn edges, pasted patches and uneven light. The threshold finds "
                        "the most painted defects for the fewest good images flagged, a false alarm weighing %1 "
                        "missed defects.")
                         .arg(localNumber(utad::kFalseAlarmWeight, 'g', 3));
            break;
        }
        text = tr("From calibration: the %1th percentile of %n good image(s).", nullptr, origin.images)
                   .arg(localNumber(100 * (1 - utad::kProposedFpr), 'f', 0));
        detail = tr("The model scored good images held back from its training; the threshold lets this share "
                    "of them pass.");
        break;
    case ThresholdOrigin::Rule::LabelledF1:
        text = tr("Best F1 on %n labelled test image(s).", nullptr, origin.images);
        detail = tr("Chosen on the labelled test images shown here; check it on parts the model has not seen.");
        break;
    case ThresholdOrigin::Rule::User: text = tr("Image threshold set by hand."); break;
    case ThresholdOrigin::Rule::Unknown:
        if (m_project->thresholds().isSet())
            text = tr("Thresholds as they were saved.");
        break;
    }
    const bool few = origin.restsOnFewImages();
    if (few) {
        text = tr("Warning: only %n image(s), too few to trust.", nullptr, origin.images) + QLatin1Char(' ') + text;
        detail += QLatin1Char(' ') + tr("Calibrate the model on more good images, or label test images.");
    }
    m_origin->setText(text);
    m_origin->setToolTip(detail.trimmed());
    m_origin->setVisible(!text.isEmpty());
    m_origin->setStyleSheet(
        few ? QStringLiteral("QLabel { background: #fff0c0; color: #6b4a00; padding: 3px; }") : QString());
}

void ThresholdPanel::setImageThreshold(double threshold)
{
    if (!std::isfinite(threshold))
        return;
    m_threshold = threshold;
    // The band never ends below its start.
    if (std::isfinite(m_uncertainHigh) && m_uncertainHigh < threshold)
        m_uncertainHigh = threshold;
    updateOperatingPoint();
    emit thresholdPreviewed(threshold);
    scheduleCommit();
}

void ThresholdPanel::setUncertainHigh(double high)
{
    m_uncertainHigh = std::isfinite(high) ? std::max(high, m_threshold) : utad::kNaN;
    updateOperatingPoint();
    scheduleCommit();
}

void ThresholdPanel::updateOperatingPoint()
{
    const utad::Confusion c = m_index.confusionAt(m_threshold);
    const bool labelled = c.tp + c.fp + c.tn + c.fn > 0;
    auto show = [&](QLabel* label, long n) { label->setText(labelled ? QString::number(n) : QStringLiteral("–")); };
    show(m_tp, c.tp);
    show(m_fn, c.fn);
    show(m_fp, c.fp);
    show(m_tn, c.tn);

    const bool band = std::isfinite(m_uncertainHigh);
    const long flagged = c.tp + c.fp + m_index.flaggedUnknown(m_threshold);
    QString text;
    if (labelled) {
        text
            = tr("Precision %1 · Recall %2\nF1 %3 · False-positive rate %4")
                  .arg(percent(c.tp + c.fp ? c.precision() : utad::kNaN),
                      percent(c.tp + c.fn ? c.recall() : utad::kNaN), percent(c.tp + c.fp + c.fn ? c.f1() : utad::kNaN),
                      percent(c.fp + c.tn ? c.falsePositiveRate() : utad::kNaN));
    } else {
        text = tr("No labelled images: mark images\nas good or defective to get metrics.");
    }
    text += tr("\nFlagged %1 of %2")
                .arg(flagged)
                .arg(m_index.good().size() + m_index.defective().size() + m_index.unknown().size());
    if (band)
        text += tr(" · Uncertain %1").arg(m_index.countInRange(m_threshold, m_uncertainHigh));
    m_metrics->setText(text);

    {
        m_syncing = true;
        if (m_drag != Drag::None || !m_imageSpin->hasFocus())
            m_imageSpin->setValue(m_threshold);
        if (band && (m_drag != Drag::None || !m_uncertainSpin->hasFocus()))
            m_uncertainSpin->setValue(m_uncertainHigh);
        m_syncing = false;
    }

    m_line->point1->setCoords(m_threshold, 0);
    m_line->point2->setCoords(m_threshold, 1);
    m_uncertainLine->setVisible(band);
    m_band->setVisible(band);
    if (band) {
        m_uncertainLine->point1->setCoords(m_uncertainHigh, 0);
        m_uncertainLine->point2->setCoords(m_uncertainHigh, 1);
        m_band->topLeft->setCoords(m_threshold, 0);
        m_band->bottomRight->setCoords(m_uncertainHigh, 1);
    }
    // A threshold outside the scores (e.g. from the calibration) stays visible: widen the axis.
    // Rare, so the full replot here does not slow a drag down.
    const QCPRange range = m_hist->xAxis->range();
    const double far = band ? std::max(m_threshold, m_uncertainHigh) : m_threshold;
    if (!m_index.empty() && (m_threshold < range.lower || far > range.upper)) {
        const double margin = 0.03 * range.size();
        m_hist->xAxis->setRange(std::min(range.lower, m_threshold - margin), std::max(range.upper, far + margin));
        m_hist->replot();
    }
    if (labelled && c.fp + c.tn > 0 && c.tp + c.fn > 0)
        m_rocPoint->setData(QVector<double>{c.falsePositiveRate()}, QVector<double>{c.recall()}, true);
    else
        m_rocPoint->data()->clear();

    // Only the layers holding the lines and the point are redrawn.
    m_hist->layer(kThresholdLayer)->replot();
    m_roc->layer(kThresholdLayer)->replot();
    if (m_immediate) {  // benchmarks: paint now instead of at the next event loop turn
        m_hist->repaint();
        m_roc->repaint();
    }
}

void ThresholdPanel::scheduleCommit()
{
    m_commitTimer->start();  // restarted by every step: one project update per pause
}

void ThresholdPanel::commit()
{
    m_commitTimer->stop();
    Thresholds t = m_project->thresholds();
    const bool sameBand
        = std::isnan(t.uncertainHigh) ? std::isnan(m_uncertainHigh) : t.uncertainHigh == m_uncertainHigh;
    if (t.image == m_threshold && sameBand)
        return;
    t.image = m_threshold;
    t.uncertainHigh = m_uncertainHigh;
    m_syncing = true;
    m_project->setThresholds(t, m_gesture, m_pendingOrigin);  // one undo step per drag
    m_syncing = false;
    m_pendingOrigin = {ThresholdOrigin::Rule::User, 0};
    updateOrigin();  // now set by hand
}

bool ThresholdPanel::applyF1Max()
{
    if (!m_index.hasBothClasses()) {
        setStatus(tr("F1-max needs labelled good and defective images."));
        return false;
    }
    const utad::F1Max best = m_index.f1Max();
    setImageThreshold(best.threshold);
    m_pendingOrigin = {ThresholdOrigin::Rule::LabelledF1, int(m_index.labelledScores().size())};
    commit();
    setStatus(tr("F1-max: threshold %1 gives F1 %2 (precision %3, recall %4) on the labelled images.")
                  .arg(localNumber(best.threshold))
                  .arg(percent(best.f1), percent(best.precision), percent(best.recall)));
    return true;
}

void ThresholdPanel::setTargetFpr(double fraction) { m_fprSpin->setValue(100 * fraction); }
double ThresholdPanel::targetFpr() const { return m_fprSpin->value() / 100; }

bool ThresholdPanel::applyTargetFpr()
{
    std::vector<double> good = m_calibration.goodScores;
    QString source = tr("the model's %n held-back good training image(s)", nullptr, int(good.size()));
    if (good.empty()) {
        // Without a calibrated model, the labelled good test images stand in.
        good = m_index.good();
        source = tr("the %n labelled good test image(s)", nullptr, int(good.size()));
    }
    if (good.empty()) {
        setStatus(tr("Target FPR needs a model with calibration scores or labelled good images."));
        return false;
    }
    const double threshold = utad::thresholdForFpr(good, targetFpr());
    setImageThreshold(threshold);
    commit();
    QString status
        = tr("Target FPR %1: threshold %2 from %3.").arg(percent(targetFpr())).arg(localNumber(threshold)).arg(source);
    if (int(good.size()) < ThresholdOrigin::kFewImages)
        status += QLatin1Char(' ')
            + tr("Warning: %n image(s) are too few to trust this threshold.", nullptr, int(good.size()));
    setStatus(status);
    return true;
}

QString ThresholdPanel::statusText() const { return m_status->text(); }
void ThresholdPanel::setStatus(const QString& text) { m_status->setText(text); }

void ThresholdPanel::onPress(QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton || m_index.empty())
        return;
    const double x = event->position().x();
    const double lineX = m_hist->xAxis->coordToPixel(m_threshold);
    const bool band = std::isfinite(m_uncertainHigh);
    if (band && std::abs(x - m_hist->xAxis->coordToPixel(m_uncertainHigh)) <= kGrabPixels
        && std::abs(x - lineX) > std::abs(x - m_hist->xAxis->coordToPixel(m_uncertainHigh))) {
        m_drag = Drag::Uncertain;
        m_gesture = Project::newGesture();
        return;
    }
    // Anywhere else on the plot: the threshold jumps there and follows the mouse.
    m_drag = Drag::Threshold;
    m_gesture = Project::newGesture();
    if (std::abs(x - lineX) > kGrabPixels)
        setImageThreshold(m_hist->xAxis->pixelToCoord(x));
}

void ThresholdPanel::onMove(QMouseEvent* event)
{
    const double x = event->position().x();
    if (m_drag == Drag::None) {
        const bool near = std::abs(x - m_hist->xAxis->coordToPixel(m_threshold)) <= kGrabPixels
            || (std::isfinite(m_uncertainHigh)
                && std::abs(x - m_hist->xAxis->coordToPixel(m_uncertainHigh)) <= kGrabPixels);
        m_hist->setCursor(near ? Qt::SizeHorCursor : Qt::ArrowCursor);
        return;
    }
    // Dragging past the plot's edge stops at the edge (the axis does not run away with the mouse).
    const QCPRange range = m_hist->xAxis->range();
    const double value = std::clamp(m_hist->xAxis->pixelToCoord(x), range.lower, range.upper);
    if (m_drag == Drag::Threshold)
        setImageThreshold(value);
    else
        setUncertainHigh(value);
}

void ThresholdPanel::onRelease(QMouseEvent* event)
{
    if (m_drag == Drag::None || event->button() != Qt::LeftButton)
        return;
    m_drag = Drag::None;
    commit();
    m_gesture = 0;
}

}  // namespace utad::ui
