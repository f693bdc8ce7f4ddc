#include "views/canvas/minimap.h"

#include <QMouseEvent>
#include <QPainter>

#include <algorithm>

#include "views/canvas/graph_scene.h"
#include "views/canvas/node_item.h"
#include "views/canvas_view.h"
#include "views/node_category_style.h"

namespace sluice {

namespace {

constexpr qreal kInnerMargin = 6.0;  // pixels between the frame and the content

}  // namespace

Minimap::Minimap(CanvasView* view) : QWidget(view), view_(view) {
    setFixedSize(kWidth, kHeight);
    setCursor(Qt::PointingHandCursor);
    setToolTip(tr("Overview: click to move the view"));
}

QTransform Minimap::sceneToMinimap() const {
    const GraphScene* scene = view_->graphScene();
    if (!scene) {
        return {};
    }
    const QRectF visible = view_->visibleSceneRect();
    QRectF world = scene->nodesBoundingRect() | visible;
    if (world.isEmpty()) {
        return {};
    }
    const QRectF target =
        QRectF(rect()).adjusted(kInnerMargin, kInnerMargin, -kInnerMargin, -kInnerMargin);
    const qreal s = std::min(target.width() / world.width(), target.height() / world.height());
    // Centre the world in the widget.
    const QPointF offset = target.center() - world.center() * s;
    return QTransform(s, 0, 0, s, offset.x(), offset.y());
}

void Minimap::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const GraphScene* scene = view_->graphScene();
    const QPalette& pal = view_->palette();
    const CanvasColors colors = CanvasColors::fromPalette(pal);

    QColor background = pal.color(QPalette::Window);
    background.setAlphaF(0.85f);  // the canvas shows through a little
    painter.setPen(QPen(colors.cardBorder, 1.0));
    painter.setBrush(background);
    painter.drawRoundedRect(QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5), 6, 6);
    if (!scene) {
        return;
    }

    const QTransform t = sceneToMinimap();
    painter.setPen(Qt::NoPen);
    for (const NodeItem* node : scene->nodeItems()) {
        QColor color = categoryColor(node->category());
        color.setAlphaF(node->isSelected() ? 1.0f : 0.7f);
        painter.setBrush(color);
        // At least a couple of pixels, so a node never vanishes when zoomed out.
        QRectF r = t.mapRect(node->mapRectToScene(node->cardRect()));
        r.setSize(r.size().expandedTo(QSizeF(2, 2)));
        painter.drawRect(r);
    }

    QColor frame = colors.selection;
    painter.setPen(QPen(frame, 1.5));
    frame.setAlphaF(0.12f);
    painter.setBrush(frame);
    painter.drawRect(t.mapRect(view_->visibleSceneRect()));
}

void Minimap::mousePressEvent(QMouseEvent* event) {
    if (event->button() == Qt::LeftButton) {
        dragTransform_ = sceneToMinimap();
        centerViewAt(event->position());
    }
}

void Minimap::mouseMoveEvent(QMouseEvent* event) {
    if (event->buttons() & Qt::LeftButton) {
        centerViewAt(event->position());
    }
}

void Minimap::mouseReleaseEvent(QMouseEvent* event) {
    event->accept();  // the press was ours; the canvas underneath must not see it
}

void Minimap::centerViewAt(QPointF widgetPos) {
    bool invertible = false;
    const QTransform inverse = dragTransform_.inverted(&invertible);
    if (invertible) {
        view_->centerOn(inverse.map(widgetPos));
    }
}

}  // namespace sluice
