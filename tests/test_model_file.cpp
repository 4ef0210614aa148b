// The .utad model file: round trip, rejection of damaged and foreign files, atomic save.
#include "utad/error.h"
#include "utad/model.h"

#include "synthetic_textures.h"
#include "tiny_model.h"

#include <QtTest>
#include <fstream>
#include <iterator>

using namespace utad;

namespace {

ModelConfig tinyConfig(Method method) { return testing::tinyConfig(method); }

std::string readAll(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void writeAll(const std::string& path, const std::string& data)
{
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(data.data(), std::streamsize(data.size()));
}

// `whole` (a model file edited in place) with its payload checksum made again as model_file.cpp
// makes it, so that loading gets past the checksum to the edited settings.
std::string resealed(std::string whole)
{
    std::uint64_t hash = 1469598103934665603ull;
    const size_t header = 28;
    for (size_t i = header; i < whole.size(); ++i)
        hash = (hash ^ std::uint8_t(whole[i])) * 1099511628211ull;
    for (int b = 0; b < 8; ++b)
        whole[20 + size_t(b)] = char((hash >> (8 * b)) & 0xff);
    return whole;
}

// Message of the utad::Error that loading `path` throws; empty when it loads.
QString loadError(const std::string& path)
{
    try {
        Model::load(path);
    } catch (const Error& e) {
        return QString::fromStdString(e.what());
    }
    return {};
}

}  // namespace

class TestModelFile : public QObject {
    Q_OBJECT

    QTemporaryDir dir;
    std::string modelPath;
    Dataset data;
    cv::Mat probe;

private slots:
    void initTestCase()
    {
        QVERIFY(dir.isValid());
        data = testing::textureDataset(dir.filePath("train").toStdString(), 10, 40, 7);
        std::mt19937 rng(99);
        probe = testing::stripeTexture(rng, 40);
        modelPath = dir.filePath("model.utad").toStdString();
    }

    void roundTrip_data()
    {
        QTest::addColumn<int>("method");
        QTest::addColumn<bool>("denoising");
        QTest::newRow("utad") << int(Method::TwoStage) << false;
        QTest::newRow("ae") << int(Method::Autoencoder) << false;
        QTest::newRow("utad, every optional setting") << int(Method::TwoStage) << true;
    }

    void roundTrip()
    {
        QFETCH(int, method);
        QFETCH(bool, denoising);
        ModelConfig config = tinyConfig(Method(method));
        config.workingScale = 0.5;  // 20 x 20 working images: room for calibration's painted defects
        if (denoising) {
            config.ieNoise = 0.2;
            config.ieNoiseCells = 4;
            config.ieSkipLevels = 3;
            config.ganWeight = 0.5;
            config.expertNormEpsilon = 0.01;
        }
        auto model = Model::create(config);
        QVERIFY(model->train(data));
        model->save(modelPath);
        auto loaded = Model::load(modelPath);
        const ModelInfo& a = model->info();
        const ModelInfo& b = loaded->info();
        QCOMPARE(b.formatVersion, a.formatVersion);
        QCOMPARE(int(b.config.method), method);
        QCOMPARE(b.config.tileSize, a.config.tileSize);
        QCOMPARE(b.config.workingScale, a.config.workingScale);
        QCOMPARE(b.config.ieWidth, a.config.ieWidth);
        QCOMPARE(b.config.latentDim, a.config.latentDim);
        QCOMPARE(b.config.expertWidth, a.config.expertWidth);
        QCOMPARE(b.config.naiveSamples, a.config.naiveSamples);
        QCOMPARE(b.config.learningRate, a.config.learningRate);
        QCOMPARE(b.config.seed, a.config.seed);
        QCOMPARE(b.config.anomalyCombination, a.config.anomalyCombination);
        QCOMPARE(b.config.ieNoise, a.config.ieNoise);
        QCOMPARE(b.config.ieNoiseCells, a.config.ieNoiseCells);
        QCOMPARE(b.config.ieSkipLevels, a.config.ieSkipLevels);
        QCOMPARE(b.config.ganWeight, a.config.ganWeight);
        QCOMPARE(b.config.expertNormEpsilon, a.config.expertNormEpsilon);
        QCOMPARE(b.normalization.mean, a.normalization.mean);
        QCOMPARE(b.normalization.stddev, a.normalization.stddev);
        QCOMPARE(b.calibration.goodScores, a.calibration.goodScores);
        QCOMPARE(b.calibration.paintedScores, a.calibration.paintedScores);
        QVERIFY(!a.calibration.paintedScores.empty());
        QCOMPARE(b.calibration.mean, a.calibration.mean);
        QCOMPARE(b.calibration.stddev, a.calibration.stddev);
        QCOMPARE(b.calibration.maxPixel, a.calibration.maxPixel);
        QVERIFY(a.calibration.goodScores.size() >= 2);
        QCOMPARE(b.training.imageCount, 10);
        QCOMPARE(b.training.ieStepsDone, a.training.ieStepsDone);
        QCOMPARE(b.training.expertStepsDone, a.training.expertStepsDone);
        QCOMPARE(b.training.dataRoot, a.training.dataRoot);
        QVERIFY(loaded->trained());

        const Inference x = model->infer(probe), y = loaded->infer(probe);
        QCOMPARE(y.score, x.score);
        QCOMPARE(cv::norm(x.anomalyMapNet, y.anomalyMapNet, cv::NORM_INF), 0.0);
        QCOMPARE(cv::norm(x.reconstruction, y.reconstruction, cv::NORM_INF), 0.0);
        QCOMPARE(y.anomalyMap.size(), probe.size());
    }

    void missingFile()
    {
        const std::string path = dir.filePath("no-such.utad").toStdString();
        const QString msg = loadError(path);
        QVERIFY2(msg.contains(QString::fromStdString(path)) && msg.contains("cannot open"), qPrintable(msg));
    }

    void truncatedFile()
    {
        const std::string whole = readAll(modelPath);
        QVERIFY(whole.size() > 1000);
        const std::string path = dir.filePath("truncated.utad").toStdString();
        writeAll(path, whole.substr(0, whole.size() / 2));
        QString msg = loadError(path);
        QVERIFY2(msg.contains(QString::fromStdString(path)) && msg.contains("truncated"), qPrintable(msg));
        writeAll(path, whole.substr(0, 12));  // cut inside the header
        msg = loadError(path);
        QVERIFY2(msg.contains("truncated"), qPrintable(msg));
    }

    void foreignFiles()
    {
        const std::string random = dir.filePath("random.utad").toStdString();
        std::mt19937 rng(3);
        std::string bytes(4096, '\0');
        for (char& ch : bytes)
            ch = char(rng() & 0xff);
        writeAll(random, bytes);
        QString msg = loadError(random);
        QVERIFY2(msg.contains(QString::fromStdString(random)) && msg.contains("not a UTAD model"), qPrintable(msg));

        const std::string png = dir.filePath("image.utad").toStdString();
        cv::imwrite(dir.filePath("image.png").toStdString(), probe);
        writeAll(png, readAll(dir.filePath("image.png").toStdString()));
        msg = loadError(png);
        QVERIFY2(msg.contains("not a UTAD model"), qPrintable(msg));

        const std::string empty = dir.filePath("empty.utad").toStdString();
        writeAll(empty, "");
        QVERIFY(loadError(empty).contains("not a UTAD model"));
    }

    void newerVersion()
    {
        std::string whole = readAll(modelPath);
        whole[8] = char(99);  // format version, little-endian uint32 after the magic
        const std::string path = dir.filePath("newer.utad").toStdString();
        writeAll(path, whole);
        const QString msg = loadError(path);
        QVERIFY2(msg.contains(QString::fromStdString(path)) && msg.contains("version 99") && msg.contains("newer"),
            qPrintable(msg));
    }

    void corruptPayload()
    {
        std::string whole = readAll(modelPath);
        whole[whole.size() - 100] ^= 0x5a;
        const std::string path = dir.filePath("corrupt.utad").toStdString();
        writeAll(path, whole);
        const QString msg = loadError(path);
        QVERIFY2(msg.contains("checksum"), qPrintable(msg));
    }

    // A file whose checksum is right but whose settings no model can run with (edited by hand, or
    // written by another program) is refused with the setting named, not run.
    void impossibleSettings()
    {
        std::string whole = readAll(modelPath);
        const std::string key = "residualShift=";
        const size_t at = whole.find(key);
        QVERIFY(at != std::string::npos);
        whole[at + key.size()] = '9';  // one digit for another: the section keeps its length
        const std::string path = dir.filePath("impossible.utad").toStdString();
        writeAll(path, resealed(whole));
        const QString msg = loadError(path);
        QVERIFY2(msg.contains(QString::fromStdString(path)) && msg.contains("shift must be 0 to 8"), qPrintable(msg));
    }

    // A calibration score that is not a number is a damaged file, named as such.
    void badCalibrationScores()
    {
        for (const std::string key : {"calGoodScores=", "calPaintedScores="}) {
            std::string whole = readAll(modelPath);
            const size_t at = whole.find(key);
            QVERIFY2(at != std::string::npos, key.c_str());
            whole[at + key.size()] = 'x';
            const std::string path = dir.filePath("bad-scores.utad").toStdString();
            writeAll(path, resealed(whole));
            const QString msg = loadError(path);
            QVERIFY2(msg.contains("damaged") && msg.contains(QString::fromStdString(key.substr(0, key.size() - 1))),
                qPrintable(msg));
        }
    }

    // standardiseMap's statistics travel with the model, and a damaged grid of them is named.
    void standardisedMapStatistics()
    {
        ModelConfig config = tinyConfig(Method::TwoStage);
        config.workingScale = 0;
        config.standardiseMap = true;
        config.scoreTopFraction = 0.02;
        auto model = Model::create(config);
        QVERIFY(model->train(data));
        const std::string path = dir.filePath("standardised.utad").toStdString();
        model->save(path);
        auto loaded = Model::load(path);
        const Calibration& a = model->info().calibration;
        const Calibration& b = loaded->info().calibration;
        QCOMPARE(b.mapMean.size(), cv::Size(config.tileSize, config.tileSize));
        QCOMPARE(cv::norm(b.mapMean, a.mapMean, cv::NORM_INF), 0.0);
        QCOMPARE(cv::norm(b.mapStddev, a.mapStddev, cv::NORM_INF), 0.0);
        QVERIFY(b.mapMean.size() == b.mapStddev.size() && cv::norm(b.mapStddev) > 0);
        QCOMPARE(loaded->infer(probe).score, model->infer(probe).score);

        const std::string whole = readAll(path);
        for (const auto& [key, edit] : std::vector<std::pair<std::string, std::string>>{{"calMapMean=", "x"},
                 {"calMapStddev=", "x"}, {"calMapStddev=", "-"}, {"calMapSize=", "0"}, {"calMapSize=", "."}}) {
            std::string damaged = whole;
            const size_t at = damaged.find(key);
            QVERIFY2(at != std::string::npos, key.c_str());
            damaged.replace(at + key.size(), 1, edit);
            const std::string bad = dir.filePath("bad-map.utad").toStdString();
            writeAll(bad, resealed(damaged));
            const QString msg = loadError(bad);
            QVERIFY2(msg.contains("damaged"), qPrintable(msg));
        }
    }

    void failedSaveKeepsOldFile()
    {
        const std::string before = readAll(modelPath);
        auto other = Model::create(tinyConfig(Method::Autoencoder));
        // A folder where the temporary file would go makes the save fail part-way.
        QVERIFY(QDir().mkpath(QString::fromStdString(modelPath + ".part")));
        bool threw = false;
        try {
            other->save(modelPath);
        } catch (const Error& e) {
            threw = true;
            QVERIFY2(QString(e.what()).contains(QString::fromStdString(modelPath)), e.what());
        }
        QVERIFY(threw);
        QCOMPARE(readAll(modelPath), before);
        QVERIFY(Model::load(modelPath)->trained());
        QVERIFY(QDir().rmdir(QString::fromStdString(modelPath + ".part")));
        // With the obstacle gone the same save replaces the file and leaves no temporary behind.
        other->save(modelPath);
        QVERIFY(readAll(modelPath) != before);
        QVERIFY(!QFile::exists(QString::fromStdString(modelPath + ".part")));
    }
};

QTEST_APPLESS_MAIN(TestModelFile)
#include "test_model_file.moc"
