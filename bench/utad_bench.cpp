// utad-bench: inference speed of the whole pipeline (read image, pre-process, IE-Net, Expert-Net,
// scoring) on the bundled sample, the floating-point work it does, and the machine's matmul peak
// measured in the same run.
//
//   utad-bench [--model FILE] [--data DIR] [--set NAME=VALUE ...] [--alternate NAME=A,B]
//              [google-benchmark flags]
//
// --set changes a scoring setting of the model as `utad eval --set` does (tileOverlap and
// naiveSamples change the work per image).
// Without --model it uses the first .utad file in the bundled models folder, or else trains a
// cpu-preset model for 2 epochs (speed does not depend on how well a model is trained).
#include "utad/dataset.h"
#include "utad/error.h"
#include "utad/model.h"
#include "utad/paths.h"

#include "scoring.h"

#include <algorithm>
#include <benchmark/benchmark.h>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <map>
#include <memory>
#include <string>
#include <thread>
#include <torch/csrc/autograd/profiler_legacy.h>
#include <vector>

namespace fs = std::filesystem;

namespace {

struct Setup {
    std::unique_ptr<utad::Model> model;
    std::string modelName;
    utad::Dataset data;
    std::vector<cv::Mat> images;  // the test images, read once (for the inference-only runs)
    double flopsPerImage = 0;  // counted by LibTorch's profiler on one inference
};
Setup gSetup;

// What LibTorch's profiler sees in one inference: the floating-point operations it counts
// (convolutions, matrix products, element-wise add/mul) and each operator's own time (its time
// less that of the operators it called), to show where an image's time goes.
struct Profile {
    double flops = 0;
    std::map<std::string, double> selfMs;
};

Profile profileInference(const utad::Model& model, const cv::Mat& image)
{
    using namespace torch::autograd::profiler;
    torch::profiler::impl::ProfilerConfig config(torch::profiler::impl::ProfilerState::CPU,
        /*report_input_shapes=*/true,
        /*profile_memory=*/false, /*with_stack=*/false, /*with_flops=*/true);
    enableProfilerLegacy(config);
    model.infer(image);
    const thread_event_lists lists = disableProfilerLegacy();
    Profile p;
    for (const auto& list : lists) {
        struct Open {
            const LegacyEvent* push;
            double childMs;
        };
        std::vector<Open> open;
        for (const auto& event : list) {
            auto& e = const_cast<LegacyEvent&>(event);
            p.flops += double(e.flops());
            if (e.kind() == EventKind::PushRange) {
                open.push_back({&event, 0});
            } else if (e.kind() == EventKind::PopRange && !open.empty()) {
                const Open o = open.back();
                open.pop_back();
                const double ms = o.push->cpuElapsedUs(e) / 1000.0;
                p.selfMs[o.push->name()] += ms - o.childMs;
                if (!open.empty())
                    open.back().childMs += ms;
            }
        }
    }
    return p;
}

void BM_MatmulPeak(benchmark::State& state)
{
    utad::setThreads(int(state.range(0)));
    double best = 0;
    for (auto _ : state)
        best = std::max(best, utad::measureMatmulGflops(1024));
    state.counters["GFLOP/s"] = best;  // the best of the runs: a peak
}

// Whole pipeline per image: decode the file, then infer.
void BM_InferImage(benchmark::State& state)
{
    const int threads = utad::setThreads(int(state.range(0)));
    const auto& samples = gSetup.data.test;
    std::size_t i = 0;
    for (auto _ : state) {
        const cv::Mat img = utad::readImage(samples[i++ % samples.size()]);
        benchmark::DoNotOptimize(gSetup.model->infer(img).score);
    }
    state.counters["threads"] = threads;
    state.counters["img"] = benchmark::Counter(double(state.iterations()), benchmark::Counter::kIsRate);
    state.counters["GFLOP"]
        = benchmark::Counter(gSetup.flopsPerImage * 1e-9 * double(state.iterations()), benchmark::Counter::kIsRate);
}

// Batches of 8 already decoded images through inferBatch (what `utad eval` does).
void BM_InferBatch8(benchmark::State& state)
{
    const int threads = utad::setThreads(int(state.range(0)));
    const auto& images = gSetup.images;
    std::size_t i = 0;
    for (auto _ : state) {
        std::vector<cv::Mat> batch;
        for (int k = 0; k < 8; ++k)
            batch.push_back(images[i++ % images.size()]);
        benchmark::DoNotOptimize(gSetup.model->inferBatch(batch).size());
    }
    state.counters["threads"] = threads;
    state.counters["img"] = benchmark::Counter(8.0 * double(state.iterations()), benchmark::Counter::kIsRate);
    state.counters["GFLOP"] = benchmark::Counter(
        8.0 * gSetup.flopsPerImage * 1e-9 * double(state.iterations()), benchmark::Counter::kIsRate);
}

// r(x, x_hat) alone on the first test image's working-resolution views, with the model's scoring and
// residualShift = the argument: what forgiving a reconstruction a pixel off costs (OpenCV, 1 thread).
void BM_ReconstructionResidual(benchmark::State& state)
{
    const utad::Inference r = gSetup.model->infer(gSetup.images.front());
    utad::ModelConfig config = gSetup.model->info().config;
    config.residualShift = int(state.range(0));
    const int threads = cv::getNumThreads();
    cv::setNumThreads(1);
    for (auto _ : state)
        benchmark::DoNotOptimize(utad::scoring::reconstructionResidual(r.input, r.reconstruction, config).data);
    cv::setNumThreads(threads);
    state.SetLabel(std::to_string(r.input.cols) + " x " + std::to_string(r.input.rows) + " working pixels, "
        + config.reconstructionResidual);
}

// --alternate NAME=A,B: the whole pipeline with a scoring setting switched between two values image
// by image in one process, so that the machine's drift from run to run falls on both alike.
std::string gAlternateName, gAlternate[2];

void BM_InferAlternating(benchmark::State& state)
{
    const int threads = utad::setThreads(int(state.range(0)));
    const auto& samples = gSetup.data.test;
    const std::string kept = utad::configValue(gSetup.model->info().config, gAlternateName);
    double ms[2] = {0, 0};
    long count[2] = {0, 0};
    std::size_t i = 0;
    for (auto _ : state) {
        const int which = int(i % 2);
        gSetup.model->setScoringValue(gAlternateName, gAlternate[which]);
        const cv::Mat img = utad::readImage(samples[(i / 2) % samples.size()]);  // each image with both values
        const auto start = std::chrono::steady_clock::now();
        benchmark::DoNotOptimize(gSetup.model->infer(img).score);
        ms[which] += std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
        ++count[which];
        ++i;
    }
    gSetup.model->setScoringValue(gAlternateName, kept);
    state.counters["threads"] = threads;
    for (int k = 0; k < 2; ++k)
        state.counters[gAlternateName + "=" + gAlternate[k] + " ms"] = count[k] ? ms[k] / double(count[k]) : 0;
}

std::string takeOption(int& argc, char** argv, const std::string& name)
{
    for (int i = 1; i < argc; ++i) {
        if (name != argv[i])
            continue;
        if (i + 1 >= argc)
            throw utad::Error(name + " needs a value");
        std::string value = argv[i + 1];
        for (int j = i; j + 2 <= argc; ++j)
            argv[j] = argv[j + 2];
        argc -= 2;
        return value;
    }
    return {};
}

void prepare(const std::string& modelPath, const std::string& dataDir, const std::vector<std::string>& settings)
{
    gSetup.data = utad::openDataset(dataDir);
    for (const auto& s : gSetup.data.test)
        gSetup.images.push_back(utad::readImage(s));
    if (gSetup.images.empty())
        throw utad::Error("no test images in " + dataDir);

    std::string path = modelPath;
    if (path.empty()) {
        std::error_code ec;
        const fs::path models = utad::modelsDirectory();
        for (const auto& entry : fs::directory_iterator(models, ec))
            if (entry.path().extension() == ".utad" && (path.empty() || entry.path().string() < path))
                path = entry.path().string();
    }
    if (!path.empty()) {
        gSetup.model = utad::Model::load(path);
        gSetup.modelName = path;
    } else {
        utad::ModelConfig config = utad::configForDataset(gSetup.data, "cpu");
        config.ieSteps = 50;
        config.expertSteps = 50;
        gSetup.model = utad::Model::create(config);
        gSetup.model->train(gSetup.data);
        gSetup.modelName = "freshly trained cpu preset (50 + 50 steps)";
    }
    for (const auto& setting : settings) {
        const auto eq = setting.find('=');
        if (eq == std::string::npos)
            throw utad::Error("--set needs NAME=VALUE, got '" + setting + "'");
        gSetup.model->setScoringValue(setting.substr(0, eq), setting.substr(eq + 1));
        gSetup.modelName += " --set " + setting;
    }
    gSetup.model->infer(gSetup.images.front());  // warm-up: first-call allocations
    const Profile profile = profileInference(*gSetup.model, gSetup.images.front());
    gSetup.flopsPerImage = profile.flops;

    const utad::ModelConfig& c = gSetup.model->info().config;
    std::cout << "model: " << gSetup.modelName << " (" << utad::methodName(c.method) << ", preset " << c.preset << ", "
              << (c.wholeImage() ? std::string("whole images") : "working scale " + std::to_string(c.workingScale))
              << ", " << c.tileSize << "x" << c.tileSize << " tiles, K=" << c.naiveSamples << ")\n"
              << "data: " << gSetup.data.root << " (" << gSetup.images.size() << " test images)\n"
              << "work per image: " << gSetup.flopsPerImage * 1e-9 << " GFLOP (LibTorch profiler count)\n"
              << "cores: " << std::thread::hardware_concurrency() << "\n"
              << "operators taking the most time in one profiled inference (own time, ms):\n";
    std::vector<std::pair<double, std::string>> ops;
    double total = 0;
    for (const auto& [name, ms] : profile.selfMs) {
        ops.emplace_back(ms, name);
        total += ms;
    }
    std::sort(ops.rbegin(), ops.rend());
    for (size_t i = 0; i < std::min<size_t>(ops.size(), 10); ++i)
        std::printf("  %-36s %8.1f  %4.1f %%\n", ops[i].second.c_str(), ops[i].first, 100 * ops[i].first / total);
    std::printf("  %-36s %8.1f\n", "all operators", total);
}

}  // namespace

int main(int argc, char** argv)
{
    try {
        const std::string modelPath = takeOption(argc, argv, "--model");
        std::string dataDir = takeOption(argc, argv, "--data");
        if (dataDir.empty())
            dataDir = utad::sampleDirectory().string();
        std::vector<std::string> settings;
        for (std::string s; !(s = takeOption(argc, argv, "--set")).empty();)
            settings.push_back(s);
        if (const std::string a = takeOption(argc, argv, "--alternate"); !a.empty()) {
            const auto eq = a.find('='), comma = a.find(',', eq == std::string::npos ? 0 : eq);
            if (eq == std::string::npos || comma == std::string::npos)
                throw utad::Error("--alternate needs NAME=A,B, got '" + a + "'");
            gAlternateName = a.substr(0, eq);
            gAlternate[0] = a.substr(eq + 1, comma - eq - 1);
            gAlternate[1] = a.substr(comma + 1);
        }
        benchmark::Initialize(&argc, argv);
        if (benchmark::ReportUnrecognizedArguments(argc, argv))
            return 2;
        prepare(modelPath, dataDir, settings);
        if (!gAlternateName.empty()) {  // a wrong name or value is reported now, not after the other runs
            const std::string kept = utad::configValue(gSetup.model->info().config, gAlternateName);
            for (const auto& value : {gAlternate[0], gAlternate[1], kept})
                gSetup.model->setScoringValue(gAlternateName, value);
        }
    } catch (const utad::Error& e) {
        std::cerr << "utad-bench: " << e.what() << "\n";
        return 1;
    }
    const int cores = int(std::max(1u, std::thread::hardware_concurrency()));
    std::vector<long> threadCounts = {1};
    if (cores > 1)
        threadCounts.push_back(cores);
    for (long t : threadCounts) {
        benchmark::RegisterBenchmark("MatmulPeak1024", BM_MatmulPeak)
            ->Arg(t)
            ->Iterations(5)
            ->Unit(benchmark::kMillisecond);
        benchmark::RegisterBenchmark("InferImage", BM_InferImage)
            ->Arg(t)
            ->UseRealTime()
            ->MinTime(3.0)
            ->Unit(benchmark::kMillisecond);
        benchmark::RegisterBenchmark("InferBatch8", BM_InferBatch8)
            ->Arg(t)
            ->UseRealTime()
            ->MinTime(3.0)
            ->Unit(benchmark::kMillisecond);
    }
    if (!gAlternateName.empty())
        benchmark::RegisterBenchmark("InferAlternating", BM_InferAlternating)
            ->Arg(cores)
            ->UseRealTime()
            ->MinTime(20.0)
            ->Unit(benchmark::kMillisecond);
    benchmark::RegisterBenchmark("ReconstructionResidual", BM_ReconstructionResidual)
        ->DenseRange(0, 1)
        ->Unit(benchmark::kMillisecond);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
