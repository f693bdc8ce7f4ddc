#pragma once

#include <QAbstractTableModel>
#include <optional>
#include <vector>

#include "data/column_summary.h"
#include "data/table.h"

namespace sluice {

// A read-only Qt model over a Table without copying it: cells are formatted
// on demand, so a million-row table opens at once and scrolls smoothly
// (the view asks only for the visible rows).
//
// Headers: the column name, its kind (and role when not a feature) and a
// short summary line ("mean 2.25 · 1 missing", "3 levels"); the tooltip
// has the full summary. Summaries are computed once per column, on demand.
//
// Sorting reorders a permutation of row indices held here; the Table is
// never touched. sort() is stable with respect to the current view order
// (so sorting by B and then by A orders by A with ties in B order), puts
// missing values last in both directions, orders categorical columns by
// level text (natural order: "c2" before "c10"), text by byte order.
// sort(-1) restores the table's own order.
//
// Bound: a table of more than maxSortRows(column) rows is not sorted (it would
// hold the GUI thread for over a second): sort() leaves the order as it was
// and emits sortRefused() so the page can say why. Restoring the table's
// order (column -1) always works.
class TableModel : public QAbstractTableModel {
    Q_OBJECT

public:
    explicit TableModel(TablePtr table, QObject* parent = nullptr);

    const TablePtr& table() const { return table_; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    // The table row shown at view row `row`.
    std::size_t sourceRow(int row) const {
        return order_.empty() ? static_cast<std::size_t>(row)
                              : order_[static_cast<std::size_t>(row)];
    }
    // Table rows in view order (every row shown, at most 2^31-1).
    std::vector<std::size_t> viewOrder() const;
    // True while the rows are shown in another order than the table's.
    bool isSorted() const { return !order_.empty(); }
    // The column sorted by (-1 when none) and its direction.
    int sortColumn() const { return sortColumn_; }
    Qt::SortOrder sortOrder() const { return sortOrder_; }

    // Sorting more rows than this is refused. Measured (test_table_plots,
    // 2 cores): 5M numeric rows sort in about 0.6 s; text sorts by byte
    // order, 1M short strings in about 0.55 s, so text columns stop at
    // 1.5M (about 0.85 s).
    static constexpr std::size_t kMaxSortRows = 5'000'000;
    static constexpr std::size_t kMaxTextSortRows = 1'500'000;
    // The bound for sorting by `column` (text columns have the lower one).
    std::size_t maxSortRows(int column) const;

    // The cell as plain text for copying: the display value, "" when
    // missing (the view shows "—").
    QString plainText(int row, int column) const;

signals:
    // After every sort, with how long computing the permutation took.
    void sorted(int column, Qt::SortOrder order, qint64 milliseconds);
    // sort(column) was refused: the table has more than maxSortRows(column) rows.
    void sortRefused(int column, std::size_t rows);

private:
    const ColumnSummary& summary(int column) const;
    QString headerText(int column) const;
    QString columnTooltip(int column) const;
    std::vector<std::size_t> sortedOrder(const Column& column, bool descending) const;

    TablePtr table_;
    std::vector<std::size_t> order_;  // view row -> table row; empty = identity
    int sortColumn_ = -1;
    Qt::SortOrder sortOrder_ = Qt::AscendingOrder;
    mutable std::vector<std::optional<ColumnSummary>> summaries_;  // per column, lazily
};

}  // namespace sluice
