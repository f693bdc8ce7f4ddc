// MainWindow: clipboard, selection, the node context menu and adding nodes
// from the library.
#include <QApplication>
#include <QClipboard>
#include <QCursor>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QMenu>
#include <QMimeData>
#include <QPainterPath>
#include <QStatusBar>

#include <algorithm>

#include "app/document.h"
#include "app/main_window.h"
#include "app/window_actions.h"
#include "views/canvas/graph_scene.h"
#include "views/canvas/node_item.h"
#include "views/canvas_view.h"
#include "views/charts/training_charts_panel.h"
#include "views/node_library.h"

namespace sluice {

QMenu* MainWindow::createNodeMenu(const QString& id) {
    auto* menu = new QMenu(this);
    QAction* show = menu->addAction(tr("Show output"), this, [this, id] { showOutputs(id); });
    show->setObjectName(QStringLiteral("showOutputAction"));
    // Bold like a default action: it is also what a double-click does.
    QFont bold = show->font();
    bold.setBold(true);
    show->setFont(bold);
    menu->addAction(actions_->runToSelected);
    QAction* sweep = menu->addAction(tr("Sweep parameters..."), this, &MainWindow::openSweepDialog);
    sweep->setObjectName(QStringLiteral("sweepNodeAction"));
    if (charts_->chart(id)) {
        QAction* clear = menu->addAction(tr("Clear training chart"), this,
                                         [this, id] { charts_->clearNode(id); });
        clear->setObjectName(QStringLiteral("clearChartAction"));
    }
    menu->addSeparator();
    menu->addAction(actions_->cut);
    menu->addAction(actions_->copy);
    menu->addAction(actions_->duplicate);
    menu->addSeparator();
    menu->addAction(actions_->deleteSelection);
    return menu;
}

void MainWindow::copySelection() {
    const auto nodes = scene_->selectedNodeIds();
    if (nodes.empty())
        return;
    QApplication::clipboard()->setText(document_->copyNodes(nodes));
    lastPasteAnchor_.reset();  // the next paste starts afresh
    statusBar()->showMessage(tr("Copied %n node(s)", nullptr, static_cast<int>(nodes.size())),
                             3000);
}

void MainWindow::cutSelection() {
    if (scene_->selectedNodeIds().empty())
        return;
    copySelection();
    scene_->deleteSelection();
}

void MainWindow::pasteClipboard() {
    const QString text = QApplication::clipboard()->text();
    const std::optional<QRectF> copied = document_->clipboardBounds(text);
    if (!copied) {
        const PasteResult refused = document_->pasteNodes(text, {});  // for its reason
        statusBar()->showMessage(tr("Nothing to paste: %1").arg(refused.error), 6000);
        return;
    }
    // With the pointer on the canvas the copies land there, their top-left
    // at the pointer; from a menu or with the pointer elsewhere, just below
    // the copied nodes. Pasting again at the same place cascades, never
    // covers. underMouse() tells a pointer resting on the canvas from one
    // that was over the Edit menu (which may hang over the canvas).
    QWidget* viewport = canvas_->viewport();
    const QPoint cursor = viewport->mapFromGlobal(QCursor::pos());
    const bool atCursor = viewport->underMouse() && viewport->rect().contains(cursor);
    QPointF offset;
    if (atCursor) {
        const QPointF anchor = scene_->snapped(canvas_->mapToScene(cursor));
        pasteCount_ = (lastPasteAnchor_ && *lastPasteAnchor_ == anchor) ? pasteCount_ + 1 : 0;
        lastPasteAnchor_ = anchor;
        offset = anchor - copied->topLeft() + Document::kDuplicateOffset * pasteCount_;
    } else {
        lastPasteAnchor_.reset();
        offset = freePlaceBelow(*copied);
    }
    const PasteResult result = document_->pasteNodes(text, offset);
    if (!result.ok()) {
        statusBar()->showMessage(tr("Nothing to paste: %1").arg(result.error), 6000);
        return;
    }
    selectNodes(result.nodes);
    if (NodeItem* first = scene_->nodeItem(result.nodes.front()))
        canvas_->ensureVisible(first, 40, 40);
}

QPointF MainWindow::freePlaceBelow(const QRectF& copied) const {
    // The copies' cards span their positions plus one card; step down by
    // that height until no card is in the way.
    qreal tallest = NodeItem::kHeaderHeight;
    for (const NodeItem* item : scene_->nodeItems())
        tallest = std::max(tallest, item->cardRect().height());
    const QRectF footprint(copied.topLeft(), copied.size() + QSizeF(NodeItem::kMaxWidth, tallest));
    const qreal step = footprint.height() + kPasteGap;
    for (int k = 1;; ++k) {
        const QPointF offset(0, step * k);
        const QRectF place = footprint.translated(offset);
        const auto items = scene_->nodeItems();
        if (k == kMaxPasteSteps || std::none_of(items.begin(), items.end(), [&](NodeItem* n) {
                return n->sceneBoundingRect().intersects(place);
            }))
            return offset;
    }
}

void MainWindow::duplicateSelection() {
    const auto nodes = scene_->selectedNodeIds();
    if (!nodes.empty())
        selectNodes(document_->duplicate(nodes));
}

void MainWindow::selectAll() {
    // One selection area, so the scene announces one selection change, not
    // one per item of a large graph.
    QPainterPath everything;
    everything.addRect(scene_->itemsBoundingRect().adjusted(-1, -1, 1, 1));
    scene_->setSelectionArea(everything, Qt::ReplaceSelection, Qt::IntersectsItemShape);
}

void MainWindow::selectNodes(const std::vector<std::string>& ids) {
    scene_->clearSelection();
    for (const std::string& id : ids)
        if (NodeItem* item = scene_->nodeItem(id))
            item->setSelected(true);
}

void MainWindow::addNodeAt(const QString& typeId, QPointF scenePos) {
    const std::string id = document_->addNode(typeId.toStdString(), scene_->snapped(scenePos));
    if (id.empty())
        return;
    selectNodes({id});
    canvas_->setFocus();
}

bool MainWindow::eventFilter(QObject* watched, QEvent* event) {
    if (watched == canvas_->viewport()) {
        switch (event->type()) {
            case QEvent::DragEnter:
            case QEvent::DragMove: {
                auto* drag = static_cast<QDragMoveEvent*>(event);
                if (!NodeLibrary::typeIdFrom(drag->mimeData()).isEmpty()) {
                    drag->acceptProposedAction();
                    return true;
                }
                break;
            }
            case QEvent::Drop: {
                auto* drop = static_cast<QDropEvent*>(event);
                const QString type = NodeLibrary::typeIdFrom(drop->mimeData());
                if (!type.isEmpty()) {
                    drop->acceptProposedAction();
                    addNodeAt(type, canvas_->mapToScene(drop->position().toPoint()));
                    return true;
                }
                break;
            }
            default:
                break;
        }
    }
    return QMainWindow::eventFilter(watched, event);
}

}  // namespace sluice
