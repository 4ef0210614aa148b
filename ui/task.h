#pragma once
// A background job in the shape of QGIS's QgsTask. run() executes on a thread of the TaskManager's
// pool; progress and messages are announced by signal; cancel() is cooperative; finished() arrives
// on the GUI thread. Tasks are started only by a TaskManager, which deletes them once finished()
// has been delivered, so a task is never destroyed while run() can still touch its members.
#include "ui/metatypes.h"  // the model types task signals carry

#include <QMutex>
#include <QObject>
#include <QString>
#include <QWaitCondition>
#include <atomic>

namespace utad::ui {

class TaskManager;

class Task : public QObject {
    Q_OBJECT
public:
    enum Flag {
        CanCancel = 0x1,
        Hidden = 0x2,  // short, frequent jobs (thumbnails, panels) stay out of the status bar's list
    };
    Q_DECLARE_FLAGS(Flags, Flag)

    explicit Task(const QString& description, Flags flags = CanCancel, QObject* parent = nullptr);
    ~Task() override;

    QString description() const { return m_description; }
    Flags flags() const { return m_flags; }
    void cancel();
    bool isCancelled() const { return m_cancelled.load(); }
    // True from start until run() has returned.
    bool isRunning() const { return m_running.load(); }
    // True once finished() has been delivered.
    bool isFinished() const { return m_delivered; }
    QString errorMessage() const;  // set when run() threw
    double progress() const { return m_progress.load(); }  // 0..1
    QString progressText() const;

    // A task with autoDelete off stays alive after finished() for its creator, who then owns it.
    void setAutoDelete(bool on) { m_autoDelete = on; }
    bool autoDelete() const { return m_autoDelete; }

signals:
    void progressChanged(double fraction, const QString& text);  // fraction 0..1
    void message(const QString& text);
    // On the GUI thread. `ok` is false when cancelled or failed (see errorMessage()).
    void finished(bool ok);

protected:
    // Pool thread. Return false when cancelled. Throwing reports errorMessage().
    virtual bool run() = 0;
    // GUI thread, just before finished() is emitted: hand results over here.
    virtual void completed(bool /*ok*/) {}
    void setProgress(double fraction, const QString& text = QString());

private:
    friend class TaskManager;
    void execute();  // pool thread
    void deliver();  // GUI thread: completed() and finished(), once
    void waitForRun();

    QString m_description;
    Flags m_flags;
    mutable QMutex m_mutex;
    QWaitCondition m_done;
    QString m_error;
    QString m_progressText;
    std::atomic<bool> m_cancelled{false};
    std::atomic<bool> m_running{false};
    std::atomic<double> m_progress{0};
    bool m_ok = false;
    bool m_delivered = false;
    bool m_autoDelete = true;
};

Q_DECLARE_OPERATORS_FOR_FLAGS(Task::Flags)

}  // namespace utad::ui
