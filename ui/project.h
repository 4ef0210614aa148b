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

    // Folder beside the project file for cached panels and annotation masks.
    QString dataDir() const;

    // Atomic (QSaveFile). Return false and fill `error` with a message for the user.
    bool saveAs(const QString& path, QString* error);
    bool save(QString* error);
    bool load(const QString& path, QString* error);

signals:
    void datasetChanged();
    void modelChanged();
    void resultsChanged();
    void thresholdsChanged();
    void saved();

private:
    struct Data;
    Data* d;
};

} // namespace utad::ui
