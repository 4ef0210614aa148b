#include "ui/colorlegend.h"

#include <QPainter>

namespace utad::ui {

ColorLegend::ColorLegend(QWidget* parent) : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
}

void ColorLegend::setScale(ColorMap map, double maxValue)
{
    m_map = map;
    m_max = maxValue > 0 ? maxValue : 0;
    update();
}

QSize ColorLegend::sizeHint() const
{
    return {fontMetrics().horizontalAdvance(QStringLiteral("0")) * 24, fontMetrics().height() + 2};
}

QSize ColorLegend::minimumSizeHint() const
{
    return {fontMetrics().horizontalAdvance(QStringLiteral("0")) * 12, fontMetrics().height() + 2};
}

void ColorLegend::paintEvent(QPaintEvent*)
{
    if (m_max <= 0)
        return;
    QPainter painter(this);
    painter.setPen(palette().color(QPalette::WindowText));
    paintColorLegend(painter, QRectF(rect()).adjusted(1, 1, -1, -1), m_map, m_max);
}

}  // namespace utad::ui
