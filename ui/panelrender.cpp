#include "ui/panelrender.h"

#include "ui/imageconvert.h"

#include <QCoreApplication>
#include <QFont>
#include <QPainter>
#include <algorithm>
#include <opencv2/imgproc.hpp>

namespace utad::ui {

QStringList colorMapNames()
{
    return {QStringLiteral("JET"), QStringLiteral("INFERNO"), QStringLiteral("MAGMA"), QStringLiteral("VIRIDIS"),
            QStringLiteral("GRAY")};
}

QString colorMapName(ColorMap map) { return colorMapNames().value(int(map)); }

ColorMap colorMapFromName(const QString& name)
{
    const int i = colorMapNames().indexOf(name.toUpper());
    return i < 0 ? ColorMap::Jet : ColorMap(i);
}

QStringList panelTitles(PanelMode mode)
{
    if (mode == PanelMode::Stages)
        return {QCoreApplication::translate("utad::ui", "Input"),
                QCoreApplication::translate("utad::ui", "Impression (IE-Net)"),
                QCoreApplication::translate("utad::ui", "Expert reconstruction"),
                QCoreApplication::translate("utad::ui", "Anomaly map")};
    return {QCoreApplication::translate("utad::ui", "Naive impression"),
            QCoreApplication::translate("utad::ui", "Residual: input vs impression"),
            QCoreApplication::translate("utad::ui", "Residual: input vs reconstruction"),
            QCoreApplication::translate("utad::ui", "Residual: impression vs naive")};
}

cv::Mat colorize(const cv::Mat& map, double maxValue, ColorMap colorMap)
{
    if (map.empty())
        return {};
    cv::Mat single = map;
    if (single.channels() > 1)
        cv::cvtColor(single, single, cv::COLOR_BGR2GRAY);
    if (maxValue <= 0)
        cv::minMaxLoc(single, nullptr, &maxValue);
    cv::Mat grey;
    single.convertTo(grey, CV_8U, maxValue > 0 ? 255.0 / maxValue : 0.0);  // saturates above maxValue
    cv::Mat out;
    switch (colorMap) {
    case ColorMap::Gray: cv::cvtColor(grey, out, cv::COLOR_GRAY2BGR); break;
    case ColorMap::Inferno: cv::applyColorMap(grey, out, cv::COLORMAP_INFERNO); break;
    case ColorMap::Magma: cv::applyColorMap(grey, out, cv::COLORMAP_MAGMA); break;
    case ColorMap::Viridis: cv::applyColorMap(grey, out, cv::COLORMAP_VIRIDIS); break;
    case ColorMap::Jet: cv::applyColorMap(grey, out, cv::COLORMAP_JET); break;
    }
    return out;
}

namespace {

cv::Mat toSourceSize(const cv::Mat& m, const cv::Size& size)
{
    if (m.empty() || m.size() == size)
        return m;
    cv::Mat out;
    cv::resize(m, out, size, 0, 0, cv::INTER_LINEAR);
    return out;
}

cv::Mat asBgr8(const cv::Mat& m)
{
    cv::Mat out = m;
    if (out.depth() != CV_8U)
        out.convertTo(out, CV_8U, 255.0);
    if (out.channels() == 1)
        cv::cvtColor(out, out, cv::COLOR_GRAY2BGR);
    return out;
}

double maxOf(std::initializer_list<const cv::Mat*> maps)
{
    double best = 0;
    for (const cv::Mat* m : maps)
        if (!m->empty()) {
            double v = 0;
            cv::minMaxLoc(m->reshape(1), nullptr, &v);
            best = std::max(best, v);
        }
    return best;
}

} // namespace

PanelSet renderPanels(const cv::Mat& source, const utad::Inference* inference, const PanelStyle& style)
{
    PanelSet set;
    const QStringList titles = panelTitles(style.mode);
    for (int i = 0; i < 4; ++i)
        set.titles[size_t(i)] = titles.value(i);
    if (source.empty())
        return set;
    const cv::Size size = source.size();
    auto show = [&](int i, const cv::Mat& m) { set.images[size_t(i)] = toQImage(toSourceSize(m, size)); };

    if (style.mode == PanelMode::Stages) {
        set.images[0] = toQImage(source);
        if (!inference)
            return set;
        show(1, inference->impression);
        show(2, inference->reconstruction);
        const cv::Mat map = toSourceSize(inference->anomalyMap.empty() ? inference->anomalyMapNet : inference->anomalyMap, size);
        cv::Mat heat = colorize(map, style.heatMax, style.colorMap);
        if (style.overlay && !heat.empty()) {
            cv::Mat blended;
            cv::addWeighted(asBgr8(source), 1.0 - style.opacity, heat, style.opacity, 0, blended);
            heat = blended;
        }
        show(3, heat);
        return set;
    }

    if (!inference)
        return set;
    show(0, inference->naiveImpression);
    // One scale for the three residuals, so their strengths can be compared.
    const double residualMax = maxOf({&inference->residualImpression, &inference->residualReconstruction,
                                      &inference->residualNaive});
    show(1, colorize(inference->residualImpression, residualMax, style.colorMap));
    show(2, colorize(inference->residualReconstruction, residualMax, style.colorMap));
    show(3, colorize(inference->residualNaive, residualMax, style.colorMap));
    return set;
}

cv::Mat predictedRegions(const cv::Mat& anomalyMap, double threshold, int minArea)
{
    if (anomalyMap.empty())
        return {};
    cv::Mat binary = anomalyMap >= threshold;
    if (minArea <= 1)
        return binary;
    cv::Mat labels, stats, centroids;
    const int count = cv::connectedComponentsWithStats(binary, labels, stats, centroids, 8, CV_32S);
    cv::Mat keep = cv::Mat::zeros(binary.size(), CV_8U);
    for (int i = 1; i < count; ++i)
        if (stats.at<int>(i, cv::CC_STAT_AREA) >= minArea)
            keep.setTo(255, labels == i);
    return keep;
}

QPainterPath regionOutline(const cv::Mat& mask)
{
    QPainterPath path;
    if (mask.empty())
        return path;
    cv::Mat binary = mask != 0;
    std::vector<std::vector<cv::Point>> contours;
    cv::findContours(binary, contours, cv::RETR_LIST, cv::CHAIN_APPROX_SIMPLE);
    for (const auto& contour : contours) {
        if (contour.empty())
            continue;
        QPolygonF polygon;
        for (const cv::Point& p : contour)
            polygon << QPointF(p.x + 0.5, p.y + 0.5);
        polygon << polygon.first();
        path.addPolygon(polygon);
    }
    return path;
}

QImage montage(const std::array<QImage, 4>& images, const std::array<QString, 4>& titles, int columns)
{
    columns = std::clamp(columns, 1, 4);
    const int rows = (4 + columns - 1) / columns;
    int w = 1, h = 1;
    for (const QImage& image : images) {
        w = std::max(w, image.width());
        h = std::max(h, image.height());
    }
    const int margin = 8;
    QFont font;
    font.setPixelSize(std::clamp(w / 20, 12, 28));
    const int titleHeight = font.pixelSize() + 2 * margin;
    QImage out(columns * (w + margin) + margin, rows * (h + titleHeight) + margin, QImage::Format_RGB32);
    out.fill(Qt::white);
    QPainter painter(&out);
    painter.setFont(font);
    painter.setPen(Qt::black);
    for (int i = 0; i < 4; ++i) {
        const int x = margin + (i % columns) * (w + margin);
        const int y = (i / columns) * (h + titleHeight);
        painter.drawText(QRect(x, y, w, titleHeight), Qt::AlignCenter, titles[size_t(i)]);
        if (!images[size_t(i)].isNull())
            painter.drawImage(QPoint(x, y + titleHeight), images[size_t(i)]);
    }
    return out;
}

} // namespace utad::ui
