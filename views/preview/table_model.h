#pragma once

#include <QAbstractTableModel>

#include "data/table.h"

namespace sluice {

/// A read-only Qt model over a Table without copying it: cells are formatted
/// on demand, so a million-row table opens at once and scrolls smoothly
/// (the view asks only for the visible rows). Header tooltips give each
/// column's kind, role and a summary (computed once per column, on demand).
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

private:
    QString columnTooltip(int column) const;

    TablePtr table_;
    mutable std::vector<QString> tooltips_;  // per column, filled lazily
};

}  // namespace sluice
