// evaluate(), the JSON report and the panels, with a small untrained model on a dataset made here:
// what is checked is the bookkeeping (skips, masks, progress, cancel, files), not accuracy.
#include "utad/error.h"
#include "utad/evaluation.h"

#include "tiny_model.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

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

std::unique_ptr<Model> tinyModel() { return Model::create(testing::tinyConfig()); }

}  // namespace

class TestEvaluation : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void evaluateSkipsAndMeasures();
    void pixelMetricsUseMaskedImagesOnly();
    void cancelStopsEarly();
    void jsonReport();
    void panelsAndColours();
    void shardSplit();
    void shardsMergeLikeOneRun();
    void mergeRefusesMismatchedShards();
    void badImagesWarnOrSkip();
    void fidelityOnGoodImages();
    void figuresPerDefectType();
    void proposedThresholdRule();

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
    // The streamed figures are the exact ones within their binning bounds.
    const double expected = pixelAuroc(maps, masks);
    QVERIFY2(std::abs(report.metrics.pixelAuroc - expected) <= report.metrics.pixelAurocMaxError + 1e-12,
        qPrintable(QString("%1 vs %2").arg(report.metrics.pixelAuroc).arg(expected)));
    QVERIFY(std::abs(report.metrics.aupro - aupro(maps, masks)) <= report.metrics.auproMaxError + 1e-9);
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
    QVERIFY(hot[2] > hot[0]);  // red

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

void TestEvaluation::shardSplit()
{
    QCOMPARE(parseShard("2/4").index, 2);
    QCOMPARE(parseShard("2/4").count, 4);
    QCOMPARE(parseShard("1/1").count, 1);
    for (const char* bad : {"0/4", "5/4", "4", "a/b", "1/0", "2/4x", "-1/4", "/4", ""}) {
        try {
            parseShard(bad);
            QFAIL(bad);
        } catch (const Error& e) {
            QVERIFY2(std::string(e.what()).find("K/N") != std::string::npos, e.what());
        }
    }

    // The key is the path inside the dataset, so the same dataset elsewhere splits the same way.
    QCOMPARE(shardKey("/data/weld/test/good/000.png", "/data/weld"), std::string("test/good/000.png"));
    QCOMPARE(shardKey("/data/weld/test/good/000.png", "/data/weld/"), std::string("test/good/000.png"));
    QCOMPARE(shardKey("/elsewhere/x.png", "/data/weld"), std::string("/elsewhere/x.png"));
    QCOMPARE(shardKey("idx:/usr/share/fm/t10k-images-idx3-ubyte.gz#17", "/usr/share/fm"),
        std::string("t10k-images-idx3-ubyte.gz#17"));

    // Every image of the sample lands in exactly one of 4 shards, each holding a fair part.
    const Dataset sample = openDataset(UTAD_SAMPLE_DIR);
    std::vector<int> sizes(4, 0);
    for (const Sample& s : sample.test) {
        const std::string key = shardKey(s.path, sample.root);
        QCOMPARE(shardKey("/moved/copy/" + key, "/moved/copy"), key);
        int owners = 0;
        for (int k = 1; k <= 4; ++k)
            if (inShard(key, {k, 4})) {
                ++owners;
                ++sizes[std::size_t(k - 1)];
            }
        QCOMPARE(owners, 1);
        QVERIFY(inShard(key, {1, 1}));
    }
    for (int n : sizes)
        QVERIFY2(n >= 16 && n <= 48, qPrintable(QString::number(n)));  // 128 / 4 = 32 expected
}

void TestEvaluation::shardsMergeLikeOneRun()
{
    const EvalReport whole = evaluate(*model_, data_);
    const fs::path dir = fs::path(tmp_.path().toStdString()) / "shards";
    std::vector<EvalReport> shards;
    int scored = 0;
    for (int k : {3, 1, 2}) {  // any order
        int calls = 0;
        EvalCallbacks cb;
        cb.onImage = [&](const Sample&, const Inference&) { ++calls; };
        const EvalReport part = evaluate(*model_, data_, cb, {k, 3});
        QCOMPARE(part.shard.index, k);
        QCOMPARE(part.datasetImages, 6);
        QCOMPARE(int(part.results.size()), part.metrics.images + part.metrics.skipped);
        QCOMPARE(calls, part.metrics.images);
        scored += int(part.results.size());
        const std::string path = (dir / ("part-" + std::to_string(k) + ".json")).string();
        writeEvalJson(part, path);
        shards.push_back(readShardJson(path));
        QCOMPARE(int(shards.back().results.size()), int(part.results.size()));
        QCOMPARE(shards.back().pixels.goodPixels(), part.pixels.goodPixels());
    }
    QCOMPARE(scored, 6);  // a partition

    const EvalReport merged = mergeShards(shards);
    QCOMPARE(int(merged.results.size()), int(whole.results.size()));
    for (std::size_t i = 0; i < whole.results.size(); ++i) {
        const ImageResult &a = merged.results[i], &b = whole.results[i];
        QCOMPARE(a.path, b.path);  // the order of the whole run
        QCOMPARE(a.error.empty(), b.error.empty());
        QCOMPARE(a.label, b.label);
        if (a.error.empty())
            QCOMPARE(a.score, b.score);  // exactly: each image is scored on its own
    }
    QCOMPARE(merged.metrics.images, whole.metrics.images);
    QCOMPARE(merged.metrics.skipped, whole.metrics.skipped);
    QCOMPARE(merged.metrics.imageAuroc, whole.metrics.imageAuroc);
    QCOMPARE(merged.metrics.f1.f1, whole.metrics.f1.f1);
    QCOMPARE(merged.pixels.goodPixels(), whole.pixels.goodPixels());
    QCOMPARE(merged.pixels.defectPixels(), whole.pixels.defectPixels());
    QCOMPARE(merged.pixels.regions(), whole.pixels.regions());
    // The same maps in the same histograms: the pixel figures are the whole run's too.
    QVERIFY(merged.pixels.goodHistogram() == whole.pixels.goodHistogram());
    QVERIFY(merged.pixels.overlapHistogram() == whole.pixels.overlapHistogram());
    QCOMPARE(merged.metrics.pixelAuroc, whole.metrics.pixelAuroc);
    QCOMPARE(merged.metrics.aupro, whole.metrics.aupro);
    QCOMPARE(merged.proposedThreshold, whole.proposedThreshold);
    QCOMPARE(int(merged.metrics.byDefectType.size()), 1);
    QCOMPARE(merged.metrics.byDefectType[0].imageAuroc, whole.metrics.byDefectType[0].imageAuroc);
    // With one kind of defect its pixels and the good images' are all the pixels, so its pixel
    // figures are the overall ones, in the whole run and merged from the shard files.
    QVERIFY(std::isfinite(whole.metrics.byDefectType[0].pixelAuroc));
    QCOMPARE(whole.metrics.byDefectType[0].pixelAuroc, whole.metrics.pixelAuroc);
    QCOMPARE(whole.metrics.byDefectType[0].aupro, whole.metrics.aupro);
    QCOMPARE(merged.metrics.byDefectType[0].pixelAuroc, whole.metrics.pixelAuroc);
    QCOMPARE(merged.metrics.byDefectType[0].aupro, whole.metrics.aupro);
    {
        // A shard of the previous version has no pixels by kind: merged with it, the overall figures
        // stay and the kinds' pixel figures are left out rather than taken from some of the pixels.
        const std::string oldPath = (dir / "old.json").string();
        nlohmann::json j = nlohmann::json::parse(std::ifstream(dir / "part-3.json"));  // shards[0]
        j["shard"].erase("pixel_histograms_by_type");
        j["shard"]["version"] = 1;
        std::ofstream(oldPath) << j.dump();
        std::vector<EvalReport> mixed = shards;
        mixed[0] = readShardJson(oldPath);
        QVERIFY(!mixed[0].pixelsByTypeKept);
        const EvalReport withOld = mergeShards(mixed);
        QCOMPARE(withOld.metrics.pixelAuroc, whole.metrics.pixelAuroc);
        QVERIFY(std::isnan(withOld.metrics.byDefectType[0].pixelAuroc));
    }

    // The merged report is written like a single run's: the same keys, no shard data.
    const std::string mergedPath = (dir / "merged.json").string(), wholePath = (dir / "whole.json").string();
    writeEvalJson(merged, mergedPath);
    writeEvalJson(whole, wholePath);
    const auto keys = [](const std::string& path) {
        QFile f(QString::fromStdString(path));
        f.open(QIODevice::ReadOnly);
        return QJsonDocument::fromJson(f.readAll()).object().keys();
    };
    QCOMPARE(keys(mergedPath), keys(wholePath));
    QVERIFY(!keys(mergedPath).contains("shard"));
}

void TestEvaluation::mergeRefusesMismatchedShards()
{
    std::vector<EvalReport> shards;
    for (int k = 1; k <= 3; ++k)
        shards.push_back(evaluate(*model_, data_, {}, {k, 3}));
    const auto expectError = [](const std::vector<EvalReport>& parts, const std::string& needle) {
        try {
            mergeShards(parts);
        } catch (const Error& e) {
            QVERIFY2(std::string(e.what()).find(needle) != std::string::npos, e.what());
            return;
        }
        QFAIL(needle.c_str());
    };
    expectError({shards[0], shards[2]}, "Missing shard 2/3");
    expectError({shards[0], shards[1], shards[1], shards[2]}, "given twice");
    EvalReport other = evaluate(*model_, data_, {}, {1, 2});
    expectError({shards[0], other}, "split into");
    EvalReport otherModel = shards[1];
    otherModel.method = "ae";
    expectError({shards[0], otherModel, shards[2]}, "different models");

    // Files that are not shards, or damaged ones, are refused naming the file.
    const fs::path dir = fs::path(tmp_.path().toStdString()) / "notshards";
    fs::create_directories(dir);
    const std::string plain = (dir / "plain.json").string(), cut = (dir / "cut.json").string();
    writeEvalJson(evaluate(*model_, data_), plain);
    for (const std::string& path : {plain, cut, (dir / "absent.json").string()}) {
        if (path == cut) {
            writeEvalJson(shards[0], cut);
            const auto size = fs::file_size(cut);
            fs::resize_file(cut, size / 2);
        }
        try {
            readShardJson(path);
            QFAIL(path.c_str());
        } catch (const Error& e) {
            QVERIFY2(std::string(e.what()).find(path) != std::string::npos, e.what());
        }
    }
}

void TestEvaluation::badImagesWarnOrSkip()
{
    // A 1x1 frame is skipped with the reason; a blank frame is scored with a warning; a mask of
    // another size than its image is stretched to it, with a warning.
    const fs::path root = fs::path(tmp_.path().toStdString()) / "bad";
    for (const char* d : {"train/good", "test/good", "test/crack", "ground_truth/crack"})
        fs::create_directories(root / d);
    cv::imwrite((root / "train/good/t.png").string(), texture(80, 60, 1));
    cv::imwrite((root / "test/good/ok.png").string(), texture(80, 60, 2));
    cv::imwrite((root / "test/good/dot.png").string(), cv::Mat(1, 1, CV_8UC1, cv::Scalar(128)));
    cv::imwrite((root / "test/good/grey.png").string(), cv::Mat(60, 80, CV_8UC1, cv::Scalar(128)));
    cv::imwrite((root / "test/crack/c.png").string(), texture(80, 60, 3));
    cv::imwrite((root / "ground_truth/crack/c_mask.png").string(), cv::Mat(60, 60, CV_8UC1, cv::Scalar(255)));
    const Dataset ds = openDataset(root.string());
    const EvalReport report = evaluate(*model_, ds);
    QCOMPARE(report.metrics.images, 3);
    QCOMPARE(report.metrics.skipped, 1);
    const auto warned = [&](const std::string& file, const std::string& what) {
        return std::any_of(report.warnings.begin(), report.warnings.end(), [&](const std::string& w) {
            return w.find(file) != std::string::npos && w.find(what) != std::string::npos;
        });
    };
    for (const ImageResult& r : report.results)
        if (r.path.find("dot.png") != std::string::npos)
            QVERIFY2(r.error.find("too small") != std::string::npos && r.error.find(r.path) != std::string::npos,
                r.error.c_str());
        else
            QVERIFY(r.error.empty());
    QVERIFY(warned("grey.png", "blank"));
    QVERIFY(warned("c_mask.png", "is 60x60 but its image"));
    QVERIFY(warned("c_mask.png", "stretched"));
    QCOMPARE(report.pixels.images(), std::uint64_t(3));  // the stretched mask still counts
}

void TestEvaluation::fidelityOnGoodImages()
{
    // Over the readable good test images: mean SSIM of the input with the reconstruction and with
    // the impression, and on how many the reconstruction is the closer one.
    const EvalReport report = evaluate(*model_, data_);
    const Fidelity& f = report.metrics.fidelity;
    double sumRecon = 0, sumImpression = 0;
    int good = 0, closer = 0;
    for (const Sample& s : data_.test) {
        if (s.label != Label::Good || s.path.find("002.png") != std::string::npos)
            continue;
        const Inference inf = model_->infer(readImage(s));
        const double recon = meanSsim(inf.input, inf.reconstruction), impression = meanSsim(inf.input, inf.impression);
        sumRecon += recon;
        sumImpression += impression;
        closer += recon > impression;
        ++good;
    }
    QCOMPARE(good, 2);
    QCOMPARE(f.images, 2);
    QCOMPARE(f.reconstructionCloser, closer);
    QVERIFY(std::abs(f.meanReconstruction() - sumRecon / good) < 1e-9);
    QVERIFY(std::abs(f.meanImpression() - sumImpression / good) < 1e-9);
    QVERIFY(f.meanReconstruction() >= -1 && f.meanReconstruction() <= 1);

    // In the report, and the same for the autoencoder, whose two outputs are one reconstruction.
    const std::string path = (fs::path(tmp_.path().toStdString()) / "fidelity.json").string();
    writeEvalJson(report, path);
    QFile file(QString::fromStdString(path));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject o = QJsonDocument::fromJson(file.readAll()).object().value("fidelity").toObject();
    QCOMPARE(o.value("good_images").toInt(), 2);
    QCOMPARE(o.value("ssim_input_reconstruction").toDouble(), f.meanReconstruction());
    QCOMPARE(o.value("ssim_input_impression").toDouble(), f.meanImpression());
    QCOMPARE(o.value("reconstruction_closer").toInt(), closer);
    const auto ae = Model::create(testing::tinyConfig(Method::Autoencoder));
    const Fidelity fa = evaluate(*ae, data_).metrics.fidelity;
    QCOMPARE(fa.images, 2);
    QCOMPARE(fa.meanReconstruction(), fa.meanImpression());
    QCOMPARE(fa.reconstructionCloser, 0);

    // Shards add up to exactly the whole run's sums.
    Fidelity merged;
    for (int k = 1; k <= 3; ++k)
        merged.add(evaluate(*model_, data_, {}, {k, 3}).metrics.fidelity);
    QCOMPARE(merged.sumReconstruction, f.sumReconstruction);
    QCOMPARE(merged.sumImpression, f.sumImpression);
}

void TestEvaluation::figuresPerDefectType()
{
    // Four good images, two kinds of defect: cracks all above every good image, holes half among
    // them; an unreadable hole and an unlabelled image count nowhere.
    EvalReport report;
    auto add = [&](Label label, const std::string& type, double score, const std::string& error = "") {
        ImageResult r;
        r.label = label;
        r.defectType = type;
        r.score = score;
        r.error = error;
        report.results.push_back(r);
    };
    for (double v : {0.1, 0.2, 0.3, 0.4})
        add(Label::Good, "good", v);
    add(Label::Anomalous, "hole", 0.15);
    add(Label::Anomalous, "crack", 0.5);
    add(Label::Anomalous, "hole", 0.35);
    add(Label::Anomalous, "crack", 0.6);
    add(Label::Anomalous, "hole", kNaN, "unreadable");
    add(Label::Unknown, "", 0.9);
    // Pixels: a good image at 0.2 everywhere; a crack marked at 0.9 on a ground of 0.1, above every
    // good pixel; a hole left at 0.1 on a ground of 0.3, below every good pixel.
    const cv::Mat empty, goodMap(4, 4, CV_32F, cv::Scalar(0.2f));
    cv::Mat crackMap(4, 4, CV_32F, cv::Scalar(0.1f)), holeMap(4, 4, CV_32F, cv::Scalar(0.3f));
    cv::Mat spot(4, 4, CV_8U, cv::Scalar(0));
    spot(cv::Rect(1, 1, 2, 1)).setTo(255);
    crackMap.setTo(0.9f, spot);
    holeMap.setTo(0.1f, spot);
    report.pixelsByType[kGoodPixels].add(goodMap, empty);
    report.pixelsByType["crack"].add(crackMap, spot);
    report.pixelsByType["hole"].add(holeMap, spot);
    finishMetrics(report);

    const auto& types = report.metrics.byDefectType;
    QCOMPARE(int(types.size()), 2);
    QCOMPARE(types[0].type, std::string("crack"));  // sorted by name
    QCOMPARE(types[0].images, 2);
    QCOMPARE(types[0].imageAuroc, 1.0);
    QCOMPARE(types[1].type, std::string("hole"));
    QCOMPARE(types[1].images, 2);
    QCOMPARE(types[1].imageAuroc, 0.5);  // 0.15 beats one good image of four, 0.35 three
    // Found at the whole set's F1-max threshold: 0.35 (F1 0.75), so one hole of two.
    QCOMPARE(report.metrics.f1.threshold, 0.35);
    QCOMPARE(types[0].foundAtF1, 2);
    QCOMPARE(types[1].foundAtF1, 1);
    QCOMPARE(types[0].pixelAuroc, 1.0);
    QCOMPARE(types[0].aupro, 1.0);
    QCOMPARE(types[1].pixelAuroc, 0.0);
    QCOMPARE(types[1].aupro, 0.0);

    const std::string path = (fs::path(tmp_.path().toStdString()) / "types.json").string();
    writeEvalJson(report, path);
    QFile f(QString::fromStdString(path));
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QJsonArray json = QJsonDocument::fromJson(f.readAll()).object().value("by_defect_type").toArray();
    QCOMPARE(json.size(), 2);
    QCOMPARE(json[1].toObject().value("type").toString(), QString("hole"));
    QCOMPARE(json[1].toObject().value("image_auroc").toDouble(), 0.5);
    QCOMPARE(json[1].toObject().value("found_at_f1_threshold").toInt(), 1);
    QCOMPARE(json[0].toObject().value("pixel_auroc").toDouble(), 1.0);
    QCOMPARE(json[1].toObject().value("aupro").toDouble(), 0.0);

    // Scores read back without their pixels (a reopened project) have no pixel figures per kind.
    report.pixelsByType.clear();
    finishMetrics(report);
    QVERIFY(std::isnan(report.metrics.byDefectType[0].pixelAuroc));
}

void TestEvaluation::proposedThresholdRule()
{
    // Seven held-back good images, one scoring above every painted defect (as on the welds): the
    // 99th percentile sits above every defect; the balance between the two sets does not.
    Calibration c;
    c.goodScores = {0.18, 0.97, 0.44, 0.81, 0.58, 1.67, 0.37};
    c.maxPixel = 1.64;
    QVERIFY(!proposedFromPaintedDefects(c));
    QCOMPARE(proposedThreshold(c), thresholdForFpr(c.goodScores, kProposedFpr));
    QVERIFY(proposedThreshold(c) > 1.6);
    QCOMPARE(proposedPixelThreshold(c), c.maxPixel);
    c.paintedScores = {0.93, 0.77, 1.17, 1.0, 0.79, 1.18, 0.65, 1.16, 1.07, 0.70, 1.36};
    QVERIFY(proposedFromPaintedDefects(c));
    const double t = proposedThreshold(c);
    QCOMPARE(t, balancedThreshold(c.goodScores, c.paintedScores, kFalseAlarmWeight));
    QVERIFY2(t > 0.6 && t < 1.0, qPrintable(QString::number(t)));
    QCOMPARE(proposedPixelThreshold(c), t);  // outlines where the map reaches what flags an image
    // Painted defects that score like the good images: back to the percentile.
    c.paintedScores = {0.1, 0.15};
    QVERIFY(!proposedFromPaintedDefects(c));
    QCOMPARE(proposedThreshold(c), thresholdForFpr(c.goodScores, kProposedFpr));
    QCOMPARE(proposedPixelThreshold(c), c.maxPixel);
}

QTEST_GUILESS_MAIN(TestEvaluation)
#include "test_evaluation.moc"
