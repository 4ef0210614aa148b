#pragma once
// The workbench's document: everything about the work in one object. It owns the open dataset,
// the model (shared with background jobs), the scores, the thresholds, the review annotations,
// the current image and the one undo stack. Views read it and listen to its signals; every user
// edit goes through it, is undoable and is saved at once (to the project file, or to an autosave
// per dataset while the project has no file).
#include "ui/metatypes.h"  // ImageResult travels in a signal
#include "utad/dataset.h"

#include <QObject>
#include <QString>
#include <limits>
#include <memory>
#include <optional>
#include <vector>

class QUndoStack;

namespace utad {
class Model;
}

namespace utad::ui {

class AnnotationStore;
class Task;

struct Thresholds {
    double image = 0;  // an image is flagged when score >= image
    // Optional second threshold: scores in [image, uncertainHigh) are "uncertain". NaN disables it.
    double uncertainHigh = std::numeric_limits<double>::quiet_NaN();
    double pixel = 0;  // anomaly-map value for the predicted-region outlines
    int minRegionArea = 0;  // in source-image pixels; smaller regions are ignored
    bool isSet() const { return image > 0 || pixel > 0; }
    bool operator==(const Thresholds& o) const;
    bool operator!=(const Thresholds& o) const { return !(*this == o); }
};

enum class Decision { Good, Defective, Uncertain };

// Who chose the image threshold, and how many images it rests on.
struct ThresholdOrigin {
    enum class Rule {
        Unknown,  // read from a project file
        Calibration,  // utad::proposedThreshold of the model's calibration
        LabelledF1,  // the best F1 score on the labelled test images
        User,  // set by hand
    };
    Rule rule = Rule::Unknown;
    int images = 0;  // good calibration images, or labelled test images
    // Below this many images a threshold is a guess: the window says so.
    static constexpr int kFewImages = 30;
    bool restsOnFewImages() const
    {
        return (rule == Rule::Calibration || rule == Rule::LabelledF1) && images < kFewImages;
    }
};

class Project : public QObject {
    Q_OBJECT
public:
    explicit Project(QObject* parent = nullptr);
    ~Project() override;

    QString filePath() const;  // empty until saved or loaded
    QString datasetPath() const;
    QString modelPath() const;
    void setDatasetPath(const QString& path);
    void setModelPath(const QString& path);

    // --- The open dataset ---------------------------------------------------------------------
    const utad::Dataset* dataset() const;  // null when none is open
    // Makes `dataset` the document's dataset. Another dataset than the current one starts a new
    // document (its autosave, if any, comes back); the model stays.
    void openDataset(utad::Dataset dataset, const QString& path);
    // The images the list shows: the test images, or the training images of a dataset without any.
    const std::vector<utad::Sample>& listedSamples() const;
    const utad::Sample* listedSample(const QString& imagePath) const;  // null when not listed

    // --- The model ----------------------------------------------------------------------------
    std::shared_ptr<utad::Model> model() const;
    // Identifies model() for results and cached panels: modelStamp(path), or a fresh id for an
    // unsaved model. Results and thresholds of another model are dropped; the thresholds then come
    // from the new model's calibration.
    void setModel(std::shared_ptr<utad::Model> model, const QString& path);
    QString currentModelStamp() const;

    // --- Scores -------------------------------------------------------------------------------
    const std::vector<utad::ImageResult>& results() const;
    void setResults(std::vector<utad::ImageResult> results);  // emits resultsChanged
    // One image while a scoring run goes on (emits resultChanged, not resultsChanged).
    void updateResult(const utad::ImageResult& result);
    int indexOf(const QString& imagePath) const;  // -1 when absent; a hash lookup
    const utad::ImageResult* result(const QString& imagePath) const;  // null when absent

    // --- Thresholds ---------------------------------------------------------------------------
    Thresholds thresholds() const;
    // A user edit: one undo step. Edits with the same non-zero `gesture` (one drag) merge into
    // one step. `origin` says who chose the image threshold (by hand unless given); an edit that
    // keeps the image threshold keeps its origin.
    void setThresholds(
        const Thresholds& t, int gesture = 0, const ThresholdOrigin& origin = {ThresholdOrigin::Rule::User, 0});
    static int newGesture();
    Decision decide(double score) const;
    // Until someone sets them, thresholds come from the model's calibration (utad::proposedThreshold
    // and utad::proposedPixelThreshold). Once scored test images with both labels exist, a
    // threshold the workbench chose moves to their best F1 score (setResults does this).
    void applyDefaultThresholds();
    ThresholdOrigin thresholdOrigin() const;

    AnnotationStore* annotations() const;
    QUndoStack* undoStack() const;

    // --- The image being inspected ------------------------------------------------------------
    QString currentImage() const;
    void setCurrentImage(const QString& path);

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
    // saveAs copies the data folder (cached panels, masks) on the calling thread; saveAsTask does
    // the copy as a background job and writes the project file when it is done (saved() or
    // saveFailed() follows). Either way the project file is written only after a complete copy.
    bool saveAs(const QString& path, QString* error);
    Task* saveAsTask(const QString& path);
    bool save(QString* error);
    bool load(const QString& path, QString* error);
    // Saves to filePath() when set, otherwise to autosavePath(). Called after every user edit.
    bool autosave(QString* error = nullptr);
    // Forgets everything but the model (new, empty document).
    void clear();

signals:
    void datasetChanged();
    void modelChanged();
    void resultsChanged();
    void resultChanged(const utad::ImageResult& result);
    void thresholdsChanged();
    void currentImageChanged(const QString& path);
    void saved();
    void filePathChanged();
    void metricsChanged();
    void saveFailed(const QString& message);
    void message(const QString& text);  // for the Messages panel

private:
    friend class SetThresholdsCommand;
    // No undo step. `origin` says who chose them (a user edit, unless the workbench did).
    void applyThresholds(const Thresholds& t, ThresholdOrigin origin = {ThresholdOrigin::Rule::User, 0});
    void applyLabelledThreshold();
    bool commitSaveAs(const QString& target, QString* error);
    QByteArray fileText(const QString& projectFile) const;  // the project file's JSON
    struct Data;
    Data* d;
};

}  // namespace utad::ui
