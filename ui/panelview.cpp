#include "ui/panelview.h"

#include <QGraphicsPathItem>
#include <QGraphicsPixmapItem>
#include <QMouseEvent>
#include <QPainter>
#include <QWheelEvent>

namespace utad::ui {

PanelView::PanelView(QWidget* parent) : QGraphicsView(parent)
{
    setScene(new QGraphicsScene(this));
    setDragMode(QGraphicsView::ScrollHandDrag);
    setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    setResizeAnchor(QGraphicsView::AnchorViewCenter);
    setBackgroundBrush(QColor(48, 48, 48));
    setMouseTracking(true);
    setFrameShape(QFrame::NoFrame);

    m_pixmap = scene()->addPixmap(QPixmap());
    m_pixmap->setTransformationMode(Qt::FastTransformation);  // show real pixels when zoomed in
    m_userMask = scene()->addPixmap(QPixmap());
    m_userMask->setZValue(1);
    // Cosmetic pens keep outlines two screen pixels wide at every zoom.
    QPen truthPen(QColor(40, 220, 60), 2);
    truthPen.setCosmetic(true);
    m_truth = scene()->addPath(QPainterPath(), truthPen);
    m_truth->setZValue(2);
    QPen predictedPen(QColor(255, 40, 200), 2, Qt::DashLine);
    predictedPen.setCosmetic(true);
    m_predicted = scene()->addPath(QPainterPath(), predictedPen);
    m_predicted->setZValue(3);
}

void PanelView::setImage(const QImage& image, const QSize& sourceSize)
{
    m_imageData = image;
    if (image.isNull()) {
        QPixmap placeholder(sourceSize.isValid() && !sourceSize.isEmpty() ? sourceSize : QSize(1, 1));
        placeholder.fill(QColor(90, 90, 90));
        m_pixmap->setPixmap(placeholder);
    } else {
        m_pixmap->setPixmap(QPixmap::fromImage(image));
    }
    scene()->setSceneRect(QRectF(QPointF(0, 0), QSizeF(m_pixmap->pixmap().size())));
}

void PanelView::setTruthOutline(const QPainterPath& path) { m_truth->setPath(path); }
void PanelView::setPredictedOutline(const QPainterPath& path) { m_predicted->setPath(path); }
QPainterPath PanelView::predictedOutline() const { return m_predicted->path(); }

void PanelView::setOutlinesVisible(bool truth, bool predicted)
{
    m_truth->setVisible(truth);
    m_predicted->setVisible(predicted);
}

bool PanelView::truthOutlineVisible() const { return m_truth->isVisible(); }
bool PanelView::predictedOutlineVisible() const { return m_predicted->isVisible(); }

void PanelView::setUserMask(const QImage& mask)
{
    m_userMask->setPixmap(mask.isNull() ? QPixmap() : QPixmap::fromImage(mask));
}

QImage PanelView::render() const
{
    const QRectF rect = scene()->sceneRect();
    QImage out(rect.size().toSize(), QImage::Format_RGB32);
    out.fill(Qt::black);
    QPainter painter(&out);
    scene()->render(&painter, QRectF(QPointF(0, 0), rect.size()), rect);
    return out;
}

void PanelView::wheelEvent(QWheelEvent* event)
{
    const int delta = event->angleDelta().y();
    if (delta == 0)
        return;
    emit wheelZoom(delta > 0 ? 1.25 : 0.8, event->position().toPoint());
    event->accept();
}

void PanelView::mouseMoveEvent(QMouseEvent* event)
{
    emit hovered(mapToScene(event->position().toPoint()));
    QGraphicsView::mouseMoveEvent(event);
}

void PanelView::leaveEvent(QEvent* event)
{
    emit left();
    QGraphicsView::leaveEvent(event);
}

}  // namespace utad::ui
