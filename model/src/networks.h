#pragma once
// The networks of the two-stage detector and of the one-stage baseline.
#include "utad/model.h"

#include "torch_pch.h"

namespace utad::nets {

// Inference takes shortcuts through the layers (an upsampling folded into the conv after it, batch
// norm folded into its conv, ...) when no gradients are kept: the same values up to rounding in
// the last bits. While one of these guards lives, this thread computes the layers as they are
// trained instead, so that what training derives from a network without gradients (the Expert-Net's
// impressions) is the same on every build.
class ExactLayersGuard {
public:
    ExactLayersGuard();
    ~ExactLayersGuard();
    ExactLayersGuard(const ExactLayersGuard&) = delete;
    ExactLayersGuard& operator=(const ExactLayersGuard&) = delete;

private:
    bool previous_;
};

// A convolution over a reflection-padded input (as padding_mode kReflect), with the padding made
// from slices: LibTorch 1.13's reflection_pad2d on the CPU took a fifth of inference time.
// The parameters are a plain Conv2d's, so model files are unchanged.
class ReflectConv2dImpl : public torch::nn::Conv2dImpl {
public:
    ReflectConv2dImpl(int in, int out, int kernel, int stride, bool bias);
    torch::Tensor forward(const torch::Tensor& x);
    // forward(nearest 2x upsampling of x). Without gradients (inference), one convolution at x's
    // resolution whose four output phases are interleaved: the same values, without the upsampled
    // copy and with (2 ceil(p / 2) + 1)^2 / (2p + 1)^2 of the multiply-adds (9 / 25 for 5 x 5).
    torch::Tensor forwardUpsampled(const torch::Tensor& x);

private:
    bool unitStride() const { return (*options.stride())[0] == 1 && (*options.stride())[1] == 1; }
    int pad_;
};
TORCH_MODULE(ReflectConv2d);

// Four parallel branches (1x1; 3x3; 5x5; 3x3 max-pool then 1x1), each conv + batch norm +
// LeakyReLU(0.1), concatenated to `out` channels.
class InceptionBlockImpl : public torch::nn::Module {
public:
    InceptionBlockImpl(int in, int out);
    torch::Tensor forward(const torch::Tensor& x);
    // forward(nearest upsampling of x by r). At inference (eval mode, no gradients), the block's
    // work is done at x's resolution and its output interleaved: the same values, without the
    // upsampled copy and with convolutions that use the machine far better than 4-channel ones.
    torch::Tensor forwardUpsampled(const torch::Tensor& x, int r);

private:
    bool inference() const;
    torch::Tensor runBranch(torch::nn::Sequential& layers, const torch::Tensor& x);
    torch::nn::Sequential b1{nullptr}, b3{nullptr}, b5{nullptr}, bp{nullptr};
};
TORCH_MODULE(InceptionBlock);

// IE-Net: inception encoder down 32x, Gaussian latent, mirrored decoder without skips, sigmoid.
// `inChannels` may exceed `outChannels` by the position channels. `variational` false gives the
// plain autoencoder of the same shape (the baseline). `skipLevels` adds the encoder's features to
// the decoder at 1/16, then 1/8, then 1/4 of the tile (never at full resolution), for a denoising
// IE-Net that follows each part's outline (ModelConfig::ieSkipLevels).
class IENetImpl : public torch::nn::Module {
public:
    IENetImpl(
        int inChannels, int outChannels, int tileSize, int width, int latentDim, bool variational, int skipLevels = 0);

    struct Output {
        torch::Tensor image;  // [N, C, H, W] in [0, 1]
        torch::Tensor mean, logvar;  // latent (undefined for the plain autoencoder)
    };
    // Samples the latent in training mode, uses its mean in eval mode.
    Output forward(const torch::Tensor& x);

private:
    int bottleneckChannels_, bottleneckSize_;
    bool variational_;
    int skipLevels_;
    torch::nn::Sequential encoder{nullptr}, decoder{nullptr};
    torch::nn::Linear toLatent{nullptr}, fromLatent{nullptr};
};
TORCH_MODULE(IENet);

// Residual block with instance norm (content encoders) or AdaIN (decoders). `normEps` is the
// normalisations' epsilon: small values stretch a nearly flat tile's faint structure to full contrast.
class ResBlockImpl : public torch::nn::Module {
public:
    ResBlockImpl(int channels, bool adaptive, double normEps);
    // `adain`: [N, 4 * channels] (scale1, bias1, scale2, bias2) when adaptive.
    torch::Tensor forward(const torch::Tensor& x, const torch::Tensor& adain = {});
    int adainParams() const { return adaptive_ ? 4 * channels_ : 0; }

private:
    int channels_;
    bool adaptive_;
    double normEps_;
    ReflectConv2d conv1{nullptr}, conv2{nullptr};
    torch::nn::InstanceNorm2d norm1{nullptr}, norm2{nullptr};
};
TORCH_MODULE(ResBlock);

// Content at 1/4 resolution: conv 7x7, two stride-2 convs, two residual blocks, instance norm.
class ContentEncoderImpl : public torch::nn::Module {
public:
    ContentEncoderImpl(int channels, int width, double normEps);
    torch::Tensor forward(const torch::Tensor& x);
    int outChannels() const { return 4 * width_; }

private:
    int width_;
    torch::nn::Sequential stem{nullptr};
    ResBlock res1{nullptr}, res2{nullptr};
};
TORCH_MODULE(ContentEncoder);

// Conv stack, global average pool, `detailDim` numbers.
class DetailEncoderImpl : public torch::nn::Module {
public:
    DetailEncoderImpl(int channels, int width, int detailDim);
    torch::Tensor forward(const torch::Tensor& x);  // [N, detailDim]

private:
    torch::nn::Sequential body{nullptr};
    torch::nn::Conv2d head{nullptr};
};
TORCH_MODULE(DetailEncoder);

// AdaIN residual blocks (parameters from an MLP of the detail code), two upsample + conv 5x5,
// conv 7x7, sigmoid.
class DecoderImpl : public torch::nn::Module {
public:
    DecoderImpl(int channels, int width, int detailDim, double normEps);
    torch::Tensor forward(const torch::Tensor& content, const torch::Tensor& detail);

private:
    ResBlock res1{nullptr}, res2{nullptr};
    torch::nn::Sequential mlp{nullptr}, up{nullptr};
};
TORCH_MODULE(Decoder);

// One domain of the Expert-Net.
struct Domain {
    ContentEncoder content{nullptr};
    DetailEncoder detail{nullptr};
    Decoder decoder{nullptr};
};

// MUNIT-style two-domain autoencoder: domain I (images) and M (impressions).
class ExpertNetImpl : public torch::nn::Module {
public:
    // `normEps`: ModelConfig::expertNormEpsilon.
    ExpertNetImpl(int channels, int width, int detailDim, int naiveSamples, std::uint64_t seed, double normEps);

    Domain image, impression;
    // Fixed detail codes drawn from N(0, I) once, so naive impressions are repeatable.
    torch::Tensor naiveCodes;  // [K, detailDim]
    int detailDim() const { return detailDim_; }
    // The codes for `count` samples, the same for the same seed (the K of inference can change);
    // for 0, the one code at the prior's mean.
    void drawNaiveCodes(int count, std::uint64_t seed);

    // x_hat = Dec_I(content_M(m), s_I(x))
    torch::Tensor reconstruct(const torch::Tensor& x, const torch::Tensor& m);
    // [K, N, C, H, W]: Dec_M(content_I(x), s_k) for every fixed code s_k
    torch::Tensor naive(const torch::Tensor& x);

private:
    int detailDim_;
};
TORCH_MODULE(ExpertNet);

// Multi-scale PatchGAN discriminator (MUNIT): at the tile's size and at 1/2 and 1/4 of it, three
// stride-2 4x4 convs with LeakyReLU(0.2), then a 1x1 conv to one real/fake value per patch.
class MultiScaleDiscriminatorImpl : public torch::nn::Module {
public:
    MultiScaleDiscriminatorImpl(int channels, int width, int scales = 3);
    std::vector<torch::Tensor> forward(const torch::Tensor& x);  // one patch map per scale

private:
    std::vector<torch::nn::Sequential> heads_;
};
TORCH_MODULE(MultiScaleDiscriminator);

// Defect segmenter (after DRAEM, Zavrtanik et al. 2021): a small U-Net that reads a tile beside
// what the two stages drew of it and gives each pixel a defect logit. Trained on defects pasted into
// good tiles, it learns which differences between a part and its reconstruction are defects and
// which (an outline a little off, a texture neither network draws) are not.
class DefectSegmenterImpl : public torch::nn::Module {
public:
    // `inChannels`: the stacked views; `width`: channels at full resolution, doubled per level (3).
    DefectSegmenterImpl(int inChannels, int width);
    torch::Tensor forward(const torch::Tensor& views);  // [N, 1, H, W] logits

private:
    std::vector<torch::nn::Sequential> down_, up_;
    torch::nn::Sequential bottom_{nullptr};
    torch::nn::Conv2d head_{nullptr};
};
TORCH_MODULE(DefectSegmenter);

}  // namespace utad::nets
