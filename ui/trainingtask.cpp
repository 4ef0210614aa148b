#include "ui/trainingtask.h"

#include "ui/metatypes.h"

namespace utad::ui {

TrainingTask::TrainingTask(const utad::ModelConfig& config, const utad::Dataset& dataset, QObject* parent)
    : Task(tr("Training"), parent), m_config(config), m_dataset(dataset)
{
}

static utad::Inference cloned(const utad::Inference& in)
{
    // The preview crosses threads while training goes on: give the GUI its own pixels.
    utad::Inference out = in;
    for (cv::Mat* m : {&out.input, &out.impression, &out.reconstruction, &out.naiveImpression,
                       &out.residualImpression, &out.residualReconstruction, &out.residualNaive,
                       &out.anomalyMapNet, &out.anomalyMap})
        *m = m->clone();
    return out;
}

bool TrainingTask::run()
{
    m_model = utad::Model::create(m_config);
    utad::TrainCallbacks callbacks;
    callbacks.isCancelled = [this] { return isCancelled(); };
    callbacks.onProgress = [this](const utad::TrainProgress& p) {
        ++m_epochsDone;
        setProgress(p.fraction, QString::fromStdString(p.stage));
        emit epochDone(p);
    };
    callbacks.onPreview = [this](const utad::Inference& inference) { emit preview(cloned(inference)); };
    callbacks.onLog = [this](const std::string& text) { emit log(QString::fromStdString(text)); };
    const bool complete = m_model->train(m_dataset, callbacks);
    return complete;
}

void TrainingTask::completed(bool ok)
{
    m_stoppedEarly = !ok && errorMessage().isEmpty();
    // A cancelled run keeps its last complete epoch, if there was one.
    if (m_model && (ok || (m_stoppedEarly && m_model->trained())))
        m_result = m_model;
    m_model.reset();
}

} // namespace utad::ui
