// The review report (HTML with panels, CSV, PDF) on the bundled sample, and retraining with the
// images marked as false positives.
#include "ui/inferencetask.h"
#include "ui/inspectorwidget.h"
#include "ui/mainwindow.h"
#include "ui/project.h"
#include "ui/review/annotationstore.h"
#include "ui/review/reporttask.h"
#include "ui/review/retrain.h"
#include "ui/review/reviewreport.h"
#include "ui/review/reviewtools.h"
#include "ui/review/scoreindex.h"
#include "ui/taskmanager.h"
#include "ui/taskstatuswidget.h"
#include "ui/trainingtask.h"
#include "ui/translation.h"
#include "utad/dataset.h"
#include "utad/evaluation.h"
#include "utad/model.h"

#include "tiny_model.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QMessageBox>
#include <QPointer>
#include <QProcess>
#include <QProgressBar>
#include <QProgressDialog>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <cmath>
#include <map>

using namespace utad::ui;

namespace {

// Scores on the sample's test images: defects high, good images low, except three good ones.
std::vector<utad::ImageResult> sampleResults(const utad::Dataset& dataset)
{
    std::vector<utad::ImageResult> results;
    int good = 0, defective = 0;
    for (const utad::Sample& s : dataset.test) {
        utad::ImageResult r;
        r.path = s.path;
        r.label = s.label;
        r.defectType = s.defectType;
        if (s.label == utad::Label::Good)
            r.score = good++ < 3 ? 0.7 + 0.01 * good : 0.1 + 0.001 * good;
        else
            r.score = defective++ < 4 ? 0.2 : 0.9;  // four missed defects
        results.push_back(r);
    }
    return results;
}

// A deliberately tiny model: the tests are about the loop, not about accuracy.
utad::ModelConfig tinyConfig()
{
    utad::ModelConfig config = utad::testing::tinyConfig();
    config.augment = false;
    return config;
}

QStringList csvRows(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QStringList lines = QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    return lines;
}

struct PdfText {
    int pages = 0;
    QString text;
    QString error;
};

// The PDF's page count and text, through poppler-utils.
PdfText readPdf(const QString& path)
{
    PdfText out;
    QProcess info;
    info.start(QStringLiteral("pdfinfo"), {path});
    if (!info.waitForFinished(60000) || info.exitCode() != 0) {
        out.error = QStringLiteral("pdfinfo %1: %2").arg(path, QString::fromLocal8Bit(info.readAllStandardError()));
        return out;
    }
    const QRegularExpressionMatch m
        = QRegularExpression(QStringLiteral("Pages:\\s+(\\d+)")).match(QString::fromUtf8(info.readAllStandardOutput()));
    out.pages = m.hasMatch() ? m.captured(1).toInt() : 0;
    QProcess text;
    text.start(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), path, QStringLiteral("-")});
    if (!text.waitForFinished(60000) || text.exitCode() != 0) {
        out.error = QStringLiteral("pdftotext %1: %2").arg(path, QString::fromLocal8Bit(text.readAllStandardError()));
        return out;
    }
    out.text = QString::fromUtf8(text.readAllStandardOutput());
    return out;
}

}  // namespace

class TestReviewReport : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_dataset = utad::openDataset(UTAD_SAMPLE_DIR);
        QVERIFY(m_dataset.test.size() > 20);
    }

    void reportRecordsEveryDecision()
    {
        // UTAD_REPORT_DIR keeps the reports, to look at the PDF pages.
        QTemporaryDir temporary;
        const QDir dir(
            qEnvironmentVariableIsSet("UTAD_REPORT_DIR") ? qEnvironmentVariable("UTAD_REPORT_DIR") : temporary.path());
        Project project;
        QString error;
        project.setDatasetPath(QStringLiteral(UTAD_SAMPLE_DIR));
        QVERIFY2(project.saveAs(dir.filePath(QStringLiteral("review.utadproj")), &error), qPrintable(error));
        const auto results = sampleResults(m_dataset);
        project.setResults(results);
        Thresholds t;
        t.image = 0.5;
        project.setThresholds(t);

        // Marks: a flagged good image is a false positive; a passed defect is drawn and noted.
        QString falsePositive, missed;
        for (const auto& r : results) {
            if (falsePositive.isEmpty() && r.label == utad::Label::Good && r.score >= 0.5)
                falsePositive = QString::fromStdString(r.path);
            if (missed.isEmpty() && r.label == utad::Label::Anomalous && r.score < 0.5)
                missed = QString::fromStdString(r.path);
        }
        AnnotationStore* store = project.annotations();
        store->setMark(falsePositive, Mark::FalsePositive);
        store->setNote(falsePositive, QStringLiteral("glare, \"not\" a crack, ok"));
        store->setMark(missed, Mark::MissedDefect);
        QImage mask(400, 256, QImage::Format_Grayscale8);
        mask.fill(0);
        for (int y = 100; y < 120; ++y)
            for (int x = 50; x < 90; ++x)
                mask.scanLine(y)[x] = 255;
        store->setMask(missed, mask);

        // Images with panels, computed independently of the report code: flagged or annotated.
        QStringList detailed;
        for (const auto& r : results)
            if (r.score >= 0.5 || QString::fromStdString(r.path) == missed)
                detailed << QString::fromStdString(r.path);
        QCOMPARE(reportDetailImages(project), detailed);
        QVERIFY(detailed.size() < int(results.size()));  // passed images exist and must still be listed

        const QString html = dir.filePath(QStringLiteral("report/review.html"));
        const QString pdf = reportPdfPath(html);
        QDir().mkpath(QFileInfo(html).absolutePath());
        QVERIFY2(writeReviewReport(project, html, pdf, &error), qPrintable(error));

        // CSV: one row per image, passed ones too, in result order; panels only for the detailed.
        const QStringList rows = csvRows(reportCsvPath(html));
        QCOMPARE(rows.size(), int(results.size()) + 1);
        QVERIFY(rows[0].startsWith(QStringLiteral("image,label,defect_type,score,decision,mark")));
        for (size_t i = 0; i < results.size(); ++i) {
            const QString& row = rows[int(i) + 1];
            const QString path = QString::fromStdString(results[i].path);
            QVERIFY2(row.startsWith(path + QLatin1Char(',')), qPrintable(row));
            const QString decision = row.section(QLatin1Char(','), 4, 4);
            QCOMPARE(decision, results[i].score >= 0.5 ? QStringLiteral("defective") : QStringLiteral("good"));
            QCOMPARE(row.contains(QStringLiteral("_input.png")), detailed.contains(path));
        }
        const QString fpRow
            = rows[int(std::find_if(results.begin(), results.end(),
                           [&](const auto& r) { return QString::fromStdString(r.path) == falsePositive; })
                       - results.begin())
                + 1];
        QVERIFY2(fpRow.contains(QStringLiteral("False positive")), qPrintable(fpRow));
        QVERIFY2(
            fpRow.contains(QStringLiteral("\"glare, \"\"not\"\" a crack, ok\"")), qPrintable(fpRow));  // CSV quoting
        // The drawn defect is copied into the report's folder, and the CSV names the copy.
        const auto missedRow = std::find_if(
            rows.begin(), rows.end(), [&](const QString& row) { return row.startsWith(missed + QLatin1Char(',')); });
        QVERIFY(missedRow != rows.end());
        QVERIFY2(missedRow->contains(QStringLiteral("Missed defect")), qPrintable(*missedRow));
        const QString maskCopy = missedRow->section(QLatin1Char(','), 8, 8);
        QVERIFY2(
            maskCopy.startsWith(QFileInfo(reportFilesDir(html)).fileName() + QLatin1Char('/')), qPrintable(maskCopy));
        QCOMPARE(QImage(QFileInfo(html).dir().filePath(maskCopy)).convertToFormat(QImage::Format_Grayscale8),
            QImage(store->maskPath(missed)).convertToFormat(QImage::Format_Grayscale8));

        // HTML: every image in the summary; every detailed one with its input panel beside it.
        QFile htmlFile(html);
        QVERIFY(htmlFile.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(htmlFile.readAll());
        for (const auto& r : results)
            QVERIFY2(text.contains(QDir(QStringLiteral(UTAD_SAMPLE_DIR))
                                       .relativeFilePath(QString::fromStdString(r.path))
                                       .toHtmlEscaped()),
                r.path.c_str());
        const QStringList panels = QDir(reportFilesDir(html)).entryList({QStringLiteral("*_input.png")});
        QCOMPARE(panels.size(), detailed.size());
        for (const QString& p : panels) {
            QVERIFY(text.contains(QFileInfo(reportFilesDir(html)).fileName() + QLatin1Char('/') + p));
            QVERIFY(!QImage(QDir(reportFilesDir(html)).filePath(p)).isNull());
        }
        QVERIFY(text.contains(QStringLiteral("Image threshold")));
        QVERIFY(!text.contains(QStringLiteral("by defect type")));  // one kind: the counts above say it all
        QVERIFY(text.contains(QStringLiteral("glare, &quot;not&quot; a crack, ok")));
        const utad::Confusion c = ScoreIndex(results, store).confusionAt(0.5);
        QVERIFY(text.contains(QStringLiteral("%1 / %2").arg(c.tp).arg(c.fn)));

        // PDF: every image by name, and a page count made for paper.
        const PdfText pdfText = readPdf(pdf);
        QVERIFY2(pdfText.error.isEmpty(), qPrintable(pdfText.error));
        for (const auto& r : results) {
            const QString name = QFileInfo(QString::fromStdString(r.path)).fileName();
            QVERIFY2(pdfText.text.count(name) >= (detailed.contains(QString::fromStdString(r.path)) ? 2 : 1),
                qPrintable(name));
        }
        QVERIFY(pdfText.text.contains(QStringLiteral("glare, \"not\" a crack, ok")));
        QVERIFY(pdfText.text.contains(QStringLiteral("False positive")));
        // A summary of 45 or more rows a page and at least four panel blocks a page.
        const int maxPages = 1 + int(results.size() + 44) / 45 + (int(detailed.size()) + 3) / 4;
        QVERIFY2(pdfText.pages >= 2 && pdfText.pages <= maxPages,
            qPrintable(QStringLiteral("%1 pages for %2 images, %3 with panels")
                           .arg(pdfText.pages)
                           .arg(results.size())
                           .arg(detailed.size())));

        // Every image flagged: still a page count for paper.
        t.image = 0;
        project.setThresholds(t);
        const QString all = dir.filePath(QStringLiteral("all/review.html"));
        QDir().mkpath(QFileInfo(all).absolutePath());
        QVERIFY2(writeReviewReport(project, all, reportPdfPath(all), &error), qPrintable(error));
        const PdfText allText = readPdf(reportPdfPath(all));
        QVERIFY2(allText.pages <= 1 + int(results.size() + 44) / 45 + int(results.size() + 3) / 4,
            qPrintable(QString::number(allText.pages)));
        QCOMPARE(csvRows(reportCsvPath(all)).size(), int(results.size()) + 1);

        // A report that cannot be written says where.
        QVERIFY(!writeReviewReport(project, QStringLiteral("/proc/no-such-dir/r.html"), QString(), &error));
        QVERIFY2(error.contains(QStringLiteral("/proc/no-such-dir")), qPrintable(error));
    }

    // Bug: in German the operating point's longer names were cut short and ran into their values,
    // and the CSV's values changed with the interface language.
    void operatingPointAndCsvInEveryLanguage_data()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("German") << QStringLiteral("de");
        QTest::newRow("Chinese") << QStringLiteral("zh_CN");
    }

    void operatingPointAndCsvInEveryLanguage()
    {
        QFETCH(QString, language);
        QTranslator translator;  // the workbench's own translation, removed again at the end
        QVERIFY(translator.load(QStringLiteral("utad_") + language, translationsDirectory()));
        QCoreApplication::installTranslator(&translator);
        const QLocale previousLocale;
        QLocale::setDefault(QLocale(language));  // as the workbench does when it loads a translation
        const auto restore = qScopeGuard([&] {  // at the end, also when a check fails
            QCoreApplication::removeTranslator(&translator);
            QLocale::setDefault(previousLocale);
        });
        QTemporaryDir temporary;  // UTAD_REPORT_DIR keeps the reports, to look at the PDF pages
        const QDir dir(
            qEnvironmentVariableIsSet("UTAD_REPORT_DIR") ? qEnvironmentVariable("UTAD_REPORT_DIR") : temporary.path());
        Project project;
        QString error;
        project.setDatasetPath(QStringLiteral(UTAD_SAMPLE_DIR));
        QVERIFY2(project.saveAs(dir.filePath(language + QStringLiteral(".utadproj")), &error), qPrintable(error));
        const auto results = sampleResults(m_dataset);
        project.setResults(results);
        Thresholds t;
        t.image = 0.5;
        t.pixel = 0.82656;
        t.minRegionArea = 16;
        project.setThresholds(t);
        const QString html = dir.filePath(language + QStringLiteral("/review.html"));
        QDir().mkpath(QFileInfo(html).absolutePath());
        const bool written = writeReviewReport(project, html, reportPdfPath(html), &error);
        QVERIFY2(written, qPrintable(error));

        const PdfText pdfText = readPdf(reportPdfPath(html));
        QVERIFY2(pdfText.error.isEmpty(), qPrintable(pdfText.error));
        const QString pdfLines = pdfText.text.normalized(QString::NormalizationForm_KC);
        for (const char* name : {"Image threshold", "Uncertain below", "Pixel threshold / min. region", "Image AUROC",
                 "Defective: flagged / passed", "Good: flagged / passed", "False-positive rate"}) {
            const QString shown = translator.translate("utad::ui::ReviewReport", name);
            QVERIFY2(!shown.isEmpty() && shown != QLatin1String(name), name);
            QVERIFY2(pdfLines.contains(shown.normalized(QString::NormalizationForm_KC)),
                qPrintable(shown + QStringLiteral(" is not in full on the first page:\n") + pdfLines.left(1500)));
        }
        // Numbers in the language's own decimal sign, as the spin boxes show them.
        const QString pixelThreshold
            = language == QLatin1String("de") ? QStringLiteral("0,82656 / 16 px") : QStringLiteral("0.82656 / 16 px");
        QVERIFY2(pdfLines.contains(pixelThreshold), qPrintable(pdfLines.left(1500)));

        const QStringList rows = csvRows(reportCsvPath(html));
        QCOMPARE(rows.size(), int(results.size()) + 1);
        for (size_t i = 0; i < results.size(); ++i) {
            const QString& row = rows[int(i) + 1];
            QCOMPARE(row.section(QLatin1Char(','), 1, 1),
                results[i].label == utad::Label::Anomalous ? QStringLiteral("defective") : QStringLiteral("good"));
            QCOMPARE(row.section(QLatin1Char(','), 4, 4),
                results[i].score >= 0.5 ? QStringLiteral("defective") : QStringLiteral("good"));
            bool isNumber = false;  // the score in the C locale, whatever the language
            const double score = row.section(QLatin1Char(','), 3, 3).toDouble(&isNumber);
            QVERIFY2(isNumber && std::abs(score - results[i].score) < 1e-6, qPrintable(row));
        }
    }

    void reportCountsEachDefectType()
    {
        // Two kinds of defect: every third defective image is a hole, the others cracks.
        QTemporaryDir temporary;
        const QDir dir(temporary.path());
        Project project;
        QString error;
        project.setDatasetPath(QStringLiteral(UTAD_SAMPLE_DIR));
        QVERIFY2(project.saveAs(dir.filePath(QStringLiteral("kinds.utadproj")), &error), qPrintable(error));
        auto results = sampleResults(m_dataset);
        std::map<std::string, std::pair<int, int>> expected;  // kind -> flagged, images
        int defective = 0;
        for (auto& r : results) {
            if (r.label != utad::Label::Anomalous)
                continue;
            r.defectType = defective++ % 3 == 0 ? "hole" : "crack";
            expected[r.defectType].first += r.score >= 0.5;
            ++expected[r.defectType].second;
        }
        project.setResults(results);
        Thresholds t;
        t.image = 0.5;
        project.setThresholds(t);
        const QString html = dir.filePath(QStringLiteral("kinds/review.html"));
        QDir().mkpath(QFileInfo(html).absolutePath());
        QVERIFY2(writeReviewReport(project, html, reportPdfPath(html), &error), qPrintable(error));

        QFile htmlFile(html);
        QVERIFY(htmlFile.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(htmlFile.readAll());
        const PdfText pdfText = readPdf(reportPdfPath(html));
        QVERIFY2(pdfText.error.isEmpty(), qPrintable(pdfText.error));
        QVERIFY(text.contains(QStringLiteral("Defective images by defect type:")));
        // The PDF's fonts set "fl" as one ligature glyph; compatibility normalisation splits it again.
        const QString pdfLines = pdfText.text.normalized(QString::NormalizationForm_KC);
        for (const auto& [kind, counts] : expected) {
            QVERIFY(counts.first > 0 && counts.first < counts.second);  // the sample misses four defects
            const QString line = QStringLiteral("%1: %2 of %3 flagged, 0 uncertain, %4 passed")
                                     .arg(QString::fromStdString(kind))
                                     .arg(counts.first)
                                     .arg(counts.second)
                                     .arg(counts.second - counts.first);
            QVERIFY2(text.contains(line), qPrintable(line));
            QVERIFY2(pdfLines.contains(line), qPrintable(line));
        }
    }

    void reportWithAModel()
    {
        // Real panels: a few test images scored by a trained (tiny) model, with its one colour scale.
        std::shared_ptr<utad::Model> model = utad::Model::create(tinyConfig());
        QVERIFY(model->train(m_dataset));
        const double scale = utad::heatmapScale(model->info());
        QVERIFY(scale > 0);
        QCOMPARE(scale, 1.25 * model->info().calibration.maxPixel);

        std::vector<utad::ImageResult> results;
        int good = 0, defective = 0;
        for (const utad::Sample& s : m_dataset.test) {
            int& count = s.label == utad::Label::Good ? good : defective;
            if (count >= 4)
                continue;
            ++count;
            utad::ImageResult r;
            r.path = s.path;
            r.label = s.label;
            r.defectType = s.defectType;
            r.score = model->infer(utad::readImage(s)).score;
            results.push_back(r);
        }
        Project project;
        project.setDatasetPath(QStringLiteral(UTAD_SAMPLE_DIR));
        project.setResults(results);
        Thresholds t;
        std::vector<double> scores;
        for (const auto& r : results)
            scores.push_back(r.score);
        std::sort(scores.begin(), scores.end());
        t.image = scores[scores.size() / 2];  // half of them flagged
        t.pixel = 0.8 * model->info().calibration.maxPixel;  // low enough for outlines to show
        t.minRegionArea = 16;
        project.setThresholds(t);
        ReportOptions options;
        options.model = model;
        const ReportSnapshot snapshot = snapshotReport(project, options);
        QCOMPARE(snapshot.options.heatMax, scale);

        QTemporaryDir temporary;
        const QDir dir(
            qEnvironmentVariableIsSet("UTAD_REPORT_DIR") ? qEnvironmentVariable("UTAD_REPORT_DIR") : temporary.path());
        const QString html = dir.filePath(QStringLiteral("model/review.html"));
        QDir().mkpath(QFileInfo(html).absolutePath());
        QString error;
        QVERIFY2(writeReviewReport(snapshot, html, reportPdfPath(html), &error), qPrintable(error));
        const int detailed = int(reportDetailImages(project).size());
        QVERIFY(detailed > 0);
        // Four panels per detailed image, written beside the HTML and embedded in the PDF.
        QCOMPARE(QDir(reportFilesDir(html)).entryList({QStringLiteral("*_heatmap.png")}).size(), detailed);
        QFile pdf(reportPdfPath(html));
        QVERIFY(pdf.open(QIODevice::ReadOnly));
        QVERIFY2(pdf.readAll().count("/Subtype /Image") >= 4 * detailed, "panels missing from the PDF");
        // The colour bar's values: the model's scale, the same in every block and on the first page.
        const PdfText text = readPdf(reportPdfPath(html));
        QVERIFY2(text.error.isEmpty(), qPrintable(text.error));
        const QString top = QStringLiteral("\u2265 %1").arg(QString::number(scale, 'g', 3));
        QVERIFY2(text.text.count(top) >= detailed + 1, qPrintable(text.text));

        // The inspector uses the same scale once the window has the model.
        MainWindow window;
        window.setModel(model, QString());
        QCOMPARE(window.inspector()->panelStyle().heatMax, scale);
    }

    void exportRunsInTheBackground()
    {
        // Panels are painted on QImage off the GUI thread; a QPixmap there would be a bug.
        QTest::failOnWarning(
            QRegularExpression(QStringLiteral("QPixmap|thread"), QRegularExpression::CaseInsensitiveOption));
        MainWindow window;
        {
            Project previous;  // no marks from an earlier run
            previous.setDatasetPath(QStringLiteral(UTAD_SAMPLE_DIR));
            QFile::remove(previous.autosavePath());
        }
        QVERIFY(window.openDataset(QStringLiteral(UTAD_SAMPLE_DIR)));
        window.project()->setResults(sampleResults(*window.dataset()));
        Thresholds t;
        t.image = 0.5;
        window.project()->setThresholds(t);
        const QStringList expected = reportDetailImages(*window.project());
        QVERIFY(!expected.isEmpty());
        const auto& results = window.project()->results();
        ReviewTools* tools = window.reviewTools();
        QSignalSpy finished(tools, &ReviewTools::reportFinished);

        QTemporaryDir dir;
        const QString html = dir.filePath(QStringLiteral("async/review.html"));
        QDir().mkpath(QFileInfo(html).absolutePath());
        ReportTask* task = tools->startExport(html, true);
        QVERIFY(task);
        // Returned at once: the HTML is written only after every panel, on the pool thread.
        QVERIFY(!QFile::exists(html));
        QCOMPARE(tools->reportTask(), task);
        // The status bar's job list shows it, with its progress.
        QVERIFY(window.taskStatus()->isVisibleTo(&window));
        QVERIFY(window.taskStatus()->jobNames().contains(QStringLiteral("Review report")));
        // A second request while it runs is refused, not queued and not crashing.
        QVERIFY(!tools->startExport(dir.filePath(QStringLiteral("second.html")), true));
        QVERIFY(tools->lastProblem().contains(QStringLiteral("already")));

        QVERIFY(finished.wait(180000));
        QCOMPARE(finished.count(), 1);
        QVERIFY2(finished.first().at(0).toBool(),
            qPrintable(window.findChild<QMessageBox*>() ? window.findChild<QMessageBox*>()->text() : QString()));
        QCOMPARE(finished.first().at(1).toString(), html);
        QVERIFY(!tools->reportTask());
        QVERIFY(!window.taskStatus()->isVisibleTo(&window));
        QVERIFY(QFile::exists(html));
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("second.html"))));
        const QStringList rows = csvRows(reportCsvPath(html));
        QCOMPARE(rows.size(), int(results.size()) + 1);
        for (size_t i = 0; i < results.size(); ++i)
            QVERIFY2(rows[int(i) + 1].startsWith(QString::fromStdString(results[i].path) + QLatin1Char(',')),
                qPrintable(rows[int(i) + 1]));
        QCOMPARE(QDir(reportFilesDir(html)).entryList({QStringLiteral("*_input.png")}).size(), expected.size());
        QFile pdf(reportPdfPath(html));
        QVERIFY(pdf.open(QIODevice::ReadOnly));
        const QByteArray bytes = pdf.readAll();
        QVERIFY(bytes.startsWith("%PDF"));
        QVERIFY2(bytes.size() > 20000, qPrintable(QString::number(bytes.size())));  // text and images
        // Printed on the worker thread, the panels still reach the PDF.
        QVERIFY2(bytes.count("/Subtype /Image") >= expected.size(),
            qPrintable(QString::number(bytes.count("/Subtype /Image"))));
        QVERIFY(!window.findChild<QMessageBox*>());

        // Another export is accepted once the first one is over; a path that cannot be written
        // ends in a message box naming it.
        finished.clear();
        QVERIFY(tools->startExport(QStringLiteral("/proc/no-such-dir/r.html"), true));
        QVERIFY(finished.wait(180000));
        QVERIFY(!finished.first().at(0).toBool());
        QMessageBox* box = nullptr;
        QTRY_VERIFY((box = window.findChild<QMessageBox*>()));
        QVERIFY2(box->text().contains(QStringLiteral("/proc/no-such-dir")), qPrintable(box->text()));
        box->close();

        // Cancelled at once: nothing is written and no error is shown.
        finished.clear();
        const QString cancelled = dir.filePath(QStringLiteral("cancelled/review.html"));
        QDir().mkpath(QFileInfo(cancelled).absolutePath());
        ReportTask* third = tools->startExport(cancelled, true);
        QVERIFY(third);
        third->cancel();
        QVERIFY(finished.wait(180000));
        QVERIFY(!finished.first().at(0).toBool());
        QVERIFY(!QFile::exists(cancelled));
        QVERIFY(!QFile::exists(reportPdfPath(cancelled)));
        QTest::qWait(50);
        QVERIFY(!window.findChild<QMessageBox*>());
    }

    void datasetWithMarkedFalsePositives()
    {
        AnnotationStore store;
        QString goodTest, defectTest;
        for (const auto& s : m_dataset.test) {
            if (goodTest.isEmpty() && s.label == utad::Label::Good)
                goodTest = QString::fromStdString(s.path);
            if (defectTest.isEmpty() && s.label == utad::Label::Anomalous)
                defectTest = QString::fromStdString(s.path);
        }
        store.setMark(goodTest, Mark::FalsePositive);
        store.setMark(defectTest, Mark::FalsePositive);  // the reviewer overrides the folder name
        store.setMark(QStringLiteral("/not/in/the/dataset.png"), Mark::FalsePositive);
        int added = 0;
        const utad::Dataset copy = datasetWithFalsePositives(m_dataset, store, &added);
        QCOMPARE(added, 2);
        QCOMPARE(copy.train.size(), m_dataset.train.size() + 2);
        QCOMPARE(copy.test.size(), m_dataset.test.size());
        QCOMPARE(QString::fromStdString(copy.train.back().path), defectTest);
        QCOMPARE(copy.train.back().label, utad::Label::Good);
        QVERIFY(copy.train.back().maskPath.empty());
        // Appending twice does not duplicate.
        const utad::Dataset again = datasetWithFalsePositives(copy, store, &added);
        QCOMPARE(added, 0);
        QCOMPARE(again.train.size(), copy.train.size());
    }

    void decisionChangesAndMetrics()
    {
        Project project;
        Thresholds t;
        t.image = 0.5;
        project.setThresholds(t);
        const auto before = sampleResults(m_dataset);
        auto after = before;
        after[0].score = 1 - after[0].score;  // flips
        after[1].score = after[1].score < 0.5 ? 0.45 : 0.55;  // stays on its side
        after[2].error = "unreadable";  // not compared
        after[3].score = 1 - after[3].score;
        const auto changes = decisionChanges(before, after, project);
        QCOMPARE(int(changes.size()), 2);
        QCOMPARE(changes[0].path, QString::fromStdString(before[0].path));
        QCOMPARE(changes[0].scoreBefore, before[0].score);
        QCOMPARE(changes[0].after, project.decide(after[0].score));

        std::vector<double> scores;
        std::vector<int> labels;
        for (const auto& r : before) {
            scores.push_back(r.score);
            labels.push_back(r.label == utad::Label::Anomalous);
        }
        const OperatingMetrics m = operatingMetrics(before, nullptr, 0.5);
        QCOMPARE(m.imageAuroc, utad::auroc(scores, labels));
        QCOMPARE(m.confusion.fp, utad::confusionAt(scores, labels, 0.5).fp);
        QCOMPARE(m.flagged, m.confusion.tp + m.confusion.fp);
    }

    void retrainWithMarks()
    {
        Project project;
        project.setDatasetPath(QStringLiteral(UTAD_SAMPLE_DIR));
        project.setResults(sampleResults(m_dataset));
        Thresholds t;
        t.image = 0.5;
        project.setThresholds(t);
        for (const auto& r : project.results())
            if (r.label == utad::Label::Good && r.score >= 0.5)
                project.annotations()->setMark(QString::fromStdString(r.path), Mark::FalsePositive);

        TaskManager tasks;
        auto retrainer = std::make_unique<Retrainer>(&project, tinyConfig(), m_dataset);
        retrainer->setAutoDelete(false);  // read after finished()
        QCOMPARE(retrainer->addedImages(), 3);
        QSignalSpy finished(retrainer.get(), &Retrainer::finished);
        QSignalSpy progress(retrainer.get(), &Retrainer::progressChanged);
        tasks.addTask(retrainer.get());
        QVERIFY(finished.wait(180000));
        const RetrainOutcome& outcome = retrainer->outcome();
        QVERIFY2(finished.first().first().toBool(), qPrintable(outcome.error));
        QVERIFY(outcome.model && outcome.model->trained());
        QCOMPARE(outcome.model->info().training.imageCount, int(m_dataset.train.size()) + 3);
        QCOMPARE(outcome.report.results.size(), m_dataset.test.size());
        QVERIFY(progress.count() >= 2);
        QCOMPARE(progress.last().first().toDouble(), 1.0);

        // The comparison shows both models at the same threshold and the changed decisions.
        QCOMPARE(outcome.beforeMetrics.confusion.fp, 3L);
        const OperatingMetrics expected = operatingMetrics(outcome.report.results, project.annotations(), 0.5);
        QCOMPARE(outcome.afterMetrics.confusion.tp, expected.confusion.tp);
        QCOMPARE(outcome.afterMetrics.confusion.fp, expected.confusion.fp);
        QCOMPARE(outcome.changes.size(), decisionChanges(outcome.before, outcome.report.results, project).size());
        RetrainComparisonDialog dialog(outcome);
        QCOMPARE(dialog.metricsTable()->item(6, 0)->text(), QStringLiteral("3"));
        QCOMPARE(dialog.metricsTable()->item(6, 1)->text(), QString::number(expected.confusion.fp));
        QCOMPARE(dialog.changesTable()->rowCount(), int(outcome.changes.size()));
    }

    void retrainFromTheWindow()
    {
        MainWindow window;
        std::shared_ptr<utad::Model> model;
        openForRetraining(window, &model);
        QVERIFY(!QTest::currentTestFailed());
        ReviewTools* tools = window.reviewTools();
        QVERIFY(!tools->startRetraining());  // nothing marked yet
        QVERIFY(tools->lastProblem().contains(QStringLiteral("false positive")));

        window.project()->annotations()->setMark(
            QString::fromStdString(window.dataset()->test.front().path), Mark::FalsePositive);
        Retrainer* retrainer = tools->startRetraining();
        QVERIFY(retrainer);
        QCOMPARE(retrainer->addedImages(), 1);
        QSignalSpy finished(tools, &ReviewTools::retrainFinished);
        QVERIFY(finished.wait(180000));
        QVERIFY(finished.first().first().toBool());
        // The comparison opens over the window; the current model stays until the user switches.
        RetrainComparisonDialog* comparison = nullptr;
        QTRY_VERIFY((comparison = window.findChild<RetrainComparisonDialog*>()));
        QCOMPARE(window.model(), std::shared_ptr<const utad::Model>(model));
        // The finished job is gone; the dialog holds the new model until it closes.
        QTRY_VERIFY(tools->retrainer() == nullptr);
        QVERIFY(window.tasks()->isIdle());
        std::weak_ptr<utad::Model> retrained = comparison->outcome().model;
        QVERIFY(!retrained.expired());
        comparison->close();
        QTRY_VERIFY(retrained.expired());
    }

    // Bug: the retraining dialog had no time left, and said nothing of the marked missed defects,
    // which it does not train on.
    void retrainDialogSaysTimeAndWhatItLearnsFrom()
    {
        MainWindow window;
        std::shared_ptr<utad::Model> model;
        openForRetraining(window, &model);
        QVERIFY(!QTest::currentTestFailed());
        AnnotationStore* store = window.project()->annotations();
        store->setMark(QString::fromStdString(window.dataset()->test.front().path), Mark::FalsePositive);
        for (const auto& sample : window.dataset()->test)
            if (sample.label == utad::Label::Anomalous) {
                store->setMark(QString::fromStdString(sample.path), Mark::MissedDefect);
                break;
            }
        QSignalSpy finished(window.reviewTools(), &ReviewTools::retrainFinished);
        window.reviewTools()->retrainAction()->trigger();
        QPointer<QProgressDialog> progress;  // it closes and deletes itself when the run ends
        QTRY_VERIFY((progress = window.findChild<QProgressDialog*>()));
        QVERIFY2(progress->labelText().contains(QStringLiteral("1 image(s) marked as missed defects are left out")),
            qPrintable(progress->labelText()));
        // The time left comes with the first progress report, unless the tiny model is done first.
        QTRY_VERIFY_WITH_TIMEOUT(
            !progress || progress->labelText().contains(QStringLiteral("remaining about")) || !finished.isEmpty(),
            60000);
        if (progress && window.reviewTools()->retrainer())
            progress->cancel();
        QVERIFY(!finished.isEmpty() || finished.wait(120000));
    }

    void retrainCancel()
    {
        Project project;
        project.setResults(sampleResults(m_dataset));
        project.annotations()->setMark(QString::fromStdString(m_dataset.test.front().path), Mark::FalsePositive);
        utad::ModelConfig config = tinyConfig();
        config.ieSteps = 100000;  // long enough to be cancelled while it runs
        config.expertSteps = 100000;
        TaskManager tasks;
        auto retrainer = std::make_unique<Retrainer>(&project, config, m_dataset);
        retrainer->setAutoDelete(false);
        QSignalSpy finished(retrainer.get(), &Retrainer::finished);
        tasks.addTask(retrainer.get());
        retrainer->cancel();
        QVERIFY(finished.wait(180000));
        QVERIFY(!finished.first().first().toBool());
        QVERIFY(retrainer->outcome().cancelled);
    }

private:
    // The sample in `window`, without marks from an earlier run, with a tiny model trained here and
    // the sample's scores.
    void openForRetraining(MainWindow& window, std::shared_ptr<utad::Model>* model)
    {
        {
            Project previous;
            previous.setDatasetPath(QStringLiteral(UTAD_SAMPLE_DIR));
            QFile::remove(previous.autosavePath());
        }
        QVERIFY(window.openDataset(QStringLiteral(UTAD_SAMPLE_DIR)));
        *model = utad::Model::create(tinyConfig());
        (*model)->train(*window.dataset());
        window.setModel(*model, QString());
        window.project()->setResults(sampleResults(*window.dataset()));
    }

    utad::Dataset m_dataset;
};

QTEST_MAIN(TestReviewReport)
#include "test_review_report.moc"
