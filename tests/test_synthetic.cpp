// The synthetic-defect benchmark (`utad-synth`): both datasets open in MVTec AD layout, and every
// painted defect shows where its mask says it is.
#include "utad/dataset.h"
#include "utad/painted_defects.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>
#include <map>
#include <opencv2/core.hpp>

using namespace utad;

class TestSynthetic : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QProcess p;
        p.start(UTAD_SYNTH, {m_dir.path(), "--weld", UTAD_SAMPLE_DIR});
        QVERIFY(p.waitForFinished(120000));
        QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
    }

    void layout_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("train");
        QTest::addColumn<int>("good");
        QTest::addColumn<int>("defective");
        QTest::newRow("texture") << "texture" << 60 << 20 << 50;
        QTest::newRow("weld") << "weld" << 37 << 16 << 40;
    }

    // The counts, five defect types, and a mask of the image's size on every defective image.
    void layout()
    {
        QFETCH(QString, name);
        QFETCH(int, train);
        QFETCH(int, good);
        QFETCH(int, defective);
        const Dataset d = openDataset(m_dir.filePath(name).toStdString());
        QCOMPARE(d.kind, DatasetKind::MVTec);
        QCOMPARE(int(d.train.size()), train);
        std::map<std::string, int> perType;
        for (const Sample& s : d.test) {
            ++perType[s.defectType];
            if (s.label == Label::Good) {
                QVERIFY(s.maskPath.empty());
                continue;
            }
            const cv::Mat image = readImage(s), mask = readMask(s);
            QCOMPARE(mask.size(), image.size());
            QVERIFY2(cv::countNonZero(mask) >= 4, s.path.c_str());
        }
        QCOMPARE(perType["good"], good);
        QCOMPARE(int(perType.size()), 6);
        for (const auto& [type, count] : perType)
            QCOMPARE(count, type == "good" ? good : defective / 5);
    }

    // Each painted weld defect changes at least half of its marked pixels by 8 grey levels or more
    // against the good image it was painted on: a dark hole on the black background or a brightening
    // of saturated white would not. The generator takes the sample's good test images in turn: the
    // first 16 as good test images, then one for each defect, type by type (defect N of type T on
    // image 16 + 8 T + N, counting round).
    void weldDefectsShow()
    {
        const QStringList types = {"hole", "crack", "fray", "cutpaste", "brightness"};
        std::vector<cv::Mat> bases;
        for (const Sample& s : openDataset(UTAD_SAMPLE_DIR).test)
            if (s.label == Label::Good)
                bases.push_back(readImage(s));
        const Dataset d = openDataset(m_dir.filePath("weld").toStdString());
        int checked = 0;
        for (const Sample& s : d.test) {
            if (s.label != Label::Anomalous)
                continue;
            const int type = int(types.indexOf(QString::fromStdString(s.defectType)));
            const int n = QFileInfo(QString::fromStdString(s.path)).baseName().toInt() - 1000;
            QVERIFY(type >= 0 && n >= 0);
            const cv::Mat image = readImage(s), mask = readMask(s);
            const cv::Mat& base = bases[size_t(16 + 8 * type + n) % bases.size()];
            QCOMPARE(base.size(), image.size());
            // Untouched far from the defect (a brightness change fades out; the others stay in the mask).
            if (s.defectType != "brightness")
                QCOMPARE(cv::norm(image, base, cv::NORM_INF, mask == 0), 0.0);
            cv::Mat diff;
            cv::absdiff(image, base, diff);
            const int shown = cv::countNonZero((diff >= 8) & mask), marked = cv::countNonZero(mask);
            QVERIFY2(shown * 2 >= marked,
                qPrintable(QString("%1: %2 of %3 marked pixels changed")
                               .arg(QString::fromStdString(s.path))
                               .arg(shown)
                               .arg(marked)));
            ++checked;
        }
        QCOMPARE(checked, 40);
    }

    // The painter as calibration calls it: every kind shows on a small striped ramp, in the pixels
    // its mask marks; an image too small for a defect is left alone.
    void painterOnSmallImages()
    {
        std::mt19937 rng(4);
        for (const auto& type : kPaintedDefectTypes) {
            cv::Mat grey(40, 56, CV_8U);
            for (int y = 0; y < grey.rows; ++y)
                for (int x = 0; x < grey.cols; ++x)
                    grey.at<uchar>(y, x) = uchar(60 + 2 * x + (y / 4 % 2) * 40);
            const cv::Mat before = grey.clone();
            const cv::Mat mask = paintDefect(grey, type, rng);
            QVERIFY2(!mask.empty(), type.c_str());
            QCOMPARE(mask.size(), grey.size());
            cv::Mat changed;
            cv::absdiff(grey, before, changed);
            QVERIFY2(cv::countNonZero((changed >= 8) & mask) * 2 >= cv::countNonZero(mask), type.c_str());
        }
        cv::Mat tiny(12, 30, CV_8U, cv::Scalar(120));
        QVERIFY(paintDefect(tiny, "hole", rng).empty());
        QCOMPARE(cv::countNonZero(tiny != 120), 0);
    }

private:
    QTemporaryDir m_dir;
};

QTEST_APPLESS_MAIN(TestSynthetic)
#include "test_synthetic.moc"
