// Residual maps and image scores, and a trained model's map lighting up on a drawn scratch.
#include "utad/error.h"
#include "utad/model.h"

#include "scoring.h"
#include "synthetic_textures.h"

#include <QtTest>

using namespace utad;

// Stripes with little phase jitter: a pattern a few seconds of training learn.
static constexpr double kPeriod = 16, kPhase = 0.5;

class TestScoring : public QObject {
    Q_OBJECT

private slots:
    void ssimResidualOfIdenticalImagesIsZero()
    {
        std::mt19937 rng(1);
        cv::Mat a;
        testing::stripeTexture(rng, 48).convertTo(a, CV_32F, 1 / 255.0);
        const cv::Mat r = scoring::residual(a, a);
        double maxValue = 0;
        cv::minMaxLoc(r, nullptr, &maxValue);
        QVERIFY(maxValue < 1e-4);
        // A dark square shows up where it is, not elsewhere.
        cv::Mat b = a.clone();
        b(cv::Rect(30, 30, 8, 8)).setTo(0);
        const cv::Mat d = scoring::residual(a, b);
        QVERIFY(d.at<float>(34, 34) > 0.5);
        QVERIFY(d.at<float>(5, 5) < 1e-3);
        const cv::Mat sq = scoring::residual(a, b, false);
        QCOMPARE(sq.at<float>(34, 34), a.at<float>(34, 34) * a.at<float>(34, 34));
    }

    // The gradient residual: zero for identical images, at the size of the input, high on a thin
    // crack and low away from it; also on an image too small for the coarser scales.
    void gradientResidual()
    {
        std::mt19937 rng(3);
        cv::Mat a;
        testing::stripeTexture(rng, 64).convertTo(a, CV_32F, 1 / 255.0);
        double maxValue = 0;
        cv::minMaxLoc(scoring::gradientResidual(a, a), nullptr, &maxValue);
        QVERIFY(maxValue < 1e-6);
        cv::Mat b = a.clone();
        cv::line(b, {10, 50}, {54, 12}, 0.0, 1);  // one pixel wide
        const cv::Mat g = scoring::gradientResidual(a, b);
        QCOMPARE(g.size(), a.size());
        const float on = g.at<float>(31, 32), off = g.at<float>(4, 4);
        QVERIFY2(on > 0.05 && on > 10 * off, qPrintable(QString("%1 %2").arg(on).arg(off)));
        const cv::Mat tiny = scoring::gradientResidual(a(cv::Rect(0, 0, 10, 9)), b(cv::Rect(0, 0, 10, 9)));
        QCOMPARE(tiny.size(), cv::Size(10, 9));

        // In r(x, x_hat): half the sum of the SSIM residual, the gradient residual and the local mean
        // difference; "auto" (before calibration) is the SSIM residual.
        ModelConfig c;
        c.ssimLuminance = false;
        const cv::Mat plain = scoring::residual(a, b, true, false);
        c.reconstructionResidual = "ssim";
        QCOMPARE(cv::norm(scoring::reconstructionResidual(a, b, c), plain, cv::NORM_INF), 0.0);
        c.reconstructionResidual = "auto";
        QCOMPARE(cv::norm(scoring::reconstructionResidual(a, b, c), plain, cv::NORM_INF), 0.0);
        c.reconstructionResidual = "ssim+gradient";
        const cv::Mat mixed = scoring::reconstructionResidual(a, b, c);
        const cv::Mat expected = 0.5 * (plain + g + scoring::localMeanDifference(a, b));
        QVERIFY(cv::norm(mixed, expected, cv::NORM_INF) < 1e-6);
        c.reconstructionResidual = "magic";
        QVERIFY_THROWS_EXCEPTION(Error, scoring::reconstructionResidual(a, b, c));
        QVERIFY_THROWS_EXCEPTION(Error, setConfigValue(c, "reconstructionResidual", "magic"));
        setConfigValue(c, "reconstructionResidual", "ssim+gradient");
        QCOMPARE(configValue(c, "reconstructionResidual"), std::string("ssim+gradient"));
        QCOMPARE(anomalyMapName(c), std::string("auto, ssim+gradient"));
    }

    // With residualShift, r(x, x_hat) forgives x_hat drawn a pixel off, and still marks what x_hat
    // lacks everywhere near: the least over the shifts, never more than without them.
    void residualShift()
    {
        std::mt19937 rng(5);
        cv::Mat x;
        testing::stripeTexture(rng, 64).convertTo(x, CV_32F, 1 / 255.0);
        cv::Mat offByOne;  // x moved one pixel right and one down
        cv::copyMakeBorder(x, offByOne, 1, 0, 1, 0, cv::BORDER_REPLICATE);
        offByOne = offByOne(cv::Rect(0, 0, x.cols, x.rows)).clone();
        cv::Mat withSpot = x.clone();
        withSpot(cv::Rect(30, 30, 6, 6)).setTo(0);
        const cv::Rect inner(8, 8, 48, 48);  // away from the replicated edges
        for (const char* how : {"ssim", "ssim+gradient"}) {
            ModelConfig c;
            c.ssimLuminance = false;
            c.reconstructionResidual = how;
            const cv::Mat strict = scoring::reconstructionResidual(x, offByOne, c);
            c.residualShift = 1;
            const cv::Mat forgiving = scoring::reconstructionResidual(x, offByOne, c);
            QCOMPARE(forgiving.size(), x.size());
            double strictMax = 0, forgivingMax = 0;
            cv::minMaxLoc(strict(inner), nullptr, &strictMax);
            cv::minMaxLoc(forgiving(inner), nullptr, &forgivingMax);
            // (not zero with the gradient term: its coarse scales sample x_hat at its own phase)
            QVERIFY2(strictMax > 0.2 && forgivingMax < 0.01,
                qPrintable(QString("%1: %2 %3").arg(how).arg(strictMax).arg(forgivingMax)));
            const cv::Mat spot = scoring::reconstructionResidual(withSpot, x, c);
            QVERIFY2(spot.at<float>(33, 33) > 0.3, qPrintable(QString::number(spot.at<float>(33, 33))));
            QVERIFY(spot.at<float>(8, 50) < 1e-3);
            c.residualShift = 0;
            const cv::Mat spotStrict = scoring::reconstructionResidual(withSpot, x, c);
            QCOMPARE(cv::countNonZero(spot > spotStrict + 1e-6), 0);  // edges included
            c.residualShift = 1;
            double selfMax = 0;
            cv::minMaxLoc(scoring::reconstructionResidual(x, x, c), nullptr, &selfMax);
            QVERIFY2(selfMax < 1e-6, qPrintable(QString::number(selfMax)));
        }
        QCOMPARE(presetConfig("cpu").residualShift, 1);
        QCOMPARE(anomalyMapName(presetConfig("cpu")), std::string("auto, auto \u00b11 px, with segmenter"));
        QCOMPARE(ModelConfig{}.residualShift, 0);  // files without the key score as they were made
    }

    void imageScoreMaxAndTopFraction()
    {
        cv::Mat m = cv::Mat::zeros(10, 10, CV_32F);
        m.at<float>(2, 3) = 1.0f;
        m.at<float>(5, 5) = 0.5f;
        QCOMPARE(scoring::imageScore(m, 0), 1.0);
        QCOMPARE(scoring::imageScore(m, 0.02), 0.75);  // mean of the 2 highest of 100
        QCOMPARE(scoring::variance({m, m}).at<float>(2, 3), 0.0f);
    }

    // The sum marks what either residual marks; the product only what both mark.
    void combinations()
    {
        std::mt19937 rng(2);
        cv::Mat x;
        testing::stripeTexture(rng, 48).convertTo(x, CV_32F, 1 / 255.0);
        scoring::Views v;
        v.x = x;
        v.reconstruction = x.clone();
        v.reconstruction(cv::Rect(4, 4, 8, 8)).setTo(0);  // only in r(x, x_hat)
        v.reconstruction(cv::Rect(30, 30, 8, 8)).setTo(0);  // in both
        v.impression = x.clone();
        v.naiveMean = x.clone();
        v.naiveMean(cv::Rect(30, 30, 8, 8)).setTo(0);
        v.naiveVariance = cv::Mat::zeros(x.size(), CV_32F);
        ModelConfig c;
        c.anomalyCombination = "recon+naive";
        const cv::Mat sum = scoring::anomalyMap(v, c);
        c.anomalyCombination = "recon*naive";
        const cv::Mat product = scoring::anomalyMap(v, c);
        QVERIFY(sum.at<float>(8, 8) > 0.5 && sum.at<float>(34, 34) > 1.0);
        QVERIFY(product.at<float>(8, 8) < 1e-3 && product.at<float>(34, 34) > 0.5);
        const cv::Mat recon = scoring::residual(v.x, v.reconstruction, c.ssimResidual, c.ssimLuminance);
        const cv::Mat naive = scoring::residual(v.impression, v.naiveMean, c.ssimResidual, c.ssimLuminance);
        QCOMPARE(product.at<float>(34, 34), std::sqrt(recon.at<float>(34, 34) * naive.at<float>(34, 34)));
        c.anomalyCombination = "auto";  // not yet chosen by calibration: the sum
        QCOMPARE(cv::norm(scoring::anomalyMap(v, c), sum, cv::NORM_INF), 0.0);
        c.anomalyCombination = "magic";
        QVERIFY_THROWS_EXCEPTION(Error, scoring::anomalyMap(v, c));
    }

    // A short training on stripes; a scratch across a new texture must score higher inside than out.
    void scratchLightsUp_data()
    {
        QTest::addColumn<int>("method");
        QTest::newRow("utad") << int(Method::TwoStage);
        QTest::newRow("ae") << int(Method::Autoencoder);
    }

    void scratchLightsUp()
    {
        QFETCH(int, method);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const Dataset data = testing::textureDataset(dir.path().toStdString(), 24, 64, 21, kPeriod, kPhase);
        ModelConfig c = presetConfig("cpu", Method(method));
        c.tileSize = 64;
        c.workingScale = 0;  // whole 64 x 64 textures
        c.ieWidth = 8;
        c.latentDim = 16;
        c.expertWidth = 4;
        c.naiveSamples = 2;
        c.batchSize = 8;
        c.ieSteps = 90;
        c.expertSteps = c.method == Method::TwoStage ? 30 : 0;
        c.segmenterSteps = 0;  // what the two stages find alone
        c.augmentFlips = false;
        // Squared differences: SSIM also reacts to the texture's pixel noise, which a few seconds of
        // training cannot reproduce.
        c.ssimResidual = false;
        auto model = Model::create(c);
        QVERIFY(model->train(data));

        std::mt19937 rng(77);
        cv::Mat image = testing::stripeTexture(rng, 64, kPeriod, kPhase);
        cv::Mat mask = cv::Mat::zeros(image.size(), CV_8U);
        cv::line(image, {8, 50}, {56, 40}, cv::Scalar(0), 3);
        cv::line(mask, {8, 50}, {56, 40}, cv::Scalar(255), 3);
        const Inference r = model->infer(image);
        QCOMPARE(r.anomalyMap.size(), image.size());
        const double inside = cv::mean(r.anomalyMap, mask)[0];
        cv::Mat far;
        cv::dilate(mask, far, cv::getStructuringElement(cv::MORPH_ELLIPSE, {15, 15}));
        const double outside = cv::mean(r.anomalyMap, far == 0)[0];
        QVERIFY2(inside > 1.5 * outside, qPrintable(QString("inside %1, outside %2").arg(inside).arg(outside)));
        // The scratched image scores above the anomaly-free one.
        QVERIFY(r.score > model->infer(testing::stripeTexture(rng, 64, kPeriod, kPhase)).score);
        if (Method(method) == Method::TwoStage) {
            QVERIFY(!r.naiveImpression.empty());
            QVERIFY(!r.residualNaive.empty());
        }
        QVERIFY(!r.residualImpression.empty() && !r.residualReconstruction.empty());
    }
};

QTEST_APPLESS_MAIN(TestScoring)
#include "test_scoring.moc"
