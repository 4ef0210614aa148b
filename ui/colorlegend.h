#pragma once
// The colour bar of the inspector's coloured panels, with its values (see paintColorLegend).
#include "ui/panelrender.h"

#include <QWidget>

namespace utad::ui {

class ColorLegend : public QWidget {
    Q_OBJECT
public:
    explicit ColorLegend(QWidget* parent = nullptr);

    // maxValue <= 0 leaves the widget empty.
    void setScale(ColorMap map, double maxValue);
    double maxValue() const { return m_max; }
    ColorMap colorMap() const { return m_map; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    ColorMap m_map = ColorMap::Jet;
    double m_max = 0;
};

}  // namespace utad::ui
