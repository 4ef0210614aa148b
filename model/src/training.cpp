// Model::train: the IE-Net (or the baseline) on random tiles of the good training images, then the
// Expert-Net on pairs (tile, impression), then calibration on held-back good images.
#include "utad/error.h"
#include "utad/painted_defects.h"

#include "model_impl.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <numeric>
#include <opencv2/imgproc.hpp>
#include <random>

namespace utad {

namespace F = torch::nn::functional;

namespace {

using Clock = std::chrono::steady_clock;

// Copies of every parameter and buffer, to return to the last complete round on cancel.
std::vector<torch::Tensor> snapshot(const torch::nn::Module& module)
{
    std::vector<torch::Tensor> s;
    for (const auto& p : module.parameters())
        s.push_back(p.detach().clone());
    for (const auto& b : module.buffers())
        s.push_back(b.detach().clone());
    return s;
}

void restore(torch::nn::Module& module, const std::vector<torch::Tensor>& s)
{
    torch::NoGradGuard noGrad;
    size_t i = 0;
    for (auto& p : module.parameters())
        p.copy_(s[i++]);
    for (auto& b : module.buffers())
        b.copy_(s[i++]);
}

// Whole-image mode: flips, a small rotation and a random resized crop (area 0.8-1) of a square image.
cv::Mat augmentWhole(const cv::Mat& img, std::mt19937_64& rng, bool flips)
{
    std::uniform_real_distribution<double> u(0, 1);
    // Flipped into copies: `img` is a training image, which calibration reads after training.
    cv::Mat out = img;
    if (flips)
        for (int axis : {1, 0})
            if (u(rng) < 0.5) {
                cv::Mat flipped;
                cv::flip(out, flipped, axis);
                out = flipped;
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

// 1 - mean SSIM (11x11 Gaussian window, sigma 1.5) of two [N, C, H, W] batches in [0, 1].
torch::Tensor ssimLoss(const torch::Tensor& a, const torch::Tensor& b)
{
    const int c = int(a.size(1));
    auto g = torch::arange(11, a.options()) - 5.0;
    g = torch::exp(-(g * g) / (2 * 1.5 * 1.5));
    g = g / g.sum();
    auto window = (g.unsqueeze(1) * g.unsqueeze(0)).expand({c, 1, 11, 11}).contiguous();
    auto blur = [&](const torch::Tensor& t) {
        return F::conv2d(
            F::pad(t, F::PadFuncOptions({5, 5, 5, 5}).mode(torch::kReflect)), window, F::Conv2dFuncOptions().groups(c));
    };
    constexpr double c1 = 0.01 * 0.01, c2 = 0.03 * 0.03;
    auto muA = blur(a), muB = blur(b);
    auto varA = blur(a * a) - muA * muA, varB = blur(b * b) - muB * muB, cov = blur(a * b) - muA * muB;
    auto ssim = ((2 * muA * muB + c1) * (2 * cov + c2)) / ((muA * muA + muB * muB + c1) * (varA + varB + c2));
    return 1.0 - ssim.mean();
}

// x + smooth noise (std config.ieNoise, config.ieNoiseCells cells a side, bilinear), kept in [0, 1].
torch::Tensor addSmoothNoise(const torch::Tensor& x01, const ModelConfig& c)
{
    const int cells = std::max(1, std::min(c.ieNoiseCells, int(x01.size(2))));
    auto noise = torch::randn({x01.size(0), 1, cells, cells}, x01.options()) * c.ieNoise;
    noise = F::interpolate(noise,
        F::InterpolateFuncOptions()
            .size(std::vector<int64_t>{x01.size(2), x01.size(3)})
            .mode(torch::kBilinear)
            .align_corners(false));
    return (x01 + noise).clamp(0, 1);
}

// A defect pasted into a good training tile for the segmenter (after DRAEM): a random blob, from a
// smooth random field cut at a random area, filled with another tile turned about, a flat grey,
// the tile lit more or less, or smooth noise, at a random opacity. Returns the label, 1 where the
// change shows (kVisibleLevels or more), all 0 when it hardly shows anywhere. `tile` is CV_32F.
cv::Mat pasteDefect(cv::Mat& tile, const cv::Mat& other, std::mt19937_64& rng)
{
    std::uniform_real_distribution<double> u(0, 1);
    cv::RNG noise(rng());  // not OpenCV's global generator: a seed repeats a run
    const cv::Size size = tile.size();
    auto smoothField = [&](int cells) {
        cv::Mat coarse(cells, cells, CV_32F), fine;
        noise.fill(coarse, cv::RNG::NORMAL, 0, 1);
        cv::resize(coarse, fine, size, 0, 0, cv::INTER_CUBIC);
        return fine;
    };
    const cv::Mat field = smoothField(2 << std::uniform_int_distribution<int>(0, 2)(rng));  // 2, 4 or 8 cells
    std::vector<float> values(field.begin<float>(), field.end<float>());
    const double area = std::exp(std::log(0.005) + u(rng) * (std::log(0.2) - std::log(0.005)));
    const size_t k = std::min(values.size() - 1, size_t(area * double(values.size())));
    std::nth_element(values.begin(), values.begin() + long(k), values.end(), std::greater<float>());
    cv::Mat blob;
    cv::threshold(field, blob, values[k], 1.0, cv::THRESH_BINARY);

    cv::Mat fill;
    const int kind = std::uniform_int_distribution<int>(0, 3)(rng);
    if (kind == 0) {  // structure from elsewhere, turned
        cv::rotate(other, fill, std::uniform_int_distribution<int>(0, 2)(rng));
        if (fill.size() != size)
            cv::resize(other, fill, size);
    } else if (kind == 1) {  // a flat grey
        fill = cv::Mat(size, tile.type(), cv::Scalar::all(u(rng)));
    } else if (kind == 2) {  // lit more or less
        const double gain = u(rng) < 0.5 ? 0.3 + 0.4 * u(rng) : 1.4 + 1.1 * u(rng);
        fill = tile * gain;
    } else {  // smooth noise of a random grain and contrast
        cv::Mat grain = smoothField(4 << std::uniform_int_distribution<int>(0, 3)(rng));
        grain = 0.5 + grain * (0.1 + 0.3 * u(rng));
        cv::Mat channels[] = {grain, grain, grain};
        cv::merge(channels, size_t(tile.channels()), fill);
    }
    const double opacity = 0.5 + 0.5 * u(rng);
    cv::Mat weight = blob * opacity, weightC;
    cv::Mat weights[] = {weight, weight, weight};
    cv::merge(weights, size_t(tile.channels()), weightC);
    cv::Mat pasted = tile.mul(1.0 - weightC) + fill.mul(weightC);
    cv::min(cv::max(pasted, 0.0), 1.0, pasted);

    cv::Mat change;
    cv::absdiff(pasted, tile, change);
    if (change.channels() > 1)
        cv::cvtColor(change, change, cv::COLOR_BGR2GRAY);
    cv::Mat label;
    cv::threshold(change, label, kVisibleLevels / 255.0, 1.0, cv::THRESH_BINARY);
    label = label.mul(blob);
    if (cv::countNonZero(label) < 4)
        return cv::Mat::zeros(size, CV_32F);
    tile = pasted;
    return label;
}

// Random training tiles: images drawn in proportion to their tile positions, places uniform.
class TileSampler {
public:
    TileSampler(const ModelConfig& config, const std::vector<cv::Mat>& working) : c_(config)
    {
        std::vector<double> weights;
        for (const auto& w : working) {
            grids_.push_back(TileGrid::make(w.size(), c_.tileSize, c_.tileOverlap));
            padded_.push_back(padToGrid(w, grids_.back()));
            const cv::Size p = grids_.back().padded;
            weights.push_back(double(p.width - c_.tileSize + 1) * double(p.height - c_.tileSize + 1));
        }
        pick_ = std::discrete_distribution<size_t>(weights.begin(), weights.end());
    }

    std::vector<Tile> draw(std::mt19937_64& rng)
    {
        std::vector<Tile> tiles;
        std::uniform_real_distribution<double> u(0, 1);
        const int t = c_.tileSize;
        for (int i = 0; i < c_.batchSize; ++i) {
            const size_t k = pick_(rng);
            Tile tile;
            tile.imageSize = grids_[k].image;
            if (c_.wholeImage()) {
                tile.pixels = c_.augment ? augmentWhole(padded_[k], rng, c_.augmentFlips) : padded_[k];
            } else {
                const cv::Size p = grids_[k].padded;
                tile.origin = cv::Point(int(u(rng) * (p.width - t + 1)), int(u(rng) * (p.height - t + 1)));
                tile.origin.x = std::min(tile.origin.x, p.width - t);
                tile.origin.y = std::min(tile.origin.y, p.height - t);
                tile.pixels = padded_[k](cv::Rect(tile.origin, cv::Size(t, t)));
                if (c_.augment && (c_.augmentRotation > 0 || c_.augmentScale > 0))
                    tile.pixels = warpedTile(padded_[k], tile.origin, rng);
                if (c_.augment && c_.augmentFlips) {
                    tile.flipX = u(rng) < 0.5;
                    tile.flipY = u(rng) < 0.5;
                    if (tile.flipX || tile.flipY) {
                        cv::Mat flipped;
                        cv::flip(tile.pixels, flipped, tile.flipX && tile.flipY ? -1 : (tile.flipX ? 1 : 0));
                        tile.pixels = flipped;
                    }
                }
            }
            tiles.push_back(std::move(tile));
        }
        return tiles;
    }

private:
    // A random angle and scale for the warped tile (augmentRotation, augmentScale).
    cv::Mat warpedTile(const cv::Mat& image, cv::Point origin, std::mt19937_64& rng) const
    {
        std::uniform_real_distribution<double> u(-1, 1);
        const double angle = c_.augmentRotation * u(rng);
        const double scale = std::pow(1 + c_.augmentScale, u(rng));
        return utad::warpedTile(image, origin, c_.tileSize, angle, scale);
    }

    const ModelConfig& c_;
    std::vector<TileGrid> grids_;
    std::vector<cv::Mat> padded_;
    std::discrete_distribution<size_t> pick_;
};

// Learning rate over a stage: cosine decay from the configured rate to 5 % of it.
double learningRateAt(double base, int step, int steps)
{
    const double t = steps > 1 ? double(step) / double(steps - 1) : 1.0;
    return base * (0.05 + 0.95 * 0.5 * (1 + std::cos(M_PI * t)));
}

void setLearningRate(torch::optim::Adam& opt, double lr)
{
    for (auto& group : opt.param_groups())
        static_cast<torch::optim::AdamOptions&>(group.options()).lr(lr);
}

}  // namespace

std::vector<cv::Mat> Model::Impl::readTrainingImages(
    const Dataset& dataset, const Log& log, std::vector<int>* widths, std::vector<int>* heights) const
{
    std::vector<cv::Mat> images;
    std::string firstProblem;
    for (const auto& s : dataset.train) {
        try {
            cv::Mat img = readImage(s);
            if (widths)
                widths->push_back(img.cols);
            if (heights)
                heights->push_back(img.rows);
            images.push_back(workingImage(img));
        } catch (const Error& e) {
            if (firstProblem.empty())
                firstProblem = e.what();
            if (log)
                log(std::string("skipped: ") + e.what());
        }
    }
    if (images.empty())
        throw Error("no readable training images in '" + dataset.root + "'"
            + (firstProblem.empty() ? std::string() : " (" + firstProblem + ")"));
    return images;
}

std::pair<std::vector<cv::Mat>, std::vector<cv::Mat>> splitHeldBack(
    const std::vector<cv::Mat>& images, std::mt19937_64& rng)
{
    // A fifth of the images when there are enough of them; otherwise calibration uses all of them.
    std::vector<size_t> order(images.size());
    std::iota(order.begin(), order.end(), 0);
    std::shuffle(order.begin(), order.end(), rng);
    std::vector<cv::Mat> fit, held;
    const size_t holdCount
        = images.size() >= 8 ? std::max<size_t>(2, size_t(std::lround(0.2 * double(images.size())))) : 0;
    for (size_t i = 0; i < order.size(); ++i)
        (i < holdCount ? held : fit).push_back(images[order[i]]);
    if (held.empty())
        held = fit;
    return {fit, held};
}

bool Model::train(const Dataset& dataset, const TrainCallbacks& cb)
{
    auto& info = d->info;
    const ModelConfig& c = info.config;
    const auto start = Clock::now();
    auto log = [&](const std::string& s) {
        if (cb.onLog)
            cb.onLog(s);
    };
    auto cancelled = [&] { return cb.isCancelled && cb.isCancelled(); };
    auto elapsed = [&] { return std::chrono::duration<double>(Clock::now() - start).count(); };

    std::vector<int> widths, heights;
    const std::vector<cv::Mat> images = d->readTrainingImages(dataset, log, &widths, &heights);

    // A trained model given more stages (addSegmenter) keeps its networks, normalisation and counts.
    const bool resuming = d->trained;
    const double secondsBefore = resuming ? info.training.seconds : 0;
    torch::manual_seed(c.seed);
    std::mt19937_64 rng(c.seed);
    auto [fit, held] = splitHeldBack(images, rng);
    log("training on " + std::to_string(fit.size()) + " images, "
        + std::to_string(held.size() == images.size() ? 0 : held.size()) + " held back for calibration");

    // Normalisation from the training pixels.
    if (!resuming) {
        double sum = 0, sumSq = 0, n = 0;
        for (const auto& img : fit) {
            cv::Scalar m, s;
            cv::meanStdDev(img.reshape(1), m, s);
            const double cnt = double(img.total() * img.channels());
            sum += m[0] * cnt;
            sumSq += (s[0] * s[0] + m[0] * m[0]) * cnt;
            n += cnt;
        }
        info.normalization.mean = sum / n;
        info.normalization.stddev
            = std::max(1e-3, std::sqrt(std::max(0.0, sumSq / n - info.normalization.mean * info.normalization.mean)));
    }

    auto median = [](std::vector<int> v) {
        std::nth_element(v.begin(), v.begin() + long(v.size() / 2), v.end());
        return v[v.size() / 2];
    };
    info.training.dataRoot = dataset.root;
    info.training.imageCount = int(images.size());
    info.training.sourceWidth = median(widths);
    info.training.sourceHeight = median(heights);
    if (!resuming) {
        info.training.ieStepsDone = 0;
        info.training.expertStepsDone = 0;
        info.training.segmenterStepsDone = 0;
    }

    const bool twoStage = c.method == Method::TwoStage && d->expert;
    TileSampler sampler(c, fit);

    // Seconds per step of each stage, for the progress fraction and the ETA; until the Expert-Net has
    // run a round, its step is estimated from the IE-Net's.
    struct StageClock {
        int steps = 0;
        int* done = nullptr;
        double seconds = 0;
    };
    StageClock ieClock{c.ieSteps, &info.training.ieStepsDone, 0};
    StageClock exClock{twoStage ? c.expertSteps : 0, &info.training.expertStepsDone, 0};
    StageClock segClock{d->segmenter ? c.segmenterSteps : 0, &info.training.segmenterStepsDone, 0};
    auto remainingSeconds = [&] {
        const double ieStep = ieClock.seconds > 0 ? ieClock.seconds / *ieClock.done : 0;
        const double exStep = exClock.seconds > 0 ? exClock.seconds / *exClock.done : ieStep * kExpertStepCost;
        const double segStep = segClock.seconds > 0 ? segClock.seconds / *segClock.done : ieStep * kSegmenterStepCost;
        return (ieClock.steps - *ieClock.done) * ieStep + (exClock.steps - *exClock.done) * exStep
            + (segClock.steps - *segClock.done) * segStep;
    };

    const cv::Mat previewImage = fit.front();
    const cv::Size previewSource(info.training.sourceWidth, info.training.sourceHeight);
    double lastFraction = 0;  // a progress bar never moves back, even when an estimate grows
    auto report = [&](const std::string& stage, const StageClock& clock, double loss) {
        const double eta = remainingSeconds();
        const double frac = lastFraction
            = std::max(lastFraction, std::min(1.0, elapsed() / std::max(1e-9, elapsed() + eta)));
        if (cb.onProgress)
            cb.onProgress(TrainProgress{stage, *clock.done, clock.steps, frac, loss, elapsed(), eta});
        if (cb.onPreview) {
            d->setEval();
            cb.onPreview(d->run({previewImage}, {previewSource}).front());
        }
    };

    // One stage: `step` trains on one batch of tiles and returns its loss. Progress is reported per
    // round of kStepsPerRound steps; cancelling returns `net` to its last complete round.
    bool wasCancelled = false;
    using Step = std::function<double(const std::vector<Tile>&)>;
    auto runStage = [&](const std::string& stage, torch::nn::Module& net, torch::optim::Adam& opt, StageClock& clock,
                        const Step& step) {
        auto saved = snapshot(net);
        while (*clock.done < clock.steps) {
            const auto roundStart = Clock::now();
            const int roundEnd = std::min(clock.steps, *clock.done + kStepsPerRound);
            net.train();
            double lossSum = 0;
            for (int s = *clock.done; s < roundEnd; ++s) {
                if (cancelled()) {
                    wasCancelled = true;
                    restore(net, saved);
                    return;
                }
                setLearningRate(opt, learningRateAt(c.learningRate, s, clock.steps));
                lossSum += step(sampler.draw(rng));
            }
            const int count = roundEnd - *clock.done;
            saved = snapshot(net);
            *clock.done = roundEnd;
            clock.seconds += std::chrono::duration<double>(Clock::now() - roundStart).count();
            report(stage, clock, lossSum / count);
        }
    };

    // Stage 1: IE-Net (or the whole baseline): 100 x L2, optional SSIM term, KL towards N(0, I).
    {
        auto& net = d->ie;
        torch::optim::Adam opt(net->parameters(), torch::optim::AdamOptions(c.learningRate));
        runStage(twoStage ? "IE-Net" : "Autoencoder", *net, opt, ieClock, [&](const std::vector<Tile>& tiles) {
            auto x01 = d->pixels(tiles);
            auto out = net->forward(d->ieInput(tiles, c.ieNoise > 0 ? addSmoothNoise(x01, c) : x01));
            auto loss = 100.0 * F::mse_loss(out.image, x01);
            if (c.ssimLossWeight > 0)
                loss = loss + c.ssimLossWeight * ssimLoss(out.image, x01);
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

    // Stage 2: Expert-Net on pairs (x, IE(x)).
    if (!wasCancelled && twoStage) {
        auto& ex = d->expert;
        d->ie->eval();
        torch::optim::Adam opt(ex->parameters(), torch::optim::AdamOptions(c.learningRate).betas({0.5, 0.999}));
        auto& I = ex->image;
        auto& M = ex->impression;
        // Adversarial terms (ganWeight > 0): a discriminator per domain, trained beside the Expert-Net
        // and dropped with the training.
        const bool adversarial = c.ganWeight > 0;
        nets::MultiScaleDiscriminator discI{nullptr}, discM{nullptr};
        std::unique_ptr<torch::optim::Adam> optD;
        if (adversarial) {
            const int width = std::max(8, 2 * c.expertWidth);
            discI = nets::MultiScaleDiscriminator(c.channels, width);
            discM = nets::MultiScaleDiscriminator(c.channels, width);
            discI->to(d->device);
            discM->to(d->device);
            auto params = discI->parameters();
            for (const auto& p : discM->parameters())
                params.push_back(p);
            optD = std::make_unique<torch::optim::Adam>(
                params, torch::optim::AdamOptions(c.learningRate).betas({0.5, 0.999}));
        }
        // LSGAN: the mean squared distance of every patch value at every scale from the target.
        auto lsgan = [](const std::vector<torch::Tensor>& outputs, double target) {
            torch::Tensor loss = torch::zeros({}, outputs.front().options());
            for (const auto& o : outputs)
                loss = loss + (o - target).pow(2).mean();
            return loss;
        };
        runStage("Expert-Net", *ex, opt, exClock, [&](const std::vector<Tile>& tiles) {
            auto x01 = d->pixels(tiles);
            auto xn = d->normalise(x01);
            torch::Tensor m01;
            {
                torch::NoGradGuard noGrad;
                nets::ExactLayersGuard exact;  // the same targets on every build, to the bit
                m01 = d->ie->forward(d->ieInput(tiles, x01)).image;
            }
            auto mn = d->normalise(m01);
            auto cx = I.content->forward(xn), sx = I.detail->forward(xn);
            auto cm = M.content->forward(mn), sm = M.detail->forward(mn);
            // Within-domain and paired cross-domain reconstructions (L1, weight 10).
            auto recon = F::l1_loss(I.decoder->forward(cx, sx), x01) + F::l1_loss(M.decoder->forward(cm, sm), m01)
                + F::l1_loss(I.decoder->forward(cm, sx), x01) + F::l1_loss(M.decoder->forward(cx, sm), m01);
            // Random detail codes: the content and the code must survive the translation (weight 1 each).
            auto sr = torch::randn_like(sx);
            auto mFake = d->normalise(M.decoder->forward(cx, sr));
            auto xFake = d->normalise(I.decoder->forward(cm, sr));
            auto contentLoss = F::l1_loss(M.content->forward(mFake), cx.detach())
                + F::l1_loss(I.content->forward(xFake), cm.detach());
            auto detailLoss = F::l1_loss(M.detail->forward(mFake), sr) + F::l1_loss(I.detail->forward(xFake), sr);
            auto loss = 10.0 * recon + contentLoss + detailLoss;
            if (adversarial) {
                // The discriminators first, on this step's translations, at the generator's rate.
                const double lr = static_cast<torch::optim::AdamOptions&>(opt.param_groups().front().options()).lr();
                setLearningRate(*optD, lr);
                auto dLoss = lsgan(discI->forward(xn), 1) + lsgan(discI->forward(xFake.detach()), 0)
                    + lsgan(discM->forward(mn), 1) + lsgan(discM->forward(mFake.detach()), 0);
                optD->zero_grad();
                dLoss.backward();
                optD->step();
                loss = loss + c.ganWeight * (lsgan(discI->forward(xFake), 1) + lsgan(discM->forward(mFake), 1));
            }
            opt.zero_grad();
            loss.backward();
            opt.step();
            return loss.item<double>();
        });
    }

    // Stage 3: the defect segmenter on good tiles, half of them with a pasted defect, seen through
    // the two trained stages.
    if (!wasCancelled && twoStage && d->segmenter) {
        d->ie->eval();
        d->expert->eval();
        auto& seg = d->segmenter;
        torch::optim::Adam opt(seg->parameters(), torch::optim::AdamOptions(c.learningRate));
        std::uniform_real_distribution<double> u(0, 1);
        runStage("Segmenter", *seg, opt, segClock, [&](const std::vector<Tile>& drawn) {
            const std::vector<Tile> others = sampler.draw(rng);
            std::vector<Tile> tiles = drawn;
            auto labels = torch::zeros({long(tiles.size()), 1, c.tileSize, c.tileSize});
            for (size_t i = 0; i < tiles.size(); ++i) {
                tiles[i].pixels = tiles[i].pixels.clone();
                if (u(rng) < 0.5) {
                    cv::Mat label = pasteDefect(tiles[i].pixels, others[i].pixels, rng);
                    std::memcpy(labels[long(i)].data_ptr<float>(), label.ptr<float>(), sizeof(float) * label.total());
                }
            }
            labels = labels.to(d->device);
            auto x01 = d->pixels(tiles);
            torch::Tensor views;
            {
                torch::NoGradGuard noGrad;
                nets::ExactLayersGuard exact;
                auto m = d->ie->forward(d->ieInput(tiles, x01)).image;
                auto xn = d->normalise(x01);
                auto xhat = d->expert->reconstruct(xn, d->normalise(m));
                auto naive = d->expert->naive(xn).clamp(0, 1).mean(0);
                views = d->segmenterViews(x01, m, xhat, naive);
            }
            // Focal loss (gamma 2): the many easy good pixels count little.
            auto logits = seg->forward(views);
            auto p = torch::sigmoid(logits);
            auto ce = F::binary_cross_entropy_with_logits(
                logits, labels, F::BinaryCrossEntropyWithLogitsFuncOptions().reduction(torch::kNone));
            auto pt = p * labels + (1 - p) * (1 - labels);
            auto loss = ((1 - pt).pow(2) * ce).mean() * 100.0;
            opt.zero_grad();
            loss.backward();
            opt.step();
            return loss.item<double>();
        });
    }

    d->setEval();
    d->trained = info.training.ieStepsDone > 0 && (!twoStage || info.training.expertStepsDone > 0);
    info.training.seconds = secondsBefore + elapsed();
    if (cb.onTrained)
        cb.onTrained();

    // Calibration on the held-back (or all) training images. A failure here (out of device memory,
    // say) leaves the trained networks usable, without a proposed threshold.
    Calibration cal;
    try {
        cal = d->calibrate(fit, held, log);
    } catch (const std::exception& e) {
        log(std::string("calibration failed, so the model proposes no threshold: ") + e.what());
        info.calibration = Calibration{};
        if (cb.onProgress)
            cb.onProgress(TrainProgress{"Calibration", 1, 1, 1.0, 0, elapsed(), 0});
        return !wasCancelled;
    }
    info.calibration = cal;
    info.training.seconds = secondsBefore + elapsed();
    if (cb.onProgress)
        cb.onProgress(TrainProgress{"Calibration", 1, 1, 1.0, 0, elapsed(), 0});
    return !wasCancelled;
}

}  // namespace utad
