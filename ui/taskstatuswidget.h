#pragma once
// The status bar's one view of the background jobs: a progress bar for the newest job with the
// count of the others, every running job listed in its menu, each one cancellable from there.
#include <QWidget>

class QProgressBar;
class QToolButton;

namespace utad::ui {

class TaskManager;

class TaskStatusWidget : public QWidget {
    Q_OBJECT
public:
    explicit TaskStatusWidget(TaskManager* manager, QWidget* parent = nullptr);

    QProgressBar* progressBar() const { return m_bar; }
    QToolButton* cancelButton() const { return m_cancel; }
    QStringList jobNames() const;  // the listed jobs, newest last

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;  // the bar's resizes

private:
    void refresh();
    void showText();  // m_text, cut in the middle to the bar's present width

    TaskManager* m_manager;
    QProgressBar* m_bar;
    QToolButton* m_cancel;
    QString m_text;
};

}  // namespace utad::ui
