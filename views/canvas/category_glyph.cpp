#include "views/canvas/category_glyph.h"

#include <QIconEngine>
#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

namespace sluice {

namespace {

// Glyphs are designed on a 16 x 16 grid, then scaled to the target rect.
constexpr qreal kDesignSize = 16.0;

void drawData(QPainter* p) {
    // A database cylinder.
    p->drawEllipse(QRectF(3, 2, 10, 4));
    QPainterPath body;
    body.moveTo(3, 4);
    body.lineTo(3, 12);
    body.arcTo(QRectF(3, 10, 10, 4), 180, 180);
    body.lineTo(13, 4);
    p->drawPath(body);
    QPainterPath middle;
    middle.moveTo(3, 8);
    middle.arcTo(QRectF(3, 6, 10, 4), 180, 180);
    p->drawPath(middle);
}

void drawTransform(QPainter* p) {
    // A funnel: rows go in wide and come out refined.
    const QPointF funnel[] = {{2.5, 3}, {13.5, 3}, {9.5, 8.5}, {9.5, 13}, {6.5, 14.5}, {6.5, 8.5}};
    p->drawPolygon(funnel, 6);
}

void drawTrain(QPainter* p) {
    // A tiny network: two inputs feeding one unit feeding the output.
    p->drawLine(QPointF(4, 4.5), QPointF(12, 8));
    p->drawLine(QPointF(4, 11.5), QPointF(12, 8));
    p->drawLine(QPointF(4, 4.5), QPointF(4, 11.5));
    p->save();
    p->setBrush(p->pen().color());
    p->drawEllipse(QPointF(4, 4.5), 2, 2);
    p->drawEllipse(QPointF(4, 11.5), 2, 2);
    p->drawEllipse(QPointF(12, 8), 2.3, 2.3);
    p->restore();
}

void drawEvaluate(QPainter* p) {
    // A gauge: half dial with a needle.
    QPainterPath dial;
    dial.arcMoveTo(QRectF(2, 4, 12, 12), 180);
    dial.arcTo(QRectF(2, 4, 12, 12), 180, -180);
    p->drawPath(dial);
    p->drawLine(QPointF(8, 10), QPointF(11.5, 6.5));
    p->save();
    p->setBrush(p->pen().color());
    p->drawEllipse(QPointF(8, 10), 1.4, 1.4);
    p->restore();
}

void drawVisualize(QPainter* p) {
    // A bar chart.
    p->drawLine(QPointF(2.5, 13.5), QPointF(13.5, 13.5));
    p->drawRect(QRectF(3.5, 8, 2.5, 5.5));
    p->drawRect(QRectF(7, 4, 2.5, 9.5));
    p->drawRect(QRectF(10.5, 6.5, 2.5, 7));
}

void drawOutput(QPainter* p) {
    // A tray with an arrow going into it: saved.
    QPainterPath tray;
    tray.moveTo(2.5, 9.5);
    tray.lineTo(2.5, 13.5);
    tray.lineTo(13.5, 13.5);
    tray.lineTo(13.5, 9.5);
    p->drawPath(tray);
    p->drawLine(QPointF(8, 2.5), QPointF(8, 10));
    QPainterPath head;
    head.moveTo(5, 7.2);
    head.lineTo(8, 10.2);
    head.lineTo(11, 7.2);
    p->drawPath(head);
}

class GlyphIconEngine : public QIconEngine {
public:
    GlyphIconEngine(NodeCategory category, const QColor& color)
        : category_(category), color_(color) {}

    void paint(QPainter* painter, const QRect& rect, QIcon::Mode mode, QIcon::State) override {
        QColor color = color_;
        if (mode == QIcon::Disabled) {
            color.setAlphaF(0.4f);
        }
        drawCategoryGlyph(painter, category_, rect, color);
    }

    QPixmap pixmap(const QSize& size, QIcon::Mode mode, QIcon::State state) override {
        return scaledPixmap(size, mode, state, 1.0);
    }

    QPixmap scaledPixmap(const QSize& size, QIcon::Mode mode, QIcon::State state,
                         qreal scale) override {
        // Rendered at the device size asked for, so it is never scaled up.
        QPixmap pm(size * scale);
        pm.setDevicePixelRatio(scale);
        pm.fill(Qt::transparent);
        QPainter painter(&pm);
        paint(&painter, QRect(QPoint(), size), mode, state);
        return pm;
    }

    QIconEngine* clone() const override { return new GlyphIconEngine(category_, color_); }

private:
    NodeCategory category_;
    QColor color_;
};

}  // namespace

void drawCategoryGlyph(QPainter* painter, NodeCategory category, const QRectF& rect,
                       const QColor& color) {
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const qreal side = std::min(rect.width(), rect.height());
    painter->translate(rect.center().x() - side / 2, rect.center().y() - side / 2);
    painter->scale(side / kDesignSize, side / kDesignSize);
    QPen pen(color, 1.5);
    pen.setJoinStyle(Qt::RoundJoin);
    pen.setCapStyle(Qt::RoundCap);
    painter->setPen(pen);
    painter->setBrush(Qt::NoBrush);
    switch (category) {
        case NodeCategory::Data:
            drawData(painter);
            break;
        case NodeCategory::Transform:
            drawTransform(painter);
            break;
        case NodeCategory::Train:
            drawTrain(painter);
            break;
        case NodeCategory::Evaluate:
            drawEvaluate(painter);
            break;
        case NodeCategory::Visualize:
            drawVisualize(painter);
            break;
        case NodeCategory::Output:
            drawOutput(painter);
            break;
    }
    painter->restore();
}

QIcon categoryGlyphIcon(NodeCategory category, const QColor& color) {
    return QIcon(new GlyphIconEngine(category, color));
}

}  // namespace sluice
