#pragma once
// Trains a new model in the background (utad::Model::create + train). Progress, loss and a preview
// of a fixed training image arrive after every round of steps. Cancel stops after the current
// round; the networks trained so far are kept and can be saved, but the model is then not complete.
#include "ui/task.h"
#include "utad/model.h"

#include <memory>

namespace utad::ui {

class TrainingTask : public Task {
    Q_OBJECT
public:
    TrainingTask(
        const utad::ModelConfig& config, const utad::Dataset& dataset, utad::Device device = utad::Device::Auto);

    const utad::ModelConfig& config() const { return m_config; }
    // The model after finished(): complete when ok; when cancelled, what was trained so far (see
    // complete()); null when nothing was trained or training failed.
    std::shared_ptr<utad::Model> model() const { return m_result; }
    bool wasCancelled() const { return m_stoppedEarly; }
    // Every stage ran all its configured steps (false for a cancelled run).
    bool complete() const { return m_complete; }
    int stepsDone() const { return m_stepsDone; }  // over both stages

signals:
    void roundDone(const utad::TrainProgress& progress);  // "Calibration" comes last and is no loss point
    void preview(const utad::Inference& inference);
    void log(const QString& text);

protected:
    bool run() override;
    void completed(bool ok) override;

private:
    utad::ModelConfig m_config;
    utad::Dataset m_dataset;
    std::shared_ptr<utad::Model> m_model;  // worker side
    std::shared_ptr<utad::Model> m_result;  // GUI side, after completion
    std::atomic<int> m_stepsDone{0};
    utad::Device m_device;
    bool m_complete = false;
    bool m_stoppedEarly = false;
};

}  // namespace utad::ui
