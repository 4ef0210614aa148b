#include "model_impl.h"
#include "scoring.h"

#include "utad/error.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <cmath>
#include <numeric>
#include <optional>
#include <random>
#include <thread>

namespace utad {

namespace F = torch::nn::functional;

// ---------------------------------------------------------------------------------------------
// Presets and names

ModelConfig presetConfig(const std::string& preset, Method method) {
    ModelConfig c;
    c.method = method;
    c.preset = preset;
    if (preset == "cpu") {
        c.imageSize = 64;
        c.ieWidth = 16;
        c.latentDim = 64;
        c.expertWidth = 8;
        c.detailDim = 8;
        c.naiveSamples = 4;
        c.epochs = 60;
        c.expertEpochs = 20;
        c.batchSize = 8;
        c.learningRate = 1e-3;
    } else if (preset == "paper") {
        // Release sizes: 256x256 input, 8x8x512 bottleneck, 128-d latent, K = 10.
        c.imageSize = 256;
        c.ieWidth = 64;
        c.latentDim = 128;
        c.expertWidth = 64;
        c.detailDim = 8;
        c.naiveSamples = 10;
        c.epochs = 400;
        c.expertEpochs = 200;
        c.batchSize = 16;
        c.learningRate = 1e-3;
    } else {
        throw Error("unknown preset '" + preset + "' (expected cpu or paper)");
    }
    // Measured on battery-weld: the release combination scored image AUROC 0.65 with the short CPU
    // training, r(x, x_hat) + r(m, naive) 0.95 (docs/BENCHMARKS.md).
    c.anomalyCombination = "recon+naive";
    if (method == Method::Autoencoder) {
        // Same total budget: the autoencoder also gets the Expert-Net's epochs, each measured at about
        // 5 IE-Net epochs at 64 px (docs/BENCHMARKS.md).
        c.epochs += 5 * c.expertEpochs;
        c.expertEpochs = 0;
    }
    return c;
}

Method methodFromString(const std::string& name) {
    if (name == "utad")
        return Method::TwoStage;
    if (name == "ae")
        return Method::Autoencoder;
    throw Error("unknown method '" + name + "' (expected utad or ae)");
}

std::string methodName(Method method) {
    return method == Method::Autoencoder ? "ae" : "utad";
}

int setThreads(int threads) {
    int n = threads > 0 ? threads : int(std::max(1u, std::thread::hardware_concurrency()));
    at::set_num_threads(n);
    return at::get_num_threads();
}

double measureMatmulGflops(int n) {
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

// ---------------------------------------------------------------------------------------------
// Networks, pre-processing, inference

void Model::Impl::build() {
    const auto& c = info.config;
    if (c.channels != 1 && c.channels != 3)
        throw Error("model channels must be 1 or 3, got " + std::to_string(c.channels));
    torch::manual_seed(c.seed);
    device = torch::cuda::is_available() ? torch::Device(torch::kCUDA) : torch::Device(torch::kCPU);
    ie = nets::IENet(c.channels, c.imageSize, c.ieWidth, c.latentDim, c.method == Method::TwoStage);
    ie->to(device);
    expert = nullptr;
    if (c.method == Method::TwoStage) {
        expert = nets::ExpertNet(c.channels, c.expertWidth, c.detailDim, c.naiveSamples, c.seed);
        expert->to(device);
    }
    setEval();
}

void Model::Impl::setEval() {
    ie->eval();
    if (expert)
        expert->eval();
}

cv::Mat Model::Impl::prepare(const cv::Mat& image) const {
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
    cv::Mat out;
    cv::resize(f, out, cv::Size(c.imageSize, c.imageSize), 0, 0,
               f.cols > c.imageSize ? cv::INTER_AREA : cv::INTER_LINEAR);
    return out;
}

torch::Tensor Model::Impl::toBatch(const std::vector<cv::Mat>& images) const {
    const auto& c = info.config;
    auto batch = torch::empty({long(images.size()), c.imageSize, c.imageSize, c.channels});
    for (size_t i = 0; i < images.size(); ++i) {
        cv::Mat m = images[i].isContinuous() ? images[i] : images[i].clone();
        std::memcpy(batch[long(i)].data_ptr<float>(), m.ptr<float>(), sizeof(float) * m.total() * m.channels());
    }
    return batch.permute({0, 3, 1, 2}).contiguous().to(device);
}

torch::Tensor Model::Impl::normalise(const torch::Tensor& x01) const {
    return (x01 - info.normalization.mean) / info.normalization.stddev;
}

namespace {

// [C, H, W] tensor in [0, 1] -> CV_32F image (C channels).
cv::Mat toMat(const torch::Tensor& chw) {
    auto t = chw.detach().to(torch::kCPU).clamp(0, 1).permute({1, 2, 0}).contiguous();
    const int h = int(t.size(0)), w = int(t.size(1)), c = int(t.size(2));
    cv::Mat m(h, w, CV_MAKETYPE(CV_32F, c));
    std::memcpy(m.ptr<float>(), t.data_ptr<float>(), sizeof(float) * size_t(h) * w * c);
    return m;
}

} // namespace

std::vector<Inference> Model::Impl::run(const std::vector<cv::Mat>& prepared,
                                        const std::vector<cv::Size>& sourceSizes) const {
    torch::NoGradGuard noGrad;
    const auto& c = info.config;
    std::vector<Inference> out(prepared.size());
    if (prepared.empty())
        return out;
    auto x01 = toBatch(prepared);
    auto xn = normalise(x01);
    // The holders are const here; forward passes in eval mode change nothing.
    auto m = ie.ptr()->forward(xn).image;
    torch::Tensor xhat, naive;
    if (expert) {
        xhat = expert.ptr()->reconstruct(xn, normalise(m));
        naive = expert.ptr()->naive(xn);  // [K, N, C, H, W]
    }
    for (size_t i = 0; i < prepared.size(); ++i) {
        Inference& r = out[i];
        const long n = long(i);
        r.input = prepared[i];
        r.impression = toMat(m[n]);
        scoring::Views v;
        v.x = scoring::toGrey(r.input);
        v.impression = scoring::toGrey(r.impression);
        if (expert) {
            r.reconstruction = toMat(xhat[n]);
            std::vector<cv::Mat> samples;
            for (long k = 0; k < naive.size(0); ++k)
                samples.push_back(scoring::toGrey(toMat(naive[k][n])));
            r.naiveImpression = toMat(naive.select(1, n).mean(0));
            v.naiveMean = scoring::toGrey(r.naiveImpression);
            v.naiveVariance = scoring::variance(samples);
            r.residualNaive = scoring::residual(r.impression, r.naiveImpression, c.ssimResidual);
        } else {
            r.reconstruction = r.impression;
        }
        v.reconstruction = scoring::toGrey(r.reconstruction);
        r.residualImpression = scoring::residual(r.input, r.impression, c.ssimResidual);
        r.residualReconstruction = scoring::residual(r.input, r.reconstruction, c.ssimResidual);
        r.anomalyMapNet = scoring::smooth(scoring::anomalyMap(v, c), c.smoothSigma);
        r.score = scoring::imageScore(r.anomalyMapNet, c.scoreTopFraction);
        const cv::Size size = sourceSizes[i].area() > 0 ? sourceSizes[i] : r.anomalyMapNet.size();
        cv::resize(r.anomalyMapNet, r.anomalyMap, size, 0, 0, cv::INTER_LINEAR);
    }
    return out;
}

// ---------------------------------------------------------------------------------------------
// Model

Model::Model() : d(std::make_unique<Impl>()) {}
Model::~Model() = default;

std::unique_ptr<Model> Model::create(const ModelConfig& config) {
    if (config.imageSize < 32 || config.imageSize % 32 != 0)
        throw Error("image size must be a positive multiple of 32, got " + std::to_string(config.imageSize));
    if (config.ieWidth < 4 || config.ieWidth % 4 != 0)
        throw Error("IE-Net width must be a positive multiple of 4, got " + std::to_string(config.ieWidth));
    if (config.latentDim < 1 || config.expertWidth < 1 || config.detailDim < 1 || config.naiveSamples < 1 ||
        config.batchSize < 1 || config.epochs < 0 || config.expertEpochs < 0)
        throw Error("model sizes, epochs and batch size must be positive");
    setThreads(config.threads);
    std::unique_ptr<Model> model(new Model());
    model->d->info.formatVersion = kModelFormatVersion;
    model->d->info.config = config;
    model->d->build();
    return model;
}

Inference Model::infer(const cv::Mat& image) const {
    return inferBatch({image}).front();
}

std::vector<Inference> Model::inferBatch(const std::vector<cv::Mat>& images) const {
    std::vector<cv::Mat> prepared;
    std::vector<cv::Size> sizes;
    for (const auto& img : images) {
        prepared.push_back(d->prepare(img));
        sizes.push_back(img.size());
    }
    // Bounded batches keep memory flat for long lists.
    std::vector<Inference> out;
    const size_t chunk = 32;
    for (size_t i = 0; i < prepared.size(); i += chunk) {
        const size_t end = std::min(prepared.size(), i + chunk);
        auto part = d->run({prepared.begin() + long(i), prepared.begin() + long(end)},
                           {sizes.begin() + long(i), sizes.begin() + long(end)});
        std::move(part.begin(), part.end(), std::back_inserter(out));
    }
    return out;
}

const ModelInfo& Model::info() const { return d->info; }

void Model::setScoringValue(const std::string& name, const std::string& value) {
    if (!isScoringField(name)) {
        std::string scoring;
        for (const auto& f : configFieldNames())
            if (isScoringField(f))
                scoring += (scoring.empty() ? "" : ", ") + f;
        throw Error("'" + name + "' is fixed when the model is trained; scoring settings are " + scoring);
    }
    ModelConfig changed = d->info.config;
    setConfigValue(changed, name, value);
    if (configValue(changed, name) == configValue(d->info.config, name))
        return;
    d->info.config = changed;
    d->info.calibration = Calibration{};
}
bool Model::trained() const { return d->trained; }
std::string Model::deviceName() const { return d->device.is_cuda() ? "cuda" : "cpu"; }

// ---------------------------------------------------------------------------------------------
// Training

namespace {

using Clock = std::chrono::steady_clock;

// Copies of every parameter and buffer, to return to the last complete epoch on cancel.
std::vector<torch::Tensor> snapshot(const torch::nn::Module& module) {
    std::vector<torch::Tensor> s;
    for (const auto& p : module.parameters())
        s.push_back(p.detach().clone());
    for (const auto& b : module.buffers())
        s.push_back(b.detach().clone());
    return s;
}

void restore(torch::nn::Module& module, const std::vector<torch::Tensor>& s) {
    torch::NoGradGuard noGrad;
    size_t i = 0;
    for (auto& p : module.parameters())
        p.copy_(s[i++]);
    for (auto& b : module.buffers())
        b.copy_(s[i++]);
}

// Flips, a small rotation and a random resized crop (area 0.8-1) of a CV_32F image.
cv::Mat augmentImage(const cv::Mat& img, std::mt19937_64& rng, bool flips) {
    std::uniform_real_distribution<double> u(0, 1);
    cv::Mat out = img;
    if (flips) {
        if (u(rng) < 0.5)
            cv::flip(out, out, 1);
        if (u(rng) < 0.5)
            cv::flip(out, out, 0);
    }
    const double angle = (u(rng) * 2 - 1) * 10.0;
    const double area = 0.8 + 0.2 * u(rng);
    const double aspect = std::exp((u(rng) * 2 - 1) * std::log(1.1));
    const double side = double(img.cols);
    const double cw = std::min(side, side * std::sqrt(area * aspect));
    const double ch = std::min(side, side * std::sqrt(area / aspect));
    const double cx = (side - cw) * u(rng) + cw / 2, cy = (side - ch) * u(rng) + ch / 2;
    // One affine warp: rotate about the crop centre and scale the crop to the full size.
    cv::Mat rot = cv::getRotationMatrix2D(cv::Point2f(float(cx), float(cy)), angle, 1.0);
    rot.at<double>(0, 2) += side / 2 - cx;
    rot.at<double>(1, 2) += side / 2 - cy;
    cv::Mat scale = (cv::Mat_<double>(3, 3) << side / cw, 0, side / 2 * (1 - side / cw), 0, side / ch,
                     side / 2 * (1 - side / ch), 0, 0, 1);
    cv::Mat rot3 = cv::Mat::eye(3, 3, CV_64F);
    rot.copyTo(rot3.rowRange(0, 2));
    cv::Mat m = cv::Mat(scale * rot3).rowRange(0, 2);
    cv::Mat warped;
    cv::warpAffine(out, warped, m, img.size(), cv::INTER_LINEAR, cv::BORDER_REFLECT);
    return warped;
}

} // namespace

bool Model::train(const Dataset& dataset, const TrainCallbacks& cb) {
    auto& info = d->info;
    const ModelConfig& c = info.config;
    const auto start = Clock::now();
    auto log = [&](const std::string& s) {
        if (cb.onLog)
            cb.onLog(s);
    };
    auto cancelled = [&] { return cb.isCancelled && cb.isCancelled(); };
    auto elapsed = [&] { return std::chrono::duration<double>(Clock::now() - start).count(); };

    // Load and resize the training images once.
    std::vector<cv::Mat> images;
    std::vector<int> widths, heights;
    std::string firstProblem;
    for (const auto& s : dataset.train) {
        try {
            cv::Mat img = readImage(s);
            widths.push_back(img.cols);
            heights.push_back(img.rows);
            images.push_back(d->prepare(img));
        } catch (const Error& e) {
            if (firstProblem.empty())
                firstProblem = e.what();
            log(std::string("skipped: ") + e.what());
        }
    }
    if (images.empty())
        throw Error("no readable training images in '" + dataset.root + "'" +
                    (firstProblem.empty() ? std::string() : " (" + firstProblem + ")"));

    torch::manual_seed(c.seed);
    std::mt19937_64 rng(c.seed);

    // Hold back part of the images for calibration when there are enough of them.
    std::vector<size_t> order(images.size());
    std::iota(order.begin(), order.end(), 0);
    std::shuffle(order.begin(), order.end(), rng);
    std::vector<cv::Mat> fit, held;
    const size_t holdCount = images.size() >= 8 ? std::max<size_t>(2, size_t(std::lround(0.15 * double(images.size())))) : 0;
    for (size_t i = 0; i < order.size(); ++i)
        (i < holdCount ? held : fit).push_back(images[order[i]]);
    if (held.empty())
        held = fit;
    log("training on " + std::to_string(fit.size()) + " images, " + std::to_string(holdCount) +
        " held back for calibration");

    // Normalisation from the training pixels.
    {
        double sum = 0, sumSq = 0, n = 0;
        for (const auto& img : fit) {
            cv::Scalar m, s;
            cv::meanStdDev(img, m, s);
            const double cnt = double(img.total() * img.channels());
            sum += m[0] * cnt;
            sumSq += (s[0] * s[0] + m[0] * m[0]) * cnt;
            n += cnt;
        }
        info.normalization.mean = sum / n;
        info.normalization.stddev = std::max(1e-3, std::sqrt(std::max(0.0, sumSq / n - info.normalization.mean * info.normalization.mean)));
    }

    auto nthMedian = [](std::vector<int> v) {
        std::nth_element(v.begin(), v.begin() + long(v.size() / 2), v.end());
        return v[v.size() / 2];
    };
    info.training.dataRoot = dataset.root;
    info.training.imageCount = int(images.size());
    info.training.sourceWidth = nthMedian(widths);
    info.training.sourceHeight = nthMedian(heights);
    info.training.epochsDone = 0;

    const bool twoStage = c.method == Method::TwoStage && d->expert;

    // Time per epoch of each stage, for the progress fraction and the ETA. Until a stage has run an
    // epoch, it is estimated from the IE-Net's: an Expert-Net epoch cost about 5 of them at 64 px
    // and 10 at 32 px when measured.
    struct StageClock {
        int epochs = 0, done = 0;
        double seconds = 0, relativeCost = 1;
    };
    StageClock ieClock{c.epochs, 0, 0, 1}, exClock{twoStage ? c.expertEpochs : 0, 0, 0, 5};
    auto remainingSeconds = [&] {
        const double iePerEpoch = ieClock.done ? ieClock.seconds / ieClock.done : 0;
        auto stageLeft = [&](const StageClock& s) {
            const double perEpoch = s.done ? s.seconds / s.done : iePerEpoch * s.relativeCost;
            return (s.epochs - s.done) * perEpoch;
        };
        return stageLeft(ieClock) + stageLeft(exClock);
    };

    const cv::Mat previewImage = fit.front();
    auto batches = [&](std::vector<cv::Mat>& batchImages, std::vector<size_t>& idx, size_t b) {
        batchImages.clear();
        const size_t bs = size_t(c.batchSize);
        for (size_t j = b * bs; j < std::min(idx.size(), (b + 1) * bs); ++j)
            batchImages.push_back(c.augment ? augmentImage(fit[idx[j]], rng, c.augmentFlips) : fit[idx[j]]);
    };
    const size_t batchesPerEpoch = (fit.size() + size_t(c.batchSize) - 1) / size_t(c.batchSize);
    std::vector<size_t> idx(fit.size());
    std::iota(idx.begin(), idx.end(), 0);

    double lastFraction = 0;  // a progress bar never moves back, even when an estimate grows
    auto report = [&](const std::string& stage, const StageClock& clock, double loss) {
        const double eta = remainingSeconds();
        const double frac = lastFraction = std::max(lastFraction, std::min(1.0, elapsed() / std::max(1e-9, elapsed() + eta)));
        TrainProgress p{stage, clock.done, clock.epochs, frac, loss, elapsed(), eta};
        if (cb.onProgress)
            cb.onProgress(p);
        if (cb.onPreview) {
            d->setEval();
            cb.onPreview(d->run({previewImage}, {cv::Size(info.training.sourceWidth, info.training.sourceHeight)}).front());
        }
    };

    bool wasCancelled = false;
    auto finish = [&]() {
        d->setEval();
        // Calibration on the held-back (or all) training images.
        auto results = inferBatch(held);
        Calibration cal;
        std::vector<float> pixels;
        for (const auto& r : results) {
            cal.goodScores.push_back(r.score);
            pixels.insert(pixels.end(), r.anomalyMapNet.begin<float>(), r.anomalyMapNet.end<float>());
        }
        const double n = double(cal.goodScores.size());
        cal.mean = std::accumulate(cal.goodScores.begin(), cal.goodScores.end(), 0.0) / n;
        double ss = 0;
        for (double s : cal.goodScores)
            ss += (s - cal.mean) * (s - cal.mean);
        cal.stddev = n > 1 ? std::sqrt(ss / (n - 1)) : 0;
        if (!pixels.empty()) {
            const size_t q = std::min(pixels.size() - 1, size_t(0.999 * double(pixels.size())));
            std::nth_element(pixels.begin(), pixels.begin() + long(q), pixels.end());
            cal.maxPixel = pixels[q];
        }
        info.calibration = cal;
        info.training.seconds = elapsed();
        d->trained = info.training.epochsDone > 0;
        if (cb.onProgress) {
            TrainProgress p{"Calibration", 1, 1, 1.0, 0, elapsed(), 0};
            cb.onProgress(p);
        }
        return !wasCancelled;
    };

    // One stage: shuffled, augmented batches for clock.epochs epochs. `step` trains on one batch and
    // returns its loss, or nothing to skip the batch. Cancelling between batches returns `net` to its
    // last complete epoch.
    using Step = std::function<std::optional<double>(const std::vector<cv::Mat>&)>;
    auto runStage = [&](const std::string& stage, torch::nn::Module& net, StageClock& clock, const Step& step) {
        auto saved = snapshot(net);
        while (clock.done < clock.epochs) {
            const auto epochStart = Clock::now();
            net.train();
            std::shuffle(idx.begin(), idx.end(), rng);
            double lossSum = 0;
            int count = 0;
            std::vector<cv::Mat> bi;
            for (size_t b = 0; b < batchesPerEpoch; ++b) {
                if (cancelled()) {
                    wasCancelled = true;
                    restore(net, saved);
                    return;
                }
                batches(bi, idx, b);
                if (const auto loss = step(bi)) {
                    lossSum += *loss;
                    ++count;
                }
            }
            saved = snapshot(net);
            clock.done += 1;
            clock.seconds += std::chrono::duration<double>(Clock::now() - epochStart).count();
            info.training.epochsDone += 1;
            report(stage, clock, count ? lossSum / count : 0);
        }
    };

    // Stage 1: IE-Net (or the whole baseline).
    {
        auto& net = d->ie;
        torch::optim::Adam opt(net->parameters(), torch::optim::AdamOptions(c.learningRate));
        runStage(twoStage ? "IE-Net" : "Autoencoder", *net, ieClock, [&](const std::vector<cv::Mat>& bi) -> std::optional<double> {
            if (bi.size() < 2 && batchesPerEpoch > 1)
                return std::nullopt;  // batch norm needs more than one sample
            auto x01 = d->toBatch(bi);
            auto out = net->forward(d->normalise(x01));
            auto loss = 100.0 * F::mse_loss(out.image, x01);
            if (out.mean.defined()) {
                auto kl = 0.5 * (out.mean.pow(2) + out.logvar.exp() - 1 - out.logvar).mean();
                loss = loss + c.klWeight * kl;
            }
            opt.zero_grad();
            loss.backward();
            opt.step();
            return loss.item<double>();
        });
    }
    if (wasCancelled || !twoStage)
        return finish();

    // Stage 2: Expert-Net on pairs (x, IE(x)).
    {
        auto& ex = d->expert;
        d->ie->eval();
        torch::optim::Adam opt(ex->parameters(), torch::optim::AdamOptions(c.learningRate).betas({0.5, 0.999}));
        auto& I = ex->image;
        auto& M = ex->impression;
        runStage("Expert-Net", *ex, exClock, [&](const std::vector<cv::Mat>& bi) -> std::optional<double> {
            auto x01 = d->toBatch(bi);
            auto xn = d->normalise(x01);
            torch::Tensor m01;
            {
                torch::NoGradGuard noGrad;
                m01 = d->ie->forward(xn).image;
            }
            auto mn = d->normalise(m01);
            auto cx = I.content->forward(xn), sx = I.detail->forward(xn);
            auto cm = M.content->forward(mn), sm = M.detail->forward(mn);
            // Within-domain and paired cross-domain reconstructions (L1, weight 10).
            auto recon = F::l1_loss(I.decoder->forward(cx, sx), x01) + F::l1_loss(M.decoder->forward(cm, sm), m01) +
                         F::l1_loss(I.decoder->forward(cm, sx), x01) + F::l1_loss(M.decoder->forward(cx, sm), m01);
            // Random detail codes: the content and the code must survive the translation (weight 1 each).
            auto sr = torch::randn_like(sx);
            auto mFake = d->normalise(M.decoder->forward(cx, sr));
            auto xFake = d->normalise(I.decoder->forward(cm, sr));
            auto contentLoss = F::l1_loss(M.content->forward(mFake), cx.detach()) +
                               F::l1_loss(I.content->forward(xFake), cm.detach());
            auto detailLoss = F::l1_loss(M.detail->forward(mFake), sr) + F::l1_loss(I.detail->forward(xFake), sr);
            auto loss = 10.0 * recon + contentLoss + detailLoss;
            opt.zero_grad();
            loss.backward();
            opt.step();
            return loss.item<double>();
        });
    }
    return finish();
}

} // namespace utad
