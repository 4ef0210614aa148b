#pragma once
// The image browser's data: one row per dataset image with thumbnail, name, defect type, score,
// predicted label (from the project's thresholds) and true label; and the proxy that sorts and
// filters it.
#include "utad/dataset.h"
#include "utad/evaluation.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QImage>
#include <QPointer>
#include <QSet>
#include <QSortFilterProxyModel>
#include <functional>
#include <vector>

namespace utad::ui {

class Project;
class TaskManager;
class ThumbnailTask;

class ImageListModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        ThumbnailColumn,
        NameColumn,
        DefectColumn,
        ScoreColumn,
        PredictionColumn,
        TruthColumn,
        ReviewColumn,
        ColumnCount
    };
    enum Role { PathRole = Qt::UserRole + 1, SortRole, ScoreRole, PredictionRole, TruthRole, DefectRole };

    // Follows `project`: its listed images, scores, thresholds and review marks. Thumbnails are
    // decoded by jobs of `tasks` (synchronously when it is null).
    ImageListModel(Project* project, TaskManager* tasks, QObject* parent = nullptr);
    ~ImageListModel() override;

    const utad::Sample& sample(int row) const { return m_rows[size_t(row)].sample; }
    QString path(int row) const { return m_rows[size_t(row)].path; }
    int rowOf(const QString& path) const { return m_rowByPath.value(path, -1); }
    double score(int row) const { return m_rows[size_t(row)].score; }  // NaN until scored
    QString error(int row) const { return m_rows[size_t(row)].error; }
    QStringList defectTypes() const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    static constexpr int kThumbnailSize = 40;

private:
    struct Row {
        utad::Sample sample;
        QString path, name;
        double score;
        QString error;
    };
    void setSamples(const std::vector<utad::Sample>& samples);
    void setResults(const std::vector<utad::ImageResult>& results);  // scores by path; others cleared
    void setResult(const utad::ImageResult& result);  // one image, e.g. while a run goes on
    void requestThumbnail(int row) const;
    void startThumbnails() const;
    void onThumbnail(const QString& path, const QImage& image);
    void predictionsChanged();

    Project* m_project;
    TaskManager* m_tasks;
    mutable QPointer<ThumbnailTask> m_thumbnailTask;
    mutable QStringList m_thumbnailQueue;
    std::vector<Row> m_rows;
    QHash<QString, int> m_rowByPath;
    mutable QHash<QString, QImage> m_thumbnails;
    mutable QSet<QString> m_thumbnailsPending;
};

// Sorts by any column (scores numerically) and filters by text, defect type, true label and
// prediction, plus one predicate set from outside (the review tools' filters).
class ImageFilterProxy : public QSortFilterProxyModel {
    Q_OBJECT
public:
    enum class LabelFilter { All, Good, Anomalous, Unknown };
    enum class PredictionFilter { All, Good, Defective, Uncertain, NotScored };
    using ExtraFilter = std::function<bool(const QString& imagePath)>;

    explicit ImageFilterProxy(Project* project, QObject* parent = nullptr);
    void setText(const QString& text);
    void setDefectType(const QString& type);  // empty: all
    void setLabelFilter(LabelFilter filter);
    void setPredictionFilter(PredictionFilter filter);
    void setExtraFilter(ExtraFilter filter);  // empty function: none
    void refilter();  // re-evaluates after the data behind the extra filter changed

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;
    bool lessThan(const QModelIndex& left, const QModelIndex& right) const override;

private:
    Project* m_project;
    QString m_text;
    QString m_defectType;
    LabelFilter m_label = LabelFilter::All;
    PredictionFilter m_prediction = PredictionFilter::All;
    ExtraFilter m_extra;
};

QString decisionName(int decision);  // utad::ui::Decision as int; for display
QString labelDisplayName(utad::Label label);

}  // namespace utad::ui
