#include "ui/imagelistmodel.h"

#include "ui/imageconvert.h"
#include "ui/jobs.h"
#include "ui/project.h"
#include "ui/review/annotationstore.h"
#include "ui/taskmanager.h"

#include <QApplication>
#include <QColor>
#include <QFileInfo>
#include <QImageReader>
#include <QPointer>
#include <QStyle>
#include <QThreadPool>
#include <cmath>
#include <limits>

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

ImageListModel::ImageListModel(Project* project, TaskManager* tasks, QObject* parent)
    : QAbstractTableModel(parent), m_project(project), m_tasks(tasks)
{
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
        if (row >= 0)
            emit dataChanged(index(row, ReviewColumn), index(row, ReviewColumn));
    });
    connect(project->annotations(), &AnnotationStore::reset, this, [this] {
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

void ImageListModel::setSamples(const std::vector<utad::Sample>& samples)
{
    beginResetModel();
    if (m_thumbnailTask) {  // thumbnails of the previous dataset are dropped
        disconnect(m_thumbnailTask, nullptr, this, nullptr);
        m_thumbnailTask->cancel();
        m_thumbnailTask = nullptr;
    }
    m_thumbnailQueue.clear();
    m_rows.clear();
    m_rowByPath.clear();
    m_thumbnails.clear();
    m_thumbnailsPending.clear();
    m_rows.reserve(samples.size());
    for (const utad::Sample& s : samples) {
        Row row{s, QString::fromStdString(s.path), QString(), utad::kNaN, QString()};
        row.name = row.path.startsWith(QLatin1String("idx:")) ? row.path.section(QLatin1Char('/'), -1)
                                                              : QFileInfo(row.path).fileName();
        m_rowByPath.insert(row.path, int(m_rows.size()));
        m_rows.push_back(std::move(row));
    }
    endResetModel();
}

void ImageListModel::setResults(const std::vector<utad::ImageResult>& results)
{
    for (Row& row : m_rows) {
        row.score = utad::kNaN;
        row.error.clear();
    }
    for (const utad::ImageResult& r : results) {
        const int i = rowOf(QString::fromStdString(r.path));
        if (i >= 0) {
            m_rows[size_t(i)].score = r.error.empty() ? r.score : utad::kNaN;
            m_rows[size_t(i)].error = QString::fromStdString(r.error);
        }
    }
    if (!m_rows.empty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

void ImageListModel::setResult(const utad::ImageResult& result)
{
    const int i = rowOf(QString::fromStdString(result.path));
    if (i < 0)
        return;
    m_rows[size_t(i)].score = result.error.empty() ? result.score : utad::kNaN;
    m_rows[size_t(i)].error = QString::fromStdString(result.error);
    emit dataChanged(index(i, 0), index(i, ColumnCount - 1));
}

QStringList ImageListModel::defectTypes() const
{
    QStringList types;
    for (const Row& row : m_rows) {
        const QString t = QString::fromStdString(row.sample.defectType);
        if (!t.isEmpty() && !types.contains(t))
            types << t;
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
    const bool scored = std::isfinite(row.score);
    const int decision = scored ? int(m_project->decide(row.score)) : -1;
    switch (role) {
    case PathRole: return row.path;
    case ScoreRole: return row.score;
    case PredictionRole: return decision;
    case TruthRole: return int(row.sample.label);
    case DefectRole: return QString::fromStdString(row.sample.defectType);
    case Qt::ToolTipRole: return row.error.isEmpty() ? row.path : row.path + QLatin1Char('\n') + row.error;
    default: break;
    }
    switch (index.column()) {
    case ThumbnailColumn:
        if (role == Qt::DecorationRole) {
            const auto it = m_thumbnails.constFind(row.path);
            if (it != m_thumbnails.constEnd())
                return it->isNull() ? QVariant(qApp->style()->standardIcon(QStyle::SP_MessageBoxWarning))
                                    : QVariant(*it);
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
            return QString::fromStdString(row.sample.defectType);
        break;
    case ScoreColumn:
        if (role == Qt::DisplayRole)
            return !row.error.isEmpty() ? tr("unreadable") : scored ? QString::number(row.score, 'f', 4) : QString();
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
            return labelDisplayName(row.sample.label);
        break;
    case ReviewColumn:
        if (role == Qt::DisplayRole || role == SortRole) {
            const Annotation a = m_project->annotations()->annotation(row.path);
            QString text = a.mark != Mark::None ? markName(a.mark) : a.reviewed ? tr("OK") : QString();
            if (!a.maskFile.isEmpty())
                text += tr(" (drawn)");
            return text;
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
    m_thumbnailsPending.insert(r.path);
    const int size = kThumbnailSize;
    if (!r.sample.image.empty()) {  // IDX records are already in memory
        m_thumbnails.insert(
            r.path, toQImage(r.sample.image).scaled(size, size, Qt::KeepAspectRatio, Qt::SmoothTransformation));
        return;
    }
    m_thumbnailQueue.append(r.path);
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
    m_thumbnails.insert(path, image);
    const int row = rowOf(path);
    if (row >= 0)
        emit dataChanged(index(row, ThumbnailColumn), index(row, ThumbnailColumn), {Qt::DecorationRole});
}

void ImageListModel::predictionsChanged()
{
    if (!m_rows.empty())
        emit dataChanged(index(0, PredictionColumn), index(rowCount() - 1, PredictionColumn));
}

// ---------------------------------------------------------------------------------------------

ImageFilterProxy::ImageFilterProxy(Project* project, QObject* parent)
    : QSortFilterProxyModel(parent), m_project(project)
{
    setSortRole(ImageListModel::SortRole);
    setDynamicSortFilter(true);
    // Predictions move with the thresholds: filter again when they change.
    connect(project, &Project::thresholdsChanged, this, &ImageFilterProxy::refilter);
}

void ImageFilterProxy::setText(const QString& text)
{
    m_text = text;
    refilter();
}

void ImageFilterProxy::setDefectType(const QString& type)
{
    m_defectType = type;
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

void ImageFilterProxy::refilter() { invalidateFilter(); }

bool ImageFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, ImageListModel::NameColumn, sourceParent);
    const QString path = index.data(ImageListModel::PathRole).toString();
    if (!m_text.isEmpty() && !path.contains(m_text, Qt::CaseInsensitive))
        return false;
    if (!m_defectType.isEmpty() && index.data(ImageListModel::DefectRole).toString() != m_defectType)
        return false;
    if (m_label != LabelFilter::All) {
        const auto label = utad::Label(index.data(ImageListModel::TruthRole).toInt());
        const utad::Label wanted = m_label == LabelFilter::Good ? utad::Label::Good
            : m_label == LabelFilter::Anomalous                 ? utad::Label::Anomalous
                                                                : utad::Label::Unknown;
        if (label != wanted)
            return false;
    }
    if (m_prediction != PredictionFilter::All) {
        const int decision = index.data(ImageListModel::PredictionRole).toInt();
        if (m_prediction == PredictionFilter::NotScored) {
            if (decision >= 0)
                return false;
        } else {
            const Decision wanted = m_prediction == PredictionFilter::Good ? Decision::Good
                : m_prediction == PredictionFilter::Defective              ? Decision::Defective
                                                                           : Decision::Uncertain;
            if (decision != int(wanted))
                return false;
        }
    }
    return !m_extra || m_extra(path);
}

bool ImageFilterProxy::lessThan(const QModelIndex& left, const QModelIndex& right) const
{
    const QVariant a = left.data(ImageListModel::SortRole), b = right.data(ImageListModel::SortRole);
    if (a.typeId() == QMetaType::Double && b.typeId() == QMetaType::Double)
        return a.toDouble() < b.toDouble();
    return QString::localeAwareCompare(a.toString(), b.toString()) < 0;
}

}  // namespace utad::ui
