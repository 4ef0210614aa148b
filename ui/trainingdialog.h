#pragma once
// Training from the workbench: the options dialog, and the window that follows a TrainingTask
// (progress with ETA, live loss curve, preview of a fixed training image after every round of steps).
#include "utad/model.h"

#include <QDialog>
#include <QElapsedTimer>
#include <QPointer>
#include <array>
#include <memory>

class QCheckBox;
class QComboBox;
class QCustomPlot;
class QLabel;
class QTimer;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;

namespace utad::ui {

class TaskManager;
class TrainingTask;

class TrainOptionsDialog : public QDialog {
    Q_OBJECT
public:
    // The configuration starts from utad::configForDataset for `dataset`.
    TrainOptionsDialog(const QString& defaultPreset, const utad::Dataset& dataset, QWidget* parent = nullptr);
    utad::ModelConfig config() const;  // the dataset's defaults with the user's choices applied
    utad::Device device() const;

private:
    void presetChanged();
    QComboBox* m_method;
    QComboBox* m_preset;
    QSpinBox* m_ieSteps;
    QSpinBox* m_expertSteps;
    QSpinBox* m_segmenterSteps;
    QSpinBox* m_seed;
    QComboBox* m_device;
    const utad::Dataset& m_dataset;
    QCheckBox* m_augment;
};

class TrainingDialog : public QDialog {
    Q_OBJECT
public:
    // Follows `task` (owned by `tasks`); it should not have been started yet or just now. Saving
    // the model runs as a job of `tasks`.
    TrainingDialog(TrainingTask* task, TaskManager* tasks, QWidget* parent = nullptr);

    TrainingTask* task() const { return m_task; }  // null once the run has ended
    QCustomPlot* lossPlot() const { return m_plot; }
    int previewsShown() const { return m_previews; }
    int lossPoints() const { return m_point; }
    QString timeText() const;  // "elapsed ..., remaining ..."

    // The trained model after the run ended (null when there is none) and whether it is complete.
    std::shared_ptr<utad::Model> model() const { return m_model; }
    bool modelComplete() const { return m_complete; }
    bool wasCancelled() const { return m_cancelled; }
    // A trained model that is neither saved nor in use: closing would throw it away.
    bool holdsUnsavedModel() const { return m_model && m_savedPath.isEmpty() && !m_used; }
    // Writes the trained model (atomically) in the background; modelSaved() or saveFailed() follows.
    void saveModel(const QString& path);
    // "Use model" without its questions (an incomplete model is used as it is).
    void useModel();

signals:
    // The user chose to use the trained model; `path` is where it was saved, empty if unsaved.
    void modelReady(std::shared_ptr<utad::Model> model, const QString& path);
    void modelSaved(const QString& path);
    void saveFailed(const QString& error);

protected:
    void closeEvent(QCloseEvent* event) override;
    void reject() override;

private:
    void onRound(const utad::TrainProgress& progress);
    void onPreview(const utad::Inference& inference);
    void onFinished(bool ok);
    void onSave();
    void onUse();

    QPointer<TrainingTask> m_task;
    TaskManager* m_tasks;
    std::shared_ptr<utad::Model> m_model;
    QString m_savedPath;
    bool m_complete = false;
    bool m_cancelled = false;
    bool m_used = false;
    bool m_saving = false;
    QLabel* m_stage;
    QLabel* m_eta;
    QProgressBar* m_progress;
    QCustomPlot* m_plot;
    std::array<QLabel*, 3> m_preview{};
    QPlainTextEdit* m_log;
    QPushButton* m_cancel;
    QPushButton* m_save;
    QPushButton* m_use;
    QPushButton* m_close;
    // Elapsed time ticks every second, and the last estimate of the time left counts down, also
    // between the training's reports (a slow machine's first round, or calibration at the end).
    void showTime();
    QElapsedTimer m_clock;
    QTimer* m_tick;
    double m_remaining = -1, m_remainingAt = 0;  // the last estimate (-1: none yet), and when it came
    QString m_lastStage;
    int m_point = 0;
    int m_previews = 0;
};

}  // namespace utad::ui
