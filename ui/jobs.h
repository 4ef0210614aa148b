#pragma once
// The workbench's smaller background jobs; the long ones have their own files (TrainingTask,
// InferenceTask, Retrainer, ReportTask). All of them run through the TaskManager.
#include "ui/metatypes.h"
#include "ui/task.h"
#include "utad/dataset.h"
#include "utad/model.h"

#include <QImage>
#include <QString>
#include <QStringList>
#include <functional>
#include <memory>

namespace utad::ui {

// Loads a model file.
class ModelLoadTask : public Task {
    Q_OBJECT
public:
    explicit ModelLoadTask(const QString& path);
    QString path() const { return m_path; }
    std::shared_ptr<utad::Model> model() const { return m_model; }  // after finished(true)

protected:
    bool run() override;

private:
    QString m_path;
    std::shared_ptr<utad::Model> m_model;
};

// Writes a model file (atomically: a stopped save leaves the old file or none, never half a file).
// It cannot be cancelled halfway; closing the window waits for it.
class ModelSaveTask : public Task {
    Q_OBJECT
public:
    ModelSaveTask(std::shared_ptr<const utad::Model> model, const QString& path);
    QString path() const { return m_path; }

protected:
    bool run() override;

private:
    std::shared_ptr<const utad::Model> m_model;
    QString m_path;
};

// Copies every file under `from` into `to` (sub-folders kept). Files already there with the same
// size are skipped. Returns the problems, each naming its file; empty when everything was copied.
// When `isCancelled` says so, the files copied by this call are removed again.
QStringList copyFolder(const QString& from, const QString& to, const std::function<bool()>& isCancelled = {});

class CopyFolderTask : public Task {
    Q_OBJECT
public:
    CopyFolderTask(const QString& description, const QString& from, const QString& to);
    QStringList problems() const { return m_problems; }  // after finished()

protected:
    bool run() override;

private:
    QString m_from, m_to;
    QStringList m_problems;
};

// Decodes thumbnails of image files, each no larger than size x size.
class ThumbnailTask : public Task {
    Q_OBJECT
public:
    ThumbnailTask(const QStringList& paths, int size);

signals:
    void thumbnail(const QString& path, const QImage& image);  // null image: unreadable

protected:
    bool run() override;

private:
    QStringList m_paths;
    int m_size;
};

class PanelMemoryCache;

// The current image's panels: reads the image and its mask, then takes the inference from
// `memory` or the cache file when present, else runs the model (if any) and writes the cache.
class PanelTask : public Task {
    Q_OBJECT
public:
    PanelTask(const utad::Sample& sample, const QString& cacheFile, std::shared_ptr<const utad::Model> model,
        std::shared_ptr<PanelMemoryCache> memory = {});
    QString path() const { return m_path; }

signals:
    // `image` is the source (CV_8UC1/3), `mask` CV_8UC1 at the source size or empty.
    void sourceReady(const QString& path, const cv::Mat& image, const cv::Mat& mask);
    void inferenceReady(const QString& path, const utad::Inference& inference, bool fromCache);
    void failed(const QString& path, const QString& message);

protected:
    bool run() override;

private:
    utad::Sample m_sample;
    QString m_path;
    QString m_cacheFile;
    std::shared_ptr<const utad::Model> m_model;
    std::shared_ptr<PanelMemoryCache> m_memory;
};

}  // namespace utad::ui
