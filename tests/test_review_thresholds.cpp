// The threshold panel against utad's metrics on the same scores: dragging the line, the automatic
// thresholds, the uncertain band, and the histogram / ROC / confusion views.
#include "ui/project.h"
#include "ui/review/annotationstore.h"
#include "ui/review/reviewfilter.h"
#include "ui/review/scoreindex.h"
#include "ui/review/thresholdpanel.h"
#include "utad/evaluation.h"
#include "utad/metrics.h"

#include <QLabel>
#include <QStandardPaths>
#include <QTest>
#include <qcustomplot.h>
#include <random>

using namespace utad::ui;

namespace {

// Good scores around 1, defective around 2 (overlapping), a few unlabelled and one unreadable image.
std::vector<utad::ImageResult> syntheticResults(int good, int defective, int unknown, unsigned seed)
{
    std::mt19937 rng(seed);
    std::normal_distribution<double> goodScore(1.0, 0.3), defectScore(2.0, 0.5);
    std::vector<utad::ImageResult> results;
    auto add = [&](utad::Label label, double score, const char* kind) {
        utad::ImageResult r;
        r.path = "/inspection/" + std::string(kind) + "/" + std::to_string(results.size()) + ".png";
        r.label = label;
        r.defectType = kind;
        r.score = score;
        results.push_back(r);
    };
    for (int i = 0; i < good; ++i)
        add(utad::Label::Good, goodScore(rng), "good");
    for (int i = 0; i < defective; ++i)
        add(utad::Label::Anomalous, defectScore(rng), "crack");
    for (int i = 0; i < unknown; ++i)
        add(utad::Label::Unknown, goodScore(rng), "");
    utad::ImageResult broken;
    broken.path = "/inspection/broken.png";
    broken.label = utad::Label::Good;
    broken.score = 99;  // must not count: the image could not be read
    broken.error = "cannot decode";
    results.push_back(broken);
    return results;
}

void labelledOf(const std::vector<utad::ImageResult>& results, std::vector<double>* scores, std::vector<int>* labels)
{
    for (const auto& r : results)
        if (r.error.empty() && r.label != utad::Label::Unknown) {
            scores->push_back(r.score);
            labels->push_back(r.label == utad::Label::Anomalous ? 1 : 0);
        }
}

long cell(const ThresholdPanel& panel, const char* name)
{
    auto* label = panel.findChild<QLabel*>(QLatin1String(name));
    return label ? label->text().toLong() : -1;
}

void compareConfusion(const ThresholdPanel& panel, const utad::Confusion& expected)
{
    QCOMPARE(cell(panel, "tp"), expected.tp);
    QCOMPARE(cell(panel, "fp"), expected.fp);
    QCOMPARE(cell(panel, "tn"), expected.tn);
    QCOMPARE(cell(panel, "fn"), expected.fn);
}

}  // namespace

class TestReviewThresholds : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void scoreIndexMatchesConfusionAt()
    {
        const auto results = syntheticResults(500, 120, 40, 7);
        std::vector<double> scores;
        std::vector<int> labels;
        labelledOf(results, &scores, &labels);
        const ScoreIndex index(results, nullptr);
        QCOMPARE(index.good().size() + index.defective().size(), scores.size());
        QCOMPARE(index.unknown().size(), size_t(40));
        // Thresholds between, below, above and exactly on scores (ties count as flagged).
        std::vector<double> probes{-1, 0.5, 1.5, 2.5, 100, scores[3], scores[510]};
        for (double t : probes) {
            const utad::Confusion a = index.confusionAt(t), b = utad::confusionAt(scores, labels, t);
            QCOMPARE(a.tp, b.tp);
            QCOMPARE(a.fp, b.fp);
            QCOMPARE(a.tn, b.tn);
            QCOMPARE(a.fn, b.fn);
        }
        QCOMPARE(index.auroc(), utad::auroc(scores, labels));
        QCOMPARE(index.f1Max().threshold, utad::f1Max(scores, labels).threshold);
    }

    void draggingTheLineUpdatesTheMatrix()
    {
        Project project;
        const auto results = syntheticResults(300, 80, 20, 11);
        project.setResults(results);
        Thresholds t;
        t.image = 1.2;
        project.setThresholds(t);
        ThresholdPanel panel(&project);
        panel.resize(1000, 640);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QCustomPlot* hist = panel.histogram();
        hist->replot();

        std::vector<double> scores;
        std::vector<int> labels;
        labelledOf(results, &scores, &labels);
        compareConfusion(panel, utad::confusionAt(scores, labels, 1.2));

        // Press on the line, move it right, release.
        const int y = int(hist->axisRect()->center().y());
        const int x0 = int(std::lround(hist->xAxis->coordToPixel(panel.imageThreshold())));
        const int x1 = int(std::lround(hist->xAxis->coordToPixel(1.7)));
        QTest::mousePress(hist, Qt::LeftButton, {}, QPoint(x0, y));
        QTest::mouseMove(hist, QPoint((x0 + x1) / 2, y));
        const double midway = panel.imageThreshold();
        QVERIFY(midway > 1.2 && midway < 1.7);
        compareConfusion(panel, utad::confusionAt(scores, labels, midway));
        QCOMPARE(project.thresholds().image, 1.2);  // the document follows when the drag pauses or ends
        QTest::mouseMove(hist, QPoint(x1, y));
        QTest::mouseRelease(hist, Qt::LeftButton, {}, QPoint(x1, y));

        const double dropped = panel.imageThreshold();
        QCOMPARE(dropped, hist->xAxis->pixelToCoord(x1));
        QVERIFY(std::abs(dropped - 1.7) < 0.02);
        QCOMPARE(project.thresholds().image, dropped);
        compareConfusion(panel, utad::confusionAt(scores, labels, dropped));
        QCOMPARE(panel.thresholdLine()->point1->coords().x(), dropped);
        // The spin box shows the same value.
        auto* spin = panel.findChild<QDoubleSpinBox*>(QStringLiteral("imageThreshold"));
        QVERIFY(spin);
        QVERIFY(std::abs(spin->value() - dropped) < 1e-4);

        // Typing a threshold in the spin box moves the line and the matrix.
        spin->setValue(2.0);
        QCOMPARE(panel.imageThreshold(), 2.0);
        QCOMPARE(project.thresholds().image, 2.0);
        compareConfusion(panel, utad::confusionAt(scores, labels, 2.0));

        // A threshold beyond every score (e.g. from the calibration) widens the axis to stay visible.
        panel.setImageThreshold(10.0);
        QVERIFY(hist->xAxis->range().contains(10.0));
        compareConfusion(panel, utad::confusionAt(scores, labels, 10.0));
        QCOMPARE(cell(panel, "tp"), 0L);

        // Dragging past the plot's edge stops at the edge.
        const QCPRange range = hist->xAxis->range();
        const int right = int(hist->xAxis->coordToPixel(10.0));
        QTest::mousePress(hist, Qt::LeftButton, {}, QPoint(right, y));
        QTest::mouseMove(hist, QPoint(hist->width() - 1, y));
        QTest::mouseRelease(hist, Qt::LeftButton, {}, QPoint(hist->width() - 1, y));
        QVERIFY(panel.imageThreshold() <= range.upper);
        QCOMPARE(hist->xAxis->range().upper, range.upper);

        // A threshold set elsewhere (e.g. a loaded project) reaches the panel.
        t.image = 0.9;
        project.setThresholds(t);
        QCOMPARE(panel.imageThreshold(), 0.9);
        compareConfusion(panel, utad::confusionAt(scores, labels, 0.9));
    }

    void viewsAgreeWithEvaluationMetrics()
    {
        Project project;
        const auto results = syntheticResults(200, 60, 15, 3);
        project.setResults(results);
        ThresholdPanel panel(&project);
        panel.setImageThreshold(1.5);
        std::vector<double> scores;
        std::vector<int> labels;
        labelledOf(results, &scores, &labels);

        // Histogram: every readable image in exactly one bin of its class.
        auto total = [](QCPGraph* g) {
            double n = 0;
            for (auto it = g->data()->constBegin(); it != g->data()->constEnd(); ++it)
                n += it->value;
            return n;
        };
        QCustomPlot* hist = panel.histogram();
        QCOMPARE(total(hist->graph(0)), 200.0);
        QCOMPARE(total(hist->graph(1)), 60.0);
        QCOMPARE(total(hist->graph(2)), 15.0);

        // ROC curve: the points utad computes, and the operating point on it.
        const utad::RocCurve roc = utad::rocCurve(scores, labels);
        QCPGraph* curve = panel.rocPlot()->graph(1);
        QCOMPARE(curve->data()->size(), int(roc.fpr.size()));
        int i = 0;
        for (auto it = curve->data()->constBegin(); it != curve->data()->constEnd(); ++it, ++i) {
            QCOMPARE(it->key, roc.fpr[size_t(i)]);
            QCOMPARE(it->value, roc.tpr[size_t(i)]);
        }
        QVERIFY(curve->name().contains(QString::number(utad::auroc(scores, labels), 'f', 3)));
        const utad::Confusion c = utad::confusionAt(scores, labels, 1.5);
        QCOMPARE(panel.operatingPoint()->data()->size(), 1);
        QCOMPARE(panel.operatingPoint()->data()->constBegin()->key, c.falsePositiveRate());
        QCOMPARE(panel.operatingPoint()->data()->constBegin()->value, c.recall());
        compareConfusion(panel, c);
        // Precision, recall, F1 and FPR as utad computes them.
        const QString text = panel.findChild<QLabel*>(QStringLiteral("metrics"))->text();
        for (double v : {c.precision(), c.recall(), c.f1(), c.falsePositiveRate()})
            QVERIFY2(text.contains(QStringLiteral("%1 %").arg(100 * v, 0, 'f', 1)), qPrintable(text));
    }

    void automaticThresholds()
    {
        Project project;
        const auto results = syntheticResults(250, 70, 0, 5);
        project.setResults(results);
        ThresholdPanel panel(&project);
        std::vector<double> scores;
        std::vector<int> labels;
        labelledOf(results, &scores, &labels);

        QVERIFY(panel.applyF1Max());
        const utad::F1Max best = utad::f1Max(scores, labels);
        QCOMPARE(panel.imageThreshold(), best.threshold);
        QCOMPARE(project.thresholds().image, best.threshold);
        QVERIFY(std::abs(panel.confusion().f1() - best.f1) < 1e-12);
        compareConfusion(panel, utad::confusionAt(scores, labels, best.threshold));

        // Target FPR from the model's calibration scores.
        utad::Calibration calibration;
        std::mt19937 rng(9);
        std::normal_distribution<double> good(1.0, 0.3);
        for (int i = 0; i < 400; ++i)
            calibration.goodScores.push_back(good(rng));
        panel.setCalibration(calibration);
        panel.setTargetFpr(0.05);
        QVERIFY(panel.applyTargetFpr());
        const double expected = utad::thresholdForFpr(calibration.goodScores, 0.05);
        QCOMPARE(panel.imageThreshold(), expected);
        QCOMPARE(project.thresholds().image, expected);
        long above = 0;
        for (double s : calibration.goodScores)
            above += s >= expected ? 1 : 0;
        QVERIFY(above <= 20);  // at most 5 % of 400
        QVERIFY(above >= 16);
    }

    // Bug: with a few images the histogram's count axis had ticks at 2.5, 7.5 and 12.5.
    void histogramCountsAreWholeNumbers()
    {
        Project project;
        project.setResults(syntheticResults(12, 3, 3, 5));
        ThresholdPanel panel(&project);
        panel.resize(1000, 640);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QCustomPlot* hist = panel.histogram();
        hist->replot();
        // The axis's own range, and one where a default ticker puts ticks at halves.
        for (const QCPRange& range : {hist->yAxis->range(), QCPRange(0, 15)}) {
            QVector<double> ticks;
            QVector<QString> labels;
            hist->yAxis->ticker()->generate(range, hist->locale(), QLatin1Char('g'), 6, ticks, nullptr, &labels);
            QVERIFY(ticks.size() >= 2);
            for (double tick : ticks)
                QVERIFY2(tick == std::round(tick), qPrintable(QString::number(tick)));
        }
    }

    void automaticThresholdsWithoutLabels()
    {
        Project project;
        project.setResults(syntheticResults(0, 0, 50, 2));
        ThresholdPanel panel(&project);
        QVERIFY(!panel.applyF1Max());
        QVERIFY(panel.statusText().contains(QStringLiteral("labelled")));
        QVERIFY(!panel.applyTargetFpr());  // no calibration and no labelled good image
        utad::Calibration calibration;
        calibration.goodScores = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0};
        panel.setCalibration(calibration);
        panel.setTargetFpr(0.10);
        QVERIFY(panel.applyTargetFpr());
        QCOMPARE(panel.imageThreshold(), utad::thresholdForFpr(calibration.goodScores, 0.10));
        // Without labels the matrix shows no counts.
        QCOMPARE(panel.findChild<QLabel*>(QStringLiteral("tp"))->text(), QStringLiteral("–"));

        // Marks give the unlabelled images labels.
        const QString first = QString::fromStdString(project.results()[0].path);
        const QString second = QString::fromStdString(project.results()[1].path);
        project.annotations()->setMark(first, Mark::FalsePositive);
        project.annotations()->setMark(second, Mark::MissedDefect);
        QTRY_COMPARE(panel.index().good().size(), size_t(1));
        QCOMPARE(panel.index().defective().size(), size_t(1));
    }

    void uncertainBand()
    {
        Project project;
        const auto results = syntheticResults(150, 50, 30, 13);
        project.setResults(results);
        ThresholdPanel panel(&project);
        panel.setImageThreshold(1.4);
        panel.setUncertainHigh(1.9);
        panel.commit();
        QCOMPARE(project.thresholds().image, 1.4);
        QCOMPARE(project.thresholds().uncertainHigh, 1.9);

        long expected = 0;
        for (const auto& r : results)
            if (r.error.empty() && r.score >= 1.4 && r.score < 1.9)
                ++expected;
        QVERIFY(expected > 0);
        QCOMPARE(panel.index().countInRange(1.4, 1.9), expected);
        QVERIFY(panel.findChild<QLabel*>(QStringLiteral("metrics"))
                    ->text()
                    .contains(QStringLiteral("Uncertain %1").arg(expected)));
        long listed = 0;
        for (const auto& r : results)
            listed += matchesReviewFilter(ReviewFilter::Uncertain, project, &r, {}) ? 1 : 0;
        QCOMPARE(listed, expected);
        QVERIFY(panel.uncertainLine()->visible());

        // The band cannot end below the threshold, and NaN turns it off.
        panel.setImageThreshold(2.0);
        QCOMPARE(panel.uncertainHigh(), 2.0);
        panel.setUncertainHigh(utad::kNaN);
        panel.commit();
        QVERIFY(std::isnan(project.thresholds().uncertainHigh));
        QVERIFY(!panel.uncertainLine()->visible());
    }

    void regionThresholdsGoToTheProject()
    {
        Project project;
        project.setResults(syntheticResults(10, 10, 0, 1));
        ThresholdPanel panel(&project);
        panel.findChild<QDoubleSpinBox*>(QStringLiteral("pixelThreshold"))->setValue(0.35);
        panel.findChild<QSpinBox*>(QStringLiteral("minRegionArea"))->setValue(25);
        QCOMPARE(project.thresholds().pixel, 0.35);
        QCOMPARE(project.thresholds().minRegionArea, 25);
    }
};

QTEST_MAIN(TestReviewThresholds)
#include "test_review_thresholds.moc"
