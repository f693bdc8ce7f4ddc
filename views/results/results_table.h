// Table behaviour shared by every result view: copy the selection to the
// clipboard as tab-separated text (Ctrl+C and the context menu) and save the
// whole table as CSV. The text is what the table shows (Qt::DisplayRole), with
// the horizontal header as the first line (and the vertical header as the
// first column when it names the rows), so a paste into a spreadsheet or a
// CSV file holds what the user saw.
#pragma once

#include <QModelIndexList>
#include <QString>
#include <Qt>

class QAbstractItemModel;
class QTableView;
class QTableWidget;
class QWidget;

namespace sluice {

// Item data role holding the text a copy or CSV file gets when it differs
// from what is shown: full precision behind a rounded display.
inline constexpr int kExportTextRole = Qt::UserRole + 40;

// Tab-separated text of `cells` (any selection shape): the rows and columns
// spanned by the selection, header line first; cells inside that rectangle
// but not selected are empty. Tabs and newlines inside cells become spaces.
// With `rowHeaders`, each line starts with the row's vertical header text
// (and the header line with an empty field).
QString tableSelectionTsv(const QAbstractItemModel& model, const QModelIndexList& cells,
                          bool rowHeaders = false);
// Tab-separated text of every cell, header line first.
QString tableTsv(const QAbstractItemModel& model, bool rowHeaders = false);
// RFC 4180 CSV of every cell, header line first: fields quoted when they hold
// a comma, quote or line break; lines end in "\n".
QString tableCsv(const QAbstractItemModel& model, bool rowHeaders = false);
// Writes tableCsv(model) as UTF-8 to `path`. False with `error` set when the
// file cannot be written.
bool saveTableCsv(const QAbstractItemModel& model, const QString& path, QString* error = nullptr,
                  bool rowHeaders = false);

// Gives `view` the result-table behaviour: Ctrl+C (the platform's Copy key)
// copies the selection, and a context menu offers Copy, Copy all and
// Save as CSV…. Call once per view. Row headers are included when the view
// shows its vertical header (e.g. the class names of a matrix).
void installResultsTableActions(QTableView* view);

// A read-only QTableWidget with `headers`, row selection by cell, no vertical
// header and the result-table actions installed.
QTableWidget* makeResultsTable(const QStringList& headers, int rows, QWidget* parent);

}  // namespace sluice
