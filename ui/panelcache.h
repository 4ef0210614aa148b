#pragma once
// Disk cache of one image's inference, so a reopened project shows its panels without the model.
// One small binary file per image (network-resolution images and maps plus the source size).
#include "utad/model.h"

#include <QString>
#include <optional>

namespace utad::ui {

// Written atomically (QSaveFile). Returns false and fills `error` on failure.
bool writeCachedInference(const QString& file, const utad::Inference& inference, QString* error = nullptr);
// Returns nothing when the file is missing, truncated or foreign. anomalyMap is restored at the
// source size it was computed for.
std::optional<utad::Inference> readCachedInference(const QString& file);

}  // namespace utad::ui
