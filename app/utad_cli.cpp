// `utad`: train, evaluate and apply the anomaly detector from the command line.
#include "utad/atomic_file.h"
#include "utad/dataset.h"
#include "utad/error.h"
#include "utad/evaluation.h"
#include "utad/model.h"

#include "cli_args.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <unistd.h>

#ifndef UTAD_VERSION
#define UTAD_VERSION "unknown"
#endif

namespace fs = std::filesystem;
using cli::Command;
using cli::UsageError;

namespace {

constexpr int kExitFailure = 1;
constexpr int kExitUsage = 2;
constexpr int kExitInterrupted = 130;  // the shell convention for SIGINT

const char* kMainHelp = R"(utad: unsupervised two-stage visual anomaly detection (IE-Net + Expert-Net)

Usage:
  utad train --data DIR --out MODEL.utad [options]   train on anomaly-free images
  utad eval  --data DIR --model MODEL.utad [options] score a test set, print metrics
  utad infer --model MODEL.utad [options] IMAGE...   score images, write heat maps
  utad calibrate --data DIR --model MODEL.utad       propose thresholds again after a scoring change
  utad merge --out FILE SHARD...                     combine the shards of `eval`/`infer --shard`
  utad --help | --version
  utad COMMAND --help                                options of one command

Datasets (--data): a folder in MVTec AD layout (train/good, test/good, test/<defect>,
ground_truth/<defect>), a plain folder of images (eval only: scores, no metrics), or
idx:DIR with (Fashion-)MNIST IDX files and --normal-class N (one-class protocol).

Exit status: 0 success, 1 failure (the message says why), 2 wrong usage, 130 interrupted.
)";

std::atomic<bool> gInterrupted{false};

extern "C" void onSigint(int)
{
    gInterrupted.store(true);
    std::signal(SIGINT, SIG_DFL);  // a second Ctrl-C ends the program at once
}

void installSigint()
{
    gInterrupted.store(false);
    std::signal(SIGINT, onSigint);
}

std::string fixed(double v, int digits = 4)
{
    if (!std::isfinite(v))
        return "n/a";
    std::ostringstream os;
    os.setf(std::ios::fixed);
    os.precision(digits);
    os << v;
    return os.str();
}

// "T (how it was chosen)": the proposed image threshold, for the training and calibration summaries.
std::string proposedThresholdText(const utad::Calibration& c)
{
    std::ostringstream os;
    os << fixed(utad::proposedThreshold(c)) << " (";
    if (utad::proposedFromPaintedDefects(c))
        os << "between " << c.goodScores.size() << " held-back good images and " << c.paintedScores.size()
           << " with painted defects, a false alarm weighing " << utad::kFalseAlarmWeight << " missed defects)";
    else
        os << int(100 * (1 - utad::kProposedFpr)) << "th percentile of " << c.goodScores.size()
           << " held-back good images)";
    return os.str();
}

std::string count(long n, const std::string& noun) { return std::to_string(n) + " " + noun + (n == 1 ? "" : "s"); }

// Hands every --set NAME=VALUE to `apply`; a malformed pair or a setting `apply` refuses is wrong usage.
void applySettings(const Command& args, const std::function<void(const std::string&, const std::string&)>& apply)
{
    for (const auto& s : args.values("--set")) {
        const auto eq = s.find('=');
        if (eq == std::string::npos || eq == 0)
            throw UsageError("--set expects NAME=VALUE, got '" + s + "'");
        try {
            apply(s.substr(0, eq), s.substr(eq + 1));
        } catch (const utad::Error& e) {
            throw UsageError(std::string("--set: ") + e.what());
        }
    }
}

bool isIdxSpec(const std::string& spec) { return spec.rfind(utad::kIdxPrefix, 0) == 0; }

std::string kindName(utad::DatasetKind kind)
{
    switch (kind) {
    case utad::DatasetKind::MVTec: return "MVTec AD layout";
    case utad::DatasetKind::Idx: return "IDX";
    default: return "image folder";
    }
}

void printWarnings(const std::vector<std::string>& warnings)
{
    const std::size_t shown = std::min<std::size_t>(warnings.size(), 5);
    for (std::size_t i = 0; i < shown; ++i)
        std::cerr << "warning: " << warnings[i] << "\n";
    if (warnings.size() > shown)
        std::cerr << "warning: ... and " << warnings.size() - shown << " more like these\n";
}

utad::Dataset openData(const Command& args)
{
    const std::string spec = args.required("--data");
    if (isIdxSpec(spec) && !args.has("--normal-class"))
        throw UsageError("an idx: dataset needs --normal-class 0..9");
    const int normalClass = args.integer("--normal-class", -1, 0, 9);
    utad::Dataset ds = utad::openDataset(spec, normalClass);
    printWarnings(ds.warnings);
    return ds;
}

// The folder of `file` is created and must be writable: checked before minutes of work, not after.
void checkWritableParent(const std::string& file)
{
    fs::path parent = fs::path(file).parent_path();
    if (parent.empty())
        parent = ".";
    std::error_code ec;
    fs::create_directories(parent, ec);
    if (!fs::is_directory(parent) || ::access(parent.c_str(), W_OK) != 0)
        throw utad::Error("Cannot write " + file + ": folder " + parent.string() + " cannot be created or written");
}

// ---- train ---------------------------------------------------------------------------------------

// Options every command that runs the networks shares.
Command& computeOptions(Command& args)
{
    return args.option("--threads", "T", "CPU threads (default: all cores)")
        .option("--device", "D", "auto (default: CUDA when available), cpu or cuda");
}

utad::Device parseDevice(const Command& args)
{
    try {
        return utad::deviceFromString(args.value("--device", "auto"));
    } catch (const utad::Error& e) {
        throw UsageError(e.what());
    }
}

// The thread count is the program's choice, applied once here; returns the count in effect.
int applyThreads(const Command& args) { return utad::setThreads(args.integer("--threads", 0, 0, 1024)); }

Command& datasetOptions(Command& args)
{
    return args.option("--data", "DIR", "dataset folder, or idx:DIR for IDX files", true)
        .option("--normal-class", "N", "the normal class 0..9 of an idx: dataset");
}

int runTrain(const std::vector<std::string>& argv)
{
    std::string settings = "Settings for --set:";
    for (const auto& name : utad::configFieldNames())
        settings += " " + name;
    Command args("utad train",
        "Trains a model on the anomaly-free training images of DIR (train/good in MVTec AD layout, or\n"
        "class N of idx:DIR) and writes it to MODEL.utad.",
        "Images keep their aspect ratio: they are scaled to a working resolution chosen from the data and\n"
        "cut into overlapping tiles (small images such as idx: records are one tile each). Training\n"
        "images under 8 px a side are skipped, with a warning. Ctrl-C stops after the current step and\n"
        "saves the last complete round of steps.\n\n"
            + cli::wrapText(settings));
    datasetOptions(args)
        .option("--out", "FILE", "model file to write (written atomically)", true)
        .option("--method", "M", "utad (two-stage, default) or ae (one-stage autoencoder baseline)")
        .option("--preset", "P", "cpu (default: small, trains in minutes) or paper (release sizes)")
        .option("--steps", "N",
            "IE-Net (or autoencoder) optimizer steps; the Expert-Net and the segmenter keep the preset's share")
        .option("--seed", "S", "random seed (default 1)")
        .option("--add-segmenter", "MODEL",
            "give the trained two-stage MODEL a defect segmenter (--set segmenterSteps=N, default the preset's) "
            "and train only that (one it has is replaced); its networks, normalisation and scoring choices stay")
        .option("--size", "PX",
            "tile size, a multiple of 32 (default: the preset's; 32 for idx:); idx: data also scores an "
            "image by the mean of its map, not the maximum");
    computeOptions(args).repeated("--set", "NAME=VALUE",
        "override one setting of the preset (repeatable), e.g. --set batchSize=4 (the settings are listed below)");
    if (!args.parse(argv))
        return 0;
    const std::string out = args.required("--out");
    const std::string dataSpec = args.required("--data");
    const utad::Method method = [&] {
        try {
            return utad::methodFromString(args.value("--method", "utad"));
        } catch (const utad::Error& e) {
            throw UsageError(e.what());
        }
    }();
    const std::string preset = args.value("--preset", "cpu");
    if (preset != "cpu" && preset != "paper")
        throw UsageError("unknown preset '" + preset + "' (expected cpu or paper)");
    if (fs::is_directory(out))
        throw UsageError("--out " + out + " is a folder; give the model file to write, e.g. "
            + (fs::path(out) / "model.utad").string());
    const utad::Device device = parseDevice(args);
    const int threads = applyThreads(args);
    checkWritableParent(out);
    utad::Dataset ds = openData(args);
    std::vector<std::string> screened;
    utad::screenImages(ds.train, screened);
    printWarnings(screened);
    if (ds.train.empty())
        throw utad::Error("No training images in " + ds.root
            + ": training needs train/good (MVTec AD layout) or idx:DIR with --normal-class");
    utad::ModelConfig config = utad::configForDataset(ds, preset, method);
    if (args.has("--steps")) {
        // Keep the preset's balance between the stages.
        const int steps = args.integer("--steps", config.ieSteps, 1, 10000000);
        auto share = [&](int stageSteps) {
            return stageSteps > 0 && config.ieSteps > 0
                ? std::max(1, int(std::lround(double(steps) * stageSteps / config.ieSteps)))
                : stageSteps;
        };
        config.expertSteps = share(config.expertSteps);
        config.segmenterSteps = share(config.segmenterSteps);
        config.ieSteps = steps;
    }
    config.seed = std::uint64_t(args.integer("--seed", int(config.seed), 0, 2147483647));
    config.tileSize = args.integer("--size", config.tileSize, 32, 4096);
    if (config.tileSize % 32 != 0)
        throw UsageError("--size must be a multiple of 32 (the networks downsample 32 times), got "
            + std::to_string(config.tileSize));
    applySettings(
        args, [&](const std::string& name, const std::string& value) { utad::setConfigValue(config, name, value); });

    std::unique_ptr<utad::Model> model;
    if (args.has("--add-segmenter")) {
        model = utad::Model::load(args.value("--add-segmenter", ""), device);
        model->addSegmenter(config.segmenterSteps > 0 ? config.segmenterSteps : 1000, config.segmenterWidth);
        model->setScoringValue("segmenterMap", config.segmenterMap == "off" ? "product" : config.segmenterMap);
    } else {
        model = utad::Model::create(config, device);
    }
    const utad::ModelConfig& mc = model->info().config;  // a model given a segmenter keeps its own
    std::cout << (args.has("--add-segmenter") ? "Adding a defect segmenter to " : "Training ")
              << utad::methodName(mc.method) << " (preset " << mc.preset << ", "
              << (mc.wholeImage() ? "whole images" : "working scale " + fixed(mc.workingScale, 3)) << ", "
              << mc.tileSize << "x" << mc.tileSize << " tiles, " << (mc.channels == 3 ? "colour" : "grey") << ", "
              << count(mc.ieSteps, "step")
              << (mc.expertSteps > 0 && mc.method == utad::Method::TwoStage
                         ? " + " + count(mc.expertSteps, "Expert-Net step")
                         : std::string())
              << (mc.hasSegmenter() ? " + " + count(mc.segmenterSteps, "segmenter step") : std::string()) << ", seed "
              << mc.seed << ", " << count(threads, "thread") << " on " << model->deviceName() << ") on "
              << ds.train.size() << " images of " << ds.root << "\n"
              << std::flush;

    utad::TrainCallbacks callbacks;
    callbacks.onProgress = [](const utad::TrainProgress& p) {
        if (p.stage == "Calibration")
            return;
        std::cout << "[" << p.stage << "] step " << p.step << "/" << p.steps << "  loss " << fixed(p.loss, 5)
                  << "  elapsed " << cli::formatDuration(p.elapsedSeconds) << "  ETA "
                  << cli::formatDuration(p.etaSeconds) << "  (" << std::lround(100 * p.fraction) << "%)\n"
                  << std::flush;
    };
    callbacks.onLog = [](const std::string& line) { std::cout << "  " << line << "\n" << std::flush; };
    callbacks.isCancelled = [] { return gInterrupted.load(); };

    // Saved as soon as the networks are trained, so that a failure in calibration loses nothing.
    callbacks.onTrained = [&] { model->save(out); };
    installSigint();
    const bool finished = model->train(ds, callbacks);
    std::signal(SIGINT, SIG_DFL);

    const utad::ModelInfo& info = model->info();
    if (!finished) {
        if (!model->trained()) {
            std::cerr << "Interrupted before the first round of steps finished: nothing saved.\n";
            return kExitInterrupted;
        }
        model->save(out);
        std::cerr << "Interrupted: saved the last complete round (" << count(info.training.ieStepsDone, "step") << " + "
                  << count(info.training.expertStepsDone, "Expert-Net step") << " + "
                  << count(info.training.segmenterStepsDone, "segmenter step") << " done) to " << out << "\n";
        return kExitInterrupted;
    }
    model->save(out);
    std::cout << "Saved " << out << " after " << cli::formatDuration(info.training.seconds) << " ("
              << count(info.training.ieStepsDone + info.training.expertStepsDone + info.training.segmenterStepsDone,
                     "step")
              << "). Proposed image threshold " << proposedThresholdText(info.calibration) << ".\n";
    return 0;
}

// ---- calibrate -----------------------------------------------------------------------------------

int runCalibrate(const std::vector<std::string>& argv)
{
    Command args("utad calibrate",
        "Measures a trained model's calibration again on the good training images of DIR that training\n"
        "held back, so that it proposes thresholds for new scoring settings without retraining. With\n"
        "--set anomalyCombination=auto or reconstructionResidual=auto it first chooses how the anomaly\n"
        "map is made, on defects painted into those images.",
        "Use the dataset the model was trained on: its split of held-back images is drawn again from the\n"
        "model's seed.");
    datasetOptions(args)
        .option("--model", "FILE", "model written by `utad train`", true)
        .option("--out", "FILE", "where to write the calibrated model (default: replace --model)");
    computeOptions(args).repeated(
        "--set", "NAME=VALUE", "scoring settings to calibrate for (repeatable): " + utad::scoringFieldList());
    if (!args.parse(argv))
        return 0;
    const std::string modelPath = args.required("--model");
    const std::string out = args.value("--out", modelPath);
    const utad::Device device = parseDevice(args);
    applyThreads(args);
    checkWritableParent(out);
    const auto model = utad::Model::load(modelPath, device);
    applySettings(
        args, [&](const std::string& name, const std::string& value) { model->setScoringValue(name, value); });
    const utad::Dataset ds = openData(args);
    model->calibrate(ds, [](const std::string& line) { std::cerr << line << "\n"; });
    model->save(out);
    const utad::ModelInfo& info = model->info();
    std::cout << "Saved " << out << ": anomaly map " << utad::anomalyMapName(info.config)
              << "; proposed image threshold " << proposedThresholdText(info.calibration) << ".\n";
    return 0;
}

// ---- eval ----------------------------------------------------------------------------------------

// Colour scale of the heat maps: red from the level only 0.1 % of good pixels reach.
double heatScale(const utad::Model& model) { return utad::heatmapScale(model.info()); }

// "--shard K/N" as wrong usage when malformed.
utad::Shard shardOption(const Command& args)
{
    if (!args.has("--shard"))
        return {};
    try {
        return utad::parseShard(args.value("--shard"));
    } catch (const utad::Error& e) {
        throw UsageError(std::string("--shard: ") + e.what());
    }
}

std::string binningError(double bound)
{
    if (!std::isfinite(bound))
        return "";
    char buf[48];
    std::snprintf(buf, sizeof buf, "  (binning error at most %.1g)", bound);
    return buf;
}

// The figures of a report, as `utad eval` and `utad merge` print them.
void printMetrics(const utad::EvalReport& report)
{
    const utad::EvalMetrics& m = report.metrics;
    if (std::isfinite(m.imageAuroc)) {
        std::cout << "  image AUROC     " << fixed(m.imageAuroc) << "\n"
                  << "  pixel AUROC     " << fixed(m.pixelAuroc) << binningError(m.pixelAurocMaxError) << "\n"
                  << "  AUPRO (0.3)     " << fixed(m.aupro) << binningError(m.auproMaxError) << "\n"
                  << "  F1-max          " << fixed(m.f1.f1) << " at threshold " << fixed(m.f1.threshold, 6)
                  << " (precision " << fixed(m.f1.precision, 3) << ", recall " << fixed(m.f1.recall, 3) << ")\n";
        if (std::isfinite(m.pixelAuroc))
            std::cout << "  pixel F1-max    " << fixed(m.pixelF1.f1) << " at map value "
                      << fixed(m.pixelF1.threshold, 6) << "\n";
        // Per kind of defect only where there are several: with one, it repeats the figures above.
        if (m.byDefectType.size() > 1) {
            std::size_t width = 0;
            for (const auto& t : m.byDefectType)
                width = std::max(width, t.type.size());
            const bool pixels = std::isfinite(m.pixelAuroc);
            std::cout << "  by defect type  (image AUROC against the good images; found at the F1-max threshold"
                      << (pixels ? "; pixel AUROC, AUPRO" : "") << ")\n";
            for (const auto& t : m.byDefectType) {
                std::cout << "    " << t.type << std::string(width - t.type.size() + 2, ' ') << fixed(t.imageAuroc)
                          << "  " << t.foundAtF1 << " of " << t.images;
                if (pixels)
                    std::cout << "  pixel " << fixed(t.pixelAuroc) << "  AUPRO " << fixed(t.aupro);
                std::cout << "\n";
            }
        }
        if (std::isfinite(report.proposedThreshold)) {
            const utad::Confusion& c = report.atProposed;
            std::cout << "  at the proposed threshold " << fixed(report.proposedThreshold, 6) << ": " << c.tp
                      << " defects found, " << c.fn << " missed, " << c.fp << " false alarms, " << c.tn
                      << " good passed\n";
        }
        if (std::isfinite(m.pixelAuroc) && std::isfinite(report.proposedPixelThreshold)) {
            const auto& r = report.pixelsAtProposed;
            std::cout << "  at the proposed region threshold " << fixed(report.proposedPixelThreshold, 6) << ": "
                      << fixed(100 * r.recall, 1) << " % of defect pixels marked, "
                      << fixed(100 * r.falsePositiveRate, 1) << " % of good pixels (precision " << fixed(r.precision, 3)
                      << ")\n";
        }
    } else {
        std::cout << "  (no labelled good and defective images: no accuracy metrics)\n";
    }
    const utad::Fidelity& f = m.fidelity;
    if (f.images > 0)
        std::cout << "  fidelity        SSIM(x, x_hat) " << fixed(f.meanReconstruction(), 3) << ", SSIM(x, m) "
                  << fixed(f.meanImpression(), 3) << " on " << count(f.images, "good image") << "; x_hat closer on "
                  << f.reconstructionCloser << "\n";
}

void printSkipped(const utad::EvalReport& report)
{
    for (const auto& r : report.results)
        if (!r.error.empty())
            std::cerr << "skipped: " << r.error << "\n";
    printWarnings(report.warnings);
}

int runEval(const std::vector<std::string>& argv)
{
    Command args("utad eval",
        "Scores every test image of DIR and prints image AUROC, pixel AUROC and AUPRO (when the dataset\n"
        "has masks), F1-max with its threshold, and the speed.",
        "Unreadable images and images under 8 px a side are reported and skipped. Pixel metrics are\n"
        "accumulated in fixed histograms (memory does not grow with the number of images); the report\n"
        "gives the largest error this binning can cause.");
    datasetOptions(args)
        .option("--model", "FILE", "model written by `utad train`", true)
        .option("--json", "FILE", "also write metrics and per-image scores as JSON")
        .option("--images", "DIR", "write input, impression, reconstruction and heat map PNGs per image");
    computeOptions(args)
        .repeated("--set", "NAME=VALUE",
            "score differently, or faster, without retraining (repeatable): " + utad::scoringFieldList()
                + "; the model's proposed threshold then no longer applies and is not reported")
        .option("--shard", "K/N",
            "score only part K of N of the test images (split by a hash of each file's path inside DIR); "
            "needs --json, which then also holds what `utad merge` needs to combine the N parts");
    if (!args.parse(argv))
        return 0;
    const std::string modelPath = args.required("--model");
    const utad::Device device = parseDevice(args);
    const int threadsUsed = applyThreads(args);
    const utad::Shard shard = shardOption(args);
    if (args.has("--shard") && !args.has("--json"))
        throw UsageError("--shard needs --json FILE: each shard writes its scores and metric accumulators there");
    if (args.has("--json"))
        checkWritableParent(args.value("--json"));
    const auto model = utad::Model::load(modelPath, device);
    applySettings(
        args, [&](const std::string& name, const std::string& value) { model->setScoringValue(name, value); });
    const utad::ModelConfig& scoring = model->info().config;
    if ((scoring.anomalyCombination == "auto" && scoring.method == utad::Method::TwoStage)
        || scoring.reconstructionResidual == "auto")
        std::cerr << "warning: the anomaly map is chosen at calibration; until `utad calibrate` runs, "
                     "'auto' scores as recon+naive with the ssim residual\n";
    if (scoring.standardiseMap && scoring.wholeImage() && model->info().calibration.mapMean.empty())
        std::cerr << "warning: the anomaly map is standardised by good images' maps measured at calibration; "
                     "until `utad calibrate` runs with these settings, it is not standardised\n";
    const utad::Dataset ds = openData(args);
    if (ds.test.empty())
        throw utad::Error("No test images in " + ds.root + " (expected test/good and test/<defect>)");

    const std::string imagesDir = args.value("--images");
    const double heatMax = heatScale(*model);
    const bool tty = ::isatty(STDERR_FILENO);
    utad::EvalCallbacks callbacks;
    callbacks.isCancelled = [] { return gInterrupted.load(); };
    callbacks.onProgress = [tty](int done, int total) {
        if (tty)
            std::cerr << "\rscoring " << done << "/" << total << (done == total ? "\n" : "") << std::flush;
    };
    if (!imagesDir.empty())
        callbacks.onImage
            = [&](const utad::Sample& s, const utad::Inference& inf) { utad::writePanels(s, inf, imagesDir, heatMax); };

    installSigint();
    const utad::EvalReport report = utad::evaluate(*model, ds, callbacks, shard);
    std::signal(SIGINT, SIG_DFL);
    printSkipped(report);

    const utad::EvalMetrics& m = report.metrics;
    const utad::ModelInfo& info = model->info();
    std::cout << "Evaluated " << m.images << " images of " << ds.root << " (" << kindName(ds.kind) << ")"
              << (m.skipped ? ", skipped " + std::to_string(m.skipped) : std::string())
              << (shard.whole() ? std::string()
                                : "; shard " + shard.text() + " of " + std::to_string(ds.test.size()) + " test images")
              << "\n"
              << "  model           " << modelPath << " (" << report.method << ", preset " << info.config.preset << ", "
              << (info.config.wholeImage() ? "whole images" : "working scale " + fixed(info.config.workingScale, 3))
              << ", " << info.config.tileSize << "x" << info.config.tileSize << " tiles)\n";
    printMetrics(report);
    std::cout << "  speed           " << fixed(m.msPerImage, 1) << " ms/image inference, "
              << fixed(m.imagesPerSecond(), 1) << " images/s with reading (" << count(threadsUsed, "thread") << ", "
              << model->deviceName() << ")\n";
    if (args.has("--json")) {
        utad::writeEvalJson(report, args.value("--json"), args.has("--shard"));
        std::cout << "Wrote " << args.value("--json") << "\n";
    }
    if (!imagesDir.empty())
        std::cout << "Wrote 4 images per scored image to " << imagesDir << "\n";
    if (report.cancelled) {
        std::cerr << "Interrupted: the metrics cover the first " << m.images + m.skipped << " images"
                  << (shard.whole() ? " of " + std::to_string(ds.test.size()) : " of shard " + shard.text()) << ".\n";
        return kExitInterrupted;
    }
    return 0;
}

// ---- infer ---------------------------------------------------------------------------------------

std::string csvField(const std::string& s)
{
    if (s.find_first_of(",\"\n\r") == std::string::npos)
        return s;
    std::string out = "\"";
    for (char c : s)
        out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

// Splits one CSV record (fields may be quoted, with "" for a quote).
std::vector<std::string> csvFields(const std::string& line)
{
    std::vector<std::string> fields(1);
    bool quoted = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if (quoted) {
            if (c == '"' && i + 1 < line.size() && line[i + 1] == '"')
                fields.back() += line[++i];
            else if (c == '"')
                quoted = false;
            else
                fields.back() += c;
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            fields.emplace_back();
        } else {
            fields.back() += c;
        }
    }
    return fields;
}

constexpr const char* kScoresHeader = "path,score,flagged";
constexpr const char* kShardScoresHeader = "index,path,score,flagged";

int runInfer(const std::vector<std::string>& argv)
{
    Command args("utad infer",
        "Scores each IMAGE (a folder stands for the images in it) and writes, per image,\n"
        "STEM_input.png, STEM_impression.png, STEM_reconstruction.png and STEM_heatmap.png, plus\n"
        "scores.csv (path,score,flagged) where flagged = 1 when the score reaches the threshold the\n"
        "model proposed from its anomaly-free calibration images.",
        "Unreadable images are reported and skipped; the exit status is then 1.");
    args.option("--model", "FILE", "model written by `utad train`", true)
        .option("--out", "DIR", "output folder (default: utad-infer)");
    computeOptions(args)
        .option("--shard", "K/N",
            "score only part K of N of the images (split by a hash of each path, relative to the folder "
            "given); writes scores.shard-K-of-N.csv with a leading index column instead of scores.csv "
            "(`utad merge` combines them)")
        .positionals("IMAGE", "image files or folders of images");
    if (!args.parse(argv))
        return 0;
    const std::string modelPath = args.required("--model");
    const utad::Device device = parseDevice(args);
    applyThreads(args);
    const utad::Shard shard = shardOption(args);
    if (args.positionals().empty())
        throw UsageError("no IMAGE given");
    const std::string outDir = args.value("--out", "utad-infer");

    // Expand folders to the images in them, in name order. A folder's images are keyed by their
    // path inside it, so the split does not depend on where the folder lies.
    std::vector<std::string> inputs, keys;
    for (const std::string& p : args.positionals()) {
        if (fs::is_directory(p)) {
            const utad::Dataset folder = utad::openDataset(p);
            for (const auto& s : folder.test) {
                inputs.push_back(s.path);
                keys.push_back(utad::shardKey(s.path, p));
            }
        } else {
            inputs.push_back(p);
            keys.push_back(fs::path(p).generic_string());
        }
    }
    // Output names over the whole list, so that shards never write the same file and name their
    // panels as one run would: unique even when two inputs share a file name.
    std::vector<std::string> stems;
    std::set<std::string> used;
    for (const std::string& path : inputs) {
        utad::Sample sample;
        sample.path = path;
        std::string stem = utad::panelStem(sample);
        for (int n = 2; used.count(stem); ++n)
            stem = utad::panelStem(sample) + "_" + std::to_string(n);
        used.insert(stem);
        stems.push_back(stem);
    }
    utad::Dataset part;
    part.kind = utad::DatasetKind::Folder;
    std::vector<std::size_t> positions;  // in `inputs`
    for (std::size_t i = 0; i < inputs.size(); ++i)
        if (utad::inShard(keys[i], shard)) {
            utad::Sample s;
            s.path = inputs[i];
            part.test.push_back(std::move(s));
            positions.push_back(i);
        }

    const auto model = utad::Model::load(modelPath, device);
    const double threshold = utad::proposedThreshold(model->info().calibration);
    const double heatMax = heatScale(*model);
    const auto flagged = [&](double score) { return std::isfinite(threshold) && score >= threshold; };
    const auto scoreText = [](double score) {
        std::ostringstream os;
        os.precision(8);
        os << score;
        return os.str();
    };

    utad::EvalCallbacks callbacks;
    callbacks.isCancelled = [] { return gInterrupted.load(); };
    callbacks.onImage = [&](const utad::Sample& s, const utad::Inference& inf) {
        const std::size_t i = positions[std::size_t(&s - part.test.data())];
        utad::writePanels(stems[i], inf, outDir, heatMax);
        std::cout << s.path << "  score " << scoreText(inf.score) << (flagged(inf.score) ? "  FLAGGED" : "") << "\n"
                  << std::flush;
    };
    installSigint();
    const utad::EvalReport report = utad::evaluate(*model, part, callbacks);
    std::signal(SIGINT, SIG_DFL);
    printSkipped(report);

    std::ostringstream csv;
    csv << (shard.whole() ? kScoresHeader : kShardScoresHeader) << "\n";
    int failures = 0, flaggedCount = 0, scored = 0;
    for (const utad::ImageResult& r : report.results) {
        if (!r.error.empty()) {
            ++failures;
            continue;
        }
        ++scored;
        flaggedCount += flagged(r.score);
        if (!shard.whole())
            csv << positions[r.index] << ",";
        csv << csvField(r.path) << "," << scoreText(r.score) << ","
            << (std::isfinite(threshold) ? (flagged(r.score) ? "1" : "0") : "") << "\n";
    }
    const std::string csvName = shard.whole()
        ? "scores.csv"
        : "scores.shard-" + std::to_string(shard.index) + "-of-" + std::to_string(shard.count) + ".csv";
    const std::string csvPath = (fs::path(outDir) / csvName).string();
    utad::writeFileAtomically(csvPath, csv.str());
    std::cout << "Scored " << count(scored, "image") << (shard.whole() ? "" : " (shard " + shard.text() + ")")
              << ", flagged " << flaggedCount << " (threshold " << fixed(threshold, 6) << "); wrote " << csvPath
              << " and the images to " << outDir << "\n";
    if (report.cancelled) {
        std::cerr << "Interrupted after " << report.results.size() << " of " << part.test.size() << " images.\n";
        return kExitInterrupted;
    }
    if (failures > 0) {
        std::cerr << failures << " of " << part.test.size() << " images were skipped.\n";
        return kExitFailure;
    }
    return 0;
}

// ---- merge ---------------------------------------------------------------------------------------

std::string readText(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw utad::Error("Cannot open shard file " + path);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

// Score lists of `utad infer --shard`: rows back in the order of the whole input list.
int mergeScoreLists(const std::vector<std::string>& inputs, const std::string& out)
{
    std::map<long long, std::string> rows;  // by index
    for (const std::string& path : inputs) {
        std::istringstream in(readText(path));
        std::string line;
        if (!std::getline(in, line) || line != kShardScoresHeader)
            throw utad::Error(
                path + " is not a score list of `utad infer --shard` (first line " + kShardScoresHeader + ")");
        for (int n = 2; std::getline(in, line); ++n) {
            if (line.empty())
                continue;
            const auto comma = line.find(',');
            long long index = -1;
            try {
                index = std::stoll(line.substr(0, comma));
            } catch (const std::exception&) {
            }
            if (comma == std::string::npos || index < 0 || csvFields(line).size() != 4)
                throw utad::Error("Malformed line " + std::to_string(n) + " in " + path);
            if (!rows.emplace(index, line.substr(comma + 1)).second)
                throw utad::Error("Image " + csvFields(line)[1] + " is in two score lists (" + path + ")");
        }
    }
    std::string csv = std::string(kScoresHeader) + "\n";
    for (const auto& [index, row] : rows)
        csv += row + "\n";
    utad::writeFileAtomically(out, csv);
    std::cout << "Merged " << count(long(inputs.size()), "score list") << " (" << count(long(rows.size()), "image")
              << ") into " << out << "\n";
    return 0;
}

int runMerge(const std::vector<std::string>& argv)
{
    Command args("utad merge",
        "Combines the parts of a run split with --shard K/N:\n"
        "  - the JSON files of `utad eval --shard K/N --json SHARD` into the report one run over the\n"
        "    whole dataset writes (the same image scores and figures; pixel metrics from the summed\n"
        "    histograms, also the same as one run's);\n"
        "  - the scores.shard-K-of-N.csv files of `utad infer --shard K/N` into one scores.csv.\n"
        "Every shard of an eval split must be given exactly once.");
    args.option("--out", "FILE", "the merged report (.json) or score list (.csv) to write", true)
        .positionals("SHARD", "shard files");
    if (!args.parse(argv))
        return 0;
    const std::string out = args.required("--out");
    const std::vector<std::string>& inputs = args.positionals();
    if (inputs.empty())
        throw UsageError("no SHARD given");
    checkWritableParent(out);
    const std::string head = readText(inputs.front()).substr(0, 64);
    if (head.rfind(kShardScoresHeader, 0) == 0)
        return mergeScoreLists(inputs, out);

    std::vector<utad::EvalReport> shards;
    for (const std::string& path : inputs)
        shards.push_back(utad::readShardJson(path));
    const utad::EvalReport report = utad::mergeShards(shards);
    printWarnings(report.warnings);
    const utad::EvalMetrics& m = report.metrics;
    std::cout << "Merged " << count(long(shards.size()), "shard") << ": " << m.images << " images of "
              << report.datasetRoot << (m.skipped ? ", skipped " + std::to_string(m.skipped) : std::string()) << "\n";
    printMetrics(report);
    std::cout << "  speed           " << fixed(m.msPerImage, 1) << " ms/image inference, "
              << fixed(m.imagesPerSecond(), 1) << " images/s per shard with reading\n";
    utad::writeEvalJson(report, out);
    std::cout << "Wrote " << out << "\n";
    if (report.cancelled) {
        std::cerr << "A shard was interrupted: the report covers " << m.images + m.skipped << " of "
                  << report.datasetImages << " images.\n";
        return kExitFailure;
    }
    return 0;
}

}  // namespace

int main(int argc, char** argv)
{
    const std::vector<std::string> all(argv + 1, argv + argc);
    if (all.empty()) {
        std::cerr << kMainHelp;
        return kExitUsage;
    }
    const std::string command = all.front();
    if (command == "--help" || command == "-h" || command == "help") {
        std::cout << kMainHelp;
        return 0;
    }
    if (command == "--version") {
        std::cout << "utad " << UTAD_VERSION << "\n";
        return 0;
    }
    const std::map<std::string, int (*)(const std::vector<std::string>&)> commands = {
        {"train", runTrain}, {"eval", runEval}, {"infer", runInfer}, {"calibrate", runCalibrate}, {"merge", runMerge}};
    const auto it = commands.find(command);
    if (it == commands.end()) {
        std::cerr << "utad: unknown command '" << command << "'\nRun 'utad --help' for usage.\n";
        return kExitUsage;
    }
    try {
        return it->second(std::vector<std::string>(all.begin() + 1, all.end()));
    } catch (const UsageError& e) {
        std::cerr << "utad " << command << ": " << e.what() << "\nRun 'utad " << command << " --help' for usage.\n";
        return kExitUsage;
    } catch (const utad::Error& e) {
        std::cerr << "utad " << command << ": error: " << e.what() << "\n";
        return kExitFailure;
    } catch (const std::exception& e) {
        std::cerr << "utad " << command << ": unexpected error: " << e.what() << "\n";
        return kExitFailure;
    }
}
