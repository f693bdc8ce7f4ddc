#include "views/canvas_view.h"

#include <QContextMenuEvent>
#include <QCursor>
#include <QGraphicsScene>
#include <QKeyEvent>
#include <QPainter>
#include <QPalette>
#include <QScrollBar>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

#include "views/canvas/canvas_colors.h"
#include "views/canvas/graph_scene.h"
#include "views/canvas/minimap.h"
#include "views/canvas/node_item.h"
#include "views/canvas/quick_add_popup.h"

namespace sluice {

namespace {

// Big enough that panning never hits an edge in practice; a fixed rect also
// stops the view from re-centring every time an item is added.
constexpr qreal kSceneExtent = 20000.0;

// Below this many device pixels between dots the grid turns into noise, so it
// is not drawn at all.
constexpr qreal kMinDotSpacingPx = 8.0;

// One wheel notch (120 units) zooms by 20 %; zoomIn/zoomOut by 25 %.
constexpr qreal kWheelZoomBase = 1.2;
constexpr qreal kZoomStep = 1.25;
constexpr qreal kFitMargin = 40.0;  // scene units around the nodes on fit
constexpr int kMinimapMargin = 12;  // pixels from the viewport corner

}  // namespace

CanvasView::CanvasView(QWidget* parent)
    : QGraphicsView(parent), ownScene_(new QGraphicsScene(this)), minimap_(new Minimap(this)) {
    ownScene_->setSceneRect(-kSceneExtent / 2, -kSceneExtent / 2, kSceneExtent, kSceneExtent);
    setScene(ownScene_);
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing |
                   QPainter::SmoothPixmapTransform);
    // Items include their antialiasing margins in their bounding rects.
    setOptimizationFlag(QGraphicsView::DontAdjustForAntialiasing);
    // Left drag on empty canvas selects; panning is middle button or Space.
    setDragMode(QGraphicsView::RubberBandDrag);
    setRubberBandSelectionMode(Qt::IntersectsItemShape);
    // The canvas is navigated by dragging and zooming; scroll bars would only
    // advertise the arbitrary scene extent.
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setFrameShape(QFrame::NoFrame);
    setTransformationAnchor(QGraphicsView::NoAnchor);  // zoomAt anchors itself
    centerOn(0, 0);
    minimap_->hide();
}

QString CanvasView::emptyHint() {
    return tr("Drag nodes here from the library");
}

// --- Scene -------------------------------------------------------------

void CanvasView::setGraphScene(GraphScene* scene) {
    if (graphScene_) {
        disconnect(graphScene_, nullptr, this, nullptr);
    }
    graphScene_ = scene;
    setScene(scene ? static_cast<QGraphicsScene*>(scene) : ownScene_);
    if (scene) {
        scene->setPalette(palette());
        scene->setFont(font());
        connect(scene, &GraphScene::contentsChanged, this, [this] {
            updateMinimapVisibility();
            minimap_->update();
            viewport()->update();  // the empty hint may come or go
        });
        connect(scene, &GraphScene::quickAddRequested, this, &CanvasView::openQuickAdd);
        connect(scene, &GraphScene::aboutToBeDestroyed, this, [this] {
            disconnect(graphScene_, nullptr, this, nullptr);
            graphScene_ = nullptr;
            setScene(ownScene_);
            updateMinimapVisibility();
        });
        delete quickAdd_;
        quickAdd_ = new QuickAddPopup(scene->document(), this);
        // The new node is what the user works on next: selected, so the
        // inspector shows it, with the keyboard back on the canvas.
        connect(quickAdd_, &QuickAddPopup::nodePlaced, this, [this](const QString& id) {
            if (NodeItem* item = graphScene_ ? graphScene_->nodeItem(id.toStdString()) : nullptr) {
                graphScene_->clearSelection();
                item->setSelected(true);
            }
            setFocus();
        });
    }
    updateMinimapVisibility();
    viewport()->update();
}

bool CanvasView::sceneIsEmpty() const {
    // Asking a GraphScene is O(1); items() would build a list on every paint.
    return graphScene_ ? graphScene_->nodeCount() == 0 : scene()->items().isEmpty();
}

// --- Zoom --------------------------------------------------------------

qreal CanvasView::zoom() const {
    return transform().m11();
}

void CanvasView::zoomAt(qreal zoom, QPointF viewportPos) {
    zoom = std::clamp(zoom, kMinZoom, kMaxZoom);
    if (qFuzzyCompare(zoom, this->zoom())) {
        return;
    }
    const QPointF anchor = mapToScene(viewportPos.toPoint());
    setTransform(QTransform::fromScale(zoom, zoom));
    // Scroll so the anchor is back under the cursor.
    const QPointF drift = mapFromScene(anchor) - viewportPos;
    horizontalScrollBar()->setValue(horizontalScrollBar()->value() + qRound(drift.x()));
    verticalScrollBar()->setValue(verticalScrollBar()->value() + qRound(drift.y()));
    viewChanged();
    emit zoomChanged(zoom);
}

void CanvasView::setZoomCentred(qreal zoom) {
    zoomAt(zoom, QRectF(viewport()->rect()).center());
}

void CanvasView::zoomIn() {
    setZoomCentred(zoom() * kZoomStep);
}

void CanvasView::zoomOut() {
    setZoomCentred(zoom() / kZoomStep);
}

void CanvasView::resetZoom() {
    setZoomCentred(1.0);
}

void CanvasView::fitToView() {
    QRectF content = graphScene_ ? graphScene_->nodesBoundingRect() : scene()->itemsBoundingRect();
    if (content.isNull()) {
        resetZoom();
        centerOn(0, 0);
        return;
    }
    content.adjust(-kFitMargin, -kFitMargin, kFitMargin, kFitMargin);
    const QSizeF area = viewport()->size();
    const qreal fit = std::min(area.width() / content.width(), area.height() / content.height());
    const qreal zoom = std::clamp(fit, kMinZoom, 1.0);
    const bool changed = !qFuzzyCompare(zoom, this->zoom());
    setTransform(QTransform::fromScale(zoom, zoom));
    centerOn(content.center());
    viewChanged();
    if (changed) {
        emit zoomChanged(zoom);
    }
}

void CanvasView::showReadably() {
    fitToView();
    const QRectF content = graphScene_ ? graphScene_->nodesBoundingRect() : QRectF();
    if (content.isNull() || zoom() >= kReadableZoom) {
        return;
    }
    // Too big to fit readably: start where the data comes in, the top-left
    // of the pipeline, at a zoom whose port labels can be read; the minimap
    // shows the rest.
    setTransform(QTransform::fromScale(kReadableZoom, kReadableZoom));
    const QRectF shown = visibleSceneRect();
    centerOn(content.left() - kFitMargin + shown.width() / 2,
             content.top() - kFitMargin + shown.height() / 2);
    viewChanged();
    emit zoomChanged(kReadableZoom);
}

QRectF CanvasView::visibleSceneRect() const {
    return mapToScene(viewport()->rect()).boundingRect();
}

void CanvasView::viewChanged() {
    if (minimap_->isVisible()) {
        minimap_->update();
    }
}

// --- Minimap -----------------------------------------------------------

void CanvasView::setMinimapEnabled(bool enabled) {
    minimapEnabled_ = enabled;
    updateMinimapVisibility();
}

void CanvasView::updateMinimapVisibility() {
    // An overview of nothing is clutter: shown only when there are nodes.
    const bool show = minimapEnabled_ && graphScene_ && graphScene_->nodeCount() > 0;
    if (show != minimap_->isVisible()) {
        minimap_->setVisible(show);
        if (show) {
            placeMinimap();
            minimap_->raise();
        }
    }
}

void CanvasView::placeMinimap() {
    const QRect area = viewport()->geometry();
    minimap_->move(area.right() - minimap_->width() - kMinimapMargin + 1,
                   area.bottom() - minimap_->height() - kMinimapMargin + 1);
}

// --- Quick add ---------------------------------------------------------

void CanvasView::openQuickAdd(QPointF scenePos, const Endpoint& pendingFrom,
                              const Endpoint& pendingTo) {
    if (!graphScene_ || !quickAdd_) {
        return;
    }
    const QPointF position = graphScene_->snapToGrid() ? graphScene_->snapped(scenePos) : scenePos;
    const QPoint global = viewport()->mapToGlobal(mapFromScene(scenePos));
    quickAdd_->popup(global, position, pendingFrom, pendingTo);
}

bool CanvasView::openQuickAddAfterSelection() {
    const auto selected = graphScene_->selectedNodeIds();
    NodeItem* node = selected.size() == 1 ? graphScene_->nodeItem(selected.front()) : nullptr;
    if (!node) {
        return false;
    }
    const auto& ports = node->ports();
    const auto output =
        std::find_if(ports.begin(), ports.end(), [](const PortItem* p) { return !p->isInput(); });
    if (output == ports.end()) {
        return false;
    }
    // The next step goes to the right of the card, its first input level
    // with this output; the view follows so the popup opens beside it.
    const QPointF at = (*output)->sceneAnchor() + QPointF(kNextNodeGap, 0);
    ensureVisible(QRectF(at, QSizeF(NodeItem::kWidth, NodeItem::kHeaderHeight)), 40, 40);
    openQuickAdd(at, (*output)->endpoint());
    return true;
}

// --- Events ------------------------------------------------------------

bool CanvasView::event(QEvent* event) {
    // Tab would move the focus away; on the canvas it opens quick-add.
    if (event->type() == QEvent::KeyPress && graphScene_) {
        const auto* key = static_cast<QKeyEvent*>(event);
        if (key->key() == Qt::Key_Tab && key->modifiers() == Qt::NoModifier) {
            if (openQuickAddAfterSelection()) {
                return true;
            }
            QPoint at = viewport()->mapFromGlobal(QCursor::pos());
            if (!viewport()->rect().contains(at)) {
                at = viewport()->rect().center();
            }
            openQuickAdd(mapToScene(at));
            return true;
        }
    }
    return QGraphicsView::event(event);
}

void CanvasView::changeEvent(QEvent* event) {
    QGraphicsView::changeEvent(event);
    if (!graphScene_) {
        return;
    }
    // The scene has a palette and font of its own; keep them the view's.
    if (event->type() == QEvent::PaletteChange) {
        graphScene_->setPalette(palette());
        minimap_->update();
    } else if (event->type() == QEvent::FontChange) {
        graphScene_->setFont(font());
    }
}

void CanvasView::resizeEvent(QResizeEvent* event) {
    QGraphicsView::resizeEvent(event);
    placeMinimap();
    viewChanged();
}

void CanvasView::wheelEvent(QWheelEvent* event) {
    const int delta = event->angleDelta().y();
    if (delta == 0) {
        QGraphicsView::wheelEvent(event);
        return;
    }
    zoomAt(zoom() * std::pow(kWheelZoomBase, delta / 120.0), event->position());
    event->accept();
}

void CanvasView::contextMenuEvent(QContextMenuEvent* event) {
    // Keyboard menus open for the node under the cursor or else the one
    // selected node, like a file manager's.
    NodeItem* node = nullptr;
    for (QGraphicsItem* item = itemAt(event->pos()); item && !node; item = item->parentItem())
        node = qgraphicsitem_cast<NodeItem*>(item);
    if (!node && event->reason() == QContextMenuEvent::Keyboard && scene()) {
        const auto selected = scene()->selectedItems();
        if (selected.size() == 1)
            node = qgraphicsitem_cast<NodeItem*>(selected.front());
    }
    if (!node) {
        QGraphicsView::contextMenuEvent(event);
        return;
    }
    if (!node->isSelected()) {
        scene()->clearSelection();
        node->setSelected(true);
    }
    event->accept();
    emit nodeContextMenuRequested(node->qid(), event->globalPos());
}

void CanvasView::mousePressEvent(QMouseEvent* event) {
    if (event->button() == Qt::MiddleButton || (spaceHeld_ && event->button() == Qt::LeftButton)) {
        panning_ = true;
        panLast_ = event->position().toPoint();
        viewport()->setCursor(Qt::ClosedHandCursor);
        event->accept();
        return;
    }
    QGraphicsView::mousePressEvent(event);
}

void CanvasView::mouseMoveEvent(QMouseEvent* event) {
    if (panning_) {
        const QPoint pos = event->position().toPoint();
        const QPoint delta = pos - panLast_;
        panLast_ = pos;
        horizontalScrollBar()->setValue(horizontalScrollBar()->value() - delta.x());
        verticalScrollBar()->setValue(verticalScrollBar()->value() - delta.y());
        event->accept();
        return;
    }
    QGraphicsView::mouseMoveEvent(event);
}

void CanvasView::mouseReleaseEvent(QMouseEvent* event) {
    if (panning_ && (event->button() == Qt::MiddleButton || event->button() == Qt::LeftButton)) {
        endPan();
        event->accept();
        return;
    }
    QGraphicsView::mouseReleaseEvent(event);
}

void CanvasView::endPan() {
    panning_ = false;
    if (spaceHeld_) {
        viewport()->setCursor(Qt::OpenHandCursor);
    } else {
        viewport()->unsetCursor();
    }
}

void CanvasView::keyPressEvent(QKeyEvent* event) {
    if (event->key() == Qt::Key_Space && event->modifiers() == Qt::NoModifier) {
        if (!event->isAutoRepeat() && !spaceHeld_) {
            spaceHeld_ = true;
            if (!panning_) {
                viewport()->setCursor(Qt::OpenHandCursor);
            }
        }
        event->accept();
        return;
    }
    QGraphicsView::keyPressEvent(event);
}

void CanvasView::keyReleaseEvent(QKeyEvent* event) {
    if (event->key() == Qt::Key_Space) {
        if (!event->isAutoRepeat()) {
            spaceHeld_ = false;
            if (!panning_) {
                viewport()->unsetCursor();
            }
        }
        event->accept();
        return;
    }
    QGraphicsView::keyReleaseEvent(event);
}

void CanvasView::focusOutEvent(QFocusEvent* event) {
    // A Space released in another window would leave the hand on for good.
    spaceHeld_ = false;
    if (!panning_) {
        viewport()->unsetCursor();
    }
    QGraphicsView::focusOutEvent(event);
}

// --- Painting ----------------------------------------------------------

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
    const QColor dot = mixColors(base, pal.color(QPalette::Text), 0.22);
    // Each dot is a small square filled on whole device pixels, without
    // antialiasing: the raster engine fills those directly, where antialiased
    // round points cost ~20 ms per full 1400 x 900 frame. Dots keep their size
    // at every zoom: 2 device pixels, 3 at a pixel ratio of 2.
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing, false);
    const QTransform toDevice = painter->transform();
    painter->resetTransform();
    const qreal dpr = painter->device()->devicePixelRatioF();
    const qreal dotPx = std::max(2.0, std::round(1.5 * dpr));  // in device pixels
    const qreal side = dotPx / dpr;
    const qreal offset = std::floor(dotPx / 2) / dpr;
    const qreal left = std::floor(rect.left() / kGridSpacing) * kGridSpacing;
    const qreal top = std::floor(rect.top() / kGridSpacing) * kGridSpacing;
    for (qreal x = left; x <= rect.right(); x += kGridSpacing) {
        for (qreal y = top; y <= rect.bottom(); y += kGridSpacing) {
            const QPointF p = toDevice.map(QPointF(x, y));
            painter->fillRect(QRectF(std::round(p.x() * dpr) / dpr - offset,
                                     std::round(p.y() * dpr) / dpr - offset, side, side),
                              dot);
        }
    }
    painter->restore();
}

void CanvasView::drawForeground(QPainter* painter, const QRectF& rect) {
    QGraphicsView::drawForeground(painter, rect);
    if (!sceneIsEmpty()) {
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
    if (sceneIsEmpty()) {
        viewport()->update();
    }
    viewChanged();
}

}  // namespace sluice
