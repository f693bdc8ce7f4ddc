#include "views/preview/table_export.h"

#include <QItemSelection>
#include <algorithm>
#include <exception>
#include <vector>

#include "data/table_rows.h"
#include "io/csv_writer.h"
#include "views/preview/table_model.h"

namespace sluice {

namespace {

QString tsvField(QString text) {
    for (QChar& c : text)
        if (c == QLatin1Char('\t') || c == QLatin1Char('\n') || c == QLatin1Char('\r'))
            c = QLatin1Char(' ');
    return text;
}

// Sorted, distinct indices covered by [first, last] intervals.
std::vector<int> unionOf(std::vector<std::pair<int, int>> intervals) {
    std::sort(intervals.begin(), intervals.end());
    std::vector<int> out;
    for (const auto& [first, last] : intervals) {
        // Sorted by start, so out.back() is the largest index emitted so far.
        const int from = out.empty() ? first : std::max(first, out.back() + 1);
        for (int i = from; i <= last; ++i)
            out.push_back(i);
    }
    return out;
}

}  // namespace

QString selectionAsTsv(const TableModel& model, const QItemSelection& selection) {
    if (selection.isEmpty())
        return {};
    std::vector<std::pair<int, int>> rowSpans, columnSpans;
    for (const QItemSelectionRange& range : selection) {
        rowSpans.emplace_back(range.top(), range.bottom());
        columnSpans.emplace_back(range.left(), range.right());
    }
    const std::vector<int> rows = unionOf(std::move(rowSpans));
    const std::vector<int> columns = unionOf(std::move(columnSpans));
    const bool rectangular = selection.size() == 1;
    const auto selected = [&](int row, int column) {
        if (rectangular)
            return true;
        return std::any_of(selection.begin(), selection.end(), [&](const QItemSelectionRange& r) {
            return r.top() <= row && row <= r.bottom() && r.left() <= column && column <= r.right();
        });
    };

    const Table& table = *model.table();
    QString out;
    for (std::size_t i = 0; i < columns.size(); ++i) {
        if (i > 0)
            out += QLatin1Char('\t');
        out += tsvField(QString::fromStdString(table.column(std::size_t(columns[i])).name()));
    }
    out += QLatin1Char('\n');
    for (int row : rows) {
        for (std::size_t i = 0; i < columns.size(); ++i) {
            if (i > 0)
                out += QLatin1Char('\t');
            if (selected(row, columns[i]))
                out += tsvField(model.plainText(row, columns[i]));
        }
        out += QLatin1Char('\n');
    }
    return out;
}

bool saveTableAsCsv(const TableModel& model, const QString& path, QString* error) {
    try {
        const std::string file = path.toStdString();
        if (model.isSorted())
            writeCsvFile(*takeRows(*model.table(), model.viewOrder()), file);
        else
            writeCsvFile(*model.table(), file);
        return true;
    } catch (const std::exception& e) {
        if (error)
            *error = QString::fromUtf8(e.what());
        return false;
    }
}

}  // namespace sluice
