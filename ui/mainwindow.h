#pragma once
// The workbench window. Data flows dataset -> model -> scores -> views: the Project is the
// document (dataset, model, scores, thresholds, marks, current image), every background job runs
// through the TaskManager, and the views (image list, inspector, review panels) follow the document.
#include "ui/imagelistmodel.h"
#include "ui/preferences.h"
#include "utad/dataset.h"
#include "utad/model.h"

#include <QMainWindow>
#include <QPointer>
#include <QSize>
#include <memory>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QTableView;

namespace utad::ui {

class InferenceTask;
class InspectorWidget;
class ModelLoadTask;
class Project;
class ReviewTools;
class TaskManager;
class TaskStatusWidget;
class TrainingDialog;
class TrainingTask;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    // The window's size on a first start, where the screen allows it.
    static constexpr QSize kPreferredSize{1400, 900};
    // Shows the window: maximised on a first start (no saved layout) on a screen smaller than
    // kPreferredSize, else as it was sized or restored.
    void showAtStart();

    Project* project() const { return m_project; }
    TaskManager* tasks() const { return m_tasks; }
    TaskStatusWidget* taskStatus() const { return m_taskStatus; }
    ReviewTools* reviewTools() const { return m_review; }
    InspectorWidget* inspector() const { return m_inspector; }
    QAction* undoAction() const { return m_undo; }  // Edit menu: every document edit
    QAction* redoAction() const { return m_redo; }
    QString currentImagePath() const;
    void selectImage(const QString& path);  // no-op when the image is not listed (or filtered out)
    ImageListModel* imageModel() const { return m_images; }
    ImageFilterProxy* imageProxy() const { return m_proxy; }
    QTableView* imageView() const { return m_table; }
    std::shared_ptr<const utad::Model> model() const;
    const utad::Dataset* dataset() const;
    int computeThreads() const { return m_threads; }  // as applied from the preferences

    // --- Actions, callable without dialogs --------------------------------------------------
    bool openDataset(const QString& path);  // errors go to a message box and lastError()
    bool openProject(const QString& path);
    // Copies the project's data folder in the background, then writes the project file;
    // Project::saved() or an error message follows. False when it cannot even start.
    bool saveProjectAs(const QString& path);
    // Loads in the background; modelLoaded() or an error follows. With `runInference`, the
    // dataset is scored once loaded (unless the project already holds this model's results).
    void loadModel(const QString& path, bool runInference = false);
    void setModel(std::shared_ptr<utad::Model> model, const QString& path);
    bool runInference();
    TrainingDialog* startTraining(const utad::ModelConfig& config, utad::Device device = utad::Device::Auto);
    bool exportPanels(const QString& path);

    bool isLoadingModel() const;
    InferenceTask* inferenceTask() const;  // null when none runs
    TrainingTask* trainingTask() const;  // null when no training runs
    TrainingDialog* trainingDialog() const;  // the last training window, while it is open
    QString lastError() const { return m_lastError; }
    void log(const QString& text);
    void logDatasetWarnings(const std::vector<std::string>& warnings);

signals:
    void currentImageChanged(const QString& path);
    void datasetOpened();
    void modelLoaded();
    void inferenceFinished(bool complete);
    void panelsShown(const QString& path, bool fromCache);

protected:
    void closeEvent(QCloseEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void createActions();
    void createBrowser();
    void createDocks();
    void updateRecentMenu();
    void addRecentProject(const QString& path);
    void updateTitle();
    void updateStatus();
    void updateMetrics();
    void showDataset();
    void followCurrentImage(const QString& path);
    void showError(const QString& title, const QString& message);
    void offerTraining(const QString& reason);
    // Asks before a training run or a trained, unsaved model would be thrown away.
    bool confirmDiscardTraining();
    // Cancels the jobs bound to the open document (all of them with `everything`) and waits,
    // saying so in the status bar.
    void stopWork(bool everything);

    void onOpenDataset();
    void onOpenProject();
    void onSaveProject();
    void onSaveProjectAs();
    void onLoadModel();
    void onExportPanels();
    void onTrain();
    void onModelInfo();
    void onPreferences();
    void onAbout();

    Project* m_project;
    TaskManager* m_tasks;
    ImageListModel* m_images;
    ImageFilterProxy* m_proxy;
    InspectorWidget* m_inspector;
    ReviewTools* m_review = nullptr;
    TaskStatusWidget* m_taskStatus = nullptr;
    int m_rowBeforeLayout = -1;  // the list's current row before the proxy's layout change
    QTableView* m_table = nullptr;
    QLineEdit* m_filterText = nullptr;
    QComboBox* m_filterDefect = nullptr;
    QComboBox* m_filterLabel = nullptr;
    QComboBox* m_filterPrediction = nullptr;
    QLabel* m_metricsLabel = nullptr;
    QPlainTextEdit* m_messages = nullptr;
    QLabel* m_hoverLabel = nullptr;
    QLabel* m_deviceLabel = nullptr;
    QMenu* m_recentMenu = nullptr;
    QAction* m_undo = nullptr;
    QAction* m_redo = nullptr;
    QAction* m_runAction = nullptr;
    QAction* m_trainAction = nullptr;
    QAction* m_exportAction = nullptr;

    QPointer<InferenceTask> m_inferenceTask;
    QPointer<TrainingTask> m_trainingTask;
    QPointer<TrainingDialog> m_trainingDialog;
    QPointer<ModelLoadTask> m_modelLoad;
    Preferences m_preferences;
    int m_threads = 1;
    QString m_lastError;
};

}  // namespace utad::ui
