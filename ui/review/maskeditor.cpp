#include "ui/review/maskeditor.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QMouseEvent>
#include <QPainter>
#include <QPushButton>
#include <QRadioButton>
#include <QScreen>
#include <QSpinBox>
#include <QVBoxLayout>

namespace utad::ui {

MaskCanvas::MaskCanvas(const QImage& image, const QImage& mask, QWidget* parent)
    : QWidget(parent), m_image(image.convertToFormat(QImage::Format_RGB32))
{
    m_mask = QImage(m_image.size(), QImage::Format_RGB32);
    m_mask.fill(Qt::black);
    if (!mask.isNull()) {
        // A mask of another size (e.g. drawn on a resized copy) is scaled onto this image.
        QPainter p(&m_mask);
        p.drawImage(QRect(QPoint(0, 0), m_mask.size()), mask.convertToFormat(QImage::Format_RGB32));
    }
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);
    setCursor(Qt::CrossCursor);
}

QSize MaskCanvas::sizeHint() const
{
    // Small parts are shown enlarged; large ones fit a typical screen.
    const QSize s = m_image.size();
    const double scale = std::clamp(600.0 / std::max(1, std::max(s.width(), s.height())), 0.25, 8.0);
    return (QSizeF(s) * scale).toSize();
}

QImage MaskCanvas::mask() const
{
    QImage grey = m_mask.convertToFormat(QImage::Format_Grayscale8);
    // Anti-aliased edges become part of the defect: the mask stays binary.
    for (int y = 0; y < grey.height(); ++y) {
        uchar* row = grey.scanLine(y);
        for (int x = 0; x < grey.width(); ++x)
            row[x] = row[x] >= 128 ? 255 : 0;
    }
    return grey;
}

bool MaskCanvas::isEmpty() const
{
    const QImage m = mask();
    for (int y = 0; y < m.height(); ++y) {
        const uchar* row = m.constScanLine(y);
        for (int x = 0; x < m.width(); ++x)
            if (row[x])
                return false;
    }
    return true;
}

void MaskCanvas::setTool(Tool tool)
{
    m_tool = tool;
    m_polygon.clear();
    update();
}

void MaskCanvas::clearMask()
{
    m_mask.fill(Qt::black);
    m_polygon.clear();
    update();
}

void MaskCanvas::paintStroke(const QPointF& from, const QPointF& to, bool erase)
{
    QPainter p(&m_mask);
    const QColor colour = erase ? Qt::black : Qt::white;
    if (from == to) {  // a click: a zero-length line would paint nothing
        p.setPen(Qt::NoPen);
        p.setBrush(colour);
        p.drawEllipse(from, m_radius, m_radius);
    } else {
        p.setPen(QPen(colour, 2 * m_radius, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        p.drawLine(from, to);
    }
    update();
}

void MaskCanvas::addPolygonPoint(const QPointF& imagePoint)
{
    m_polygon << imagePoint;
    update();
}

void MaskCanvas::closePolygon()
{
    if (m_polygon.size() >= 3) {
        QPainter p(&m_mask);
        p.setPen(Qt::NoPen);
        p.setBrush(m_erasing ? Qt::black : Qt::white);
        p.drawPolygon(m_polygon);
    }
    m_polygon.clear();
    update();
}

QRectF MaskCanvas::imageRect() const
{
    const QSizeF s = QSizeF(m_image.size()).scaled(QSizeF(size()), Qt::KeepAspectRatio);
    return QRectF(QPointF((width() - s.width()) / 2, (height() - s.height()) / 2), s);
}

QPointF MaskCanvas::toImage(const QPointF& widgetPoint) const
{
    const QRectF r = imageRect();
    if (r.isEmpty())
        return {};
    return {(widgetPoint.x() - r.left()) * m_image.width() / r.width(),
        (widgetPoint.y() - r.top()) * m_image.height() / r.height()};
}

void MaskCanvas::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.fillRect(rect(), QColor(48, 48, 48));
    const QRectF r = imageRect();
    p.drawImage(r, m_image);
    // The mask in translucent red over the image.
    QImage overlay(m_mask.size(), QImage::Format_ARGB32);
    overlay.fill(Qt::transparent);
    for (int y = 0; y < m_mask.height(); ++y) {
        const QRgb* src = reinterpret_cast<const QRgb*>(m_mask.constScanLine(y));
        QRgb* dst = reinterpret_cast<QRgb*>(overlay.scanLine(y));
        for (int x = 0; x < m_mask.width(); ++x)
            if (qRed(src[x]) >= 128)
                dst[x] = qRgba(255, 0, 0, 110);
    }
    p.drawImage(r, overlay);
    if (!m_polygon.isEmpty()) {
        const double sx = r.width() / m_image.width(), sy = r.height() / m_image.height();
        QPolygonF shown;
        for (const QPointF& q : m_polygon)
            shown << QPointF(r.left() + q.x() * sx, r.top() + q.y() * sy);
        p.setPen(QPen(Qt::yellow, 1.5, Qt::DashLine));
        p.drawPolyline(shown);
        p.setBrush(Qt::yellow);
        for (const QPointF& q : shown)
            p.drawEllipse(q, 3, 3);
    }
}

void MaskCanvas::mousePressEvent(QMouseEvent* event)
{
    const QPointF at = toImage(event->position());
    if (m_tool == Tool::Polygon) {
        if (event->button() == Qt::LeftButton)
            addPolygonPoint(at);
        return;
    }
    m_stroking = true;
    m_strokeErases = m_erasing || event->button() == Qt::RightButton;
    m_last = at;
    paintStroke(at, at, m_strokeErases);
}

void MaskCanvas::mouseMoveEvent(QMouseEvent* event)
{
    if (!m_stroking)
        return;
    const QPointF at = toImage(event->position());
    paintStroke(m_last, at, m_strokeErases);
    m_last = at;
}

void MaskCanvas::mouseReleaseEvent(QMouseEvent*) { m_stroking = false; }

void MaskCanvas::mouseDoubleClickEvent(QMouseEvent*)
{
    if (m_tool == Tool::Polygon)
        closePolygon();
}

void MaskCanvas::keyPressEvent(QKeyEvent* event)
{
    if (m_tool == Tool::Polygon && (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter)) {
        closePolygon();
        return;
    }
    if (m_tool == Tool::Polygon && event->key() == Qt::Key_Escape && !m_polygon.isEmpty()) {
        m_polygon.clear();
        update();
        return;
    }
    QWidget::keyPressEvent(event);
}

MaskEditorDialog::MaskEditorDialog(const QImage& image, const QImage& mask, const QString& title, QWidget* parent)
    : QDialog(parent), m_canvas(new MaskCanvas(image, mask, this))
{
    setWindowTitle(tr("Draw the defect — %1").arg(title));
    auto* brush = new QRadioButton(tr("&Brush"), this);
    auto* polygon = new QRadioButton(tr("&Polygon"), this);
    brush->setChecked(true);
    auto* erase = new QCheckBox(tr("&Erase"), this);
    auto* radius = new QSpinBox(this);
    radius->setRange(1, 200);
    radius->setValue(std::max(2, std::max(image.width(), image.height()) / 60));
    radius->setPrefix(tr("radius "));
    radius->setSuffix(tr(" px"));
    m_canvas->setBrushRadius(radius->value());
    auto* clear = new QPushButton(tr("Clear"), this);
    connect(brush, &QRadioButton::toggled, this,
        [this](bool on) { m_canvas->setTool(on ? MaskCanvas::Tool::Brush : MaskCanvas::Tool::Polygon); });
    connect(erase, &QCheckBox::toggled, m_canvas, &MaskCanvas::setErasing);
    connect(radius, &QSpinBox::valueChanged, m_canvas, &MaskCanvas::setBrushRadius);
    connect(clear, &QPushButton::clicked, m_canvas, &MaskCanvas::clearMask);

    auto* tools = new QHBoxLayout;
    for (QWidget* w : std::initializer_list<QWidget*>{brush, polygon, erase, radius, clear})
        tools->addWidget(w);
    tools->addStretch(1);
    auto* hint = new QLabel(tr("Brush: paint with the left button, erase with the right. Polygon: click the corners, "
                               "double-click or Enter to fill."),
        this);
    hint->setWordWrap(true);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(tools);
    layout->addWidget(m_canvas, 1);
    layout->addWidget(hint);
    layout->addWidget(buttons);
}

}  // namespace utad::ui
