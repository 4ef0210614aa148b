// Review marks: each edit undoable, saved at once, found again after reopening the project (masks
// included); the review filters and "next unreviewed" in the workbench window.
#include "ui/imagelistmodel.h"
#include "ui/inferencetask.h"
#include "ui/mainwindow.h"
#include "ui/project.h"
#include "ui/review/annotationpanel.h"
#include "ui/review/annotationstore.h"
#include "ui/review/maskeditor.h"
#include "ui/review/reviewfilter.h"
#include "ui/review/reviewtools.h"
#include "ui/review/thresholdpanel.h"
#include "ui/trainingtask.h"
#include "utad/dataset.h"

#include <QAction>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QLineEdit>
#include <QMenuBar>
#include <QPainter>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace utad::ui;

namespace {

QImage squareMask(QSize size, QRect square)
{
    QImage mask(size, QImage::Format_Grayscale8);
    mask.fill(0);
    QPainter(&mask).fillRect(square, Qt::white);
    return mask;
}

long nonZero(const QImage& grey)
{
    long n = 0;
    for (int y = 0; y < grey.height(); ++y)
        for (int x = 0; x < grey.width(); ++x)
            n += grey.constScanLine(y)[x] ? 1 : 0;
    return n;
}

}  // namespace

class TestReviewAnnotations : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void markUndoRedo()
    {
        AnnotationStore store;
        QSignalSpy changed(&store, &AnnotationStore::changed);
        const QString a = QStringLiteral("/parts/a.png");
        store.setMark(a, Mark::FalsePositive);
        QCOMPARE(store.annotation(a).mark, Mark::FalsePositive);
        QVERIFY(store.annotation(a).reviewed);  // marking is reviewing
        store.setMark(a, Mark::FalsePositive);  // no change, no undo step
        QCOMPARE(store.undoStack()->count(), 1);
        store.setMark(a, Mark::ConfirmedDefect);
        store.setReviewed(QStringLiteral("/parts/b.png"), true);
        QCOMPARE(store.undoStack()->count(), 3);
        QCOMPARE(changed.count(), 3);

        store.undoStack()->undo();
        QVERIFY(!store.annotation(QStringLiteral("/parts/b.png")).reviewed);
        store.undoStack()->undo();
        QCOMPARE(store.annotation(a).mark, Mark::FalsePositive);
        store.undoStack()->undo();
        QCOMPARE(store.annotation(a).mark, Mark::None);
        QVERIFY(store.annotation(a).isEmpty());
        QVERIFY(store.annotatedPaths().isEmpty());
        QCOMPARE(changed.count(), 6);  // undo announces too, so the project saves it
        store.undoStack()->redo();
        store.undoStack()->redo();
        QCOMPARE(store.annotation(a).mark, Mark::ConfirmedDefect);
        QCOMPARE(store.annotatedPaths(), QList<QString>{a});
    }

    void notesMergeIntoOneStep()
    {
        AnnotationStore store;
        const QString a = QStringLiteral("/parts/a.png");
        store.setNote(a, QStringLiteral("scratch"));
        store.setNote(a, QStringLiteral("scratch near the weld"));
        QCOMPARE(store.undoStack()->count(), 1);
        store.setNote(QStringLiteral("/parts/b.png"), QStringLiteral("dust"));
        QCOMPARE(store.undoStack()->count(), 2);
        store.undoStack()->undo();
        store.undoStack()->undo();
        QVERIFY(store.annotation(a).note.isEmpty());
        store.undoStack()->redo();
        QCOMPARE(store.annotation(a).note, QStringLiteral("scratch near the weld"));
    }

    void maskIsAFileAndUndoable()
    {
        QTemporaryDir dir;
        AnnotationStore store;
        store.setDataDir(dir.path());
        const QString a = QStringLiteral("/parts/a.png");
        store.setMask(a, squareMask(QSize(40, 30), QRect(5, 5, 10, 8)));
        const QString first = store.maskPath(a);
        QVERIFY(QFile::exists(first));
        QCOMPARE(nonZero(store.mask(a)), 80L);
        store.setMask(a, squareMask(QSize(40, 30), QRect(0, 0, 4, 4)));
        QCOMPARE(nonZero(store.mask(a)), 16L);
        store.undoStack()->undo();
        QCOMPARE(store.maskPath(a), first);
        QCOMPARE(nonZero(store.mask(a)), 80L);
        store.setMask(a, QImage());  // removes it
        QVERIFY(store.maskPath(a).isEmpty());
        store.undoStack()->undo();
        QCOMPARE(nonZero(store.mask(a)), 80L);
    }

    void maskWriteFailureIsReported()
    {
        QTemporaryDir dir;
        QFile blocker(dir.filePath(QStringLiteral("masks")));  // a file where the folder should be
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        AnnotationStore store;
        store.setDataDir(dir.path());
        QSignalSpy failed(&store, &AnnotationStore::writeFailed);
        store.setMask(QStringLiteral("/parts/a.png"), squareMask(QSize(8, 8), QRect(0, 0, 2, 2)));
        QCOMPARE(failed.count(), 1);
        QVERIFY(store.lastError().contains(dir.path()));
        QCOMPARE(store.undoStack()->count(), 0);
        QVERIFY(store.annotation(QStringLiteral("/parts/a.png")).isEmpty());
    }

    void projectRoundTrip()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("line3.utadproj"));
        const QString a = dir.filePath(QStringLiteral("parts/a.png"));
        const QString b = dir.filePath(QStringLiteral("parts/b.png"));
        const QString c = dir.filePath(QStringLiteral("parts/c.png"));
        {
            Project project;
            QString error;
            QVERIFY2(project.saveAs(file, &error), qPrintable(error));
            AnnotationStore* store = project.annotations();
            store->setMark(a, Mark::FalsePositive);
            store->setNote(a, QStringLiteral("glare, not a crack"));
            store->setMark(b, Mark::MissedDefect);
            store->setMask(b, squareMask(QSize(64, 48), QRect(10, 12, 20, 6)));
            store->setReviewed(c, true);
            store->setMark(c, Mark::ConfirmedDefect);
            store->undoStack()->undo();  // c: back to reviewed without a mark
            // Saved at once: no explicit save.
        }
        Project reopened;
        QString error;
        QVERIFY2(reopened.load(file, &error), qPrintable(error));
        const AnnotationStore* store = reopened.annotations();
        QCOMPARE(store->annotation(a).mark, Mark::FalsePositive);
        QCOMPARE(store->annotation(a).note, QStringLiteral("glare, not a crack"));
        QCOMPARE(store->annotation(b).mark, Mark::MissedDefect);
        QCOMPARE(store->annotation(c).mark, Mark::None);
        QVERIFY(store->annotation(c).reviewed);
        QVERIFY(store->maskPath(b).startsWith(reopened.dataDir()));
        const QImage mask = store->mask(b);
        QCOMPARE(mask.size(), QSize(64, 48));
        QCOMPARE(nonZero(mask), 120L);
        QCOMPARE(store->undoStack()->count(), 0);

        // The JSON round trip keeps everything.
        AnnotationStore copy;
        copy.fromJson(store->toJson());
        QCOMPARE(QJsonDocument(copy.toJson()).toJson(), QJsonDocument(store->toJson()).toJson());
        QCOMPARE(copy.annotatedPaths(), store->annotatedPaths());
    }

    void movedProjectKeepsMarks()
    {
        QTemporaryDir first, second;
        const QString dataset = first.filePath(QStringLiteral("weld"));
        QVERIFY(QDir().mkpath(dataset + QStringLiteral("/test/good")));
        const QString image = dataset + QStringLiteral("/test/good/001.png");
        const QString outside = QStringLiteral("/elsewhere/002.png");
        {
            Project project;
            project.setDatasetPath(dataset);
            QString error;
            QVERIFY2(project.saveAs(first.filePath(QStringLiteral("review.utadproj")), &error), qPrintable(error));
            project.annotations()->setMark(image, Mark::FalsePositive);
            project.annotations()->setMask(image, squareMask(QSize(16, 16), QRect(0, 0, 4, 4)));
            project.annotations()->setNote(outside, QStringLiteral("kept absolute"));
        }
        // Project, its data folder and the dataset move together to another folder.
        for (const QString& name :
            {QStringLiteral("review.utadproj"), QStringLiteral("review_data"), QStringLiteral("weld")})
            QVERIFY(QFile::rename(first.filePath(name), second.filePath(name)));
        Project moved;
        QString error;
        QVERIFY2(moved.load(second.filePath(QStringLiteral("review.utadproj")), &error), qPrintable(error));
        const QString movedImage = second.filePath(QStringLiteral("weld/test/good/001.png"));
        QCOMPARE(moved.annotations()->annotation(movedImage).mark, Mark::FalsePositive);
        QCOMPARE(nonZero(moved.annotations()->mask(movedImage)), 16L);
        QCOMPARE(moved.annotations()->annotation(outside).note, QStringLiteral("kept absolute"));
    }

    void reviewFilters()
    {
        Project project;
        auto result = [](const char* path, utad::Label label, double score) {
            utad::ImageResult r;
            r.path = path;
            r.label = label;
            r.score = score;
            return r;
        };
        project.setResults({result("/p/good-high.png", utad::Label::Good, 0.9),
            result("/p/good-low.png", utad::Label::Good, 0.1), result("/p/bad-high.png", utad::Label::Anomalous, 0.8),
            result("/p/bad-low.png", utad::Label::Anomalous, 0.2),
            result("/p/unknown-mid.png", utad::Label::Unknown, 0.55)});
        Thresholds t;
        t.image = 0.5;
        t.uncertainHigh = 0.6;
        project.setThresholds(t);
        project.annotations()->setMark(QStringLiteral("/p/unknown-mid.png"), Mark::FalsePositive);
        project.annotations()->setNote(QStringLiteral("/p/good-low.png"), QStringLiteral("check"));
        auto listed = [&](ReviewFilter f) {
            QStringList out;
            for (const auto& r : project.results())
                if (matchesReviewFilter(f, project, QString::fromStdString(r.path)))
                    out << QString::fromStdString(r.path);
            return out;
        };
        QCOMPARE(listed(ReviewFilter::FalsePositives), (QStringList{"/p/good-high.png", "/p/unknown-mid.png"}));
        QCOMPARE(listed(ReviewFilter::FalseNegatives), (QStringList{"/p/bad-low.png"}));
        QCOMPARE(listed(ReviewFilter::Uncertain), (QStringList{"/p/unknown-mid.png"}));
        QCOMPARE(listed(ReviewFilter::Annotated), (QStringList{"/p/good-low.png", "/p/unknown-mid.png"}));
        QCOMPARE(listed(ReviewFilter::Unreviewed),
            (QStringList{"/p/good-high.png", "/p/good-low.png", "/p/bad-high.png", "/p/bad-low.png"}));
        QCOMPARE(listed(ReviewFilter::All).size(), 5);
    }

    void maskCanvasDrawsBrushAndPolygon()
    {
        QImage image(100, 80, QImage::Format_Grayscale8);
        image.fill(128);
        MaskCanvas canvas(image, QImage());
        QVERIFY(canvas.isEmpty());
        canvas.setBrushRadius(3);
        canvas.paintStroke(QPointF(10, 10), QPointF(30, 10), false);
        const QImage stroke = canvas.mask();
        QCOMPARE(stroke.size(), QSize(100, 80));
        QVERIFY(stroke.pixelIndex(20, 10) == 255 || qGray(stroke.pixel(20, 10)) == 255);
        QCOMPARE(qGray(stroke.pixel(20, 40)), 0);
        canvas.clearMask();
        canvas.setTool(MaskCanvas::Tool::Polygon);
        for (QPointF p : {QPointF(50, 20), QPointF(90, 20), QPointF(90, 60), QPointF(50, 60)})
            canvas.addPolygonPoint(p);
        canvas.closePolygon();
        const long area = nonZero(canvas.mask());
        QVERIFY2(area > 1500 && area < 1700, qPrintable(QString::number(area)));  // 40 x 40
        // Erasing with the brush removes pixels.
        canvas.paintStroke(QPointF(70, 40), QPointF(70, 40), true);
        QVERIFY(nonZero(canvas.mask()) < area);
        // An existing mask of another size is scaled onto the image.
        MaskCanvas resized(image, squareMask(QSize(50, 40), QRect(0, 0, 25, 40)));
        QCOMPARE(nonZero(resized.mask()), 50L * 80L);
    }

    void workbenchWindow()
    {
        MainWindow window;
        ReviewTools* tools = window.reviewTools();
        QVERIFY(tools);
        QCOMPARE(window.undoAction()->shortcut(), QKeySequence(QKeySequence::Undo));
        QCOMPARE(window.redoAction()->shortcut(), QKeySequence(QKeySequence::Redo));
        bool editMenu = false;
        for (QAction* a : window.menuBar()->actions())
            editMenu |= a->menu() && a->menu()->actions().contains(window.undoAction());
        QVERIFY(editMenu);

        {
            // Start without the marks an earlier run autosaved for this dataset.
            Project previous;
            previous.setDatasetPath(QStringLiteral(UTAD_SAMPLE_DIR));
            QFile::remove(previous.autosavePath());
            QDir(previous.dataDir()).removeRecursively();
        }
        QVERIFY2(window.openDataset(QStringLiteral(UTAD_SAMPLE_DIR)), qPrintable(window.lastError()));
        const utad::Dataset* dataset = window.dataset();
        QVERIFY(dataset && dataset->test.size() > 20);
        // Scores: defective images high, good images low, except the first two good ones.
        std::vector<utad::ImageResult> results;
        int goodSeen = 0;
        for (const utad::Sample& s : dataset->test) {
            utad::ImageResult r;
            r.path = s.path;
            r.label = s.label;
            r.defectType = s.defectType;
            const bool good = s.label == utad::Label::Good;
            r.score = good ? (goodSeen++ < 2 ? 0.9 : 0.2) : 0.8;
            results.push_back(r);
        }
        window.project()->setResults(results);
        Thresholds t;
        t.image = 0.5;
        window.project()->setThresholds(t);

        tools->setFilter(ReviewFilter::FalsePositives);
        QTRY_COMPARE(window.imageProxy()->rowCount(), 2);
        const QString fp = window.imageProxy()->index(0, 0).data(ImageListModel::PathRole).toString();
        window.selectImage(fp);
        QCOMPARE(window.currentImagePath(), fp);
        QCOMPARE(tools->annotationPanel()->imagePath(), fp);

        // One key marks it; the mark is undoable through the Edit menu's action.
        QVERIFY(tools->annotationPanel()->falsePositiveAction()->isEnabled());
        tools->annotationPanel()->falsePositiveAction()->trigger();
        QCOMPARE(window.project()->annotations()->annotation(fp).mark, Mark::FalsePositive);
        window.undoAction()->trigger();
        QCOMPARE(window.project()->annotations()->annotation(fp).mark, Mark::None);
        window.redoAction()->trigger();
        QCOMPARE(window.project()->annotations()->annotation(fp).mark, Mark::FalsePositive);

        // The keyboard: 2 marks a confirmed defect, 1 a false positive again (in the whole list: a
        // confirmed defect leaves the false-positive list at once).
        tools->setFilter(ReviewFilter::All);
        window.selectImage(fp);
        window.show();
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        window.imageView()->setFocus();
        QTest::keyClick(window.imageView(), Qt::Key_2);
        QCOMPARE(window.project()->annotations()->annotation(fp).mark, Mark::ConfirmedDefect);
        QTest::keyClick(window.imageView(), Qt::Key_1);
        QCOMPARE(window.project()->annotations()->annotation(fp).mark, Mark::FalsePositive);

        // A note typed in the panel belongs to the image.
        QLineEdit* note = tools->annotationPanel()->noteEdit();
        note->setText(QStringLiteral("reflection"));
        emit note->editingFinished();
        QCOMPARE(window.project()->annotations()->annotation(fp).note, QStringLiteral("reflection"));

        // Next unreviewed walks the unreviewed list and marks each image reviewed on the way.
        tools->setFilter(ReviewFilter::Unreviewed);
        QTRY_COMPARE(window.imageProxy()->rowCount(), int(results.size()) - 1);
        const int unreviewed = window.imageProxy()->rowCount();
        window.selectImage(window.imageProxy()->index(0, 0).data(ImageListModel::PathRole).toString());
        int steps = 0;
        while (tools->goToNextUnreviewed() && steps <= unreviewed)
            ++steps;
        QCOMPARE(steps, unreviewed - 1);
        for (const auto& r : results)
            QVERIFY(isReviewed(window.project()->annotations()->annotation(QString::fromStdString(r.path))));
        QTRY_COMPARE(window.imageProxy()->rowCount(), 0);
        tools->setFilter(ReviewFilter::All);
        QTRY_COMPARE(window.imageProxy()->rowCount(), int(results.size()));

        // The threshold dock reads the same document.
        QCOMPARE(tools->thresholdPanel()->imageThreshold(), 0.5);
        QCOMPARE(tools->thresholdPanel()->confusion().fp, 2L);

        // Retraining needs a model first.
        QVERIFY(!tools->startRetraining());
        QVERIFY(!tools->lastProblem().isEmpty());
    }
};

QTEST_MAIN(TestReviewAnnotations)
#include "test_review_annotations.moc"
