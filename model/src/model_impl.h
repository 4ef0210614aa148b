#pragma once
// The state behind utad::Model, shared by model.cpp (training, inference) and model_file.cpp.
#include "networks.h"
#include "utad/model.h"

#include <string>
#include <vector>

namespace utad {

inline constexpr int kModelFormatVersion = 1;

struct Model::Impl {
    ModelInfo info;
    bool trained = false;
    torch::Device device{torch::kCPU};
    nets::IENet ie{nullptr};          // IE-Net, or the whole baseline autoencoder
    nets::ExpertNet expert{nullptr};  // empty for the baseline

    // Builds fresh networks from info.config (weights initialised from config.seed).
    void build();
    void setEval();
    // CV_8UC1/3 (or CV_32F in [0, 1]) -> [N, C, S, S] float in [0, 1] on the device.
    torch::Tensor toBatch(const std::vector<cv::Mat>& images) const;
    torch::Tensor normalise(const torch::Tensor& x01) const;
    // Resized network input as CV_32F in [0, 1] with config.channels channels.
    cv::Mat prepare(const cv::Mat& image) const;
    // Full pipeline on prepared images; `sourceSizes` give the anomalyMap sizes.
    std::vector<Inference> run(const std::vector<cv::Mat>& prepared, const std::vector<cv::Size>& sourceSizes) const;
};

// Key=value text of everything in ModelInfo but the weights (model_file.cpp).
std::string infoToText(const ModelInfo& info);
ModelInfo infoFromText(const std::string& text, const std::string& path);

} // namespace utad
