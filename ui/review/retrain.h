#pragma once
// Closing the loop: images the reviewer marked as false positives join the training set as good
// images, a new model is trained and scores the test set in the background, and the two models
// are compared at the current threshold.
#include "ui/project.h"
#include "ui/review/annotationstore.h"
#include "ui/task.h"
#include "utad/dataset.h"
#include "utad/evaluation.h"
#include "utad/model.h"

#include <QDialog>
#include <QPointer>
#include <memory>
#include <vector>

class QLabel;
class QTableWidget;

namespace utad::ui {

// A copy of `dataset` whose training set also holds every test image marked false positive (as
// Label::Good). `added` receives how many were appended.
utad::Dataset datasetWithFalsePositives(
    const utad::Dataset& dataset, const AnnotationStore& annotations, int* added = nullptr);

struct OperatingMetrics {
    double imageAuroc = utad::kNaN;
    utad::Confusion confusion;  // at the threshold
    long flagged = 0;  // every scored image, labelled or not
};
OperatingMetrics operatingMetrics(
    const std::vector<utad::ImageResult>& results, const AnnotationStore* annotations, double threshold);

struct DecisionChange {
    QString path;
    utad::Label label = utad::Label::Unknown;
    double scoreBefore = 0, scoreAfter = 0;
    Decision before = Decision::Good, after = Decision::Good;
    Mark mark = Mark::None;  // the reviewer's mark on the image, if any
};
// Images scored by both models whose decision differs under the project's thresholds.
std::vector<DecisionChange> decisionChanges(
    const std::vector<utad::ImageResult>& before, const std::vector<utad::ImageResult>& after, const Project& project);

struct RetrainOutcome {
    std::shared_ptr<utad::Model> model;  // null when training failed or was cancelled before one epoch
    utad::EvalReport report;  // the new model on the test set
    std::vector<utad::ImageResult> before;
    Thresholds thresholds;
    OperatingMetrics beforeMetrics, afterMetrics;
    std::vector<DecisionChange> changes;
    int addedImages = 0;
    bool cancelled = false;
    QString error;
};

// Trains a new model, then scores the test set with it, in one background job; progress goes 0..1
// over both stages. The comparison with the current model is made on the GUI thread at the end.
class Retrainer : public Task {
    Q_OBJECT
public:
    Retrainer(Project* project, const utad::ModelConfig& config, const utad::Dataset& dataset);
    const RetrainOutcome& outcome() const { return m_outcome; }  // after finished()
    int addedImages() const { return m_outcome.addedImages; }

protected:
    bool run() override;
    void completed(bool ok) override;

private:
    QPointer<Project> m_project;
    utad::ModelConfig m_config;
    utad::Dataset m_dataset;
    RetrainOutcome m_outcome;
    std::shared_ptr<utad::Model> m_model;  // worker side
    utad::EvalReport m_report;  // worker side
};

// Before/after metrics side by side and the images whose decision changed.
class RetrainComparisonDialog : public QDialog {
    Q_OBJECT
public:
    // Keeps a copy of `outcome` (and with it the new model) while it is open.
    explicit RetrainComparisonDialog(const RetrainOutcome& outcome, QWidget* parent = nullptr);
    const RetrainOutcome& outcome() const { return m_outcome; }
    QTableWidget* metricsTable() const { return m_metrics; }
    QTableWidget* changesTable() const { return m_changes; }

signals:
    void useNewModelRequested();

private:
    RetrainOutcome m_outcome;
    QTableWidget* m_metrics;
    QTableWidget* m_changes;
};

}  // namespace utad::ui
