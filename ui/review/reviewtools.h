#pragma once
// The review loop: threshold panel, review marks, "next unreviewed", defect drawing, report
// export and retraining with the marks. It works on the document and the task manager only; the
// window places its panels and actions in docks and menus.
#include "ui/review/reviewfilter.h"

#include <QHash>
#include <QObject>
#include <QPointer>

class QAction;
class QTimer;
class QWidget;

namespace utad::ui {

class AnnotationPanel;
class ImageFilterProxy;
class Project;
class ReportTask;
class Retrainer;
struct RetrainOutcome;
class TaskManager;
class ThresholdPanel;

class ReviewTools : public QObject {
    Q_OBJECT
public:
    // `images` is the image list's proxy (its order and filters); `dialogParent` parents dialogs.
    ReviewTools(Project* project, TaskManager* tasks, ImageFilterProxy* images, QWidget* dialogParent);

    ThresholdPanel* thresholdPanel() const { return m_thresholds; }
    AnnotationPanel* annotationPanel() const { return m_annotations; }
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
    Retrainer* retrainer() const;  // null when none runs
    // Saves the retrained model to `path` in the background, then makes it the document's model
    // with the scores it already has (no second scoring run).
    void useRetrainedModel(const RetrainOutcome& outcome, const QString& path);
    QString lastProblem() const { return m_problem; }  // why startRetraining() or startExport() returned null

    static constexpr int kRefilterDuringRunMs = 250;

signals:
    // After an export: `ok` false when it failed (a message box says why) or was cancelled.
    void reportFinished(bool ok, const QString& htmlPath);
    void retrainFinished(bool ok);
    void message(const QString& text);  // for the Messages panel
    void statusMessage(const QString& text, int timeoutMs);  // for the status bar

private:
    void onCurrentImage(const QString& path);
    void applyFilter();
    void onExportReport();
    void onReportFinished(ReportTask* task, bool ok);
    void onRetrain();
    void onRetrainFinished(Retrainer* retrainer, bool ok);
    void say(const QString& text, int timeoutMs = 8000);

    Project* m_project;
    TaskManager* m_tasks;
    ImageFilterProxy* m_images;
    QWidget* m_dialogParent;
    ThresholdPanel* m_thresholds;
    AnnotationPanel* m_annotations;
    QAction* m_retrainAction;
    QAction* m_exportAction;
    QTimer* m_refilter;
    QPointer<Retrainer> m_retrainer;
    QPointer<ReportTask> m_report;
    QString m_problem;
};

}  // namespace utad::ui
