// MainWindow: clipboard, selection, the node context menu and adding nodes
// from the library.
#include <QApplication>
#include <QClipboard>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QMenu>
#include <QMimeData>
#include <QPainterPath>
#include <QStatusBar>

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
    pasteCount_ = 0;
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
    // Each paste of the same clipboard lands a step further, not on top.
    ++pasteCount_;
    const PasteResult result = document_->pasteNodes(text, QPointF(30, 30) * pasteCount_);
    if (!result.ok()) {
        statusBar()->showMessage(tr("Nothing to paste: %1").arg(result.error), 6000);
        return;
    }
    selectNodes(result.nodes);
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
