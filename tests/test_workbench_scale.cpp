// The workbench with many images: panels kept on disk with only the last few in memory,
// thumbnails decoded for the rows in view only, a reopened project showing its scores without a
// model, and the image list's fast sorting agreeing with the order of its texts.
#include "ui/imagelistmodel.h"
#include "ui/inspectorwidget.h"
#include "ui/mainwindow.h"
#include "ui/panelcache.h"
#include "ui/project.h"
#include "ui/review/annotationstore.h"

#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>
#include <cmath>

using namespace utad::ui;

namespace {

utad::Inference syntheticInference(float value)
{
    utad::Inference inf;
    for (cv::Mat* m : {&inf.input, &inf.impression, &inf.reconstruction, &inf.naiveImpression, &inf.residualImpression,
             &inf.residualReconstruction, &inf.residualNaive, &inf.anomalyMapNet})
        *m = cv::Mat(16, 24, CV_32F, cv::Scalar(value));
    inf.anomalyMap = inf.anomalyMapNet.clone();
    inf.score = value;
    return inf;
}

// `n` symbolic links to one sample image, as test/good and test/crack of a dataset in `dir`.
utad::Dataset linkedDataset(const QTemporaryDir& dir, int n)
{
    const QString image = QStringLiteral(UTAD_SAMPLE_DIR "/test/good/3-r1_row0_0.png");
    utad::Dataset dataset;
    dataset.root = dir.filePath(QStringLiteral("data")).toStdString();
    dataset.kind = utad::DatasetKind::MVTec;
    for (int i = 0; i < n; ++i) {
        const bool good = i % 3 != 0;
        const QString folder
            = dir.filePath(good ? QStringLiteral("data/test/good") : QStringLiteral("data/test/crack"));
        QDir().mkpath(folder);
        const QString path = QDir(folder).filePath(QStringLiteral("%1.png").arg(i, 4, 10, QLatin1Char('0')));
        QFile::link(image, path);
        utad::Sample s;
        s.path = path.toStdString();
        s.label = good ? utad::Label::Good : utad::Label::Anomalous;
        s.defectType = good ? "good" : "crack";
        dataset.test.push_back(s);
    }
    return dataset;
}

std::vector<utad::ImageResult> resultsFor(const utad::Dataset& dataset)
{
    std::vector<utad::ImageResult> results;
    for (size_t i = 0; i < dataset.test.size(); ++i) {
        utad::ImageResult r;
        r.path = dataset.test[i].path;
        r.label = dataset.test[i].label;
        r.defectType = dataset.test[i].defectType;
        r.score = std::fmod(double(i) * 0.37, 1.0);  // not in path order
        r.index = i;
        results.push_back(r);
    }
    return results;
}

// Whether the proxy's rows are in the order of the column's sort texts (or numbers).
bool sortedBy(const QAbstractItemModel& proxy, int column, Qt::SortOrder order, QString* why)
{
    for (int row = 1; row < proxy.rowCount(); ++row) {
        const QVariant a = proxy.index(row - 1, column).data(ImageListModel::SortRole);
        const QVariant b = proxy.index(row, column).data(ImageListModel::SortRole);
        const int cmp = a.typeId() == QMetaType::Double ? (a.toDouble() < b.toDouble() ? -1
                                : a.toDouble() > b.toDouble()                          ? 1
                                                                                       : 0)
                                                        : QString::localeAwareCompare(a.toString(), b.toString());
        if (order == Qt::AscendingOrder ? cmp > 0 : cmp < 0) {
            *why = QStringLiteral("column %1 row %2: %3 / %4").arg(column).arg(row).arg(a.toString(), b.toString());
            return false;
        }
    }
    return true;
}

}  // namespace

class TestWorkbenchScale : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    // The memory cache keeps the most recently used panels and reads the others from their files.
    void panelMemoryCacheEvictsAndReloads()
    {
        QTemporaryDir dir;
        const QString a = dir.filePath(QStringLiteral("a.panels")), b = dir.filePath(QStringLiteral("b.panels")),
                      c = dir.filePath(QStringLiteral("c.panels"));
        QVERIFY(writeCachedInference(a, syntheticInference(0.25f)));
        QVERIFY(writeCachedInference(b, syntheticInference(0.5f)));
        QVERIFY(writeCachedInference(c, syntheticInference(0.75f)));

        PanelMemoryCache cache(2);
        auto scoreOf = [&](const QString& file) {
            const auto inference = cache.read(file);
            return inference ? inference->anomalyMapNet.at<float>(3, 5) : -1.0f;
        };
        QCOMPARE(scoreOf(a), 0.25f);
        QCOMPARE(scoreOf(b), 0.5f);
        QCOMPARE(cache.fileReads(), 2);
        QCOMPARE(scoreOf(a), 0.25f);  // from memory; a is now the most recent
        QCOMPARE(cache.fileReads(), 2);
        QCOMPARE(scoreOf(c), 0.75f);  // b goes
        QCOMPARE(cache.size(), 2);
        QCOMPARE(cache.fileReads(), 3);
        QCOMPARE(scoreOf(a), 0.25f);
        QCOMPARE(cache.fileReads(), 3);
        QCOMPARE(scoreOf(b), 0.5f);  // read again from its file, c goes
        QCOMPARE(cache.fileReads(), 4);

        // What memory holds is served without the file; an evicted entry needs it.
        QVERIFY(QFile::remove(b));
        QCOMPARE(scoreOf(b), 0.5f);
        QCOMPARE(scoreOf(c), 0.75f);  // from its file; a goes
        QCOMPARE(scoreOf(a), 0.25f);  // from its file; b goes
        QCOMPARE(scoreOf(b), -1.0f);  // gone from memory and disk
        QVERIFY(!cache.read(QString()));
        cache.clear();
        QCOMPARE(cache.size(), 0);
    }

    // A long list decodes the thumbnails of the rows a view paints, not of every row.
    void thumbnailsOnlyForVisibleRows()
    {
        QTemporaryDir dir;
        Project project;
        const utad::Dataset dataset = linkedDataset(dir, 400);
        project.openDataset(dataset, QString::fromStdString(dataset.root));
        ImageListModel model(&project, nullptr);  // decoded on the GUI thread: counted at once
        ImageFilterProxy proxy(&project);
        proxy.setSourceModel(&model);
        QTableView view;
        view.setModel(&proxy);
        view.verticalHeader()->setDefaultSectionSize(ImageListModel::kThumbnailSize + 4);
        view.resize(400, 10 * (ImageListModel::kThumbnailSize + 4));
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QTRY_VERIFY(model.thumbnailsDecoded() > 0);
        QTest::qWait(50);
        const int firstPage = model.thumbnailsDecoded();
        QVERIFY2(firstPage <= 12, qPrintable(QString::number(firstPage)));
        QVERIFY(!view.model()->index(0, 0).data(Qt::DecorationRole).isNull());

        view.scrollToBottom();
        QTRY_VERIFY(model.thumbnailsDecoded() > firstPage);
        QTest::qWait(50);
        QVERIFY2(
            model.thumbnailsDecoded() <= 2 * firstPage + 2, qPrintable(QString::number(model.thumbnailsDecoded())));
        QCOMPARE(model.cachedThumbnails(), model.thumbnailsDecoded());
        QVERIFY(model.cachedThumbnails() <= ImageListModel::kThumbnailCacheSize);
    }

    // Sorting compares precomputed ranks; the order must be that of the column's texts.
    void fastSortingAgreesWithTexts()
    {
        QTemporaryDir dir;
        Project project;
        utad::Dataset dataset = linkedDataset(dir, 60);
        dataset.test[7].label = utad::Label::Unknown;
        dataset.test[7].defectType.clear();
        project.openDataset(dataset, QString::fromStdString(dataset.root));
        auto results = resultsFor(dataset);
        results.resize(50);  // ten unscored
        project.setResults(results);
        Thresholds t;
        t.image = 0.4;
        t.uncertainHigh = 0.7;
        project.setThresholds(t);
        const QString path3 = QString::fromStdString(dataset.test[3].path);
        project.annotations()->setMark(path3, Mark::FalsePositive);
        project.annotations()->setReviewed(QString::fromStdString(dataset.test[4].path), true);
        ImageListModel model(&project, nullptr);
        ImageFilterProxy proxy(&project);
        proxy.setSourceModel(&model);
        QString why;
        for (int column = ImageListModel::NameColumn; column < ImageListModel::ColumnCount; ++column)
            for (Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
                proxy.sort(column, order);
                QVERIFY2(sortedBy(proxy, column, order, &why), qPrintable(why));
            }
        // A new mark moves its row when the list is sorted by review marks.
        proxy.sort(ImageListModel::ReviewColumn, Qt::AscendingOrder);
        project.annotations()->setMark(QString::fromStdString(dataset.test[9].path), Mark::MissedDefect);
        QTRY_VERIFY2(sortedBy(proxy, ImageListModel::ReviewColumn, Qt::AscendingOrder, &why), qPrintable(why));
        // So do new scores, and a threshold filters at once.
        proxy.sort(ImageListModel::ScoreColumn, Qt::DescendingOrder);
        utad::ImageResult top = results[20];
        top.score = 5;
        project.updateResult(top);
        QTRY_COMPARE(proxy.index(0, 0).data(ImageListModel::PathRole).toString(), QString::fromStdString(top.path));
        proxy.setPredictionFilter(ImageFilterProxy::PredictionFilter::Defective);
        const int defective = proxy.rowCount();
        t.uncertainHigh = utad::kNaN;
        project.setThresholds(t);
        QVERIFY(proxy.rowCount() > defective);
    }

    // A scored project opens with its scores in the list and its panels from the cache, without
    // a model; filtering out the current image makes its neighbour the current one.
    void reopenedProjectShowsScoresWithoutModel()
    {
        QTemporaryDir dir;
        const utad::Dataset dataset = linkedDataset(dir, 30);
        const QString projectFile = dir.filePath(QStringLiteral("line.utadproj"));
        {
            Project project;
            project.openDataset(dataset, QString::fromStdString(dataset.root));
            project.setResultsModelStamp(QStringLiteral("a model that is not here"));
            project.setResults(resultsFor(dataset));
            QString error;
            QVERIFY2(project.saveAs(projectFile, &error), qPrintable(error));
            for (const utad::Sample& s : dataset.test)
                QVERIFY(writeCachedInference(
                    project.panelCacheFile(QString::fromStdString(s.path)), syntheticInference(0.5f)));
            // Saves after a mark reuse the scores' text: the file is still exactly the document as
            // Qt writes it, with the mark and every score.
            project.annotations()->setMark(QString::fromStdString(dataset.test[0].path), Mark::ConfirmedDefect);
            QFile file(projectFile);
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QByteArray text = file.readAll();
            const QJsonDocument parsed = QJsonDocument::fromJson(text);
            QCOMPARE(parsed.toJson(QJsonDocument::Indented), text);
            QCOMPARE(parsed[QStringLiteral("results")][QStringLiteral("images")].toArray().size(), 30);
            QCOMPARE(parsed[QStringLiteral("annotations")].toObject().isEmpty(), false);
        }

        MainWindow window;
        window.show();
        QSignalSpy shown(&window, &MainWindow::panelsShown);
        QVERIFY(window.openProject(projectFile));
        QVERIFY(!window.model());
        QCOMPARE(window.imageProxy()->rowCount(), 30);
        for (int row = 0; row < 30; ++row)
            QVERIFY(!window.imageProxy()->index(row, ImageListModel::ScoreColumn).data().toString().isEmpty());
        QTRY_VERIFY(!shown.isEmpty());
        QCOMPARE(shown.first().at(1).toBool(), true);  // from the cache
        QCOMPARE(window.inspector()->panelsComputed(), 0);

        // Every image once, then back: the last ones come from memory.
        QTableView* view = window.imageView();
        view->setFocus();
        for (int step = 0; step < 29; ++step)
            QTest::keyClick(view, Qt::Key_Down);
        QTRY_COMPARE(window.currentImagePath(), QString::fromStdString(dataset.test.back().path));
        auto shownImage = [&](int i) {
            const InspectorWidget* inspector = window.inspector();
            return !inspector->isLoading() && inspector->currentInference()
                && inspector->imagePath() == QString::fromStdString(dataset.test[size_t(i)].path);
        };
        QTRY_VERIFY(shownImage(29));
        QTest::keyClick(view, Qt::Key_Up);
        QTRY_VERIFY(shownImage(28));
        const int reads = window.inspector()->panelMemory()->fileReads();
        QTest::keyClick(view, Qt::Key_Down);
        QTRY_VERIFY(shownImage(29));
        QCOMPARE(window.inspector()->panelMemory()->fileReads(), reads);  // from memory
        QVERIFY(window.inspector()->panelMemory()->size() <= PanelMemoryCache::kDefaultCapacity);
        QCOMPARE(window.inspector()->panelsComputed(), 0);
        QTest::keyClick(view, Qt::Key_Up);

        // Filtered out, the current image hands over to its neighbour in the list.
        QTest::keyClick(view, Qt::Key_Up);
        const QString crack = QString::fromStdString(dataset.test[27].path);
        QTRY_COMPARE(window.currentImagePath(), crack);
        window.imageProxy()->setText(QStringLiteral("/good/"));
        QCOMPARE(window.imageProxy()->rowCount(), 20);
        QVERIFY(view->currentIndex().isValid());
        QCOMPARE(view->currentIndex().row(), 19);
        QVERIFY(window.currentImagePath().contains(QStringLiteral("/good/")));
        window.imageProxy()->setText(QStringLiteral("no such image"));
        QCOMPARE(window.imageProxy()->rowCount(), 0);
        QVERIFY(window.currentImagePath().isEmpty());
    }
};

QTEST_MAIN(TestWorkbenchScale)
#include "test_workbench_scale.moc"
