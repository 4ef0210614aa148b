#pragma once
// One inspector panel: an image at its source size plus optional outlines and a user mask, in a
// QGraphicsView. Zoom and scroll are driven by the InspectorWidget so that all panels move together.
#include <QGraphicsView>
#include <QImage>
#include <QPainterPath>

class QGraphicsPathItem;
class QGraphicsPixmapItem;

namespace utad::ui {

class PanelView : public QGraphicsView {
    Q_OBJECT
public:
    explicit PanelView(QWidget* parent = nullptr);

    // `image` may be null (not computed yet): a neutral placeholder of `sourceSize` is shown.
    void setImage(const QImage& image, const QSize& sourceSize);
    QImage image() const { return m_imageData; }
    void setTruthOutline(const QPainterPath& path);
    void setPredictedOutline(const QPainterPath& path);
    void setOutlinesVisible(bool truth, bool predicted);
    void setUserMask(const QImage& mask);  // ARGB, drawn above the image
    bool truthOutlineVisible() const;
    bool predictedOutlineVisible() const;
    QPainterPath predictedOutline() const;

    // The panel as shown (image, outlines, mask) at the source size.
    QImage render() const;

signals:
    void wheelZoom(double factor, const QPoint& viewPos);
    void hovered(const QPointF& scenePos);
    void left();

protected:
    void wheelEvent(QWheelEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void leaveEvent(QEvent* event) override;

private:
    QImage m_imageData;
    QGraphicsPixmapItem* m_pixmap;
    QGraphicsPixmapItem* m_userMask;
    QGraphicsPathItem* m_truth;
    QGraphicsPathItem* m_predicted;
};

}  // namespace utad::ui
