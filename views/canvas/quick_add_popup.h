// QuickAddPopup: the small search list that adds a node where the user is
// looking (Tab or double-click on the canvas, or a connection dropped on empty
// canvas). Typing filters registry().search(query); Enter (or a click) adds
// the highlighted type through GraphDocument::addNode and closes.
//
// With a pending endpoint (the origin of a dropped connection) the list holds
// only node types with a port that fits it, and the new node is connected to
// it through its first port the document accepts (GraphDocument::
// connectPorts): adding and connecting are two document requests.
#pragma once

#include <QFrame>
#include <QPointF>
#include <QStringList>

#include <optional>

#include "graph/graph.h"
#include "nodes/port_type.h"

class QLineEdit;
class QListWidget;

namespace sluice {

class GraphDocument;
class NodeType;

class QuickAddPopup : public QFrame {
    Q_OBJECT

public:
    explicit QuickAddPopup(GraphDocument* document, QWidget* parent = nullptr);

    // Shows the popup with its top-left at `globalPos`, for a node placed at
    // `scenePos`. At most one of pendingFrom (an output) and pendingTo (an
    // input) names a port the new node should connect to.
    void popup(QPoint globalPos, QPointF scenePos, const Endpoint& pendingFrom = {},
               const Endpoint& pendingTo = {});

    // What typing in the search field does.
    void setQuery(const QString& query);
    QString query() const;
    // Type ids listed now, best match first.
    QStringList listedTypeIds() const;
    // Adds the highlighted type (what Enter does) and closes; returns the new
    // node id, or empty when the list is empty.
    QString acceptCurrent();

    // Where a node that connects to the pending endpoint goes for a drop at
    // `scenePos`: an input's new node sits to the left of the drop, and the
    // first port row lines up with it.
    static QPointF placementFor(QPointF scenePos, bool pendingIsInput, bool hasPending);

signals:
    void nodePlaced(const QString& id);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void refill();
    bool fitsPending(const NodeType& type) const;
    void connectPending(const std::string& newNode);

    GraphDocument* document_;
    QLineEdit* search_;
    QListWidget* list_;
    QPointF scenePos_;
    Endpoint pendingFrom_;
    Endpoint pendingTo_;
    std::optional<PortType> pendingType_;
};

}  // namespace sluice
