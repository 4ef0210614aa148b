#include "utad/tiling.h"

#include "utad/error.h"

#include <algorithm>
#include <cmath>
#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

namespace utad {

namespace {

// 0, stride, 2 * stride, ... and a last start flush with the far edge.
std::vector<int> starts(int length, int tile, int stride)
{
    std::vector<int> s;
    if (length <= tile)
        return {0};
    for (int p = 0; p + tile < length; p += stride)
        s.push_back(p);
    s.push_back(length - tile);
    return s;
}

}  // namespace

TileGrid TileGrid::make(cv::Size image, int tile, double overlap)
{
    if (tile < 1 || image.width < 1 || image.height < 1)
        throw Error("cannot tile an empty image");
    TileGrid g;
    g.image = image;
    g.tile = tile;
    g.padded = cv::Size(std::max(image.width, tile), std::max(image.height, tile));
    const int stride = std::max(1, int(std::lround(tile * (1.0 - std::clamp(overlap, 0.0, 0.95)))));
    for (int y : starts(g.padded.height, tile, stride))
        for (int x : starts(g.padded.width, tile, stride))
            g.origins.emplace_back(x, y);
    return g;
}

cv::Mat warpedTile(const cv::Mat& image, cv::Point origin, int tile, double angleDegrees, double scale)
{
    const float half = float(tile) / 2;
    // Source pixels to tile pixels, about the tile's centre; then the tile's origin moves to 0.
    cv::Mat affine = cv::getRotationMatrix2D(
        cv::Point2f(float(origin.x) + half - 0.5f, float(origin.y) + half - 0.5f), angleDegrees, scale);
    affine.at<double>(0, 2) -= origin.x;
    affine.at<double>(1, 2) -= origin.y;
    cv::Mat out;
    cv::warpAffine(image, out, affine, cv::Size(tile, tile), cv::INTER_LINEAR, cv::BORDER_REPLICATE);
    return out;
}

cv::Mat padToGrid(const cv::Mat& image, const TileGrid& grid)
{
    if (image.size() == grid.padded)
        return image;
    cv::Mat out = image;
    // BORDER_REFLECT needs a source at least as large as the border; repeat for tiny images.
    while (out.cols < grid.padded.width || out.rows < grid.padded.height) {
        const int right = std::min(out.cols, grid.padded.width - out.cols);
        const int bottom = std::min(out.rows, grid.padded.height - out.rows);
        cv::Mat next;
        cv::copyMakeBorder(out, next, 0, bottom, 0, right, cv::BORDER_REFLECT);
        out = next;
    }
    return out;
}

TileBlender::TileBlender(const TileGrid& grid, int channels) : grid_(grid)
{
    sum_ = cv::Mat::zeros(grid.padded, CV_MAKETYPE(CV_32F, channels));
    weight_ = cv::Mat::zeros(grid.padded, CV_32F);
    // Separable raised-cosine window, floored so that pixels a single tile covers keep a weight.
    const int t = grid.tile;
    cv::Mat w1(1, t, CV_32F);
    for (int i = 0; i < t; ++i) {
        const double s = std::sin(M_PI * (i + 0.5) / t);
        w1.at<float>(0, i) = float(0.02 + s * s);
    }
    window_ = w1.t() * w1;
}

void TileBlender::add(size_t tileIndex, const cv::Mat& tile)
{
    const cv::Rect r(grid_.origins.at(tileIndex), cv::Size(grid_.tile, grid_.tile));
    if (tile.size() != r.size())
        throw Error("tile of the wrong size");
    cv::Mat weighted;
    if (tile.channels() == 1) {
        weighted = tile.mul(window_);
    } else {
        std::vector<cv::Mat> planes;
        cv::split(tile, planes);
        for (auto& p : planes)
            p = p.mul(window_);
        cv::merge(planes, weighted);
    }
    cv::Mat dst = sum_(r);
    dst += weighted;
    cv::Mat wdst = weight_(r);
    wdst += window_;
}

cv::Mat TileBlender::result() const
{
    const cv::Rect crop(cv::Point(0, 0), grid_.image);
    cv::Mat sum = sum_(crop), weight = weight_(crop);
    if (sum.channels() == 1) {
        cv::Mat out;
        cv::divide(sum, weight, out);
        return out;
    }
    std::vector<cv::Mat> planes;
    cv::split(sum, planes);
    for (auto& p : planes)
        cv::divide(p, weight, p);
    cv::Mat out;
    cv::merge(planes, out);
    return out;
}

cv::Mat inWindows(cv::Size size, int core, int margin, const std::function<cv::Mat(const cv::Rect&)>& local)
{
    const cv::Rect image(cv::Point(), size);
    cv::Mat out;
    for (int y = 0; y < size.height; y += core)
        for (int x = 0; x < size.width; x += core) {
            const cv::Rect kept = cv::Rect(x, y, core, core) & image;
            const cv::Rect window = cv::Rect(x - margin, y - margin, core + 2 * margin, core + 2 * margin) & image;
            const cv::Mat part = local(window);
            if (out.empty())
                out.create(size, part.type());
            part(kept - window.tl()).copyTo(out(kept));
        }
    return out;
}

}  // namespace utad
