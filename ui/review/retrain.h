#pragma once
// Closing the loop: images the reviewer marked as false positives join the training set as good
// images, a new model is trained and scores the test set in the background, and the two models
// are compared at the current threshold.
#include "ui/project.h"
#include "utad/dataset.h"
#include "utad/evaluation.h"
#include "utad/model.h"

#include <QDialog>
#include <QObject>
#include <QPointer>
#include <memory>
#include <vector>

class QLabel;
class QTableWidget;

namespace utad::ui {

class AnnotationStore;
class InferenceTask;
class TrainingTask;

// A copy of `dataset` whose training set also holds every test image marked false positive (as
// Label::Good). `added` receives how many were appended.
utad::Dataset datasetWithFalsePositives(const utad::Dataset& dataset, const AnnotationStore& annotations, int* added = nullptr);

struct OperatingMetrics {
    double imageAuroc = utad::kNaN;
    utad::Confusion confusion;  // at the threshold
    long flagged = 0;           // every scored image, labelled or not
};
OperatingMetrics operatingMetrics(const std::vector<utad::ImageResult>& results, const AnnotationStore* annotations,
                                  double threshold);

struct DecisionChange {
    QString path;
    utad::Label label = utad::Label::Unknown;
    double scoreBefore = 0, scoreAfter = 0;
    Decision before = Decision::Good, after = Decision::Good;
};
// Images scored by both models whose decision differs under the project's thresholds.
std::vector<DecisionChange> decisionChanges(const std::vector<utad::ImageResult>& before,
                                            const std::vector<utad::ImageResult>& after, const Project& project);

struct RetrainOutcome {
    std::shared_ptr<utad::Model> model;  // null when training failed or was cancelled before one epoch
    utad::EvalReport report;             // the new model on the test set
    std::vector<utad::ImageResult> before;
    Thresholds thresholds;
    OperatingMetrics beforeMetrics, afterMetrics;
    std::vector<DecisionChange> changes;
    int addedImages = 0;
    bool cancelled = false;
    QString error;
};

// Trains (TrainingTask) then scores (InferenceTask); progress goes 0..1 over both stages.
class Retrainer : public QObject {
    Q_OBJECT
public:
    Retrainer(Project* project, const utad::ModelConfig& config, const utad::Dataset& dataset, QObject* parent = nullptr);
    ~Retrainer() override;
    void start();
    void cancel();
    bool isRunning() const;
    const RetrainOutcome& outcome() const { return m_outcome; }
    int addedImages() const { return m_outcome.addedImages; }

signals:
    void progressChanged(double fraction, const QString& text);
    void log(const QString& text);  // the training run's messages
    void finished(bool ok);  // ok: a new model scored the test set

private:
    void trainingFinished(bool ok);
    void scoringFinished(bool ok);
    void fail(const QString& message);

    Project* m_project;
    utad::ModelConfig m_config;
    utad::Dataset m_dataset;
    RetrainOutcome m_outcome;
    QPointer<TrainingTask> m_training;
    QPointer<InferenceTask> m_scoring;
    bool m_cancelled = false;
};

// Before/after metrics side by side and the images whose decision changed.
class RetrainComparisonDialog : public QDialog {
    Q_OBJECT
public:
    explicit RetrainComparisonDialog(const RetrainOutcome& outcome, QWidget* parent = nullptr);
    QTableWidget* metricsTable() const { return m_metrics; }
    QTableWidget* changesTable() const { return m_changes; }

signals:
    void useNewModelRequested();

private:
    QTableWidget* m_metrics;
    QTableWidget* m_changes;
};

} // namespace utad::ui
