#include "views/results/results_table.h"

#include <QAbstractItemModel>
#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QFile>
#include <QFileDialog>
#include <QHeaderView>
#include <QMenu>
#include <QMessageBox>
#include <QSet>
#include <QTableView>
#include <QTableWidget>
#include <algorithm>

namespace sluice {
namespace {

QString cellText(const QAbstractItemModel& model, int row, int column) {
    const QModelIndex index = model.index(row, column);
    const QVariant exported = model.data(index, kExportTextRole);
    return exported.isValid() ? exported.toString() : model.data(index, Qt::DisplayRole).toString();
}

QString rowHeaderText(const QAbstractItemModel& model, int row) {
    return model.headerData(row, Qt::Vertical, Qt::DisplayRole).toString();
}

QString headerText(const QAbstractItemModel& model, int column) {
    // Some headers wrap onto two lines (name and kind); the first is the name.
    return model.headerData(column, Qt::Horizontal, Qt::DisplayRole).toString().section('\n', 0, 0);
}

QString tsvField(QString text) {
    text.replace('\t', ' ');
    text.replace('\n', ' ');
    text.replace('\r', ' ');
    return text;
}

QString csvField(const QString& text) {
    if (!text.contains(',') && !text.contains('"') && !text.contains('\n') && !text.contains('\r'))
        return text;
    QString quoted = text;
    quoted.replace('"', QStringLiteral("\"\""));
    return '"' + quoted + '"';
}

// Rows [r0, r1] x columns [c0, c1] joined by `separator`; `keep` says which
// cells hold text (others stay empty).
template <class Field, class Keep>
QString joined(const QAbstractItemModel& model, int r0, int r1, int c0, int c1, QChar separator,
               bool rowHeaders, Field field, Keep keep) {
    QString out;
    if (rowHeaders)
        out += separator;
    for (int c = c0; c <= c1; ++c)
        out += (c > c0 ? QString(separator) : QString()) + field(headerText(model, c));
    out += '\n';
    for (int r = r0; r <= r1; ++r) {
        if (rowHeaders)
            out += field(rowHeaderText(model, r)) + separator;
        for (int c = c0; c <= c1; ++c) {
            if (c > c0)
                out += separator;
            if (keep(r, c))
                out += field(cellText(model, r, c));
        }
        out += '\n';
    }
    return out;
}

bool showsRowHeaders(const QTableView* view) {
    return !view->verticalHeader()->isHidden();
}

void copySelection(QTableView* view) {
    if (!view->model() || !view->selectionModel())
        return;
    QModelIndexList cells = view->selectionModel()->selectedIndexes();
    if (cells.isEmpty())
        return;
    QApplication::clipboard()->setText(
        tableSelectionTsv(*view->model(), cells, showsRowHeaders(view)));
}

void saveWithDialog(QTableView* view) {
    if (!view->model())
        return;
    QString path = QFileDialog::getSaveFileName(view, QObject::tr("Save table as CSV"), QString(),
                                                QObject::tr("CSV file (*.csv)"));
    if (path.isEmpty())
        return;
    if (!path.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive))
        path += QStringLiteral(".csv");
    QString error;
    if (!saveTableCsv(*view->model(), path, &error, showsRowHeaders(view)))
        QMessageBox::warning(view, QObject::tr("Save table as CSV"), error);
}

}  // namespace

QString tableSelectionTsv(const QAbstractItemModel& model, const QModelIndexList& cells,
                          bool rowHeaders) {
    if (cells.isEmpty())
        return {};
    int r0 = cells.front().row(), r1 = r0, c0 = cells.front().column(), c1 = c0;
    QSet<QPair<int, int>> selected;
    for (const QModelIndex& i : cells) {
        r0 = std::min(r0, i.row());
        r1 = std::max(r1, i.row());
        c0 = std::min(c0, i.column());
        c1 = std::max(c1, i.column());
        selected.insert({i.row(), i.column()});
    }
    return joined(model, r0, r1, c0, c1, '\t', rowHeaders, tsvField, [&](int r, int c) {
        return selected.contains({r, c});
    });
}

QString tableTsv(const QAbstractItemModel& model, bool rowHeaders) {
    if (model.columnCount() == 0)
        return {};
    return joined(model, 0, model.rowCount() - 1, 0, model.columnCount() - 1, '\t', rowHeaders,
                  tsvField, [](int, int) { return true; });
}

QString tableCsv(const QAbstractItemModel& model, bool rowHeaders) {
    if (model.columnCount() == 0)
        return {};
    return joined(model, 0, model.rowCount() - 1, 0, model.columnCount() - 1, ',', rowHeaders,
                  csvField, [](int, int) { return true; });
}

bool saveTableCsv(const QAbstractItemModel& model, const QString& path, QString* error,
                  bool rowHeaders) {
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        if (error)
            *error = QObject::tr("Could not write %1: %2.").arg(path, file.errorString());
        return false;
    }
    const QByteArray bytes = tableCsv(model, rowHeaders).toUtf8();
    if (file.write(bytes) != bytes.size()) {
        if (error)
            *error = QObject::tr("Could not write %1: %2.").arg(path, file.errorString());
        return false;
    }
    return true;
}

void installResultsTableActions(QTableView* view) {
    auto* copy = new QAction(QObject::tr("Copy"), view);
    copy->setShortcut(QKeySequence::Copy);
    copy->setShortcutContext(Qt::WidgetShortcut);
    QObject::connect(copy, &QAction::triggered, view, [view] { copySelection(view); });
    view->addAction(copy);
    view->setContextMenuPolicy(Qt::CustomContextMenu);
    QObject::connect(view, &QWidget::customContextMenuRequested, view, [view, copy](QPoint pos) {
        QMenu menu(view);
        menu.addAction(copy);
        menu.addAction(QObject::tr("Copy all"), view, [view] {
            if (view->model())
                QApplication::clipboard()->setText(tableTsv(*view->model(), showsRowHeaders(view)));
        });
        menu.addSeparator();
        menu.addAction(QObject::tr("Save as CSV…"), view, [view] { saveWithDialog(view); });
        menu.exec(view->viewport()->mapToGlobal(pos));
    });
}

QTableWidget* makeResultsTable(const QStringList& headers, int rows, QWidget* parent) {
    auto* table = new QTableWidget(rows, static_cast<int>(headers.size()), parent);
    table->setHorizontalHeaderLabels(headers);
    table->verticalHeader()->hide();
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    table->setAlternatingRowColors(true);
    table->horizontalHeader()->setStretchLastSection(true);
    installResultsTableActions(table);
    return table;
}

}  // namespace sluice
