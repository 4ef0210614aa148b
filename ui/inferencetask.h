#pragma once
// Scores a whole dataset in the background with utad::evaluate. Every scored image is announced
// at once (so the image list fills while the run goes on) and its panels are written to the
// project's cache folder.
#include "ui/task.h"
#include "utad/evaluation.h"

#include <QString>
#include <functional>
#include <memory>

namespace utad::ui {

class InferenceTask : public Task {
    Q_OBJECT
public:
    // `cacheFileFor` maps an image path to its panel cache file (Project::panelCacheFile); it is
    // called on the worker thread, so it must only read immutable state.
    InferenceTask(std::shared_ptr<const utad::Model> model, utad::Dataset dataset,
        std::function<QString(const QString&)> cacheFileFor);

    const utad::EvalReport& report() const { return m_report; }  // after finished()

signals:
    void imageScored(const utad::ImageResult& result);

protected:
    bool run() override;

private:
    std::shared_ptr<const utad::Model> m_model;
    utad::Dataset m_dataset;
    std::function<QString(const QString&)> m_cacheFileFor;
    utad::EvalReport m_report;
};

}  // namespace utad::ui
