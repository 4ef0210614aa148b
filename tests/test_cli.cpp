// The `utad` command line, run as a separate process: usage errors, failures, and a tiny
// train -> eval -> infer round trip on the bundled sample.
#include "cli_runner.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>
#include <csignal>
#include <opencv2/imgcodecs.hpp>

namespace {

const QString kSample = QStringLiteral(UTAD_SAMPLE_DIR);

// `utad` names the panels <defect type>_<file stem>_<panel>.png.
QStringList panelFiles(const QString& defectType, const QString& path)
{
    const QString stem = (defectType.isEmpty() ? QString() : defectType + "_") + QFileInfo(path).completeBaseName();
    QStringList names;
    for (const char* panel : {"input", "impression", "reconstruction", "heatmap"})
        names << stem + "_" + panel + ".png";
    return names;
}

}  // namespace

class TestCli : public QObject {
    Q_OBJECT
private slots:
    void helpAndVersion();
    void badUsageExitsWithTwo();
    void failuresExitWithOne();
    void trainEvalInfer();
    void settingsOverride();
    void evalUnlabelledFolder();
    void interruptSavesLastRound();

private:
    QTemporaryDir work_;
    QString modelPath() const { return work_.filePath("tiny.utad"); }
};

void TestCli::helpAndVersion()
{
    Run r = runUtad({"--help"});
    CHECK_EXIT(r, 0);
    for (const char* s : {"utad train", "utad eval", "utad infer", "--version"})
        QVERIFY2(r.out.contains(s), s);
    r = runUtad({"--version"});
    CHECK_EXIT(r, 0);
    QVERIFY(r.out.startsWith("utad 0."));
    r = runUtad({"train", "--help"});
    CHECK_EXIT(r, 0);
    for (const char* s : {"--data", "--out", "--method", "--preset", "--steps", "--seed", "--threads", "--device",
             "--size", "--normal-class"})
        QVERIFY2(r.out.contains(s), s);
    r = runUtad({"eval", "-h"});
    CHECK_EXIT(r, 0);
    QVERIFY(r.out.contains("--json") && r.out.contains("--images"));
    r = runUtad({"infer", "--help"});
    CHECK_EXIT(r, 0);
    QVERIFY(r.out.contains("scores.csv"));
}

void TestCli::badUsageExitsWithTwo()
{
    const struct {
        QStringList args;
        const char* message;
    } cases[] = {
        {{}, "Usage"},
        {{"frobnicate"}, "unknown command 'frobnicate'"},
        {{"train", "--bogus"}, "unknown option '--bogus'"},
        {{"train", "--data", kSample}, "missing required option --out"},
        {{"train", "--data", kSample, "--out", "m.utad", "--steps", "many"}, "--steps expects a whole number"},
        {{"train", "--data", kSample, "--out", "m.utad", "--device", "tpu"}, "unknown device"},
        {{"train", "--data", kSample, "--out", "m.utad", "--size", "50"}, "multiple of 32"},
        {{"train", "--data", kSample, "--out", "m.utad", "--method", "gan"}, "unknown method 'gan'"},
        {{"train", "--data", kSample, "--out", "m.utad", "--preset", "huge"}, "unknown preset 'huge'"},
        {{"train", "--data", "idx:/somewhere", "--out", "m.utad"}, "--normal-class"},
        {{"train", "--data"}, "--data needs a value"},
        {{"train", "--data", kSample, "--out", QDir::tempPath()}, "is a folder"},
        {{"eval", "--data", kSample}, "missing required option --model"},
        {{"eval", "--model", "m.utad", "--data", kSample, "stray"}, "unexpected argument 'stray'"},
        {{"infer", "--model", "m.utad"}, "no IMAGE given"},
    };
    for (const auto& c : cases) {
        const Run r = runUtad(c.args);
        QVERIFY2(r.exitCode == 2, qPrintable(c.args.join(' ') + "\n" + describe(r)));
        QVERIFY2(r.err.contains(c.message), qPrintable(c.args.join(' ') + "\n" + describe(r)));
    }
}

void TestCli::failuresExitWithOne()
{
    const QString missingModel = work_.filePath("absent.utad");
    Run r = runUtad({"eval", "--data", kSample, "--model", missingModel});
    CHECK_EXIT(r, 1);
    QVERIFY2(r.err.contains(missingModel), qPrintable(describe(r)));
    QVERIFY(!r.err.contains("Mask without image"));  // the model is checked before the data

    const QString missingData = work_.filePath("no-such-folder");
    r = runUtad({"train", "--data", missingData, "--out", work_.filePath("x.utad")});
    CHECK_EXIT(r, 1);
    QVERIFY2(r.err.contains("not found: " + missingData), qPrintable(describe(r)));

    // A file that is not a model.
    const QString foreign = work_.filePath("foreign.utad");
    QFile f(foreign);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("definitely not a model");
    f.close();
    r = runUtad({"infer", "--model", foreign, kSample + "/test/good/4-+16.png"});
    CHECK_EXIT(r, 1);
    QVERIFY2(r.err.contains(foreign), qPrintable(describe(r)));

    // A folder of images has nothing to train on.
    r = runUtad({"train", "--data", kSample + "/test/good", "--out", work_.filePath("x.utad")});
    CHECK_EXIT(r, 1);
    QVERIFY2(r.err.contains("No training images"), qPrintable(describe(r)));
    QVERIFY(!QFile::exists(work_.filePath("x.utad")));
}

void TestCli::trainEvalInfer()
{
    QVERIFY(work_.isValid());
    Run r
        = runUtad({"train", "--data", kSample, "--steps", "50", "--size", "32", "--set", "workingScale=0.125", "--set",
            "ieWidth=8", "--set", "expertWidth=4", "--set", "naiveSamples=2", "--threads", "2", "--out", modelPath()});
    CHECK_EXIT(r, 0);
    QVERIFY2(
        r.out.contains("[IE-Net] step 50/50") && r.out.contains("ETA") && r.out.contains("loss"), qPrintable(r.out));
    // The Expert-Net gets the preset's share of the steps, as the header announces.
    const QRegularExpressionMatch share = QRegularExpression(R"(\+ (\d+) Expert-Net steps)").match(r.out);
    QVERIFY2(share.hasMatch(), qPrintable(r.out));
    const int expertSteps = share.captured(1).toInt();
    QVERIFY(expertSteps >= 1);
    QVERIFY2(r.out.contains(QString("[Expert-Net] step %1/%1").arg(expertSteps)), qPrintable(r.out));
    // So does the defect segmenter: 1,000 of the preset's 1,200 IE-Net steps.
    QVERIFY2(r.out.contains("+ 42 segmenter steps") && r.out.contains("[Segmenter] step 42/42"), qPrintable(r.out));
    QVERIFY(QFileInfo(modelPath()).size() > 0);

    const QString json = work_.filePath("eval/report.json"), images = work_.filePath("panels");
    r = runUtad(
        {"eval", "--data", kSample, "--model", modelPath(), "--json", json, "--images", images, "--threads", "2"});
    CHECK_EXIT(r, 0);
    QVERIFY2(r.out.contains("image AUROC") && r.out.contains("AUPRO") && r.out.contains("ms/image"), qPrintable(r.out));

    QFile file(json);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QJsonParseError parseError;
    const QJsonObject o = QJsonDocument::fromJson(file.readAll(), &parseError).object();
    QCOMPARE(parseError.error, QJsonParseError::NoError);
    for (const char* key : {"image_auroc", "pixel_auroc", "aupro", "f1_max"}) {
        QVERIFY2(o.value(key).isDouble(), key);
        const double v = o.value(key).toDouble();
        QVERIFY2(v >= 0 && v <= 1, qPrintable(QString("%1 = %2").arg(key).arg(v)));
    }
    QVERIFY(o.value("f1_threshold").isDouble());
    QVERIFY(o.value("proposed_threshold").isDouble());
    QVERIFY(o.value("ms_per_image").toDouble() > 0);
    QCOMPARE(o.value("skipped").toInt(), 0);
    const QJsonArray results = o.value("images").toArray();
    QCOMPARE(results.size(), 128);
    int good = 0, bad = 0;
    QSet<QString> expectedPanels;
    for (const auto& v : results) {
        const QJsonObject img = v.toObject();
        QVERIFY(img.value("score").isDouble());
        QVERIFY(QFile::exists(img.value("path").toString()));
        const QString label = img.value("label").toString();
        good += label == "good";
        bad += label == "anomalous";
        for (const QString& name : panelFiles(img.value("defect_type").toString(), img.value("path").toString()))
            expectedPanels.insert(name);
    }
    QCOMPARE(good, 35);
    QCOMPARE(bad, 93);
    // Four PNGs per test image, no more, no fewer, each a decodable image.
    const QStringList written = QDir(images).entryList({"*.png"}, QDir::Files);
    QCOMPARE(written.size(), 4 * 128);
    QCOMPARE(QSet<QString>(written.begin(), written.end()), expectedPanels);
    const cv::Mat heat = cv::imread(QDir(images).filePath(written.front()).toStdString());
    QCOMPARE(heat.rows, 32);
    QCOMPARE(heat.channels(), 3);

    // infer: two good images, one corrupt file (reported, skipped, exit 1) and a name clash.
    const QString corrupt = work_.filePath("corrupt.png");
    QFile c(corrupt);
    QVERIFY(c.open(QIODevice::WriteOnly));
    c.write("\x89PNG\r\n\x1a\n then nothing useful");
    c.close();
    QVERIFY(QDir(work_.path()).mkpath("copy"));
    const QString original = kSample + "/test/good/4-+16.png", clash = work_.filePath("copy/4-+16.png");
    QVERIFY(QFile::copy(original, clash));
    const QString out = work_.filePath("infer");
    r = runUtad({"infer", "--model", modelPath(), "--out", out, original, corrupt, clash});
    CHECK_EXIT(r, 1);
    QVERIFY2(r.err.contains(corrupt), qPrintable(describe(r)));
    QFile csv(out + "/scores.csv");
    QVERIFY(csv.open(QIODevice::ReadOnly));
    const QStringList lines = QString::fromUtf8(csv.readAll()).split('\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 3);
    QCOMPARE(lines[0], QString("path,score,flagged"));
    QVERIFY(lines[1].startsWith(original + ","));
    QVERIFY(lines[2].startsWith(clash + ","));
    const QStringList fields = lines[1].split(',');
    QCOMPARE(fields.size(), 3);
    bool ok = false;
    fields[1].toDouble(&ok);
    QVERIFY(ok);
    QVERIFY(fields[2] == "0" || fields[2] == "1");
    QCOMPARE(QDir(out).entryList({"*.png"}, QDir::Files).size(), 8);
    QVERIFY(QFile::exists(out + "/4-+16_heatmap.png"));
    QVERIFY(QFile::exists(out + "/4-+16_2_heatmap.png"));
}

void TestCli::settingsOverride()
{
    // Training settings by name end up in the model file's metadata.
    const QString tuned = work_.filePath("tuned.utad");
    Run r = runUtad({"train", "--data", kSample, "--steps", "50", "--size", "32", "--set", "workingScale=0.125",
        "--set", "ieWidth=8", "--set", "expertWidth=4", "--set", "naiveSamples=2", "--threads", "1", "--set",
        "batchSize=4", "--set=klWeight=0.5", "--out", tuned});
    CHECK_EXIT(r, 0);
    QFile model(tuned);
    QVERIFY(model.open(QIODevice::ReadOnly));
    const QByteArray bytes = model.readAll();
    QVERIFY(bytes.contains("\nbatchSize=4\n"));
    QVERIFY(bytes.contains("\nklWeight=0.5\n"));

    // Scoring settings change the scores of the same networks and drop the proposed threshold.
    const QString plain = work_.filePath("plain.json"), raw = work_.filePath("raw.json");
    r = runUtad({"eval", "--data", kSample, "--model", tuned, "--threads", "2", "--json", plain});
    CHECK_EXIT(r, 0);
    r = runUtad({"eval", "--data", kSample, "--model", tuned, "--threads", "2", "--json", raw, "--set", "smoothSigma=0",
        "--set", "anomalyCombination=recon"});
    CHECK_EXIT(r, 0);
    QVERIFY2(!r.out.contains("proposed threshold"), qPrintable(r.out));
    const QJsonObject a = readJson(plain), b = readJson(raw);
    QVERIFY(a.value("proposed_threshold").isDouble());
    QVERIFY(b.value("proposed_threshold").isNull());
    const QJsonArray sa = a.value("images").toArray(), sb = b.value("images").toArray();
    QCOMPARE(sa.size(), sb.size());
    int differing = 0;
    for (int i = 0; i < sa.size(); ++i)
        differing += sa[i].toObject().value("score").toDouble() != sb[i].toObject().value("score").toDouble();
    QVERIFY2(differing > sa.size() / 2, qPrintable(QString::number(differing)));

    // `utad calibrate` measures the calibration for those settings: the same scores as before, and
    // a proposed threshold again. The trained model stays as it was.
    const QString recalibrated = work_.filePath("recalibrated.utad"), again = work_.filePath("again.json");
    r = runUtad({"calibrate", "--data", kSample, "--model", tuned, "--out", recalibrated, "--threads", "2", "--set",
        "smoothSigma=0", "--set", "anomalyCombination=recon"});
    CHECK_EXIT(r, 0);
    QVERIFY2(r.out.contains("anomaly map recon, ssim \u00b11 px, with segmenter; proposed image threshold"),
        qPrintable(r.out));
    r = runUtad({"eval", "--data", kSample, "--model", recalibrated, "--threads", "2", "--json", again});
    CHECK_EXIT(r, 0);
    const QJsonObject c = readJson(again);
    QVERIFY(c.value("proposed_threshold").isDouble());
    const QJsonArray sc = c.value("images").toArray();
    QCOMPARE(sc.size(), sb.size());
    for (int i = 0; i < sc.size(); ++i)
        QCOMPARE(sc[i].toObject().value("score").toDouble(), sb[i].toObject().value("score").toDouble());
    r = runUtad({"calibrate", "--data", kSample, "--model", plain, "--out", work_.filePath("no.utad")});
    QVERIFY2(r.exitCode == 1 && !QFile::exists(work_.filePath("no.utad")), qPrintable(describe(r)));

    const struct {
        QStringList args;
        const char* message;
    } wrong[] = {
        {{"train", "--data", kSample, "--out", tuned, "--set", "batchSize"}, "--set expects NAME=VALUE"},
        {{"train", "--data", kSample, "--out", tuned, "--set", "bogus=1"}, "unknown model setting 'bogus'"},
        {{"train", "--data", kSample, "--out", tuned, "--set", "klWeight=heavy"}, "'klWeight' needs a number"},
        {{"eval", "--data", kSample, "--model", tuned, "--set", "klWeight=1"}, "fixed when the model is trained"},
        {{"eval", "--data", kSample, "--model", tuned, "--set", "anomalyCombination=magic"}, "unknown anomaly map"},
    };
    for (const auto& c : wrong) {
        r = runUtad(c.args);
        QVERIFY2(r.exitCode == 2 && r.err.contains(c.message), qPrintable(c.args.join(' ') + "\n" + describe(r)));
    }
    QCOMPARE(QFile(tuned).size(), bytes.size());  // a refused run leaves the model alone
}

void TestCli::evalUnlabelledFolder()
{
    if (!QFile::exists(modelPath()))
        QSKIP("needs the model trained by trainEvalInfer");
    QVERIFY(QDir(work_.path()).mkpath("plain"));
    for (const char* name : {"4-+16.png", "4-+18.png"})
        QVERIFY(QFile::copy(kSample + "/test/good/" + name, work_.filePath(QString("plain/") + name)));
    const QString json = work_.filePath("plain.json");
    const Run r = runUtad({"eval", "--data", work_.filePath("plain"), "--model", modelPath(), "--json", json});
    CHECK_EXIT(r, 0);
    QFile file(json);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject o = QJsonDocument::fromJson(file.readAll()).object();
    QVERIFY(o.value("image_auroc").isNull());
    QVERIFY(o.value("pixel_auroc").isNull());
    QCOMPARE(o.value("images").toArray().size(), 2);
    QCOMPARE(o.value("images").toArray().at(0).toObject().value("label").toString(), QString("unknown"));
}

void TestCli::interruptSavesLastRound()
{
    const QString model = work_.filePath("interrupted.utad");
    QProcess p;
    // One round of IE-Net steps, then Expert-Net steps for far longer than the test waits.
    p.start(QStringLiteral(UTAD_CLI),
        {"train", "--data", kSample, "--steps", "50", "--size", "32", "--set", "workingScale=0.125", "--set",
            "ieWidth=8", "--set", "expertWidth=4", "--set", "naiveSamples=2", "--threads", "1", "--set",
            "expertSteps=100000", "--out", model});
    QVERIFY(p.waitForStarted());
    QString out;
    QElapsedTimer timer;
    timer.start();
    while (!out.contains("[Expert-Net] step 50/") && timer.elapsed() < 300000) {
        p.waitForReadyRead(1000);
        out += QString::fromUtf8(p.readAllStandardOutput());
    }
    QVERIFY2(out.contains("[Expert-Net] step 50/"), qPrintable(out));
    ::kill(pid_t(p.processId()), SIGINT);
    QVERIFY(p.waitForFinished(60000));
    const QString err = QString::fromUtf8(p.readAllStandardError());
    QCOMPARE(p.exitStatus(), QProcess::NormalExit);
    QCOMPARE(p.exitCode(), 130);
    QVERIFY2(err.contains("Interrupted: saved the last complete round"), qPrintable(err));
    // The saved model is usable.
    const Run r = runUtad(
        {"infer", "--model", model, "--out", work_.filePath("after-interrupt"), kSample + "/test/good/4-+16.png"});
    CHECK_EXIT(r, 0);
}

QTEST_GUILESS_MAIN(TestCli)
#include "test_cli.moc"
