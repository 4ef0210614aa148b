#include "networks.h"

#include "utad/error.h"

namespace nn = torch::nn;
namespace F = torch::nn::functional;

namespace utad::nets {
namespace {

thread_local bool exactLayers = false;

// Inference shortcuts apply: no gradients are kept and no ExactLayersGuard asks for the layers.
bool shortcuts() { return !torch::GradMode::is_enabled() && !exactLayers; }

// Stride, padding and dilation as two-element arrays, the form whose work LibTorch's profiler counts.
constexpr std::array<int64_t, 2> kUnit{1, 1}, kNone{0, 0};

// A k x k convolution (stride 1) of an input padded already, as k convolutions of one kernel row
// each, whose outputs are added shifted by their row. With a few output channels and k >= 5,
// oneDNN's own convolution is slow: a 7 x 7 one from 8 channels to 1 took five times as long.
// (Not on an input oneDNN pads itself: there its row convolutions were slower still.)
bool convByRowsPays(const torch::Tensor& weight) { return weight.size(0) <= 4 && weight.size(2) >= 5; }

torch::Tensor convByRows(const torch::Tensor& padded, const torch::Tensor& weight, const torch::Tensor& bias)
{
    const int64_t out = weight.size(0), k = weight.size(2);
    auto rowWeights = weight.permute({2, 0, 1, 3}).reshape({k * out, weight.size(1), 1, k});
    auto rows = torch::conv2d(padded, rowWeights, torch::Tensor(), kUnit, kNone, kUnit);
    const int64_t h = rows.size(2) - k + 1;
    auto y = rows.narrow(1, 0, out).narrow(2, 0, h).clone();
    for (int64_t r = 1; r < k; ++r)
        y.add_(rows.narrow(1, r * out, out).narrow(2, r, h));
    if (bias.defined())
        y.add_(bias.view({1, out, 1, 1}));
    return y;
}

// Nearest upsampling by r followed by a k x k conv (stride 1) reads, for output r i + a, the input
// pixels i + floor((a + j - k / 2) / r) for the kernel's taps j: within ceil((k / 2) / r) of i.
int phaseReach(int r, int64_t kernel) { return int((kernel / 2 + r - 1) / r); }

// That conv as one at the input's resolution, padded by `reach` (at least phaseReach): weights
// [out * r * r, in, 2 reach + 1, 2 reach + 1] whose output channel o r^2 + a r + b is phase (a, b)
// of channel o, as interleavePhases(r) places them. Each phase's taps sum the original ones.
torch::Tensor phaseWeights(const torch::Tensor& weight, int r, int reach)
{
    const int k = int(weight.size(2)), p = k / 2, kl = 2 * reach + 1;
    auto taps = torch::zeros({r, kl, k});
    auto t = taps.accessor<float, 3>();
    for (int a = 0; a < r; ++a)
        for (int j = 0; j < k; ++j) {
            const int offset = a + j - p;
            t[a][(offset >= 0 ? offset / r : -((r - 1 - offset) / r)) + reach][j] = 1;
        }
    taps = taps.to(weight.options());
    const int64_t out = weight.size(0), in = weight.size(1);
    return torch::einsum("auj,bvl,oijl->oabiuv", {taps, taps, weight}).reshape({out * r * r, in, kl, kl});
}

// The bias-free conv at `index` of `layers` with the batch norm after it: the norm's running
// statistics folded into the conv's weights and a bias.
std::pair<torch::Tensor, torch::Tensor> foldedConv(nn::Sequential& layers, size_t index = 0)
{
    auto* conv = layers->ptr(index)->as<nn::Conv2dImpl>();
    auto* norm = layers->ptr(index + 1)->as<nn::BatchNorm2dImpl>();
    auto scale = norm->weight * torch::rsqrt(norm->running_var + norm->options.eps());
    return {conv->weight * scale.view({-1, 1, 1, 1}), norm->bias - norm->running_mean * scale};
}

nn::Sequential convBnAct(int in, int out, int kernel)
{
    return nn::Sequential(nn::Conv2d(nn::Conv2dOptions(in, out, kernel).padding(kernel / 2).bias(false)),
        nn::BatchNorm2d(out), nn::LeakyReLU(nn::LeakyReLUOptions().negative_slope(0.1)));
}

// Non-overlapping k x k max pooling as a reshape and a max: the same values as max_pool2d, without
// the indices LibTorch 1.13 computes for it on the CPU. At inference the columns first: a max over
// the innermost dimension, then over rows, took a third of the time of one max over both. Training
// keeps the one max, whose gradient splits ties evenly over the whole window.
nn::Functional maxPool(int k)
{
    return nn::Functional([k](const torch::Tensor& t) {
        const int64_t h = t.size(2) / k, w = t.size(3) / k;
        auto blocks = t.narrow(2, 0, h * k).narrow(3, 0, w * k).reshape({t.size(0), t.size(1), h, k, w, k});
        return shortcuts() ? blocks.amax(5).amax(3) : blocks.amax({3, 5});
    });
}

// pixel_shuffle(y, r) written into `out` ([N, C, r H, r W], a view may do): channel o r^2 + a r + b
// of y becomes the pixels r i + a, r j + b of channel o. One strided copy, which took under a third
// of pixel_shuffle's own time in LibTorch 1.13.
void interleavePhasesInto(const torch::Tensor& y, int r, torch::Tensor out)
{
    const int64_t n = y.size(0), c = y.size(1) / (r * r), h = y.size(2), w = y.size(3);
    out.view({n, c, h, r, w, r}).copy_(y.view({n, c, r, r, h, w}).permute({0, 1, 4, 2, 5, 3}));
}

torch::Tensor interleavePhases(const torch::Tensor& y, int r)
{
    auto out = torch::empty({y.size(0), y.size(1) / (r * r), y.size(2) * r, y.size(3) * r}, y.options());
    interleavePhasesInto(y, r, out);
    return out;
}

torch::Tensor upsampleNearest(const torch::Tensor& t, int k)
{
    return torch::nn::functional::interpolate(t,
        torch::nn::functional::InterpolateFuncOptions()
            .scale_factor(std::vector<double>{double(k), double(k)})
            .mode(torch::kNearest));
}

nn::Functional upsample(int k)
{
    return nn::Functional([k](const torch::Tensor& t) { return upsampleNearest(t, k); });
}

ReflectConv2d conv(int in, int out, int kernel, int stride = 1, bool bias = true)
{
    return ReflectConv2d(in, out, kernel, stride, bias);
}

nn::InstanceNorm2d instanceNorm(int channels, double eps)
{
    return nn::InstanceNorm2d(nn::InstanceNorm2dOptions(channels).eps(eps));
}

// Instance norm over a tensor, then per-sample scale and bias ([N, C] each).
torch::Tensor adaptiveInstanceNorm(
    const torch::Tensor& x, const torch::Tensor& scale, const torch::Tensor& bias, double eps)
{
    auto normed = torch::instance_norm(x, {}, {}, {}, {}, /*use_input_stats=*/true, 0.0, eps, false);
    return normed * (1 + scale.unsqueeze(-1).unsqueeze(-1)) + bias.unsqueeze(-1).unsqueeze(-1);
}

// Padding by p on all four sides of [N, C, H, W], written into one new tensor: the body in one
// copy, then p columns and p rows a side (cat and reflection_pad2d were both slow). `reflect`:
// mirrored about the edge pixel (padding_mode kReflect); otherwise the edge pixel repeated.
torch::Tensor padBorders(const torch::Tensor& x, int p, bool reflect)
{
    const int64_t h = x.size(2), w = x.size(3);
    if (reflect && (p >= h || p >= w))
        throw Error("reflection padding " + std::to_string(p) + " needs sides over " + std::to_string(p)
            + " pixels, got " + std::to_string(w) + " x " + std::to_string(h));
    auto out = torch::empty({x.size(0), x.size(1), h + 2 * p, w + 2 * p}, x.options());
    auto rows = out.narrow(2, p, h);
    rows.narrow(3, p, w).copy_(x);
    for (int i = 1; i <= p; ++i) {
        rows.select(3, p - i).copy_(x.select(3, reflect ? i : 0));
        rows.select(3, p + w - 1 + i).copy_(x.select(3, reflect ? w - 1 - i : w - 1));
    }
    for (int i = 1; i <= p; ++i) {
        out.select(2, p - i).copy_(out.select(2, reflect ? p + i : p));
        out.select(2, p + h - 1 + i).copy_(out.select(2, reflect ? p + h - 1 - i : p + h - 1));
    }
    return out;
}

torch::Tensor reflectPad(const torch::Tensor& x, int p) { return padBorders(x, p, true); }

// 3 x 3 max pooling with stride 1 and a border of -inf (max_pool2d(x, 3, 1, 1)), as the maximum
// of shifted views, one axis at a time: LibTorch 1.13's CPU kernel took a tenth of inference.
// Training needs gradients, which the in-place maximum has not: it keeps max_pool2d.
torch::Tensor maxPool3x3(const torch::Tensor& x)
{
    if (torch::GradMode::is_enabled() && x.requires_grad())
        return torch::max_pool2d(x, 3, 1, 1);
    auto along = [](const torch::Tensor& in, int64_t dim) {
        const int64_t n = in.size(dim);
        auto out = in.clone();
        if (n < 2)
            return out;
        auto head = out.narrow(dim, 0, n - 1), tail = out.narrow(dim, 1, n - 1);
        at::maximum_out(head, head, in.narrow(dim, 1, n - 1));
        at::maximum_out(tail, tail, in.narrow(dim, 0, n - 1));
        return out;
    };
    return along(along(x, 3), 2);
}

}  // namespace

ExactLayersGuard::ExactLayersGuard() : previous_(exactLayers) { exactLayers = true; }
ExactLayersGuard::~ExactLayersGuard() { exactLayers = previous_; }

ReflectConv2dImpl::ReflectConv2dImpl(int in, int out, int kernel, int stride, bool bias)
    : nn::Conv2dImpl(nn::Conv2dOptions(in, out, kernel).stride(stride).padding(0).bias(bias)), pad_(kernel / 2)
{
}

torch::Tensor ReflectConv2dImpl::forward(const torch::Tensor& x)
{
    if (pad_ == 0)
        return nn::Conv2dImpl::forward(x);
    if (shortcuts() && convByRowsPays(weight) && unitStride())
        return convByRows(reflectPad(x, pad_), weight, bias);
    return nn::Conv2dImpl::forward(reflectPad(x, pad_));
}

torch::Tensor ReflectConv2dImpl::forwardUpsampled(const torch::Tensor& x)
{
    const int p = pad_;
    const int64_t h = x.size(2), w = x.size(3);
    if (!shortcuts() || !unitStride() || p == 0 || h <= p + 1 || w <= p + 1)
        return forward(upsampleNearest(x, 2));
    const int lp = phaseReach(2, 2 * p + 1);
    auto phaseWeight = phaseWeights(weight, 2, lp);
    auto phaseBias = bias.defined() ? bias.repeat_interleave(4) : torch::Tensor();
    // The low-res input padded by repeating its edge is the upsampled one padded by repeating its
    // edge, which matches reflection except p - 1 output rows and columns on each side (for p = 2
    // only the outermost). Those are redone exactly from the reflection-padded upsampled input
    // around them, gathered from x by index: one convolution for the top and bottom rows, one for
    // the left and right columns (corners included).
    auto y = interleavePhases(torch::conv2d(padBorders(x, lp, false), phaseWeight, phaseBias, kUnit, kNone, kUnit), 2);
    const int64_t edge = p - 1, hy = 2 * h, wy = 2 * w;
    if (edge == 0)
        return y;
    auto positions = [](int64_t from, int64_t to, int64_t length) {
        std::vector<int64_t> low;
        for (int64_t u = from; u < to; ++u)  // upsampled position, reflected, then halved
            low.push_back((u < 0 ? -u : u >= length ? 2 * (length - 1) - u : u) / 2);
        return low;
    };
    auto index = [&](const std::vector<int64_t>& v) { return torch::tensor(v, torch::kLong).to(x.device()); };
    // The first and the last edge + 2p positions, the two strips in one batch.
    const int64_t span = edge + 2 * p;
    auto ends = [&](int64_t length) {
        auto first = positions(-p, edge + p, length), last = positions(length - edge - p, length + p, length);
        first.insert(first.end(), last.begin(), last.end());
        return index(first);
    };
    auto redo = [&](int dim, const torch::Tensor& across, int otherDim, const torch::Tensor& along) {
        auto strips = x.index_select(dim, across).index_select(otherDim, along);
        auto outputs = torch::conv2d(torch::cat({strips.narrow(dim, 0, span), strips.narrow(dim, span, span)}), weight,
            bias, kUnit, kNone, kUnit);
        const int64_t n = x.size(0);
        y.narrow(dim, 0, edge).copy_(outputs.narrow(0, 0, n));
        y.narrow(dim, y.size(dim) - edge, edge).copy_(outputs.narrow(0, n, n));
    };
    redo(2, ends(hy), 3, index(positions(-p, wy + p, wy)));
    redo(3, ends(wy), 2, index(positions(-p, hy + p, hy)));
    return y;
}

InceptionBlockImpl::InceptionBlockImpl(int in, int out)
{
    if (out % 4 != 0)
        throw Error("inception block width must be a multiple of 4, got " + std::to_string(out));
    const int branch = out / 4;
    b1 = register_module("b1", convBnAct(in, branch, 1));
    b3 = register_module("b3", convBnAct(in, branch, 3));
    b5 = register_module("b5", convBnAct(in, branch, 5));
    bp = register_module("bp", convBnAct(in, branch, 1));
}

torch::Tensor InceptionBlockImpl::forward(const torch::Tensor& x)
{
    auto pooled = maxPool3x3(x);
    return torch::cat({runBranch(b1, x), runBranch(b3, x), runBranch(b5, x), runBranch(bp, pooled)}, 1);
}

bool InceptionBlockImpl::inference() const { return shortcuts() && !is_training(); }

torch::Tensor InceptionBlockImpl::runBranch(nn::Sequential& layers, const torch::Tensor& x)
{
    if (!inference())
        return layers->forward(x);
    // The output is not read and written once more for the norm (the same values up to rounding).
    auto [weight, bias] = foldedConv(layers);
    const int64_t p = weight.size(2) / 2;
    const std::array<int64_t, 2> pad{p, p};
    auto y = torch::conv2d(x, weight, bias, kUnit, pad, kUnit);
    return torch::leaky_relu_(y, 0.1);
}

torch::Tensor InceptionBlockImpl::forwardUpsampled(const torch::Tensor& x, int r)
{
    if (!inference() || r < 2)
        return forward(upsampleNearest(x, r));
    // The three convs as one at x's resolution (zero padding of the upsampled input is the
    // upsampled zero padding of x, so this holds to the edge).
    std::vector<torch::Tensor> weights, biases;
    const int reach = phaseReach(r, 5);
    for (auto* layers : {&b1, &b3, &b5}) {
        auto [weight, bias] = foldedConv(*layers);
        weights.push_back(phaseWeights(weight, r, reach));
        biases.push_back(bias.repeat_interleave(r * r));
    }
    const std::array<int64_t, 2> pad{reach, reach};
    auto convs = torch::conv2d(x, torch::cat(weights), torch::cat(biases), kUnit, pad, kUnit);
    // The 3 x 3 max at output r i + a covers input rows i - 1 and i (a = 0), i alone, or i and i + 1
    // (a = r - 1); likewise columns. So nine maxima of x make every phase of the pooled input.
    const int64_t n = x.size(0), c = x.size(1), h = x.size(2), w = x.size(3);
    auto spread = [](const torch::Tensor& t, int64_t dim, int side, torch::Tensor out) {
        out.copy_(t);
        const int64_t len = t.size(dim);
        if (side != 1 && len > 1) {
            auto part = out.narrow(dim, side == 0 ? 1 : 0, len - 1);
            at::maximum_out(part, part, t.narrow(dim, side == 0 ? 0 : 1, len - 1));
        }
    };
    auto maxima = torch::empty({9, n, c, h, w}, x.options());
    auto rows = torch::empty({n, c, h, w}, x.options());
    for (int i = 0; i < 3; ++i) {
        spread(x, 2, i, rows);
        for (int j = 0; j < 3; ++j)
            spread(rows, 3, j, maxima[3 * i + j]);
    }
    auto [poolWeight, poolBias] = foldedConv(bp);
    auto pooled = torch::conv2d(maxima.view({9 * n, c, h, w}), poolWeight, poolBias, kUnit, kNone, kUnit);
    const int64_t out = pooled.size(1);
    std::vector<int64_t> variant;  // of each phase a r + b
    auto side = [r](int a) { return a == 0 ? 0 : a == r - 1 ? 2 : 1; };
    for (int a = 0; a < r; ++a)
        for (int b = 0; b < r; ++b)
            variant.push_back(3 * side(a) + side(b));
    pooled = pooled.view({9, n, out, h, w})
                 .permute({1, 2, 0, 3, 4})
                 .index_select(2, torch::tensor(variant, torch::kLong).to(x.device()));
    // Every branch's phases straight into its channels of the block's output.
    const int64_t convOut = convs.size(1) / (r * r);
    auto y = torch::empty({n, convOut + out, h * r, w * r}, x.options());
    interleavePhasesInto(convs, r, y.narrow(1, 0, convOut));
    interleavePhasesInto(pooled.reshape({n, out * r * r, h, w}), r, y.narrow(1, convOut, out));
    return torch::leaky_relu_(y, 0.1);
}

// The IE-Net decoder's upsampling factors, deepest first.
constexpr int kUpsampling[] = {2, 2, 2, 4};

IENetImpl::IENetImpl(
    int inChannels, int outChannels, int tileSize, int width, int latentDim, bool variational, int skipLevels)
    : bottleneckChannels_(8 * width), bottleneckSize_(tileSize / 32), variational_(variational), skipLevels_(skipLevels)
{
    if (tileSize < 32 || tileSize % 32 != 0)
        throw Error("tile size must be a positive multiple of 32, got " + std::to_string(tileSize));
    const int w = width;
    encoder = register_module("encoder",
        nn::Sequential(InceptionBlock(inChannels, w), maxPool(4), InceptionBlock(w, 2 * w), maxPool(2),
            InceptionBlock(2 * w, 4 * w), maxPool(2), InceptionBlock(4 * w, 8 * w), maxPool(2)));
    // With skips, the first decoder blocks also take the encoder block of their resolution.
    auto k = [skipLevels](int level) { return level < skipLevels ? 2 : 1; };
    decoder = register_module("decoder",
        nn::Sequential(upsample(kUpsampling[0]), InceptionBlock(k(0) * 8 * w, 4 * w), upsample(kUpsampling[1]),
            InceptionBlock(k(1) * 4 * w, 2 * w), upsample(kUpsampling[2]), InceptionBlock(k(2) * 2 * w, w),
            upsample(kUpsampling[3]), InceptionBlock(w, w), nn::Conv2d(nn::Conv2dOptions(w, outChannels, 1))));
    const int flat = bottleneckChannels_ * bottleneckSize_ * bottleneckSize_;
    toLatent = register_module("toLatent", nn::Linear(flat, variational ? 2 * latentDim : latentDim));
    fromLatent = register_module("fromLatent", nn::Linear(latentDim, flat));
}

IENetImpl::Output IENetImpl::forward(const torch::Tensor& x)
{
    Output out;
    // Encoder blocks at 1/4, 1/8 and 1/16 (children 2, 4, 6), deepest first, for the skips.
    std::vector<torch::Tensor> skipped;
    torch::Tensor h = x;
    int index = 0;
    for (auto& layer : *encoder) {
        h = layer.forward(h);
        if (index == 2 || index == 4 || index == 6)
            skipped.insert(skipped.begin(), h);
        ++index;
    }
    h = h.flatten(1);
    auto z = toLatent->forward(h);
    if (variational_) {
        auto parts = z.chunk(2, 1);
        out.mean = parts[0];
        out.logvar = parts[1].clamp(-10, 10);
        z = out.mean;
        if (is_training())
            z = z + torch::randn_like(z) * torch::exp(0.5 * out.logvar);
    }
    auto b = torch::leaky_relu(fromLatent->forward(z), 0.1)
                 .view({-1, bottleneckChannels_, bottleneckSize_, bottleneckSize_});
    torch::Tensor y = b;
    // Decoder: (upsampling, block) four times, then the 1x1 conv. At inference a block that takes
    // the upsampled features alone (no skip) upsamples them itself, at a fraction of the cost.
    const bool inference = shortcuts() && !is_training();
    auto layers = decoder->begin();
    // Whether decoder layer i (a block at level i / 2) also takes the encoder's features.
    auto takesSkip = [this](size_t i) { return (i == 1 || i == 3 || i == 5) && int(i / 2) < skipLevels_; };
    for (size_t i = 0; i < decoder->size(); ++i) {
        if (inference && i % 2 == 0 && i < 8 && !takesSkip(i + 1)) {
            y = layers[i + 1].ptr()->as<InceptionBlockImpl>()->forwardUpsampled(y, kUpsampling[i / 2]);
            ++i;
            continue;
        }
        if (takesSkip(i))
            y = torch::cat({y, skipped[i / 2]}, 1);
        y = layers[i].forward(y);
    }
    out.image = torch::sigmoid(y);
    return out;
}

ResBlockImpl::ResBlockImpl(int channels, bool adaptive, double normEps)
    : channels_(channels), adaptive_(adaptive), normEps_(normEps)
{
    conv1 = register_module("conv1", conv(channels, channels, 3));
    conv2 = register_module("conv2", conv(channels, channels, 3));
    if (!adaptive) {
        norm1 = register_module("norm1", instanceNorm(channels, normEps));
        norm2 = register_module("norm2", instanceNorm(channels, normEps));
    }
}

torch::Tensor ResBlockImpl::forward(const torch::Tensor& x, const torch::Tensor& adain)
{
    torch::Tensor h;
    if (adaptive_) {
        auto p = adain.chunk(4, 1);
        h = torch::relu(adaptiveInstanceNorm(conv1->forward(x), p[0], p[1], normEps_));
        h = adaptiveInstanceNorm(conv2->forward(h), p[2], p[3], normEps_);
    } else {
        h = torch::relu(norm1->forward(conv1->forward(x)));
        h = norm2->forward(conv2->forward(h));
    }
    return x + h;
}

ContentEncoderImpl::ContentEncoderImpl(int channels, int width, double normEps) : width_(width)
{
    const int w = width;
    stem = register_module("stem",
        nn::Sequential(conv(channels, w, 7), instanceNorm(w, normEps), nn::ReLU(), conv(w, 2 * w, 3, 2),
            instanceNorm(2 * w, normEps), nn::ReLU(), conv(2 * w, 4 * w, 3, 2), instanceNorm(4 * w, normEps),
            nn::ReLU()));
    res1 = register_module("res1", ResBlock(4 * w, false, normEps));
    res2 = register_module("res2", ResBlock(4 * w, false, normEps));
}

torch::Tensor ContentEncoderImpl::forward(const torch::Tensor& x)
{
    return res2->forward(res1->forward(stem->forward(x)));
}

DetailEncoderImpl::DetailEncoderImpl(int channels, int width, int detailDim)
{
    const int w = width;
    body = register_module("body",
        nn::Sequential(conv(channels, w, 7), nn::ReLU(), conv(w, 2 * w, 3, 2), nn::ReLU(), conv(2 * w, 4 * w, 3, 2),
            nn::ReLU(), conv(4 * w, 4 * w, 3, 2), nn::ReLU(), conv(4 * w, 4 * w, 3, 2), nn::ReLU()));
    head = register_module("head", nn::Conv2d(nn::Conv2dOptions(4 * w, detailDim, 1)));
}

torch::Tensor DetailEncoderImpl::forward(const torch::Tensor& x)
{
    auto pooled = body->forward(x).mean({2, 3}, true);
    return head->forward(pooled).flatten(1);
}

DecoderImpl::DecoderImpl(int channels, int width, int detailDim, double normEps)
{
    const int w = width;
    res1 = register_module("res1", ResBlock(4 * w, true, normEps));
    res2 = register_module("res2", ResBlock(4 * w, true, normEps));
    const int params = res1->adainParams() + res2->adainParams();
    mlp = register_module("mlp",
        nn::Sequential(
            nn::Linear(detailDim, 4 * w), nn::ReLU(), nn::Linear(4 * w, 4 * w), nn::ReLU(), nn::Linear(4 * w, params)));
    // Layer norm after the upsampling convs, as in MUNIT (instance norm would erase the style).
    up = register_module("up",
        nn::Sequential(upsample(2), conv(4 * w, 2 * w, 5), nn::GroupNorm(nn::GroupNormOptions(1, 2 * w).eps(normEps)),
            nn::ReLU(), upsample(2), conv(2 * w, w, 5), nn::GroupNorm(nn::GroupNormOptions(1, w).eps(normEps)),
            nn::ReLU(), conv(w, channels, 7)));
}

torch::Tensor DecoderImpl::forward(const torch::Tensor& content, const torch::Tensor& detail)
{
    auto params = mlp->forward(detail);
    auto split = params.split(res1->adainParams(), 1);
    auto h = res2->forward(res1->forward(content, split[0]), split[1]);
    // Each 2x upsampling (the only Functional here) goes into the conv after it as one operation.
    for (auto layer = up->begin(); layer != up->end(); ++layer) {
        auto next = layer + 1;
        auto* conv = next != up->end() ? next->ptr()->as<ReflectConv2dImpl>() : nullptr;
        if (conv && layer->ptr()->as<nn::FunctionalImpl>()) {
            h = conv->forwardUpsampled(h);
            layer = next;
        } else {
            h = layer->forward(h);
        }
    }
    return torch::sigmoid(h);
}

ExpertNetImpl::ExpertNetImpl(
    int channels, int width, int detailDim, int naiveSamples, std::uint64_t seed, double normEps)
    : detailDim_(detailDim)
{
    auto makeDomain = [&](const std::string& name) {
        Domain d;
        d.content = register_module(name + "_content", ContentEncoder(channels, width, normEps));
        d.detail = register_module(name + "_detail", DetailEncoder(channels, width, detailDim));
        d.decoder = register_module(name + "_decoder", Decoder(channels, width, detailDim, normEps));
        return d;
    };
    image = makeDomain("image");
    impression = makeDomain("impression");
    naiveCodes = register_buffer("naiveCodes", torch::zeros({1, detailDim}));
    drawNaiveCodes(naiveSamples, seed);
}

void ExpertNetImpl::drawNaiveCodes(int count, std::uint64_t seed)
{
    auto gen = at::detail::createCPUGenerator(seed ^ 0x9e3779b97f4a7c15ULL);
    // count 0: the prior's mean, one deterministic naive impression.
    auto codes = count > 0 ? at::randn({count, detailDim_}, gen) : at::zeros({1, detailDim_});
    torch::NoGradGuard noGrad;
    naiveCodes.set_(codes.to(naiveCodes.device()));
}

torch::Tensor ExpertNetImpl::reconstruct(const torch::Tensor& x, const torch::Tensor& m)
{
    return image.decoder->forward(impression.content->forward(m), image.detail->forward(x));
}

torch::Tensor ExpertNetImpl::naive(const torch::Tensor& x)
{
    const auto n = x.size(0);
    const auto k = naiveCodes.size(0);
    auto content = image.content->forward(x);
    // Every image with every code in one batch: [K * N, ...]
    auto c = content.unsqueeze(0)
                 .expand({k, -1, -1, -1, -1})
                 .reshape({k * n, content.size(1), content.size(2), content.size(3)});
    auto s = naiveCodes.unsqueeze(1).expand({-1, n, -1}).reshape({k * n, detailDim_});
    auto out = impression.decoder->forward(c, s);
    return out.view({k, n, out.size(1), out.size(2), out.size(3)});
}

MultiScaleDiscriminatorImpl::MultiScaleDiscriminatorImpl(int channels, int width, int scales)
{
    const int w = width;
    auto down = [](int in, int out) { return nn::Conv2d(nn::Conv2dOptions(in, out, 4).stride(2).padding(1)); };
    auto act = [] { return nn::LeakyReLU(nn::LeakyReLUOptions().negative_slope(0.2)); };
    for (int i = 0; i < scales; ++i)
        heads_.push_back(register_module("scale" + std::to_string(i),
            nn::Sequential(down(channels, w), act(), down(w, 2 * w), act(), down(2 * w, 4 * w), act(),
                nn::Conv2d(nn::Conv2dOptions(4 * w, 1, 1)))));
}

std::vector<torch::Tensor> MultiScaleDiscriminatorImpl::forward(const torch::Tensor& x)
{
    std::vector<torch::Tensor> out;
    torch::Tensor h = x;
    for (size_t i = 0; i < heads_.size(); ++i) {
        if (i > 0)
            h = torch::avg_pool2d(h, 3, 2, 1, /*ceil_mode=*/false, /*count_include_pad=*/false);
        if (h.size(2) < 8 || h.size(3) < 8)
            break;  // too small for three stride-2 convs
        out.push_back(heads_[i]->forward(h));
    }
    return out;
}

namespace {

// Two 3x3 convs, each with batch norm and ReLU.
nn::Sequential doubleConv(int in, int out)
{
    return nn::Sequential(nn::Conv2d(nn::Conv2dOptions(in, out, 3).padding(1).bias(false)), nn::BatchNorm2d(out),
        nn::ReLU(), nn::Conv2d(nn::Conv2dOptions(out, out, 3).padding(1).bias(false)), nn::BatchNorm2d(out),
        nn::ReLU());
}

constexpr int kSegmenterLevels = 3;

// doubleConv at inference: each norm's running statistics folded into its conv, the ReLU in place.
torch::Tensor doubleConvFolded(nn::Sequential& layers, torch::Tensor x)
{
    for (size_t i : {size_t(0), size_t(3)}) {
        auto [weight, bias] = foldedConv(layers, i);
        x = torch::conv2d(x, weight.contiguous(torch::MemoryFormat::ChannelsLast), bias, kUnit, kUnit, kUnit);
        torch::relu_(x);
    }
    return x;
}

}  // namespace

DefectSegmenterImpl::DefectSegmenterImpl(int inChannels, int width)
{
    int in = inChannels;
    for (int level = 0; level < kSegmenterLevels; ++level) {
        const int out = width << level;
        down_.push_back(register_module("down" + std::to_string(level), doubleConv(in, out)));
        in = out;
    }
    bottom_ = register_module("bottom", doubleConv(in, width << kSegmenterLevels));
    in = width << kSegmenterLevels;
    for (int level = kSegmenterLevels - 1; level >= 0; --level) {
        const int skip = width << level;
        up_.push_back(register_module("up" + std::to_string(level), doubleConv(in + skip, skip)));
        in = skip;
    }
    head_ = register_module("head", nn::Conv2d(nn::Conv2dOptions(in, 1, 1)));
}

torch::Tensor DefectSegmenterImpl::forward(const torch::Tensor& views)
{
    // At inference the features run channels-last: oneDNN's convs with few channels over a whole
    // working image took half the time that way.
    const bool inference = shortcuts() && !is_training();
    auto run = [inference](nn::Sequential& block, const torch::Tensor& x) {
        return inference ? doubleConvFolded(block, x) : block->forward(x);
    };
    std::vector<torch::Tensor> skips;
    torch::Tensor h = inference ? views.contiguous(torch::MemoryFormat::ChannelsLast) : views;
    for (auto& block : down_) {
        h = run(block, h);
        skips.push_back(h);
        h = torch::max_pool2d(h, 2);
    }
    h = run(bottom_, h);
    for (auto& block : up_) {
        const torch::Tensor& skip = skips.back();
        h = F::interpolate(h,
            F::InterpolateFuncOptions().size(std::vector<int64_t>{skip.size(2), skip.size(3)}).mode(torch::kNearest));
        h = run(block, torch::cat({h, skip}, 1));
        skips.pop_back();
    }
    return head_->forward(h).contiguous();
}

}  // namespace utad::nets
