#pragma once
// Review marks for the current image: false positive, confirmed defect, missed defect, a note,
// a drawn mask; the review filter for the image list and "next unreviewed". Every button has a
// one-key shortcut (1 false positive, 2 confirmed, 3 missed, 0 clear, A decision OK, B draw,
// N next unreviewed) so a reviewer can work through a list without the mouse.
#include "ui/review/reviewfilter.h"

#include <QWidget>

class QAction;
class QComboBox;
class QLabel;
class QLineEdit;

namespace utad::ui {

class Project;

class AnnotationPanel : public QWidget {
    Q_OBJECT
public:
    explicit AnnotationPanel(Project* project, QWidget* parent = nullptr);
    QString detailsText() const;  // score, decision and truth of the image on show
    QString stateText() const;  // its review mark, or whether it was reviewed

    void setImagePath(const QString& path);
    QString imagePath() const { return m_path; }
    ReviewFilter filter() const;
    void setFilter(ReviewFilter filter);

    QAction* falsePositiveAction() const { return m_falsePositive; }
    QAction* confirmedAction() const { return m_confirmed; }
    QAction* missedAction() const { return m_missed; }
    QAction* clearAction() const { return m_clear; }
    QAction* acceptAction() const { return m_accept; }
    QAction* nextUnreviewedAction() const { return m_next; }
    QAction* drawMaskAction() const { return m_drawMask; }
    QList<QAction*> reviewActions() const;
    QLineEdit* noteEdit() const { return m_note; }

signals:
    void filterChanged(ReviewFilter filter);
    void nextUnreviewedRequested();
    void drawMaskRequested(const QString& imagePath);

private:
    void refresh();
    void mark(Mark mark);
    void commitNote();
    void refreshProgressOnly();

    Project* m_project;
    QString m_path;
    QLabel* m_title;
    QLabel* m_details;
    QLabel* m_state;
    QLabel* m_progress;
    QLineEdit* m_note;
    QComboBox* m_filter;
    QAction* m_falsePositive;
    QAction* m_confirmed;
    QAction* m_missed;
    QAction* m_clear;
    QAction* m_accept;
    QAction* m_next;
    QAction* m_drawMask;
};

}  // namespace utad::ui
