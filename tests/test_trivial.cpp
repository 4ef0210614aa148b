// The rules without a network (`utad-trivial`): on a dataset made here, each finds what it should
// and nothing else: a darkened part by brightness, a small bright spot by the pixel Gaussian.
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

class TestTrivial : public QObject {
    Q_OBJECT

    QTemporaryDir dir;

    // A grey part with a little noise on a black background, at the same place in every image.
    static cv::Mat part(double grey)
    {
        cv::Mat img(48, 64, CV_8U, cv::Scalar(0));
        cv::rectangle(img, {16, 8}, {47, 39}, cv::Scalar(grey * 255), cv::FILLED);
        cv::Mat noise(img.size(), CV_8U);
        cv::randu(noise, 0, 12);
        img += noise.mul(img > 0, 1.0 / 255);
        return img;
    }

    void write(const QString& sub, const QString& name, const cv::Mat& img)
    {
        QVERIFY(QDir().mkpath(dir.filePath(sub)));
        QVERIFY(cv::imwrite(dir.filePath(sub + "/" + name).toStdString(), img));
    }

    // Image AUROC, pixel AUROC and AUPRO of the output line of one rule.
    static QList<double> figures(const QString& output, const QString& rule)
    {
        const auto line = QRegularExpression(
            "^\\s*" + rule + "\\s+image AUROC (\\S+)\\s+pixel AUROC (\\S+)\\s+AUPRO \\(0.3\\) (\\S+)$",
            QRegularExpression::MultilineOption)
                              .match(output);
        if (!line.hasMatch())
            return {};
        return {line.captured(1).toDouble(), line.captured(2).toDouble(), line.captured(3).toDouble()};
    }

    QString run(const QString& data)
    {
        QProcess p;
        p.start(UTAD_TRIVIAL, {data});
        if (!p.waitForFinished(60000) || p.exitCode() != 0)
            return "failed: " + QString::fromUtf8(p.readAllStandardError());
        return QString::fromUtf8(p.readAllStandardOutput());
    }

private slots:
    void rulesFindWhatTheyShould()
    {
        QVERIFY(dir.isValid());
        for (int i = 0; i < 12; ++i)
            write("train/good", QString("%1.png").arg(i), part(0.55 + 0.01 * (i % 5)));
        for (int i = 0; i < 6; ++i) {
            write("test/good", QString("%1.png").arg(i), part(0.56));
            write("test/dark", QString("%1.png").arg(i), part(0.2));
            write("ground_truth/dark", QString("%1_mask.png").arg(i), [] {
                cv::Mat m(48, 64, CV_8U, cv::Scalar(0));
                cv::rectangle(m, {16, 8}, {47, 39}, cv::Scalar(255), cv::FILLED);
                return m;
            }());
            cv::Mat spot = part(0.56), mask(spot.size(), CV_8U, cv::Scalar(0));
            cv::circle(spot, {24 + 2 * i, 20}, 3, cv::Scalar(250), cv::FILLED);
            cv::circle(mask, {24 + 2 * i, 20}, 3, cv::Scalar(255), cv::FILLED);
            write("test/spot", QString("%1.png").arg(i), spot);
            write("ground_truth/spot", QString("%1_mask.png").arg(i), mask);
        }
        QString out = run(dir.path());
        QVERIFY2(out.contains("18 labelled test images, 12 good training images"), qPrintable(out));
        QList<double> brightness = figures(out, "brightness"), gaussian = figures(out, "pixel Gaussian");
        QVERIFY2(brightness.size() == 3 && gaussian.size() == 3, qPrintable(out));
        // The spots stand far out of the good parts' spread at their place: every defective image
        // ranks above every good one, and the spots' pixels above nearly all good pixels. Brightness
        // marks whole images, so the good pixels around a spot rank with it.
        QCOMPARE(gaussian[0], 1.0);
        QVERIFY2(gaussian[1] > 0.95 && gaussian[1] > brightness[1], qPrintable(out));

        // Without the spots, brightness alone ranks every darkened part above every good one.
        QVERIFY(QDir(dir.filePath("test/spot")).removeRecursively());
        QVERIFY(QDir(dir.filePath("ground_truth/spot")).removeRecursively());
        out = run(dir.path());
        brightness = figures(out, "brightness");
        QVERIFY2(brightness.size() == 3, qPrintable(out));
        QCOMPARE(brightness[0], 1.0);

        // An empty training folder is a clear message, not a crash.
        QTemporaryDir empty;
        QVERIFY(QDir().mkpath(empty.filePath("test/good")));
        QProcess p;
        p.start(UTAD_TRIVIAL, {empty.path()});
        QVERIFY(p.waitForFinished(60000));
        QVERIFY(p.exitCode() != 0);
        QVERIFY2(p.readAllStandardError().startsWith("error: "), "no message");
    }
};

QTEST_GUILESS_MAIN(TestTrivial)
#include "test_trivial.moc"
