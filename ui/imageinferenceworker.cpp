#include "ui/imageinferenceworker.h"

#include "ui/metatypes.h"
#include "ui/panelcache.h"

#include <QFileInfo>
#include <QMetaType>
#include <QMutexLocker>

namespace utad::ui {

ImageInferenceWorker::ImageInferenceWorker(QObject* parent) : QThread(parent)
{
    registerMetaTypes();
}

ImageInferenceWorker::~ImageInferenceWorker() { stop(); }

void ImageInferenceWorker::stop()
{
    {
        QMutexLocker locker(&m_mutex);
        m_abort = true;
        m_condition.wakeOne();
    }
    wait();
}

void ImageInferenceWorker::setModel(std::shared_ptr<const utad::Model> model)
{
    QMutexLocker locker(&m_mutex);
    m_model = std::move(model);
}

void ImageInferenceWorker::request(const utad::Sample& sample, const QString& cacheFile)
{
    QMutexLocker locker(&m_mutex);
    m_sample = sample;
    m_cacheFile = cacheFile;
    m_pending = true;
    if (!isRunning()) {
        m_abort = false;
        start(LowPriority);
    } else {
        m_restart = true;
        m_condition.wakeOne();
    }
}

void ImageInferenceWorker::run()
{
    forever {
        m_mutex.lock();
        while (!m_pending && !m_abort)
            m_condition.wait(&m_mutex);
        if (m_abort) {
            m_mutex.unlock();
            return;
        }
        const utad::Sample sample = m_sample;
        const QString cacheFile = m_cacheFile;
        const std::shared_ptr<const utad::Model> model = m_model;
        m_pending = false;
        m_restart = false;
        m_mutex.unlock();

        auto superseded = [this] {
            QMutexLocker locker(&m_mutex);
            return m_restart || m_abort;
        };
        const QString path = QString::fromStdString(sample.path);
        try {
            const cv::Mat image = utad::readImage(sample);
            cv::Mat mask;
            try {
                mask = utad::readMask(sample, image.size());
            } catch (const std::exception& e) {
                emit failed(path, QString::fromLocal8Bit(e.what()));  // the image is still shown
            }
            if (superseded())
                continue;
            emit sourceReady(path, image, mask);

            if (auto cached = readCachedInference(cacheFile)) {
                if (!superseded())
                    emit inferenceReady(path, *cached, true);
                continue;
            }
            if (!model || superseded())
                continue;
            utad::Inference inference = model->infer(image);
            if (!cacheFile.isEmpty())
                writeCachedInference(cacheFile, inference);
            if (!superseded())
                emit inferenceReady(path, inference, false);
        } catch (const std::exception& e) {
            emit failed(path, QString::fromLocal8Bit(e.what()));
        }
    }
}

} // namespace utad::ui
