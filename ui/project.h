#pragma once
// The workbench's document: dataset, model, cached results, thresholds and annotations.
// Views read it and listen to its signals; every user edit goes through it and is saved at once.
#include "utad/evaluation.h"

#include <QObject>
#include <QString>
#include <limits>
#include <vector>

namespace utad::ui {

class AnnotationStore;

struct Thresholds {
    double image = 0;  // an image is flagged when score >= image
    // Optional second threshold: scores in [image, uncertainHigh) are "uncertain". NaN disables it.
    double uncertainHigh = std::numeric_limits<double>::quiet_NaN();
    double pixel = 0;        // anomaly-map value for the predicted-region outlines
    int minRegionArea = 0;   // in source-image pixels; smaller regions are ignored
};

enum class Decision { Good, Defective, Uncertain };

class Project : public QObject {
    Q_OBJECT
public:
    explicit Project(QObject* parent = nullptr);
    ~Project() override;

    QString filePath() const;     // empty until saved or loaded
    QString datasetPath() const;
    QString modelPath() const;
    void setDatasetPath(const QString& path);
    void setModelPath(const QString& path);

    const std::vector<utad::ImageResult>& results() const;
    void setResults(std::vector<utad::ImageResult> results);  // emits resultsChanged
    int indexOf(const QString& imagePath) const;             // -1 when absent

    Thresholds thresholds() const;
    void setThresholds(const Thresholds& t);                   // emits thresholdsChanged
    Decision decide(double score) const;

    AnnotationStore* annotations() const;

    // Metrics of the last inference run (NaN where they do not apply).
    const utad::EvalMetrics& metrics() const;
    void setMetrics(const utad::EvalMetrics& metrics);

    // Identifies the model the cached results came from (path, size, modification time); results
    // and panels of another model are not shown.
    QString resultsModelStamp() const;
    void setResultsModelStamp(const QString& stamp);
    static QString modelStamp(const QString& modelPath);

    // Cached inference of one image (see panelcache.h), inside dataDir().
    QString panelCacheFile(const QString& imagePath) const;
    // The same for explicit values, safe to call from worker threads with copies of them.
    static QString panelCacheFile(const QString& dataDir, const QString& modelStamp, const QString& imagePath);

    // Where the project is written when it has no file path yet: one file per dataset in
    // QStandardPaths::AppDataLocation, so marks made before "Save project as" survive.
    QString autosavePath() const;
    // Restores annotations, thresholds and results of the autosave for the current dataset, if any.
    bool restoreAutosave();

    // Folder beside the project file for cached panels and annotation masks.
    QString dataDir() const;

    // Atomic (QSaveFile). Return false and fill `error` with a message for the user.
    bool saveAs(const QString& path, QString* error);
    bool save(QString* error);
    bool load(const QString& path, QString* error);
    // Saves to filePath() when set, otherwise to autosavePath(). Called after every user edit.
    bool autosave(QString* error = nullptr);
    // Forgets everything (new, empty document).
    void clear();

signals:
    void datasetChanged();
    void modelChanged();
    void resultsChanged();
    void thresholdsChanged();
    void saved();
    void filePathChanged();
    void metricsChanged();
    void saveFailed(const QString& message);

private:
    struct Data;
    Data* d;
};

} // namespace utad::ui
