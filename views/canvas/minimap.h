// Minimap: an overview of the whole graph in a corner of the canvas, each
// node a small block in its category colour, with the part the view shows
// outlined. Clicking or dragging in it moves the view there.
//
// It is a child widget of the CanvasView laid over the viewport (not part of
// the scene), so it stays put while the canvas pans and zooms; the view calls
// update() on it whenever its visible area changes.
#pragma once

#include <QTransform>
#include <QWidget>

namespace sluice {

class CanvasView;

class Minimap : public QWidget {
    Q_OBJECT

public:
    explicit Minimap(CanvasView* view);

    static constexpr int kWidth = 180;
    static constexpr int kHeight = 112;

    // Scene to widget coordinates for what is shown now (nodes and the
    // visible area, with a margin); identity when there is nothing to show.
    QTransform sceneToMinimap() const;

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;

private:
    void centerViewAt(QPointF widgetPos);

    CanvasView* view_;
    // Frozen while dragging: the overview is framed around the visible area,
    // so re-framing as the view moves would make the drag run away.
    QTransform dragTransform_;
};

}  // namespace sluice
