#include "ui/task.h"

#include "ui/metatypes.h"
#include "ui/taskmanager.h"

#include <QMutexLocker>
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

Task::Task(const QString& description, Flags flags, QObject* parent)
    : QObject(parent), m_description(description), m_flags(flags)
{
    registerMetaTypes();
}

Task::~Task()
{
    // The manager deletes a task only after run() returned; an owner of a task with autoDelete
    // off must do the same. This is the last guard, not the rule.
    Q_ASSERT_X(!isRunning(), "Task", "deleted while running");
    cancel();
    waitForRun();
}

void Task::cancel() { m_cancelled = true; }

QString Task::errorMessage() const
{
    QMutexLocker locker(&m_mutex);
    return m_error;
}

QString Task::progressText() const
{
    QMutexLocker locker(&m_mutex);
    return m_progressText;
}

void Task::setProgress(double fraction, const QString& text)
{
    m_progress = fraction;
    if (!text.isEmpty()) {
        QMutexLocker locker(&m_mutex);
        m_progressText = text;
    }
    emit progressChanged(fraction, text);
}

void Task::execute()
{
    bool ok = false;
    QString error;
    try {
        ok = run();
    } catch (const std::exception& e) {
        error = QString::fromLocal8Bit(e.what());
    } catch (...) {
        error = tr("Unknown failure in %1").arg(m_description);
    }
    QMutexLocker locker(&m_mutex);
    m_error = error;
    m_ok = ok && error.isEmpty() && !m_cancelled;
    // Posted before the task counts as done: once it does, the GUI thread may delete it.
    QMetaObject::invokeMethod(this, &Task::deliver, Qt::QueuedConnection);
    m_running = false;
    m_done.wakeAll();
}

void Task::waitForRun()
{
    QMutexLocker locker(&m_mutex);
    while (m_running)
        m_done.wait(&m_mutex);
}

void Task::deliver()
{
    if (m_delivered)
        return;
    waitForRun();  // posted just before run() counts as over: at most a moment
    m_delivered = true;
    completed(m_ok);
    emit finished(m_ok);
}

// ---------------------------------------------------------------------------------------------

TaskManager::TaskManager(QObject* parent) : QObject(parent)
{
    // Jobs block for long stretches (training, disk); LibTorch parallelises inside each one.
    m_pool.setMaxThreadCount(32);
    m_pool.setExpiryTimeout(30000);
}

TaskManager::~TaskManager()
{
    stopAll();
    m_pool.waitForDone();
}

void TaskManager::addTask(Task* task)
{
    Q_ASSERT(task && !task->isRunning() && !task->isFinished());
    m_tasks.append(task);
    task->m_running = true;
    connect(task, &Task::finished, this, [this, task] { onFinished(task); });
    connect(task, &Task::progressChanged, this, [this, task] {
        if (!(task->flags() & Task::Hidden))
            emit progressChanged();
    });
    emit taskAdded(task);
    emit countChanged();
    if (m_shutDown) {
        task->cancel();
        task->m_running = false;
        QMetaObject::invokeMethod(task, &Task::deliver, Qt::QueuedConnection);
        return;
    }
    m_pool.start([task] { task->execute(); });
}

void TaskManager::shutDown()
{
    m_shutDown = true;
    stopAll();
}

QList<Task*> TaskManager::visibleTasks() const
{
    QList<Task*> visible;
    for (Task* t : m_tasks)
        if (!(t->flags() & Task::Hidden))
            visible.append(t);
    return visible;
}

void TaskManager::cancelAll()
{
    for (Task* t : m_tasks)
        t->cancel();
}

void TaskManager::stop(const QList<Task*>& tasks)
{
    for (Task* t : tasks)
        t->cancel();
    for (Task* t : tasks)
        if (m_tasks.contains(t))
            t->waitForRun();
    // Delivering finished() removes a task from the list, and may delete others (their handlers run).
    for (Task* t : tasks)
        if (m_tasks.contains(t))
            t->deliver();
}

void TaskManager::stopAll()
{
    // Finished handlers may start new jobs; those are stopped in the next round.
    while (!m_tasks.isEmpty())
        stop(m_tasks);
}

void TaskManager::onFinished(Task* task)
{
    m_tasks.removeOne(task);
    disconnect(task, nullptr, this, nullptr);
    emit taskFinished(task, !task->errorMessage().isEmpty() ? false : !task->isCancelled());
    emit countChanged();
    if (task->autoDelete())
        task->deleteLater();
}

}  // namespace utad::ui
