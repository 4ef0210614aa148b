#pragma once
// Computes the panels of the image being inspected, in the shape of Qt's mandelbrot RenderThread:
// one long-lived thread; a new request replaces a pending one and makes the current one drop its
// result, so fast browsing never queues up stale work.
#include "ui/metatypes.h"
#include "utad/dataset.h"
#include "utad/model.h"

#include <QMutex>
#include <QString>
#include <QThread>
#include <QWaitCondition>
#include <memory>

namespace utad::ui {

class ImageInferenceWorker : public QThread {
    Q_OBJECT
public:
    explicit ImageInferenceWorker(QObject* parent = nullptr);
    ~ImageInferenceWorker() override;  // aborts and joins

    void setModel(std::shared_ptr<const utad::Model> model);
    // Loads `sample` and its mask, then takes the inference from `cacheFile` when present, else
    // runs the model (if any) and writes the cache.
    void request(const utad::Sample& sample, const QString& cacheFile);
    void stop();  // aborts the current request and joins the thread

signals:
    // `image` is the source (CV_8UC1/3), `mask` CV_8UC1 at the source size or empty.
    void sourceReady(const QString& path, const cv::Mat& image, const cv::Mat& mask);
    void inferenceReady(const QString& path, const utad::Inference& inference, bool fromCache);
    void failed(const QString& path, const QString& message);

protected:
    void run() override;

private:
    QMutex m_mutex;
    QWaitCondition m_condition;
    utad::Sample m_sample;
    QString m_cacheFile;
    std::shared_ptr<const utad::Model> m_model;
    bool m_pending = false;
    bool m_restart = false;
    bool m_abort = false;
};

} // namespace utad::ui
