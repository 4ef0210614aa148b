// The workbench's image list at production-line sizes, in the real window (offscreen): sorting,
// filtering, stepping to the next image and moving the threshold on 100,000 scored images, and
// reopening a scored 10,000-image project until its list shows the scores. The scores are
// synthetic; no model is needed. Each iteration is one user step, events processed.
#include "ui/imagelistmodel.h"
#include "ui/mainwindow.h"
#include "ui/project.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QKeyEvent>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <algorithm>
#include <benchmark/benchmark.h>
#include <map>
#include <memory>
#include <random>

using namespace utad::ui;

namespace {

// `n` images in a few defect folders, 80 % good; scores drawn per class.
utad::Dataset syntheticDataset(int n, const QString& root)
{
    utad::Dataset dataset;
    dataset.root = root.toStdString();
    dataset.kind = utad::DatasetKind::MVTec;
    const char* types[] = {"good", "good", "good", "good", "crack", "pore", "spatter"};
    for (int i = 0; i < n; ++i) {
        utad::Sample s;
        const std::string type = types[i % 7 < 4 ? 0 : i % 7];
        s.defectType = type;
        s.label = type == "good" ? utad::Label::Good : utad::Label::Anomalous;
        s.path = dataset.root + "/test/" + type + "/part-" + std::to_string(100000 + i) + ".png";
        dataset.test.push_back(std::move(s));
    }
    return dataset;
}

std::vector<utad::ImageResult> syntheticResults(const utad::Dataset& dataset)
{
    std::mt19937 rng(42);
    std::normal_distribution<double> good(1.0, 0.3), bad(2.0, 0.5);
    std::vector<utad::ImageResult> results;
    results.reserve(dataset.test.size());
    for (size_t i = 0; i < dataset.test.size(); ++i) {
        const utad::Sample& s = dataset.test[i];
        utad::ImageResult r;
        r.path = s.path;
        r.label = s.label;
        r.defectType = s.defectType;
        r.score = s.label == utad::Label::Good ? good(rng) : bad(rng);
        r.index = i;
        results.push_back(std::move(r));
    }
    return results;
}

void settle()
{
    QApplication::processEvents();
    QApplication::processEvents();
}

// Runs one user step per iteration and reports the slowest as the counter max_ms.
template <class Step> void steps(benchmark::State& state, Step step)
{
    double slowest = 0;
    int64_t i = 0;
    for (auto _ : state) {
        QElapsedTimer timer;
        timer.start();
        step(i++);
        settle();
        slowest = std::max(slowest, timer.nsecsElapsed() / 1e6);
    }
    state.counters["max_ms"] = slowest;
}

// One window per size, kept for every benchmark of that size.
std::map<int, std::unique_ptr<MainWindow>> windows;

MainWindow& window(int n)
{
    auto& w = windows[n];
    if (!w) {
        w = std::make_unique<MainWindow>();
        w->resize(1400, 900);
        w->show();
        const utad::Dataset dataset = syntheticDataset(n, QStringLiteral("/bench/line3"));
        const auto results = syntheticResults(dataset);
        w->project()->openDataset(dataset, QStringLiteral("/bench/line3"));
        w->project()->setResults(results);
        Thresholds t;
        t.image = 1.6;
        w->project()->setThresholds(t);
        w->project()->autosave();  // now, not during the first step
        w->imageView()->setCurrentIndex(w->imageProxy()->index(0, ImageListModel::NameColumn));
        settle();
    }
    return *w;
}

// A header click on `column` each step, alternating the order; the list ends sorted by name.
void sortSteps(benchmark::State& state, int column)
{
    MainWindow& w = window(int(state.range(0)));
    steps(state,
        [&](int64_t i) { w.imageView()->sortByColumn(column, i % 2 ? Qt::AscendingOrder : Qt::DescendingOrder); });
    w.imageView()->sortByColumn(ImageListModel::NameColumn, Qt::AscendingOrder);
    settle();
}

void BM_SortByScore(benchmark::State& state) { sortSteps(state, ImageListModel::ScoreColumn); }
void BM_SortByName(benchmark::State& state) { sortSteps(state, ImageListModel::NameColumn); }

// Typing a name filter and clearing it again: each is one step.
void BM_FilterByName(benchmark::State& state)
{
    MainWindow& w = window(int(state.range(0)));
    steps(state, [&](int64_t i) { w.imageProxy()->setText(i % 2 ? QString() : QStringLiteral("part-1234")); });
    w.imageProxy()->setText(QString());
    settle();
}

void BM_FilterByPrediction(benchmark::State& state)
{
    MainWindow& w = window(int(state.range(0)));
    steps(state, [&](int64_t i) {
        w.imageProxy()->setPredictionFilter(
            i % 2 ? ImageFilterProxy::PredictionFilter::All : ImageFilterProxy::PredictionFilter::Defective);
    });
    w.imageProxy()->setPredictionFilter(ImageFilterProxy::PredictionFilter::All);
    settle();
}

// The Down key in the list: the next image becomes the document's current image.
void BM_NextImage(benchmark::State& state)
{
    MainWindow& w = window(int(state.range(0)));
    QTableView* view = w.imageView();
    view->setCurrentIndex(w.imageProxy()->index(0, ImageListModel::NameColumn));
    settle();
    steps(state, [&](int64_t) {
        QKeyEvent down(QEvent::KeyPress, Qt::Key_Down, Qt::NoModifier);
        QApplication::sendEvent(view, &down);
    });
}

// A threshold handed to the document (a drag that rests): predictions, the list and its filter follow.
void BM_ThresholdChange(benchmark::State& state)
{
    MainWindow& w = window(int(state.range(0)));
    w.imageProxy()->setPredictionFilter(ImageFilterProxy::PredictionFilter::Defective);
    steps(state, [&](int64_t i) {
        Thresholds t = w.project()->thresholds();
        t.image = 1.2 + 0.8 * double(i % 97) / 97;
        w.project()->setThresholds(t);
    });
    w.imageProxy()->setPredictionFilter(ImageFilterProxy::PredictionFilter::All);
    settle();
}

// The save that follows every edit (a threshold that rests, a review mark): the project file with
// every score, written atomically.
void BM_Autosave(benchmark::State& state)
{
    MainWindow& w = window(int(state.range(0)));
    steps(state, [&](int64_t) { w.project()->autosave(); });
}

// A scored project of `n` images on disk (symbolic links to one sample image), written once.
QString scoredProject(int n)
{
    static QTemporaryDir dir;
    const QString project = dir.filePath(QStringLiteral("line%1.utadproj").arg(n));
    if (QFile::exists(project))
        return project;
    const QString root = dir.filePath(QStringLiteral("data%1").arg(n));
    const utad::Dataset layout = syntheticDataset(n, root);
    const QString image = QStringLiteral(UTAD_SAMPLE_DIR "/test/good/3-r1_row0_0.png");
    for (const utad::Sample& s : layout.test) {
        const QString path = QString::fromStdString(s.path);
        QDir().mkpath(QFileInfo(path).absolutePath());
        QFile::link(image, path);
    }
    Project p;
    utad::Dataset dataset = utad::openDataset(root.toStdString());
    const auto results = syntheticResults(dataset);
    p.openDataset(std::move(dataset), root);
    p.setResultsModelStamp(QStringLiteral("synthetic"));
    p.setResults(results);
    QString error;
    if (!p.saveAs(project, &error))
        qFatal("%s", qPrintable(error));
    return project;
}

// From File > Open project to a list that shows every image with its score (no model: the
// scores come from the project file).
void BM_ReopenProject(benchmark::State& state)
{
    const int n = int(state.range(0));
    const QString project = scoredProject(n);
    for (auto _ : state) {
        state.PauseTiming();
        auto w = std::make_unique<MainWindow>();
        w->resize(1400, 900);
        w->show();
        settle();
        state.ResumeTiming();
        w->openProject(project);
        settle();
        const QModelIndex first = w->imageProxy()->index(0, ImageListModel::ScoreColumn);
        if (w->imageProxy()->rowCount() != n || first.data().toString().isEmpty())
            state.SkipWithError("the list is not filled");
        state.PauseTiming();
        w.reset();
        settle();
        state.ResumeTiming();
    }
}

}  // namespace

BENCHMARK(BM_SortByScore)->Arg(100000)->Iterations(10)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_SortByName)->Arg(100000)->Iterations(10)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_FilterByName)->Arg(100000)->Iterations(10)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_FilterByPrediction)->Arg(100000)->Iterations(10)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_NextImage)->Arg(100000)->Iterations(50)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ThresholdChange)->Arg(100000)->Iterations(10)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Autosave)->Arg(100000)->Iterations(5)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ReopenProject)->Arg(10000)->Iterations(3)->Unit(benchmark::kMillisecond);

int main(int argc, char** argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QStandardPaths::setTestModeEnabled(true);  // autosaves and settings stay out of the user's data
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("utad"));
    QApplication::setApplicationName(QStringLiteral("utad-bench-image-list"));
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    windows.clear();  // before the application
    return 0;
}
