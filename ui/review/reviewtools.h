#pragma once
// The review loop (threshold panel, annotations with undo, report export) plugs into the
// workbench window through this one call, made once at the end of MainWindow's constructor.
#include "ui/review/reviewfilter.h"

#include <QObject>
#include <QPointer>

class QAction;
class QDockWidget;
class QProgressBar;
class QTimer;
class QToolButton;

namespace utad::ui {

class AnnotationPanel;
class MainWindow;
class ReportTask;
class Retrainer;
struct RetrainOutcome;
class ThresholdPanel;

void installReviewTools(MainWindow* window);

// Owned by the window; reachable with ReviewTools::of(window).
class ReviewTools : public QObject {
    Q_OBJECT
public:
    explicit ReviewTools(MainWindow* window);
    static ReviewTools* of(MainWindow* window);

    ThresholdPanel* thresholdPanel() const { return m_thresholds; }
    AnnotationPanel* annotationPanel() const { return m_annotations; }
    QAction* undoAction() const { return m_undo; }
    QAction* redoAction() const { return m_redo; }
    QAction* retrainAction() const { return m_retrainAction; }
    QAction* exportAction() const { return m_exportAction; }

    void setFilter(ReviewFilter filter);
    // The next unreviewed image in the list's order after the current one (wrapping); empty when none.
    QString nextUnreviewed() const;
    // Marks the current image reviewed and selects the next unreviewed one. Returns false at the end.
    bool goToNextUnreviewed();
    void editMask(const QString& imagePath);
    // Dialog-free versions of the menu actions.
    // Starts writing the report in the background (progress and cancel in the status bar) and
    // returns at once; reportFinished() follows. Null (with lastProblem()) while one is running.
    ReportTask* startExport(const QString& htmlPath, bool pdf = true);
    ReportTask* reportTask() const;  // null when no export runs (or its end was handled)
    Retrainer* startRetraining();  // null (with a message) when there is no model, dataset or mark
    Retrainer* retrainer() const;
    QString lastProblem() const { return m_problem; }  // why startRetraining() or startExport() returned null

signals:
    // After an export: `ok` false when it failed (a message box says why) or was cancelled.
    void reportFinished(bool ok, const QString& htmlPath);

private:
    void onCurrentImage(const QString& path);
    void updateUserMask();
    void applyFilter();
    void rebuildIndex();
    void onExportReport();
    void onReportFinished(ReportTask* task, bool ok);
    void onRetrain();
    void onRetrainFinished(bool ok);
    void useModel(const RetrainOutcome& outcome);

    MainWindow* m_window;
    ThresholdPanel* m_thresholds;
    AnnotationPanel* m_annotations;
    QDockWidget* m_thresholdDock;
    QDockWidget* m_annotationDock;
    QAction* m_undo;
    QAction* m_redo;
    QAction* m_retrainAction;
    QAction* m_exportAction;
    QTimer* m_refilter;
    QHash<QString, int> m_resultIndex;  // image path -> index in Project::results()
    QPointer<Retrainer> m_retrainer;
    QPointer<ReportTask> m_report;
    QProgressBar* m_reportProgress;
    QToolButton* m_reportCancel;
    QString m_problem;
};

} // namespace utad::ui
