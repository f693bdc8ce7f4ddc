#pragma once

#include <QWidget>

#include "nodes/port_value.h"

class QTabWidget;

namespace sluice {

/// A window showing what a node produced, one tab per output port: tables in
/// a virtual table view (TableModel), results as a metric table plus their
/// matrix (e.g. the confusion matrix), anything else as its one-line
/// description. The charts issue adds plots to the Results tab.
class OutputPreview : public QWidget {
    Q_OBJECT

public:
    explicit OutputPreview(QWidget* parent = nullptr);

    /// Replaces what is shown. `title` names the node ("Scale (n3)").
    void setOutputs(const QString& title, const PortValues& outputs);

    QTabWidget* tabs() const { return tabs_; }

private:
    QTabWidget* tabs_;
};

}  // namespace sluice
