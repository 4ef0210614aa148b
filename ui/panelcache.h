#pragma once
// Disk cache of one image's inference, so a reopened project shows its panels without the model.
// One small binary file per image (network-resolution images and maps plus the source size). The
// window keeps only the last few in memory (PanelMemoryCache), so its memory does not grow with
// the number of images scored.
#include "utad/model.h"

#include <QMutex>
#include <QString>
#include <list>
#include <optional>
#include <utility>

namespace utad::ui {

// Written atomically (QSaveFile). Returns false and fills `error` on failure.
bool writeCachedInference(const QString& file, const utad::Inference& inference, QString* error = nullptr);
// Returns nothing when the file is missing, truncated or foreign. anomalyMap is restored at the
// source size it was computed for.
std::optional<utad::Inference> readCachedInference(const QString& file);

// The inferences of the most recently shown images, by cache file, least recently used dropped
// first. Stepping back and forth through the list reads no file twice. Safe to use from the panel
// jobs' threads.
class PanelMemoryCache {
public:
    static constexpr int kDefaultCapacity = 8;  // about 10 MB at the cpu preset
    explicit PanelMemoryCache(int capacity = kDefaultCapacity);

    // From memory, else from the file (remembered); nothing when neither has it.
    std::optional<utad::Inference> read(const QString& file);
    void insert(const QString& file, const utad::Inference& inference);
    void clear();
    int size() const;
    int capacity() const { return m_capacity; }
    int fileReads() const;  // files read so far (for tests)

private:
    mutable QMutex m_mutex;
    std::list<std::pair<QString, utad::Inference>> m_entries;  // most recently used first
    int m_capacity;
    int m_fileReads = 0;
};

}  // namespace utad::ui
