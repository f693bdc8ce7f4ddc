#include "views/canvas/category_glyph.h"

#include <QFile>
#include <QIconEngine>
#include <QPainter>
#include <QPainterPath>
#include <QPixmap>
#include <QSvgRenderer>

#include <map>
#include <memory>
#include <utility>

namespace sluice {

namespace {

// The glyphs are SVGs in resources/icons/categories, drawn in black on a
// 16 x 16 grid. Each is recoloured by rewriting its one colour in the text
// (so it stays vector, crisp at any zoom and pixel ratio) and the renderer
// is kept per category and colour: cards repaint often, palettes rarely.
// The cache owns them and frees them at exit (LeakSanitizer checks).
QSvgRenderer* glyphRenderer(NodeCategory category, const QColor& color) {
    static std::map<std::pair<int, QRgb>, std::unique_ptr<QSvgRenderer>> cache;
    const auto key = std::make_pair(static_cast<int>(category), color.rgb());
    if (const auto hit = cache.find(key); hit != cache.end())
        return hit->second.get();
    static const char* const names[] = {"data",     "transform", "train",
                                        "evaluate", "visualize", "output"};
    QFile file(QStringLiteral(":/icons/categories/%1.svg")
                   .arg(QLatin1String(names[static_cast<int>(category)])));
    QByteArray svg = file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    svg.replace("#000", color.name(QColor::HexRgb).toLatin1());
    return cache.emplace(key, std::make_unique<QSvgRenderer>(svg)).first->second.get();
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
