#include "ui/imageconvert.h"

#include <cstring>
#include <opencv2/imgproc.hpp>

namespace utad::ui {

namespace {
// Deep copy of an 8-bit Mat whose channel order already matches `format`, row by row (QImage rows
// are 4-byte aligned, cv::Mat rows need not be).
QImage copyRows(const cv::Mat& src, QImage::Format format)
{
    QImage image(src.cols, src.rows, format);
    const size_t rowBytes = size_t(src.cols) * size_t(src.channels());
    for (int y = 0; y < src.rows; ++y)
        std::memcpy(image.scanLine(y), src.ptr(y), rowBytes);
    return image;
}
}  // namespace

QImage toQImage(const cv::Mat& mat)
{
    if (mat.empty())
        return {};
    cv::Mat src = mat;
    if (src.depth() != CV_8U) {
        // Float images are [0, 1] by contract; other depths are scaled by their own range.
        cv::Mat scaled;
        if (src.depth() == CV_32F || src.depth() == CV_64F)
            src.convertTo(scaled, CV_8U, 255.0);
        else if (src.depth() == CV_16U)
            src.convertTo(scaled, CV_8U, 1.0 / 257.0);
        else
            cv::normalize(src, scaled, 0, 255, cv::NORM_MINMAX, CV_8U);
        src = scaled;
    }
    switch (src.channels()) {
    case 1: return copyRows(src, QImage::Format_Grayscale8);
    case 3: {
        cv::Mat rgb;
        cv::cvtColor(src, rgb, cv::COLOR_BGR2RGB);
        return copyRows(rgb, QImage::Format_RGB888);
    }
    case 4: {
        cv::Mat rgba;
        cv::cvtColor(src, rgba, cv::COLOR_BGRA2RGBA);
        return copyRows(rgba, QImage::Format_RGBA8888).convertToFormat(QImage::Format_ARGB32);
    }
    default: return {};
    }
}

cv::Mat toMat(const QImage& image)
{
    if (image.isNull())
        return {};
    if (image.isGrayscale() && !image.hasAlphaChannel()) {
        const QImage grey = image.convertToFormat(QImage::Format_Grayscale8);
        cv::Mat mat(grey.height(), grey.width(), CV_8UC1);
        for (int y = 0; y < grey.height(); ++y)
            std::memcpy(mat.ptr(y), grey.constScanLine(y), size_t(grey.width()));
        return mat;
    }
    if (!image.hasAlphaChannel()) {
        const QImage rgb = image.convertToFormat(QImage::Format_RGB888);
        cv::Mat mat(rgb.height(), rgb.width(), CV_8UC3);
        for (int y = 0; y < rgb.height(); ++y)
            std::memcpy(mat.ptr(y), rgb.constScanLine(y), size_t(rgb.width()) * 3);
        cv::cvtColor(mat, mat, cv::COLOR_RGB2BGR);
        return mat;
    }
    const QImage rgba = image.convertToFormat(QImage::Format_RGBA8888);
    cv::Mat mat(rgba.height(), rgba.width(), CV_8UC4);
    for (int y = 0; y < rgba.height(); ++y)
        std::memcpy(mat.ptr(y), rgba.constScanLine(y), size_t(rgba.width()) * 4);
    cv::cvtColor(mat, mat, cv::COLOR_RGBA2BGRA);
    return mat;
}

}  // namespace utad::ui
