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
    // The scatter view, built on first use.
    TableScatter* scatter();
    // Shows the table (false) or the scatter (true).
    void showScatter(bool on);
    // "178 rows × 4 columns · sorted by pc1, descending".
    QLabel* statusLine() const { return status_; }

    // Copies the selection as TSV with a header row (table_export.h). A
    // selection of more than kMaxCopyCells cells is refused (building the
    // text would freeze the window): the status line says to use Save as
    // CSV instead, and false is returned.
    bool copySelection();
    // 200,000 cells copy in about 15 ms; the bound is the clipboard's size
    // (about 10 MB of text at the limit) more than the time.
    static constexpr qint64 kMaxCopyCells = 1'000'000;

    // The notice shown after the status (a refused copy or sort); empty
    // when none. Cleared by the next sort.
    QString notice() const { return notice_; }
    // Asks for a file name and writes the table, in view order, as CSV.
    void saveAsCsvWithDialog();

protected:
    void contextMenuEvent(QContextMenuEvent* event) override;

private:
    void updateStatus();
    void showNotice(const QString& text);

    TablePtr table_;
    TableModel* model_;
    QTableView* view_;
    QStackedWidget* stack_;
    TableScatter* scatter_ = nullptr;
    QToolButton* tableButton_;
    QToolButton* scatterButton_;
    QLabel* status_;
    QString notice_;
};

// Widths from the header and the first rows, kept between readable bounds
// (90 to 280 pixels).
void fitTableColumns(QTableView* view);

// A TablePage for OutputPreview.
QWidget* makeTablePage(const TablePtr& table, QWidget* parent);

}  // namespace sluice
