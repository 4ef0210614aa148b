#include "ui/task.h"

#include "ui/metatypes.h"

#include <QtConcurrent/QtConcurrentRun>
#include <exception>

namespace utad::ui {

void registerMetaTypes()
{
    static const bool done = [] {
        qRegisterMetaType<utad::Inference>();
        qRegisterMetaType<utad::TrainProgress>();
        qRegisterMetaType<utad::ImageResult>();
        qRegisterMetaType<utad::Sample>();
        qRegisterMetaType<cv::Mat>();
        return true;
    }();
    Q_UNUSED(done);
}

Task::Task(const QString& description, QObject* parent) : QObject(parent), m_description(description)
{
    registerMetaTypes();
    connect(&m_watcher, &QFutureWatcher<bool>::finished, this, [this] {
        const bool ok = m_watcher.future().resultCount() > 0 && m_watcher.result() && !m_cancelled;
        m_running = false;
        completed(ok);
        emit finished(ok);
    });
}

Task::~Task()
{
    cancel();
    waitForFinished();
}

void Task::start()
{
    if (m_running)
        return;
    m_running = true;
    m_cancelled = false;
    m_error.clear();
    m_progress = 0;
    m_watcher.setFuture(QtConcurrent::run([this]() -> bool {
        try {
            return run();
        } catch (const std::exception& e) {
            m_error = QString::fromLocal8Bit(e.what());
        } catch (...) {
            m_error = tr("Unknown failure in %1").arg(m_description);
        }
        return false;
    }));
}

void Task::cancel() { m_cancelled = true; }

void Task::waitForFinished()
{
    m_watcher.waitForFinished();
}

void Task::setProgress(double fraction, const QString& text)
{
    m_progress = fraction;
    emit progressChanged(fraction, text);
}

} // namespace utad::ui
