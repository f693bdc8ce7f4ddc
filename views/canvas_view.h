#pragma once

#include <QGraphicsView>

namespace sluice {

/// The pipeline canvas: a view over its own QGraphicsScene that will hold node
/// and edge items. For now it draws the empty canvas: a dot grid that follows
/// the widget palette (light or dark) and, while the scene has no items, a
/// centred hint telling the user where nodes go.
class CanvasView : public QGraphicsView {
    Q_OBJECT

public:
    explicit CanvasView(QWidget* parent = nullptr);

    /// The hint drawn in the middle of the view while the scene is empty.
    static QString emptyHint();

    /// Distance between grid dots, in scene units.
    static constexpr qreal kGridSpacing = 20.0;

protected:
    void drawBackground(QPainter* painter, const QRectF& rect) override;
    void drawForeground(QPainter* painter, const QRectF& rect) override;
    void scrollContentsBy(int dx, int dy) override;
};

}  // namespace sluice
