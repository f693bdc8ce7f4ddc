// The page OutputPreview shows for a Table output: a virtual table view over
// it (TableModel, so a million rows open at once and sort by header click),
// a status line, copy and Save as CSV, and a "Scatter" view of the same
// table (TableScatter, built the first time it is shown).
#pragma once

#include <QWidget>

#include "data/table.h"

class QLabel;
class QStackedWidget;
class QTableView;
class QToolButton;

namespace sluice {

class TableModel;
class TableScatter;

class TablePage : public QWidget {
    Q_OBJECT

public:
    explicit TablePage(TablePtr table, QWidget* parent = nullptr);

    QTableView* view() const { return view_; }
    TableModel* model() const { return model_; }
    /// The scatter view, built on first use.
    TableScatter* scatter();
    /// Shows the table (false) or the scatter (true).
    void showScatter(bool on);
    /// "178 rows × 4 columns · sorted by pc1, descending".
    QLabel* statusLine() const { return status_; }

    /// Copies the selection as TSV with a header row (table_export.h).
    void copySelection();
    /// Asks for a file name and writes the table, in view order, as CSV.
    void saveAsCsvWithDialog();

protected:
    void contextMenuEvent(QContextMenuEvent* event) override;

private:
    void updateStatus();

    TablePtr table_;
    TableModel* model_;
    QTableView* view_;
    QStackedWidget* stack_;
    TableScatter* scatter_ = nullptr;
    QToolButton* tableButton_;
    QToolButton* scatterButton_;
    QLabel* status_;
};

/// Widths from the header and the first rows, kept between readable bounds
/// (90 to 280 pixels).
void fitTableColumns(QTableView* view);

/// A TablePage for OutputPreview.
QWidget* makeTablePage(const TablePtr& table, QWidget* parent);

}  // namespace sluice
