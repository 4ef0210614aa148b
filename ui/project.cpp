#include "ui/project.h"

#include "ui/review/annotationstore.h"

#include <QCryptographicHash>
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
#include <cmath>

namespace utad::ui {
namespace {

constexpr auto kFormat = "utad-workbench-project";
constexpr int kFormatVersion = 1;

QString hashOf(const QString& text)
{
    return QString::fromLatin1(QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha1).toHex().left(16));
}

// JSON has no NaN: store it as null.
QJsonValue number(double v) { return std::isfinite(v) ? QJsonValue(v) : QJsonValue(); }
double numberOr(const QJsonValue& v, double fallback) { return v.isDouble() ? v.toDouble() : fallback; }

QString labelName(utad::Label label)
{
    switch (label) {
    case utad::Label::Good: return QStringLiteral("good");
    case utad::Label::Anomalous: return QStringLiteral("anomalous");
    case utad::Label::Unknown: break;
    }
    return QStringLiteral("unknown");
}

utad::Label labelFromName(const QString& name)
{
    if (name == QLatin1String("good"))
        return utad::Label::Good;
    if (name == QLatin1String("anomalous"))
        return utad::Label::Anomalous;
    return utad::Label::Unknown;
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

void copyFolder(const QString& from, const QString& to)
{
    QDirIterator it(from, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString file = it.next();
        const QString target = QDir(to).filePath(QDir(from).relativeFilePath(file));
        QDir().mkpath(QFileInfo(target).absolutePath());
        QFile::remove(target);
        QFile::copy(file, target);
    }
}

} // namespace

struct Project::Data {
    QString filePath;
    QString datasetPath;
    QString modelPath;
    std::vector<utad::ImageResult> results;
    utad::EvalMetrics metrics;
    QString resultsModelStamp;
    Thresholds thresholds;
    AnnotationStore* annotations = nullptr;
    QTimer* thresholdSave = nullptr;  // a dragged slider writes once, when it rests
    bool loading = false;  // no autosave while the document is being replaced
};

Project::Project(QObject* parent) : QObject(parent), d(new Data)
{
    d->annotations = new AnnotationStore(this);
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

const std::vector<utad::ImageResult>& Project::results() const { return d->results; }

void Project::setResults(std::vector<utad::ImageResult> results)
{
    d->results = std::move(results);
    emit resultsChanged();
}

int Project::indexOf(const QString& imagePath) const
{
    const std::string key = imagePath.toStdString();
    for (size_t i = 0; i < d->results.size(); ++i)
        if (d->results[i].path == key)
            return int(i);
    return -1;
}

Thresholds Project::thresholds() const { return d->thresholds; }

void Project::setThresholds(const Thresholds& t)
{
    d->thresholds = t;
    emit thresholdsChanged();
    if (!d->loading)
        d->thresholdSave->start();
}

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
    emit metricsChanged();
}

QString Project::resultsModelStamp() const { return d->resultsModelStamp; }
void Project::setResultsModelStamp(const QString& stamp) { d->resultsModelStamp = stamp; }

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
    return QDir(base).filePath(QStringLiteral("autosave/%1_data").arg(hashOf(d->datasetPath)));
}

QString Project::autosavePath() const
{
    const QString base = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    return QDir(base).filePath(QStringLiteral("autosave/%1.utadproj").arg(hashOf(d->datasetPath)));
}

QString Project::panelCacheFile(const QString& imagePath) const
{
    return panelCacheFile(dataDir(), d->resultsModelStamp, imagePath);
}

QString Project::panelCacheFile(const QString& dataDir, const QString& modelStamp, const QString& imagePath)
{
    // Panels of different models never mix: the folder is named after the model stamp.
    const QString folder = QStringLiteral("panels-%1").arg(hashOf(modelStamp));
    return QDir(dataDir).filePath(folder + QLatin1Char('/') + hashOf(imagePath) + QStringLiteral(".panels"));
}

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
                                                     {QStringLiteral("uncertainHigh"), number(t.uncertainHigh)},
                                                     {QStringLiteral("pixel"), number(t.pixel)},
                                                     {QStringLiteral("minRegionArea"), t.minRegionArea}};

    QJsonArray results;
    for (const utad::ImageResult& r : project.results()) {
        const QString path = QString::fromStdString(r.path);
        QJsonObject o{{QStringLiteral("path"), isIdxSpec(project.datasetPath()) ? path : relativePath(path, project.datasetPath())},
                      {QStringLiteral("label"), labelName(r.label)},
                      {QStringLiteral("defectType"), QString::fromStdString(r.defectType)},
                      {QStringLiteral("score"), number(r.score)}};
        if (!r.error.empty())
            o[QStringLiteral("error")] = QString::fromStdString(r.error);
        results.append(o);
    }
    const utad::EvalMetrics& m = project.metrics();
    json[QStringLiteral("results")] = QJsonObject{
        {QStringLiteral("modelStamp"), project.resultsModelStamp()},
        {QStringLiteral("images"), results},
        {QStringLiteral("metrics"),
         QJsonObject{{QStringLiteral("imageAuroc"), number(m.imageAuroc)},
                     {QStringLiteral("pixelAuroc"), number(m.pixelAuroc)},
                     {QStringLiteral("aupro"), number(m.aupro)},
                     {QStringLiteral("f1"), number(m.f1.f1)},
                     {QStringLiteral("f1Threshold"), number(m.f1.threshold)},
                     {QStringLiteral("msPerImage"), number(m.msPerImage)},
                     {QStringLiteral("images"), m.images},
                     {QStringLiteral("skipped"), m.skipped}}}};
    json[QStringLiteral("annotations")] = project.annotations()->toJson();
    return json;
}

static bool writeJson(const QJsonObject& json, const QString& path, QString* error)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = QObject::tr("Cannot write the project %1: %2").arg(path, file.errorString());
        return false;
    }
    file.write(QJsonDocument(json).toJson(QJsonDocument::Indented));
    if (!file.commit()) {
        if (error)
            *error = QObject::tr("Cannot write the project %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

bool Project::saveAs(const QString& path, QString* error)
{
    d->thresholdSave->stop();
    const QString target = QDir::cleanPath(QFileInfo(path).absoluteFilePath());
    const QString oldDataDir = dataDir();
    const QString oldPath = d->filePath;
    d->filePath = target;
    const QString newDataDir = dataDir();
    if (!writeJson(toJson(*this, target), target, error)) {
        d->filePath = oldPath;
        return false;
    }
    // Cached panels and user masks move with the project.
    if (newDataDir != oldDataDir && QFileInfo::exists(oldDataDir))
        copyFolder(oldDataDir, newDataDir);
    d->annotations->setDataDir(newDataDir);
    if (oldPath != target)
        emit filePathChanged();
    emit saved();
    return true;
}

bool Project::save(QString* error)
{
    d->thresholdSave->stop();
    if (d->filePath.isEmpty()) {
        if (error)
            *error = tr("The project has no file yet: use Save project as.");
        return false;
    }
    if (!writeJson(toJson(*this, d->filePath), d->filePath, error))
        return false;
    emit saved();
    return true;
}

bool Project::autosave(QString* error)
{
    d->thresholdSave->stop();  // this write includes the thresholds
    QString message;
    const bool ok = d->filePath.isEmpty() ? writeJson(toJson(*this, autosavePath()), autosavePath(), &message)
                                          : save(&message);
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
            *error = QObject::tr("Cannot open the project %1: %2").arg(path, file.errorString());
        return false;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (doc.isNull() || !doc.isObject()) {
        if (error)
            *error = QObject::tr("%1 is not a valid project file: %2").arg(path, parseError.errorString());
        return false;
    }
    *json = doc.object();
    if (json->value(QStringLiteral("format")).toString() != QLatin1String(kFormat)) {
        if (error)
            *error = QObject::tr("%1 is not a UTAD Workbench project.").arg(path);
        return false;
    }
    if (json->value(QStringLiteral("version")).toInt() > kFormatVersion) {
        if (error)
            *error = QObject::tr("%1 was written by a newer version of the workbench.").arg(path);
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
    d->modelPath.clear();
    d->results.clear();
    d->metrics = {};
    d->resultsModelStamp.clear();
    d->thresholds = {};
    d->annotations->setDataDir(dataDir());
    d->annotations->fromJson({});
    d->loading = false;
    emit filePathChanged();
    emit datasetChanged();
    emit modelChanged();
    emit resultsChanged();
    emit metricsChanged();
    emit thresholdsChanged();
}

// Fills the document from `json`; relative paths are resolved against `baseDir`.
static void applyJson(Project& project, const QJsonObject& json, const QDir& baseDir,
                      std::vector<utad::ImageResult>* results, utad::EvalMetrics* metrics, QString* stamp,
                      Thresholds* thresholds)
{
    auto resolve = [&](const QString& p) { return absolutePath(p, baseDir); };
    project.setDatasetPath(resolve(json.value(QStringLiteral("dataset")).toString()));
    project.setModelPath(resolve(json.value(QStringLiteral("model")).toString()));

    const QJsonObject t = json.value(QStringLiteral("thresholds")).toObject();
    thresholds->image = numberOr(t.value(QStringLiteral("image")), 0);
    thresholds->uncertainHigh = numberOr(t.value(QStringLiteral("uncertainHigh")), utad::kNaN);
    thresholds->pixel = numberOr(t.value(QStringLiteral("pixel")), 0);
    thresholds->minRegionArea = t.value(QStringLiteral("minRegionArea")).toInt();

    const QJsonObject r = json.value(QStringLiteral("results")).toObject();
    *stamp = r.value(QStringLiteral("modelStamp")).toString();
    const QDir datasetDir(project.datasetPath());
    for (const QJsonValue& v : r.value(QStringLiteral("images")).toArray()) {
        const QJsonObject o = v.toObject();
        utad::ImageResult result;
        const QString path = o.value(QStringLiteral("path")).toString();
        result.path = absolutePath(path, datasetDir).toStdString();
        result.label = labelFromName(o.value(QStringLiteral("label")).toString());
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
    std::vector<utad::ImageResult> results;
    utad::EvalMetrics metrics;
    QString stamp;
    Thresholds thresholds;
    applyJson(*this, json, QFileInfo(target).absoluteDir(), &results, &metrics, &stamp, &thresholds);
    d->resultsModelStamp = stamp;
    d->annotations->setDataDir(dataDir());
    d->annotations->fromJson(json.value(QStringLiteral("annotations")).toObject());
    setThresholds(thresholds);
    setMetrics(metrics);
    setResults(std::move(results));
    d->loading = false;
    emit filePathChanged();
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
    applyJson(*this, json, QFileInfo(autosavePath()).absoluteDir(), &results, &metrics, &stamp, &thresholds);
    // The dataset the user opened stays the document's dataset; a model chosen explicitly wins.
    setDatasetPath(dataset);
    if (!model.isEmpty())
        setModelPath(model);
    d->resultsModelStamp = stamp;
    d->annotations->setDataDir(dataDir());
    d->annotations->fromJson(json.value(QStringLiteral("annotations")).toObject());
    setThresholds(thresholds);
    setMetrics(metrics);
    setResults(std::move(results));
    d->loading = false;
    return true;
}

} // namespace utad::ui
