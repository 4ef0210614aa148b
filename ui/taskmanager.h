#pragma once
// Every background job of the workbench runs through one TaskManager (the shape of QGIS's
// QgsTaskManager): training, scoring, retraining, report export, model load and save, cache copy,
// thumbnails and the panels of the current image. It owns the jobs, runs them on its own pool
// (long jobs never queue behind each other or behind Qt's global pool), and stops them all on
// shutdown.
#include <QList>
#include <QObject>
#include <QThreadPool>

namespace utad::ui {

class Task;

class TaskManager : public QObject {
    Q_OBJECT
public:
    explicit TaskManager(QObject* parent = nullptr);
    ~TaskManager() override;  // stopAll(), then deletes what it still owns

    // Takes the task (see Task::setAutoDelete) and starts it.
    void addTask(Task* task);
    // Tasks whose finished() has not been delivered yet, in the order they were added.
    QList<Task*> tasks() const { return m_tasks; }
    QList<Task*> visibleTasks() const;  // without the Hidden ones
    bool isIdle() const { return m_tasks.isEmpty(); }

    void cancelAll();
    // Cancels `tasks`, waits until each run() has returned and delivers each finished() at once,
    // on the calling (GUI) thread.
    void stop(const QList<Task*>& tasks);
    // The same for every task; nothing is left running afterwards.
    void stopAll();
    // stopAll(), and every task added later ends at once, cancelled (the window is closing).
    void shutDown();

signals:
    void taskAdded(utad::ui::Task* task);
    void taskFinished(utad::ui::Task* task, bool ok);
    void progressChanged();  // any visible task moved
    void countChanged();  // a task was added or finished

private:
    void onFinished(Task* task);

    QThreadPool m_pool;
    QList<Task*> m_tasks;
    bool m_shutDown = false;
};

}  // namespace utad::ui
