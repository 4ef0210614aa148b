#pragma once
// Scoring a whole dataset with a model: what `utad eval` prints and the workbench shows.
#include "utad/atomic_file.h"
#include "utad/dataset.h"
#include "utad/metrics.h"
#include "utad/model.h"

#include <cstdint>
#include <functional>
#include <limits>
#include <map>
#include <string>
#include <vector>

namespace utad {

struct ImageResult {
    std::string path;
    Label label = Label::Unknown;
    std::string defectType;
    double score = 0;
    std::string error;  // non-empty when the image could not be read (it is then skipped in metrics)
    std::size_t index = 0;  // position in the dataset's test list (shards keep the whole run's order)
};

inline constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
// The key of the good images' pixels in EvalReport::pixelsByType (a test folder's name cannot be empty).
inline constexpr const char* kGoodPixels = "";

// How faithful the reconstruction is on the good test images (working resolution): mean SSIM of the
// input with the Expert-Net reconstruction x_hat and with the impression m. The sums are kept in
// fixed point (units of 2^-32), so shards add up to exactly the sums of one run.
struct Fidelity {
    static constexpr int kFractionBits = 32;
    int images = 0;
    std::int64_t sumReconstruction = 0, sumImpression = 0;  // SSIM(x, x_hat) and SSIM(x, m)
    int reconstructionCloser = 0;  // images with SSIM(x, x_hat) > SSIM(x, m)
    void add(double ssimReconstruction, double ssimImpression);
    void add(const Fidelity& other);
    double meanReconstruction() const;  // NaN without images
    double meanImpression() const;
};

// How one kind of defect is found: its images against all the good ones. A data set's overall
// figure can hide a kind the model misses, so the figures are given per kind as well.
struct DefectTypeFigures {
    std::string type;  // the test folder's name (MVTec AD layout), e.g. "crack"
    int images = 0;
    double imageAuroc = kNaN;  // NaN without good images
    int foundAtF1 = 0;  // of `images`, flagged at the F1-max threshold of the whole set
    // The pixels of its images and of the good images: NaN without masks, and for scores read back
    // without their pixel histograms (a project, or shards of an older version).
    double pixelAuroc = kNaN, aupro = kNaN;
};

struct EvalMetrics {
    double imageAuroc = kNaN;
    double pixelAuroc = kNaN;  // NaN without masks
    double aupro = kNaN;
    F1Max f1;
    // Pixel metrics are streamed through PixelMetrics: these bound their binning error.
    double pixelAurocMaxError = kNaN, auproMaxError = kNaN;
    F1Max pixelF1;
    double msPerImage = 0;  // inference time per scored image
    double seconds = 0;  // wall time of the whole scoring, reading included
    int images = 0, skipped = 0;
    Fidelity fidelity;
    std::vector<DefectTypeFigures> byDefectType;  // sorted by type; empty without labelled defects
    double imagesPerSecond() const { return seconds > 0 ? images / seconds : kNaN; }
};

// One part of a dataset split over several runs: K of N (1 <= K <= N). Every image belongs to one
// shard, chosen by a hash of its path relative to the dataset root, so every run of the same
// dataset splits it the same way whatever the order of the files or the machine.
struct Shard {
    int index = 1, count = 1;
    bool whole() const { return count == 1; }
    std::string text() const { return std::to_string(index) + "/" + std::to_string(count); }
};
Shard parseShard(const std::string& text);  // "K/N"; throws utad::Error with the expected form
// The part of `path` that decides its shard: relative to `root` when inside it, with '/' separators;
// for IDX records the file name and record number.
std::string shardKey(const std::string& path, const std::string& root);
bool inShard(const std::string& key, const Shard& shard);

struct EvalCallbacks {
    std::function<void(int done, int total)> onProgress;
    std::function<bool()> isCancelled;
    // Called for every scored image with its full inference (e.g. to write the four PNGs).
    std::function<void(const Sample&, const Inference&)> onImage;
};

struct EvalReport {
    EvalMetrics metrics;
    std::vector<ImageResult> results;
    bool cancelled = false;
    double proposedThreshold = kNaN;  // the model's calibration threshold (proposedThreshold below)
    Confusion atProposed;  // image decisions at that threshold (labelled images only)
    double proposedPixelThreshold = kNaN;  // the model's region threshold (proposedPixelThreshold below)
    PixelMetrics::Rates pixelsAtProposed;  // pixels at that map value (with masks only)
    std::string datasetRoot;
    std::string method;  // methodName of the model
    std::vector<std::string> warnings;  // e.g. unreadable masks (the image is then left out of pixel metrics)
    PixelMetrics pixels;  // the pixel metrics' accumulator: all of pixelsByType's pixels together
    // The same pixels by the images they come from: the good images' under kGoodPixels, each kind of
    // defect's under its name; for each kind's pixel figures. Empty without masks.
    std::map<std::string, PixelMetrics> pixelsByType;
    bool pixelsByTypeKept = true;  // false after merging a shard that had no pixelsByType (older version)
    Shard shard;  // the part of the dataset scored
    int datasetImages = 0;  // test images of the whole dataset (every shard)
};

// The image-score threshold a model proposes before any defect is seen: the balancedThreshold
// between the scores of its held-back anomaly-free images and of the same images with painted
// defects, a false alarm weighing kFalseAlarmWeight missed defects. Where the calibration has no
// painted scores (files made before they were measured) or they do not separate, the 99th
// percentile of the good scores (NaN when it has none).
inline constexpr double kProposedFpr = 0.01;
inline constexpr double kFalseAlarmWeight = 1.5;
double proposedThreshold(const Calibration& calibration);
// Whether proposedThreshold balances painted defects against good images (else: the percentile).
bool proposedFromPaintedDefects(const Calibration& calibration);
// The map value a model proposes for region outlines. With painted scores, the proposed image
// threshold: an image is flagged when the mean of its map's top fraction reaches it, so a flagged
// image always has map values that reach it, and the outline marks where. Otherwise (files made
// before) the 99.9th percentile of the good images' map values (maxPixel), which on the welds lay
// above every defect pixel (docs/BENCHMARKS.md).
double proposedPixelThreshold(const Calibration& calibration);

// Scores the test images of `dataset` in `shard`. Images are read and decoded on a second thread
// while the previous batch is inferred. Memory does not grow with the number of images beyond the
// per-image results (no maps are kept).
EvalReport evaluate(
    const Model& model, const Dataset& dataset, const EvalCallbacks& callbacks = {}, const Shard& shard = {});
// Figures that follow from the results and accumulators (image AUROC, F1, the decisions at the
// proposed threshold, pixel metrics); evaluate() and mergeShards() call it.
void finishMetrics(EvalReport& report);

// Each kind of defect's figures from scored results, at the F1-max threshold `f1` (what
// finishMetrics fills in; also for results read back from a project).
std::vector<DefectTypeFigures> defectTypeFigures(const std::vector<ImageResult>& results, const F1Max& f1);

// Writes metrics and per-image results as JSON (atomically). For a shard (shard.count > 1, or
// `asShard`) it also writes what mergeShards needs: the positions, timing and the pixel histograms,
// on one line (the file is for the program, not for reading).
void writeEvalJson(const EvalReport& report, const std::string& path, bool asShard = false);
// Reads a shard file written by writeEvalJson. Throws utad::Error naming the file.
EvalReport readShardJson(const std::string& path);
// One report from the shards of one run, as if the whole dataset had been scored at once: the same
// image figures, pixel metrics from the summed histograms. Throws utad::Error when the shards do
// not belong together (another dataset, model or split), overlap, or one is missing.
EvalReport mergeShards(const std::vector<EvalReport>& shards);

// Visualisation shared by the CLI and the workbench.
cv::Mat toBgr8(const cv::Mat& image01);  // CV_32F [0,1] -> CV_8UC3
cv::Mat heatmapBgr(const cv::Mat& map, double maxValue);  // CV_32F -> colour map (JET), CV_8UC3
// The anomaly-map value at the top of the colour scale, the same for every image of a model so that
// colours compare across images: 1.25x the 99.9th percentile of the calibration's good map values
// (maxPixel). 0 (each image's own range) when uncalibrated.
double heatmapScale(const ModelInfo& info);
// Writes input/impression/reconstruction/heatmap PNGs as <dir>/<stem>_{input,impression,reconstruction,heatmap}.png.
void writePanels(const Sample& sample, const Inference& inference, const std::string& dir, double heatMax);
void writePanels(const std::string& stem, const Inference& inference, const std::string& dir, double heatMax);
// The <stem> writePanels uses: "<defect type>_<file stem>" for labelled files (test/good/000.png and
// test/crack/000.png must not collide), the file stem for unlabelled ones, "<class>_<index>" for IDX
// records; characters not allowed in file names on common systems (/ \ : * ? " < > |) become '-'.
std::string panelStem(const Sample& sample);
// The four suffixes, in the order the panels are shown.
inline constexpr const char* kPanelNames[4] = {"input", "impression", "reconstruction", "heatmap"};

}  // namespace utad
