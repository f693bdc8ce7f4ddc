#include "views/canvas_view.h"

#include <QGraphicsScene>
#include <QPainter>
#include <QPalette>
#include <QVarLengthArray>

#include <cmath>

namespace sluice {

namespace {

// Big enough that panning never hits an edge in practice; a fixed rect also
// stops the view from re-centring every time an item is added.
constexpr qreal kSceneExtent = 20000.0;

// Below this many device pixels between dots the grid turns into noise, so it
// is not drawn at all (matters once zooming out arrives).
constexpr qreal kMinDotSpacingPx = 8.0;

QColor mix(const QColor& a, const QColor& b, qreal t) {
    return QColor::fromRgbF(static_cast<float>(a.redF() + (b.redF() - a.redF()) * t),
                            static_cast<float>(a.greenF() + (b.greenF() - a.greenF()) * t),
                            static_cast<float>(a.blueF() + (b.blueF() - a.blueF()) * t));
}

}  // namespace

CanvasView::CanvasView(QWidget* parent) : QGraphicsView(parent) {
    auto* scene = new QGraphicsScene(this);
    scene->setSceneRect(-kSceneExtent / 2, -kSceneExtent / 2, kSceneExtent, kSceneExtent);
    setScene(scene);
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing |
                   QPainter::SmoothPixmapTransform);
    // The canvas pans by dragging; scroll bars would only advertise the
    // arbitrary scene extent.
    setDragMode(QGraphicsView::ScrollHandDrag);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setFrameShape(QFrame::NoFrame);
    centerOn(0, 0);
}

QString CanvasView::emptyHint() {
    return tr("Drag nodes here from the library");
}

void CanvasView::drawBackground(QPainter* painter, const QRectF& rect) {
    // Colours come from the palette at paint time, so a light/dark switch
    // (a PaletteChange repaints the widget) needs no extra handling.
    const QPalette& pal = palette();
    const QColor base = pal.color(QPalette::Base);
    painter->fillRect(rect, base);

    const qreal scale = transform().m11();
    if (kGridSpacing * scale < kMinDotSpacingPx) {
        return;
    }

    // Subtle in both themes: a small step from the background toward the text colour.
    QPen pen(mix(base, pal.color(QPalette::Text), 0.22));
    pen.setWidthF(2.0);
    pen.setCosmetic(true);  // dots keep their size when zooming
    pen.setCapStyle(Qt::RoundCap);
    painter->setPen(pen);

    const qreal left = std::floor(rect.left() / kGridSpacing) * kGridSpacing;
    const qreal top = std::floor(rect.top() / kGridSpacing) * kGridSpacing;
    QVarLengthArray<QPointF, 1024> dots;
    for (qreal x = left; x <= rect.right(); x += kGridSpacing) {
        for (qreal y = top; y <= rect.bottom(); y += kGridSpacing) {
            dots.append(QPointF(x, y));
        }
    }
    painter->drawPoints(dots.constData(), static_cast<int>(dots.size()));
}

void CanvasView::drawForeground(QPainter* painter, const QRectF& rect) {
    QGraphicsView::drawForeground(painter, rect);
    if (!scene()->items().isEmpty()) {
        return;
    }
    // The hint belongs to the viewport, not the scene: draw it in widget
    // coordinates so it stays centred whatever the pan or zoom.
    painter->save();
    painter->resetTransform();
    QFont font = painter->font();
    if (font.pointSizeF() > 0) {  // -1 when the font is sized in pixels
        font.setPointSizeF(font.pointSizeF() * 1.25);
        painter->setFont(font);
    }
    painter->setPen(palette().color(QPalette::PlaceholderText));
    painter->drawText(viewport()->rect(), Qt::AlignCenter, emptyHint());
    painter->restore();
}

void CanvasView::scrollContentsBy(int dx, int dy) {
    QGraphicsView::scrollContentsBy(dx, dy);
    // The base class scrolls the pixels already drawn, which would drag the
    // viewport-fixed hint along with the grid; repaint so it stays centred.
    if (scene()->items().isEmpty()) {
        viewport()->update();
    }
}

}  // namespace sluice
