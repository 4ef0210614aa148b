#pragma once
// The one place where OpenCV matrices become Qt images and back. Every view and the review code
// goes through these, so channel order and value ranges are handled once.
#include <QImage>
#include <opencv2/core.hpp>

namespace utad::ui {

// CV_8UC1 -> Grayscale8, CV_8UC3 (BGR) -> RGB888, CV_8UC4 (BGRA) -> ARGB32, CV_32F in [0,1]
// (1 or 3 channels) -> scaled to 8 bit. The QImage owns a deep copy. Empty Mat -> null QImage.
QImage toQImage(const cv::Mat& mat);

// QImage -> CV_8UC1 (grey formats), CV_8UC3 BGR (colour without alpha) or CV_8UC4 BGRA (with
// alpha). Always a deep copy.
cv::Mat toMat(const QImage& image);

}  // namespace utad::ui
