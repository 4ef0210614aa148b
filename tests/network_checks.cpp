// The networks' inference shortcuts against the layers they stand for, on random weights and
// inputs. Kept apart from the Qt test code (Qt's `slots` breaks LibTorch headers).
#include "network_checks.h"

#include "networks.h"

namespace {

double largestDifference(const torch::Tensor& a, const torch::Tensor& b)
{
    if (a.sizes() != b.sizes())
        return 1e30;
    return (a - b).abs().max().item<double>();
}

// Random batch-norm statistics, as after training (fresh ones are the identity).
void randomiseNorms(torch::nn::Module& module)
{
    torch::NoGradGuard noGrad;
    for (auto& buffer : module.named_buffers()) {
        if (buffer.key().find("running_mean") != std::string::npos)
            buffer.value().normal_(0, 0.5);
        if (buffer.key().find("running_var") != std::string::npos)
            buffer.value().uniform_(0.2, 2.0);
    }
    for (auto& parameter : module.named_parameters())
        parameter.value().normal_(0, 0.3);
}

// x upsampled by `factor`, nearest: what the shortcuts take in at x's resolution.
torch::Tensor upsampled(const torch::Tensor& x, int factor)
{
    return torch::nn::functional::interpolate(x,
        torch::nn::functional::InterpolateFuncOptions()
            .scale_factor(std::vector<double>{double(factor), double(factor)})
            .mode(torch::kNearest));
}

}  // namespace

double upsampledConvDifference(int kernel, int width, int height)
{
    torch::manual_seed(7);
    utad::nets::ReflectConv2d conv(3, 5, kernel, 1, true);
    torch::NoGradGuard noGrad;
    const auto x = torch::rand({2, 3, height, width});
    return largestDifference(conv->forwardUpsampled(x), conv->forward(upsampled(x, 2)));
}

double decoderInferenceDifference()
{
    torch::manual_seed(11);
    utad::nets::Decoder decoder(1, 8, 8, 0.1);
    decoder->eval();
    const auto content = torch::randn({3, 32, 16, 12});
    const auto detail = torch::randn({3, 8});
    torch::Tensor training;  // with gradients: the layers as they are trained
    {
        torch::AutoGradMode grad(true);
        training = decoder->forward(content, detail).detach();
    }
    torch::NoGradGuard noGrad;
    return largestDifference(decoder->forward(content, detail), training);
}

double inceptionUpsampledDifference(int factor, int width, int height)
{
    torch::manual_seed(17);
    utad::nets::InceptionBlock block(6, 8);
    randomiseNorms(*block);
    block->eval();
    torch::NoGradGuard noGrad;
    const auto x = torch::randn({2, 6, height, width});
    return largestDifference(block->forwardUpsampled(x, factor), block->forward(upsampled(x, factor)));
}

double impressionInferenceDifference(int skipLevels)
{
    torch::manual_seed(13);
    utad::nets::IENet net(3, 1, 64, 8, 16, true, skipLevels);
    randomiseNorms(*net);
    net->eval();
    const auto x = torch::rand({2, 3, 64, 64});
    torch::Tensor training;
    {
        torch::AutoGradMode grad(true);
        training = net->forward(x).image.detach();
    }
    torch::NoGradGuard noGrad;
    return largestDifference(net->forward(x).image, training);
}

double segmenterInferenceDifference(int width, int height)
{
    torch::manual_seed(23);
    utad::nets::DefectSegmenter net(6, 4);
    randomiseNorms(*net);
    net->eval();
    const auto views = torch::rand({2, 6, height, width});
    torch::Tensor training;
    {
        torch::AutoGradMode grad(true);
        training = net->forward(views).detach();
    }
    torch::NoGradGuard noGrad;
    return largestDifference(net->forward(views), training);
}

double exactLayersDifference()
{
    torch::manual_seed(19);
    utad::nets::IENet net(3, 1, 64, 8, 16, true);
    utad::nets::Decoder decoder(1, 8, 8, 0.1);
    randomiseNorms(*net);
    net->eval();
    decoder->eval();
    const auto x = torch::rand({2, 3, 64, 64});
    const auto content = torch::randn({2, 32, 16, 16});
    const auto detail = torch::randn({2, 8});
    torch::Tensor trainedImpression, trainedDecoded;
    {
        torch::AutoGradMode grad(true);
        trainedImpression = net->forward(x).image.detach();
        trainedDecoded = decoder->forward(content, detail).detach();
    }
    torch::NoGradGuard noGrad;
    utad::nets::ExactLayersGuard exact;
    return std::max(largestDifference(net->forward(x).image, trainedImpression),
        largestDifference(decoder->forward(content, detail), trainedDecoded));
}
