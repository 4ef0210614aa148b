// The review loop must not mislead: each slot drives the real window through one way it used to
// (thresholds lost when a dataset is opened from the menu, a drawn mask hiding the panels, stale
// panels under a new title, a stopped training put to work without a word, a threshold resting
// on six images, an uncertain band that ignored its input, and the list, keys, status bar and
// training window details).
#include "ui/imagelistmodel.h"
#include "ui/inspectorwidget.h"
#include "ui/mainwindow.h"
#include "ui/panelview.h"
#include "ui/project.h"
#include "ui/review/annotationpanel.h"
#include "ui/review/annotationstore.h"
#include "ui/review/maskeditor.h"
#include "ui/review/reviewfilter.h"
#include "ui/review/reviewtools.h"
#include "ui/review/thresholdpanel.h"
#include "ui/trainingdialog.h"
#include "ui/trainingtask.h"
#include "utad/evaluation.h"
#include "utad/metrics.h"
#include "utad/model.h"

#include "window_helpers.h"

#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QtTest>
#include <opencv2/imgcodecs.hpp>
#include <qcustomplot.h>

using namespace utad::ui;

namespace {

QPushButton* button(QWidget* parent, const QString& text)
{
    for (QPushButton* b : parent->findChildren<QPushButton*>())
        if (b->text() == text)
            return b;
    return nullptr;
}

}  // namespace

class TestReviewLoop : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).removeRecursively();
        QSettings().clear();
        QVERIFY(m_tmp.isValid());
        // A tiny model trained here in seconds: these are the window's rules, not accuracy, and the
        // shipped model's tiles would make scoring the 3000 x 3000 image below take minutes.
        {
            auto model = utad::Model::create(tinyConfig(Run::Standard));
            QVERIFY(model->train(utad::openDataset(UTAD_SAMPLE_DIR)));
            m_modelPath = m_tmp.filePath(QStringLiteral("tiny.utad"));
            model->save(m_modelPath.toStdString());
        }
        m_model = std::shared_ptr<utad::Model>(utad::Model::load(m_modelPath.toStdString()));
    }

    // Bug: File > Open dataset folder on another folder set every threshold to 0 (all flagged).
    void datasetOpenedFromTheMenuKeepsTheModelsThresholds()
    {
        auto window = newWindow();
        MainWindow& w = *window;
        QVERIFY(w.openDataset(QStringLiteral(UTAD_SAMPLE_DIR)));
        w.setModel(m_model, m_modelPath);
        const Thresholds fromModel = w.project()->thresholds();
        QVERIFY(fromModel.image > 0 && fromModel.pixel > 0);

        const QString copy = sampleSubset(m_tmp.filePath(QStringLiteral("copy")), 4);
        // The menu's folder dialog, answered as a user would.
        QTimer answer;
        answer.setInterval(20);
        connect(&answer, &QTimer::timeout, this, [&] {
            for (QWidget* top : QApplication::topLevelWidgets())
                if (auto* dialog = qobject_cast<QFileDialog*>(top); dialog && dialog->isVisible()) {
                    dialog->setDirectory(copy);
                    dialog->selectFile(copy);
                    QMetaObject::invokeMethod(dialog, "accept");
                }
        });
        answer.start();
        QAction* open = nullptr;
        for (QAction* a : w.findChildren<QAction*>())
            if (a->shortcut() == QKeySequence(Qt::CTRL | Qt::Key_D))
                open = a;
        QVERIFY(open);
        open->trigger();
        answer.stop();
        QCOMPARE(w.project()->datasetPath(), QDir::cleanPath(copy));
        const Thresholds t = w.project()->thresholds();
        QCOMPARE(t.image, fromModel.image);
        QCOMPARE(t.pixel, fromModel.pixel);
        QCOMPARE(t.minRegionArea, fromModel.minRegionArea);
    }

    // Bug: a drawn defect mask was painted opaque over every panel.
    void drawnMaskTintsThePanelsWithoutHidingThem()
    {
        auto window = newWindow();
        MainWindow& w = *window;
        QVERIFY(w.openDataset(sampleSubset(m_tmp.filePath(QStringLiteral("mask")), 3)));
        w.setModel(m_model, m_modelPath);
        const QString path = w.imageModel()->path(0);
        w.selectImage(path);
        QTRY_VERIFY_WITH_TIMEOUT(w.inspector()->currentInference() && w.inspector()->imagePath() == path, 30000);
        std::array<QImage, 4> before;
        for (int i = 0; i < 4; ++i)
            before[size_t(i)] = w.inspector()->panelImage(i);
        const QSize size = before[0].size();
        const QRect drawn(size.width() / 4, size.height() / 4, size.width() / 4, size.height() / 4);

        // Draw defect (B): a polygon in the editor, then Save.
        QTimer editor;
        editor.setInterval(20);
        connect(&editor, &QTimer::timeout, this, [&] {
            for (QWidget* top : QApplication::topLevelWidgets())
                if (auto* dialog = qobject_cast<MaskEditorDialog*>(top); dialog && dialog->isVisible()) {
                    for (const QPoint& p : {drawn.topLeft(), drawn.topRight(), drawn.bottomRight(), drawn.bottomLeft()})
                        dialog->canvas()->addPolygonPoint(p);
                    dialog->canvas()->closePolygon();
                    dialog->accept();
                }
        });
        editor.start();
        w.reviewTools()->annotationPanel()->drawMaskAction()->trigger();
        editor.stop();
        QVERIFY(!w.project()->annotations()->annotation(path).maskFile.isEmpty());

        for (int i = 0; i < 4; ++i) {
            const QImage after = w.inspector()->panelImage(i);
            QCOMPARE(after.size(), size);
            // Away from the drawing the panel is what it was; inside it is tinted, not replaced.
            const QPoint outside(size.width() * 3 / 4 + 2, size.height() * 3 / 4 + 2);
            QCOMPARE(after.pixel(outside), before[size_t(i)].pixel(outside));
            const QPoint inside = drawn.center();
            QVERIFY(after.pixel(inside) != before[size_t(i)].pixel(inside));
            QVERIFY(after.pixel(inside) != qRgb(255, 255, 255));
        }
        // Reopened, the same.
        const QString file = m_tmp.filePath(QStringLiteral("mask.utadproj"));
        QSignalSpy saved(w.project(), &Project::saved);
        QVERIFY(w.saveProjectAs(file));
        QVERIFY(saved.wait(30000));
        auto again = newWindow();
        QVERIFY(again->openProject(file));
        again->selectImage(path);
        QTRY_VERIFY_WITH_TIMEOUT(
            again->inspector()->currentInference() && again->inspector()->imagePath() == path, 30000);
        const QPoint outside(size.width() * 3 / 4 + 2, size.height() * 3 / 4 + 2);
        QCOMPARE(again->inspector()->panelImage(1).pixel(outside), before[1].pixel(outside));
    }

    // Bug: the previous image's panels stayed under the new title while a large image loaded.
    void anotherImageNeverShowsThePreviousPanels()
    {
        const QString folder = m_tmp.filePath(QStringLiteral("sizes"));
        QDir().mkpath(folder);
        const QString small = folder + QStringLiteral("/a-small.png");
        const QString large = folder + QStringLiteral("/b-large.png");
        QFile::copy(QStringLiteral(UTAD_SAMPLE_DIR "/test/good/")
                + QDir(QStringLiteral(UTAD_SAMPLE_DIR "/test/good")).entryList(QDir::Files).first(),
            small);
        cv::Mat big(3000, 3000, CV_8UC1);
        cv::randu(big, 0, 255);
        QVERIFY(cv::imwrite(large.toStdString(), big));

        auto window = newWindow();
        MainWindow& w = *window;
        QVERIFY(w.openDataset(folder));
        w.setModel(m_model, m_modelPath);
        w.selectImage(small);
        QTRY_VERIFY_WITH_TIMEOUT(w.inspector()->currentInference() && w.inspector()->imagePath() == small, 30000);
        const QImage smallPanel = w.inspector()->panel(0)->image();
        QVERIFY(!smallPanel.isNull());

        w.selectImage(large);
        // At once: the new image's name, a sign that it is loading, no pixels of the old one.
        QCOMPARE(w.inspector()->imagePath(), large);
        QVERIFY(w.inspector()->isLoading());
        QVERIFY(w.inspector()->panelTitle(0).contains(QStringLiteral("b-large.png")));
        for (int i = 0; i < 4; ++i)
            QVERIFY(w.inspector()->panel(i)->image().isNull());
        QTRY_VERIFY_WITH_TIMEOUT(w.inspector()->currentInference() != nullptr, 60000);
        QCOMPARE(w.inspector()->panel(0)->image().size(), QSize(3000, 3000));
        QVERIFY(!w.inspector()->isLoading());
    }

    // Bug: a stopped training was installed without a word and kept the old model's thresholds.
    void stoppedTrainingIsNotPutToWorkSilently()
    {
        auto window = newWindow();
        MainWindow& w = *window;
        QVERIFY(w.openDataset(sampleSubset(m_tmp.filePath(QStringLiteral("stopped")), 4)));
        w.setModel(m_model, m_modelPath);
        TrainingDialog* dialog = w.startTraining(tinyConfig(Run::Long));
        QVERIFY(dialog);
        QSignalSpy rounds(w.trainingTask(), &TrainingTask::roundDone);
        QSignalSpy finished(w.trainingTask(), &Task::finished);
        QVERIFY(rounds.wait(240000));
        QTest::mouseClick(button(dialog, QStringLiteral("Cancel")), Qt::LeftButton);
        QVERIFY(finished.wait(30000));
        QPushButton* use = button(dialog, QStringLiteral("Use model"));
        QVERIFY(use);
        if (!dialog->model()) {  // nothing trained at all: there is nothing to use
            QVERIFY(!use->isEnabled());
            return;
        }
        QVERIFY(!dialog->modelComplete());

        // Asked first; "Cancel" keeps the model in use.
        auto asked = std::make_shared<int>(0);
        {
            const auto answer
                = answerWhenAsked(QStringLiteral("incompleteModelQuestion"), QStringLiteral("Cancel"), asked);
            QTest::mouseClick(use, Qt::LeftButton);
        }
        QCOMPARE(*asked, 1);
        QCOMPARE(w.model(), std::shared_ptr<const utad::Model>(m_model));
        {
            const auto answer = answerWhenAsked(
                QStringLiteral("incompleteModelQuestion"), QStringLiteral("Use the incomplete model"), asked);
            QTest::mouseClick(use, Qt::LeftButton);
        }
        QCOMPARE(*asked, 2);
        QCOMPARE(w.model(), std::shared_ptr<const utad::Model>(dialog->model()));
    }

    void newModelStartsFromItsOwnCalibration()
    {
        auto window = newWindow();
        MainWindow& w = *window;
        QVERIFY(w.openDataset(sampleSubset(m_tmp.filePath(QStringLiteral("own")), 4)));
        w.setModel(m_model, m_modelPath);
        Thresholds byHand = w.project()->thresholds();
        byHand.image = 123.0;
        w.project()->setThresholds(byHand);

        TrainingDialog* dialog = w.startTraining(tinyConfig());
        QSignalSpy finished(w.trainingTask(), &Task::finished);
        QVERIFY(finished.wait(240000));
        QVERIFY(dialog->modelComplete());
        QTest::mouseClick(button(dialog, QStringLiteral("Use model")), Qt::LeftButton);
        QCOMPARE(w.model(), std::shared_ptr<const utad::Model>(dialog->model()));
        const utad::Calibration& c = w.model()->info().calibration;
        QCOMPARE(w.project()->thresholds().image, utad::proposedThreshold(c));
        QCOMPARE(w.project()->thresholds().pixel, utad::proposedPixelThreshold(c));
        QCOMPARE(w.project()->thresholdOrigin().rule, ThresholdOrigin::Rule::Calibration);
    }

    // Bug: while a dataset was being scored, the review panel said "Not scored" for the image on
    // show after the list had its score.
    void reviewPanelFollowsAScoringRun()
    {
        auto window = newWindow();
        MainWindow& w = *window;
        QVERIFY(w.openDataset(sampleSubset(m_tmp.filePath(QStringLiteral("follow")), 2)));
        const QString path = w.imageModel()->path(0);
        w.selectImage(path);
        AnnotationPanel* panel = w.reviewTools()->annotationPanel();
        QCOMPARE(panel->detailsText(), QStringLiteral("Not scored"));
        utad::ImageResult result;
        result.path = path.toStdString();
        result.label = utad::Label::Good;
        result.score = 0.4321;
        w.project()->updateResult(result);  // one image of a running scoring
        QVERIFY2(panel->detailsText().contains(QStringLiteral("Score 0.4321")), qPrintable(panel->detailsText()));
    }

    // Bug: a "missed defect" mark read the same after a new model flagged the image. The mark
    // stays (it is the reviewer's word); the list and the review panel add what the model does now.
    void markSaysWhatTheCurrentModelDoes()
    {
        auto window = newWindow();
        MainWindow& w = *window;
        QVERIFY(w.openDataset(sampleSubset(m_tmp.filePath(QStringLiteral("outcome")), 2)));
        const QString path = w.imageModel()->path(0);
        w.selectImage(path);
        AnnotationPanel* panel = w.reviewTools()->annotationPanel();
        w.project()->annotations()->setMark(path, Mark::MissedDefect);
        Thresholds t = w.project()->thresholds();
        t.image = 0.5;
        w.project()->setThresholds(t);
        const QModelIndex review = w.imageModel()->index(0, ImageListModel::ReviewColumn);
        const QString missed = markName(Mark::MissedDefect);
        const QString flagged = markOutcome(Mark::MissedDefect, int(Decision::Defective));
        QCOMPARE(flagged, QStringLiteral("now flagged"));

        utad::ImageResult result;
        result.path = path.toStdString();
        result.score = 0.4;  // the model still passes it: the mark says all
        w.project()->updateResult(result);
        QCOMPARE(review.data().toString(), missed);
        QCOMPARE(panel->stateText(), missed);

        result.score = 0.7;  // a new model flags it
        w.project()->updateResult(result);
        QCOMPARE(review.data().toString(), missed + QStringLiteral(" · ") + flagged);
        QCOMPARE(panel->stateText(), missed + QStringLiteral(" · ") + flagged);
        QCOMPARE(w.project()->annotations()->annotation(path).mark, Mark::MissedDefect);

        QSignalSpy changed(w.imageModel(), &QAbstractItemModel::dataChanged);
        t.image = 0.8;  // a threshold above it passes it again, and both views follow
        w.project()->setThresholds(t);
        bool reviewRepainted = false;  // the view repaints the review column
        for (const QList<QVariant>& args : changed)
            reviewRepainted |= args[0].toModelIndex().column() <= ImageListModel::ReviewColumn
                && args[1].toModelIndex().column() >= ImageListModel::ReviewColumn;
        QVERIFY(reviewRepainted);
        QCOMPARE(review.data().toString(), missed);
        QCOMPARE(panel->stateText(), missed);

        // Sorted by review, the missed defects the model still passes come before those it flags.
        t.image = 0.5;
        w.project()->setThresholds(t);
        const QString other = w.imageModel()->path(1);
        w.project()->annotations()->setMark(other, Mark::MissedDefect);
        result.path = other.toStdString();
        result.score = 0.4;
        w.project()->updateResult(result);
        QSortFilterProxyModel* proxy = w.imageProxy();
        auto position = [proxy](const QString& p) {
            for (int r = 0; r < proxy->rowCount(); ++r)
                if (proxy->index(r, 0).data(ImageListModel::PathRole).toString() == p)
                    return r;
            return -1;
        };
        proxy->sort(ImageListModel::ReviewColumn, Qt::AscendingOrder);
        QVERIFY(position(other) >= 0 && position(other) < position(path));
        proxy->sort(ImageListModel::ReviewColumn, Qt::DescendingOrder);
        QVERIFY(position(path) >= 0 && position(path) < position(other));
    }

    // Bug: the proposed threshold rested on six images without a word.
    void thresholdSaysWhichRuleChoseItAndOnHowManyImages()
    {
        {
            Project previous;  // not the thresholds saved by another slot
            previous.setDatasetPath(QStringLiteral(UTAD_SAMPLE_DIR));
            QFile::remove(previous.autosavePath());
        }
        auto window = newWindow();
        MainWindow& w = *window;
        QVERIFY(w.openDataset(QStringLiteral(UTAD_SAMPLE_DIR)));
        w.setModel(m_model, m_modelPath);
        QLabel* origin = w.reviewTools()->thresholdPanel()->originLabel();
        const int calibration = int(m_model->info().calibration.goodScores.size());
        QVERIFY2(origin->text().contains(QStringLiteral("%1 good image").arg(calibration)),
            qPrintable(origin->text() + QStringLiteral(" / %1").arg(int(w.project()->thresholdOrigin().rule))));
        QCOMPARE(origin->text().contains(QStringLiteral("Warning")), calibration < 30);
        QVERIFY(origin->isVisibleTo(w.reviewTools()->thresholdPanel()));

        // Scored with labelled images: the threshold moves to their best F1 and says so.
        QSignalSpy finished(&w, &MainWindow::inferenceFinished);
        QVERIFY(w.runInference());
        QVERIFY(finished.wait(180000));
        std::vector<double> scores;
        std::vector<int> labels;
        for (const utad::ImageResult& r : w.project()->results()) {
            scores.push_back(r.score);
            labels.push_back(r.label == utad::Label::Anomalous);
        }
        const utad::F1Max best = utad::f1Max(scores, labels);
        QCOMPARE(w.project()->thresholds().image, best.threshold);
        QCOMPARE(w.project()->thresholdOrigin().rule, ThresholdOrigin::Rule::LabelledF1);
        QVERIFY2(
            origin->text().contains(QStringLiteral("F1")) && origin->text().contains(QString::number(scores.size())),
            qPrintable(origin->text()));
        QVERIFY(utad::confusionAt(scores, labels, best.threshold).recall() > 0.5);

        // A hand-made change is said to be one.
        Thresholds t = w.project()->thresholds();
        t.image *= 1.01;
        w.project()->setThresholds(t);
        QVERIFY2(origin->text().contains(QStringLiteral("by hand")), qPrintable(origin->text()));

        // Bug: typed into the panel, the threshold still said "Best F1".
        w.project()->undoStack()->undo();
        QVERIFY2(origin->text().contains(QStringLiteral("F1")), qPrintable(origin->text()));
        ThresholdPanel* panel = w.reviewTools()->thresholdPanel();
        // The F1-max button says F1 again after a change by hand, and a change of the pixel
        // threshold alone keeps it.
        Thresholds moved = w.project()->thresholds();
        moved.image *= 1.05;
        w.project()->setThresholds(moved);
        QCOMPARE(w.project()->thresholdOrigin().rule, ThresholdOrigin::Rule::User);
        QVERIFY(panel->applyF1Max());
        QCOMPARE(w.project()->thresholdOrigin().rule, ThresholdOrigin::Rule::LabelledF1);
        QVERIFY2(origin->text().contains(QStringLiteral("F1")), qPrintable(origin->text()));
        Thresholds pixelOnly = w.project()->thresholds();
        pixelOnly.pixel = pixelOnly.pixel * 1.1 + 0.01;
        w.project()->setThresholds(pixelOnly);
        QCOMPARE(w.project()->thresholdOrigin().rule, ThresholdOrigin::Rule::LabelledF1);
        panel->setImageThreshold(best.threshold * 1.02);
        panel->commit();
        QCOMPARE(w.project()->thresholds().image, best.threshold * 1.02);
        QVERIFY2(origin->text().contains(QStringLiteral("by hand")), qPrintable(origin->text()));

        // Bug: reopened, every threshold said "as they were saved".
        const QString file = m_tmp.filePath(QStringLiteral("origin.utadproj"));
        QSignalSpy saved(w.project(), &Project::saved);
        QVERIFY(w.saveProjectAs(file));
        QVERIFY(saved.wait(30000));
        auto again = newWindow();
        QVERIFY(again->openProject(file));
        QCOMPARE(again->project()->thresholdOrigin().rule, ThresholdOrigin::Rule::User);
        QLabel* reopened = again->reviewTools()->thresholdPanel()->originLabel();
        QVERIFY2(reopened->text().contains(QStringLiteral("by hand")), qPrintable(reopened->text()));
        // And still once the project's model has loaded in the background.
        QTRY_VERIFY_WITH_TIMEOUT(again->model() != nullptr && !again->isLoadingModel(), 60000);
        QCOMPARE(again->project()->thresholds().image, best.threshold * 1.02);
        QVERIFY2(reopened->text().contains(QStringLiteral("by hand")), qPrintable(reopened->text()));
    }

    // Bug: a band end typed below the threshold was shown but silently dropped.
    void uncertainBandShowsTheValueInEffect()
    {
        auto window = newWindow();
        MainWindow& w = *window;
        QVERIFY(w.openDataset(sampleSubset(m_tmp.filePath(QStringLiteral("band")), 4)));
        w.setModel(m_model, m_modelPath);
        ThresholdPanel* panel = w.reviewTools()->thresholdPanel();
        auto* check = panel->findChild<QCheckBox*>();
        auto* spin = panel->findChild<QDoubleSpinBox*>(QStringLiteral("uncertainHigh"));
        QVERIFY(check && spin);
        check->setChecked(true);
        const double threshold = w.project()->thresholds().image;
        spin->setFocus();
        spin->selectAll();
        QTest::keyClicks(spin, QString::number(threshold / 2));
        QTest::keyClick(spin, Qt::Key_Return);
        QVERIFY(std::abs(spin->value() - panel->uncertainHigh()) < 1e-4);  // as the field rounds
        QCOMPARE(w.project()->thresholds().uncertainHigh, panel->uncertainHigh());
        QVERIFY(panel->uncertainHigh() >= threshold);
        QVERIFY2(panel->statusText().contains(QStringLiteral("cannot lie below")), qPrintable(panel->statusText()));
    }

    // The smaller items: a review column, Home/End, the hovered panel's value, no "Calibration"
    // point on the loss curve.
    void listKeysStatusBarAndLossCurve()
    {
        auto window = newWindow();
        MainWindow& w = *window;
        QVERIFY(w.openDataset(sampleSubset(m_tmp.filePath(QStringLiteral("small")), 4)));
        w.setModel(m_model, m_modelPath);
        QTableView* table = w.imageView();
        const int rows = w.imageProxy()->rowCount();
        QVERIFY(rows > 4);

        table->setFocus();
        QTest::keyClick(table, Qt::Key_End);
        QCOMPARE(table->currentIndex().row(), rows - 1);
        QTest::keyClick(table, Qt::Key_Home);
        QCOMPARE(table->currentIndex().row(), 0);

        // The review mark shows in the list.
        const QString path = w.currentImagePath();
        QTest::keyClick(table, Qt::Key_1);
        QCOMPARE(w.project()->annotations()->annotation(path).mark, Mark::FalsePositive);
        const QModelIndex review = w.imageProxy()->index(0, ImageListModel::ReviewColumn);
        QCOMPARE(review.data().toString(), markName(Mark::FalsePositive));
        QCOMPARE(w.imageProxy()->headerData(ImageListModel::ReviewColumn, Qt::Horizontal).toString(),
            QStringLiteral("Review"));

        // The status bar reads the panel under the mouse: the impression's own value there.
        QTRY_VERIFY_WITH_TIMEOUT(w.inspector()->currentInference() && w.inspector()->imagePath() == path, 30000);
        QSignalSpy hover(w.inspector(), &InspectorWidget::hoverInfo);
        const cv::Mat& source = w.inspector()->sourceImage();
        const cv::Mat& impression = w.inspector()->currentInference()->impression;
        const int x = source.cols / 3, y = source.rows / 2;
        PanelView* view = w.inspector()->panel(1);
        const QPoint at = view->mapFromScene(QPointF(x + 0.5, y + 0.5));
        QMouseEvent move(
            QEvent::MouseMove, at, view->viewport()->mapToGlobal(at), Qt::NoButton, Qt::NoButton, Qt::NoModifier);
        QCoreApplication::sendEvent(view->viewport(), &move);
        QVERIFY(hover.count() >= 1);
        const float expected
            = impression.at<float>(y * impression.rows / source.rows, x * impression.cols / source.cols);
        const QString info = hover.last().first().toString();
        QVERIFY2(
            info.contains(QString::number(double(expected), 'g', 4)) && info.contains(QStringLiteral("Impression")),
            qPrintable(info));

        // A training run's last report ("Calibration") is no point of the loss curve.
        TrainingDialog* dialog = w.startTraining(tinyConfig());
        QSignalSpy rounds(w.trainingTask(), &TrainingTask::roundDone);
        QSignalSpy finished(w.trainingTask(), &Task::finished);
        QVERIFY(finished.wait(240000));
        int calibration = 0;
        for (const QList<QVariant>& r : rounds)
            calibration += r.first().value<utad::TrainProgress>().stage == "Calibration";
        QVERIFY(calibration >= 1);
        QCOMPARE(dialog->lossPoints(), int(rounds.count()) - calibration);
        for (int g = 0; g < dialog->lossPlot()->graphCount(); ++g)
            QVERIFY(dialog->lossPlot()->graph(g)->name() != QStringLiteral("Calibration"));
        dialog->useModel();
    }

    void cleanupTestCase()
    {
        QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).removeRecursively();
    }

private:
    std::unique_ptr<MainWindow> newWindow()
    {
        auto window = std::make_unique<MainWindow>();
        window->resize(1400, 900);
        window->show();
        if (!QTest::qWaitForWindowActive(window.get()))
            qWarning("window not active");
        return window;
    }

    QTemporaryDir m_tmp;
    QString m_modelPath;  // the model file all slots use
    std::shared_ptr<utad::Model> m_model;
};

QTEST_MAIN(TestReviewLoop)
#include "test_review_loop.moc"
