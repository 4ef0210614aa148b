// The workbench window driven as a user would: the bundled sample, a real model, key presses,
// zoom, a saved and reopened project, a cancelled training run and a wrong folder.
// With UTAD_SCREENSHOT_DIR set, it also saves pictures of the window for the documentation.
#include "tiny_model.h"
#include "ui/inferencetask.h"
#include "ui/inspectorwidget.h"
#include "ui/mainwindow.h"
#include "ui/panelview.h"
#include "ui/project.h"
#include "ui/trainingdialog.h"
#include "ui/trainingtask.h"
#include "utad/model.h"

#include <QtTest>
#include <qcustomplot.h>
#include <QMessageBox>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QTableView>
#include <opencv2/imgcodecs.hpp>

using namespace utad::ui;

namespace {

constexpr int kInferenceTimeoutMs = 120000;

void closeMessageBoxes()
{
    for (QWidget* w : QApplication::topLevelWidgets())
        if (auto* box = qobject_cast<QMessageBox*>(w))
            box->close();
}

QSize sourceSize(const QString& path)
{
    const cv::Mat image = cv::imread(path.toStdString(), cv::IMREAD_UNCHANGED);
    return QSize(image.cols, image.rows);
}

void screenshot(QWidget* widget, const QString& name)
{
    const QString dir = qEnvironmentVariable("UTAD_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    QDir().mkpath(dir);
    QVERIFY(widget->grab().save(QDir(dir).filePath(name)));
}

} // namespace

class TestWorkbench : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void wrongFolderGivesAMessage();
    void unreadableImageIsReportedNotFatal();
    void sampleIsScoredInTheBackground();
    void keyboardStepsThroughImages();
    void panelsHaveTheSourceSize();
    void zoomAndPanMoveAllPanelsTogether();
    void overlayAndResidualViews();
    void exportWritesAMontage();
    void reopenedProjectShowsCachedResults();
    void cancelledTrainingStopsPromptly();
    void closingStopsRunningInference();
    void missingOrForeignModelIsExplained();
    void droppedFolderIsOpened();
    void cleanupTestCase();

private:
    void waitForPanels(MainWindow& window, const QString& path);

    QTemporaryDir m_tmp;
    QString m_modelPath;
    std::unique_ptr<MainWindow> m_window;
};

void TestWorkbench::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).removeRecursively();
    QSettings().clear();
    QVERIFY(m_tmp.isValid());

    // A tiny model trained here in seconds: the window's behaviour, not accuracy, is under test, and
    // the shipped model's 15 tiles an image would make every scoring here take minutes on 2 cores.
    {
        const utad::ModelConfig config = utad::testing::tinyConfig();
        const utad::Dataset dataset = utad::openDataset(UTAD_SAMPLE_DIR);
        auto model = utad::Model::create(config);
        QVERIFY(model->train(dataset));
        m_modelPath = m_tmp.filePath(QStringLiteral("tiny.utad"));
        model->save(m_modelPath.toStdString());
    }
    m_window = std::make_unique<MainWindow>();
    m_window->resize(1500, 950);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));  // for the window's shortcuts
}

void TestWorkbench::wrongFolderGivesAMessage()
{
    MainWindow& w = *m_window;
    const QString missing = m_tmp.filePath(QStringLiteral("no-such-folder"));
    QVERIFY(!w.openDataset(missing));
    QVERIFY2(w.lastError().contains(QStringLiteral("no-such-folder")), qPrintable(w.lastError()));
    QTRY_VERIFY(qobject_cast<QMessageBox*>(QApplication::activeModalWidget()) != nullptr);
    closeMessageBoxes();

    const QString empty = m_tmp.filePath(QStringLiteral("empty"));
    QVERIFY(QDir().mkpath(empty));
    QVERIFY(!w.openDataset(empty));
    QVERIFY(!w.lastError().isEmpty());
    closeMessageBoxes();
    QCOMPARE(w.imageModel()->rowCount(), 0);
}

void TestWorkbench::unreadableImageIsReportedNotFatal()
{
    MainWindow& w = *m_window;
    const QString folder = m_tmp.filePath(QStringLiteral("plain"));
    QVERIFY(QDir().mkpath(folder));
    const QString good = QStringLiteral(UTAD_SAMPLE_DIR "/test/good/") + QDir(QStringLiteral(UTAD_SAMPLE_DIR "/test/good")).entryList(QDir::Files).first();
    QVERIFY(QFile::copy(good, folder + QStringLiteral("/a-good.png")));
    QFile corrupt(folder + QStringLiteral("/b-corrupt.png"));
    QVERIFY(corrupt.open(QIODevice::WriteOnly));
    corrupt.write("\x89PNG\r\n\x1a\n this is not really an image");
    corrupt.close();

    QVERIFY(w.openDataset(folder));
    QCOMPARE(w.imageModel()->rowCount(), 2);
    QVERIFY(w.imageModel()->rowOf(folder + QStringLiteral("/b-corrupt.png")) >= 0);
    w.selectImage(folder + QStringLiteral("/b-corrupt.png"));
    QCOMPARE(w.currentImagePath(), folder + QStringLiteral("/b-corrupt.png"));
    auto* messages = w.findChild<QPlainTextEdit*>(QStringLiteral("messages"));
    QVERIFY(messages);
    QTRY_VERIFY(messages->toPlainText().contains(QStringLiteral("b-corrupt.png")));
    // Still usable afterwards.
    w.selectImage(folder + QStringLiteral("/a-good.png"));
    QTRY_VERIFY(!w.inspector()->sourceImage().empty());
}

void TestWorkbench::sampleIsScoredInTheBackground()
{
    MainWindow& w = *m_window;
    QVERIFY(w.openDataset(QStringLiteral(UTAD_SAMPLE_DIR)));
    QVERIFY(w.imageModel()->rowCount() > 100);
    QSignalSpy finished(&w, &MainWindow::inferenceFinished);
    QElapsedTimer timer;
    timer.start();
    w.loadModel(m_modelPath, true);
    // The window stays responsive: the first image appears while the dataset is being scored.
    QTRY_VERIFY_WITH_TIMEOUT(!w.inspector()->sourceImage().empty(), 20000);
    QTRY_VERIFY_WITH_TIMEOUT(finished.count() == 1, kInferenceTimeoutMs);
    QVERIFY(finished.at(0).at(0).toBool());
    qInfo("dataset scored in %lld ms", timer.elapsed());

    QCOMPARE(int(w.project()->results().size()), w.imageModel()->rowCount());
    for (int row = 0; row < w.imageModel()->rowCount(); ++row)
        QVERIFY2(std::isfinite(w.imageModel()->score(row)), qPrintable(w.imageModel()->path(row)));
    QVERIFY(w.project()->thresholds().image > 0);  // proposed from the model's calibration
    const QModelIndex prediction = w.imageProxy()->index(0, ImageListModel::PredictionColumn);
    QVERIFY(!prediction.data().toString().isEmpty());
    QVERIFY(std::isfinite(w.project()->metrics().imageAuroc));

    // Model > Model information names what was loaded.
    QAction* infoAction = nullptr;
    for (QAction* a : w.findChildren<QAction*>())
        if (a->text() == QStringLiteral("Model &information..."))
            infoAction = a;
    QVERIFY(infoAction);
    infoAction->trigger();
    QMessageBox* box = nullptr;
    QTRY_VERIFY((box = w.findChild<QMessageBox*>()) != nullptr);
    QVERIFY2(box->text().contains(QStringLiteral("preset cpu")) && box->text().contains(QFileInfo(m_modelPath).fileName()),
             qPrintable(box->text()));
    box->close();
    QTRY_VERIFY(w.findChild<QMessageBox*>() == nullptr);
}

void TestWorkbench::waitForPanels(MainWindow& w, const QString& path)
{
    QTRY_VERIFY_WITH_TIMEOUT(w.inspector()->imagePath() == path && w.inspector()->currentInference() != nullptr, 20000);
}

void TestWorkbench::keyboardStepsThroughImages()
{
    MainWindow& w = *m_window;
    QTableView* table = w.imageView();
    table->setFocus();
    table->setCurrentIndex(w.imageProxy()->index(0, ImageListModel::NameColumn));
    const QString first = w.currentImagePath();
    QVERIFY(!first.isEmpty());

    QSignalSpy changed(&w, &MainWindow::currentImageChanged);
    QTest::keyClick(table, Qt::Key_Down);
    QCOMPARE(changed.count(), 1);
    const QString second = changed.at(0).at(0).toString();
    QCOMPARE(second, w.imageProxy()->index(1, 0).data(ImageListModel::PathRole).toString());
    QCOMPARE(w.currentImagePath(), second);
    waitForPanels(w, second);

    QTest::keyClick(table, Qt::Key_PageDown);
    QCOMPARE(changed.count(), 2);
    QVERIFY(table->currentIndex().row() > 2);
    QTest::keyClick(table, Qt::Key_Up);
    QCOMPARE(changed.count(), 3);
    QTest::keyClick(table, Qt::Key_Home, Qt::ControlModifier);
    QCOMPARE(w.currentImagePath(), first);
    waitForPanels(w, first);
}

void TestWorkbench::panelsHaveTheSourceSize()
{
    MainWindow& w = *m_window;
    // A defective image: its panels must line up with the source pixels and the ground truth.
    const QString path = w.imageModel()->path(w.imageModel()->rowOf(
        QStringLiteral(UTAD_SAMPLE_DIR "/test/defective/1-+_row0_0.png")));
    QVERIFY(!path.isEmpty());
    w.selectImage(path);
    waitForPanels(w, path);
    const QSize expected = sourceSize(path);
    QVERIFY(expected.width() != expected.height());  // the sample is not square, the network input is
    for (int i = 0; i < 4; ++i) {
        QCOMPARE(w.inspector()->panel(i)->image().size(), expected);
        QCOMPARE(w.inspector()->panelImage(i).size(), expected);
    }
    QVERIFY(w.inspector()->panel(0)->truthOutlineVisible());

    // The status bar tells the pixel value and the anomaly value under the cursor.
    QSignalSpy hover(w.inspector(), &InspectorWidget::hoverInfo);
    PanelView* view = w.inspector()->panel(3);
    const QPoint at = view->mapFromScene(QPointF(expected.width() / 2.0, expected.height() / 2.0));
    QMouseEvent move(QEvent::MouseMove, at, view->viewport()->mapToGlobal(at), Qt::NoButton, Qt::NoButton, Qt::NoModifier);
    QCoreApplication::sendEvent(view->viewport(), &move);
    QVERIFY(hover.count() >= 1);
    const QString info = hover.last().at(0).toString();
    QVERIFY2(info.contains(QStringLiteral("value")) && info.contains(QStringLiteral("anomaly")), qPrintable(info));
    screenshot(&w, QStringLiteral("main-window.png"));
}

void TestWorkbench::zoomAndPanMoveAllPanelsTogether()
{
    InspectorWidget* inspector = m_window->inspector();
    inspector->setZoom(3.0);
    for (int i = 0; i < 4; ++i)
        QCOMPARE(inspector->panel(i)->transform().m11(), 3.0);

    // Wheel over one panel zooms them all.
    PanelView* third = inspector->panel(2);
    const QPoint centre = third->viewport()->rect().center();
    QWheelEvent wheel(centre, third->viewport()->mapToGlobal(centre), QPoint(), QPoint(0, 120), Qt::NoButton,
                      Qt::NoModifier, Qt::NoScrollPhase, false);
    QCoreApplication::sendEvent(third->viewport(), &wheel);
    QCOMPARE(inspector->zoom(), 3.75);
    for (int i = 0; i < 4; ++i)
        QCOMPARE(inspector->panel(i)->transform().m11(), 3.75);

    // Dragging (scrolling) one panel moves the others to the same place.
    QScrollBar* h = third->horizontalScrollBar();
    QVERIFY(h->maximum() > 0);
    h->setValue(h->maximum() / 3);
    third->verticalScrollBar()->setValue(third->verticalScrollBar()->maximum() / 2);
    for (int i = 0; i < 4; ++i) {
        QCOMPARE(inspector->panel(i)->horizontalScrollBar()->value(), h->value());
        QCOMPARE(inspector->panel(i)->verticalScrollBar()->value(), third->verticalScrollBar()->value());
    }
    // Keyboard zoom, also while the image list has the focus (as when stepping through images).
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    m_window->imageView()->setFocus();
    QTest::keyClick(m_window->imageView(), Qt::Key_Minus);
    QCOMPARE(inspector->zoom(), 3.0);
    inspector->fitAction()->trigger();
    QVERIFY(inspector->isFitted());
    QVERIFY(inspector->zoom() < 3.0);
    for (int i = 1; i < 4; ++i)
        QCOMPARE(inspector->panel(i)->transform(), inspector->panel(0)->transform());
}

void TestWorkbench::overlayAndResidualViews()
{
    MainWindow& w = *m_window;
    InspectorWidget* inspector = w.inspector();
    const QImage heat = inspector->panel(3)->image();
    inspector->overlayAction()->trigger();
    QVERIFY(inspector->panelStyle().overlay);
    inspector->setOverlayOpacity(0.5);
    const QImage overlay = inspector->panel(3)->image();
    QCOMPARE(overlay.size(), heat.size());
    QVERIFY(overlay != heat);
    screenshot(&w, QStringLiteral("overlay.png"));

    const QString stageTitle = inspector->panelTitle(1);
    // One key switches to the residuals, also while stepping through the list.
    w.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&w));
    w.imageView()->setFocus();
    QTest::keyClick(w.imageView(), Qt::Key_R);
    QCOMPARE(inspector->panelStyle().mode, PanelMode::Residuals);
    QVERIFY(inspector->panelTitle(1) != stageTitle);
    const QSize expected = sourceSize(w.currentImagePath());
    for (int i = 0; i < 4; ++i)
        QCOMPARE(inspector->panel(i)->image().size(), expected);
    screenshot(&w, QStringLiteral("residuals.png"));
    inspector->residualsAction()->trigger();
    QCOMPARE(inspector->panelTitle(1), stageTitle);
    inspector->overlayAction()->trigger();
    QVERIFY(!inspector->panelStyle().overlay);
}

void TestWorkbench::exportWritesAMontage()
{
    const QString file = m_tmp.filePath(QStringLiteral("panels.png"));
    QVERIFY(m_window->exportPanels(file));
    QImage montage(file);
    QVERIFY(!montage.isNull());
    const QSize source = sourceSize(m_window->currentImagePath());
    QVERIFY(montage.width() >= 2 * source.width() && montage.height() >= 2 * source.height());
}

void TestWorkbench::reopenedProjectShowsCachedResults()
{
    MainWindow& w = *m_window;
    const QString file = m_tmp.filePath(QStringLiteral("line/weld.utadproj"));
    QVERIFY(QDir().mkpath(m_tmp.filePath(QStringLiteral("line"))));
    QVERIFY(w.saveProjectAs(file));
    QVERIFY(QFileInfo::exists(file));
    QCOMPARE(QSettings().value(QStringLiteral("recentProjects")).toStringList().value(0), QFileInfo(file).absoluteFilePath());
    const std::vector<utad::ImageResult> before = w.project()->results();

    MainWindow reopened;
    reopened.show();
    QVERIFY(reopened.openProject(file));
    // Scores are there at once, from the project file, and nothing is being recomputed.
    QCOMPARE(reopened.project()->results().size(), before.size());
    QVERIFY(reopened.inferenceTask() == nullptr);
    for (int row = 0; row < reopened.imageModel()->rowCount(); ++row)
        QVERIFY(std::isfinite(reopened.imageModel()->score(row)));
    const QString path = QString::fromStdString(before.back().path);
    reopened.selectImage(path);
    waitForPanels(reopened, path);
    QTRY_VERIFY(!reopened.isLoadingModel());
    QVERIFY(reopened.panelsFromCache() >= 1);
    QCOMPARE(reopened.panelsComputed(), 0);
    QVERIFY(reopened.inferenceTask() == nullptr);
    QCOMPARE(reopened.inspector()->currentInference()->score, before.back().score);
    reopened.close();
}

void TestWorkbench::cancelledTrainingStopsPromptly()
{
    MainWindow& w = *m_window;
    utad::ModelConfig config = utad::testing::tinyConfig();
    config.ieSteps = utad::kStepsPerRound;  // the second round is the Expert-Net's first
    config.expertSteps = 100000;             // far longer than the test
    const bool documenting = !qEnvironmentVariableIsEmpty("UTAD_SCREENSHOT_DIR");
    if (documenting)  // the picture for the documentation shows the real preset after a few rounds
        config = utad::configForDataset(utad::openDataset(UTAD_SAMPLE_DIR), "cpu");
    TrainingDialog* dialog = w.startTraining(config);
    QVERIFY(dialog);
    TrainingTask* task = w.trainingTask();
    QVERIFY(task && task->isRunning());
    QSignalSpy rounds(task, &TrainingTask::roundDone);
    QSignalSpy finished(task, &Task::finished);
    QTRY_VERIFY_WITH_TIMEOUT(rounds.count() >= (documenting ? 8 : 2), 120000);
    QTRY_VERIFY_WITH_TIMEOUT(dialog->previewsShown() >= 1, 10000);
    QVERIFY(dialog->lossPlot()->graphCount() >= 1);
    // The loss curve grows round by round (the spy counts on the worker thread, the plot a moment later).
    QTRY_VERIFY(dialog->lossPlot()->graph(0)->dataCount() >= 2);
    screenshot(dialog, QStringLiteral("training.png"));

    QElapsedTimer timer;
    timer.start();
    QPushButton* cancel = nullptr;
    for (QPushButton* b : dialog->findChildren<QPushButton*>())
        if (b->text() == QStringLiteral("Cancel"))
            cancel = b;
    QVERIFY(cancel);
    QTest::mouseClick(cancel, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(finished.count() == 1, 15000);
    qInfo("training stopped %lld ms after cancel", timer.elapsed());
    QVERIFY(!task->isRunning());
    QVERIFY(task->wasCancelled());
    // The last complete round is kept and can be saved; the model is trained but not complete.
    QVERIFY(task->model() != nullptr);
    const QString saved = m_tmp.filePath(QStringLiteral("cancelled.utad"));
    QString error;
    QVERIFY2(dialog->saveModel(saved, &error), qPrintable(error));
    QVERIFY(utad::Model::load(saved.toStdString())->trained());
    QVERIFY(!utad::Model::load(saved.toStdString())->complete());
    dialog->close();

    // The window is still usable.
    QTest::keyClick(w.imageView(), Qt::Key_Down);
    waitForPanels(w, w.currentImagePath());
}

void TestWorkbench::closingStopsRunningInference()
{
    MainWindow window;
    window.show();
    QVERIFY(window.openDataset(QStringLiteral(UTAD_SAMPLE_DIR)));
    window.setModel(std::shared_ptr<utad::Model>(utad::Model::load(m_modelPath.toStdString())), m_modelPath);
    window.project()->setResults({});  // score again even though the autosave holds results
    QVERIFY(window.runInference());
    QPointer<InferenceTask> task = window.inferenceTask();
    QVERIFY(task && task->isRunning());
    QElapsedTimer timer;
    timer.start();
    window.close();
    QVERIFY(!task || !task->isRunning());
    QVERIFY(timer.elapsed() < 10000);
}

void TestWorkbench::missingOrForeignModelIsExplained()
{
    MainWindow window;
    window.show();
    QVERIFY(window.openDataset(QStringLiteral(UTAD_SAMPLE_DIR)));

    // No model file: the window says so and offers to train one on this dataset.
    window.loadModel(m_tmp.filePath(QStringLiteral("absent.utad")), true);
    QMessageBox* offer = nullptr;
    QTRY_VERIFY((offer = window.findChild<QMessageBox*>()) != nullptr);
    QVERIFY(offer->text().contains(QStringLiteral("absent.utad")));
    bool hasTrain = false;
    for (QAbstractButton* b : offer->buttons())
        hasTrain |= b->text().contains(QStringLiteral("Train"));
    QVERIFY(hasTrain);
    offer->close();
    QTRY_VERIFY(window.findChild<QMessageBox*>() == nullptr);

    // A file that is not a model: a message naming it, no model, no crash.
    const QString foreign = m_tmp.filePath(QStringLiteral("foreign.utad"));
    QVERIFY(QFile::copy(QStringLiteral(UTAD_SAMPLE_DIR "/LICENSE"), foreign));
    QSignalSpy loaded(&window, &MainWindow::modelLoaded);
    window.loadModel(foreign, true);
    QTRY_COMPARE(loaded.count(), 1);
    QVERIFY(!window.model());
    QVERIFY2(window.lastError().contains(QStringLiteral("foreign.utad")), qPrintable(window.lastError()));
    QVERIFY(window.inferenceTask() == nullptr);
    closeMessageBoxes();
}

void TestWorkbench::droppedFolderIsOpened()
{
    MainWindow window;
    window.show();
    QMimeData data;
    data.setUrls({QUrl::fromLocalFile(QStringLiteral(UTAD_SAMPLE_DIR))});
    QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(&window, &enter);
    QVERIFY(enter.isAccepted());
    QSignalSpy opened(&window, &MainWindow::datasetOpened);
    QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(&window, &drop);
    QCOMPARE(opened.count(), 1);
    QVERIFY(window.imageModel()->rowCount() > 100);
    QVERIFY(window.dataset() && window.dataset()->train.size() > 10);
}

void TestWorkbench::cleanupTestCase()
{
    m_window.reset();
    QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).removeRecursively();
}

QTEST_MAIN(TestWorkbench)
#include "test_workbench.moc"
