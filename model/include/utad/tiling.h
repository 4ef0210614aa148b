#pragma once
// Cutting a working image into overlapping square tiles and blending per-tile results back.
// Plain OpenCV: the model uses it for inference and training, and tests check it directly.
#include <functional>
#include <opencv2/core.hpp>
#include <vector>

namespace utad {

struct TileGrid {
    cv::Size image;  // the working image
    cv::Size padded;  // image padded (reflected) to at least one tile each way
    int tile = 0;
    std::vector<cv::Point> origins;  // top-left corners in the padded image, covering it entirely

    // Tiles of side `tile` overlapping by about `overlap` (0 <= overlap < 1) of a tile. An image
    // smaller than a tile is padded to one tile along that side; the last tile of a row or column
    // is aligned with the far edge, so every pixel is covered.
    static TileGrid make(cv::Size image, int tile, double overlap);
};

// Reflect-pads `image` to grid.padded (no copy when it already has that size).
cv::Mat padToGrid(const cv::Mat& image, const TileGrid& grid);

// The `tile` x `tile` square at `origin` of `image`, cut turned by `angleDegrees` (counter-clockwise)
// and magnified by `scale` about its centre; beyond the image's edge its edge pixels are repeated.
// With angle 0 and scale 1 it is the plain crop. Training draws tiles this way for augmentation.
cv::Mat warpedTile(const cv::Mat& image, cv::Point origin, int tile, double angleDegrees, double scale);

// Weighted blending of tiles (CV_32F, any channel count) into one image of grid.image size. Each
// tile is weighted by a smooth window that falls towards its edges but never reaches zero, so
// overlapping tiles meet without seams and border pixels keep a weight.
class TileBlender {
public:
    TileBlender(const TileGrid& grid, int channels);
    void add(size_t tileIndex, const cv::Mat& tile);
    cv::Mat result() const;  // grid.image size, cropped from the padded canvas

private:
    TileGrid grid_;
    cv::Mat sum_, weight_, window_;
};

// An operator applied to an image of `size` in windows, so that memory stays bounded however large
// the image: `local(window)` gives its result over `window` (a window.size() CV_32F image), and each
// window keeps the part of at most `core` pixels a side around which it has `margin` pixels of
// context (fewer at the image's edge). Where the operator reads no further than `margin` pixels,
// the result is that of one pass over the whole image. A window starts `margin` before a multiple of
// `core` (or at the edge), so a network that halves the resolution keeps its alignment when both are
// multiples of its total stride.
cv::Mat inWindows(cv::Size size, int core, int margin, const std::function<cv::Mat(const cv::Rect&)>& local);

}  // namespace utad
