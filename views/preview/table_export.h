// Getting a table out of the preview: the selection as tab-separated text
// for the clipboard, and the whole table as a CSV file, both in the order the
// view shows the rows (after sorting).
#pragma once

#include <QString>

class QItemSelection;

namespace sluice {

class TableModel;

// The selected cells as TSV: a header row of the selected columns' names,
// then one line per selected row in view order, columns in table order.
// Missing values and cells outside a non-rectangular selection are empty;
// tabs and line breaks inside values become spaces (TSV cannot quote).
// Empty when nothing is selected.
QString selectionAsTsv(const TableModel& model, const QItemSelection& selection);

// Writes every row and column as CSV (model/io/csv_writer.h: quoting,
// shortest round-trip numbers, atomic write) in view order. False with
// `error` set when the file cannot be written.
bool saveTableAsCsv(const TableModel& model, const QString& path, QString* error = nullptr);

}  // namespace sluice
