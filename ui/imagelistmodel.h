#pragma once
// The image browser's data: one row per dataset image with thumbnail, name, defect type, score,
// predicted label (from the project's thresholds) and true label; and the proxy that sorts and
// filters it. A row holds only what sorting and filtering need (its sample stays in the project);
// thumbnails are decoded for the rows a view paints and kept in a bounded cache, so memory does
// not grow with scrolling through a long list.
#include "utad/dataset.h"
#include "utad/evaluation.h"

#include <QAbstractTableModel>
#include <QCache>
#include <QHash>
#include <QImage>
#include <QPointer>
#include <QSet>
#include <QSortFilterProxyModel>
#include <array>
#include <functional>
#include <vector>

class QTimer;

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

    const utad::Sample& sample(int row) const;
    QString path(int row) const { return m_rows[size_t(row)].path; }
    int rowOf(const QString& path) const { return m_rowByPath.value(path, -1); }
    double score(int row) const { return m_rows[size_t(row)].score; }  // NaN until scored
    QString error(int row) const { return m_rows[size_t(row)].error; }
    int decision(int row) const;  // utad::ui::Decision as int; -1 until scored
    QStringList defectTypes() const;
    // The order of SortRole for `column`, without building variants or comparing strings (the
    // proxy sorts 100,000 rows with it).
    bool lessThan(int leftRow, int rightRow, int column) const;

    // Thumbnails in memory (at most kThumbnailCacheSize) and decoded so far, for tests.
    int cachedThumbnails() const { return m_thumbnails.size(); }
    int thumbnailsDecoded() const { return m_thumbnailsDecoded; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    static constexpr int kThumbnailSize = 40;
    static constexpr int kThumbnailCacheSize = 1000;  // about 6 MB
    // Rows painted while scrolling fast are not all decoded: only the newest requests wait.
    static constexpr int kThumbnailQueueSize = 200;
    // Scores arriving one by one during a run reach the views at most this often.
    static constexpr int kResultFlushMs = 250;

private:
    struct Row {
        QString path, name;
        double score;
        QString error;
        int nameRank, defectRank;  // positions in the sorted texts of their column
        int reviewState;  // mark, reviewed, drawn (reviewState()); its text's rank is m_reviewRankOf[it]
    };
    void setSamples(const std::vector<utad::Sample>& samples);
    void setResults(const std::vector<utad::ImageResult>& results);  // scores by path; others cleared
    void setResult(const utad::ImageResult& result);  // one image, e.g. while a run goes on
    void requestThumbnail(int row) const;
    void startThumbnails() const;
    void onThumbnail(const QString& path, const QImage& image);
    void predictionsChanged();
    void setScore(int row, const utad::ImageResult& result);
    void flushResults();
    void setReview(Row& row) const;  // its review state, from the annotations
    void updateReviewRanks();

    Project* m_project;
    TaskManager* m_tasks;
    mutable QPointer<ThumbnailTask> m_thumbnailTask;
    mutable QStringList m_thumbnailQueue;
    std::vector<Row> m_rows;
    QHash<QString, int> m_rowByPath;
    // Scores as the score column sorts them (-inf until scored), side by side: sorting 100,000
    // rows reads them in random order.
    std::vector<double> m_sortScores;
    mutable QCache<QString, QImage> m_thumbnails;
    mutable QSet<QString> m_thumbnailsPending;
    mutable int m_thumbnailsDecoded = 0;
    // Rows whose score changed since the views last heard of it (flushResults).
    int m_dirtyFirst = -1, m_dirtyLast = -1;
    QTimer* m_flush = nullptr;
    // Ranks of the display texts of decisions (-1..2), labels and review states.
    std::array<int, 4> m_decisionRank{};
    std::array<int, 3> m_labelRank{};
    std::array<int, 16> m_reviewRankOf{};
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
    // Filters and sorts again at once (one layout change: quick on 100,000 rows, where removing
    // scattered rows one range at a time is not). Call after the data behind the extra filter changed.
    void refilter();
    void setSourceModel(QAbstractItemModel* model) override;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

    bool lessThan(const QModelIndex& left, const QModelIndex& right) const override;

private:
    bool labelAccepted(utad::Label label) const;  // the truth filter
    bool decisionAccepted(int decision) const;  // the prediction filter; decision < 0: not scored

    Project* m_project;
    const ImageListModel* m_list = nullptr;  // the source model when it is one
    QTimer* m_resort = nullptr;  // a change of the rows' data sorts and filters again once
    QString m_text;
    QString m_defectType;
    std::string m_defectTypeKey;
    LabelFilter m_label = LabelFilter::All;
    PredictionFilter m_prediction = PredictionFilter::All;
    ExtraFilter m_extra;
};

QString decisionName(int decision);  // utad::ui::Decision as int; for display
QString labelDisplayName(utad::Label label);

}  // namespace utad::ui
