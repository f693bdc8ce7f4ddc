#include "views/canvas/category_glyph.h"

#include <QFile>
#include <QHash>
#include <QIconEngine>
#include <QPainter>
#include <QPainterPath>
#include <QPixmap>
#include <QSvgRenderer>

namespace sluice {

namespace {

// The glyphs are SVGs in resources/icons/categories, drawn in black on a
// 16 x 16 grid. Each is recoloured by rewriting its one colour in the text
// (so it stays vector, crisp at any zoom and pixel ratio) and the renderer
// is kept per category and colour: cards repaint often, palettes rarely.
QSvgRenderer* glyphRenderer(NodeCategory category, const QColor& color) {
    static QHash<QPair<int, QRgb>, QSvgRenderer*> cache;
    const auto key = qMakePair(static_cast<int>(category), color.rgb());
    if (QSvgRenderer* hit = cache.value(key))
        return hit;
    static const char* const names[] = {"data",     "transform", "train",
                                        "evaluate", "visualize", "output"};
    QFile file(QStringLiteral(":/icons/categories/%1.svg")
                   .arg(QLatin1String(names[static_cast<int>(category)])));
    QByteArray svg = file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    svg.replace("#000", color.name(QColor::HexRgb).toLatin1());
    auto* renderer = new QSvgRenderer(svg);  // lives as long as the program
    cache.insert(key, renderer);
    return renderer;
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
    QSvgRenderer* svg = glyphRenderer(category, color);
    if (!svg->isValid())
        return;
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setOpacity(painter->opacity() * color.alphaF());
    const qreal side = std::min(rect.width(), rect.height());
    svg->render(painter,
                QRectF(rect.center().x() - side / 2, rect.center().y() - side / 2, side, side));
    painter->restore();
}

QIcon categoryGlyphIcon(NodeCategory category, const QColor& color) {
    return QIcon(new GlyphIconEngine(category, color));
}

}  // namespace sluice
