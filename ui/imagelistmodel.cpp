#include "ui/imagelistmodel.h"

#include "ui/format.h"
#include "ui/imageconvert.h"
#include "ui/jobs.h"
#include "ui/project.h"
#include "ui/review/annotationstore.h"
#include "ui/review/reviewfilter.h"
#include "ui/taskmanager.h"

#include <QApplication>
#include <QCollator>
#include <QColor>
#include <QFileInfo>
#include <QImageReader>
#include <QPointer>
#include <QStyle>
#include <QThreadPool>
#include <QTimer>
#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace utad::ui {

QString decisionName(int decision)
{
    switch (Decision(decision)) {
    case Decision::Good: return QCoreApplication::translate("utad::ui::ImageListModel", "good");
    case Decision::Defective: return QCoreApplication::translate("utad::ui::ImageListModel", "defective");
    case Decision::Uncertain: return QCoreApplication::translate("utad::ui::ImageListModel", "uncertain");
    }
    return {};
}

QString labelDisplayName(utad::Label label)
{
    switch (label) {
    case utad::Label::Good: return QCoreApplication::translate("utad::ui::ImageListModel", "good");
    case utad::Label::Anomalous: return QCoreApplication::translate("utad::ui::ImageListModel", "defective");
    case utad::Label::Unknown: break;
    }
    return QCoreApplication::translate("utad::ui::ImageListModel", "unknown");
}

namespace {

// Ranks of `texts` in locale order; equal texts share a rank.
std::vector<int> localeRanks(const QStringList& texts)
{
    QCollator collator;
    std::vector<QCollatorSortKey> keys;
    keys.reserve(size_t(texts.size()));
    for (const QString& t : texts)
        keys.push_back(collator.sortKey(t));
    std::vector<int> order(keys.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(
        order.begin(), order.end(), [&](int a, int b) { return keys[size_t(a)].compare(keys[size_t(b)]) < 0; });
    std::vector<int> ranks(keys.size());
    int rank = 0;
    for (size_t k = 0; k < order.size(); ++k) {
        if (k > 0 && keys[size_t(order[k - 1])].compare(keys[size_t(order[k])]) != 0)
            ++rank;
        ranks[size_t(order[k])] = rank;
    }
    return ranks;
}

// `decision` (-1: not scored) says whether the current model still makes the mistake a mark
// records: after retraining, a missed defect may be flagged now.
QString reviewText(Mark mark, bool reviewed, bool drawn, int decision = -1)
{
    QString text = mark != Mark::None ? markName(mark)
        : reviewed                    ? QCoreApplication::translate("utad::ui::ImageListModel", "OK")
                                      : QString();
    if (drawn)
        text += QCoreApplication::translate("utad::ui::ImageListModel", " (drawn)");
    const QString since = markOutcome(mark, decision);
    if (!since.isEmpty())
        text += QStringLiteral(" · ") + since;
    return text;
}

int reviewState(const Annotation& a) { return int(a.mark) * 4 + (a.reviewed ? 2 : 0) + (a.maskFile.isEmpty() ? 0 : 1); }
Mark reviewMark(int state) { return Mark(state / 4); }

}  // namespace

ImageListModel::ImageListModel(Project* project, TaskManager* tasks, QObject* parent)
    : QAbstractTableModel(parent), m_project(project), m_tasks(tasks), m_thumbnails(kThumbnailCacheSize),
      m_flush(new QTimer(this))
{
    // Sort ranks of the few texts of the prediction, truth and review columns, in this language.
    const std::vector<int> decisions = localeRanks({QString(), decisionName(int(Decision::Good)),
        decisionName(int(Decision::Defective)), decisionName(int(Decision::Uncertain))});
    std::copy(decisions.begin(), decisions.end(), m_decisionRank.begin());
    // Indexed by int(label) + 1: Unknown is -1.
    const std::vector<int> labels = localeRanks({labelDisplayName(utad::Label::Unknown),
        labelDisplayName(utad::Label::Good), labelDisplayName(utad::Label::Anomalous)});
    std::copy(labels.begin(), labels.end(), m_labelRank.begin());
    QStringList reviews;
    for (int state = 0; state < 16; ++state)
        reviews << reviewText(reviewMark(state), state & 2, state & 1);
    const std::vector<int> reviewRanks = localeRanks(reviews);
    std::copy(reviewRanks.begin(), reviewRanks.end(), m_reviewRankOf.begin());

    m_flush->setSingleShot(true);
    m_flush->setInterval(kResultFlushMs);
    connect(m_flush, &QTimer::timeout, this, &ImageListModel::flushResults);
    connect(project, &Project::datasetChanged, this, [this] {
        setSamples(m_project->listedSamples());
        setResults(m_project->results());
    });
    connect(project, &Project::resultsChanged, this, [this] { setResults(m_project->results()); });
    connect(project, &Project::resultChanged, this, &ImageListModel::setResult);
    connect(project, &Project::thresholdsChanged, this, &ImageListModel::predictionsChanged);
    // The review column follows the reviewer's marks.
    connect(project->annotations(), &AnnotationStore::changed, this, [this](const QString& path) {
        const int row = rowOf(path);
        if (row < 0)
            return;
        setReview(m_rows[size_t(row)]);
        emit dataChanged(index(row, ReviewColumn), index(row, ReviewColumn));
    });
    connect(project->annotations(), &AnnotationStore::reset, this, [this] {
        updateReviewRanks();
        if (!m_rows.empty())
            emit dataChanged(index(0, ReviewColumn), index(rowCount() - 1, ReviewColumn));
    });
    setSamples(project->listedSamples());
    setResults(project->results());
}

ImageListModel::~ImageListModel()
{
    if (m_thumbnailTask)
        m_thumbnailTask->cancel();
}

const utad::Sample& ImageListModel::sample(int row) const
{
    // The rows are the project's listed samples, in their order.
    static const utad::Sample none;
    const auto& samples = m_project->listedSamples();
    return size_t(row) < samples.size() ? samples[size_t(row)] : none;
}

void ImageListModel::setReview(Row& row) const
{
    row.reviewState = reviewState(m_project->annotations()->annotation(row.path));
}

void ImageListModel::updateReviewRanks()
{
    for (Row& row : m_rows)
        row.reviewState = 0;
    for (const QString& path : m_project->annotations()->annotatedPaths()) {
        const int row = rowOf(path);
        if (row >= 0)
            setReview(m_rows[size_t(row)]);
    }
}

void ImageListModel::setSamples(const std::vector<utad::Sample>& samples)
{
    beginResetModel();
    if (m_thumbnailTask) {  // thumbnails of the previous dataset are dropped
        disconnect(m_thumbnailTask, nullptr, this, nullptr);
        m_thumbnailTask->cancel();
        m_thumbnailTask = nullptr;
    }
    m_flush->stop();
    m_dirtyFirst = m_dirtyLast = -1;
    m_thumbnailQueue.clear();
    m_rows.clear();
    m_rowByPath.clear();
    m_sortScores.assign(samples.size(), -std::numeric_limits<double>::infinity());
    m_thumbnails.clear();
    m_thumbnailsPending.clear();
    m_rows.reserve(samples.size());
    m_rowByPath.reserve(qsizetype(samples.size()));
    QStringList names, types;
    QHash<QString, int> typeIndex;
    std::vector<int> typeOfRow;
    typeOfRow.reserve(samples.size());
    for (const utad::Sample& s : samples) {
        Row row{QString::fromStdString(s.path), QString(), utad::kNaN, QString(), 0, 0, 0};
        row.name = row.path.startsWith(QLatin1String("idx:")) ? row.path.section(QLatin1Char('/'), -1)
                                                              : QFileInfo(row.path).fileName();
        const QString type = QString::fromStdString(s.defectType);
        auto it = typeIndex.constFind(type);
        if (it == typeIndex.constEnd()) {
            it = typeIndex.insert(type, int(types.size()));
            types << type;
        }
        typeOfRow.push_back(*it);
        names << row.name;
        m_rowByPath.insert(row.path, int(m_rows.size()));
        m_rows.push_back(std::move(row));
    }
    // Sorting compares ranks: the locale's order is worked out once here, not per comparison.
    const std::vector<int> nameRanks = localeRanks(names);
    const std::vector<int> typeRanks = localeRanks(types);
    for (size_t i = 0; i < m_rows.size(); ++i) {
        m_rows[i].nameRank = nameRanks[i];
        m_rows[i].defectRank = typeRanks[size_t(typeOfRow[i])];
    }
    updateReviewRanks();
    endResetModel();
}

void ImageListModel::setResults(const std::vector<utad::ImageResult>& results)
{
    m_flush->stop();
    m_dirtyFirst = m_dirtyLast = -1;
    for (Row& row : m_rows) {
        row.score = utad::kNaN;
        row.error.clear();
    }
    m_sortScores.assign(m_rows.size(), -std::numeric_limits<double>::infinity());
    for (const utad::ImageResult& r : results) {
        const int i = rowOf(QString::fromStdString(r.path));
        if (i >= 0)
            setScore(i, r);
    }
    if (!m_rows.empty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

void ImageListModel::setResult(const utad::ImageResult& result)
{
    const int i = rowOf(QString::fromStdString(result.path));
    if (i < 0)
        return;
    setScore(i, result);
    // During a run the views hear of new scores a few times a second, not once per image.
    m_dirtyFirst = m_dirtyFirst < 0 ? i : std::min(m_dirtyFirst, i);
    m_dirtyLast = std::max(m_dirtyLast, i);
    if (!m_flush->isActive())
        m_flush->start();
}

void ImageListModel::setScore(int row, const utad::ImageResult& result)
{
    Row& r = m_rows[size_t(row)];
    r.score = result.error.empty() ? result.score : utad::kNaN;
    r.error = QString::fromStdString(result.error);
    m_sortScores[size_t(row)] = std::isfinite(r.score) ? r.score : -std::numeric_limits<double>::infinity();
}

void ImageListModel::flushResults()
{
    if (m_dirtyFirst < 0)
        return;
    const int first = m_dirtyFirst, last = m_dirtyLast;
    m_dirtyFirst = m_dirtyLast = -1;
    emit dataChanged(index(first, 0), index(last, ColumnCount - 1));
}

int ImageListModel::decision(int row) const
{
    const double score = m_rows[size_t(row)].score;
    return std::isfinite(score) ? int(m_project->decide(score)) : -1;
}

bool ImageListModel::lessThan(int leftRow, int rightRow, int column) const
{
    const Row& a = m_rows[size_t(leftRow)];
    const Row& b = m_rows[size_t(rightRow)];
    switch (column) {
    case ThumbnailColumn:
    case NameColumn: return a.nameRank < b.nameRank;
    case DefectColumn: return a.defectRank < b.defectRank;
    case ScoreColumn: return m_sortScores[size_t(leftRow)] < m_sortScores[size_t(rightRow)];
    case PredictionColumn:
        return m_decisionRank[size_t(decision(leftRow) + 1)] < m_decisionRank[size_t(decision(rightRow) + 1)];
    case TruthColumn:
        return m_labelRank[size_t(int(sample(leftRow).label) + 1)]
            < m_labelRank[size_t(int(sample(rightRow).label) + 1)];
    case ReviewColumn: {
        const int rankA = m_reviewRankOf[size_t(a.reviewState)], rankB = m_reviewRankOf[size_t(b.reviewState)];
        if (rankA != rankB)
            return rankA < rankB;
        // The same mark: those whose mistake the current model still makes first.
        return !markOutgrown(reviewMark(a.reviewState), decision(leftRow))
            && markOutgrown(reviewMark(b.reviewState), decision(rightRow));
    }
    default: return false;
    }
}

QStringList ImageListModel::defectTypes() const
{
    QStringList types;
    QSet<QString> seen;
    for (const utad::Sample& s : m_project->listedSamples()) {
        const QString t = QString::fromStdString(s.defectType);
        if (!t.isEmpty() && !seen.contains(t)) {
            seen.insert(t);
            types << t;
        }
    }
    types.sort();
    return types;
}

int ImageListModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : int(m_rows.size()); }
int ImageListModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant ImageListModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const Row& row = m_rows[size_t(index.row())];
    const utad::Sample& sample = this->sample(index.row());
    const bool scored = std::isfinite(row.score);
    const int decision = scored ? int(m_project->decide(row.score)) : -1;
    switch (role) {
    case PathRole: return row.path;
    case ScoreRole: return row.score;
    case PredictionRole: return decision;
    case TruthRole: return int(sample.label);
    case DefectRole: return QString::fromStdString(sample.defectType);
    case Qt::ToolTipRole: {
        QString tip = row.error.isEmpty() ? row.path : row.path + QLatin1Char('\n') + row.error;
        // The review text in full: the last column may cut "Missed defect (drawn) · now flagged".
        const QString review = index.column() == ReviewColumn ? data(index, Qt::DisplayRole).toString() : QString();
        return review.isEmpty() ? tip : review + QLatin1Char('\n') + tip;
    }
    default: break;
    }
    switch (index.column()) {
    case ThumbnailColumn:
        if (role == Qt::DecorationRole) {
            if (const QImage* thumbnail = m_thumbnails.object(row.path))
                return thumbnail->isNull() ? QVariant(qApp->style()->standardIcon(QStyle::SP_MessageBoxWarning))
                                           : QVariant(*thumbnail);
            requestThumbnail(index.row());
            return {};
        }
        if (role == SortRole)
            return row.name;
        if (role == Qt::SizeHintRole)
            return QSize(kThumbnailSize + 4, kThumbnailSize + 4);
        break;
    case NameColumn:
        if (role == Qt::DisplayRole || role == SortRole)
            return row.name;
        if (role == Qt::ForegroundRole && !row.error.isEmpty())
            return QColor(Qt::red);
        break;
    case DefectColumn:
        if (role == Qt::DisplayRole || role == SortRole)
            return QString::fromStdString(sample.defectType);
        break;
    case ScoreColumn:
        if (role == Qt::DisplayRole)
            return !row.error.isEmpty() ? tr("unreadable") : scored ? localNumber(row.score, 'f', 4) : QString();
        if (role == SortRole)
            return scored ? row.score : -std::numeric_limits<double>::infinity();
        if (role == Qt::TextAlignmentRole)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case PredictionColumn:
        if (role == Qt::DisplayRole || role == SortRole)
            return decision < 0 ? QString() : decisionName(decision);
        if (role == Qt::ForegroundRole && decision >= 0)
            return Decision(decision) == Decision::Defective ? QColor(200, 30, 30)
                : Decision(decision) == Decision::Uncertain  ? QColor(200, 130, 0)
                                                             : QColor(30, 130, 30);
        break;
    case TruthColumn:
        if (role == Qt::DisplayRole || role == SortRole)
            return labelDisplayName(sample.label);
        break;
    case ReviewColumn:
        if (role == Qt::DisplayRole || role == SortRole) {
            const Annotation a = m_project->annotations()->annotation(row.path);
            return reviewText(a.mark, a.reviewed, !a.maskFile.isEmpty(), decision);
        }
        break;
    default: break;
    }
    return {};
}

QVariant ImageListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case ThumbnailColumn: return tr("Image");
    case NameColumn: return tr("File");
    case DefectColumn: return tr("Defect");
    case ScoreColumn: return tr("Score");
    case PredictionColumn: return tr("Predicted");
    case TruthColumn: return tr("Truth");
    case ReviewColumn: return tr("Review");
    default: return {};
    }
}

void ImageListModel::requestThumbnail(int row) const
{
    const Row& r = m_rows[size_t(row)];
    if (m_thumbnailsPending.contains(r.path))
        return;
    const int size = kThumbnailSize;
    const utad::Sample& s = sample(row);
    if (!s.image.empty()) {  // IDX records are already in memory
        ++m_thumbnailsDecoded;
        m_thumbnails.insert(
            r.path, new QImage(toQImage(s.image).scaled(size, size, Qt::KeepAspectRatio, Qt::SmoothTransformation)));
        return;
    }
    m_thumbnailsPending.insert(r.path);
    m_thumbnailQueue.append(r.path);
    // Rows scrolled past before their turn came are dropped; painting them again asks again.
    while (m_thumbnailQueue.size() > kThumbnailQueueSize)
        m_thumbnailsPending.remove(m_thumbnailQueue.takeFirst());
    if (!m_thumbnailTask)
        QMetaObject::invokeMethod(
            const_cast<ImageListModel*>(this), [this] { startThumbnails(); }, Qt::QueuedConnection);
}

// One job decodes every thumbnail asked for so far (the rows being painted), then the next batch.
void ImageListModel::startThumbnails() const
{
    if (m_thumbnailTask || m_thumbnailQueue.isEmpty())
        return;
    auto* self = const_cast<ImageListModel*>(this);
    const QStringList paths = m_thumbnailQueue;
    m_thumbnailQueue.clear();
    if (!m_tasks) {
        for (const QString& path : paths) {
            QImageReader reader(path);
            if (reader.size().isValid())
                reader.setScaledSize(reader.size().scaled(kThumbnailSize, kThumbnailSize, Qt::KeepAspectRatio));
            self->onThumbnail(path, reader.read());
        }
        return;
    }
    auto* task = new ThumbnailTask(paths, kThumbnailSize);
    m_thumbnailTask = task;
    connect(task, &ThumbnailTask::thumbnail, self, &ImageListModel::onThumbnail);
    connect(task, &Task::finished, self, [self] {
        self->m_thumbnailTask = nullptr;
        self->startThumbnails();
    });
    m_tasks->addTask(task);
}

void ImageListModel::onThumbnail(const QString& path, const QImage& image)
{
    ++m_thumbnailsDecoded;
    m_thumbnailsPending.remove(path);
    m_thumbnails.insert(path, new QImage(image));  // the oldest beyond kThumbnailCacheSize go
    const int row = rowOf(path);
    if (row >= 0)
        emit dataChanged(index(row, ThumbnailColumn), index(row, ThumbnailColumn), {Qt::DecorationRole});
}

void ImageListModel::predictionsChanged()
{
    if (!m_rows.empty())
        emit dataChanged(index(0, PredictionColumn), index(rowCount() - 1, ReviewColumn));  // marks' outcome too
}

// ---------------------------------------------------------------------------------------------

ImageFilterProxy::ImageFilterProxy(Project* project, QObject* parent)
    : QSortFilterProxyModel(parent), m_project(project)
{
    setSortRole(ImageListModel::SortRole);
    // Qt's dynamic sorting and filtering handles each changed row on its own and removes filtered
    // rows range by range, which takes seconds on 100,000 rows; changes are followed here instead
    // with one layout change each.
    setDynamicSortFilter(false);
    m_resort = new QTimer(this);
    m_resort->setSingleShot(true);
    m_resort->setInterval(0);
    connect(m_resort, &QTimer::timeout, this, &ImageFilterProxy::refilter);
    // Predictions move with the thresholds: filter again when they change.
    connect(project, &Project::thresholdsChanged, this, &ImageFilterProxy::refilter);
    connect(project, &Project::resultsChanged, this, &ImageFilterProxy::refilter);
}

void ImageFilterProxy::setSourceModel(QAbstractItemModel* model)
{
    if (sourceModel())
        disconnect(sourceModel(), nullptr, m_resort, nullptr);
    QSortFilterProxyModel::setSourceModel(model);
    m_list = qobject_cast<const ImageListModel*>(model);
    if (!model)
        return;
    // New scores, predictions or marks: sorted and filtered again once the changes of this event
    // loop turn are in. A thumbnail changes neither.
    connect(model, &QAbstractItemModel::dataChanged, m_resort,
        [this](const QModelIndex&, const QModelIndex&, const QList<int>& roles) {
            if (roles != QList<int>{Qt::DecorationRole})
                m_resort->start();
        });
}

void ImageFilterProxy::setText(const QString& text)
{
    m_text = text;
    refilter();
}

void ImageFilterProxy::setDefectType(const QString& type)
{
    m_defectType = type;
    m_defectTypeKey = type.toStdString();
    refilter();
}

void ImageFilterProxy::setLabelFilter(LabelFilter filter)
{
    m_label = filter;
    refilter();
}

void ImageFilterProxy::setPredictionFilter(PredictionFilter filter)
{
    m_prediction = filter;
    refilter();
}

void ImageFilterProxy::setExtraFilter(ExtraFilter filter)
{
    m_extra = std::move(filter);
    refilter();
}

void ImageFilterProxy::refilter()
{
    m_resort->stop();
    invalidate();
}

bool ImageFilterProxy::labelAccepted(utad::Label label) const
{
    if (m_label == LabelFilter::All)
        return true;
    const utad::Label wanted = m_label == LabelFilter::Good ? utad::Label::Good
        : m_label == LabelFilter::Anomalous                 ? utad::Label::Anomalous
                                                            : utad::Label::Unknown;
    return label == wanted;
}

bool ImageFilterProxy::decisionAccepted(int decision) const
{
    if (m_prediction == PredictionFilter::All)
        return true;
    if (m_prediction == PredictionFilter::NotScored)
        return decision < 0;
    const Decision wanted = m_prediction == PredictionFilter::Good ? Decision::Good
        : m_prediction == PredictionFilter::Defective              ? Decision::Defective
                                                                   : Decision::Uncertain;
    return decision == int(wanted);
}

bool ImageFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    if (m_list && !sourceParent.isValid()) {
        // The same tests as below, read straight from the rows.
        const utad::Sample& sample = m_list->sample(sourceRow);
        if (!m_text.isEmpty() && !m_list->path(sourceRow).contains(m_text, Qt::CaseInsensitive))
            return false;
        if (!m_defectType.isEmpty() && sample.defectType != m_defectTypeKey)
            return false;
        if (!labelAccepted(sample.label))
            return false;
        if (m_prediction != PredictionFilter::All && !decisionAccepted(m_list->decision(sourceRow)))
            return false;
        return !m_extra || m_extra(m_list->path(sourceRow));
    }
    const QModelIndex index = sourceModel()->index(sourceRow, ImageListModel::NameColumn, sourceParent);
    const QString path = index.data(ImageListModel::PathRole).toString();
    if (!m_text.isEmpty() && !path.contains(m_text, Qt::CaseInsensitive))
        return false;
    if (!m_defectType.isEmpty() && index.data(ImageListModel::DefectRole).toString() != m_defectType)
        return false;
    if (m_label != LabelFilter::All && !labelAccepted(utad::Label(index.data(ImageListModel::TruthRole).toInt())))
        return false;
    if (m_prediction != PredictionFilter::All && !decisionAccepted(index.data(ImageListModel::PredictionRole).toInt()))
        return false;
    return !m_extra || m_extra(path);
}

bool ImageFilterProxy::lessThan(const QModelIndex& left, const QModelIndex& right) const
{
    if (m_list && sortRole() == ImageListModel::SortRole && left.column() == right.column())
        return m_list->lessThan(left.row(), right.row(), left.column());
    const QVariant a = left.data(ImageListModel::SortRole), b = right.data(ImageListModel::SortRole);
    if (a.typeId() == QMetaType::Double && b.typeId() == QMetaType::Double)
        return a.toDouble() < b.toDouble();
    return QString::localeAwareCompare(a.toString(), b.toString()) < 0;
}

}  // namespace utad::ui
