#pragma once
// Scoring a whole dataset with a model: what `utad eval` prints and the workbench shows.
#include "utad/dataset.h"
#include "utad/metrics.h"
#include "utad/model.h"

#include <functional>
#include <limits>
#include <string>
#include <vector>

namespace utad {

struct ImageResult {
    std::string path;
    Label label = Label::Unknown;
    std::string defectType;
    double score = 0;
    std::string error;  // non-empty when the image could not be read (it is then skipped in metrics)
};

inline constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

struct EvalMetrics {
    double imageAuroc = kNaN;
    double pixelAuroc = kNaN;  // NaN without masks
    double aupro = kNaN;
    F1Max f1;
    double msPerImage = 0;
    int images = 0, skipped = 0;
};

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
    Confusion atProposed;             // image decisions at that threshold (labelled images only)
    std::string datasetRoot;
    std::string method;               // methodName of the model
    std::vector<std::string> warnings;  // e.g. unreadable masks (the image is then left out of pixel metrics)
};

// The image-score threshold a model proposes before any defect is seen: the 99th percentile of the
// scores of its held-back anomaly-free images (NaN when it has none).
inline constexpr double kProposedFpr = 0.01;
double proposedThreshold(const Calibration& calibration);

EvalReport evaluate(const Model& model, const Dataset& dataset, const EvalCallbacks& callbacks = {});

// Writes metrics and per-image results as JSON (atomically).
void writeEvalJson(const EvalReport& report, const std::string& path);

// Writes `text` to `path` through a temporary file and a rename (creating the folder), so a reader
// never sees a half-written file. Throws utad::Error naming the path.
void writeTextFileAtomically(const std::string& path, const std::string& text);

// Visualisation shared by the CLI and the workbench.
cv::Mat toBgr8(const cv::Mat& image01);                  // CV_32F [0,1] -> CV_8UC3
cv::Mat heatmapBgr(const cv::Mat& map, double maxValue);  // CV_32F -> colour map (JET), CV_8UC3
// The anomaly-map value at the top of the colour scale, the same for every image of a model so that
// colours compare across images: 1.25x the calibration's pixel-threshold hint (maxPixel), which puts
// the default region threshold at 80 % of the scale. 0 (each image's own range) when uncalibrated.
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

} // namespace utad
