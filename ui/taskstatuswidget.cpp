#include "ui/taskstatuswidget.h"

#include "ui/task.h"
#include "ui/taskmanager.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QMenu>
#include <QPointer>
#include <QProgressBar>
#include <QToolButton>
#include <algorithm>

namespace utad::ui {

TaskStatusWidget::TaskStatusWidget(TaskManager* manager, QWidget* parent)
    : QWidget(parent), m_manager(manager), m_bar(new QProgressBar(this)), m_cancel(new QToolButton(this))
{
    setObjectName(QStringLiteral("taskStatus"));
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_bar->setRange(0, 1000);
    m_bar->setMaximumWidth(340);
    m_bar->setMinimumWidth(std::min(300, 36 * fontMetrics().averageCharWidth()));
    m_bar->setTextVisible(true);
    m_cancel->setText(tr("Cancel"));
    m_cancel->setPopupMode(QToolButton::MenuButtonPopup);
    m_cancel->setMenu(new QMenu(m_cancel));
    layout->addWidget(m_bar);
    layout->addWidget(m_cancel);

    // The button stops the newest job; its menu lists every job, each with its own cancel.
    connect(m_cancel, &QToolButton::clicked, this, [this] {
        const QList<Task*> tasks = m_manager->visibleTasks();
        if (!tasks.isEmpty())
            tasks.last()->cancel();
    });
    connect(m_cancel->menu(), &QMenu::aboutToShow, this, [this] {
        QMenu* menu = m_cancel->menu();
        menu->clear();
        for (Task* task : m_manager->visibleTasks()) {
            QAction* a = menu->addAction(tr("Cancel: %1").arg(task->description()));
            a->setEnabled(!task->isCancelled() && (task->flags() & Task::CanCancel));
            QPointer<Task> guard(task);
            connect(a, &QAction::triggered, this, [guard] {
                if (guard)
                    guard->cancel();
            });
        }
    });
    m_bar->installEventFilter(this);
    connect(m_manager, &TaskManager::countChanged, this, &TaskStatusWidget::refresh);
    connect(m_manager, &TaskManager::progressChanged, this, &TaskStatusWidget::refresh);
    refresh();
}

bool TaskStatusWidget::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_bar && event->type() == QEvent::Resize)
        showText();
    return QWidget::eventFilter(watched, event);
}

void TaskStatusWidget::showText()
{
    // One line, cut in the middle where it is too long; the tooltip has every job in full. Before
    // its first layout the bar is narrower than it will be: at least its minimum width counts.
    const int width = std::max(m_bar->width(), m_bar->minimumWidth()) - 12;
    m_bar->setFormat(m_bar->fontMetrics().elidedText(m_text, Qt::ElideMiddle, width));
}

QStringList TaskStatusWidget::jobNames() const
{
    QStringList names;
    for (Task* task : m_manager->visibleTasks())
        names << task->description();
    return names;
}

void TaskStatusWidget::refresh()
{
    const QList<Task*> tasks = m_manager->visibleTasks();
    setVisible(!tasks.isEmpty());
    if (tasks.isEmpty())
        return;
    Task* newest = tasks.last();
    m_bar->setValue(int(1000 * newest->progress()));
    QString text = newest->progressText().isEmpty() ? newest->description() : newest->progressText();
    if (tasks.size() > 1)
        text = tr("%1 (+%n more job(s))", nullptr, int(tasks.size() - 1)).arg(text);
    m_text = text;
    showText();
    QStringList lines;
    for (Task* task : tasks)
        lines << tr("%1: %2 %").arg(task->description()).arg(int(100 * task->progress()));
    setToolTip(lines.join(QLatin1Char('\n')));
    m_cancel->setEnabled(newest->flags() & Task::CanCancel);
}

}  // namespace utad::ui
