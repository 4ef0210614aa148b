// Moving the image threshold in the review panel on cached scores: what one step of a drag costs,
// with the widget repainted, against the naive alternatives (re-counting every score, replotting
// the whole histogram).
#include "ui/project.h"
#include "ui/review/scoreindex.h"
#include "ui/review/thresholdpanel.h"
#include "utad/metrics.h"

#include <QApplication>
#include <QMouseEvent>
#include <QStandardPaths>
#include <benchmark/benchmark.h>
#include <memory>
#include <qcustomplot.h>
#include <random>

using namespace utad::ui;

namespace {

std::vector<utad::ImageResult> syntheticResults(int n)
{
    std::mt19937 rng(42);
    std::normal_distribution<double> good(1.0, 0.3), bad(2.0, 0.5);
    std::vector<utad::ImageResult> results;
    results.resize(size_t(n));
    for (int i = 0; i < n; ++i) {
        utad::ImageResult& r = results[size_t(i)];
        r.path = "/bench/" + std::to_string(i) + ".png";
        // 80 % good, 15 % defective, 5 % unlabelled.
        const int kind = i % 20;
        r.label = kind < 16 ? utad::Label::Good : kind < 19 ? utad::Label::Anomalous : utad::Label::Unknown;
        r.score = r.label == utad::Label::Anomalous ? bad(rng) : good(rng);
    }
    return results;
}

struct Fixture {
    explicit Fixture(int n)
    {
        project.setResults(syntheticResults(n));
        panel = std::make_unique<ThresholdPanel>(&project);
        panel->resize(1200, 700);
        panel->show();
        QApplication::processEvents();
        panel->histogram()->replot();
        panel->rocPlot()->replot();
    }
    // Thresholds across the score range, so the binary searches do not hit one cache line.
    double threshold(int64_t i) const { return 0.5 + 2.0 * double(i % 997) / 997; }
    Project project;
    std::unique_ptr<ThresholdPanel> panel;
};

// One drag step as the user sees it: matrix, metrics, line and ROC point updated and painted.
void BM_ThresholdUpdatePainted(benchmark::State& state)
{
    Fixture f(int(state.range(0)));
    f.panel->setImmediateReplot(true);
    int64_t i = 0;
    for (auto _ : state)
        f.panel->setImageThreshold(f.threshold(i++));
    state.SetLabel("incl. widget repaint");
}

// The same step without the synchronous paint (the paint then happens once per event-loop turn).
void BM_ThresholdUpdate(benchmark::State& state)
{
    Fixture f(int(state.range(0)));
    int64_t i = 0;
    for (auto _ : state)
        f.panel->setImageThreshold(f.threshold(i++));
}

// A real mouse move during a drag, dispatched through Qt's event system, plus the paint.
void BM_DragMouseMove(benchmark::State& state)
{
    Fixture f(int(state.range(0)));
    f.panel->setImmediateReplot(true);
    QCustomPlot* hist = f.panel->histogram();
    const QRect area = hist->axisRect()->rect();
    const double y = area.center().y();
    const QPointF start(hist->xAxis->coordToPixel(f.panel->imageThreshold()), y);
    QMouseEvent press(
        QEvent::MouseButtonPress, start, hist->mapToGlobal(start), Qt::LeftButton, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(hist, &press);
    int64_t i = 0;
    for (auto _ : state) {
        const QPointF at(area.left() + double(i++ % area.width()), y);
        QMouseEvent move(QEvent::MouseMove, at, hist->mapToGlobal(at), Qt::NoButton, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(hist, &move);
    }
    QMouseEvent release(
        QEvent::MouseButtonRelease, start, hist->mapToGlobal(start), Qt::LeftButton, Qt::NoButton, Qt::NoModifier);
    QCoreApplication::sendEvent(hist, &release);
}

// The confusion matrix alone: binary search in sorted scores ...
void BM_ConfusionSorted(benchmark::State& state)
{
    const ScoreIndex index(syntheticResults(int(state.range(0))), nullptr);
    int64_t i = 0;
    for (auto _ : state)
        benchmark::DoNotOptimize(index.confusionAt(0.5 + 2.0 * double(i++ % 997) / 997));
}

// ... against counting every score (utad::confusionAt).
void BM_ConfusionLinear(benchmark::State& state)
{
    const ScoreIndex index(syntheticResults(int(state.range(0))), nullptr);
    const std::vector<double>& scores = index.labelledScores();
    const std::vector<int>& labels = index.labels();
    int64_t i = 0;
    for (auto _ : state)
        benchmark::DoNotOptimize(utad::confusionAt(scores, labels, 0.5 + 2.0 * double(i++ % 997) / 997));
}

// Replotting the whole histogram (what a drag would cost without the line's own layer).
void BM_FullHistogramReplot(benchmark::State& state)
{
    Fixture f(int(state.range(0)));
    for (auto _ : state)
        f.panel->histogram()->replot(QCustomPlot::rpImmediateRefresh);
}

// Once per change of scores or labels (new results, a review mark): sort, bin, ROC, replot.
void BM_Rebuild(benchmark::State& state)
{
    Fixture f(int(state.range(0)));
    const auto results = f.project.results();
    for (auto _ : state) {
        f.project.setResults(results);
        QApplication::processEvents();  // the panel rebuilds on the next event-loop turn
    }
}

// Handing the threshold to the document when a drag pauses or ends: the image list re-decides and
// the project is autosaved (JSON with every result, written atomically).
void BM_CommitToProject(benchmark::State& state)
{
    Fixture f(int(state.range(0)));
    int64_t i = 0;
    for (auto _ : state) {
        f.panel->setImageThreshold(f.threshold(i++));
        f.panel->commit();
    }
}

}  // namespace

BENCHMARK(BM_ThresholdUpdatePainted)->Arg(1000)->Arg(10000)->Arg(100000)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_ThresholdUpdate)->Arg(10000)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_DragMouseMove)->Arg(10000)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_ConfusionSorted)->Arg(10000)->Arg(100000)->Unit(benchmark::kNanosecond);
BENCHMARK(BM_ConfusionLinear)->Arg(10000)->Arg(100000)->Unit(benchmark::kNanosecond);
BENCHMARK(BM_FullHistogramReplot)->Arg(10000)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_CommitToProject)->Arg(10000)->Arg(100000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Rebuild)->Arg(10000)->Unit(benchmark::kMillisecond);

int main(int argc, char** argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QStandardPaths::setTestModeEnabled(true);  // the project's autosave stays out of the user's data
    QApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
