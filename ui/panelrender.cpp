#include "ui/panelrender.h"

#include "ui/format.h"
#include "ui/imageconvert.h"

#include <QCoreApplication>
#include <QFont>
#include <QFontMetricsF>
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

QString segmenterPanelTitle()
{
    return QCoreApplication::translate("utad::ui", "Defect probability (segmenter, 0 to 1)");
}

const cv::Mat& firstResidualPanel(const utad::Inference& inference)
{
    return inference.segmentation.empty() ? inference.naiveImpression : inference.segmentation;
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

}  // namespace

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
        const cv::Mat map
            = toSourceSize(inference->anomalyMap.empty() ? inference->anomalyMapNet : inference->anomalyMap, size);
        set.colorScaleMax = style.heatMax > 0 ? style.heatMax : maxOf({&map});
        cv::Mat heat = colorize(map, set.colorScaleMax, style.colorMap);
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
    const cv::Mat& first = firstResidualPanel(*inference);
    if (&first == &inference->segmentation) {
        // What the defect segmenter makes of the three residuals: its own scale, a probability.
        set.titles[0] = segmenterPanelTitle();
        show(0, colorize(first, 1.0, style.colorMap));
    } else {
        show(0, first);
    }
    // One scale for the three residuals, so their strengths can be compared.
    const double residualMax
        = maxOf({&inference->residualImpression, &inference->residualReconstruction, &inference->residualNaive});
    set.colorScaleMax = residualMax;
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

namespace {

QString legendNumber(double v) { return localNumber(v, 'g', 3); }

}  // namespace

void paintColorLegend(QPainter& painter, const QRectF& rect, ColorMap map, double maxValue)
{
    if (maxValue <= 0 || rect.width() <= 0 || rect.height() <= 0)
        return;
    const bool vertical = rect.height() > rect.width();
    // The ramp goes through colorize(), so the bar shows exactly the colours of the panels.
    cv::Mat ramp(vertical ? 256 : 1, vertical ? 1 : 256, CV_32F);
    for (int i = 0; i < 256; ++i)
        ramp.at<float>(vertical ? 255 - i : 0, vertical ? 0 : i) = float(i) / 255.0f;
    const QImage bar = toQImage(colorize(ramp, 1.0, map));
    const QFontMetricsF metrics(painter.font());
    const QStringList labels{
        QStringLiteral("0"), legendNumber(maxValue / 2), QStringLiteral("\u2265 %1").arg(legendNumber(maxValue))};
    painter.save();
    painter.setRenderHint(QPainter::SmoothPixmapTransform, false);
    const QPen textPen = painter.pen();
    if (vertical) {
        double labelWidth = 0;
        for (const QString& l : labels)
            labelWidth = std::max(labelWidth, metrics.horizontalAdvance(l));
        const double half = metrics.height() / 2;
        const double barWidth
            = std::max(2.0, std::min(rect.width() - labelWidth - metrics.averageCharWidth(), rect.width() * 0.5));
        const QRectF barRect(rect.left(), rect.top() + half, barWidth, std::max(1.0, rect.height() - 2 * half));
        painter.drawImage(barRect, bar);
        painter.setPen(QPen(textPen.color(), 0));
        painter.drawRect(barRect);
        const double x = barRect.right() + metrics.averageCharWidth();
        for (int i = 0; i < 3; ++i) {
            const double y = barRect.bottom() - i * barRect.height() / 2;
            painter.drawLine(
                QPointF(barRect.right(), y), QPointF(barRect.right() + metrics.averageCharWidth() * 0.6, y));
            painter.drawText(
                QRectF(x, y - half, rect.right() - x, 2 * half), Qt::AlignLeft | Qt::AlignVCenter, labels[i]);
        }
    } else if (rect.height() < 2 * metrics.height()) {
        // One line: "0 [bar] >= max", with a tick at the middle.
        const double pad = metrics.averageCharWidth() / 2;
        const double leftW = metrics.horizontalAdvance(labels[0]) + pad;
        const double rightW = metrics.horizontalAdvance(labels[2]) + pad;
        const QRectF barRect(rect.left() + leftW, rect.top() + rect.height() * 0.2,
            std::max(1.0, rect.width() - leftW - rightW), rect.height() * 0.6);
        painter.drawImage(barRect, bar);
        painter.setPen(QPen(textPen.color(), 0));
        painter.drawRect(barRect);
        const double mid = barRect.center().x();
        painter.drawLine(QPointF(mid, barRect.bottom()), QPointF(mid, barRect.bottom() - barRect.height() / 3));
        painter.drawText(
            QRectF(rect.left(), rect.top(), leftW, rect.height()), Qt::AlignLeft | Qt::AlignVCenter, labels[0]);
        painter.drawText(
            QRectF(barRect.right(), rect.top(), rightW, rect.height()), Qt::AlignRight | Qt::AlignVCenter, labels[2]);
    } else {
        const double textHeight = metrics.height();
        const double barHeight = std::max(2.0, rect.height() - textHeight - 2);
        const double inset = std::min(rect.width() / 4, metrics.horizontalAdvance(labels[2]) / 2);
        const QRectF barRect(rect.left() + inset, rect.top(), std::max(1.0, rect.width() - 2 * inset), barHeight);
        painter.drawImage(barRect, bar);
        painter.setPen(QPen(textPen.color(), 0));
        painter.drawRect(barRect);
        for (int i = 0; i < 3; ++i) {
            const double x = barRect.left() + i * barRect.width() / 2;
            const double w = metrics.horizontalAdvance(labels[i]) + 2;
            const double left = std::clamp(x - w / 2, rect.left(), rect.right() - w);
            painter.drawLine(QPointF(x, barRect.bottom()), QPointF(x, barRect.bottom() + 1));
            painter.drawText(QRectF(left, barRect.bottom() + 1, w, textHeight), Qt::AlignCenter, labels[i]);
        }
    }
    painter.restore();
}

QImage montage(
    const std::array<QImage, 4>& images, const std::array<QString, 4>& titles, int columns, const MontageLabels& labels)
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
    QFont captionFont = font;
    captionFont.setBold(true);
    const int captionHeight = labels.caption.isEmpty() ? 0 : titleHeight;
    const int legendHeight = labels.legendMax > 0 ? 2 * font.pixelSize() + 3 * margin : 0;
    const int width = columns * (w + margin) + margin;
    QImage out(width, captionHeight + rows * (h + titleHeight) + legendHeight + margin, QImage::Format_RGB32);
    out.fill(Qt::white);
    QPainter painter(&out);
    painter.setPen(Qt::black);
    if (captionHeight > 0) {
        painter.setFont(captionFont);
        painter.drawText(
            QRect(margin, 0, width - 2 * margin, captionHeight), Qt::AlignLeft | Qt::AlignVCenter, labels.caption);
    }
    painter.setFont(font);
    for (int i = 0; i < 4; ++i) {
        const int x = margin + (i % columns) * (w + margin);
        const int y = captionHeight + (i / columns) * (h + titleHeight);
        painter.drawText(QRect(x, y, w, titleHeight), Qt::AlignCenter, titles[size_t(i)]);
        if (!images[size_t(i)].isNull())
            painter.drawImage(QPoint(x, y + titleHeight), images[size_t(i)]);
    }
    if (legendHeight > 0) {
        const int y = captionHeight + rows * (h + titleHeight) + margin;
        const QFontMetrics metrics(font);
        const int titleWidth
            = labels.legendTitle.isEmpty() ? 0 : metrics.horizontalAdvance(labels.legendTitle) + 2 * margin;
        painter.drawText(QRect(margin, y, titleWidth, font.pixelSize() + margin), Qt::AlignLeft | Qt::AlignVCenter,
            labels.legendTitle);
        const int barWidth = std::min(width - 2 * margin - titleWidth, std::max(200, width / 2));
        paintColorLegend(painter, QRectF(margin + titleWidth, y, barWidth, legendHeight - margin), labels.colorMap,
            labels.legendMax);
    }
    return out;
}

}  // namespace utad::ui
