#pragma once
// Trains a new model in the background (utad::Model::create + train). Progress, loss and a preview
// of a fixed training image arrive after every round of steps. Cancel stops after restoring the last
// complete round; the model is then partly trained.
#include "ui/task.h"
#include "utad/model.h"

#include <memory>

namespace utad::ui {

class TrainingTask : public Task {
    Q_OBJECT
public:
    TrainingTask(const utad::ModelConfig& config, const utad::Dataset& dataset, utad::Device device = utad::Device::Auto,
                 QObject* parent = nullptr);

    const utad::ModelConfig& config() const { return m_config; }
    // The model after finished(): complete when ok, the last complete round when cancelled, null
    // when no round completed or training failed.
    std::shared_ptr<utad::Model> model() const { return m_result; }
    bool wasCancelled() const { return m_stoppedEarly; }
    int stepsDone() const { return m_stepsDone; }  // over both stages

signals:
    void roundDone(const utad::TrainProgress& progress);
    void preview(const utad::Inference& inference);
    void log(const QString& text);

protected:
    bool run() override;
    void completed(bool ok) override;

private:
    utad::ModelConfig m_config;
    utad::Dataset m_dataset;
    std::shared_ptr<utad::Model> m_model;   // worker side
    std::shared_ptr<utad::Model> m_result;  // GUI side, after completion
    std::atomic<int> m_stepsDone{0};
    utad::Device m_device;
    bool m_stoppedEarly = false;
};

} // namespace utad::ui
