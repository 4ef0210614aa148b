// The workbench's view logic on synthetic data: image conversion, panel rendering, region
// outlines, the panel cache, the project file and the image list's sorting and filtering.
#include "ui/imageconvert.h"
#include "ui/imagelistmodel.h"
#include "ui/panelcache.h"
#include "ui/panelrender.h"
#include "ui/preferences.h"
#include "ui/project.h"
#include "ui/review/annotationstore.h"

#include <QtTest>
#include <cmath>
#include <functional>
#include <opencv2/imgproc.hpp>

using namespace utad::ui;

namespace {
utad::Inference syntheticInference(cv::Size source)
{
    utad::Inference inf;
    inf.input = cv::Mat(32, 32, CV_32F, cv::Scalar(0.5));
    inf.impression = cv::Mat(32, 32, CV_32F, cv::Scalar(0.25));
    inf.reconstruction = cv::Mat(32, 32, CV_32F, cv::Scalar(0.75));
    inf.naiveImpression = cv::Mat(32, 32, CV_32F, cv::Scalar(0.3));
    inf.residualImpression = cv::Mat(32, 32, CV_32F, cv::Scalar(0.1));
    inf.residualReconstruction = cv::Mat(32, 32, CV_32F, cv::Scalar(0.2));
    inf.residualNaive = cv::Mat(32, 32, CV_32F, cv::Scalar(0.4));
    inf.anomalyMapNet = cv::Mat::zeros(32, 32, CV_32F);
    cv::rectangle(inf.anomalyMapNet, cv::Rect(8, 8, 6, 6), cv::Scalar(1.0), cv::FILLED);
    cv::resize(inf.anomalyMapNet, inf.anomalyMap, source, 0, 0, cv::INTER_LINEAR);
    inf.score = 0.875;
    return inf;
}
}  // namespace

class TestWorkbenchViews : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void imageConversionRoundTrips()
    {
        cv::Mat grey(7, 5, CV_8UC1);
        cv::randu(grey, 0, 255);
        const QImage g = toQImage(grey);
        QCOMPARE(g.format(), QImage::Format_Grayscale8);
        QCOMPARE(g.size(), QSize(5, 7));
        QCOMPARE(cv::norm(toMat(g), grey, cv::NORM_INF), 0.0);

        cv::Mat bgr(4, 6, CV_8UC3, cv::Scalar(10, 20, 30));  // B=10 G=20 R=30
        const QImage c = toQImage(bgr);
        QCOMPARE(QColor(c.pixel(0, 0)), QColor(30, 20, 10));
        QCOMPARE(cv::norm(toMat(c), bgr, cv::NORM_INF), 0.0);

        const cv::Mat f(3, 3, CV_32F, cv::Scalar(1.0));
        QCOMPARE(qGray(toQImage(f).pixel(1, 1)), 255);
        QVERIFY(toQImage(cv::Mat()).isNull());
    }

    void colorMapsDiffer()
    {
        cv::Mat ramp(1, 256, CV_32F);
        for (int i = 0; i < 256; ++i)
            ramp.at<float>(0, i) = float(i) / 255.f;
        const cv::Mat jet = colorize(ramp, 1.0, ColorMap::Jet);
        const cv::Mat gray = colorize(ramp, 1.0, ColorMap::Gray);
        const cv::Mat inferno = colorize(ramp, 1.0, ColorMap::Inferno);
        QCOMPARE(jet.type(), CV_8UC3);
        QCOMPARE(gray.at<cv::Vec3b>(0, 255), cv::Vec3b(255, 255, 255));
        QVERIFY(cv::norm(jet, gray) > 0);
        QVERIFY(cv::norm(jet, inferno) > 0);
        // Values above the scale saturate instead of wrapping round.
        const cv::Mat high(1, 1, CV_32F, cv::Scalar(5.0));
        QCOMPARE(colorize(high, 1.0, ColorMap::Gray).at<cv::Vec3b>(0, 0), cv::Vec3b(255, 255, 255));
        QCOMPARE(colorMapFromName(QStringLiteral("magma")), ColorMap::Magma);
        QCOMPARE(colorMapFromName(QStringLiteral("nonsense")), ColorMap::Jet);
    }

    void panelsHaveTheSourceSize()
    {
        const cv::Size source(200, 120);  // not square, unlike the network
        const cv::Mat image(source, CV_8UC1, cv::Scalar(128));
        const utad::Inference inf = syntheticInference(source);
        for (PanelMode mode : {PanelMode::Stages, PanelMode::Residuals}) {
            PanelStyle style;
            style.mode = mode;
            const PanelSet set = renderPanels(image, &inf, style);
            for (const QImage& panel : set.images)
                QCOMPARE(panel.size(), QSize(200, 120));
        }
        // A model with a segmenter shows its probability first in the residual view, on a scale of 0 to 1.
        utad::Inference seg = inf;
        seg.segmentation = cv::Mat::zeros(inf.anomalyMapNet.size(), CV_32F);
        seg.segmentation(cv::Rect(0, 0, seg.segmentation.cols / 2, seg.segmentation.rows)).setTo(1.0);
        PanelStyle residuals;
        residuals.mode = PanelMode::Residuals;
        residuals.colorMap = ColorMap::Gray;
        const PanelSet withSeg = renderPanels(image, &seg, residuals);
        QCOMPARE(withSeg.titles[0], segmenterPanelTitle());
        QCOMPARE(renderPanels(image, &inf, residuals).titles[0], panelTitles(PanelMode::Residuals).value(0));
        QCOMPARE(qGray(withSeg.images[0].pixel(10, 60)), 255);
        QCOMPARE(qGray(withSeg.images[0].pixel(190, 60)), 0);
        // Without an inference only the input is drawn.
        const PanelSet bare = renderPanels(image, nullptr, PanelStyle{});
        QCOMPARE(bare.images[0].size(), QSize(200, 120));
        QVERIFY(bare.images[1].isNull());
    }

    void overlayBlendsWithOpacity()
    {
        const cv::Size source(64, 64);
        const cv::Mat image(source, CV_8UC1, cv::Scalar(0));
        const utad::Inference inf = syntheticInference(source);
        PanelStyle style;
        style.colorMap = ColorMap::Gray;
        style.heatMax = 1.0;
        const QImage plain = renderPanels(image, &inf, style).images[3];
        style.overlay = true;
        style.opacity = 0.5;
        const QImage half = renderPanels(image, &inf, style).images[3];
        const QPoint hot(20, 20);  // inside the synthetic defect
        QCOMPARE(qGray(plain.pixel(hot)), 255);
        QVERIFY(std::abs(qGray(half.pixel(hot)) - 128) <= 2);
        style.opacity = 0;
        QCOMPARE(qGray(renderPanels(image, &inf, style).images[3].pixel(hot)), 0);
    }

    void predictedRegionsDropSmallOnes()
    {
        cv::Mat map = cv::Mat::zeros(50, 50, CV_32F);
        cv::rectangle(map, cv::Rect(5, 5, 10, 10), cv::Scalar(1.0), cv::FILLED);  // 100 px
        cv::rectangle(map, cv::Rect(30, 30, 2, 2), cv::Scalar(1.0), cv::FILLED);  // 4 px
        const cv::Mat all = predictedRegions(map, 0.5, 0);
        QCOMPARE(cv::countNonZero(all), 104);
        const cv::Mat big = predictedRegions(map, 0.5, 10);
        QCOMPARE(cv::countNonZero(big), 100);
        const QPainterPath outline = regionOutline(big);
        QVERIFY(outline.boundingRect().contains(QPointF(10, 10)));
        QVERIFY(!outline.boundingRect().contains(QPointF(31, 31)));
        QCOMPARE(cv::countNonZero(predictedRegions(map, 2.0, 0)), 0);
    }

    void montageHasTitlesAndPanels()
    {
        std::array<QImage, 4> images;
        for (QImage& i : images) {
            i = QImage(100, 60, QImage::Format_RGB32);
            i.fill(Qt::red);
        }
        const QImage twoByTwo
            = montage(images, {QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c"), QStringLiteral("d")}, 2);
        const QImage row
            = montage(images, {QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c"), QStringLiteral("d")}, 4);
        QVERIFY(twoByTwo.width() > 200 && twoByTwo.height() > 120);
        QVERIFY(row.width() > 400 && row.height() < twoByTwo.height());
    }

    void panelCacheRoundTrips()
    {
        QTemporaryDir dir;
        utad::Inference inf = syntheticInference(cv::Size(90, 70));
        inf.segmentation = inf.anomalyMapNet / 2;
        const QString file = dir.filePath(QStringLiteral("sub/x.panels"));
        QString error;
        QVERIFY2(writeCachedInference(file, inf, &error), qPrintable(error));
        const auto back = readCachedInference(file);
        QVERIFY(back.has_value());
        QCOMPARE(back->score, 0.875);
        QCOMPARE(back->anomalyMap.size(), cv::Size(90, 70));
        QCOMPARE(cv::norm(back->impression, inf.impression, cv::NORM_INF), 0.0);
        QCOMPARE(cv::norm(back->residualNaive, inf.residualNaive, cv::NORM_INF), 0.0);
        QCOMPARE(cv::norm(back->segmentation, inf.segmentation, cv::NORM_INF), 0.0);
        // Truncated and foreign files are refused, not misread.
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadWrite));
        f.resize(f.size() / 2);
        f.close();
        QVERIFY(!readCachedInference(file).has_value());
        QVERIFY(!readCachedInference(dir.filePath(QStringLiteral("missing.panels"))).has_value());
    }

    void projectKeepsFiguresPerDefectType()
    {
        // A reopened project gives each kind of defect's figures again, from its scores.
        QTemporaryDir dir;
        const QString dataset = dir.filePath(QStringLiteral("data"));
        QDir().mkpath(dataset);
        Project project;
        project.setDatasetPath(dataset);
        std::vector<utad::ImageResult> results;
        auto add = [&](utad::Label label, const char* kind, double score) {
            utad::ImageResult r;
            r.path = (dataset + QStringLiteral("/test/%1/%2.png").arg(kind).arg(results.size())).toStdString();
            r.label = label;
            r.defectType = kind;
            r.score = score;
            results.push_back(r);
        };
        add(utad::Label::Good, "good", 0.1);
        add(utad::Label::Good, "good", 0.3);
        add(utad::Label::Anomalous, "hole", 0.2);
        add(utad::Label::Anomalous, "crack", 0.8);
        utad::EvalReport report;
        report.results = results;
        utad::finishMetrics(report);
        QCOMPARE(int(report.metrics.byDefectType.size()), 2);
        project.setResults(results);
        project.setMetrics(report.metrics);
        QString error;
        const QString file = dir.filePath(QStringLiteral("kinds.utadproj"));
        QVERIFY2(project.saveAs(file, &error), qPrintable(error));

        Project loaded;
        QVERIFY2(loaded.load(file, &error), qPrintable(error));
        const auto& kinds = loaded.metrics().byDefectType;
        QCOMPARE(int(kinds.size()), 2);
        QCOMPARE(kinds[0].type, std::string("crack"));
        QCOMPARE(kinds[0].imageAuroc, 1.0);
        QCOMPARE(kinds[1].type, std::string("hole"));
        QCOMPARE(kinds[1].imageAuroc, 0.5);
        for (int i = 0; i < 2; ++i)
            QCOMPARE(kinds[i].foundAtF1, report.metrics.byDefectType[i].foundAtF1);
    }

    void projectRoundTrips()
    {
        QTemporaryDir dir;
        const QString dataset = dir.filePath(QStringLiteral("data"));
        QDir().mkpath(dataset);
        Project project;
        project.setDatasetPath(dataset);
        project.setModelPath(dir.filePath(QStringLiteral("m.utad")));
        Thresholds t;
        t.image = 0.4;
        t.pixel = 0.2;
        t.minRegionArea = 12;  // uncertainHigh stays NaN: JSON has no NaN
        project.setThresholds(t);
        utad::ImageResult r;
        r.path = (dataset + QStringLiteral("/test/bad/1.png")).toStdString();
        r.label = utad::Label::Anomalous;
        r.defectType = "bad";
        r.score = 0.7;
        utad::ImageResult unreadable;
        unreadable.path = (dataset + QStringLiteral("/test/good/2.png")).toStdString();
        unreadable.error = "cannot decode";
        unreadable.score = utad::kNaN;
        project.setResults({r, unreadable});
        project.setResultsModelStamp(QStringLiteral("stamp"));
        project.annotations()->setNote(QString::fromStdString(r.path), QStringLiteral("check the weld seam"));
        QSignalSpy saved(&project, &Project::saved);
        QString error;
        const QString file = dir.filePath(QStringLiteral("p.utadproj"));
        QVERIFY2(project.saveAs(file, &error), qPrintable(error));
        QCOMPARE(saved.count(), 1);
        QCOMPARE(project.dataDir(), dir.filePath(QStringLiteral("p_data")));

        Project loaded;
        QVERIFY2(loaded.load(file, &error), qPrintable(error));
        QCOMPARE(loaded.datasetPath(), dataset);
        QCOMPARE(loaded.modelPath(), dir.filePath(QStringLiteral("m.utad")));
        QCOMPARE(loaded.thresholds().image, 0.4);
        QCOMPARE(loaded.thresholds().minRegionArea, 12);
        QVERIFY(std::isnan(loaded.thresholds().uncertainHigh));
        QCOMPARE(loaded.results().size(), size_t(2));
        QCOMPARE(loaded.indexOf(QString::fromStdString(r.path)), 0);
        QCOMPARE(loaded.results()[0].score, 0.7);
        QCOMPARE(loaded.results()[0].label, utad::Label::Anomalous);
        QCOMPARE(loaded.results()[1].error, std::string("cannot decode"));
        QCOMPARE(loaded.resultsModelStamp(), QStringLiteral("stamp"));
        QCOMPARE(loaded.annotations()->annotation(QString::fromStdString(r.path)).note,
            QStringLiteral("check the weld seam"));
        QCOMPARE(loaded.decide(0.7), Decision::Defective);
        QCOMPARE(loaded.decide(0.1), Decision::Good);

        // Saved at once on every annotation edit.
        loaded.annotations()->setNote(QString::fromStdString(r.path), QStringLiteral("changed"));
        Project again;
        QVERIFY(again.load(file, &error));
        QCOMPARE(again.annotations()->annotation(QString::fromStdString(r.path)).note, QStringLiteral("changed"));

        // Threshold edits (a dragged slider) are written once they rest, and at the latest on close.
        QSignalSpy written(&loaded, &Project::saved);
        for (int i = 1; i <= 20; ++i) {
            Thresholds moving = loaded.thresholds();
            moving.image = 0.4 + i * 0.01;
            loaded.setThresholds(moving);
        }
        QTRY_COMPARE(written.count(), 1);
        QVERIFY(again.load(file, &error));
        QCOMPARE(again.thresholds().image, 0.6);
        {
            Project closing;
            QVERIFY(closing.load(file, &error));
            Thresholds last = closing.thresholds();
            last.pixel = 0.33;
            closing.setThresholds(last);
        }
        QVERIFY(again.load(file, &error));
        QCOMPARE(again.thresholds().pixel, 0.33);
    }

    void projectLoadRejectsBadFiles()
    {
        QTemporaryDir dir;
        Project project;
        QString error;
        QVERIFY(!project.load(dir.filePath(QStringLiteral("none.utadproj")), &error));
        QVERIFY(error.contains(QStringLiteral("none.utadproj")));
        const QString junk = dir.filePath(QStringLiteral("junk.utadproj"));
        QFile f(junk);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{ not json");
        f.close();
        QVERIFY(!project.load(junk, &error));
        QVERIFY(error.contains(junk));
        QVERIFY(project.filePath().isEmpty());
    }

    void preferencesPersist()
    {
        Preferences p;
        p.threads = 3;
        p.colorMap = QStringLiteral("MAGMA");
        p.defaultPreset = QStringLiteral("paper");
        p.save();
        const Preferences back = Preferences::load();
        QCOMPARE(back.threads, 3);
        QCOMPARE(back.colorMap, QStringLiteral("MAGMA"));
        QCOMPARE(back.defaultPreset, QStringLiteral("paper"));
        QSettings().clear();
        QCOMPARE(Preferences::load().threads, 0);
    }

    void uncertainBand()
    {
        Project project;
        Thresholds t;
        t.image = 0.5;
        t.uncertainHigh = 0.8;
        project.setThresholds(t);
        QCOMPARE(project.decide(0.4), Decision::Good);
        QCOMPARE(project.decide(0.6), Decision::Uncertain);
        QCOMPARE(project.decide(0.9), Decision::Defective);
    }

    // A header and its source are one unit; no chain of includes between units may come back
    // to where it started (the document, the window and the review tools know each other only
    // one way).
    void uiHasNoIncludeCycles()
    {
        const QDir root(QStringLiteral(UTAD_SOURCE_DIR));
        QHash<QString, QSet<QString>> uses;
        QDirIterator it(root.filePath(QStringLiteral("ui")), {QStringLiteral("*.h"), QStringLiteral("*.cpp")},
            QDir::Files, QDirIterator::Subdirectories);
        const QRegularExpression include(
            QStringLiteral("^#include \"(ui/[^\"]+)\\.h\""), QRegularExpression::MultilineOption);
        while (it.hasNext()) {
            const QString file = it.next();
            const QString unit = root.relativeFilePath(file).section(QLatin1Char('.'), 0, 0);
            QFile in(file);
            QVERIFY(in.open(QIODevice::ReadOnly));
            auto matches = include.globalMatch(QString::fromUtf8(in.readAll()));
            while (matches.hasNext()) {
                const QString used = matches.next().captured(1);
                if (used != unit)
                    uses[unit].insert(used);
            }
        }
        QVERIFY(uses.size() > 20);
        // Depth-first search; a unit met again while still on the path closes a cycle.
        QHash<QString, int> state;  // 1 on the path, 2 done
        QStringList path;
        std::function<QString(const QString&)> visit = [&](const QString& unit) -> QString {
            state[unit] = 1;
            path << unit;
            for (const QString& next : uses.value(unit)) {
                if (state.value(next) == 1)
                    return (path.mid(path.indexOf(next)) << next).join(QStringLiteral(" -> "));
                if (state.value(next) == 0) {
                    const QString cycle = visit(next);
                    if (!cycle.isEmpty())
                        return cycle;
                }
            }
            path.removeLast();
            state[unit] = 2;
            return {};
        };
        for (const QString& unit : uses.keys()) {
            const QString cycle = state.value(unit) == 0 ? visit(unit) : QString();
            QVERIFY2(cycle.isEmpty(), qPrintable(cycle));
        }
    }

    void imageListSortsAndFilters()
    {
        Project project;
        ImageListModel model(&project, nullptr);  // follows the document
        std::vector<utad::Sample> samples(4);
        const char* names[]
            = {"/d/test/good/a.png", "/d/test/crack/b.png", "/d/test/crack/c.png", "/d/test/good/d.png"};
        for (int i = 0; i < 4; ++i) {
            samples[size_t(i)].path = names[i];
            samples[size_t(i)].defectType = i == 1 || i == 2 ? "crack" : "good";
            samples[size_t(i)].label = i == 1 || i == 2 ? utad::Label::Anomalous : utad::Label::Good;
        }
        utad::Dataset dataset;
        dataset.root = "/d";
        dataset.test = samples;
        project.openDataset(dataset, QStringLiteral("/d"));
        Thresholds t;
        t.image = 0.5;
        project.setThresholds(t);
        QCOMPARE(model.rowCount(), 4);
        const double scores[] = {0.1, 0.9, 0.3, 0.7};
        std::vector<utad::ImageResult> results;
        for (int i = 0; i < 3; ++i) {  // d.png stays unscored
            utad::ImageResult r;
            r.path = names[i];
            r.score = scores[i];
            results.push_back(r);
        }
        project.setResults(results);
        QCOMPARE(model.defectTypes(), QStringList({QStringLiteral("crack"), QStringLiteral("good")}));

        ImageFilterProxy proxy(&project);
        proxy.setSourceModel(&model);
        proxy.sort(ImageListModel::ScoreColumn, Qt::DescendingOrder);
        auto pathAt = [&](int row) { return proxy.index(row, 0).data(ImageListModel::PathRole).toString(); };
        QCOMPARE(pathAt(0), QStringLiteral("/d/test/crack/b.png"));  // 0.9
        QCOMPARE(pathAt(3), QStringLiteral("/d/test/good/d.png"));  // unscored last

        proxy.setPredictionFilter(ImageFilterProxy::PredictionFilter::Defective);
        QCOMPARE(proxy.rowCount(), 1);
        // Moving the threshold changes predictions and so the filtered rows.
        t.image = 0.2;
        project.setThresholds(t);
        QCOMPARE(proxy.rowCount(), 2);
        proxy.setPredictionFilter(ImageFilterProxy::PredictionFilter::NotScored);
        QCOMPARE(proxy.rowCount(), 1);
        proxy.setPredictionFilter(ImageFilterProxy::PredictionFilter::All);

        proxy.setDefectType(QStringLiteral("crack"));
        QCOMPARE(proxy.rowCount(), 2);
        proxy.setLabelFilter(ImageFilterProxy::LabelFilter::Good);
        QCOMPARE(proxy.rowCount(), 0);
        proxy.setDefectType(QString());
        QCOMPARE(proxy.rowCount(), 2);
        proxy.setLabelFilter(ImageFilterProxy::LabelFilter::All);
        proxy.setText(QStringLiteral("c.png"));
        QCOMPARE(proxy.rowCount(), 1);
        proxy.setText(QString());

        QSet<QString> hidden{QStringLiteral("/d/test/good/a.png")};
        proxy.setExtraFilter([&hidden](const QString& path) { return !hidden.contains(path); });
        QCOMPARE(proxy.rowCount(), 3);
        hidden.clear();
        proxy.refilter();
        QCOMPARE(proxy.rowCount(), 4);
        proxy.setExtraFilter({});
        QCOMPARE(proxy.rowCount(), 4);
        QCOMPARE(proxy.index(0, ImageListModel::PredictionColumn).data().toString(), QStringLiteral("defective"));
    }
};

QTEST_MAIN(TestWorkbenchViews)
#include "test_workbench_views.moc"
