#pragma once

#include <QGraphicsView>

#include "graph/graph.h"

namespace sluice {

class GraphScene;
class Minimap;
class QuickAddPopup;

// The pipeline canvas: a view over a GraphScene (views/canvas/graph_scene.h)
// on a dot grid that follows the widget palette (light or dark). Without a
// graph scene, or while the graph is empty, a centred hint tells the user
// where nodes go.
//
// Navigation: the wheel zooms around the cursor (kMinZoom..kMaxZoom), the
// middle button or Space + drag pans, a left drag on empty canvas selects
// with a rubber band. Tab opens quick-add at the cursor or, with one node
// selected, beside it, offering the types that take its first output and
// connecting the new node to it. A node placed by quick-add is selected. A minimap in the
// bottom-right corner shows the whole graph and the visible part.
class CanvasView : public QGraphicsView {
    Q_OBJECT

public:
    explicit CanvasView(QWidget* parent = nullptr);

    // The hint drawn in the middle of the view while the scene is empty.
    static QString emptyHint();

    // Distance between grid dots, in scene units.
    static constexpr qreal kGridSpacing = 20.0;
    static constexpr qreal kMinZoom = 0.2;
    static constexpr qreal kMaxZoom = 3.0;
    // The least zoom at which port labels are readable (about 8 px).
    static constexpr qreal kReadableZoom = 0.8;
    // How far right of a selected node Tab places the next one.
    static constexpr qreal kNextNodeGap = 80.0;

    // Shows `scene` (not owned; it must outlive its use here). The view keeps
    // the scene's palette and font in step with its own, opens quick-add when
    // the scene asks for it, and repaints the minimap when the graph changes.
    // Null goes back to the view's own empty scene.
    void setGraphScene(GraphScene* scene);
    GraphScene* graphScene() const { return graphScene_; }

    // The current scale (1 = one scene unit per pixel).
    qreal zoom() const;
    // Sets the zoom, clamped to [kMinZoom, kMaxZoom], keeping the scene
    // point under `viewportPos` where it is.
    void zoomAt(qreal zoom, QPointF viewportPos);
    // The part of the scene the viewport shows.
    QRectF visibleSceneRect() const;

    Minimap* minimap() const { return minimap_; }
    bool isMinimapEnabled() const { return minimapEnabled_; }
    // The quick-add popup, created with the first graph scene.
    QuickAddPopup* quickAddPopup() const { return quickAdd_; }

public slots:
    void zoomIn();
    void zoomOut();
    void resetZoom();
    // Shows every node with a margin, at most at 100 %.
    void fitToView();
    // What a newly opened pipeline gets: fitToView(), unless that would make
    // the text too small to read (below kReadableZoom); then that zoom, with
    // the pipeline's top-left corner in view.
    void showReadably();
    void setMinimapEnabled(bool enabled);
    // Opens quick-add for a node at `scenePos` (snapped when the scene snaps),
    // connected to the pending output or input if one is given.
    void openQuickAdd(QPointF scenePos, const sluice::Endpoint& pendingFrom = {},
                      const sluice::Endpoint& pendingTo = {});

signals:
    void zoomChanged(qreal zoom);
    // A right-click (or the menu key) on node `id`, which is now selected
    // (alone unless it already was part of the selection); `globalPos` is
    // where a context menu should open.
    void nodeContextMenuRequested(const QString& id, QPoint globalPos);

protected:
    bool event(QEvent* event) override;
    void changeEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void keyReleaseEvent(QKeyEvent* event) override;
    void contextMenuEvent(QContextMenuEvent* event) override;
    void focusOutEvent(QFocusEvent* event) override;
    void drawBackground(QPainter* painter, const QRectF& rect) override;
    void drawForeground(QPainter* painter, const QRectF& rect) override;
    void scrollContentsBy(int dx, int dy) override;

private:
    // Tab with one node selected; false when there is no such node or it
    // has no output.
    bool openQuickAddAfterSelection();
    bool sceneIsEmpty() const;
    void setZoomCentred(qreal zoom);
    void viewChanged();
    void updateMinimapVisibility();
    void placeMinimap();
    void endPan();

    QGraphicsScene* ownScene_;
    GraphScene* graphScene_ = nullptr;
    Minimap* minimap_;
    bool minimapEnabled_ = true;
    QuickAddPopup* quickAdd_ = nullptr;
    bool spaceHeld_ = false;
    bool panning_ = false;
    QPoint panLast_;
};

}  // namespace sluice
