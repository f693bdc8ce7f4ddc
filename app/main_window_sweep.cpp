// Run > Sweep Parameters...: the sweep dialog, opened on the selected node.
#include "app/document.h"
#include "app/main_window.h"
#include "app/sweep_dialog.h"
#include "views/canvas/graph_scene.h"

namespace sluice {

void MainWindow::openSweepDialog() {
    const auto selected = scene_->selectedNodeIds();
    const std::string node = selected.size() == 1 ? selected.front() : std::string();
    if (sweep_) {
        sweep_->offerNode(node);  // opened again on another node: add its parameter
    } else {
        sweep_ = new SweepDialog(document_, baseDirectory(), node, this);
        // A new document makes the dialog's parameter list stale.
        connect(document_, &GraphDocument::graphReset, sweep_, &QWidget::close);
        sweep_->setAttribute(Qt::WA_DeleteOnClose);
    }
    sweep_->setBaseDirectory(baseDirectory());
    sweep_->show();
    sweep_->raise();
    sweep_->activateWindow();
}

}  // namespace sluice
