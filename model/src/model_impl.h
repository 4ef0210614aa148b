#pragma once
// The state behind utad::Model, shared by model.cpp (inference), training.cpp and model_file.cpp.
#include "utad/model.h"
#include "utad/tiling.h"

#include "networks.h"

#include <functional>
#include <random>
#include <string>
#include <utility>
#include <vector>

namespace utad {

inline constexpr int kModelFormatVersion = 2;

// An Expert-Net step costs about this many IE-Net steps at the cpu preset's sizes (docs/BENCHMARKS.md):
// the baseline gets the two-stage method's whole budget in its own steps, and the ETA starts from it.
inline constexpr double kExpertStepCost = 4.0;
// A segmenter step costs about this many IE-Net steps (measured on battery-weld, docs/BENCHMARKS.md):
// the ETA's estimate until the segmenter has run a round.
inline constexpr double kSegmenterStepCost = 1.6;

// One tile cut from a working image, with its place for the position channels.
struct Tile {
    cv::Mat pixels;  // tileSize x tileSize, CV_32F, config.channels channels, [0, 1]
    cv::Point origin;  // top-left corner in the (padded) working image
    cv::Size imageSize;  // the working image the tile came from
    bool flipX = false, flipY = false;  // augmentation flipped the pixels (and so their places)
};

struct Model::Impl {
    ModelInfo info;
    bool trained = false;
    torch::Device device{torch::kCPU};
    nets::IENet ie{nullptr};  // IE-Net, or the whole baseline autoencoder
    nets::ExpertNet expert{nullptr};  // empty for the baseline
    nets::DefectSegmenter segmenter{nullptr};  // empty unless config.segmenterSteps > 0

    // Builds fresh networks from info.config (weights initialised from config.seed) on `choice`.
    void build(Device choice);
    void setEval();
    // The image at working resolution: CV_32F in [0, 1] with config.channels channels (whole-image
    // mode: tileSize x tileSize).
    cv::Mat workingImage(const cv::Mat& image) const;
    TileGrid grid(cv::Size working) const;
    // Tiles -> [N, C, T, T] float in [0, 1] on the device.
    torch::Tensor pixels(const std::vector<Tile>& tiles) const;
    // The IE-Net's input for tiles: normalised pixels, plus the position channels when configured.
    torch::Tensor ieInput(const std::vector<Tile>& tiles, const torch::Tensor& x01) const;
    torch::Tensor normalise(const torch::Tensor& x01) const;
    // The segmenter's input: tiles or windows x with their impression m, reconstruction x_hat and naive
    // impression, all in [0, 1], and |x - x_hat| and |m - naive|.
    torch::Tensor segmenterViews(
        const torch::Tensor& x01, const torch::Tensor& m, const torch::Tensor& xhat, const torch::Tensor& naive) const;
    // Builds the segmenter when config.segmenterSteps asks for one and there is none yet.
    void buildSegmenter();
    // The segmenter's defect probability over a whole working image, from its stitched views (CV_32F,
    // the image's size). It runs in windows of at most `core` pixels a side, each read with `margin`
    // pixels of context around it, so that memory stays bounded on large images.
    cv::Mat segment(const Inference& stitched, int core = 256, int margin = 32) const;
    // Full pipeline on working images; `sourceSizes` give the anomalyMap sizes.
    std::vector<Inference> run(const std::vector<cv::Mat>& working, const std::vector<cv::Size>& sourceSizes) const;

    // run() on working images a few at a time, so that memory stays bounded however many there are.
    // The map standardised by Calibration::mapMean and mapStddev where the model has them.
    cv::Mat standardised(const cv::Mat& map) const;
    void forEachInference(const std::vector<cv::Mat>& images, const std::function<void(const Inference&)>& use) const;

    using Log = std::function<void(const std::string&)>;
    // Every readable training image of `dataset` at working resolution, in the dataset's order (with
    // the source sizes when asked); unreadable ones are logged and skipped. Throws when none is left.
    std::vector<cv::Mat> readTrainingImages(const Dataset& dataset, const Log& log, std::vector<int>* widths = nullptr,
        std::vector<int>* heights = nullptr) const;
    // Calibration on held-back good working images (calibration.cpp): resolves "auto" scoring
    // settings (anomaly map combination, reconstruction residual) with chooseScoring, then scores the
    // images. Throws on failure (out of memory).
    // `trainedOn` (the images trained on) give the per-pixel map statistics of standardiseMap.
    Calibration calibrate(const std::vector<cv::Mat>& trainedOn, const std::vector<cv::Mat>& held, const Log& log);
    // Per-pixel mean and standard deviation of the plain maps of `images` (at most 1,000 of them).
    std::pair<cv::Mat, cv::Mat> mapStatistics(const std::vector<cv::Mat>& images, const Log& log) const;
    ModelConfig chooseScoring(const std::vector<cv::Mat>& held, const Log& log) const;
    // The held-back images, and those of them with one painted defect of each kind (with its mask),
    // as many as keep `mapsPerImage` maps of each in bounded memory; the same for the same seed.
    struct PaintedSet {
        std::vector<cv::Mat> clean, painted, masks;
    };
    PaintedSet paintedSet(const std::vector<cv::Mat>& held, size_t mapsPerImage) const;
};

// The training images split into those trained on and those held back for calibration, drawn from
// `rng` (training's own generator, so that a seed gives the same split and the same training).
std::pair<std::vector<cv::Mat>, std::vector<cv::Mat>> splitHeldBack(
    const std::vector<cv::Mat>& images, std::mt19937_64& rng);

// Throws utad::Error for sizes and settings a model cannot be built or run with.
void checkConfig(const ModelConfig& config);
// Key=value text of everything in ModelInfo but the weights (model_file.cpp).
std::string infoToText(const ModelInfo& info);
ModelInfo infoFromText(const std::string& text, const std::string& path);

}  // namespace utad
