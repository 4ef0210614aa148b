#include "ui/panelcache.h"

#include <QCoreApplication>
#include <QDataStream>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <algorithm>
#include <opencv2/imgproc.hpp>

namespace utad::ui {
namespace {

constexpr quint32 kMagic = 0x55544350;  // "UTCP"
constexpr quint32 kVersion = 2;  // 2: with the segmenter's probability

void writeMat(QDataStream& out, const cv::Mat& mat)
{
    const cv::Mat m = mat.isContinuous() ? mat : mat.clone();
    out << qint32(m.rows) << qint32(m.cols) << qint32(m.type());
    if (!m.empty())
        out.writeRawData(reinterpret_cast<const char*>(m.data), int(m.total() * m.elemSize()));
}

bool readMat(QDataStream& in, cv::Mat& mat)
{
    qint32 rows = 0, cols = 0, type = 0;
    in >> rows >> cols >> type;
    if (in.status() != QDataStream::Ok || rows < 0 || cols < 0 || rows > 65536 || cols > 65536)
        return false;
    if (rows == 0 || cols == 0) {
        mat = cv::Mat();
        return true;
    }
    mat.create(rows, cols, type);
    const int bytes = int(mat.total() * mat.elemSize());
    return in.readRawData(reinterpret_cast<char*>(mat.data), bytes) == bytes;
}

}  // namespace

bool writeCachedInference(const QString& file, const utad::Inference& inference, QString* error)
{
    QDir().mkpath(QFileInfo(file).absolutePath());
    QSaveFile out(file);
    if (!out.open(QIODevice::WriteOnly)) {
        if (error)
            *error = QCoreApplication::translate("utad::ui::PanelCache", "Cannot write %1: %2")
                         .arg(file, out.errorString());
        return false;
    }
    QDataStream stream(&out);
    stream.setVersion(QDataStream::Qt_6_0);
    stream << kMagic << kVersion << inference.score << qint32(inference.anomalyMap.cols)
           << qint32(inference.anomalyMap.rows);
    for (const cv::Mat* m : {&inference.input, &inference.impression, &inference.reconstruction,
             &inference.naiveImpression, &inference.residualImpression, &inference.residualReconstruction,
             &inference.residualNaive, &inference.segmentation, &inference.anomalyMapNet})
        writeMat(stream, *m);
    if (!out.commit()) {
        if (error)
            *error = QCoreApplication::translate("utad::ui::PanelCache", "Cannot write %1: %2")
                         .arg(file, out.errorString());
        return false;
    }
    return true;
}

std::optional<utad::Inference> readCachedInference(const QString& file)
{
    if (file.isEmpty())
        return std::nullopt;
    QFile in(file);
    if (!in.open(QIODevice::ReadOnly))
        return std::nullopt;
    QDataStream stream(&in);
    stream.setVersion(QDataStream::Qt_6_0);
    quint32 magic = 0, version = 0;
    qint32 width = 0, height = 0;
    utad::Inference inference;
    stream >> magic >> version >> inference.score >> width >> height;
    if (stream.status() != QDataStream::Ok || magic != kMagic || version != kVersion)
        return std::nullopt;
    for (cv::Mat* m : {&inference.input, &inference.impression, &inference.reconstruction, &inference.naiveImpression,
             &inference.residualImpression, &inference.residualReconstruction, &inference.residualNaive,
             &inference.segmentation, &inference.anomalyMapNet})
        if (!readMat(stream, *m))
            return std::nullopt;
    if (inference.anomalyMapNet.empty())
        return std::nullopt;
    if (width > 0 && height > 0)
        cv::resize(inference.anomalyMapNet, inference.anomalyMap, cv::Size(width, height), 0, 0, cv::INTER_LINEAR);
    else
        inference.anomalyMap = inference.anomalyMapNet.clone();
    return inference;
}

PanelMemoryCache::PanelMemoryCache(int capacity) : m_capacity(std::max(1, capacity)) {}

std::optional<utad::Inference> PanelMemoryCache::read(const QString& file)
{
    if (file.isEmpty())
        return std::nullopt;
    {
        QMutexLocker locker(&m_mutex);
        for (auto it = m_entries.begin(); it != m_entries.end(); ++it)
            if (it->first == file) {
                m_entries.splice(m_entries.begin(), m_entries, it);
                return m_entries.front().second;
            }
        ++m_fileReads;
    }
    std::optional<utad::Inference> inference = readCachedInference(file);  // outside the lock: disk
    if (inference)
        insert(file, *inference);
    return inference;
}

void PanelMemoryCache::insert(const QString& file, const utad::Inference& inference)
{
    QMutexLocker locker(&m_mutex);
    m_entries.remove_if([&](const auto& entry) { return entry.first == file; });
    m_entries.emplace_front(file, inference);
    while (int(m_entries.size()) > m_capacity)
        m_entries.pop_back();
}

void PanelMemoryCache::clear()
{
    QMutexLocker locker(&m_mutex);
    m_entries.clear();
}

int PanelMemoryCache::size() const
{
    QMutexLocker locker(&m_mutex);
    return int(m_entries.size());
}

int PanelMemoryCache::fileReads() const
{
    QMutexLocker locker(&m_mutex);
    return m_fileReads;
}

}  // namespace utad::ui
