// The colour legend of the anomaly map: its colours are the panels' colours, it shows the model's
// one scale (the rule the report and the command line use) in the inspector, and the exported
// panel picture carries the file name, the score and the legend.
#include "ui/colorlegend.h"
#include "ui/imageconvert.h"
#include "ui/inspectorwidget.h"
#include "ui/mainwindow.h"
#include "ui/panelrender.h"
#include "ui/project.h"
#include "utad/dataset.h"
#include "utad/evaluation.h"
#include "utad/model.h"

#include "tiny_model.h"

#include <QPainter>
#include <QStandardPaths>
#include <QtTest>

using namespace utad::ui;

namespace {

// Rows of `image` between y0 and y1 that hold anything but white.
int inkedRows(const QImage& image, int y0, int y1)
{
    int rows = 0;
    for (int y = y0; y < y1; ++y)
        for (int x = 0; x < image.width(); ++x)
            if (image.pixel(x, y) != qRgb(255, 255, 255)) {
                ++rows;
                break;
            }
    return rows;
}

}  // namespace

class TestHeatLegend : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_dataset = utad::openDataset(UTAD_SAMPLE_DIR);
        m_model = utad::Model::create(utad::testing::tinyConfig());
        QVERIFY(m_model->train(m_dataset));
    }

    void legendShowsThePanelColours()
    {
        // A horizontal bar: its left end is the colour of 0, its right end that of the maximum.
        QImage image(400, 40, QImage::Format_RGB32);
        image.fill(Qt::white);
        QPainter painter(&image);
        paintColorLegend(painter, QRectF(0, 0, 400, 40), ColorMap::Jet, 2.0);
        painter.end();
        cv::Mat ends(1, 2, CV_32F);
        ends.at<float>(0, 0) = 0.0f;
        ends.at<float>(0, 1) = 2.0f;
        const QImage expected = toQImage(colorize(ends, 2.0, ColorMap::Jet));
        // Sample inside the bar (it is inset by half the widest label, and framed).
        int left = -1, right = -1;
        for (int x = 0; x < image.width(); ++x)
            if (image.pixel(x, 5) != qRgb(255, 255, 255) && image.pixel(x, 5) != qRgb(0, 0, 0)) {
                if (left < 0)
                    left = x;
                right = x;
            }
        QVERIFY(left >= 0 && right > left + 100);
        auto near = [](QRgb a, QRgb b) {
            return std::abs(qRed(a) - qRed(b)) + std::abs(qGreen(a) - qGreen(b)) + std::abs(qBlue(a) - qBlue(b)) < 40;
        };
        QVERIFY2(near(image.pixel(left + 1, 5), expected.pixel(0, 0)),
            qPrintable(QString::number(image.pixel(left + 1, 5), 16)));
        QVERIFY2(near(image.pixel(right - 1, 5), expected.pixel(1, 0)),
            qPrintable(QString::number(image.pixel(right - 1, 5), 16)));
        // The values are written below the bar.
        QVERIFY(inkedRows(image, 25, 40) > 3);

        // No scale, no bar.
        QImage empty(100, 20, QImage::Format_RGB32);
        empty.fill(Qt::white);
        QPainter p2(&empty);
        paintColorLegend(p2, QRectF(0, 0, 100, 20), ColorMap::Jet, 0);
        p2.end();
        QCOMPARE(inkedRows(empty, 0, 20), 0);
    }

    void renderPanelsReportsItsScale()
    {
        utad::Inference inference;
        inference.impression = cv::Mat(8, 8, CV_32F, cv::Scalar(0.5));
        inference.reconstruction = inference.impression.clone();
        inference.anomalyMap = cv::Mat(8, 8, CV_32F, cv::Scalar(0.25));
        inference.anomalyMap.at<float>(3, 3) = 0.75f;
        const cv::Mat source(8, 8, CV_8UC1, cv::Scalar(100));
        PanelStyle style;
        QCOMPARE(renderPanels(source, &inference, style).colorScaleMax, 0.75);  // the image's own range
        style.heatMax = 3.0;
        QCOMPARE(renderPanels(source, &inference, style).colorScaleMax, 3.0);  // the one scale
    }

    void inspectorLegendAndExport()
    {
        MainWindow window;
        window.resize(1280, 720);
        window.show();
        const std::shared_ptr<utad::Model>& model = m_model;
        window.setModel(model, QString());
        const double scale = utad::heatmapScale(model->info());
        QVERIFY(scale > 0);

        const utad::Sample& sample = m_dataset.test.back();
        const cv::Mat image = utad::readImage(sample);
        const utad::Inference inference = model->infer(image);
        InspectorWidget* inspector = window.inspector();
        const QString path = QString::fromStdString(sample.path);
        inspector->setSource(path, image, cv::Mat());
        inspector->setInference(path, inference);

        // The legend reads the model's scale, the same one the report and `utad --images` use.
        QCOMPARE(inspector->colorLegend()->maxValue(), scale);
        QVERIFY(inspector->colorLegend()->isVisible());
        QVERIFY(inspector->colorLegend()->width() >= 80);
        const QImage shown = inspector->colorLegend()->grab().toImage();
        QVERIFY(!shown.isNull());

        // The exported picture: file name and score above, the colour bar below the panels.
        const QString caption = inspector->exportCaption();
        QVERIFY2(caption.contains(QFileInfo(path).fileName()), qPrintable(caption));
        QVERIFY2(caption.contains(QString::number(inference.score, 'f', 4)), qPrintable(caption));
        const QImage plain = montage(
            {inspector->panelImage(0), inspector->panelImage(1), inspector->panelImage(2), inspector->panelImage(3)},
            {QString(), QString(), QString(), QString()}, 2);
        const QImage exported = inspector->montage(2);
        QVERIFY(exported.height() > plain.height() + 40);
        QCOMPARE(exported.width(), plain.width());
        QVERIFY(inkedRows(exported, 0, 30) > 5);  // caption
        QVERIFY(inkedRows(exported, exported.height() - 50, exported.height()) > 10);  // colour bar

        // Without a calibrated scale the legend follows the image's range.
        inspector->setHeatMax(0);
        double lo = 0, hi = 0;
        cv::minMaxLoc(inference.anomalyMap, &lo, &hi);
        QVERIFY(std::abs(inspector->colorLegend()->maxValue() - hi) < 1e-4 * std::max(1.0, hi));
    }

private:
    utad::Dataset m_dataset;
    std::shared_ptr<utad::Model> m_model;
};

QTEST_MAIN(TestHeatLegend)
#include "test_heat_legend.moc"
