#include "views/preview/table_model.h"

#include <QBrush>
#include <QPalette>
#include <limits>

#include "data/column_summary.h"
#include "data/number_text.h"

namespace sluice {

TableModel::TableModel(TablePtr table, QObject* parent)
    : QAbstractTableModel(parent), table_(std::move(table)) {
    if (table_)
        tooltips_.resize(table_->columnCount());
}

int TableModel::rowCount(const QModelIndex& parent) const {
    if (parent.isValid() || !table_)
        return 0;
    // Qt models count rows in int; larger tables show their first 2^31-1 rows.
    return static_cast<int>(
        std::min<std::size_t>(table_->rowCount(), std::numeric_limits<int>::max()));
}

int TableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() || !table_ ? 0 : static_cast<int>(table_->columnCount());
}

QVariant TableModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || !table_)
        return {};
    const Column& column = table_->column(static_cast<std::size_t>(index.column()));
    const auto row = static_cast<std::size_t>(index.row());
    switch (role) {
        case Qt::DisplayRole:
            return column.isMissing(row) ? QStringLiteral("—")
                                         : QString::fromStdString(column.displayValue(row));
        case Qt::TextAlignmentRole:
            return column.kind() == ColumnKind::Numeric
                       ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                       : QVariant(Qt::AlignLeft | Qt::AlignVCenter);
        case Qt::ForegroundRole:
            if (column.isMissing(row))
                return QPalette().brush(QPalette::Disabled, QPalette::Text);
            return {};
        default:
            return {};
    }
}

QVariant TableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (!table_)
        return {};
    if (orientation == Qt::Vertical)
        return role == Qt::DisplayRole ? QVariant(section + 1) : QVariant();
    const Column& column = table_->column(static_cast<std::size_t>(section));
    switch (role) {
        case Qt::DisplayRole:
            return QStringLiteral("%1\n%2").arg(QString::fromStdString(column.name()),
                                                QString::fromUtf8(kindName(column.kind())));
        case Qt::ToolTipRole:
            return columnTooltip(section);
        default:
            return {};
    }
}

QString TableModel::columnTooltip(int index) const {
    QString& cached = tooltips_[static_cast<std::size_t>(index)];
    if (!cached.isEmpty())
        return cached;
    const Column& column = table_->column(static_cast<std::size_t>(index));
    const ColumnSummary s = summarize(column);
    QString text = QStringLiteral("<b>%1</b><br>%2, %3<br>%4 values, %5 missing")
                       .arg(QString::fromStdString(column.name()).toHtmlEscaped(),
                            QString::fromUtf8(kindName(column.kind())),
                            QString::fromUtf8(roleName(column.role())))
                       .arg(s.count)
                       .arg(s.missing);
    if (column.kind() == ColumnKind::Numeric && s.count > s.missing) {
        const auto num = [](double v) { return QString::fromStdString(formatNumber(v)); };
        text += QStringLiteral("<br>mean %1, sd %2<br>min %3, max %4")
                    .arg(num(s.mean), num(s.std), num(s.min), num(s.max));
    } else if (s.levelCount > 0) {
        text += QStringLiteral("<br>%1 levels:").arg(s.levelCount);
        for (const auto& [level, count] : s.topLevels)
            text += QStringLiteral("<br>&nbsp;&nbsp;%1 (%2)")
                        .arg(QString::fromStdString(level).toHtmlEscaped())
                        .arg(count);
    }
    cached = text;
    return cached;
}

}  // namespace sluice
