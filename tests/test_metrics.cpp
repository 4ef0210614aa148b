// Metrics against cases worked out by hand, and properties that must hold on any data.
#include "utad/error.h"
#include "utad/metrics.h"

#include <QtTest>
#include <cmath>
#include <limits>
#include <opencv2/imgproc.hpp>
#include <random>

using namespace utad;

namespace {

bool near(double a, double b, double eps = 1e-9) { return std::abs(a - b) <= eps; }

#define QNEAR(a, b, eps)                                                                                               \
    QVERIFY2(near((a), (b), (eps)), qPrintable(QString("%1 != %2").arg(a, 0, 'g', 12).arg(b, 0, 'g', 12)))

cv::Mat row(std::initializer_list<float> values)
{
    cv::Mat m(1, int(values.size()), CV_32FC1);
    int i = 0;
    for (float v : values)
        m.at<float>(0, i++) = v;
    return m;
}

cv::Mat maskRow(std::initializer_list<int> values)
{
    cv::Mat m(1, int(values.size()), CV_8UC1);
    int i = 0;
    for (int v : values)
        m.at<std::uint8_t>(0, i++) = std::uint8_t(v);
    return m;
}

// Scores/labels of the classic example: scores {0.1, 0.4, 0.35, 0.8}, labels {0, 0, 1, 1}.
const std::vector<double> kScores = {0.1, 0.4, 0.35, 0.8};
const std::vector<int> kLabels = {0, 0, 1, 1};

}  // namespace

class TestMetrics : public QObject {
    Q_OBJECT
private slots:
    void aurocByHand();
    void aurocProperties();
    void rocCurveByHand();
    void f1MaxAndConfusionByHand();
    void pixelAurocByHand();
    void pixelAurocMatchesImageAuroc();
    void auproByHand();
    void auproProperties();
    void thresholdForFprByHand();
    void balancedThresholdByHand();
    void badInput();
    void pixelBins();
    void streamingByHand();
    void streamingMatchesExact();
    void streamingMergeIsExact();
    void streamingStateRoundTrip();
};

void TestMetrics::aurocByHand()
{
    // Pairs (positive, negative): 0.35 > 0.1 wins, 0.35 < 0.4 loses, 0.8 beats both: 3 of 4.
    QNEAR(auroc(kScores, kLabels), 0.75, 1e-12);
    // Ties count half: scores {0.5, 0.5, 0.2, 0.9}, labels {1, 0, 0, 1}.
    // 0.5(pos) vs 0.5(neg) = 0.5, vs 0.2 = 1; 0.9 beats both = 2: (1.5 + 2) / 4 = 0.875.
    QNEAR(auroc({0.5, 0.5, 0.2, 0.9}, {1, 0, 0, 1}), 0.875, 1e-12);
    // All tied: 0.5.
    QNEAR(auroc({1, 1, 1, 1}, {0, 1, 0, 1}), 0.5, 1e-12);
}

void TestMetrics::aurocProperties()
{
    std::mt19937 rng(7);
    std::uniform_real_distribution<double> u(0, 1);
    std::vector<double> scores;
    std::vector<int> labels;
    for (int i = 0; i < 20000; ++i) {
        labels.push_back(i % 3 == 0);
        scores.push_back(u(rng));
    }
    QNEAR(auroc(scores, labels), 0.5, 0.02);  // random scores
    std::vector<double> perfect(scores.size()), reversed(scores.size());
    for (std::size_t i = 0; i < scores.size(); ++i) {
        perfect[i] = labels[i] + scores[i];  // every positive above every negative
        reversed[i] = -perfect[i];
    }
    QNEAR(auroc(perfect, labels), 1.0, 1e-12);
    QNEAR(auroc(reversed, labels), 0.0, 1e-12);
    QVERIFY(std::isnan(auroc({0.1, 0.2}, {1, 1})));  // one class absent
    QVERIFY(std::isnan(auroc({}, {})));
}

void TestMetrics::rocCurveByHand()
{
    // Descending: 0.8(pos) 0.4(neg) 0.35(pos) 0.1(neg); 2 positives, 2 negatives.
    const RocCurve roc = rocCurve(kScores, kLabels);
    const std::vector<double> fpr = {0, 0, 0.5, 0.5, 1}, tpr = {0, 0.5, 0.5, 1, 1};
    const std::vector<double> thr = {INFINITY, 0.8, 0.4, 0.35, 0.1};
    QCOMPARE(roc.fpr, fpr);
    QCOMPARE(roc.tpr, tpr);
    QCOMPARE(roc.thresholds, thr);
    // Equal scores make one point.
    QCOMPARE(int(rocCurve({0.5, 0.5, 0.2}, {1, 0, 0}).fpr.size()), 3);
}

void TestMetrics::f1MaxAndConfusionByHand()
{
    // t=0.8: tp1 fp0 fn1 -> 2/3; t=0.4: tp1 fp1 fn1 -> 1/2; t=0.35: tp2 fp1 fn0 -> 4/5; t=0.1: 4/6.
    const F1Max f = f1Max(kScores, kLabels);
    QNEAR(f.f1, 0.8, 1e-12);
    QNEAR(f.threshold, 0.35, 1e-12);
    QNEAR(f.precision, 2.0 / 3.0, 1e-12);
    QNEAR(f.recall, 1.0, 1e-12);

    // Flagged at >= 0.35: 0.4 (fp), 0.35 (tp), 0.8 (tp); 0.1 is a true negative.
    const Confusion c = confusionAt(kScores, kLabels, 0.35);
    QCOMPARE(c.tp, 2L);
    QCOMPARE(c.fp, 1L);
    QCOMPARE(c.tn, 1L);
    QCOMPARE(c.fn, 0L);
    QNEAR(c.precision(), 2.0 / 3.0, 1e-12);
    QNEAR(c.recall(), 1.0, 1e-12);
    QNEAR(c.falsePositiveRate(), 0.5, 1e-12);
    QNEAR(c.f1(), 0.8, 1e-12);
    // f1Max's threshold reproduces its F1 through confusionAt.
    QNEAR(confusionAt(kScores, kLabels, f.threshold).f1(), f.f1, 1e-12);

    const Confusion none = confusionAt(kScores, kLabels, 2.0);  // nothing flagged
    QCOMPARE(none.tp + none.fp, 0L);
    QCOMPARE(none.precision(), 0.0);
    QCOMPARE(f1Max({0.3}, {0}).f1, 0.0);  // no positives
}

void TestMetrics::pixelAurocByHand()
{
    // Image A (2x2): defects 0.9, 0.6; good 0.2, 0.1. Image B (2x2, no mask): good 0.7, 0.3, 0.5, 0.05.
    // 0.9 beats all 6 good pixels; 0.6 beats 5 (all but 0.7): 11 / (2 * 6).
    cv::Mat a = (cv::Mat_<float>(2, 2) << 0.9f, 0.2f, 0.6f, 0.1f);
    cv::Mat ma = (cv::Mat_<std::uint8_t>(2, 2) << 255, 0, 255, 0);
    cv::Mat b = (cv::Mat_<float>(2, 2) << 0.7f, 0.3f, 0.5f, 0.05f);
    QNEAR(pixelAuroc({a, b}, {ma, cv::Mat()}), 11.0 / 12.0, 1e-12);
    // Without any defect pixel the metric is undefined.
    QVERIFY(std::isnan(pixelAuroc({b}, {cv::Mat()})));
}

void TestMetrics::pixelAurocMatchesImageAuroc()
{
    // Treating each pixel as a scored sample must give the exact rank-based AUROC, ties included
    // (values on a coarse grid of 21 levels force many ties).
    std::mt19937 rng(3);
    std::uniform_int_distribution<int> level(0, 20), coin(0, 3);
    std::vector<cv::Mat> maps, masks;
    std::vector<double> scores;
    std::vector<int> labels;
    for (int i = 0; i < 30; ++i) {
        cv::Mat map(8, 9, CV_32FC1), mask(8, 9, CV_8UC1);
        for (int y = 0; y < 8; ++y)
            for (int x = 0; x < 9; ++x) {
                const int defect = coin(rng) == 0;
                const float v = float(level(rng) + 5 * defect) / 25.0f;
                map.at<float>(y, x) = v;
                mask.at<std::uint8_t>(y, x) = std::uint8_t(defect * 255);
                scores.push_back(v);
                labels.push_back(defect);
            }
        maps.push_back(map);
        masks.push_back(mask);
    }
    const double expected = auroc(scores, labels);
    QVERIFY(expected > 0.6 && expected < 0.95);
    QNEAR(pixelAuroc(maps, masks), expected, 1e-12);
}

void TestMetrics::auproByHand()
{
    // Image A (1x6): mask 255 255 0 0 0 255 -> region R1 = pixels 0-1 (area 2), R2 = pixel 5 (area 1).
    //   values 0.9 0.3 0.5 0.1 0.2 0.8. Image B (1x4, no mask): 0.4 0.05 0.15 0.25. Good pixels: 3 + 4 = 7.
    // A R1 pixel adds 1/(2*2) = 0.25 to the mean overlap, the R2 pixel 1/(1*2) = 0.5, a good pixel
    // 1/7 to the FPR. Descending thresholds give (fpr, pro):
    //   (0,0) 0.9:(0,.25) 0.8:(0,.75) 0.5:(1/7,.75) 0.4:(2/7,.75) 0.3:(2/7,1) 0.25:(3/7,1) ... (1,1)
    // Area to 0.3: 0.75 * 2/7 + 1 * (0.3 - 2/7) = 0.3 - 0.5/7; normalised: 1 - 1/(14*0.3) = 0.7619...
    // Area to 1: 0.75 * 2/7 + 5/7 = 6.5/7.
    const std::vector<cv::Mat> maps = {row({0.9f, 0.3f, 0.5f, 0.1f, 0.2f, 0.8f}), row({0.4f, 0.05f, 0.15f, 0.25f})};
    const std::vector<cv::Mat> masks = {maskRow({255, 255, 0, 0, 0, 255}), cv::Mat()};
    QNEAR(aupro(maps, masks), 1.0 - 1.0 / 4.2, 1e-9);
    QNEAR(aupro(maps, masks, 1.0), 6.5 / 7.0, 1e-9);
    // Limit 0.2 falls inside the flat part at pro 0.75: area 0.75 * 0.2 -> 0.75.
    QNEAR(aupro(maps, masks, 0.2), 0.75, 1e-9);

    // Interpolation at the limit on a sloped segment: one defect pixel and one good pixel tied at 0.5
    // give (0,0) -> (1,1) directly; pro at 0.3 is 0.3, area 0.3 * 0.3 / 2 = 0.045, normalised 0.15.
    QNEAR(aupro({row({0.5f, 0.5f})}, {maskRow({255, 0})}), 0.15, 1e-9);

    // Regions are 8-connected, as in the MVTec AD evaluation. Mask (2x3):
    //   255   0   0        values 0.9 0.5 0.4
    //     0 255 255               0.3 0.2 0.1
    // One region of 3 pixels (weight 1/3 each); good pixels 0.5, 0.4, 0.3. Curve: (0,0) 0.9:(0,1/3)
    // 0.5:(1/3,1/3) ... so the area to 0.3 is 0.3 / 3, normalised 1/3. With 4-connectivity the
    // corner pixel would be a region of its own (weight 1/2) and the answer 0.5.
    cv::Mat diag = (cv::Mat_<float>(2, 3) << 0.9f, 0.5f, 0.4f, 0.3f, 0.2f, 0.1f);
    cv::Mat diagMask = (cv::Mat_<std::uint8_t>(2, 3) << 255, 0, 0, 0, 255, 255);
    QNEAR(aupro({diag}, {diagMask}), 1.0 / 3.0, 1e-9);
}

void TestMetrics::auproProperties()
{
    std::mt19937 rng(11);
    std::uniform_real_distribution<float> u(0, 1);
    std::vector<cv::Mat> maps, perfect, reversed, masks;
    for (int i = 0; i < 20; ++i) {
        cv::Mat mask(32, 32, CV_8UC1, cv::Scalar(0));
        if (i % 2 == 0)
            cv::rectangle(mask, cv::Rect(i % 7, i % 5, 4 + i % 6, 3 + i % 4), cv::Scalar(255), cv::FILLED);
        cv::Mat map(32, 32, CV_32FC1);
        cv::randu(map, 0, 1);
        cv::Mat p = map.clone(), r;
        p.setTo(cv::Scalar(1.5), mask);  // defects above every good pixel
        r = -p;
        maps.push_back(map);
        perfect.push_back(p);
        reversed.push_back(r);
        masks.push_back(i % 2 == 0 ? mask : cv::Mat());
    }
    QNEAR(aupro(perfect, masks), 1.0, 1e-9);
    QNEAR(aupro(reversed, masks), 0.0, 1e-9);
    QNEAR(pixelAuroc(perfect, masks), 1.0, 1e-12);
    QNEAR(pixelAuroc(reversed, masks), 0.0, 1e-12);
    // Random maps: overlap grows like the FPR, so the normalised area to 0.3 is about 0.15.
    QNEAR(aupro(maps, masks), 0.15, 0.03);
    QNEAR(pixelAuroc(maps, masks), 0.5, 0.03);
    QVERIFY(std::isnan(aupro({maps[1]}, {cv::Mat()})));  // no defect region
}

void TestMetrics::balancedThresholdByHand()
{
    // Good {0.1, 0.2, 0.3, 0.9}, defective {0.5, 0.6, 0.95}. Between 0.3 and 0.5 (t = 0.4) every
    // defect and one good image in four are flagged: 1 - 1.5 / 4 = 0.625, the best gain; just below
    // 0.95 (t = 0.925): 1 / 3.
    const std::vector<double> good{0.9, 0.1, 0.3, 0.2}, defective{0.6, 0.95, 0.5};
    QNEAR(balancedThreshold(good, defective, 1.5), 0.4, 1e-12);
    // A false alarm weighing 5: at 0.4, 1 - 5 / 4 < 0; at 0.925, 1 / 3 with no good image flagged.
    QNEAR(balancedThreshold(good, defective, 5), 0.925, 1e-12);
    // A tie (0.5 at t = 0.35 and at t = 0.85) takes the lower threshold, which finds more defects.
    QNEAR(balancedThreshold({0.2, 0.8}, {0.5, 0.9}, 1), 0.35, 1e-12);
    // NaN scores are left out.
    const double nan = std::numeric_limits<double>::quiet_NaN();
    QNEAR(balancedThreshold({0.9, nan, 0.1, 0.3, 0.2}, {0.6, 0.95, nan, 0.5}, 1.5), 0.4, 1e-12);
    // Defects that score below every good image leave nothing to balance; so do empty sets.
    QVERIFY(std::isnan(balancedThreshold({0.5, 0.6}, {0.1, 0.2}, 1.5)));
    QVERIFY(std::isnan(balancedThreshold({}, {0.1, 0.2}, 1.5)));
    QVERIFY(std::isnan(balancedThreshold({0.5}, {}, 1.5)));
}

void TestMetrics::thresholdForFprByHand()
{
    // Sorted {1,2,3,4,5}; quantile 1 - 0.25 = 0.75 at position 0.75 * 4 = 3 -> 4.
    QNEAR(thresholdForFpr({5, 1, 4, 2, 3}, 0.25), 4.0, 1e-12);
    // Quantile 0.9 at position 3.6 -> 4 + 0.6 * (5 - 4) = 4.6.
    QNEAR(thresholdForFpr({5, 1, 4, 2, 3}, 0.1), 4.6, 1e-12);
    QNEAR(thresholdForFpr({5, 1, 4, 2, 3}, 0.0), 5.0, 1e-12);
    QNEAR(thresholdForFpr({5, 1, 4, 2, 3}, 1.0), 1.0, 1e-12);
    QNEAR(thresholdForFpr({2.5}, 0.01), 2.5, 1e-12);
    QVERIFY(std::isnan(thresholdForFpr({}, 0.1)));
}

void TestMetrics::badInput()
{
    QVERIFY_THROWS_EXCEPTION(Error, auroc({0.1, 0.2}, {1}));
    cv::Mat map(4, 4, CV_32FC1, cv::Scalar(0)), mask(3, 4, CV_8UC1, cv::Scalar(0));
    QVERIFY_THROWS_EXCEPTION(Error, pixelAuroc({map}, {mask}));
    QVERIFY_THROWS_EXCEPTION(Error, aupro({map}, {mask}));
    QVERIFY_THROWS_EXCEPTION(Error, pixelAuroc({map, map}, {cv::Mat()}));
    QVERIFY_THROWS_EXCEPTION(Error, aupro({map}, {cv::Mat()}, 0.0));
}

namespace {

// Maps of `n` images with rectangular defects (every other image), values spread over decades like
// real anomaly maps, defects brighter on average but overlapping the good pixels.
void makeMaps(int n, unsigned seed, std::vector<cv::Mat>& maps, std::vector<cv::Mat>& masks)
{
    std::mt19937 rng(seed);
    std::lognormal_distribution<float> good(-3.0f, 1.0f), bad(-2.0f, 1.0f);
    for (int i = 0; i < n; ++i) {
        cv::Mat mask(24, 20, CV_8UC1, cv::Scalar(0));
        if (i % 2 == 0) {
            cv::rectangle(mask, cv::Rect(i % 9, i % 7, 3 + i % 5, 2 + i % 4), cv::Scalar(255), cv::FILLED);
            cv::circle(mask, cv::Point(15, 18), 1 + i % 3, cv::Scalar(255), cv::FILLED);
        }
        cv::Mat map(24, 20, CV_32FC1);
        for (int y = 0; y < map.rows; ++y)
            for (int x = 0; x < map.cols; ++x)
                map.at<float>(y, x) = mask.at<std::uint8_t>(y, x) ? bad(rng) : good(rng);
        maps.push_back(map);
        masks.push_back(i % 2 == 0 ? mask : cv::Mat());
    }
}

PixelMetrics streamed(
    const std::vector<cv::Mat>& maps, const std::vector<cv::Mat>& masks, std::size_t from = 0, std::size_t step = 1)
{
    PixelMetrics m;
    for (std::size_t i = from; i < maps.size(); i += step)
        m.add(maps[i], masks[i]);
    return m;
}

}  // namespace

void TestMetrics::pixelBins()
{
    using P = PixelMetrics;
    QCOMPARE(P::bin(0.0f), 0);
    QCOMPARE(P::bin(-1.0f), 0);
    QCOMPARE(P::bin(std::nanf("")), 0);
    QCOMPARE(P::bin(1e-7f), 0);  // below 2^-20
    QCOMPARE(P::bin(1e6f), P::kBins - 1);
    QCOMPARE(P::bin(INFINITY), P::kBins - 1);
    // Every value lies in [lower edge, next lower edge) of its bin; bins are about 2^-12 wide, relatively.
    std::mt19937 rng(5);
    std::uniform_real_distribution<double> exponent(-19.9, 11.9);
    int previous = 0;
    for (float v : {1e-6f, 1e-5f, 1e-3f, 0.01f, 0.1f, 0.5f, 0.999f, 1.0f, 1.5f, 2.0f, 100.0f, 4000.0f}) {
        const int b = P::bin(v);
        QVERIFY(b > previous);  // monotone
        previous = b;
    }
    for (int i = 0; i < 10000; ++i) {
        const float v = float(std::pow(2.0, exponent(rng)));
        const int b = P::bin(v);
        QVERIFY(b > 0 && b < P::kBins - 1);
        QVERIFY(P::binLowerEdge(b) <= v && v < P::binLowerEdge(b + 1));
        QVERIFY(P::binLowerEdge(b + 1) / P::binLowerEdge(b) - 1 <= 1.0 / 4096 + 1e-12);
        QCOMPARE(P::bin(float(P::binLowerEdge(b))), b);
    }
}

void TestMetrics::streamingByHand()
{
    // The hand-worked cases above, whose values lie in distinct bins, come out exactly.
    cv::Mat a = (cv::Mat_<float>(2, 2) << 0.9f, 0.2f, 0.6f, 0.1f);
    cv::Mat ma = (cv::Mat_<std::uint8_t>(2, 2) << 255, 0, 255, 0);
    cv::Mat b = (cv::Mat_<float>(2, 2) << 0.7f, 0.3f, 0.5f, 0.05f);
    PixelMetrics m;
    m.add(a, ma);
    m.add(b, cv::Mat());
    QNEAR(m.auroc(), 11.0 / 12.0, 1e-12);
    QCOMPARE(m.aurocMaxError(), 0.0);
    QCOMPARE(m.images(), std::uint64_t(2));
    QCOMPARE(m.defectPixels(), std::uint64_t(2));
    QCOMPARE(m.goodPixels(), std::uint64_t(6));

    PixelMetrics pro;
    pro.add(row({0.9f, 0.3f, 0.5f, 0.1f, 0.2f, 0.8f}), maskRow({255, 255, 0, 0, 0, 255}));
    pro.add(row({0.4f, 0.05f, 0.15f, 0.25f}), cv::Mat());
    QCOMPARE(pro.regions(), std::uint64_t(2));
    QNEAR(pro.aupro(), 1.0 - 1.0 / 4.2, 1e-9);
    QNEAR(pro.aupro(1.0), 6.5 / 7.0, 1e-9);
    QNEAR(pro.aupro(0.2), 0.75, 1e-9);
    // The F1 threshold is the lower edge of the bin holding the exact threshold.
    const F1Max exact = pixelF1Max({row({0.9f, 0.3f, 0.5f, 0.1f, 0.2f, 0.8f}), row({0.4f, 0.05f, 0.15f, 0.25f})},
        {maskRow({255, 255, 0, 0, 0, 255}), cv::Mat()});
    const F1Max f = pro.f1Max();
    QNEAR(f.f1, exact.f1, 1e-12);
    QVERIFY(f.threshold <= exact.threshold && exact.threshold - f.threshold <= exact.threshold / 4096);

    // Without defects, or without good pixels, the metrics are undefined.
    PixelMetrics none;
    none.add(b, cv::Mat());
    QVERIFY(std::isnan(none.auroc()) && std::isnan(none.aupro()));
    QVERIFY_THROWS_EXCEPTION(Error, none.add(b, cv::Mat(3, 2, CV_8UC1, cv::Scalar(0))));
    QVERIFY_THROWS_EXCEPTION(Error, none.aupro(0.0));
}

void TestMetrics::streamingMatchesExact()
{
    std::vector<cv::Mat> maps, masks;
    makeMaps(40, 21, maps, masks);
    const PixelMetrics m = streamed(maps, masks);

    const double auc = pixelAuroc(maps, masks), pro = aupro(maps, masks), pro1 = aupro(maps, masks, 1.0);
    QVERIFY(auc > 0.6 && auc < 0.9);  // an informative but imperfect map
    // The documented bounds hold, and are small for values spread like these.
    QVERIFY2(std::abs(m.auroc() - auc) <= m.aurocMaxError(),
        qPrintable(
            QString("%1 vs %2, bound %3").arg(m.auroc(), 0, 'g', 12).arg(auc, 0, 'g', 12).arg(m.aurocMaxError())));
    QVERIFY(m.aurocMaxError() < 1e-3);
    QVERIFY2(std::abs(m.aupro() - pro) <= m.auproMaxError() + 1e-9,
        qPrintable(
            QString("%1 vs %2, bound %3").arg(m.aupro(), 0, 'g', 12).arg(pro, 0, 'g', 12).arg(m.auproMaxError())));
    QVERIFY(m.auproMaxError() < 1e-3);
    QVERIFY(std::abs(m.aupro(1.0) - pro1) <= m.auproMaxError(1.0) + 1e-9);
    const F1Max exactF1 = pixelF1Max(maps, masks), f1 = m.f1Max();
    QNEAR(f1.f1, exactF1.f1, 2e-3);
    QVERIFY(f1.f1 <= exactF1.f1 + 1e-12);  // bin edges are a subset of the exact thresholds

    // Values on a coarse grid: every tie is a real tie, and the figures are exact.
    std::vector<cv::Mat> coarse;
    for (const cv::Mat& map : maps) {
        cv::Mat c(map.size(), CV_32FC1);
        for (int y = 0; y < map.rows; ++y)
            for (int x = 0; x < map.cols; ++x)
                c.at<float>(y, x) = std::round(map.at<float>(y, x) * 64.0f) / 64.0f;
        coarse.push_back(c);
    }
    const PixelMetrics mc = streamed(coarse, masks);
    QNEAR(mc.auroc(), pixelAuroc(coarse, masks), 1e-12);
    QNEAR(mc.aupro(), aupro(coarse, masks), 1e-9);
    QNEAR(mc.f1Max().f1, pixelF1Max(coarse, masks).f1, 1e-12);

    // Values crowded into one bin are the worst case: all ties, and the bound says so.
    PixelMetrics crowded;
    for (std::size_t i = 0; i < maps.size(); ++i)
        crowded.add(cv::Mat(maps[i].size(), CV_32FC1, cv::Scalar(0.5)) + maps[i] * 1e-6f, masks[i]);
    QNEAR(crowded.auroc(), 0.5, 1e-12);
    QVERIFY(crowded.aurocMaxError() > 0.49);
}

void TestMetrics::streamingMergeIsExact()
{
    std::vector<cv::Mat> maps, masks;
    makeMaps(30, 8, maps, masks);
    const PixelMetrics all = streamed(maps, masks);
    // Three interleaved parts, merged in another order than they were made.
    PixelMetrics merged = streamed(maps, masks, 2, 3);
    merged.merge(streamed(maps, masks, 0, 3));
    merged.merge(streamed(maps, masks, 1, 3));
    QVERIFY(merged.goodHistogram() == all.goodHistogram());
    QVERIFY(merged.defectHistogram() == all.defectHistogram());
    QVERIFY(merged.overlapHistogram() == all.overlapHistogram());
    QCOMPARE(merged.regions(), all.regions());
    QCOMPARE(merged.images(), std::uint64_t(30));
    QCOMPARE(merged.auroc(), all.auroc());
    QCOMPARE(merged.aupro(), all.aupro());
    QCOMPARE(merged.f1Max().f1, all.f1Max().f1);
    QCOMPARE(merged.f1Max().threshold, all.f1Max().threshold);
}

void TestMetrics::streamingStateRoundTrip()
{
    std::vector<cv::Mat> maps, masks;
    makeMaps(6, 2, maps, masks);
    const PixelMetrics m = streamed(maps, masks);
    const PixelMetrics back = PixelMetrics::fromState(
        m.goodHistogram(), m.defectHistogram(), m.overlapHistogram(), m.regions(), m.images());
    QCOMPARE(back.auroc(), m.auroc());
    QCOMPARE(back.aupro(), m.aupro());
    QCOMPARE(back.goodPixels(), m.goodPixels());
    QCOMPARE(back.images(), m.images());
    // A state from another binning, or with counts that do not add up, is refused.
    QVERIFY_THROWS_EXCEPTION(Error, PixelMetrics::fromState({1, 2}, {0, 0}, {0, 0}, 0, 1));
    QVERIFY_THROWS_EXCEPTION(Error,
        PixelMetrics::fromState(
            m.goodHistogram(), m.defectHistogram(), m.overlapHistogram(), m.regions() + 5, m.images()));
}

QTEST_APPLESS_MAIN(TestMetrics)
#include "test_metrics.moc"
