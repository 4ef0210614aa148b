#pragma once
// The two-stage detector (IE-Net + Expert-Net) and the one-stage autoencoder baseline.
// This header deliberately includes no LibTorch: the workbench includes it from Qt code.
#include "utad/dataset.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <opencv2/core.hpp>
#include <string>
#include <vector>

namespace utad {

enum class Method { TwoStage, Autoencoder };  // "utad" and "ae" on the command line

// Where the networks run. Auto picks CUDA when the LibTorch this was built against has it.
enum class Device { Auto, Cpu, Cuda };
Device deviceFromString(const std::string& name);  // "auto" | "cpu" | "cuda"; throws utad::Error

// Every size the networks are built from and how they are trained; stored in the model file so a
// model rebuilds itself.
//
// Geometry: with workingScale > 0 an image keeps its aspect ratio, is resized by workingScale (the
// working resolution) and is cut into overlapping tileSize x tileSize tiles whose maps are blended
// back and resized to the source size; training draws random tiles. With workingScale == 0 (whole-
// image mode, for small images such as Fashion-MNIST) the whole image is resized to tileSize x tileSize.
struct ModelConfig {
    Method method = Method::TwoStage;
    std::string preset = "cpu";  // "cpu" or "paper"
    int tileSize = 64;  // square network input, a multiple of 32
    double workingScale = 0.5;  // source pixels -> working pixels; 0: whole-image mode
    double tileOverlap = 0.5;  // fraction of a tile shared with its neighbour (inference only)
    bool positionChannels = true;  // feed the tile's place in the image (two coordinate channels)
    int channels = 1;  // 1 grey, 3 colour
    int ieWidth = 16;  // IE-Net base width (inception block output channels at full res)
    int latentDim = 64;  // IE-Net Gaussian latent
    int expertWidth = 16;  // Expert-Net content encoder base width
    int detailDim = 8;  // Expert-Net detail code length
    // K naive impressions per tile from random detail codes, or 0: one, from the detail prior's mean
    // (the zero code). Inference only.
    int naiveSamples = 4;
    int ieSteps = 2000;  // IE-Net optimizer steps (or the baseline's)
    int expertSteps = 2000;  // Expert-Net optimizer steps
    int batchSize = 16;
    double learningRate = 1e-3;
    double klWeight = 0.1;
    double ssimLossWeight = 0;  // adds weight x (1 - SSIM) to the L2 loss of the IE-Net / baseline
    // Denoising IE-Net: in training, smooth noise of this standard deviation (in [0, 1] pixel units,
    // drawn on a grid of ieNoiseCells x ieNoiseCells per tile and upsampled) is added to the IE-Net's
    // input while its target stays the clean tile, so it learns to remove blotches it has never seen
    // in good parts instead of copying them. 0: off (the paper's plain reconstruction).
    double ieNoise = 0;
    int ieNoiseCells = 8;
    // IE-Net skip connections, from the deepest: 1 at 1/16 of the tile, 2 also at 1/8, 3 also at 1/4
    // (never at full resolution). With ieNoise, the impression follows the part's own outline
    // instead of an average part; shallow skips also pass fine detail, a thin crack among it.
    int ieSkipLevels = 0;
    // The epsilon of the Expert-Net's instance, adaptive-instance and layer norms. With the usual
    // 1e-5 a nearly flat tile of the smooth impression has its faint structure stretched to full
    // contrast, and the decoder draws bright bubbles on flat parts of the reconstruction.
    double expertNormEpsilon = 1e-5;
    // Adversarial terms of the Expert-Net (MUNIT): the weight of the LSGAN generator loss against a
    // multi-scale discriminator per domain, which sees real tiles against the translations with
    // random detail codes. The discriminators only exist while training. 0: off.
    double ganWeight = 0;
    // Defect segmenter, a third stage (DRAEM, Zavrtanik et al. 2021): a small U-Net that reads each
    // tile with its impression, reconstruction and naive impression, trained for this many steps on
    // defects pasted into good training tiles (segmenterMap says how its defect probability enters
    // the anomaly map). 0: none. segmenterWidth: its channels at full resolution.
    int segmenterSteps = 0;
    int segmenterWidth = 16;
    std::uint64_t seed = 1;
    bool augment = true;
    bool augmentFlips = true;  // flips in the augmentation (off for parts with a fixed orientation)
    // Tiled training: each tile is cut at a random angle of up to +-augmentRotation degrees and a
    // random scale within 1 / (1 + augmentScale) .. 1 + augmentScale, so that outlines at angles
    // and sizes the few training parts lack are seen too. 0: off (files saved before them).
    double augmentRotation = 0;
    double augmentScale = 0;
    // Scoring. r(a, b) is 1 - SSIM (11x11 Gaussian, sigma 1.5) or the squared difference.
    bool ssimResidual = true;
    // SSIM's luminance term. Off, r(a, b) = 1 - (SSIM's contrast-structure term) + |local mean(a) -
    // local mean(b)|: near black the luminance term calls a background of 0 against 0.02 a total
    // mismatch (SSIM 0.2), which lights up dark backgrounds. The presets turn it off (measured,
    // docs/BENCHMARKS.md); on here so that files without the key score as they always did.
    bool ssimLuminance = true;
    // How residual maps make the anomaly map: "utad" (r(x,x_hat) + r(x,naive) - var(naive) -
    // r(x_hat,m)), "recon" (r(x,x_hat)), "recon+naive" (r(x,x_hat) + r(m,naive)),
    // "recon*naive" (sqrt(r(x,x_hat) r(m,naive))), "impression" (r(x,m)), or "auto": calibration
    // chooses "recon+naive" or "recon*naive" by which finds defects painted into the held-back good
    // images better, and stores its choice (until then "auto" scores as "recon+naive").
    // The autoencoder baseline always uses r(x, reconstruction).
    std::string anomalyCombination = "auto";
    // r(x, x_hat), for both methods: "ssim" (r above) or "ssim+gradient" ((r + a multi-scale
    // gradient magnitude residual + |local mean difference|) / 2, which marks thin cracks and torn
    // edges on fine textures better), or "auto": calibration chooses with the anomaly map. "ssim" here
    // for files without the key; the presets say "auto".
    std::string reconstructionResidual = "ssim";
    // r(x, x_hat) is the least over x_hat shifted by up to this many working pixels each way: an
    // outline drawn a pixel off is not a defect, while a defect has nothing like it nearby. 0 here
    // for files without the key; the presets say 1.
    int residualShift = 0;
    // With a segmenter: "product" makes the map the geometric mean of the residual map above and the
    // segmenter's probability (a place must differ from the reconstruction and look like a defect),
    // "alone" the probability alone, "off" ignores it. "off" for files without the key.
    std::string segmenterMap = "off";
    double smoothSigma = 2.0;  // Gaussian smoothing of the map, in working pixels
    // Image score: 0 = maximum of the map, else the mean of its top fraction (presets: 2 %, whole
    // images: all of it); 0 here for files without the key.
    double scoreTopFraction = 0;
    // Whole images: the anomaly map is standardised per pixel, (map - mean) / (spread + 0.1 x its
    // mean), by good images' maps at calibration (Calibration::mapMean), so that a place where good
    // parts differ from their reconstruction anyway counts less than one where they never do. Tiled
    // images are not aligned, so it applies to whole images only. false for files without the key;
    // the whole-image preset says true.
    bool standardiseMap = false;

    bool wholeImage() const { return workingScale <= 0; }
    // A third stage after the two; the baseline (one autoencoder) has none.
    bool hasSegmenter() const { return method == Method::TwoStage && segmenterSteps > 0; }
};

// Defaults for a preset ("cpu" or "paper") and method. Throws utad::Error for an unknown preset.
ModelConfig presetConfig(const std::string& preset, Method method = Method::TwoStage);
// The configuration to train on `dataset`: the preset, with channels and geometry chosen from the
// data (whole-image mode for small images such as IDX records, tiles at a working scale otherwise).
// The command line and the workbench both start from this. Throws utad::Error for an unknown preset.
ModelConfig configForDataset(const Dataset& dataset, const std::string& preset, Method method = Method::TwoStage);
// Steps of the stages that train before `stage` ("IE-Net", "Expert-Net", "Segmenter"), so that a
// curve over the whole run continues where the last stage's ended.
int stepsBeforeStage(const ModelConfig& config, const std::string& stage);
Method methodFromString(const std::string& name);  // "utad" | "ae"; throws utad::Error
std::string methodName(Method method);

inline constexpr const char* kAnomalyCombinations[]
    = {"auto", "utad", "recon", "recon+naive", "recon*naive", "impression"};
inline constexpr const char* kReconstructionResiduals[] = {"auto", "ssim", "ssim+gradient"};
inline constexpr const char* kSegmenterMaps[] = {"off", "product", "alone"};

// How the anomaly map is made, for people: "recon*naive, ssim+gradient ±1 px" (the baseline: "recon,
// ..."; the shift only where there is one; ", standardised" for a standardised whole-image map).
std::string anomalyMapName(const ModelConfig& config);

// ModelConfig fields by the names the model file uses ("batchSize", "klWeight", "smoothSigma", ...),
// for `utad train --set NAME=VALUE` and `utad eval --set`. Unknown names and malformed values throw
// utad::Error. Scoring fields change only how maps and scores are made, not the networks.
std::vector<std::string> configFieldNames();
bool isScoringField(const std::string& name);
std::string scoringFieldList();  // "a, b or c", for help and error messages
// A setting a model file may lack: a scoring setting, or one added after the file format was fixed
// whose default is what earlier files were made with. Such a file loads with its default.
bool isOptionalField(const std::string& name);
std::string configValue(const ModelConfig& config, const std::string& name);
void setConfigValue(ModelConfig& config, const std::string& name, const std::string& value);

// Score statistics on anomaly-free images, so a threshold can be proposed before any defect is seen.
struct Calibration {
    std::vector<double> goodScores;  // image scores of held-back training images
    // Image scores of the same images with one painted defect each (of each kind); empty in files
    // made before these were measured.
    std::vector<double> paintedScores;
    double mean = 0, stddev = 0;
    double maxPixel = 0;  // high quantile (99.9 %) of good-image map values: pixel threshold hint
    // ModelConfig::standardiseMap: the per-pixel mean and standard deviation (CV_32F, the working
    // size) of the maps of good training images not held back; empty otherwise.
    cv::Mat mapMean, mapStddev;
};

struct TrainingSummary {
    std::string dataRoot;
    int imageCount = 0;
    int sourceWidth = 0, sourceHeight = 0;  // typical (median) source image size
    double seconds = 0;
    int ieStepsDone = 0;  // optimizer steps done (IE-Net, or the baseline)
    int expertStepsDone = 0;  // Expert-Net optimizer steps done
    int segmenterStepsDone = 0;  // defect segmenter optimizer steps done
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
// working resolution (tiles stitched; whole-image mode: tileSize x tileSize); maps are CV_32F, >= 0.
struct Inference {
    cv::Mat input;  // the input at working resolution
    cv::Mat impression;  // IE-Net output m (for "ae": the reconstruction)
    cv::Mat reconstruction;  // Expert-Net output x_hat (for "ae": the reconstruction)
    cv::Mat naiveImpression;  // mean of the K naive impressions (for "ae": empty)
    cv::Mat residualImpression;  // r(input, impression)
    cv::Mat residualReconstruction;  // r(input, reconstruction)
    cv::Mat residualNaive;  // r(impression, naive impression)
    // The defect segmenter's probability; empty without a trained one, or with segmenterMap "off".
    cv::Mat segmentation;
    cv::Mat anomalyMapNet;  // anomaly map at working resolution, smoothed
    cv::Mat anomalyMap;  // the same, resized to the source image size
    double score = 0;  // image score from the smoothed map
};

// Training reports in rounds of optimizer steps (kStepsPerRound, fewer at the end of a stage).
inline constexpr int kStepsPerRound = 50;

struct TrainProgress {
    std::string stage;  // "IE-Net", "Expert-Net", "Segmenter", "Autoencoder"; "Calibration" once at the end
    int step = 0, steps = 0;  // optimizer steps within the current stage
    double fraction = 0;  // of the whole run, 0..1
    double loss = 0;  // mean loss over the last round (0 for "Calibration": not a loss point)
    double elapsedSeconds = 0, etaSeconds = 0;
};

struct TrainCallbacks {
    std::function<void(const TrainProgress&)> onProgress;  // after each round
    // Called after each round with the inference of a fixed training image; may be empty.
    std::function<void(const Inference&)> onPreview;
    // Polled between steps; returning true stops training after restoring the last complete round.
    std::function<bool()> isCancelled;
    std::function<void(const std::string&)> onLog;
    // Called once the networks are trained, before calibration: a caller can save them so that a
    // failure in calibration never loses a training run.
    std::function<void()> onTrained;
};

class Model {
public:
    ~Model();
    Model(const Model&) = delete;
    Model& operator=(const Model&) = delete;

    // Neither changes LibTorch's thread count: that is the program's choice (setThreads).
    // Throws utad::Error for invalid sizes, or Device::Cuda without CUDA.
    static std::unique_ptr<Model> create(const ModelConfig& config, Device device = Device::Auto);
    // Throws utad::Error for a missing, truncated, foreign, older- or newer-version file.
    static std::unique_ptr<Model> load(const std::string& path, Device device = Device::Auto);
    // Written atomically (temporary file then rename).
    void save(const std::string& path) const;

    // Trains on `dataset.train`. Returns false when cancelled (the model then holds the last complete
    // round; see complete()). Throws utad::Error when there are no readable training images.
    bool train(const Dataset& dataset, const TrainCallbacks& callbacks = {});

    // Thread-safe for concurrent const calls. `image` is CV_8UC1/CV_8UC3 as readImage returns it.
    Inference infer(const cv::Mat& image) const;
    std::vector<Inference> inferBatch(const std::vector<cv::Mat>& images) const;

    const ModelInfo& info() const;
    // Every network has had at least one optimizer step (the baseline: its one network).
    bool trained() const;
    // Every stage ran all its configured steps.
    bool complete() const;
    // Measures the calibration again on the good training images of `dataset` that training held
    // back (the same ones when it is the dataset the model was trained on), choosing the anomaly map
    // combination first when it is "auto": after a scoring change, a model proposes thresholds again
    // without retraining. Not concurrent with other calls. Throws utad::Error for an untrained model
    // or no readable training images.
    void calibrate(const Dataset& dataset, const std::function<void(const std::string&)>& log = {});
    // Changes one scoring field (see isScoringField) of a loaded model. The calibration was measured
    // with the old scoring, so it is cleared (no proposed threshold until calibrate or retraining).
    // Throws utad::Error for a field that is not a scoring field or a bad value.
    void setScoringValue(const std::string& name, const std::string& value);
    std::string deviceName() const;  // "cpu" or "cuda"
    // Gives a trained two-stage model a defect segmenter of `steps` steps, which train() then trains
    // alone, keeping the two stages as they are; a segmenter it had is replaced. Throws utad::Error
    // for the baseline, an untrained model or bad sizes.
    void addSegmenter(int steps, int width = 16);

private:
    Model();
    struct Impl;
    std::unique_ptr<Impl> d;
};

// Sets LibTorch's intra-op thread count; 0 means every core. Returns the count in effect. Only the
// programs call this, once at start and when the user changes the preference.
int setThreads(int threads);
// Mean SSIM (11x11 Gaussian window, sigma 1.5, on grey) of two CV_32F images in [0, 1] of one size.
double meanSsim(const cv::Mat& a, const cv::Mat& b);
// Measured peak of a large matrix product on this machine, GFLOP/s (for benchmarks).
double measureMatmulGflops(int n = 1024);

}  // namespace utad
