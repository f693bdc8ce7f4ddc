#include "views/preview/table_model.h"

#include <QElapsedTimer>
#include <QPalette>
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <numeric>

#include "data/date_time.h"
#include "data/number_text.h"

namespace sluice {

namespace {

// A short number for a header line: four significant digits read at a
// glance; the tooltip has the exact values.
QString shortNumber(double v) {
    return QString::number(v, 'g', 4);
}

// A cell as a person reads it: whole numbers in full (ids, counts, years),
// other numbers to kCellDigits significant digits without trailing zeros;
// the tooltip and copies keep every digit (issue 25: 16 digits were shown).
constexpr int kCellDigits = 6;
QString cellNumber(double v) {
    if (!std::isfinite(v))
        return QString::fromStdString(formatNumber(v));
    if (v == std::floor(v) && std::abs(v) < 1e15)
        return QString::number(static_cast<long long>(v));
    return QString::number(v, 'g', kCellDigits);
}

// "Natural" order for level names, so "c2" sorts before "c10": runs of
// digits compare by value, other runs case-insensitively; case decides only
// between otherwise equal names. (QCollator's numeric mode needs ICU, which
// not every Qt build has.)
int naturalCompare(const QString& a, const QString& b) {
    qsizetype i = 0, j = 0;
    while (i < a.size() && j < b.size()) {
        if (a[i].isDigit() && b[j].isDigit()) {
            qsizetype ei = i, ej = j;
            while (ei < a.size() && a[ei].isDigit())
                ++ei;
            while (ej < b.size() && b[ej].isDigit())
                ++ej;
            // Compare by value: strip leading zeros, then longer is larger.
            qsizetype si = i, sj = j;
            while (si + 1 < ei && a[si] == QLatin1Char('0'))
                ++si;
            while (sj + 1 < ej && b[sj] == QLatin1Char('0'))
                ++sj;
            if (ei - si != ej - sj)
                return ei - si < ej - sj ? -1 : 1;
            if (const int c =
                    QStringView(a).mid(si, ei - si).compare(QStringView(b).mid(sj, ej - sj));
                c != 0)
                return c;
            i = ei;
            j = ej;
        } else {
            const QChar ca = a[i].toCaseFolded(), cb = b[j].toCaseFolded();
            if (ca != cb)
                return ca < cb ? -1 : 1;
            ++i;
            ++j;
        }
    }
    if (i < a.size() || j < b.size())
        return i < a.size() ? 1 : -1;
    return QString::compare(a, b);
}

}  // namespace

TableModel::TableModel(TablePtr table, QObject* parent)
    : QAbstractTableModel(parent), table_(std::move(table)) {
    if (table_)
        summaries_.resize(table_->columnCount());
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
    const std::size_t row = sourceRow(index.row());
    switch (role) {
        case Qt::DisplayRole:
            if (column.isMissing(row))
                return QStringLiteral("—");
            if (column.kind() == ColumnKind::Numeric)
                return cellNumber(column.numbers()[row]);
            return QString::fromStdString(column.displayValue(row));
        case Qt::ToolTipRole:
            // Every digit of a number the cell rounds.
            if (column.kind() == ColumnKind::Numeric && !column.isMissing(row)) {
                const QString full = QString::fromStdString(column.displayValue(row));
                return full == cellNumber(column.numbers()[row]) ? QVariant() : QVariant(full);
            }
            return {};
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

QString TableModel::plainText(int row, int column) const {
    return QString::fromStdString(
        table_->column(static_cast<std::size_t>(column)).displayValue(sourceRow(row)));
}

std::vector<std::size_t> TableModel::viewOrder() const {
    if (!order_.empty())
        return order_;
    std::vector<std::size_t> rows(static_cast<std::size_t>(rowCount()));
    std::iota(rows.begin(), rows.end(), std::size_t{0});
    return rows;
}

QVariant TableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (!table_)
        return {};
    if (orientation == Qt::Vertical)
        return role == Qt::DisplayRole ? QVariant(section + 1) : QVariant();
    switch (role) {
        case Qt::DisplayRole:
            return headerText(section);
        case Qt::ToolTipRole:
            return columnTooltip(section);
        case Qt::TextAlignmentRole:
            return QVariant(Qt::AlignLeft | Qt::AlignVCenter);
        default:
            return {};
    }
}

const ColumnSummary& TableModel::summary(int column) const {
    auto& cached = summaries_[static_cast<std::size_t>(column)];
    if (!cached)
        cached = summarize(table_->column(static_cast<std::size_t>(column)));
    return *cached;
}

QString TableModel::headerText(int index) const {
    const Column& column = table_->column(static_cast<std::size_t>(index));
    const ColumnSummary& s = summary(index);
    QString kind = QString::fromUtf8(kindName(column.kind()));
    if (column.role() != ColumnRole::Feature)
        kind += QStringLiteral(" · ") + QString::fromUtf8(roleName(column.role()));
    QStringList facts;
    if (column.kind() == ColumnKind::Numeric) {
        if (s.count > s.missing) {
            // A standardized column's mean is rounding noise (-2.7e-16):
            // relative to its spread it is zero, so say so.
            const double spread = s.max - s.min;
            const bool noise = std::abs(s.mean) <= 1e-9 * spread;
            facts << tr("mean %1").arg(noise ? QStringLiteral("0") : shortNumber(s.mean));
        }
    } else if (column.kind() == ColumnKind::DateTime) {
        if (s.count > s.missing)
            facts << QString::fromStdString(formatDateTime(s.min, true) + " to " +
                                            formatDateTime(s.max, true));
    } else {
        facts << (column.kind() == ColumnKind::Categorical
                      ? (s.levelCount == 1 ? tr("1 level") : tr("%L1 levels").arg(s.levelCount))
                      : tr("%L1 distinct").arg(s.levelCount));
    }
    if (s.missing > 0)
        facts << tr("%1 missing").arg(s.missing);
    return QStringLiteral("%1\n%2\n%3")
        .arg(QString::fromStdString(column.name()), kind, facts.join(QStringLiteral(" · ")));
}

QString TableModel::columnTooltip(int index) const {
    const Column& column = table_->column(static_cast<std::size_t>(index));
    const ColumnSummary& s = summary(index);
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
    } else if (column.kind() == ColumnKind::DateTime && s.count > s.missing) {
        const auto date = [&](double v) {
            return QString::fromStdString(formatDateTime(v, column.dateOnly()));
        };
        text += QStringLiteral("<br>from %1<br>to %2").arg(date(s.min), date(s.max));
    } else if (s.levelCount > 0) {
        text += QStringLiteral("<br>%1 levels:").arg(s.levelCount);
        for (const auto& [level, count] : s.topLevels)
            text += QStringLiteral("<br>&nbsp;&nbsp;%1 (%2)")
                        .arg(QString::fromStdString(level).toHtmlEscaped())
                        .arg(count);
    }
    text += tr("<br><i>Click to sort; missing values stay last.</i>");
    return text;
}

std::size_t TableModel::maxSortRows(int column) const {
    const bool text = table_ && column >= 0 && column < columnCount() &&
                      table_->column(static_cast<std::size_t>(column)).kind() == ColumnKind::Text;
    return text ? kMaxTextSortRows : kMaxSortRows;
}

void TableModel::sort(int column, Qt::SortOrder order) {
    if (!table_ || column >= columnCount())
        return;
    if (column >= 0 && table_->rowCount() > maxSortRows(column)) {
        emit sortRefused(column, table_->rowCount());
        return;
    }
    QElapsedTimer timer;
    timer.start();
    std::vector<std::size_t> next;
    if (column >= 0)
        next = sortedOrder(table_->column(static_cast<std::size_t>(column)),
                           order == Qt::DescendingOrder);
    const qint64 ms = timer.elapsed();

    emit layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    // Persistent indexes (the selection, the current cell) follow their table
    // row to its new place; the inverse permutation is built only for them.
    const QModelIndexList before = persistentIndexList();
    std::vector<std::size_t> rowsBefore;
    rowsBefore.reserve(static_cast<std::size_t>(before.size()));
    for (const QModelIndex& index : before)
        rowsBefore.push_back(sourceRow(index.row()));
    order_ = std::move(next);
    sortColumn_ = column;
    sortOrder_ = order;
    if (!before.isEmpty()) {
        std::vector<int> viewRowOf;
        if (!order_.empty()) {
            viewRowOf.resize(table_->rowCount(), -1);
            for (std::size_t i = 0; i < order_.size(); ++i)
                viewRowOf[order_[i]] = static_cast<int>(i);
        }
        QModelIndexList after;
        after.reserve(before.size());
        for (qsizetype i = 0; i < before.size(); ++i) {
            const std::size_t source = rowsBefore[static_cast<std::size_t>(i)];
            const int row = order_.empty() ? static_cast<int>(source) : viewRowOf[source];
            after.push_back(index(row, before[i].column()));
        }
        changePersistentIndexList(before, after);
    }
    emit layoutChanged({}, QAbstractItemModel::VerticalSortHint);
    emit sorted(column, order, ms);
}

std::vector<std::size_t> TableModel::sortedOrder(const Column& column, bool descending) const {
    const auto n = static_cast<std::size_t>(rowCount());
    std::vector<std::size_t> result;
    result.reserve(n);
    std::vector<std::size_t> missing;  // in view order: they stay last and keep it

    switch (column.kind()) {
        case ColumnKind::Numeric:
        case ColumnKind::DateTime: {
            // (value, view position): ordering pairs by position on ties is
            // what makes the sort stable, and std::sort on plain pairs is the
            // fastest way there (about 80 ms for a million rows).
            const std::span<const double> values = column.doubles();
            std::vector<std::pair<double, std::uint32_t>> keys;
            keys.reserve(n);
            for (std::size_t i = 0; i < n; ++i) {
                const std::size_t r = sourceRow(static_cast<int>(i));
                if (std::isnan(values[r]))
                    missing.push_back(r);
                else
                    keys.emplace_back(values[r], static_cast<std::uint32_t>(i));
            }
            if (descending)
                std::sort(keys.begin(), keys.end(), [](const auto& a, const auto& b) {
                    return a.first > b.first || (a.first == b.first && a.second < b.second);
                });
            else
                std::sort(keys.begin(), keys.end());
            for (const auto& key : keys)
                result.push_back(sourceRow(static_cast<int>(key.second)));
            break;
        }
        case ColumnKind::Categorical: {
            // Levels are few: rank them by text once, then a counting sort by
            // rank is linear in the rows and stable by construction.
            const auto& levels = column.levels();
            std::vector<int> byText(levels.size());
            std::iota(byText.begin(), byText.end(), 0);
            std::vector<QString> names;
            names.reserve(levels.size());
            for (const auto& level : levels)
                names.push_back(QString::fromStdString(level));
            std::stable_sort(byText.begin(), byText.end(), [&](int a, int b) {
                return naturalCompare(names[std::size_t(a)], names[std::size_t(b)]) < 0;
            });
            std::vector<std::size_t> rank(levels.size());
            for (std::size_t k = 0; k < byText.size(); ++k)
                rank[std::size_t(byText[k])] = descending ? byText.size() - 1 - k : k;
            std::vector<std::size_t> start(levels.size() + 1, 0);
            const std::span<const std::int32_t> codes = column.codes();
            for (std::size_t i = 0; i < n; ++i) {
                const std::int32_t code = codes[sourceRow(static_cast<int>(i))];
                if (code >= 0)
                    ++start[rank[std::size_t(code)] + 1];
            }
            std::partial_sum(start.begin(), start.end(), start.begin());
            result.resize(start.back());
            for (std::size_t i = 0; i < n; ++i) {
                const std::size_t r = sourceRow(static_cast<int>(i));
                const std::int32_t code = codes[r];
                if (code < 0)
                    missing.push_back(r);
                else
                    result[start[rank[std::size_t(code)]]++] = r;
            }
            break;
        }
        case ColumnKind::Text: {
            const auto& texts = column.texts();
            std::vector<std::uint32_t> present;
            present.reserve(n);
            for (std::size_t i = 0; i < n; ++i) {
                const std::size_t r = sourceRow(static_cast<int>(i));
                if (column.isMissing(r))
                    missing.push_back(r);
                else
                    present.push_back(static_cast<std::uint32_t>(i));
            }
            const auto text = [&](std::uint32_t i) -> const std::string& {
                return texts[sourceRow(static_cast<int>(i))];
            };
            std::stable_sort(present.begin(), present.end(), [&](std::uint32_t a, std::uint32_t b) {
                return descending ? text(b) < text(a) : text(a) < text(b);
            });
            for (std::uint32_t i : present)
                result.push_back(sourceRow(static_cast<int>(i)));
            break;
        }
    }
    result.insert(result.end(), missing.begin(), missing.end());
    return result;
}

}  // namespace sluice
