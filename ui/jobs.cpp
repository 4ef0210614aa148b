#include "ui/jobs.h"

#include "ui/panelcache.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QImageReader>

namespace utad::ui {

ModelLoadTask::ModelLoadTask(const QString& path)
    : Task(tr("Loading the model %1").arg(QFileInfo(path).fileName()), {}), m_path(path)
{
}

bool ModelLoadTask::run()
{
    setProgress(0, description());
    m_model = std::shared_ptr<utad::Model>(utad::Model::load(m_path.toStdString()));
    return true;
}

ModelSaveTask::ModelSaveTask(std::shared_ptr<const utad::Model> model, const QString& path)
    : Task(tr("Saving the model %1").arg(QFileInfo(path).fileName()), {}), m_model(std::move(model)), m_path(path)
{
}

bool ModelSaveTask::run()
{
    setProgress(0, description());
    m_model->save(m_path.toStdString());
    return true;
}

QStringList copyFolder(const QString& from, const QString& to, const std::function<bool()>& isCancelled)
{
    QStringList problems, copied;
    if (from.isEmpty() || !QFileInfo(from).isDir())
        return problems;
    const QDir source(from), target(to);
    QDirIterator it(from, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        if (isCancelled && isCancelled()) {
            for (const QString& file : copied)
                QFile::remove(file);
            return problems;
        }
        const QString file = it.next();
        const QString destination = target.filePath(source.relativeFilePath(file));
        const QFileInfo existing(destination);
        if (existing.exists() && existing.size() == QFileInfo(file).size())
            continue;
        if (!QDir().mkpath(existing.absolutePath())) {
            problems << QCoreApplication::translate("utad::ui::CopyFolderTask", "Cannot create the folder %1.")
                            .arg(existing.absolutePath());
            continue;
        }
        QFile::remove(destination);
        QFile in(file);
        // QFile::copy writes a temporary file and renames it: never half a file at the target.
        if (!in.copy(destination))
            problems << QCoreApplication::translate("utad::ui::CopyFolderTask", "Cannot copy %1 to %2: %3")
                            .arg(file, destination, in.errorString());
        else
            copied << destination;
    }
    return problems;
}

CopyFolderTask::CopyFolderTask(const QString& description, const QString& from, const QString& to)
    : Task(description), m_from(from), m_to(to)
{
}

bool CopyFolderTask::run()
{
    setProgress(0, description());
    m_problems = copyFolder(m_from, m_to, [this] { return isCancelled(); });
    return m_problems.isEmpty() && !isCancelled();
}

ThumbnailTask::ThumbnailTask(const QStringList& paths, int size)
    : Task(tr("Thumbnails"), CanCancel | Hidden), m_paths(paths), m_size(size)
{
}

bool ThumbnailTask::run()
{
    for (const QString& path : m_paths) {
        if (isCancelled())
            return false;
        QImageReader reader(path);
        const QSize full = reader.size();
        if (full.isValid())
            reader.setScaledSize(full.scaled(m_size, m_size, Qt::KeepAspectRatio));
        emit thumbnail(path, reader.read());
    }
    return true;
}

PanelTask::PanelTask(const utad::Sample& sample, const QString& cacheFile, std::shared_ptr<const utad::Model> model,
    std::shared_ptr<PanelMemoryCache> memory)
    : Task(tr("Panels"), CanCancel | Hidden), m_sample(sample), m_path(QString::fromStdString(sample.path)),
      m_cacheFile(cacheFile), m_model(std::move(model)), m_memory(std::move(memory))
{
}

bool PanelTask::run()
{
    try {
        const cv::Mat image = utad::readImage(m_sample);
        cv::Mat mask;
        try {
            mask = utad::readMask(m_sample, image.size());
        } catch (const std::exception& e) {
            emit failed(m_path, QString::fromLocal8Bit(e.what()));  // the image is still shown
        }
        if (isCancelled())
            return false;
        emit sourceReady(m_path, image, mask);
        if (auto cached = m_memory ? m_memory->read(m_cacheFile) : readCachedInference(m_cacheFile)) {
            emit inferenceReady(m_path, *cached, true);
            return true;
        }
        if (!m_model || isCancelled())
            return !isCancelled();
        const utad::Inference inference = m_model->infer(image);
        if (!m_cacheFile.isEmpty()) {
            writeCachedInference(m_cacheFile, inference);
            if (m_memory)
                m_memory->insert(m_cacheFile, inference);
        }
        if (isCancelled())
            return false;
        emit inferenceReady(m_path, inference, false);
    } catch (const std::exception& e) {
        emit failed(m_path, QString::fromLocal8Bit(e.what()));
    }
    return true;
}

}  // namespace utad::ui
