#pragma once
// The two-stage detector (IE-Net + Expert-Net) and the one-stage autoencoder baseline.
// This header deliberately includes no LibTorch: the workbench includes it from Qt code.
#include "utad/dataset.h"

#include <opencv2/core.hpp>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace utad {

enum class Method { TwoStage, Autoencoder };  // "utad" and "ae" on the command line

// Every size the networks are built from; stored in the model file so a model rebuilds itself.
struct ModelConfig {
    Method method = Method::TwoStage;
    std::string preset = "cpu";   // "cpu" or "paper"
    int imageSize = 64;           // square network input
    int channels = 1;             // 1 grey, 3 colour
    int ieWidth = 16;             // IE-Net base width (inception block output channels at full res)
    int latentDim = 64;           // IE-Net Gaussian latent
    int expertWidth = 16;         // Expert-Net content encoder base width
    int detailDim = 8;            // Expert-Net detail code length
    int naiveSamples = 4;         // K naive impressions sampled per image
    int epochs = 30;              // IE-Net epochs (Expert-Net gets its own share of the budget)
    int batchSize = 16;
    double learningRate = 1e-3;
    double klWeight = 0.1;
    std::uint64_t seed = 1;
    int threads = 0;              // 0: all cores
    bool augment = true;
    int expertEpochs = 30;        // Expert-Net epochs
    bool augmentFlips = true;     // flips in the augmentation (off for parts with a fixed orientation)
    // Scoring. r(a, b) is 1 - SSIM (11x11 Gaussian, sigma 1.5) or the squared difference.
    bool ssimResidual = true;
    // How residual maps make the anomaly map: "utad" (r(x,x_hat) + r(x,naive) - var(naive) -
    // r(x_hat,m)), "recon" (r(x,x_hat)), "recon+naive" (r(x,x_hat) + r(m,naive)), "impression" (r(x,m)).
    // The autoencoder baseline always uses r(x, reconstruction).
    std::string anomalyCombination = "recon+naive";
    double smoothSigma = 2.0;     // Gaussian smoothing of the map, in network pixels
    double scoreTopFraction = 0;  // image score: 0 = maximum of the map, else mean of the top fraction
};

// Defaults for a preset ("cpu" or "paper") and method. Throws utad::Error for an unknown preset.
ModelConfig presetConfig(const std::string& preset, Method method = Method::TwoStage);
Method methodFromString(const std::string& name);  // "utad" | "ae"; throws utad::Error
std::string methodName(Method method);

inline constexpr const char* kAnomalyCombinations[] = {"utad", "recon", "recon+naive", "impression"};

// ModelConfig fields by the names the model file uses ("batchSize", "klWeight", "smoothSigma", ...),
// for `utad train --set NAME=VALUE` and `utad eval --set`. Unknown names and malformed values throw
// utad::Error. Scoring fields change only how maps and scores are made, not the networks.
std::vector<std::string> configFieldNames();
bool isScoringField(const std::string& name);
std::string configValue(const ModelConfig& config, const std::string& name);
void setConfigValue(ModelConfig& config, const std::string& name, const std::string& value);

// Score statistics on anomaly-free images, so a threshold can be proposed before any defect is seen.
struct Calibration {
    std::vector<double> goodScores;  // image scores of held-back training images
    double mean = 0, stddev = 0;
    double maxPixel = 0;             // high quantile (99.9 %) of good-image map values: pixel threshold hint
};

struct TrainingSummary {
    std::string dataRoot;
    int imageCount = 0;
    int sourceWidth = 0, sourceHeight = 0;  // typical (median) source image size
    double seconds = 0;
    int epochsDone = 0;
};

// Per-pixel normalisation applied before the networks.
struct Normalization {
    double mean = 0.5, stddev = 0.5;
};

struct ModelInfo {
    int formatVersion = 0;
    ModelConfig config;
    Normalization normalization;
    Calibration calibration;
    TrainingSummary training;
};

// Everything one image yields. Images are CV_32F in [0, 1] (grey: 1 channel, colour: 3 BGR) at the
// network resolution; maps are CV_32F, >= 0.
struct Inference {
    cv::Mat input;            // the network's input (resized)
    cv::Mat impression;       // IE-Net output m (for "ae": the reconstruction)
    cv::Mat reconstruction;   // Expert-Net output x_hat (for "ae": the reconstruction)
    cv::Mat naiveImpression;  // mean of the K naive impressions (for "ae": empty)
    cv::Mat residualImpression;      // r(input, impression)
    cv::Mat residualReconstruction;  // r(input, reconstruction)
    cv::Mat residualNaive;           // r(impression, naive impression)
    cv::Mat anomalyMapNet;    // anomaly map at network resolution, smoothed
    cv::Mat anomalyMap;       // the same, resized to the source image size
    double score = 0;         // image score from the smoothed map
};

struct TrainProgress {
    std::string stage;        // "IE-Net", "Expert-Net", "Autoencoder", "Calibration"
    int epoch = 0, epochs = 0;          // within the current stage
    double fraction = 0;      // of the whole run, 0..1
    double loss = 0;          // mean loss of the last epoch
    double elapsedSeconds = 0, etaSeconds = 0;
};

struct TrainCallbacks {
    std::function<void(const TrainProgress&)> onProgress;   // after each epoch
    // Called after each epoch with the inference of a fixed training image; may be empty.
    std::function<void(const Inference&)> onPreview;
    // Polled between batches; returning true stops training after restoring the last complete epoch.
    std::function<bool()> isCancelled;
    std::function<void(const std::string&)> onLog;
};

class Model {
public:
    ~Model();
    Model(const Model&) = delete;
    Model& operator=(const Model&) = delete;

    static std::unique_ptr<Model> create(const ModelConfig& config);
    // Throws utad::Error for a missing, truncated, foreign or newer-version file.
    static std::unique_ptr<Model> load(const std::string& path);
    // Written atomically (temporary file then rename).
    void save(const std::string& path) const;

    // Trains on `dataset.train`. Returns false when cancelled (the model then holds the last complete
    // epoch and is usable). Throws utad::Error when there are no readable training images.
    bool train(const Dataset& dataset, const TrainCallbacks& callbacks = {});

    // Thread-safe for concurrent const calls. `image` is CV_8UC1/CV_8UC3 as readImage returns it.
    Inference infer(const cv::Mat& image) const;
    std::vector<Inference> inferBatch(const std::vector<cv::Mat>& images) const;

    const ModelInfo& info() const;
    bool trained() const;
    // Changes one scoring field (see isScoringField) of a loaded model. The calibration was measured
    // with the old scoring, so it is cleared (no proposed threshold until the model is retrained).
    // Throws utad::Error for a field that is not a scoring field or a bad value.
    void setScoringValue(const std::string& name, const std::string& value);
    std::string deviceName() const;  // "cpu" or "cuda"

private:
    Model();
    struct Impl;
    std::unique_ptr<Impl> d;
};

// Sets LibTorch's intra-op thread count; 0 means every core. Returns the count in effect.
int setThreads(int threads);
// Measured peak of a large matrix product on this machine, GFLOP/s (for benchmarks).
double measureMatmulGflops(int n = 1024);

} // namespace utad
