#include "ui/project.h"

#include "ui/format.h"
#include "ui/jobs.h"
#include "ui/review/annotationstore.h"
#include "utad/metrics.h"
#include "utad/model.h"

#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QStandardPaths>
#include <QTimer>
#include <QUndoCommand>
#include <QUndoStack>
#include <QUuid>
#include <cmath>
#include <unordered_map>

namespace utad::ui {
namespace {

constexpr auto kFormat = "utad-workbench-project";
constexpr int kFormatVersion = 1;

// JSON has no NaN: store it as null.
QJsonValue number(double v) { return std::isfinite(v) ? QJsonValue(v) : QJsonValue(); }
double numberOr(const QJsonValue& v, double fallback) { return v.isDouble() ? v.toDouble() : fallback; }

// Who chose the thresholds, by the names the project file uses.
constexpr std::pair<ThresholdOrigin::Rule, const char*> kOriginKeys[]
    = {{ThresholdOrigin::Rule::Calibration, "calibration"}, {ThresholdOrigin::Rule::LabelledF1, "labelled-f1"},
        {ThresholdOrigin::Rule::User, "user"}};

QString originKey(const ThresholdOrigin& origin)
{
    for (const auto& [rule, key] : kOriginKeys)
        if (rule == origin.rule)
            return QLatin1String(key);
    return {};
}

ThresholdOrigin::Rule originFromKey(const QString& key)
{
    for (const auto& [rule, name] : kOriginKeys)
        if (key == QLatin1String(name))
            return rule;
    return ThresholdOrigin::Rule::Unknown;
}

bool isIdxSpec(const QString& path) { return path.startsWith(QLatin1String(utad::kIdxPrefix)); }

// Absolute, clean file paths; IDX specs ("idx:<dir>", "idx:<file>#<n>") are kept as they are.
QString absolutePath(const QString& path, const QDir& base = QDir::current())
{
    if (path.isEmpty() || isIdxSpec(path))
        return path;
    return QDir::cleanPath(base.absoluteFilePath(path));
}

// Relative to `base` when inside it, so a project folder can be moved with its data.
QString relativePath(const QString& path, const QString& base)
{
    if (path.isEmpty() || base.isEmpty() || isIdxSpec(path))
        return path;
    return QDir(base).relativeFilePath(path);
}

}  // namespace

bool Thresholds::operator==(const Thresholds& o) const
{
    const bool sameBand = std::isnan(uncertainHigh) ? std::isnan(o.uncertainHigh) : uncertainHigh == o.uncertainHigh;
    return image == o.image && sameBand && pixel == o.pixel && minRegionArea == o.minRegionArea;
}

// A threshold edit. Steps of one gesture (a drag of the threshold line) merge into one command.
class SetThresholdsCommand : public QUndoCommand {
public:
    SetThresholdsCommand(Project* project, const Thresholds& after, const ThresholdOrigin& afterOrigin, int gesture)
        : QUndoCommand(Project::tr("Change the thresholds")), m_project(project), m_before(project->thresholds()),
          m_beforeOrigin(project->thresholdOrigin()), m_after(after), m_afterOrigin(afterOrigin), m_gesture(gesture)
    {
    }
    int id() const override { return 100; }
    bool mergeWith(const QUndoCommand* other) override
    {
        const auto* next = static_cast<const SetThresholdsCommand*>(other);
        if (m_gesture == 0 || next->m_gesture != m_gesture)
            return false;
        m_after = next->m_after;
        m_afterOrigin = next->m_afterOrigin;
        return true;
    }
    void redo() override { m_project->applyThresholds(m_after, m_afterOrigin); }
    void undo() override { m_project->applyThresholds(m_before, m_beforeOrigin); }

private:
    Project* m_project;
    Thresholds m_before;
    ThresholdOrigin m_beforeOrigin;  // undone, the threshold says again who chose it
    Thresholds m_after;
    ThresholdOrigin m_afterOrigin;
    int m_gesture;
};

struct Project::Data {
    QString filePath;
    QString datasetPath;
    QString modelPath;
    std::optional<utad::Dataset> dataset;
    // path -> position in listedSamples(); built on first use, dropped with the dataset.
    mutable std::unordered_map<std::string, size_t> sampleIndex;
    std::shared_ptr<utad::Model> model;
    QString modelStamp;  // of `model`
    std::vector<utad::ImageResult> results;
    std::unordered_map<std::string, size_t> resultIndex;  // path -> position in `results`
    utad::EvalMetrics metrics;
    QString resultsModelStamp;
    // The results' part of the project file, indented for its place; null when out of date.
    QByteArray resultsText;
    QString resultsTextFor;  // the dataset path its image paths are relative to
    Thresholds thresholds;
    ThresholdOrigin origin;
    QString currentImage;
    QUndoStack* undoStack = nullptr;
    AnnotationStore* annotations = nullptr;
    QTimer* thresholdSave = nullptr;  // a dragged slider writes once, when it rests
    bool loading = false;  // no autosave while the document is being replaced
};

Project::Project(QObject* parent) : QObject(parent), d(new Data)
{
    d->undoStack = new QUndoStack(this);
    d->annotations = new AnnotationStore(d->undoStack, this);
    d->annotations->setDataDir(dataDir());
    // A review mark is never left only in memory.
    connect(d->annotations, &AnnotationStore::changed, this, [this] {
        if (!d->loading)
            autosave();
    });
    d->thresholdSave = new QTimer(this);
    d->thresholdSave->setSingleShot(true);
    d->thresholdSave->setInterval(250);
    connect(d->thresholdSave, &QTimer::timeout, this, [this] { autosave(); });
}

Project::~Project()
{
    if (d->thresholdSave->isActive())
        autosave();
    delete d;
}

QString Project::filePath() const { return d->filePath; }
QString Project::datasetPath() const { return d->datasetPath; }
QString Project::modelPath() const { return d->modelPath; }

void Project::setDatasetPath(const QString& path)
{
    const QString clean = absolutePath(path);
    if (clean == d->datasetPath)
        return;
    d->datasetPath = clean;
    d->annotations->setDatasetDir(clean);
    if (d->filePath.isEmpty())
        d->annotations->setDataDir(dataDir());  // the autosave location depends on the dataset
    emit datasetChanged();
}

void Project::setModelPath(const QString& path)
{
    const QString clean = absolutePath(path);
    if (clean == d->modelPath)
        return;
    d->modelPath = clean;
    emit modelChanged();
}

const utad::Dataset* Project::dataset() const { return d->dataset ? &*d->dataset : nullptr; }

const std::vector<utad::Sample>& Project::listedSamples() const
{
    static const std::vector<utad::Sample> none;
    if (!d->dataset)
        return none;
    return d->dataset->test.empty() ? d->dataset->train : d->dataset->test;
}

const utad::Sample* Project::listedSample(const QString& imagePath) const
{
    const std::vector<utad::Sample>& samples = listedSamples();
    if (d->sampleIndex.empty() && !samples.empty()) {
        d->sampleIndex.reserve(samples.size());
        for (size_t i = 0; i < samples.size(); ++i)
            d->sampleIndex.emplace(samples[i].path, i);
    }
    const auto it = d->sampleIndex.find(imagePath.toStdString());
    return it == d->sampleIndex.end() ? nullptr : &samples[it->second];
}

void Project::openDataset(utad::Dataset dataset, const QString& path)
{
    const QString absolute = absolutePath(path);
    const bool same
        = d->datasetPath == absolute || d->datasetPath == absolutePath(QString::fromStdString(dataset.root));
    if (!same) {
        clear();
        setDatasetPath(absolute);
        if (d->model)
            setModelPath(d->modelPath);
        if (restoreAutosave())
            emit message(tr("Restored the review marks and results saved earlier for %1").arg(absolute));
        if (d->model && d->resultsModelStamp != d->modelStamp) {
            // The autosave holds another model's work: its scores and thresholds do not apply.
            d->resultsModelStamp = d->modelStamp;
            d->resultsText = QByteArray();
            setResults({});
            setMetrics({});
            applyThresholds({}, {});
        }
        applyDefaultThresholds();
    }
    d->dataset = std::move(dataset);
    d->sampleIndex.clear();
    emit datasetChanged();
}

std::shared_ptr<utad::Model> Project::model() const { return d->model; }
QString Project::currentModelStamp() const { return d->modelStamp; }

void Project::setModel(std::shared_ptr<utad::Model> model, const QString& path)
{
    d->model = std::move(model);
    setModelPath(path);
    d->modelStamp = !d->model ? QString()
        : path.isEmpty()      ? QStringLiteral("unsaved-") + QUuid::createUuid().toString(QUuid::WithoutBraces)
                              : modelStamp(path);
    if (d->model && d->modelStamp != d->resultsModelStamp) {
        // Another model: its scores live on another scale, so the old scores and thresholds go.
        d->resultsModelStamp = d->modelStamp;
        d->resultsText = QByteArray();
        setResults({});
        setMetrics({});
        applyThresholds({}, {});
    }
    applyDefaultThresholds();
    emit modelChanged();
}

const std::vector<utad::ImageResult>& Project::results() const { return d->results; }

void Project::setResults(std::vector<utad::ImageResult> results)
{
    d->results = std::move(results);
    d->resultsText = QByteArray();
    d->resultIndex.clear();
    d->resultIndex.reserve(d->results.size());
    for (size_t i = 0; i < d->results.size(); ++i)
        d->resultIndex.emplace(d->results[i].path, i);
    if (!d->loading && d->origin.rule == ThresholdOrigin::Rule::Calibration)
        applyLabelledThreshold();
    emit resultsChanged();
}

void Project::applyLabelledThreshold()
{
    std::vector<double> scores;
    std::vector<int> labels;
    int good = 0;
    for (const utad::ImageResult& r : d->results)
        if (r.error.empty() && std::isfinite(r.score) && r.label != utad::Label::Unknown) {
            scores.push_back(r.score);
            labels.push_back(r.label == utad::Label::Anomalous ? 1 : 0);
            good += labels.back() == 0;
        }
    if (good == 0 || good == int(labels.size()))
        return;  // one class only: the calibration stays
    const utad::F1Max best = utad::f1Max(scores, labels);
    Thresholds t = d->thresholds;
    t.image = best.threshold;
    if (std::isfinite(t.uncertainHigh) && t.uncertainHigh < t.image)
        t.uncertainHigh = t.image;
    applyThresholds(t, {ThresholdOrigin::Rule::LabelledF1, int(labels.size())});
}

void Project::updateResult(const utad::ImageResult& result)
{
    d->resultsText = QByteArray();
    const auto [it, added] = d->resultIndex.emplace(result.path, d->results.size());
    if (added)
        d->results.push_back(result);
    else
        d->results[it->second] = result;
    emit resultChanged(result);
}

int Project::indexOf(const QString& imagePath) const
{
    const auto it = d->resultIndex.find(imagePath.toStdString());
    return it == d->resultIndex.end() ? -1 : int(it->second);
}

const utad::ImageResult* Project::result(const QString& imagePath) const
{
    const int i = indexOf(imagePath);
    return i < 0 ? nullptr : &d->results[size_t(i)];
}

Thresholds Project::thresholds() const { return d->thresholds; }

void Project::setThresholds(const Thresholds& t, int gesture, const ThresholdOrigin& origin)
{
    if (t == d->thresholds)
        return;
    // The pixel threshold, the minimum region or the uncertain band alone leave the image threshold
    // as whoever chose it.
    const bool byHand = origin.rule == ThresholdOrigin::Rule::User;
    const ThresholdOrigin after = byHand && t.image == d->thresholds.image ? d->origin : origin;
    d->undoStack->push(new SetThresholdsCommand(this, t, after, gesture));
}

int Project::newGesture()
{
    static int last = 0;
    return ++last;
}

void Project::applyThresholds(const Thresholds& t, ThresholdOrigin origin)
{
    const bool changed = t != d->thresholds || origin.rule != d->origin.rule || origin.images != d->origin.images;
    const bool edited = t != d->thresholds;
    d->thresholds = t;
    d->origin = origin;
    if (!changed)
        return;
    emit thresholdsChanged();
    if (edited && !d->loading)
        d->thresholdSave->start();
}

void Project::applyDefaultThresholds()
{
    if (!d->model || d->thresholds.isSet())
        return;
    // Until someone sets them, thresholds come from the model's scores on held-back good images.
    const utad::Calibration& c = d->model->info().calibration;
    Thresholds t;
    const double proposed = utad::proposedThreshold(c);
    if (std::isfinite(proposed))
        t.image = proposed;
    else if (c.stddev > 0)
        t.image = c.mean + 3 * c.stddev;
    t.pixel = utad::proposedPixelThreshold(c);
    t.minRegionArea = 16;
    if (!t.isSet())
        return;
    applyThresholds(t, {ThresholdOrigin::Rule::Calibration, int(c.goodScores.size())});
    if (!d->results.empty())
        applyLabelledThreshold();
}

ThresholdOrigin Project::thresholdOrigin() const { return d->origin; }

QString Project::currentImage() const { return d->currentImage; }

void Project::setCurrentImage(const QString& path)
{
    if (path == d->currentImage)
        return;
    d->currentImage = path;
    emit currentImageChanged(path);
}

QUndoStack* Project::undoStack() const { return d->undoStack; }

Decision Project::decide(double score) const
{
    const Thresholds& t = d->thresholds;
    if (!std::isfinite(score) || score < t.image)
        return Decision::Good;
    if (std::isfinite(t.uncertainHigh) && score < t.uncertainHigh)
        return Decision::Uncertain;
    return Decision::Defective;
}

AnnotationStore* Project::annotations() const { return d->annotations; }

const utad::EvalMetrics& Project::metrics() const { return d->metrics; }

void Project::setMetrics(const utad::EvalMetrics& metrics)
{
    d->metrics = metrics;
    d->resultsText = QByteArray();
    emit metricsChanged();
}

QString Project::resultsModelStamp() const { return d->resultsModelStamp; }
void Project::setResultsModelStamp(const QString& stamp)
{
    d->resultsModelStamp = stamp;
    d->resultsText = QByteArray();
}

QString Project::modelStamp(const QString& modelPath)
{
    const QFileInfo info(modelPath);
    if (!info.exists())
        return {};
    return QStringLiteral("%1|%2|%3")
        .arg(QDir::cleanPath(info.absoluteFilePath()))
        .arg(info.size())
        .arg(info.lastModified().toMSecsSinceEpoch());
}

QString Project::dataDir() const
{
    if (!d->filePath.isEmpty()) {
        const QFileInfo info(d->filePath);
        return info.dir().filePath(info.completeBaseName() + QStringLiteral("_data"));
    }
    const QString base = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    return QDir(base).filePath(QStringLiteral("autosave/%1_data").arg(pathHash(d->datasetPath)));
}

QString Project::autosavePath() const
{
    const QString base = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    return QDir(base).filePath(QStringLiteral("autosave/%1.utadproj").arg(pathHash(d->datasetPath)));
}

QString Project::panelCacheFile(const QString& imagePath) const
{
    return panelCacheFile(dataDir(), d->resultsModelStamp, imagePath);
}

QString Project::panelCacheFile(const QString& dataDir, const QString& modelStamp, const QString& imagePath)
{
    // Panels of different models never mix: the folder is named after the model stamp.
    const QString folder = QStringLiteral("panels-%1").arg(pathHash(modelStamp));
    return QDir(dataDir).filePath(folder + QLatin1Char('/') + pathHash(imagePath) + QStringLiteral(".panels"));
}

// The scores part of the project file, which is most of it with many images.
static QJsonObject resultsJson(const Project& project)
{
    QJsonArray results;
    for (const utad::ImageResult& r : project.results()) {
        const QString path = QString::fromStdString(r.path);
        QJsonObject o{{QStringLiteral("path"),
                          isIdxSpec(project.datasetPath()) ? path : relativePath(path, project.datasetPath())},
            {QStringLiteral("label"), labelKey(r.label)},
            {QStringLiteral("defectType"), QString::fromStdString(r.defectType)},
            {QStringLiteral("score"), number(r.score)}};
        if (!r.error.empty())
            o[QStringLiteral("error")] = QString::fromStdString(r.error);
        results.append(o);
    }
    const utad::EvalMetrics& m = project.metrics();
    return QJsonObject{{QStringLiteral("modelStamp"), project.resultsModelStamp()}, {QStringLiteral("images"), results},
        {QStringLiteral("metrics"),
            QJsonObject{{QStringLiteral("imageAuroc"), number(m.imageAuroc)},
                {QStringLiteral("pixelAuroc"), number(m.pixelAuroc)}, {QStringLiteral("aupro"), number(m.aupro)},
                {QStringLiteral("f1"), number(m.f1.f1)}, {QStringLiteral("f1Threshold"), number(m.f1.threshold)},
                {QStringLiteral("msPerImage"), number(m.msPerImage)}, {QStringLiteral("images"), m.images},
                {QStringLiteral("skipped"), m.skipped}}}};
}

// Everything but the results.
static QJsonObject toJson(const Project& project, const QString& projectFile)
{
    const QString base = QFileInfo(projectFile).absolutePath();
    auto rel = [&](const QString& path) { return relativePath(path, base); };

    QJsonObject json;
    json[QStringLiteral("format")] = QLatin1String(kFormat);
    json[QStringLiteral("version")] = kFormatVersion;
    json[QStringLiteral("dataset")] = rel(project.datasetPath());
    json[QStringLiteral("model")] = rel(project.modelPath());

    const Thresholds t = project.thresholds();
    json[QStringLiteral("thresholds")] = QJsonObject{{QStringLiteral("image"), number(t.image)},
        {QStringLiteral("uncertainHigh"), number(t.uncertainHigh)}, {QStringLiteral("pixel"), number(t.pixel)},
        {QStringLiteral("minRegionArea"), t.minRegionArea},
        {QStringLiteral("origin"), originKey(project.thresholdOrigin())},
        {QStringLiteral("originImages"), project.thresholdOrigin().images}};
    json[QStringLiteral("annotations")] = project.annotations()->toJson();
    return json;
}

QByteArray Project::fileText(const QString& projectFile) const
{
    // Every review mark and threshold change saves the project: the scores' text is made once per
    // change of the scores (100,000 of them take most of a second), not at every save.
    if (d->resultsText.isNull() || d->resultsTextFor != d->datasetPath) {
        QByteArray text = QJsonDocument(resultsJson(*this)).toJson(QJsonDocument::Indented);
        text.chop(1);  // the final newline
        d->resultsText = text.replace('\n', QByteArray("\n    "));  // one level deeper
        d->resultsTextFor = d->datasetPath;
    }
    // The same text as the whole object written at once: members in key order, "results" before
    // "thresholds".
    QByteArray text = QJsonDocument(toJson(*this, projectFile)).toJson(QJsonDocument::Indented);
    const QByteArray next("\n    \"thresholds\": ");
    const qsizetype at = text.indexOf(next);
    Q_ASSERT(at > 0);
    text.insert(at, QByteArray("\n    \"results\": ") + d->resultsText + ',');
    return text;
}

static bool writeJson(const QByteArray& text, const QString& path, QString* error)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = Project::tr("Cannot write the project %1: %2").arg(path, file.errorString());
        return false;
    }
    file.write(text);
    if (!file.commit()) {
        if (error)
            *error = Project::tr("Cannot write the project %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

bool Project::commitSaveAs(const QString& target, QString* error)
{
    d->thresholdSave->stop();
    const QString oldPath = d->filePath;
    d->filePath = target;
    if (!writeJson(fileText(target), target, error)) {
        d->filePath = oldPath;
        return false;
    }
    d->annotations->setDataDir(dataDir());
    if (oldPath != target)
        emit filePathChanged();
    emit saved();
    return true;
}

static QString dataDirFor(const QString& projectFile)
{
    const QFileInfo info(projectFile);
    return info.dir().filePath(info.completeBaseName() + QStringLiteral("_data"));
}

bool Project::saveAs(const QString& path, QString* error)
{
    const QString target = QDir::cleanPath(QFileInfo(path).absoluteFilePath());
    const QString from = dataDir(), to = dataDirFor(target);
    // Cached panels and user masks move with the project.
    if (from != to && QFileInfo::exists(from)) {
        const QStringList problems = copyFolder(from, to);
        if (!problems.isEmpty()) {
            if (error)
                *error = problems.join(QLatin1Char('\n'));
            return false;
        }
    }
    return commitSaveAs(target, error);
}

Task* Project::saveAsTask(const QString& path)
{
    const QString target = QDir::cleanPath(QFileInfo(path).absoluteFilePath());
    const QString from = dataDir(), to = dataDirFor(target);
    auto* task = new CopyFolderTask(
        tr("Saving the project %1").arg(QFileInfo(target).fileName()), from != to ? from : QString(), to);
    connect(task, &Task::finished, this, [this, task, target, from, to](bool ok) {
        if (!ok) {
            const QStringList problems = task->problems();
            emit saveFailed(problems.isEmpty()
                    ? tr("Saving %1 was cancelled; nothing was written.").arg(target)
                    : tr("Cannot save the project %1:\n%2").arg(target, problems.join(QLatin1Char('\n'))));
            return;
        }
        // Masks drawn while the copy ran were written to the old folder: bring them along.
        if (from != to && QFileInfo::exists(from)) {
            const QStringList late = copyFolder(from, to);
            if (!late.isEmpty()) {
                emit saveFailed(tr("Cannot save the project %1:\n%2").arg(target, late.join(QLatin1Char('\n'))));
                return;
            }
        }
        QString error;
        if (!commitSaveAs(target, &error))
            emit saveFailed(error);
    });
    return task;
}

bool Project::save(QString* error)
{
    d->thresholdSave->stop();
    if (d->filePath.isEmpty()) {
        if (error)
            *error = tr("The project has no file yet: use Save project as.");
        return false;
    }
    if (!writeJson(fileText(d->filePath), d->filePath, error))
        return false;
    emit saved();
    return true;
}

bool Project::autosave(QString* error)
{
    d->thresholdSave->stop();  // this write includes the thresholds
    QString message;
    const bool ok
        = d->filePath.isEmpty() ? writeJson(fileText(autosavePath()), autosavePath(), &message) : save(&message);
    if (!ok) {
        emit saveFailed(message);
        if (error)
            *error = message;
    }
    return ok;
}

static bool readProject(const QString& path, QJsonObject* json, QString* error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = Project::tr("Cannot open the project %1: %2").arg(path, file.errorString());
        return false;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (doc.isNull() || !doc.isObject()) {
        if (error)
            *error = Project::tr("%1 is not a valid project file: %2").arg(path, parseError.errorString());
        return false;
    }
    *json = doc.object();
    if (json->value(QStringLiteral("format")).toString() != QLatin1String(kFormat)) {
        if (error)
            *error = Project::tr("%1 is not a UTAD Workbench project.").arg(path);
        return false;
    }
    if (json->value(QStringLiteral("version")).toInt() > kFormatVersion) {
        if (error)
            *error = Project::tr("%1 was written by a newer version of the workbench.").arg(path);
        return false;
    }
    return true;
}

void Project::clear()
{
    if (d->thresholdSave->isActive())
        autosave();  // the document being closed keeps its last thresholds
    d->loading = true;
    d->filePath.clear();
    d->datasetPath.clear();
    d->annotations->setDatasetDir(QString());
    if (!d->model)
        d->modelPath.clear();
    d->dataset.reset();
    d->sampleIndex.clear();
    d->currentImage.clear();
    d->results.clear();
    d->resultsText = QByteArray();
    d->resultIndex.clear();
    d->metrics = {};
    d->resultsModelStamp.clear();
    d->thresholds = {};
    d->origin = {};
    d->annotations->setDataDir(dataDir());
    d->annotations->fromJson({});
    d->undoStack->clear();
    d->loading = false;
    emit filePathChanged();
    emit datasetChanged();
    emit currentImageChanged(QString());
    emit resultsChanged();
    emit metricsChanged();
    emit thresholdsChanged();
}

// Fills the document from `json`; relative paths are resolved against `baseDir`.
static void applyJson(Project& project, const QJsonObject& json, const QDir& baseDir,
    std::vector<utad::ImageResult>* results, utad::EvalMetrics* metrics, QString* stamp, Thresholds* thresholds,
    ThresholdOrigin* origin)
{
    auto resolve = [&](const QString& p) { return absolutePath(p, baseDir); };
    project.setDatasetPath(resolve(json.value(QStringLiteral("dataset")).toString()));
    project.setModelPath(resolve(json.value(QStringLiteral("model")).toString()));

    const QJsonObject t = json.value(QStringLiteral("thresholds")).toObject();
    thresholds->image = numberOr(t.value(QStringLiteral("image")), 0);
    thresholds->uncertainHigh = numberOr(t.value(QStringLiteral("uncertainHigh")), utad::kNaN);
    thresholds->pixel = numberOr(t.value(QStringLiteral("pixel")), 0);
    thresholds->minRegionArea = t.value(QStringLiteral("minRegionArea")).toInt();
    // Files from before the origin was saved say nothing: "as they were saved".
    *origin = {originFromKey(t.value(QStringLiteral("origin")).toString()),
        std::max(0, t.value(QStringLiteral("originImages")).toInt())};

    const QJsonObject r = json.value(QStringLiteral("results")).toObject();
    *stamp = r.value(QStringLiteral("modelStamp")).toString();
    const QDir datasetDir(project.datasetPath());
    for (const QJsonValue& v : r.value(QStringLiteral("images")).toArray()) {
        const QJsonObject o = v.toObject();
        utad::ImageResult result;
        const QString path = o.value(QStringLiteral("path")).toString();
        result.path = absolutePath(path, datasetDir).toStdString();
        result.label = labelFromKey(o.value(QStringLiteral("label")).toString());
        result.defectType = o.value(QStringLiteral("defectType")).toString().toStdString();
        result.score = numberOr(o.value(QStringLiteral("score")), utad::kNaN);
        result.error = o.value(QStringLiteral("error")).toString().toStdString();
        results->push_back(std::move(result));
    }
    const QJsonObject m = r.value(QStringLiteral("metrics")).toObject();
    metrics->imageAuroc = numberOr(m.value(QStringLiteral("imageAuroc")), utad::kNaN);
    metrics->pixelAuroc = numberOr(m.value(QStringLiteral("pixelAuroc")), utad::kNaN);
    metrics->aupro = numberOr(m.value(QStringLiteral("aupro")), utad::kNaN);
    metrics->f1.f1 = numberOr(m.value(QStringLiteral("f1")), 0);
    metrics->f1.threshold = numberOr(m.value(QStringLiteral("f1Threshold")), 0);
    metrics->msPerImage = numberOr(m.value(QStringLiteral("msPerImage")), 0);
    metrics->images = m.value(QStringLiteral("images")).toInt();
    metrics->skipped = m.value(QStringLiteral("skipped")).toInt();
    metrics->byDefectType = utad::defectTypeFigures(*results, metrics->f1);  // follows from the scores
}

bool Project::load(const QString& path, QString* error)
{
    QJsonObject json;
    if (!readProject(path, &json, error))
        return false;
    if (d->thresholdSave->isActive())
        autosave();  // the document being replaced keeps its last thresholds
    const QString target = QDir::cleanPath(QFileInfo(path).absoluteFilePath());
    d->loading = true;
    d->filePath = target;
    // The project names its own dataset and model; the window opens them next.
    d->dataset.reset();
    d->sampleIndex.clear();
    d->model.reset();
    d->modelStamp.clear();
    d->currentImage.clear();
    d->origin = {};
    std::vector<utad::ImageResult> results;
    utad::EvalMetrics metrics;
    QString stamp;
    Thresholds thresholds;
    ThresholdOrigin origin;
    applyJson(*this, json, QFileInfo(target).absoluteDir(), &results, &metrics, &stamp, &thresholds, &origin);
    d->resultsModelStamp = stamp;
    d->resultsText = QByteArray();
    d->annotations->setDataDir(dataDir());
    d->annotations->fromJson(json.value(QStringLiteral("annotations")).toObject());
    d->undoStack->clear();
    applyThresholds(thresholds, origin);
    setMetrics(metrics);
    setResults(std::move(results));
    d->loading = false;
    emit filePathChanged();
    emit datasetChanged();
    emit modelChanged();
    emit currentImageChanged(QString());
    return true;
}

bool Project::restoreAutosave()
{
    if (!d->filePath.isEmpty() || !QFileInfo::exists(autosavePath()))
        return false;
    QJsonObject json;
    if (!readProject(autosavePath(), &json, nullptr))
        return false;
    d->loading = true;
    const QString dataset = d->datasetPath;
    const QString model = d->modelPath;
    std::vector<utad::ImageResult> results;
    utad::EvalMetrics metrics;
    QString stamp;
    Thresholds thresholds;
    ThresholdOrigin origin;
    applyJson(*this, json, QFileInfo(autosavePath()).absoluteDir(), &results, &metrics, &stamp, &thresholds, &origin);
    // The dataset the user opened stays the document's dataset; a model chosen explicitly wins.
    setDatasetPath(dataset);
    if (!model.isEmpty())
        setModelPath(model);
    d->resultsModelStamp = stamp;
    d->resultsText = QByteArray();
    d->annotations->setDataDir(dataDir());
    d->annotations->fromJson(json.value(QStringLiteral("annotations")).toObject());
    d->undoStack->clear();
    applyThresholds(thresholds, origin);
    setMetrics(metrics);
    setResults(std::move(results));
    d->loading = false;
    return true;
}

}  // namespace utad::ui
