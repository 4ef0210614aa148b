// evaluate(), the JSON report and the panels, with a small untrained model on a dataset made here:
// what is checked is the bookkeeping (skips, masks, progress, cancel, files), not accuracy.
#include "tiny_model.h"
#include "utad/error.h"
#include "utad/evaluation.h"

#include <QtTest>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <cmath>
#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;
using namespace utad;

namespace {

cv::Mat texture(int w, int h, int seed)
{
    cv::Mat img(h, w, CV_8UC1);
    cv::RNG rng{std::uint64_t(seed) + 1};
    rng.fill(img, cv::RNG::UNIFORM, 90, 160);
    cv::GaussianBlur(img, img, cv::Size(5, 5), 1.5);
    return img;
}

// MVTec-style set: train/good (2), test/good (3, one corrupt), test/crack (3: two with masks of
// half the image size, one without a mask).
fs::path makeDataset(const fs::path& root)
{
    for (const char* d : {"train/good", "test/good", "test/crack", "ground_truth/crack"})
        fs::create_directories(root / d);
    for (int i = 0; i < 2; ++i)
        cv::imwrite((root / "train/good" / ("t" + std::to_string(i) + ".png")).string(), texture(80, 60, i));
    for (int i = 0; i < 2; ++i)
        cv::imwrite((root / "test/good" / ("00" + std::to_string(i) + ".png")).string(), texture(80, 60, 10 + i));
    std::ofstream(root / "test/good/002.png") << "not a png";
    for (int i = 0; i < 3; ++i) {
        cv::Mat img = texture(80, 60, 20 + i);
        cv::circle(img, cv::Point(30 + 5 * i, 30), 8, cv::Scalar(255), cv::FILLED);
        cv::imwrite((root / "test/crack" / ("00" + std::to_string(i) + ".png")).string(), img);
        if (i < 2) {
            cv::Mat mask(30, 40, CV_8UC1, cv::Scalar(0));
            cv::circle(mask, cv::Point((30 + 5 * i) / 2, 15), 4, cv::Scalar(255), cv::FILLED);
            cv::imwrite((root / "ground_truth/crack" / ("00" + std::to_string(i) + "_mask.png")).string(), mask);
        }
    }
    return root;
}

std::unique_ptr<Model> tinyModel()
{
    return Model::create(testing::tinyConfig());
}

} // namespace

class TestEvaluation : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void evaluateSkipsAndMeasures();
    void pixelMetricsUseMaskedImagesOnly();
    void cancelStopsEarly();
    void jsonReport();
    void panelsAndColours();

private:
    QTemporaryDir tmp_;
    Dataset data_;
    std::unique_ptr<Model> model_;
};

void TestEvaluation::initTestCase()
{
    QVERIFY(tmp_.isValid());
    data_ = openDataset(makeDataset(fs::path(tmp_.path().toStdString()) / "set").string());
    QCOMPARE(int(data_.test.size()), 6);
    model_ = tinyModel();
}

void TestEvaluation::evaluateSkipsAndMeasures()
{
    std::vector<std::pair<int, int>> progress;
    int imagesSeen = 0;
    EvalCallbacks cb;
    cb.onProgress = [&](int done, int total) { progress.emplace_back(done, total); };
    cb.onImage = [&](const Sample&, const Inference& inf) {
        ++imagesSeen;
        QVERIFY(!inf.anomalyMap.empty());
    };
    const EvalReport report = evaluate(*model_, data_, cb);
    QVERIFY(!report.cancelled);
    QCOMPARE(int(report.results.size()), 6);
    QCOMPARE(report.metrics.images, 5);
    QCOMPARE(report.metrics.skipped, 1);
    QCOMPARE(imagesSeen, 5);
    QVERIFY(!progress.empty());
    QCOMPARE(progress.back(), std::make_pair(6, 6));
    for (std::size_t i = 1; i < progress.size(); ++i)
        QVERIFY(progress[i].first > progress[i - 1].first);

    int errors = 0;
    std::vector<double> scores;
    std::vector<int> labels;
    for (const ImageResult& r : report.results) {
        if (!r.error.empty()) {
            ++errors;
            QVERIFY(r.path.find("002.png") != std::string::npos);
            QVERIFY(r.error.find(r.path) != std::string::npos);  // the message names the file
            QVERIFY(std::isnan(r.score));
            continue;
        }
        QVERIFY(std::isfinite(r.score));
        scores.push_back(r.score);
        labels.push_back(r.label == Label::Anomalous);
    }
    QCOMPARE(errors, 1);
    // The image metrics are those of the scored results.
    QCOMPARE(report.metrics.imageAuroc, auroc(scores, labels));
    QCOMPARE(report.metrics.f1.f1, f1Max(scores, labels).f1);
    QVERIFY(report.metrics.msPerImage > 0);
    QCOMPARE(report.method, std::string("utad"));
}

void TestEvaluation::pixelMetricsUseMaskedImagesOnly()
{
    // Expected: maps of the two readable good images (all-good pixels) and the two masked cracks,
    // masks resized to the map size; the crack without a mask is left out.
    std::vector<cv::Mat> maps, masks;
    for (const Sample& s : data_.test) {
        if (s.path.find("002.png") != std::string::npos && s.label == Label::Good)
            continue;  // the corrupt one
        if (s.label == Label::Anomalous && s.maskPath.empty())
            continue;
        const Inference inf = model_->infer(readImage(s));
        maps.push_back(inf.anomalyMap);
        masks.push_back(readMask(s, inf.anomalyMap.size()));
        QCOMPARE(inf.anomalyMap.size(), cv::Size(80, 60));
    }
    QCOMPARE(int(maps.size()), 4);
    const EvalReport report = evaluate(*model_, data_);
    QVERIFY(std::isfinite(report.metrics.pixelAuroc));
    // Batched and single inference differ in the last float digits, hence the tolerance.
    const double expected = pixelAuroc(maps, masks);
    QVERIFY2(std::abs(report.metrics.pixelAuroc - expected) < 1e-4,
             qPrintable(QString("%1 vs %2").arg(report.metrics.pixelAuroc).arg(expected)));
    QVERIFY(std::abs(report.metrics.aupro - aupro(maps, masks)) < 1e-4);
    // Counting the unmasked crack as good pixels would give a clearly different value.
    const Sample& unmasked = data_.test.back();
    QVERIFY(unmasked.label == Label::Anomalous && unmasked.maskPath.empty());
    maps.push_back(model_->infer(readImage(unmasked)).anomalyMap);
    masks.push_back(cv::Mat());
    QVERIFY(std::abs(report.metrics.pixelAuroc - pixelAuroc(maps, masks)) > 1e-3);

    // Without masks at all there are no pixel metrics.
    Dataset noMasks = data_;
    for (Sample& s : noMasks.test)
        s.maskPath.clear();
    const EvalReport plain = evaluate(*model_, noMasks);
    QVERIFY(std::isnan(plain.metrics.pixelAuroc));
    QVERIFY(std::isnan(plain.metrics.aupro));
    QVERIFY(std::isfinite(plain.metrics.imageAuroc));
}

void TestEvaluation::cancelStopsEarly()
{
    Dataset many = data_;
    for (int i = 0; i < 3; ++i)
        many.test.insert(many.test.end(), data_.test.begin(), data_.test.end());  // 24 images, 3 batches
    int calls = 0;
    EvalCallbacks cb;
    cb.onProgress = [&](int, int) { ++calls; };
    cb.isCancelled = [&] { return calls >= 1; };
    const EvalReport report = evaluate(*model_, many, cb);
    QVERIFY(report.cancelled);
    QCOMPARE(calls, 1);
    QVERIFY(report.results.size() < many.test.size());
    QVERIFY(!report.results.empty());
}

void TestEvaluation::jsonReport()
{
    const EvalReport report = evaluate(*model_, data_);
    const fs::path dir = fs::path(tmp_.path().toStdString()) / "json";
    const std::string path = (dir / "report.json").string();
    writeEvalJson(report, path);
    writeEvalJson(report, path);  // replacing an existing report works too
    QCOMPARE(int(std::distance(fs::directory_iterator(dir), fs::directory_iterator())), 1);  // no temp file left

    QFile f(QString::fromStdString(path));
    QVERIFY(f.open(QIODevice::ReadOnly));
    QJsonParseError err;
    const QJsonObject o = QJsonDocument::fromJson(f.readAll(), &err).object();
    QCOMPARE(err.error, QJsonParseError::NoError);
    QCOMPARE(o.value("image_auroc").toDouble(), report.metrics.imageAuroc);
    QCOMPARE(o.value("pixel_auroc").toDouble(), report.metrics.pixelAuroc);
    QCOMPARE(o.value("f1_max").toDouble(), report.metrics.f1.f1);
    QCOMPARE(o.value("f1_threshold").toDouble(), report.metrics.f1.threshold);
    QVERIFY(o.value("ms_per_image").toDouble() > 0);
    QVERIFY(o.contains("proposed_threshold"));
    const QJsonArray images = o.value("images").toArray();
    QCOMPARE(images.size(), 6);
    int withError = 0;
    for (const auto& v : images) {
        const QJsonObject img = v.toObject();
        for (const char* key : {"path", "label", "defect_type", "score"})
            QVERIFY2(img.contains(key), key);
        if (img.contains("error")) {
            ++withError;
            QVERIFY(img.value("score").isNull());
        }
    }
    QCOMPARE(withError, 1);

    // A folder that cannot be created: a clear error naming the path.
    const std::string blocked = (fs::path(tmp_.path().toStdString()) / "set/test/good/000.png/r.json").string();
    try {
        writeEvalJson(report, blocked);
        QFAIL("no error");
    } catch (const Error& e) {
        QVERIFY(std::string(e.what()).find(blocked) != std::string::npos);
    }
}

void TestEvaluation::panelsAndColours()
{
    const cv::Mat grey(2, 2, CV_32FC1, cv::Scalar(0.5));
    const cv::Mat bgr = toBgr8(grey);
    QCOMPARE(bgr.type(), CV_8UC3);
    QCOMPARE(bgr.at<cv::Vec3b>(1, 1), cv::Vec3b(128, 128, 128));
    QCOMPARE(toBgr8(cv::Mat(1, 1, CV_32FC1, cv::Scalar(1.7))).at<cv::Vec3b>(0, 0), cv::Vec3b(255, 255, 255));

    cv::Mat map(1, 3, CV_32FC1);
    map.at<float>(0, 0) = 0;
    map.at<float>(0, 1) = 0.5f;
    map.at<float>(0, 2) = 4;  // beyond the scale: as hot as the maximum
    const cv::Mat heat = heatmapBgr(map, 1.0);
    QCOMPARE(heat.type(), CV_8UC3);
    const cv::Vec3b cold = heat.at<cv::Vec3b>(0, 0), hot = heat.at<cv::Vec3b>(0, 2);
    QVERIFY(cold[0] > cold[2]);  // blue
    QVERIFY(hot[2] > hot[0]);    // red

    Sample idx;
    idx.path = "idx:/data/t10k-images-idx3-ubyte.gz#12";
    idx.defectType = "T-shirt/top";
    QCOMPARE(panelStem(idx), std::string("T-shirt-top_12"));
    Sample labelled;
    labelled.path = "/x/test/crack/000.png";
    labelled.defectType = "crack";
    QCOMPARE(panelStem(labelled), std::string("crack_000"));
    Sample plain;
    plain.path = "/x/4-+16.png";
    QCOMPARE(panelStem(plain), std::string("4-+16"));

    const Sample& s = data_.test.back();
    const Inference inf = model_->infer(readImage(s));
    const fs::path dir = fs::path(tmp_.path().toStdString()) / "panels";
    writePanels(s, inf, dir.string(), 0);
    for (const char* panel : kPanelNames) {
        const fs::path p = dir / (panelStem(s) + "_" + panel + ".png");
        const cv::Mat img = cv::imread(p.string());
        QVERIFY2(!img.empty(), p.c_str());
        QCOMPARE(img.size(), inf.input.size());  // the working resolution
    }
}

QTEST_GUILESS_MAIN(TestEvaluation)
#include "test_evaluation.moc"
