// NodeItem: one pipeline node on the canvas, a rounded card with a category
// stripe and glyph, the title, input ports on the left, output ports on the
// right, and the run status badge (NodeBadge) of its last or current run.
// A training node also shows a sparkline of its latest metric.
//
// Contract:
// - The item mirrors a GraphNode; GraphScene creates it, and only GraphScene
//   changes it (title, model position, badge). It never edits the graph: a
//   user drag moves the item live and GraphScene commits the new position
//   through the document on release.
// - Its height is fixed by its type's ports: rows of kRowHeight under a
//   header of kHeaderHeight, so with the card on the grid every port sits on
//   a grid line too. Its width grows with its title and port labels, in
//   grid steps, from kWidth to kMaxWidth.
// - It paints into a device-coordinate cache: the card is redrawn only when
//   its content, selection, style or the zoom changes, never while panning.
#pragma once

#include <QGraphicsItem>
#include <QPainterPath>
#include <QStringList>
#include <QVector>

#include <string>
#include <string_view>
#include <vector>

#include "graph/graph.h"
#include "nodes/node_type.h"
#include "views/canvas/port_item.h"
#include "views/node_badge.h"

namespace sluice {

struct CanvasStyle;
class EdgeItem;

class NodeItem : public QGraphicsItem {
public:
    enum { Type = UserType + 1 };

    // A card is kWidth wide, wider (in kWidthStep steps, up to kMaxWidth)
    // when its title or port labels need it.
    static constexpr qreal kWidth = 180.0;
    static constexpr qreal kMaxWidth = 320.0;
    static constexpr qreal kWidthStep = 20.0;  // the grid: ports stay on it
    static constexpr qreal kHeaderHeight = 30.0;
    static constexpr qreal kRowHeight = 20.0;
    static constexpr qreal kCornerRadius = 7.0;

    // `type` is null for a node type this build does not know: the card then
    // shows the type id and has no ports. `style` must outlive the item.
    NodeItem(const GraphNode& node, const NodeType* type, const CanvasStyle* style);

    int type() const override { return Type; }
    const std::string& id() const { return id_; }
    QString qid() const { return QString::fromStdString(id_); }
    NodeCategory category() const { return category_; }
    bool hasKnownType() const { return known_; }
    const CanvasStyle& style() const { return *style_; }

    const QString& title() const { return title_; }
    void setTitle(const QString& title);

    // The node's position as the document holds it; unlike a user drag it is
    // never snapped to the grid.
    void setPositionFromModel(QPointF position);

    const NodeBadge& badge() const { return badge_; }
    void setBadge(const NodeBadge& badge);
    // What the badge pill says ("stale", "42 %", "0.4 s", "cached"...);
    // empty when idle.
    const QString& badgeText() const { return badgeText_; }

    // A small curve of the node's latest training metric, drawn in the
    // widest free space between its port labels; empty hides it. Long
    // series are downsampled to kSparklinePoints; `label` (e.g.
    // "train_loss") names it in the tooltip.
    void setSparkline(const QVector<double>& values, const QString& label = QString());
    // The downsampled values drawn.
    const QVector<double>& sparkline() const { return sparkline_; }
    static constexpr int kSparklinePoints = 64;
    // Where the sparkline is drawn, in item coordinates.
    QRectF sparklineRect() const { return sparklineRect_; }

    PortItem* port(std::string_view name, PortDirection direction) const;
    const std::vector<PortItem*>& ports() const { return ports_; }

    // Edges touching this node, kept so a move updates only them.
    void attachEdge(EdgeItem* edge);
    void detachEdge(EdgeItem* edge);
    const std::vector<EdgeItem*>& edges() const { return edges_; }
    // Labels of the required inputs no edge reaches (marked red on the card
    // and listed in its tooltip).
    QStringList missingInputs() const;

    // The style changed (palette or font): lay text out again and repaint.
    void refreshStyle();

    QRectF cardRect() const { return QRectF(0, 0, width_, height_); }
    qreal width() const { return width_; }
    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

    // "0.4 s", "12 s", "2 min 5 s": run durations as the badge shows them.
    static QString formatDuration(double seconds);

protected:
    QVariant itemChange(GraphicsItemChange change, const QVariant& value) override;

private:
    void inputsChanged();
    void layoutText();
    void setWidth(qreal width);
    void updateBadgeText();
    void updateToolTip();
    void paintCard(QPainter* painter, bool detailed) const;
    void paintBadge(QPainter* painter) const;
    void paintSparkline(QPainter* painter) const;
    void placeSparkline();

    const CanvasStyle* style_;
    std::string id_;
    QString typeName_;
    NodeCategory category_ = NodeCategory::Transform;
    bool known_ = false;
    qreal height_ = 0;
    qreal width_ = kWidth;
    QPainterPath headerPath_;
    QPainterPath stripePath_;

    QString title_;
    QString elidedTitle_;
    std::vector<PortItem*> ports_;
    std::vector<QString> elidedLabels_;  // one per port, same order
    std::vector<EdgeItem*> edges_;

    NodeBadge badge_;
    QString badgeText_;
    qreal badgeWidth_ = 0;
    bool settingFromModel_ = false;

    QVector<double> sparkline_;
    QString sparklineLabel_;
    QRectF sparklineRect_;
};

}  // namespace sluice
