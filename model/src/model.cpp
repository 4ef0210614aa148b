#include "utad/error.h"

#include "model_impl.h"
#include "scoring.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstring>
#include <opencv2/imgproc.hpp>
#include <thread>

namespace utad {

// ---------------------------------------------------------------------------------------------
// Presets and names

ModelConfig presetConfig(const std::string& preset, Method method)
{
    ModelConfig c;
    c.method = method;
    c.preset = preset;
    if (preset == "cpu") {
        c.tileSize = 64;
        c.workingScale = 0.5;
        c.ieWidth = 16;
        c.latentDim = 64;
        c.expertWidth = 8;
        c.detailDim = 8;
        // One naive impression from the detail prior's mean instead of the mean of K = 4 random
        // ones: measured over 3 seeds on battery-weld, textures and painted welds (docs/BENCHMARKS.md),
        // better on textures and within the seed spread on the welds, with 2 decoder passes per tile
        // instead of 5.
        c.naiveSamples = 0;
        c.ieSteps = 1200;
        c.expertSteps = 400;
        // Measured over three seeds on battery-weld, painted welds and the textures (docs/BENCHMARKS.md):
        // the segmenter's probability in the map finds the painted defects far better and holds on
        // the real battery-weld ones. Not measured with the paper preset's sizes, which leave it off.
        c.segmenterSteps = 1000;
        c.segmenterMap = "product";
        c.batchSize = 8;
        c.learningRate = 1e-3;
    } else if (preset == "paper") {
        // Release sizes: 256x256 input, 8x8x512 bottleneck, 128-d latent, K = 10.
        c.tileSize = 256;
        c.workingScale = 1.0;
        c.ieWidth = 64;
        c.latentDim = 128;
        c.expertWidth = 64;
        c.detailDim = 8;
        c.naiveSamples = 10;
        c.ieSteps = 20000;
        c.expertSteps = 10000;
        c.batchSize = 16;
        c.learningRate = 1e-3;
    } else {
        throw Error("unknown preset '" + preset + "' (expected cpu or paper)");
    }
    // Scoring measured over three seeds on battery-weld (docs/BENCHMARKS.md): without SSIM's
    // luminance term the dark background stops lighting up, and the mean of the map's top 2 % ranks
    // images better than its single highest pixel or its top 1 % (the latter also on the painted
    // defects, within their spread).
    c.ssimLuminance = false;
    c.scoreTopFraction = 0.02;
    // Measured over three seeds on battery-weld and one on the synthetic textures (docs/BENCHMARKS.md):
    // a larger epsilon keeps the Expert-Net's norms from stretching flat tiles into bright bubbles.
    c.expertNormEpsilon = 0.1;
    // Measured over three seeds on battery-weld, painted welds and the textures (docs/BENCHMARKS.md):
    // the gradient term helps on textures and not on the welds, so calibration chooses.
    c.reconstructionResidual = "auto";
    // Measured over three seeds on battery-weld, painted welds and the textures (docs/BENCHMARKS.md);
    // configForDataset leaves it off for whole small images.
    c.residualShift = 1;
    if (method == Method::Autoencoder) {
        // The same budget: the baseline also gets the Expert-Net's and the segmenter's shares, a
        // step of theirs costing about kExpertStepCost and kSegmenterStepCost IE-Net steps
        // (docs/BENCHMARKS.md).
        c.ieSteps += int(kExpertStepCost * c.expertSteps + kSegmenterStepCost * c.segmenterSteps);
        c.expertSteps = 0;
        c.segmenterSteps = 0;  // it reads the two stages' outputs
        c.ssimLossWeight = 1.0;  // AE-SSIM (Bergmann et al.): SSIM + L2
    }
    return c;
}

int stepsBeforeStage(const ModelConfig& config, const std::string& stage)
{
    if (stage == "Expert-Net")
        return config.ieSteps;
    if (stage == "Segmenter")
        return config.ieSteps + config.expertSteps;
    return 0;
}

ModelConfig configForDataset(const Dataset& dataset, const std::string& preset, Method method)
{
    ModelConfig c = presetConfig(preset, method);
    if (dataset.kind == DatasetKind::Idx) {
        c.tileSize = 32;
        c.workingScale = 0;
        c.channels = 1;
        // Aligned whole objects: the map standardised by good images' maps and scored by its top 2 %
        // ranked Fashion-MNIST classes better than the mean of the plain map, which had ranked them
        // better than its maximum (docs/BENCHMARKS.md).
        c.standardiseMap = true;
        c.scoreTopFraction = 0.02;
        // A pixel is a large part of a 28 x 28 garment: the shift forgave real differences of shape
        // (docs/BENCHMARKS.md).
        c.residualShift = 0;
        // Not measured on Fashion-MNIST's one-class protocol, where a defect is a whole other garment.
        c.segmenterSteps = 0;
        return c;
    }
    // Channels and typical size from a few training images.
    std::vector<int> longSides;
    bool colour = false;
    const size_t probe = std::min<size_t>(dataset.train.size(), 16);
    for (size_t i = 0; i < probe; ++i) {
        try {
            const cv::Mat img = readImage(dataset.train[i]);
            longSides.push_back(std::max(img.cols, img.rows));
            if (img.channels() == 3) {
                std::vector<cv::Mat> bgr;
                cv::split(img, bgr);
                colour = colour || cv::norm(bgr[0], bgr[1], cv::NORM_INF) > 8
                    || cv::norm(bgr[1], bgr[2], cv::NORM_INF) > 8;
            }
        } catch (const Error&) {
            // An unreadable image is reported when training reads it.
        }
    }
    c.channels = colour ? 3 : 1;
    if (longSides.empty())
        return c;
    std::nth_element(longSides.begin(), longSides.begin() + long(longSides.size() / 2), longSides.end());
    const int longSide = longSides[longSides.size() / 2];
    if (longSide <= c.tileSize * 3 / 2) {
        c.workingScale = 0;  // small images: one tile each
        c.residualShift = 0;  // as for Fashion-MNIST above
    } else {
        // Working images about three tiles long: tiles see a local part, and a 400 x 256 image costs
        // about 18 tiles.
        c.workingScale = std::min(1.0, 3.0 * c.tileSize / longSide);
    }
    return c;
}

Method methodFromString(const std::string& name)
{
    if (name == "utad")
        return Method::TwoStage;
    if (name == "ae")
        return Method::Autoencoder;
    throw Error("unknown method '" + name + "' (expected utad or ae)");
}

std::string methodName(Method method) { return method == Method::Autoencoder ? "ae" : "utad"; }

Device deviceFromString(const std::string& name)
{
    if (name == "auto")
        return Device::Auto;
    if (name == "cpu")
        return Device::Cpu;
    if (name == "cuda")
        return Device::Cuda;
    throw Error("unknown device '" + name + "' (expected auto, cpu or cuda)");
}

int setThreads(int threads)
{
    int n = threads > 0 ? threads : int(std::max(1u, std::thread::hardware_concurrency()));
    at::set_num_threads(n);
    return at::get_num_threads();
}

double measureMatmulGflops(int n)
{
    torch::NoGradGuard noGrad;
    auto a = torch::rand({n, n}), b = torch::rand({n, n});
    auto c = torch::mm(a, b);  // warm-up
    const int reps = 3;
    auto start = std::chrono::steady_clock::now();
    for (int i = 0; i < reps; ++i)
        c = torch::mm(a, b);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return 2.0 * double(n) * n * n * reps / seconds / 1e9;
}

double meanSsim(const cv::Mat& a, const cv::Mat& b)
{
    if (a.empty() || a.size() != b.size())
        throw Error("SSIM needs two images of one size");
    return 1.0 - cv::mean(scoring::ssimResidual(scoring::toGrey(a), scoring::toGrey(b)))[0];
}

// ---------------------------------------------------------------------------------------------
// Networks, pre-processing, inference

void Model::Impl::build(Device choice)
{
    const auto& c = info.config;
    if (c.channels != 1 && c.channels != 3)
        throw Error("model channels must be 1 or 3, got " + std::to_string(c.channels));
    if (choice == Device::Cuda && !torch::cuda::is_available())
        throw Error("CUDA was asked for, but this program's LibTorch has no CUDA or no GPU is visible");
    const bool cuda = choice == Device::Cuda || (choice == Device::Auto && torch::cuda::is_available());
    device = cuda ? torch::Device(torch::kCUDA) : torch::Device(torch::kCPU);
    torch::manual_seed(c.seed);
    const int inChannels = c.channels + (c.positionChannels ? 2 : 0);
    ie = nets::IENet(
        inChannels, c.channels, c.tileSize, c.ieWidth, c.latentDim, c.method == Method::TwoStage, c.ieSkipLevels);
    ie->to(device);
    expert = nullptr;
    if (c.method == Method::TwoStage) {
        expert = nets::ExpertNet(c.channels, c.expertWidth, c.detailDim, c.naiveSamples, c.seed, c.expertNormEpsilon);
        expert->to(device);
    }
    segmenter = nullptr;
    buildSegmenter();
    setEval();
}

void Model::Impl::buildSegmenter()
{
    const auto& c = info.config;
    if (segmenter || !expert || c.segmenterSteps <= 0)
        return;
    torch::manual_seed(c.seed + 1);
    segmenter = nets::DefectSegmenter(6 * c.channels, c.segmenterWidth);
    segmenter->to(device);
    segmenter->eval();
}

void Model::Impl::setEval()
{
    ie->eval();
    if (expert)
        expert->eval();
    if (segmenter)
        segmenter->eval();
}

torch::Tensor Model::Impl::segmenterViews(
    const torch::Tensor& x01, const torch::Tensor& m, const torch::Tensor& xhat, const torch::Tensor& naive) const
{
    return torch::cat({x01, m, xhat, naive, (x01 - xhat).abs(), (m - naive).abs()}, 1);
}

cv::Mat Model::Impl::workingImage(const cv::Mat& image) const
{
    if (image.empty())
        throw Error("cannot run the model on an empty image");
    const auto& c = info.config;
    cv::Mat img = image;
    if (img.channels() == 4)
        cv::cvtColor(img, img, cv::COLOR_BGRA2BGR);
    if (c.channels == 1 && img.channels() == 3)
        cv::cvtColor(img, img, cv::COLOR_BGR2GRAY);
    else if (c.channels == 3 && img.channels() == 1)
        cv::cvtColor(img, img, cv::COLOR_GRAY2BGR);
    cv::Mat f;
    if (img.depth() == CV_32F)
        f = img;
    else if (img.depth() == CV_16U)
        img.convertTo(f, CV_32F, 1.0 / 65535.0);
    else
        img.convertTo(f, CV_32F, 1.0 / 255.0);
    cv::Size size;
    if (c.wholeImage())
        size = cv::Size(c.tileSize, c.tileSize);
    else
        size = cv::Size(std::max(1, int(std::lround(f.cols * c.workingScale))),
            std::max(1, int(std::lround(f.rows * c.workingScale))));
    if (size == f.size())
        return f;
    cv::Mat out;
    cv::resize(f, out, size, 0, 0, size.area() < f.size().area() ? cv::INTER_AREA : cv::INTER_LINEAR);
    return out;
}

TileGrid Model::Impl::grid(cv::Size working) const
{
    return TileGrid::make(working, info.config.tileSize, info.config.tileOverlap);  // as the training sampler
}

torch::Tensor Model::Impl::pixels(const std::vector<Tile>& tiles) const
{
    const auto& c = info.config;
    auto batch = torch::empty({long(tiles.size()), c.tileSize, c.tileSize, c.channels});
    for (size_t i = 0; i < tiles.size(); ++i) {
        const cv::Mat& t = tiles[i].pixels;
        cv::Mat m = t.isContinuous() ? t : t.clone();
        std::memcpy(batch[long(i)].data_ptr<float>(), m.ptr<float>(), sizeof(float) * m.total() * m.channels());
    }
    return batch.permute({0, 3, 1, 2}).contiguous().to(device);
}

torch::Tensor Model::Impl::ieInput(const std::vector<Tile>& tiles, const torch::Tensor& x01) const
{
    auto xn = normalise(x01);
    if (!info.config.positionChannels)
        return xn;
    // Each pixel's place in its working image, -1..1 across it (beyond 1 in the padding).
    const int t = info.config.tileSize;
    auto coords = torch::empty({long(tiles.size()), 2, t, t});
    auto ramp = torch::arange(t, torch::kFloat32) + 0.5f;
    for (size_t i = 0; i < tiles.size(); ++i) {
        const auto& tile = tiles[i];
        auto xs = (ramp + float(tile.origin.x)) * (2.0f / float(std::max(1, tile.imageSize.width))) - 1.0f;
        auto ys = (ramp + float(tile.origin.y)) * (2.0f / float(std::max(1, tile.imageSize.height))) - 1.0f;
        if (tile.flipX)
            xs = xs.flip(0);
        if (tile.flipY)
            ys = ys.flip(0);
        coords[long(i)][0].copy_(xs.unsqueeze(0).expand({t, t}));
        coords[long(i)][1].copy_(ys.unsqueeze(1).expand({t, t}));
    }
    return torch::cat({xn, coords.to(device)}, 1);
}

torch::Tensor Model::Impl::normalise(const torch::Tensor& x01) const
{
    return (x01 - info.normalization.mean) / info.normalization.stddev;
}

namespace {

// [N, C, H, W] tensor in [0, 1] -> one CV_32F image (C channels) per sample.
std::vector<cv::Mat> toMats(const torch::Tensor& nchw)
{
    auto t = nchw.detach().to(torch::kCPU).clamp(0, 1).permute({0, 2, 3, 1}).contiguous();
    const int n = int(t.size(0)), h = int(t.size(1)), w = int(t.size(2)), c = int(t.size(3));
    std::vector<cv::Mat> out;
    for (int i = 0; i < n; ++i) {
        cv::Mat m(h, w, CV_MAKETYPE(CV_32F, c));
        std::memcpy(m.ptr<float>(), t[i].data_ptr<float>(), sizeof(float) * size_t(h) * w * c);
        out.push_back(m);
    }
    return out;
}

// One CV_32F image (or a view of one) -> [1, C, H, W] on `device`, copied once.
torch::Tensor toTensor(const cv::Mat& image, torch::Device device)
{
    const int64_t channels = image.channels(), row = int64_t(image.step1());
    return torch::from_blob(
        image.data, {1, image.rows, image.cols, channels}, {row * image.rows, row, channels, 1}, torch::kFloat32)
        .permute({0, 3, 1, 2})
        .clone(at::MemoryFormat::Contiguous)
        .to(device);
}

// Tiles per forward pass: the K naive impressions of each tile go through a decoder in one batch,
// so the batch is bounded by tile pixels x K (32 tiles of 64 x 64 with K = 4), whatever the preset.
size_t tilesPerPass(const ModelConfig& c)
{
    const double budget = 32.0 * 64 * 64 * 4;
    return size_t(std::max(1.0, budget / (double(c.tileSize) * c.tileSize * std::max(1, c.naiveSamples))));
}

}  // namespace

cv::Mat Model::Impl::standardised(const cv::Mat& map) const
{
    const Calibration& cal = info.calibration;
    if (!info.config.standardiseMap || cal.mapMean.empty())
        return map;
    if (cal.mapMean.size() != map.size())  // a loaded file's grid is checked against the tile size
        throw Error("the model's map statistics do not fit its anomaly maps");
    // A floor on the spread: a place where good maps hardly vary must not turn noise into defects.
    const double floor = 0.1 * cv::mean(cal.mapStddev)[0] + 1e-6;
    cv::Mat z = (map - cal.mapMean) / (cal.mapStddev + floor);
    return cv::max(z, 0.0);
}

// The segmenter reads the stitched views, not each tile: it has no position input, so tiles would
// only make it do the overlap's work four times over and leave seams.
cv::Mat Model::Impl::segment(const Inference& r, int core, int margin) const
{
    return inWindows(r.input.size(), core, margin, [&](const cv::Rect& w) {
        const auto views = segmenterViews(toTensor(r.input(w), device), toTensor(r.impression(w), device),
            toTensor(r.reconstruction(w), device), toTensor(r.naiveImpression(w), device));
        return toMats(torch::sigmoid(segmenter.ptr()->forward(views))).front();
    });
}

std::vector<Inference> Model::Impl::run(
    const std::vector<cv::Mat>& working, const std::vector<cv::Size>& sourceSizes) const
{
    torch::NoGradGuard noGrad;
    const auto& c = info.config;
    const size_t n = working.size();
    std::vector<Inference> out(n);
    if (n == 0)
        return out;

    // Cut every image into tiles; results are blended back per image.
    struct Job {
        size_t image, tile;
    };
    std::vector<TileGrid> grids;
    std::vector<cv::Mat> padded;
    std::vector<Job> jobs;
    for (size_t i = 0; i < n; ++i) {
        grids.push_back(grid(working[i].size()));
        padded.push_back(padToGrid(working[i], grids.back()));
        for (size_t t = 0; t < grids.back().origins.size(); ++t)
            jobs.push_back({i, t});
    }
    struct Blenders {
        TileBlender impression, reconstruction, naiveMean, naiveVariance;
    };
    std::vector<Blenders> blend;
    for (size_t i = 0; i < n; ++i)
        blend.push_back({TileBlender(grids[i], c.channels), TileBlender(grids[i], c.channels),
            TileBlender(grids[i], c.channels), TileBlender(grids[i], 1)});

    // A segmenter the scoring leaves out costs nothing; one not yet trained (a run stopped before
    // its stage) would only add noise.
    const bool segmenting = segmenter && c.segmenterMap != "off" && info.training.segmenterStepsDone > 0;
    const size_t perPass = tilesPerPass(c);
    for (size_t first = 0; first < jobs.size(); first += perPass) {
        const size_t last = std::min(jobs.size(), first + perPass);
        std::vector<Tile> tiles;
        for (size_t j = first; j < last; ++j) {
            const Job& job = jobs[j];
            const cv::Point o = grids[job.image].origins[job.tile];
            tiles.push_back(
                {padded[job.image](cv::Rect(o, cv::Size(c.tileSize, c.tileSize))), o, working[job.image].size()});
        }
        auto x01 = pixels(tiles);
        auto xn = normalise(x01);
        // The holders are const here; forward passes in eval mode change nothing.
        auto m = ie.ptr()->forward(ieInput(tiles, x01)).image;
        const auto mTiles = toMats(m);
        std::vector<cv::Mat> xhatTiles, naiveTiles, varTiles;
        if (expert) {
            auto xhat = expert.ptr()->reconstruct(xn, normalise(m));
            xhatTiles = toMats(xhat);
            auto naive = expert.ptr()->naive(xn).clamp(0, 1);  // [K, N, C, T, T]
            const auto naiveMean = naive.mean(0);
            naiveTiles = toMats(naiveMean);
            if (naive.size(0) > 1)
                varTiles = toMats(naive.mean(2, true).var(0, false));  // grey variance over the K samples
            else  // one naive impression varies from nothing
                for (const auto& t : naiveTiles)
                    varTiles.push_back(cv::Mat::zeros(t.size(), CV_32F));
        }
        for (size_t j = first; j < last; ++j) {
            const size_t k = j - first;
            Blenders& b = blend[jobs[j].image];
            b.impression.add(jobs[j].tile, mTiles[k]);
            if (expert) {
                b.reconstruction.add(jobs[j].tile, xhatTiles[k]);
                b.naiveMean.add(jobs[j].tile, naiveTiles[k]);
                b.naiveVariance.add(jobs[j].tile, varTiles[k]);
            }
        }
    }

    for (size_t i = 0; i < n; ++i) {
        Inference& r = out[i];
        r.input = working[i];
        r.impression = blend[i].impression.result();
        scoring::Views v;
        v.x = scoring::toGrey(r.input);
        v.impression = scoring::toGrey(r.impression);
        if (expert) {
            r.reconstruction = blend[i].reconstruction.result();
            r.naiveImpression = blend[i].naiveMean.result();
            v.naiveMean = scoring::toGrey(r.naiveImpression);
            v.naiveVariance = blend[i].naiveVariance.result();
            r.residualNaive = scoring::residual(r.impression, r.naiveImpression, c.ssimResidual, c.ssimLuminance);
            v.naiveResidual = r.residualNaive;
            if (segmenting)
                v.segmentation = r.segmentation = segment(r);
        } else {
            r.reconstruction = r.impression;
        }
        v.reconstruction = scoring::toGrey(r.reconstruction);
        r.residualImpression = scoring::residual(r.input, r.impression, c.ssimResidual, c.ssimLuminance);
        r.residualReconstruction = scoring::reconstructionResidual(r.input, r.reconstruction, c);
        v.reconstructionResidual = r.residualReconstruction;
        r.anomalyMapNet = standardised(scoring::smooth(scoring::anomalyMap(v, c), c.smoothSigma));
        r.score = scoring::imageScore(r.anomalyMapNet, c.scoreTopFraction);
        const cv::Size size = sourceSizes[i].area() > 0 ? sourceSizes[i] : r.anomalyMapNet.size();
        if (size == r.anomalyMapNet.size())
            r.anomalyMap = r.anomalyMapNet.clone();
        else
            cv::resize(r.anomalyMapNet, r.anomalyMap, size, 0, 0, cv::INTER_LINEAR);
    }
    return out;
}

// ---------------------------------------------------------------------------------------------
// Model

Model::Model() : d(std::make_unique<Impl>()) {}
Model::~Model() = default;

void checkConfig(const ModelConfig& config)
{
    if (config.tileSize < 32 || config.tileSize % 32 != 0)
        throw Error("tile size must be a positive multiple of 32, got " + std::to_string(config.tileSize));
    if (config.ieWidth < 4 || config.ieWidth % 4 != 0)
        throw Error("IE-Net width must be a positive multiple of 4, got " + std::to_string(config.ieWidth));
    if (config.latentDim < 1 || config.expertWidth < 1 || config.detailDim < 1 || config.batchSize < 1
        || config.ieSteps < 0 || config.expertSteps < 0)
        throw Error("model sizes, steps and batch size must be positive");
    if (config.naiveSamples < 0)
        throw Error(
            "naive samples must be 0 (the detail prior's mean) or more, got " + std::to_string(config.naiveSamples));
    if (config.workingScale < 0 || config.workingScale > 4)
        throw Error("working scale must be between 0 (whole image) and 4, got " + std::to_string(config.workingScale));
    if (config.ieSkipLevels < 0 || config.ieSkipLevels > 3)
        throw Error("IE-Net skip levels must be 0 to 3, got " + std::to_string(config.ieSkipLevels));
    if (!(config.expertNormEpsilon > 0))
        throw Error("the Expert-Net's norm epsilon must be above 0, got " + std::to_string(config.expertNormEpsilon));
    if (config.ganWeight < 0)
        throw Error("the adversarial weight must be 0 or more, got " + std::to_string(config.ganWeight));
    if (config.ieNoise < 0 || config.ieNoiseCells < 1)
        throw Error("IE-Net noise must be 0 or more on a grid of at least 1 cell");
    if (config.tileOverlap < 0 || config.tileOverlap > 0.9)
        throw Error("tile overlap must be between 0 and 0.9, got " + std::to_string(config.tileOverlap));
    if (config.segmenterSteps < 0 || config.segmenterWidth < 1)
        throw Error("the segmenter's steps must be 0 or more and its width 1 or more");
    if (config.residualShift < 0 || config.residualShift > 8)
        throw Error("the residual's shift must be 0 to 8 pixels, got " + std::to_string(config.residualShift));
}

std::unique_ptr<Model> Model::create(const ModelConfig& config, Device device)
{
    checkConfig(config);
    std::unique_ptr<Model> model(new Model());
    model->d->info.formatVersion = kModelFormatVersion;
    model->d->info.config = config;
    model->d->build(device);
    return model;
}

Inference Model::infer(const cv::Mat& image) const { return inferBatch({image}).front(); }

std::vector<Inference> Model::inferBatch(const std::vector<cv::Mat>& images) const
{
    std::vector<Inference> out;
    // A few images at a time keep memory flat for long lists; run() bounds each forward pass.
    const size_t chunk = 16;
    for (size_t i = 0; i < images.size(); i += chunk) {
        std::vector<cv::Mat> working;
        std::vector<cv::Size> sizes;
        for (size_t j = i; j < std::min(images.size(), i + chunk); ++j) {
            working.push_back(d->workingImage(images[j]));
            sizes.push_back(images[j].size());
        }
        auto part = d->run(working, sizes);
        std::move(part.begin(), part.end(), std::back_inserter(out));
    }
    return out;
}

const ModelInfo& Model::info() const { return d->info; }

void Model::setScoringValue(const std::string& name, const std::string& value)
{
    if (!isScoringField(name))
        throw Error("'" + name + "' is fixed when the model is trained; scoring settings are " + scoringFieldList());
    ModelConfig changed = d->info.config;
    setConfigValue(changed, name, value);
    if (configValue(changed, name) == configValue(d->info.config, name))
        return;
    checkConfig(changed);
    if (d->expert && changed.naiveSamples != d->info.config.naiveSamples)
        d->expert->drawNaiveCodes(changed.naiveSamples, changed.seed);
    d->info.config = changed;
    d->info.calibration = Calibration{};
}

bool Model::trained() const { return d->trained; }

bool Model::complete() const
{
    const auto& c = d->info.config;
    const auto& t = d->info.training;
    return d->trained && t.ieStepsDone >= c.ieSteps && (!d->expert || t.expertStepsDone >= c.expertSteps)
        && (!d->segmenter || t.segmenterStepsDone >= c.segmenterSteps);
}

void Model::addSegmenter(int steps, int width)
{
    if (!d->expert)
        throw Error("a defect segmenter needs the two-stage method");
    if (!d->trained)
        throw Error("a defect segmenter needs a trained model: train its two stages first");
    ModelConfig changed = d->info.config;
    changed.segmenterSteps = steps;
    changed.segmenterWidth = width;
    checkConfig(changed);
    d->info.config = changed;
    d->info.training.segmenterStepsDone = 0;
    d->segmenter = nullptr;  // one it had is replaced by a fresh one
    d->buildSegmenter();
}

std::string Model::deviceName() const { return d->device.is_cuda() ? "cuda" : "cpu"; }

}  // namespace utad
