#pragma once
// Outlining a missed defect on the input image: a brush (right button or Erase to remove) and a
// polygon tool (click the corners, double-click or Enter to fill, Esc to drop). The mask has the
// source image's size.
#include <QDialog>
#include <QImage>
#include <QPolygonF>

class QCheckBox;
class QRadioButton;
class QSpinBox;

namespace utad::ui {

class MaskCanvas : public QWidget {
    Q_OBJECT
public:
    enum class Tool { Brush, Polygon };
    MaskCanvas(const QImage& image, const QImage& mask, QWidget* parent = nullptr);

    QImage mask() const;  // Grayscale8, 255 = defect
    bool isEmpty() const;
    void setTool(Tool tool);
    void setBrushRadius(int radius) { m_radius = radius; }
    void setErasing(bool on) { m_erasing = on; }
    void clearMask();
    // Image-coordinate editing, used by the mouse handlers and the tests.
    void paintStroke(const QPointF& from, const QPointF& to, bool erase);
    void addPolygonPoint(const QPointF& imagePoint);
    void closePolygon();
    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;

private:
    QRectF imageRect() const;
    QPointF toImage(const QPointF& widgetPoint) const;

    QImage m_image;
    QImage m_mask;  // RGB32 while editing: black = background, white = defect
    Tool m_tool = Tool::Brush;
    int m_radius = 6;
    bool m_erasing = false;
    bool m_stroking = false;
    bool m_strokeErases = false;
    QPointF m_last;
    QPolygonF m_polygon;
};

class MaskEditorDialog : public QDialog {
    Q_OBJECT
public:
    MaskEditorDialog(const QImage& image, const QImage& mask, const QString& title, QWidget* parent = nullptr);
    MaskCanvas* canvas() const { return m_canvas; }
    QImage mask() const { return m_canvas->mask(); }

private:
    MaskCanvas* m_canvas;
};

}  // namespace utad::ui
