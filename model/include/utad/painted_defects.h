// Synthetic defects painted into anomaly-free grey images: the synthetic benchmark (utad-synth)
// paints its test sets with them, and calibration paints them into held-back good images to choose
// how the anomaly map is made.
#pragma once

#include <opencv2/core.hpp>
#include <random>
#include <string>
#include <vector>

namespace utad {

// "hole", "crack", "fray" (a torn edge), "cutpaste" (a patch of the same image moved elsewhere),
// "brightness" (a soft, unevenly lit region).
extern const std::vector<std::string> kPaintedDefectTypes;
// A change of this many grey levels (of 255) or more shows; a defect is marked only where it shows.
inline constexpr int kVisibleLevels = 8;

// Paints one visible defect of `type` at a random place and scale into `grey` (CV_8UC1) and returns
// its mask (0/255): a defect that would hardly show (a dark hole on a black background, a patch
// pasted onto its like) is painted elsewhere. Empty, and `grey` unchanged, when none showed in 100
// tries or the image is under 16 pixels a side. A torn edge's pixel noise comes from `noise`:
// OpenCV's global generator by default (utad-synth's sets were made so), a generator of the
// caller's own where painting must repeat within one process (calibration).
cv::Mat paintDefect(cv::Mat& grey, const std::string& type, std::mt19937& rng, cv::RNG& noise = cv::theRNG());

}  // namespace utad
