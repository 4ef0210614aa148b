#pragma once
// Model types that travel through queued signals from worker threads to the GUI thread.
#include "utad/evaluation.h"
#include "utad/model.h"

#include <QMetaType>

Q_DECLARE_METATYPE(utad::Inference)
Q_DECLARE_METATYPE(utad::TrainProgress)
Q_DECLARE_METATYPE(utad::ImageResult)
Q_DECLARE_METATYPE(utad::Sample)
Q_DECLARE_METATYPE(cv::Mat)

namespace utad::ui {
void registerMetaTypes();  // idempotent; called by every class that emits these across threads
}  // namespace utad::ui
