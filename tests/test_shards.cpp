// `utad eval/infer --shard K/N` and `utad merge`, run as separate processes with a tiny model on a
// small copy of the sample: the merged report is the one a single run writes. Also the warnings
// about images the detector cannot judge.
#include "cli_runner.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

namespace {

QStringList readLines(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(f.readAll()).split('\n', Qt::SkipEmptyParts);
}

const QString kSample = QStringLiteral(UTAD_SAMPLE_DIR);
// Trained by the shard_model test (or here, when this suite runs alone).
const QString kModel = QStringLiteral(UTAD_SHARD_MODEL);

}  // namespace

class TestShards : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void evalShardsMergeLikeOneRun();
    void mergeRefusesIncompleteSplits();
    void inferShards();
    void badImagesAreReported();

private:
    QTemporaryDir work_;
    QString data_;  // 8 good and 12 defective test images of the sample, with their masks
};

void TestShards::initTestCase()
{
    QVERIFY(work_.isValid());
    if (!QFile::exists(kModel)) {
        const Run r
            = runUtad(QStringList{"train", "--data", kSample, "--out", kModel} + QString(UTAD_TINY_TRAIN).split(' '));
        CHECK_EXIT(r, 0);
    }
    data_ = work_.filePath("data");
    const struct {
        QString from, to;
        int count;
    } parts[] = {{"test/good", "test/good", 8}, {"test/defective", "test/defective", 12}};
    for (const auto& part : parts) {
        QVERIFY(QDir().mkpath(data_ + "/" + part.to));
        const QStringList files = QDir(kSample + "/" + part.from).entryList({"*.png"}, QDir::Files, QDir::Name);
        QVERIFY(files.size() >= part.count);
        for (int i = 0; i < part.count; ++i) {
            QVERIFY(QFile::copy(kSample + "/" + part.from + "/" + files[i], data_ + "/" + part.to + "/" + files[i]));
            const QString mask = kSample + "/ground_truth/defective/" + files[i];
            if (part.to == "test/defective" && QFile::exists(mask)) {
                QVERIFY(QDir().mkpath(data_ + "/ground_truth/defective"));
                QVERIFY(QFile::copy(mask, data_ + "/ground_truth/defective/" + files[i]));
            }
        }
    }
}

void TestShards::evalShardsMergeLikeOneRun()
{
    const QString single = work_.filePath("single.json");
    Run r = runUtad({"eval", "--data", data_, "--model", kModel, "--threads", "1", "--json", single});
    CHECK_EXIT(r, 0);
    QVERIFY2(r.out.contains("images/s"), qPrintable(r.out));

    QStringList shardFiles;
    int scored = 0;
    for (int k = 1; k <= 3; ++k) {
        const QString file = work_.filePath(QString("shards/eval-%1.json").arg(k));
        r = runUtad({"eval", "--data", data_, "--model", kModel, "--threads", "1", "--shard", QString("%1/3").arg(k),
            "--json", file});
        CHECK_EXIT(r, 0);
        QVERIFY2(r.out.contains(QString("shard %1/3 of 20 test images").arg(k)), qPrintable(r.out));
        scored += readJson(file).value("image_count").toInt();
        shardFiles << file;
    }
    QCOMPARE(scored, 20);  // every image in exactly one shard

    const QString merged = work_.filePath("merged.json");
    r = runUtad(QStringList{"merge", "--out", merged} + shardFiles);
    CHECK_EXIT(r, 0);
    QVERIFY2(r.out.contains("Merged 3 shards: 20 images"), qPrintable(r.out));

    // The same report as the single run, timings aside.
    QJsonObject a = readJson(single), b = readJson(merged);
    QVERIFY(!a.isEmpty() && !b.isEmpty());
    for (const char* timing : {"ms_per_image", "images_per_second"}) {
        QVERIFY(b.value(timing).toDouble() > 0);
        a.remove(timing);
        b.remove(timing);
    }
    QCOMPARE(b.keys(), a.keys());
    for (const QString& key : a.keys())
        QVERIFY2(a.value(key) == b.value(key),
            qPrintable(
                key + ": " + QJsonDocument(QJsonObject{{"single", a.value(key)}, {"merged", b.value(key)}}).toJson()));
    QVERIFY(a.value("image_auroc").isDouble());
    QVERIFY(a.value("pixel_auroc").isDouble());
    QVERIFY(a.value("aupro_max_error").toDouble() < 0.01);
}

void TestShards::mergeRefusesIncompleteSplits()
{
    const QString first = work_.filePath("shards/eval-1.json"), third = work_.filePath("shards/eval-3.json");
    if (!QFile::exists(first))
        QSKIP("needs the shards of evalShardsMergeLikeOneRun");
    Run r = runUtad({"merge", "--out", work_.filePath("partial.json"), first, third});
    CHECK_EXIT(r, 1);
    QVERIFY2(r.err.contains("Missing shard 2/3"), qPrintable(describe(r)));
    QVERIFY(!QFile::exists(work_.filePath("partial.json")));
    r = runUtad({"merge", "--out", work_.filePath("twice.json"), first, first, third});
    CHECK_EXIT(r, 1);
    QVERIFY2(r.err.contains("given twice"), qPrintable(describe(r)));
    r = runUtad({"merge", "--out", work_.filePath("x.json"), work_.filePath("single.json")});
    CHECK_EXIT(r, 1);
    QVERIFY2(r.err.contains("is not a shard file"), qPrintable(describe(r)));

    // Wrong usage.
    const struct {
        QStringList args;
        const char* message;
    } cases[] = {
        {{"eval", "--data", data_, "--model", kModel, "--shard", "1/3"}, "--shard needs --json"},
        {{"eval", "--data", data_, "--model", kModel, "--shard", "4/3", "--json", "x.json"}, "K/N"},
        {{"infer", "--model", kModel, "--shard", "two", data_}, "K/N"},
        {{"merge", first}, "missing required option --out"},
        {{"merge", "--out", "x.json"}, "no SHARD given"},
    };
    for (const auto& c : cases) {
        r = runUtad(c.args);
        QVERIFY2(r.exitCode == 2 && r.err.contains(c.message), qPrintable(c.args.join(' ') + "\n" + describe(r)));
    }
}

void TestShards::inferShards()
{
    const QString images = data_ + "/test/defective";
    const QString single = work_.filePath("infer-single"), split = work_.filePath("infer-split");
    Run r = runUtad({"infer", "--model", kModel, "--threads", "1", "--out", single, images});
    CHECK_EXIT(r, 0);
    for (int k = 1; k <= 2; ++k) {
        r = runUtad(
            {"infer", "--model", kModel, "--threads", "1", "--shard", QString("%1/2").arg(k), "--out", split, images});
        CHECK_EXIT(r, 0);
        QVERIFY(readLines(split + QString("/scores.shard-%1-of-2.csv").arg(k)).value(0) == "index,path,score,flagged");
    }
    QVERIFY(!QFile::exists(split + "/scores.csv"));
    r = runUtad({"merge", "--out", split + "/scores.csv", split + "/scores.shard-2-of-2.csv",
        split + "/scores.shard-1-of-2.csv"});
    CHECK_EXIT(r, 0);
    const QStringList a = readLines(single + "/scores.csv"), b = readLines(split + "/scores.csv");
    QCOMPARE(a.size(), 13);  // header and 12 images
    QCOMPARE(b, a);
    // The same panels, named the same.
    QCOMPARE(QDir(split).entryList({"*.png"}, QDir::Files, QDir::Name),
        QDir(single).entryList({"*.png"}, QDir::Files, QDir::Name));
}

void TestShards::badImagesAreReported()
{
    // A 1x1 frame (skipped, with the reason), a blank frame and a mask of another size (warnings),
    // each naming the file, on the terminal and in the report.
    const QString root = work_.filePath("bad");
    for (const char* d : {"test/good", "test/defective", "ground_truth/defective"})
        QVERIFY(QDir().mkpath(root + "/" + d));
    const QStringList good = QDir(data_ + "/test/good").entryList({"*.png"}, QDir::Files, QDir::Name);
    QVERIFY(QFile::copy(data_ + "/test/good/" + good[0], root + "/test/good/" + good[0]));
    QVERIFY(cv::imwrite((root + "/test/good/dot.png").toStdString(), cv::Mat(1, 1, CV_8UC1, cv::Scalar(90))));
    QVERIFY(cv::imwrite((root + "/test/good/grey.png").toStdString(), cv::Mat(256, 400, CV_8UC1, cv::Scalar(90))));
    const QString defect
        = QDir(data_ + "/ground_truth/defective").entryList({"*.png"}, QDir::Files, QDir::Name).value(0);
    QVERIFY(!defect.isEmpty());
    QVERIFY(QFile::copy(data_ + "/test/defective/" + defect, root + "/test/defective/" + defect));
    cv::Mat mask = cv::imread((data_ + "/ground_truth/defective/" + defect).toStdString(), cv::IMREAD_GRAYSCALE);
    cv::Mat half;
    cv::resize(mask, half, cv::Size(mask.cols / 2, mask.rows / 2), 0, 0, cv::INTER_NEAREST);
    QVERIFY(cv::imwrite((root + "/ground_truth/defective/" + defect).toStdString(), half));

    const QString json = work_.filePath("bad.json");
    const Run r = runUtad({"eval", "--data", root, "--model", kModel, "--threads", "1", "--json", json});
    CHECK_EXIT(r, 0);
    QVERIFY2(
        r.err.contains("skipped: Skipped " + root + "/test/good/dot.png: 1x1 is too small"), qPrintable(describe(r)));
    QVERIFY2(r.err.contains("warning: " + root + "/test/good/grey.png is blank"), qPrintable(describe(r)));
    QVERIFY2(r.err.contains("warning: Mask " + root + "/ground_truth/defective/" + defect), qPrintable(describe(r)));
    QVERIFY2(r.out.contains("Evaluated 3 images") && r.out.contains("skipped 1"), qPrintable(r.out));
    const QJsonObject o = readJson(json);
    QCOMPARE(o.value("skipped").toInt(), 1);
    const QJsonArray warnings = o.value("warnings").toArray();
    QCOMPARE(warnings.size(), 2);
    QVERIFY(
        warnings[0].toString().contains("grey.png is blank") || warnings[1].toString().contains("grey.png is blank"));
    QVERIFY(warnings[0].toString().contains("stretched") || warnings[1].toString().contains("stretched"));
}

QTEST_GUILESS_MAIN(TestShards)
#include "test_shards.moc"
