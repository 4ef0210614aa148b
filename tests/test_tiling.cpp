// Real-scale geometry: tiles cover the image, blending is seamless, maps come back at the source
// size, images smaller than a tile work, the fidelity measure, calibration on a large held set.
#include "utad/error.h"
#include "utad/model.h"
#include "utad/tiling.h"

#include "synthetic_textures.h"
#include "tiny_model.h"

#include <QtTest>
#include <opencv2/imgproc.hpp>

using namespace utad;

namespace {

// A smooth test picture with detail at several scales.
cv::Mat smoothPicture(cv::Size size)
{
    cv::Mat img(size, CV_32F);
    for (int y = 0; y < size.height; ++y)
        for (int x = 0; x < size.width; ++x)
            img.at<float>(y, x) = float(0.5 + 0.3 * std::sin(x * 0.11) * std::cos(y * 0.07) + 0.001 * x);
    return img;
}

// Largest difference between horizontally or vertically adjacent pixels.
double largestStep(const cv::Mat& m)
{
    cv::Mat dx, dy;
    cv::absdiff(m.colRange(1, m.cols), m.colRange(0, m.cols - 1), dx);
    cv::absdiff(m.rowRange(1, m.rows), m.rowRange(0, m.rows - 1), dy);
    double a = 0, b = 0;
    cv::minMaxLoc(dx, nullptr, &a);
    cv::minMaxLoc(dy, nullptr, &b);
    return std::max(a, b);
}

}  // namespace

class TestTiling : public QObject {
    Q_OBJECT

private slots:
    void tilesCoverEveryPixel_data()
    {
        QTest::addColumn<int>("width");
        QTest::addColumn<int>("height");
        QTest::newRow("1x1") << 1 << 1;
        QTest::newRow("smaller than a tile") << 20 << 7;
        QTest::newRow("exactly one tile") << 32 << 32;
        QTest::newRow("one pixel more") << 33 << 32;
        QTest::newRow("wide weld") << 192 << 43;
        QTest::newRow("tall") << 40 << 300;
    }

    void tilesCoverEveryPixel()
    {
        QFETCH(int, width);
        QFETCH(int, height);
        const TileGrid g = TileGrid::make(cv::Size(width, height), 32, 0.5);
        QCOMPARE(g.padded, cv::Size(std::max(width, 32), std::max(height, 32)));
        cv::Mat covered = cv::Mat::zeros(g.padded, CV_8U);
        for (const cv::Point& o : g.origins) {
            QVERIFY(o.x >= 0 && o.y >= 0 && o.x + 32 <= g.padded.width && o.y + 32 <= g.padded.height);
            covered(cv::Rect(o, cv::Size(32, 32))).setTo(1);
        }
        QCOMPARE(cv::countNonZero(covered), int(covered.total()));
        // Overlap 0.5: neighbours start half a tile apart, so a long side needs about 2 x length / tile.
        if (width > 32)
            QVERIFY(int(g.origins.size()) >= (width - 32) / 16 + 1);
        const cv::Mat padded = padToGrid(cv::Mat(height, width, CV_32F, cv::Scalar(0.25f)), g);
        QCOMPARE(padded.size(), g.padded);
        QCOMPARE(cv::mean(padded)[0], 0.25);  // reflected, not filled with zeros
    }

    void unchangedTilesBlendBackExactly()
    {
        const cv::Mat img = smoothPicture(cv::Size(150, 70));
        const TileGrid g = TileGrid::make(img.size(), 32, 0.5);
        const cv::Mat padded = padToGrid(img, g);
        TileBlender blender(g, 1);
        for (size_t i = 0; i < g.origins.size(); ++i)
            blender.add(i, padded(cv::Rect(g.origins[i], cv::Size(32, 32))).clone());
        const cv::Mat out = blender.result();
        QCOMPARE(out.size(), img.size());
        QVERIFY(cv::norm(out, img, cv::NORM_INF) < 1e-5);
    }

    void warpedTilesTurnAndScaleAboutTheCentre()
    {
        const cv::Mat img = smoothPicture(cv::Size(150, 90));
        const cv::Point origin(40, 20);
        const cv::Mat crop = img(cv::Rect(origin, cv::Size(32, 32)));
        // No turn, no scale: the plain crop.
        QVERIFY(cv::norm(warpedTile(img, origin, 32, 0, 1), crop, cv::NORM_INF) < 1e-5);
        // A quarter turn counter-clockwise of the same square, pixel for pixel.
        cv::Mat turned;
        cv::rotate(crop, turned, cv::ROTATE_90_COUNTERCLOCKWISE);
        QVERIFY(cv::norm(warpedTile(img, origin, 32, 90, 1), turned, cv::NORM_INF) < 1e-4);
        // Magnified twice: tile pixel p shows the crop at 15.5 + (p - 15.5) / 2, its middle spread out.
        const cv::Mat zoomed = warpedTile(img, origin, 32, 0, 2);
        for (const int p : {0, 9, 16, 31}) {
            const float q = 15.5f + (float(p) - 15.5f) / 2;
            cv::Mat expected;
            cv::getRectSubPix(crop, cv::Size(1, 1), cv::Point2f(q, q), expected);
            QVERIFY(std::abs(zoomed.at<float>(p, p) - expected.at<float>(0, 0)) < 1e-3);
        }
        QVERIFY(cv::norm(zoomed, crop, cv::NORM_INF) > 0.01);
        // Beyond the image's edge the edge pixels are repeated, never black.
        const cv::Mat corner = warpedTile(img, cv::Point(0, 0), 32, 45, 0.5);
        double cornerLow = 0;
        cv::minMaxLoc(corner, &cornerLow);
        double imageLow = 0;
        cv::minMaxLoc(img, &imageLow);
        QVERIFY(cornerLow >= imageLow - 1e-5);
    }

    void blendingHasNoSeams()
    {
        // Every tile says something different (0 or 1): hard stitching would jump by 1 at the seams;
        // blending fades between neighbours over the overlap.
        const TileGrid g = TileGrid::make(cv::Size(200, 120), 32, 0.5);
        TileBlender blender(g, 1);
        for (size_t i = 0; i < g.origins.size(); ++i)
            blender.add(i, cv::Mat(32, 32, CV_32F, cv::Scalar(float(i % 2 == 0 ? 0 : 1))));
        const cv::Mat out = blender.result();
        const double step = largestStep(out);
        QVERIFY2(step < 0.25, qPrintable(QString("largest step between neighbours %1").arg(step)));
    }

    // The segmenter runs in windows: an operator that reads no further than the margin gives the
    // result of one pass, without seams; without the margin it does not.
    void windowsGiveTheWholeImagesResult()
    {
        cv::Mat img(170, 300, CV_32F);
        cv::RNG(7).fill(img, cv::RNG::UNIFORM, 0.0, 1.0);  // detail everywhere, so missing context shows
        const int radius = 6;
        auto box = [&](const cv::Mat& m) {
            cv::Mat out;
            // Isolated: a filter would otherwise read beyond a view's edge into the whole image.
            cv::blur(m, out, cv::Size(2 * radius + 1, 2 * radius + 1), cv::Point(-1, -1),
                cv::BORDER_REFLECT | cv::BORDER_ISOLATED);
            return out;
        };
        const cv::Mat whole = box(img);
        int calls = 0, largest = 0;
        const cv::Mat windowed = inWindows(img.size(), 64, 8, [&](const cv::Rect& w) {
            ++calls;
            largest = std::max({largest, w.width, w.height});
            return box(img(w));
        });
        QCOMPARE(calls, 5 * 3);
        QCOMPARE(largest, 64 + 2 * 8);
        QCOMPARE(windowed.size(), img.size());
        QVERIFY(cv::norm(windowed, whole, cv::NORM_INF) < 1e-5);
        const cv::Mat noContext = inWindows(img.size(), 64, 0, [&](const cv::Rect& w) { return box(img(w)); });
        QVERIFY(cv::norm(noContext, whole, cv::NORM_INF) > 1e-3);
        // An image smaller than one window is one pass.
        calls = 0;
        const cv::Mat small = inWindows(cv::Size(40, 30), 64, 8, [&](const cv::Rect& w) {
            ++calls;
            return box(img(w));
        });
        QCOMPARE(calls, 1);
        QVERIFY(cv::norm(small, box(img(cv::Rect(0, 0, 40, 30))), cv::NORM_INF) < 1e-6);
    }

    void mapsComeBackAtTheSourceSize()
    {
        auto model = Model::create(testing::tinyConfig());
        std::mt19937 rng(3);
        const cv::Mat texture = testing::stripeTexture(rng, 400);
        // A 400 x 89 weld keeps its aspect ratio at working resolution (no squashing to a square).
        const cv::Mat weld = texture(cv::Rect(0, 0, 400, 89)).clone();
        const Inference r = model->infer(weld);
        QCOMPARE(r.anomalyMap.size(), weld.size());
        QCOMPARE(r.input.size(), cv::Size(50, 11));
        QCOMPARE(r.impression.size(), r.input.size());
        QCOMPARE(r.reconstruction.size(), r.input.size());
        QCOMPARE(r.anomalyMapNet.size(), r.input.size());
        QVERIFY(std::isfinite(r.score));
        // The whole pipeline blends tiles: the map of an untrained model is smooth across seams too.
        QVERIFY(largestStep(r.impression) < 0.5);
    }

    // The defect segmenter reads a part wider than its window (256 working pixels) window by window.
    void segmenterReadsWidePartsInWindows()
    {
        ModelConfig c = testing::tinyConfig();
        c.ieSteps = c.expertSteps = c.segmenterSteps = 5;
        c.segmenterWidth = 4;
        c.segmenterMap = "product";
        auto model = Model::create(c);
        QVERIFY(model->train(openDataset(UTAD_SAMPLE_DIR)));
        std::mt19937 rng(5);
        cv::Mat wide;
        cv::repeat(testing::stripeTexture(rng, 400), 1, 12, wide);  // 4800 x 400: 600 x 50 working pixels
        const Inference r = model->infer(wide);
        QCOMPARE(r.input.size(), cv::Size(600, 50));
        QCOMPARE(r.segmentation.size(), r.input.size());
        QVERIFY(cv::checkRange(r.segmentation, true, nullptr, 0.0, 1.0 + 1e-6));
        double least = 0, most = 0;
        cv::minMaxLoc(r.segmentation, &least, &most);
        QVERIFY(most > least);
        QVERIFY(std::isfinite(r.score));
    }

    void imageSmallerThanOneTile()
    {
        auto model = Model::create(testing::tinyConfig());
        for (const cv::Size size : {cv::Size(1, 1), cv::Size(9, 5), cv::Size(40, 12)}) {
            const cv::Mat img(size, CV_8UC1, cv::Scalar(120));
            const Inference r = model->infer(img);
            QCOMPARE(r.anomalyMap.size(), size);
            QVERIFY(std::isfinite(r.score));
        }
    }

    void fidelityMeasure()
    {
        const cv::Mat a = smoothPicture(cv::Size(64, 48));
        QVERIFY(std::abs(meanSsim(a, a) - 1.0) < 1e-6);
        cv::Mat noise(a.size(), CV_32F);
        cv::randu(noise, 0.0, 1.0);
        QVERIFY(meanSsim(a, noise) < 0.2);
        cv::Mat blurred;
        cv::GaussianBlur(a, blurred, cv::Size(), 3);
        const double s = meanSsim(a, blurred);
        QVERIFY(s > meanSsim(a, noise) && s < 1.0);
        QVERIFY_THROWS_EXCEPTION(Error, meanSsim(a, noise(cv::Rect(0, 0, 32, 32))));
    }

    void calibrationOnALargeHeldSet()
    {
        // 400 good images: a fifth (80) is held back and scored a few at a time for calibration.
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const Dataset data = testing::textureDataset(dir.path().toStdString(), 400, 32, 9);
        ModelConfig c = testing::tinyConfig();
        c.workingScale = 0;
        auto model = Model::create(c);
        QVERIFY(model->train(data));
        const Calibration& cal = model->info().calibration;
        QCOMPARE(int(cal.goodScores.size()), 80);
        QVERIFY(cal.maxPixel > 0);
        QVERIFY(cal.stddev > 0);
    }

    void sharedDefaultsFollowTheData()
    {
        const ModelConfig weld = configForDataset(openDataset(UTAD_SAMPLE_DIR), "cpu");
        QVERIFY(!weld.wholeImage());
        QCOMPARE(weld.channels, 1);
        // The sample's 400-pixel-wide images become about three tiles wide.
        QVERIFY(std::abs(400 * weld.workingScale - 3 * weld.tileSize) < 1);
        QTemporaryDir dir;
        const Dataset small = testing::textureDataset(dir.path().toStdString(), 4, 40, 1);
        QVERIFY(configForDataset(small, "cpu").wholeImage());
        // A reconstruction a pixel off is forgiven on tiles of larger parts, not on whole small images.
        QCOMPARE(weld.residualShift, 1);
        QCOMPARE(configForDataset(small, "cpu").residualShift, 0);
        const ModelConfig baseline = configForDataset(openDataset(UTAD_SAMPLE_DIR), "cpu", Method::Autoencoder);
        QCOMPARE(baseline.workingScale, weld.workingScale);
        // The whole two-stage budget, the segmenter's share too (an Expert-Net step costs several
        // IE-Net steps, a segmenter step more than one).
        QVERIFY(weld.segmenterSteps > 0);
        QVERIFY(baseline.ieSteps > weld.ieSteps + 2 * weld.expertSteps + weld.segmenterSteps);
        QCOMPARE(baseline.expertSteps, 0);
    }
};

QTEST_GUILESS_MAIN(TestTiling)
#include "test_tiling.moc"
