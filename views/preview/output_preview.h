#pragma once

#include <QWidget>

#include "nodes/port_value.h"

class QTabWidget;

namespace sluice {

// A window showing what a node produced, one tab per output port, each page
// built by the page for its kind: tables (table_page.h: sortable virtual
// table and a scatter plot), results (views/results/results_page.h: charts
// and tables by result kind), models (model_page.h: summary and
// importances), fitted transforms with a page of their own
// (transform_page.h: PCA), anything else as its one-line description.
// Esc and Ctrl+W (the platform's Close) close the window.
class OutputPreview : public QWidget {
    Q_OBJECT

public:
    explicit OutputPreview(QWidget* parent = nullptr);

    // Replaces what is shown. `title` names the node ("Scale (n3)").
    void setOutputs(const QString& title, const PortValues& outputs);

    QTabWidget* tabs() const { return tabs_; }

private:
    QTabWidget* tabs_;
};

}  // namespace sluice
