// Training on small synthetic textures: the loss falls, a seed repeats a run, cancel keeps the last round.
#include "utad/error.h"
#include "utad/model.h"

#include "synthetic_textures.h"
#include "tiny_model.h"

#include <QtTest>
#include <numeric>

using namespace utad;

namespace {

// Whole 32 x 32 textures, three rounds of IE-Net steps and two of Expert-Net steps.
ModelConfig tinyConfig()
{
    ModelConfig c = testing::tinyConfig();
    c.workingScale = 0;
    c.ieSteps = 3 * kStepsPerRound;
    c.expertSteps = 2 * kStepsPerRound;
    c.seed = 5;
    return c;
}

struct Run {
    std::vector<double> ieLosses, expertLosses;
    std::vector<std::string> stages;
    double lastFraction = 0;
    bool fractionMonotonic = true;
    Inference lastPreview;
};

TrainCallbacks recorder(Run& run)
{
    TrainCallbacks cb;
    cb.onProgress = [&run](const TrainProgress& p) {
        if (p.stage == "IE-Net")
            run.ieLosses.push_back(p.loss);
        else if (p.stage == "Expert-Net")
            run.expertLosses.push_back(p.loss);
        run.stages.push_back(p.stage);
        run.fractionMonotonic = run.fractionMonotonic && p.fraction >= run.lastFraction && p.fraction <= 1.0;
        run.lastFraction = p.fraction;
    };
    cb.onPreview = [&run](const Inference& inf) { run.lastPreview = inf; };
    return cb;
}

// The image score of a map as the model makes it: smoothed, then the mean of its top fraction.
double smoothedTopMean(const cv::Mat& map, double sigma, double topFraction)
{
    cv::Mat smoothed;
    cv::GaussianBlur(map, smoothed, cv::Size(), sigma, sigma, cv::BORDER_REFLECT);
    cv::Mat flat = smoothed.reshape(1, 1).clone();
    std::vector<float> v(flat.begin<float>(), flat.end<float>());
    std::sort(v.begin(), v.end(), std::greater<float>());
    const size_t k = std::max<size_t>(1, size_t(std::ceil(topFraction * double(v.size()))));
    return std::accumulate(v.begin(), v.begin() + long(k), 0.0) / double(k);
}

}  // namespace

class TestTraining : public QObject {
    Q_OBJECT

    QTemporaryDir dir;
    Dataset data;
    cv::Mat probe;

private slots:
    void initTestCase()
    {
        QVERIFY(dir.isValid());
        data = testing::textureDataset(dir.path().toStdString(), 16, 32, 11);
        std::mt19937 rng(123);
        probe = testing::stripeTexture(rng, 32);
    }

    void lossFallsAndRunRepeats()
    {
        Run first, second;
        auto a = Model::create(tinyConfig());
        QVERIFY(!a->trained());
        QVERIFY(a->train(data, recorder(first)));
        QVERIFY(a->trained());
        QVERIFY(a->complete());
        QCOMPARE(int(first.ieLosses.size()), 3);
        QCOMPARE(int(first.expertLosses.size()), 2);
        QVERIFY2(first.ieLosses.back() < first.ieLosses.front(),
            qPrintable(QString("IE-Net loss %1 -> %2").arg(first.ieLosses.front()).arg(first.ieLosses.back())));
        QVERIFY2(first.expertLosses.back() < first.expertLosses.front(),
            qPrintable(
                QString("Expert-Net loss %1 -> %2").arg(first.expertLosses.front()).arg(first.expertLosses.back())));
        QCOMPARE(first.stages.back(), std::string("Calibration"));
        QVERIFY(first.fractionMonotonic);
        QCOMPARE(first.lastFraction, 1.0);
        QVERIFY(!first.lastPreview.anomalyMapNet.empty());
        QCOMPARE(a->info().training.imageCount, 16);
        QCOMPARE(int(a->info().calibration.goodScores.size()), 3);  // a fifth of 16, at least 2
        // Each held-back image with each kind of painted defect that shows, and those score higher.
        const Calibration& cal = a->info().calibration;
        QVERIFY2(cal.paintedScores.size() >= 10 && cal.paintedScores.size() <= 15,
            qPrintable(QString::number(cal.paintedScores.size())));
        const auto mean
            = [](const std::vector<double>& v) { return std::accumulate(v.begin(), v.end(), 0.0) / v.size(); };
        QVERIFY2(mean(cal.paintedScores) > mean(cal.goodScores),
            qPrintable(QString("painted %1, good %2").arg(mean(cal.paintedScores)).arg(mean(cal.goodScores))));
        QVERIFY(a->info().calibration.maxPixel > 0);

        auto b = Model::create(tinyConfig());
        QVERIFY(b->train(data, recorder(second)));
        QCOMPARE(second.ieLosses, first.ieLosses);
        QCOMPARE(second.expertLosses, first.expertLosses);
        QCOMPARE(b->infer(probe).score, a->infer(probe).score);
    }

    void cancelDuringIeNetLeavesNoUsableModel()
    {
        auto model = Model::create(tinyConfig());
        Run run;
        TrainCallbacks cb = recorder(run);
        // The cancel flag is polled once a step: stop in the IE-Net's third round.
        int polls = 0;
        cb.isCancelled = [&polls] { return ++polls > 2 * kStepsPerRound + 10; };
        QVERIFY(!model->train(data, cb));
        QCOMPARE(int(run.ieLosses.size()), 2);
        QCOMPARE(model->info().training.ieStepsDone, 2 * kStepsPerRound);
        QCOMPARE(model->info().training.expertStepsDone, 0);
        QVERIFY(!model->trained());  // the Expert-Net never trained
        QVERIFY(!model->complete());
    }

    void cancelKeepsLastCompleteRound()
    {
        auto model = Model::create(tinyConfig());
        Run run;
        TrainCallbacks cb = recorder(run);
        // Stop in the middle of the Expert-Net's second round.
        int polls = 0;
        cb.isCancelled = [&polls] { return ++polls > 4 * kStepsPerRound + 10; };
        QVERIFY(!model->train(data, cb));
        QCOMPARE(int(run.ieLosses.size()), 3);
        QCOMPARE(int(run.expertLosses.size()), 1);
        QCOMPARE(model->info().training.expertStepsDone, kStepsPerRound);
        QVERIFY(model->trained());
        QVERIFY(!model->complete());
        // The weights are those of the last complete round, as the last preview showed them.
        const Inference again = model->infer(run.lastPreview.input);
        QCOMPARE(cv::norm(again.impression, run.lastPreview.impression, cv::NORM_INF), 0.0);
        // Usable: scores are finite and the model saves and loads.
        const Inference r = model->infer(probe);
        QVERIFY(std::isfinite(r.score));
        const std::string path = dir.filePath("cancelled.utad").toStdString();
        model->save(path);
        QCOMPARE(Model::load(path)->infer(probe).score, r.score);
    }

    // The adversarial terms change what the Expert-Net learns, repeat with a seed, and leave the
    // discriminators out of the model file.
    void adversarialTerms()
    {
        ModelConfig c = tinyConfig();
        c.ieSteps = c.expertSteps = 20;  // one short round each
        ModelConfig withGan = c;
        withGan.ganWeight = 1;
        auto plain = Model::create(c);
        auto a = Model::create(withGan);
        auto b = Model::create(withGan);
        Run runA, runB;
        QVERIFY(plain->train(data));
        QVERIFY(a->train(data, recorder(runA)));
        QVERIFY(b->train(data, recorder(runB)));
        QCOMPARE(runB.expertLosses, runA.expertLosses);
        QVERIFY(std::isfinite(runA.expertLosses.back()));
        const Inference ra = a->infer(probe), rp = plain->infer(probe);
        QCOMPARE(b->infer(probe).score, ra.score);
        QVERIFY(cv::norm(ra.reconstruction, rp.reconstruction, cv::NORM_INF) > 1e-4);
        // The IE-Net trained the same way: only the Expert-Net saw the discriminators.
        QCOMPARE(cv::norm(ra.impression, rp.impression, cv::NORM_INF), 0.0);

        const std::string gan = dir.filePath("gan.utad").toStdString(),
                          noGan = dir.filePath("nogan.utad").toStdString();
        a->save(gan);
        plain->save(noGan);
        QVERIFY(std::abs(double(QFileInfo(QString::fromStdString(gan)).size())
                    - double(QFileInfo(QString::fromStdString(noGan)).size()))
            < 100);  // the key "ganWeight" differs, no weights are added
        auto loaded = Model::load(gan);
        QCOMPARE(loaded->info().config.ganWeight, 1.0);
        QCOMPARE(loaded->infer(probe).score, ra.score);
    }

    // The segmenter is a third stage: the two stages train as without it, its probability joins the
    // map as segmenterMap says, it survives the file, and a trained model can be given one later.
    void defectSegmenter()
    {
        ModelConfig c = tinyConfig();
        c.ieSteps = c.expertSteps = 20;
        c.segmenterWidth = 8;
        ModelConfig withSegmenter = c;
        withSegmenter.segmenterSteps = 2 * kStepsPerRound;
        withSegmenter.segmenterMap = "product";
        auto plain = Model::create(c);
        auto model = Model::create(withSegmenter);
        QVERIFY(plain->train(data));
        Run run;
        TrainCallbacks cb = recorder(run);
        std::vector<double> segmenterLosses;
        cb.onProgress = [&](const TrainProgress& p) {
            run.stages.push_back(p.stage);
            if (p.stage == "Segmenter")
                segmenterLosses.push_back(p.loss);
        };
        QVERIFY(model->train(data, cb));
        QVERIFY(model->complete());
        QCOMPARE(model->info().training.segmenterStepsDone, 2 * kStepsPerRound);
        QCOMPARE(int(segmenterLosses.size()), 2);
        QVERIFY(segmenterLosses.back() < segmenterLosses.front());
        QCOMPARE(stepsBeforeStage(withSegmenter, "Segmenter"), 40);
        auto again = Model::create(withSegmenter);  // the pasted defects follow the seed
        QVERIFY(again->train(data));

        const Inference r = model->infer(probe), p = plain->infer(probe);
        QVERIFY(plain->infer(probe).segmentation.empty());
        QCOMPARE(r.segmentation.size(), r.impression.size());
        double least = 0, most = 0;
        cv::minMaxLoc(r.segmentation, &least, &most);
        QVERIFY(least >= 0 && most <= 1 && most > least);
        QCOMPARE(cv::norm(r.reconstruction, p.reconstruction, cv::NORM_INF), 0.0);  // the same two stages
        QVERIFY(std::abs(r.score - p.score) > 1e-6);
        QCOMPARE(again->infer(probe).score, r.score);
        model->setScoringValue("segmenterMap", "off");
        QCOMPARE(model->infer(probe).score, p.score);
        QVERIFY(model->infer(probe).segmentation.empty());  // left out, it is not run
        model->setScoringValue("segmenterMap", "alone");
        QCOMPARE(model->infer(probe).score, smoothedTopMean(r.segmentation, c.smoothSigma, c.scoreTopFraction));
        QVERIFY_THROWS_EXCEPTION(Error, model->setScoringValue("segmenterMap", "sum"));
        model->setScoringValue("segmenterMap", "product");

        const std::string path = dir.filePath("segmenter.utad").toStdString();
        model->save(path);
        auto loaded = Model::load(path);
        QCOMPARE(loaded->infer(probe).score, r.score);
        QCOMPARE(loaded->info().training.segmenterStepsDone, 2 * kStepsPerRound);

        // Given later, only the segmenter trains: the two stages stay as they were.
        plain->addSegmenter(kStepsPerRound, 8);
        QVERIFY(!plain->complete());
        QCOMPARE(plain->infer(probe).score, p.score);  // an untrained segmenter is not used
        QVERIFY(plain->infer(probe).segmentation.empty());
        run.stages.clear();
        cb.onProgress = [&](const TrainProgress& p) { run.stages.push_back(p.stage); };
        QVERIFY(plain->train(data, cb));
        QCOMPARE(run.stages, (std::vector<std::string>{"Segmenter", "Calibration"}));
        QVERIFY(plain->complete());
        QCOMPARE(cv::norm(plain->infer(probe).reconstruction, p.reconstruction, cv::NORM_INF), 0.0);
        QVERIFY(!plain->infer(probe).segmentation.empty());
        // Given again, a fresh segmenter replaces the trained one, unused until it has trained.
        plain->addSegmenter(kStepsPerRound, 4);
        QCOMPARE(plain->info().config.segmenterWidth, 4);
        QCOMPARE(plain->info().training.segmenterStepsDone, 0);
        QVERIFY(plain->infer(probe).segmentation.empty());
        auto baseline = Model::create(testing::tinyConfig(Method::Autoencoder));
        QVERIFY_THROWS_EXCEPTION(Error, baseline->addSegmenter(10));
        QVERIFY_THROWS_EXCEPTION(Error, Model::create(c)->addSegmenter(10));  // nothing trained yet

        // Calibration chooses the map with the segmenter in it, as the model scores: with the
        // segmenter alone every candidate makes the same map, so all score alike.
        loaded->setScoringValue("segmenterMap", "alone");
        loaded->setScoringValue("anomalyCombination", "auto");
        loaded->setScoringValue("reconstructionResidual", "auto");
        std::string choice;
        loaded->calibrate(data, [&](const std::string& line) {
            if (line.rfind("anomaly map:", 0) == 0)
                choice = line;
        });
        const QRegularExpression figure(QStringLiteral("image AUROC [0-9.]+, pixel AUROC [0-9.]+"));
        QStringList figures;
        for (auto it = figure.globalMatch(QString::fromStdString(choice)); it.hasNext();)
            figures << it.next().captured(0);
        QVERIFY2(figures.size() >= 2, choice.c_str());
        QCOMPARE(figures.count(figures.front()), figures.size());
    }

    // K and the tile overlap are chosen at inference: a trained model runs with others, and the
    // trained K returns the very codes it was saved with.
    void inferenceSettingsChangeWithoutRetraining()
    {
        ModelConfig c = tinyConfig();
        c.workingScale = 1;
        c.ieSteps = c.expertSteps = 20;  // speed and codes, not accuracy
        auto model = Model::create(c);
        QVERIFY(model->train(data));
        cv::Mat wide;
        cv::resize(probe, wide, cv::Size(80, 48));
        const Inference k2 = model->infer(wide);
        QCOMPARE(c.naiveSamples, 2);

        model->setScoringValue("naiveSamples", "1");
        const Inference k1 = model->infer(wide);
        QVERIFY(cv::norm(k1.naiveImpression, k2.naiveImpression, cv::NORM_INF) > 1e-5);
        QCOMPARE(cv::norm(k1.reconstruction, k2.reconstruction, cv::NORM_INF), 0.0);  // no naive code in x_hat
        model->setScoringValue("naiveSamples", "0");  // one naive impression, from the zero code
        const Inference k0 = model->infer(wide);
        QVERIFY(cv::norm(k0.naiveImpression, k1.naiveImpression, cv::NORM_INF) > 1e-5);
        QVERIFY(cv::norm(k0.naiveImpression, k2.naiveImpression, cv::NORM_INF) > 1e-5);
        QCOMPARE(cv::norm(k0.naiveImpression, model->infer(wide).naiveImpression, cv::NORM_INF), 0.0);
        model->setScoringValue("naiveSamples", "2");
        QCOMPARE(model->infer(wide).score, k2.score);

        model->setScoringValue("tileOverlap", "0");
        const Inference flat = model->infer(wide);
        QCOMPARE(flat.anomalyMap.size(), wide.size());
        QVERIFY(cv::norm(flat.impression, k2.impression, cv::NORM_INF) > 1e-5);  // 3 x 2 tiles, not 5 x 3
        QVERIFY_THROWS_EXCEPTION(Error, model->setScoringValue("tileOverlap", "0.95"));
        QVERIFY_THROWS_EXCEPTION(Error, model->setScoringValue("naiveSamples", "-1"));
        QCOMPARE(model->info().config.tileOverlap, 0.0);
        QCOMPARE(model->info().config.naiveSamples, 2);
        QVERIFY_THROWS_EXCEPTION(Error, model->setScoringValue("ganWeight", "1"));  // fixed by training
    }

    void calibrationChoosesTheMapAndRepeats()
    {
        auto untrained = Model::create(tinyConfig());
        QVERIFY_THROWS_EXCEPTION(Error, untrained->calibrate(data));

        auto model = Model::create(tinyConfig());
        QCOMPARE(model->info().config.anomalyCombination, std::string("auto"));
        QCOMPARE(model->info().config.reconstructionResidual, std::string("auto"));
        QStringList lines;
        TrainCallbacks cb;
        cb.onLog = [&lines](const std::string& s) { lines << QString::fromStdString(s); };
        QVERIFY(model->train(data, cb));
        const std::string chosen = model->info().config.anomalyCombination;
        const std::string residual = model->info().config.reconstructionResidual;
        QVERIFY2(chosen == "recon+naive" || chosen == "recon*naive", chosen.c_str());
        QVERIFY2(residual == "ssim" || residual == "ssim+gradient", residual.c_str());
        // The log names the choice and the four candidates it was chosen from.
        const QStringList choice = lines.filter("anomaly map: " + QString::fromStdString(chosen + ", " + residual));
        QVERIFY2(choice.size() == 1, qPrintable(lines.join('\n')));
        QCOMPARE(int(choice[0].count("AUROC")), 8);
        const Calibration trained = model->info().calibration;
        QCOMPARE(int(trained.goodScores.size()), 3);

        // A scoring change clears the calibration; calibrate measures it again on the same held-back
        // images, and with the training's settings it gives the training's figures.
        model->setScoringValue("smoothSigma", "4");
        QVERIFY(model->info().calibration.goodScores.empty());
        model->calibrate(data);
        QCOMPARE(int(model->info().calibration.goodScores.size()), 3);
        QVERIFY(model->info().calibration.goodScores != trained.goodScores);
        model->setScoringValue("smoothSigma", "2");
        model->setScoringValue("anomalyCombination", "auto");
        model->setScoringValue("reconstructionResidual", "auto");
        model->calibrate(data);
        QCOMPARE(model->info().config.anomalyCombination, chosen);
        QCOMPARE(model->info().config.reconstructionResidual, residual);
        QCOMPARE(model->info().calibration.goodScores, trained.goodScores);
        QCOMPARE(model->info().calibration.paintedScores, trained.paintedScores);
        QCOMPARE(model->info().calibration.maxPixel, trained.maxPixel);

        Dataset empty;
        empty.root = dir.filePath("nothing").toStdString();
        QVERIFY_THROWS_EXCEPTION(Error, model->calibrate(empty));
    }

    // Whole images with standardiseMap: calibration keeps the per-pixel mean and spread of the maps
    // of the images trained on, and the map is measured in those spreads: near 0 on good images,
    // several spreads up on a defect.
    void standardisedMap()
    {
        ModelConfig c = tinyConfig();
        c.standardiseMap = true;
        c.scoreTopFraction = 0.02;
        auto model = Model::create(c);
        QStringList lines;
        TrainCallbacks cb;
        cb.onLog = [&lines](const std::string& s) { lines << QString::fromStdString(s); };
        QVERIFY(model->train(data, cb));
        const Calibration cal = model->info().calibration;
        QCOMPARE(cal.mapMean.size(), cv::Size(32, 32));
        QCOMPARE(cal.mapStddev.size(), cv::Size(32, 32));
        double lo = 0, hi = 0;
        cv::minMaxLoc(cal.mapStddev, &lo, &hi);
        QVERIFY2(lo >= 0 && hi > 0, qPrintable(QString("spread %1 to %2").arg(lo).arg(hi)));
        QVERIFY2(
            !lines.filter("standardised by the maps of 13 training images").isEmpty(), qPrintable(lines.join('\n')));

        double goodMean = 0;
        for (const auto& s : data.train)
            goodMean += cv::mean(model->infer(readImage(s)).anomalyMapNet)[0] / double(data.train.size());
        cv::Mat defect = readImage(data.train.front()).clone();
        cv::circle(defect, {16, 16}, 5, cv::Scalar(255), cv::FILLED);
        double defectMax = 0;
        cv::minMaxLoc(model->infer(defect).anomalyMapNet, nullptr, &defectMax);
        QVERIFY2(goodMean < 1.0 && defectMax > 3.0,
            qPrintable(QString("good images' mean %1, the defect's maximum %2").arg(goodMean).arg(defectMax)));

        // Calibrating again, on images read afresh, gathers the same statistics: training left the
        // images it trained on as they were (it once flipped them in place).
        model->calibrate(data);
        QCOMPARE(model->info().calibration.goodScores, cal.goodScores);
        QCOMPARE(cv::norm(model->info().calibration.mapMean, cal.mapMean, cv::NORM_INF), 0.0);
        QCOMPARE(cv::norm(model->info().calibration.mapStddev, cal.mapStddev, cv::NORM_INF), 0.0);

        // A calibration that fails part-way, after it has set the statistics aside (here its log
        // throws), leaves the model's calibration as it was.
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, model->calibrate(data, [](const std::string& line) {
            if (line.find("standardised by") != std::string::npos)
                throw std::runtime_error("stopped");
        }));
        QCOMPARE(model->info().calibration.goodScores, cal.goodScores);
        QCOMPARE(cv::norm(model->info().calibration.mapMean, cal.mapMean, cv::NORM_INF), 0.0);
    }

    void noReadableImages()
    {
        Dataset empty;
        empty.root = dir.filePath("nothing").toStdString();
        auto model = Model::create(tinyConfig());
        QVERIFY_THROWS_EXCEPTION(Error, model->train(empty));
        Dataset broken = empty;
        Sample s;
        s.path = dir.filePath("nothing/missing.png").toStdString();
        broken.train.push_back(s);
        QVERIFY_THROWS_EXCEPTION(Error, model->train(broken));
    }

    void badConfig()
    {
        ModelConfig c = tinyConfig();
        c.tileSize = 40;
        QVERIFY_THROWS_EXCEPTION(Error, Model::create(c));
        c = tinyConfig();
        c.tileOverlap = 0.95;
        QVERIFY_THROWS_EXCEPTION(Error, Model::create(c));
        c = tinyConfig();
        c.ganWeight = -1;
        QVERIFY_THROWS_EXCEPTION(Error, Model::create(c));
        c = tinyConfig();
        c.expertNormEpsilon = 0;
        QVERIFY_THROWS_EXCEPTION(Error, Model::create(c));
        QVERIFY_THROWS_EXCEPTION(Error, deviceFromString("tpu"));
        QCOMPARE(deviceFromString("cpu"), Device::Cpu);
        QVERIFY_THROWS_EXCEPTION(Error, presetConfig("gpu"));
        QVERIFY_THROWS_EXCEPTION(Error, methodFromString("vae"));
        QCOMPARE(methodFromString(methodName(Method::Autoencoder)), Method::Autoencoder);
        QCOMPARE(presetConfig("paper").tileSize, 256);
        QCOMPARE(presetConfig("paper").latentDim, 128);
        QCOMPARE(presetConfig("paper").naiveSamples, 10);
    }

    void threadsAndGflops()
    {
        QCOMPARE(setThreads(1), 1);
        QVERIFY(setThreads(0) >= 1);
        QVERIFY(measureMatmulGflops(256) > 0.1);
    }
};

QTEST_APPLESS_MAIN(TestTraining)
#include "test_training.moc"
