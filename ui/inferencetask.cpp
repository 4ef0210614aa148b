#include "ui/inferencetask.h"

#include "ui/metatypes.h"
#include "ui/panelcache.h"

namespace utad::ui {

InferenceTask::InferenceTask(std::shared_ptr<const utad::Model> model, utad::Dataset dataset,
    std::function<QString(const QString&)> cacheFileFor)
    : Task(tr("Scoring")), m_model(std::move(model)), m_dataset(std::move(dataset)),
      m_cacheFileFor(std::move(cacheFileFor))
{
}

bool InferenceTask::run()
{
    utad::EvalCallbacks callbacks;
    const int total = int(m_dataset.test.size());
    callbacks.isCancelled = [this] { return isCancelled(); };
    callbacks.onProgress = [this](int done, int all) {
        setProgress(all > 0 ? double(done) / all : 1.0, tr("Scoring %1 of %2").arg(done).arg(all));
    };
    callbacks.onImage = [this](const utad::Sample& sample, const utad::Inference& inference) {
        const QString path = QString::fromStdString(sample.path);
        QString error;
        if (m_cacheFileFor && !writeCachedInference(m_cacheFileFor(path), inference, &error))
            emit message(error);
        utad::ImageResult result;
        result.path = sample.path;
        result.label = sample.label;
        result.defectType = sample.defectType;
        result.score = inference.score;
        emit imageScored(result);
    };
    setProgress(0, tr("Scoring %1 images").arg(total));
    m_report = utad::evaluate(*m_model, m_dataset, callbacks);
    for (const utad::ImageResult& r : m_report.results)
        if (!r.error.empty()) {
            emit imageScored(r);
            emit message(QString::fromStdString(r.error));
        }
    return !m_report.cancelled;
}

}  // namespace utad::ui
