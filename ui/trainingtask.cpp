#include "ui/trainingtask.h"

#include "ui/metatypes.h"

namespace utad::ui {

TrainingTask::TrainingTask(const utad::ModelConfig& config, const utad::Dataset& dataset, utad::Device device)
    : Task(tr("Training")), m_config(config), m_dataset(dataset), m_device(device)
{
}

namespace {
utad::Inference cloned(const utad::Inference& in)
{
    // The preview crosses threads while training goes on: give the GUI its own pixels.
    utad::Inference out = in;
    for (cv::Mat* m : {&out.input, &out.impression, &out.reconstruction, &out.naiveImpression, &out.residualImpression,
             &out.residualReconstruction, &out.residualNaive, &out.segmentation, &out.anomalyMapNet, &out.anomalyMap})
        *m = m->clone();
    return out;
}
}  // namespace

bool TrainingTask::run()
{
    m_model = utad::Model::create(m_config, m_device);
    utad::TrainCallbacks callbacks;
    callbacks.isCancelled = [this] { return isCancelled(); };
    callbacks.onProgress = [this](const utad::TrainProgress& p) {
        if (p.stage != "Calibration")  // the last report is not a round of steps
            m_stepsDone = utad::stepsBeforeStage(m_config, p.stage) + p.step;
        setProgress(p.fraction, QString::fromStdString(p.stage));
        emit roundDone(p);
    };
    callbacks.onPreview = [this](const utad::Inference& inference) { emit preview(cloned(inference)); };
    callbacks.onLog = [this](const std::string& text) { emit log(QString::fromStdString(text)); };
    return m_model->train(m_dataset, callbacks);
}

void TrainingTask::completed(bool ok)
{
    m_stoppedEarly = !ok && errorMessage().isEmpty();
    m_complete = ok && m_model && m_model->complete();
    if (m_model && (ok || (m_stoppedEarly && m_model->trained())))
        m_result = m_model;
    m_model.reset();
}

}  // namespace utad::ui
