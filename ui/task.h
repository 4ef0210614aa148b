#pragma once
// A long job in the shape of QGIS's QgsTask: run() executes on a pool thread, progress and messages
// are announced by signal, cancel() is cooperative, finished() arrives on the GUI thread.
#include <QFutureWatcher>
#include <QObject>
#include <QString>
#include <atomic>

namespace utad::ui {

class Task : public QObject {
    Q_OBJECT
public:
    explicit Task(const QString& description, QObject* parent = nullptr);
    ~Task() override;  // cancels and waits: a task never outlives its object

    QString description() const { return m_description; }
    void start();
    void cancel();
    bool isCancelled() const { return m_cancelled.load(); }
    // False as soon as run() has returned, even before finished() is delivered.
    bool isRunning() const { return m_running && !m_watcher.future().isFinished(); }
    void waitForFinished();
    QString errorMessage() const { return m_error; }  // set when run() threw
    double progress() const { return m_progress.load(); }

signals:
    void progressChanged(double fraction, const QString& text);  // fraction 0..1
    void message(const QString& text);
    // On the GUI thread. `ok` is false when cancelled or failed (see errorMessage()).
    void finished(bool ok);

protected:
    // Background thread. Return false when cancelled. Throwing reports errorMessage().
    virtual bool run() = 0;
    // GUI thread, just before finished() is emitted: hand results over here.
    virtual void completed(bool /*ok*/) {}
    void setProgress(double fraction, const QString& text = QString());

private:
    QString m_description;
    QString m_error;
    QFutureWatcher<bool> m_watcher;
    std::atomic<bool> m_cancelled{false};
    std::atomic<double> m_progress{0};
    bool m_running = false;
};

} // namespace utad::ui
