#pragma once
// Turns one image's inference into the four pictures the inspector shows. Pure functions (no
// widgets), shared by the inspector, the PNG export and the tests.
#include "utad/model.h"

#include <QImage>
#include <QPainterPath>
#include <QString>
#include <QStringList>
#include <array>

class QPainter;

namespace utad::ui {

enum class ColorMap { Jet, Inferno, Magma, Viridis, Gray };
QStringList colorMapNames();  // in enum order, for combo boxes and settings
QString colorMapName(ColorMap map);
ColorMap colorMapFromName(const QString& name);  // unknown names give Jet

// Stages: input, impression, expert reconstruction, anomaly map (the two-stage result).
// Residuals: naive impression and the three residual maps, to follow the reasoning.
enum class PanelMode { Stages, Residuals };

struct PanelStyle {
    PanelMode mode = PanelMode::Stages;
    ColorMap colorMap = ColorMap::Jet;
    bool overlay = false;  // anomaly map blended over the input in the fourth panel
    double opacity = 0.5;  // of the overlay
    double heatMax = 0;  // anomaly-map value drawn at the top of the colour map; <= 0: the map's maximum
};

struct PanelSet {
    std::array<QImage, 4> images;  // every image at the source size
    std::array<QString, 4> titles;
    // The value drawn at the top of the colour map in the coloured panels (the anomaly map, or the
    // three residuals), as resolved for this image; 0 when no panel is coloured.
    double colorScaleMax = 0;
};

QStringList panelTitles(PanelMode mode);
// The residual view's first panel for a model with a defect segmenter (instead of the naive impression).
QString segmenterPanelTitle();
// What that first panel shows: the segmenter's probability where the model has one, else the naive
// impression.
const cv::Mat& firstResidualPanel(const utad::Inference& inference);

// A CV_32F map (>= 0) as a colour image (CV_8UC3 BGR), `maxValue` mapped to the top.
cv::Mat colorize(const cv::Mat& map, double maxValue, ColorMap colorMap);
// `source` is the image as read from disk; `inference` may be null (panels other than the input
// are then blank). Network-sized outputs are resized to the source size.
PanelSet renderPanels(const cv::Mat& source, const utad::Inference* inference, const PanelStyle& style);

// Binary mask (CV_8U, nonzero = region) of map >= threshold without regions smaller than minArea.
cv::Mat predictedRegions(const cv::Mat& anomalyMap, double threshold, int minArea);
// Outlines of the nonzero regions of a CV_8U mask, in pixel coordinates of the mask.
QPainterPath regionOutline(const cv::Mat& mask);

// A colour bar for `map` from 0 to `maxValue` with its values, filling `rect`: vertical (high values
// at the top, labels on the right) when `rect` is taller than wide; otherwise horizontal, with the
// labels below or, when `rect` is less than two lines high, at both ends. Labels use the painter's
// font and pen; the top label reads ">= max", as the map saturates there.
void paintColorLegend(QPainter& painter, const QRectF& rect, ColorMap map, double maxValue);

struct MontageLabels {
    QString caption;  // above the panels, e.g. the file name and score
    QString legendTitle;  // before the colour bar under the panels
    double legendMax = 0;  // no colour bar when <= 0
    ColorMap colorMap = ColorMap::Jet;
};

// The panels side by side (columns x rows) with their titles above them.
QImage montage(const std::array<QImage, 4>& images, const std::array<QString, 4>& titles, int columns,
    const MontageLabels& labels = {});

}  // namespace utad::ui
