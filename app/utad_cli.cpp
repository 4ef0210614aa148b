// `utad`: train, evaluate and apply the anomaly detector from the command line.
#include "cli_args.h"

#include "utad/dataset.h"
#include "utad/error.h"
#include "utad/evaluation.h"
#include "utad/model.h"

#include <atomic>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <filesystem>
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
using cli::Args;
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
  utad --help | --version
  utad COMMAND --help                                options of one command

Datasets (--data): a folder in MVTec AD layout (train/good, test/good, test/<defect>,
ground_truth/<defect>), a plain folder of images (eval only: scores, no metrics), or
idx:DIR with (Fashion-)MNIST IDX files and --normal-class N (one-class protocol).

Exit status: 0 success, 1 failure (the message says why), 2 wrong usage, 130 interrupted.
)";

const char* kTrainHelp = R"(Usage: utad train --data DIR --out MODEL.utad [options]

Trains a model on the anomaly-free training images of DIR (train/good in MVTec AD layout, or
class N of idx:DIR) and writes it to MODEL.utad.

Options:
  --data DIR          dataset folder, or idx:DIR for IDX files
  --out FILE          model file to write (written atomically)
  --method M          utad (two-stage, default) or ae (one-stage autoencoder baseline)
  --preset P          cpu (default: small, trains in minutes) or paper (release sizes)
  --steps N           IE-Net (or autoencoder) optimizer steps; the Expert-Net keeps the preset's
                      share
  --seed S            random seed (default 1)
  --threads T         CPU threads (default: all cores)
  --device D          auto (default: CUDA when available), cpu or cuda
  --size PX           tile size, a multiple of 32 (default: the preset's; 32 for idx:)
                      (idx: data also scores an image by the mean of its map, not the maximum)
  --normal-class N    the normal class 0..9 of an idx: dataset
  --set NAME=VALUE    override one setting of the preset (repeatable), e.g. --set batchSize=4
                      (the settings are listed below)
  -h, --help          this help

Images keep their aspect ratio: they are scaled to a working resolution chosen from the data and
cut into overlapping tiles (small images such as idx: records are one tile each).
Ctrl-C stops after the current step and saves the last complete round of steps.
)";

const char* kEvalHelp = R"(Usage: utad eval --data DIR --model MODEL.utad [options]

Scores every test image of DIR and prints image AUROC, pixel AUROC and AUPRO (when the
dataset has masks), F1-max with its threshold, and the speed.

Options:
  --data DIR          dataset folder, or idx:DIR for IDX files
  --model FILE        model written by `utad train`
  --json FILE         also write metrics and per-image scores as JSON
  --images DIR        write input, impression, reconstruction and heat map PNGs per image
  --threads T         CPU threads (default: all cores)
  --device D          auto (default), cpu or cuda
  --normal-class N    the normal class 0..9 of an idx: dataset
  --set NAME=VALUE    score differently without retraining (repeatable): anomalyCombination,
                      smoothSigma, scoreTopFraction or ssimResidual; the model's proposed
                      threshold then no longer applies and is not reported
  -h, --help          this help

Unreadable images are reported and skipped.
)";

const char* kInferHelp = R"(Usage: utad infer --model MODEL.utad [options] IMAGE...

Scores each IMAGE (a folder stands for the images in it) and writes, per image,
STEM_input.png, STEM_impression.png, STEM_reconstruction.png and STEM_heatmap.png, plus
scores.csv (path,score,flagged) where flagged = 1 when the score reaches the threshold the
model proposed from its anomaly-free calibration images.

Options:
  --model FILE        model written by `utad train`
  --out DIR           output folder (default: utad-infer)
  --threads T         CPU threads (default: all cores)
  --device D          auto (default), cpu or cuda
  -h, --help          this help

Unreadable images are reported and skipped; the exit status is then 1.
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

std::string count(long n, const std::string& noun) { return std::to_string(n) + " " + noun + (n == 1 ? "" : "s"); }

// Hands every --set NAME=VALUE to `apply`; a malformed pair or a setting `apply` refuses is wrong usage.
void applySettings(const Args& args, const std::function<void(const std::string&, const std::string&)>& apply)
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

utad::Dataset openData(const Args& args)
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

utad::Device parseDevice(const Args& args)
{
    try {
        return utad::deviceFromString(args.value("--device", "auto"));
    } catch (const utad::Error& e) {
        throw UsageError(e.what());
    }
}

int runTrain(const std::vector<std::string>& argv)
{
    const Args args(argv, {{"--data", "--out", "--method", "--preset", "--steps", "--seed", "--threads", "--size",
                            "--normal-class", "--device"},
                           {"--help"},
                           false,
                           {"--set"}});
    if (args.has("--help")) {
        std::cout << kTrainHelp << "\nSettings for --set:";
        for (const auto& name : utad::configFieldNames())
            std::cout << " " << name;
        std::cout << "\n";
        return 0;
    }
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
        throw UsageError("--out " + out + " is a folder; give the model file to write, e.g. " +
                         (fs::path(out) / "model.utad").string());
    const utad::Device device = parseDevice(args);
    const int threads = utad::setThreads(args.integer("--threads", 0, 0, 1024));
    checkWritableParent(out);
    const utad::Dataset ds = openData(args);
    if (ds.train.empty())
        throw utad::Error("No training images in " + ds.root +
                          ": training needs train/good (MVTec AD layout) or idx:DIR with --normal-class");
    utad::ModelConfig config = utad::configForDataset(ds, preset, method);
    if (args.has("--steps")) {
        // Keep the preset's balance between the two stages.
        const int steps = args.integer("--steps", config.ieSteps, 1, 10000000);
        if (config.expertSteps > 0 && config.ieSteps > 0)
            config.expertSteps = std::max(1, int(std::lround(double(steps) * config.expertSteps / config.ieSteps)));
        config.ieSteps = steps;
    }
    config.seed = std::uint64_t(args.integer("--seed", int(config.seed), 0, 2147483647));
    config.tileSize = args.integer("--size", config.tileSize, 32, 4096);
    // Whole small objects: the mean of the map ranked Fashion-MNIST classes better than its maximum
    // (docs/BENCHMARKS.md).
    if (isIdxSpec(dataSpec))
        config.scoreTopFraction = 1;
    if (config.tileSize % 32 != 0)
        throw UsageError("--size must be a multiple of 32 (the networks downsample 32 times), got " +
                         std::to_string(config.tileSize));
    applySettings(args, [&](const std::string& name, const std::string& value) {
        utad::setConfigValue(config, name, value);
    });

    auto model = utad::Model::create(config, device);
    std::cout << "Training " << utad::methodName(method) << " (preset " << preset << ", "
              << (config.wholeImage() ? "whole images" : "working scale " + fixed(config.workingScale, 3)) << ", "
              << config.tileSize << "x" << config.tileSize << " tiles, "
              << (config.channels == 3 ? "colour" : "grey") << ", " << count(config.ieSteps, "step")
              << (config.expertSteps > 0 && method == utad::Method::TwoStage
                      ? " + " + count(config.expertSteps, "Expert-Net step")
                      : std::string())
              << ", seed " << config.seed << ", " << threads << " threads on "
              << model->deviceName() << ") on " << ds.train.size() << " images of " << ds.root << "\n"
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
        std::cerr << "Interrupted: saved the last complete round (" << count(info.training.ieStepsDone, "step")
                  << " + " << count(info.training.expertStepsDone, "Expert-Net step") << " done) to " << out << "\n";
        return kExitInterrupted;
    }
    model->save(out);
    std::cout << "Saved " << out << " after " << cli::formatDuration(info.training.seconds) << " ("
              << count(info.training.ieStepsDone + info.training.expertStepsDone, "step") << "). Proposed image threshold "
              << fixed(utad::proposedThreshold(info.calibration)) << " (" << int(100 * (1 - utad::kProposedFpr))
              << "th percentile of " << info.calibration.goodScores.size() << " held-back good images).\n";
    return 0;
}

// ---- eval ----------------------------------------------------------------------------------------

// Colour scale of the heat maps: red from the level only 0.1 % of good pixels reach.
double heatScale(const utad::Model& model)
{
    return utad::heatmapScale(model.info());
}

int runEval(const std::vector<std::string>& argv)
{
    const Args args(argv, {{"--data", "--model", "--json", "--images", "--threads", "--normal-class", "--device"}, {"--help"}, false,
                           {"--set"}});
    if (args.has("--help")) {
        std::cout << kEvalHelp;
        return 0;
    }
    const std::string modelPath = args.required("--model");
    const int threads = args.integer("--threads", 0, 0, 1024);
    if (args.has("--json"))
        checkWritableParent(args.value("--json"));
    const auto model = utad::Model::load(modelPath, parseDevice(args));
    applySettings(args, [&](const std::string& name, const std::string& value) { model->setScoringValue(name, value); });
    const utad::Dataset ds = openData(args);
    if (ds.test.empty())
        throw utad::Error("No test images in " + ds.root + " (expected test/good and test/<defect>)");
    const int threadsUsed = utad::setThreads(threads);

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
        callbacks.onImage = [&](const utad::Sample& s, const utad::Inference& inf) { utad::writePanels(s, inf, imagesDir, heatMax); };

    installSigint();
    const utad::EvalReport report = utad::evaluate(*model, ds, callbacks);
    std::signal(SIGINT, SIG_DFL);

    for (const auto& r : report.results)
        if (!r.error.empty())
            std::cerr << "skipped: " << r.error << "\n";
    printWarnings(report.warnings);

    const utad::EvalMetrics& m = report.metrics;
    const utad::ModelInfo& info = model->info();
    std::cout << "Evaluated " << m.images << " images of " << ds.root << " (" << kindName(ds.kind) << ")"
              << (m.skipped ? ", skipped " + std::to_string(m.skipped) : std::string()) << "\n"
              << "  model           " << modelPath << " (" << report.method << ", preset " << info.config.preset << ", "
              << (info.config.wholeImage() ? "whole images" : "working scale " + fixed(info.config.workingScale, 3))
              << ", " << info.config.tileSize << "x" << info.config.tileSize << " tiles)\n";
    if (std::isfinite(m.imageAuroc)) {
        std::cout << "  image AUROC     " << fixed(m.imageAuroc) << "\n"
                  << "  pixel AUROC     " << fixed(m.pixelAuroc) << "\n"
                  << "  AUPRO (0.3)     " << fixed(m.aupro) << "\n"
                  << "  F1-max          " << fixed(m.f1.f1) << " at threshold " << fixed(m.f1.threshold, 6)
                  << " (precision " << fixed(m.f1.precision, 3) << ", recall " << fixed(m.f1.recall, 3) << ")\n";
        if (std::isfinite(report.proposedThreshold)) {
            const utad::Confusion& c = report.atProposed;
            std::cout << "  at the proposed threshold " << fixed(report.proposedThreshold, 6) << ": " << c.tp
                      << " defects found, " << c.fn << " missed, " << c.fp << " false alarms, " << c.tn
                      << " good passed\n";
        }
    } else {
        std::cout << "  (no labelled good and defective images: no accuracy metrics)\n";
    }
    std::cout << "  speed           " << fixed(m.msPerImage, 1) << " ms/image (" << threadsUsed << " threads, "
              << model->deviceName() << ")\n";
    if (args.has("--json")) {
        utad::writeEvalJson(report, args.value("--json"));
        std::cout << "Wrote " << args.value("--json") << "\n";
    }
    if (!imagesDir.empty())
        std::cout << "Wrote 4 images per scored image to " << imagesDir << "\n";
    if (report.cancelled) {
        std::cerr << "Interrupted: the metrics cover the first " << m.images + m.skipped << " of " << ds.test.size()
                  << " images.\n";
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

int runInfer(const std::vector<std::string>& argv)
{
    const Args args(argv, {{"--model", "--out", "--threads", "--device"}, {"--help"}, true, {}});
    if (args.has("--help")) {
        std::cout << kInferHelp;
        return 0;
    }
    const std::string modelPath = args.required("--model");
    const int threads = args.integer("--threads", 0, 0, 1024);
    if (args.positionals().empty())
        throw UsageError("no IMAGE given");
    const std::string outDir = args.value("--out", "utad-infer");

    // Expand folders to the images in them, in name order.
    std::vector<std::string> inputs;
    for (const std::string& p : args.positionals()) {
        if (fs::is_directory(p)) {
            const utad::Dataset folder = utad::openDataset(p);
            for (const auto& s : folder.test)
                inputs.push_back(s.path);
        } else {
            inputs.push_back(p);
        }
    }
    utad::setThreads(threads);
    const auto model = utad::Model::load(modelPath, parseDevice(args));
    const double threshold = utad::proposedThreshold(model->info().calibration);
    const double heatMax = heatScale(*model);

    std::ostringstream csv;
    csv << "path,score,flagged\n";
    std::set<std::string> stems;
    int failures = 0, flagged = 0;
    installSigint();
    for (const std::string& path : inputs) {
        if (gInterrupted.load())
            break;
        utad::Inference inf;
        try {
            inf = model->infer(utad::readImage(path));
        } catch (const utad::Error& e) {
            std::cerr << "skipped: " << e.what() << "\n";
            ++failures;
            continue;
        } catch (const std::exception& e) {
            std::cerr << "skipped: " << path << ": " << e.what() << "\n";
            ++failures;
            continue;
        }
        // Unique output names even when two inputs share a file name.
        utad::Sample sample;
        sample.path = path;
        std::string stem = utad::panelStem(sample);
        for (int n = 2; stems.count(stem); ++n)
            stem = utad::panelStem(sample) + "_" + std::to_string(n);
        stems.insert(stem);
        utad::writePanels(stem, inf, outDir, heatMax);
        const bool isFlagged = std::isfinite(threshold) && inf.score >= threshold;
        flagged += isFlagged;
        std::ostringstream score;
        score.precision(8);
        score << inf.score;
        csv << csvField(path) << "," << score.str() << "," << (std::isfinite(threshold) ? (isFlagged ? "1" : "0") : "")
            << "\n";
        std::cout << path << "  score " << score.str() << (isFlagged ? "  FLAGGED" : "") << "\n";
    }
    std::signal(SIGINT, SIG_DFL);
    const std::string csvPath = (fs::path(outDir) / "scores.csv").string();
    utad::writeTextFileAtomically(csvPath, csv.str());
    const int scored = int(stems.size());
    std::cout << "Scored " << scored << " image" << (scored == 1 ? "" : "s") << ", flagged " << flagged
              << " (threshold " << fixed(threshold, 6) << "); wrote " << csvPath << " and the images to " << outDir
              << "\n";
    if (gInterrupted.load()) {
        std::cerr << "Interrupted after " << scored + failures << " of " << inputs.size() << " images.\n";
        return kExitInterrupted;
    }
    if (failures > 0) {
        std::cerr << failures << " of " << inputs.size() << " images could not be read.\n";
        return kExitFailure;
    }
    return 0;
}

} // namespace

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
        {"train", runTrain}, {"eval", runEval}, {"infer", runInfer}};
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
