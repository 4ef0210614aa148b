#pragma once
// The workbench window. Data flows dataset -> model -> scores -> views: the Project holds the
// document, the image browser lists the dataset with its scores, the inspector shows the panels of
// the current image, and background tasks train models and score datasets.
#include "ui/imagelistmodel.h"
#include "ui/preferences.h"
#include "utad/dataset.h"
#include "utad/model.h"

#include <QMainWindow>
#include <QPointer>
#include <memory>
#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QMenu;
class QPlainTextEdit;
class QProgressBar;
class QTableView;
class QToolButton;

namespace utad::ui {

class ImageInferenceWorker;
class InferenceTask;
class InspectorWidget;
class Project;
class TrainingDialog;
class TrainingTask;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    // --- For the review tools and the tests ------------------------------------------------
    Project* project() const { return m_project; }
    InspectorWidget* inspector() const { return m_inspector; }
    QString currentImagePath() const { return m_currentPath; }
    void selectImage(const QString& path);  // no-op when the image is not listed (or filtered out)
    // An extra predicate on the image list (true = show), combined with the browser's own filters.
    void setImageFilter(ImageFilterProxy::ExtraFilter filter);
    void refilterImages();  // after the data behind the extra filter changed
    ImageListModel* imageModel() const { return m_images; }
    ImageFilterProxy* imageProxy() const { return m_proxy; }
    QTableView* imageView() const { return m_table; }
    QMenu* viewMenu() const { return m_viewMenu; }
    QToolBar* mainToolBar() const { return m_toolBar; }
    std::shared_ptr<const utad::Model> model() const { return m_model; }
    const utad::Dataset* dataset() const { return m_dataset ? &*m_dataset : nullptr; }

    // --- Actions, callable without dialogs --------------------------------------------------
    bool openDataset(const QString& path);   // errors go to a message box and lastError()
    bool openProject(const QString& path);
    bool saveProjectAs(const QString& path);
    // Loads in the background; modelLoaded() or an error follows. With `runInference`, the
    // dataset is scored once loaded (unless the project already holds this model's results).
    void loadModel(const QString& path, bool runInference = false);
    void setModel(std::shared_ptr<utad::Model> model, const QString& path);
    bool runInference();
    TrainingDialog* startTraining(const utad::ModelConfig& config, utad::Device device = utad::Device::Auto);
    bool exportPanels(const QString& path);

    bool isLoadingModel() const { return m_loadingModel; }
    InferenceTask* inferenceTask() const;  // null when none runs
    TrainingTask* trainingTask() const;    // the last training run, null once its window closed
    QString lastError() const { return m_lastError; }
    int panelsFromCache() const { return m_panelsFromCache; }
    int panelsComputed() const { return m_panelsComputed; }
    void log(const QString& text);

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
    void updateThresholdViews();
    void applyDefaultThresholds();
    void showDataset();
    void requestPanels();
    void showError(const QString& title, const QString& message);
    void offerTraining(const QString& reason);
    bool stopWork();  // cancels every background job and waits for it

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
    void onCurrentRowChanged(const QModelIndex& current);

    Project* m_project;
    ImageListModel* m_images;
    ImageFilterProxy* m_proxy;
    QTableView* m_table = nullptr;
    QLineEdit* m_filterText = nullptr;
    QComboBox* m_filterDefect = nullptr;
    QComboBox* m_filterLabel = nullptr;
    QComboBox* m_filterPrediction = nullptr;
    QLabel* m_metricsLabel = nullptr;
    InspectorWidget* m_inspector;
    QPlainTextEdit* m_messages = nullptr;
    QLabel* m_hoverLabel = nullptr;
    QLabel* m_deviceLabel = nullptr;
    QProgressBar* m_taskProgress = nullptr;
    QToolButton* m_taskCancel = nullptr;
    QMenu* m_recentMenu = nullptr;
    QMenu* m_viewMenu = nullptr;
    QToolBar* m_toolBar = nullptr;
    QAction* m_runAction = nullptr;
    QAction* m_trainAction = nullptr;
    QAction* m_exportAction = nullptr;

    ImageInferenceWorker* m_worker;
    std::optional<utad::Dataset> m_dataset;
    std::shared_ptr<utad::Model> m_model;
    QString m_modelStamp;  // identifies m_model's results and cached panels (Project::resultsModelStamp)
    QPointer<InferenceTask> m_inferenceTask;
    QPointer<TrainingTask> m_trainingTask;
    Preferences m_preferences;
    int m_threads = 1;
    QString m_currentPath;
    QString m_lastError;
    bool m_loadingModel = false;
    int m_panelsFromCache = 0;
    int m_panelsComputed = 0;
};

} // namespace utad::ui
