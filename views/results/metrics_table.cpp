#include "views/results/metrics_table.h"

#include <QHeaderView>
#include <QTableView>
#include <QTableWidget>
#include <algorithm>
#include <cmath>

#include "data/number_text.h"
#include "nodes/metric_names.h"
#include "views/preview/table_model.h"
#include "views/preview/table_page.h"
#include "views/results/results_table.h"

namespace sluice {
namespace {

QTableWidgetItem* numberItem(double value) {
    auto* item = new QTableWidgetItem(displayNumber(value));
    const QString full = QString::fromStdString(formatNumber(value));
    item->setData(kExportTextRole, full);
    item->setToolTip(full);
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

}  // namespace

QString displayNumber(double value) {
    if (std::isnan(value))
        return QStringLiteral("—");
    if (std::abs(value) >= 1000 && std::abs(value) < 1e12)
        return QString::number(value, 'f', 1);
    return QString::number(value, 'g', 4);
}

QTableWidget* makeMetricsTable(const std::map<std::string, double>& metrics, QWidget* parent) {
    auto* table = makeResultsTable({QObject::tr("Metric"), QObject::tr("Value")},
                                   static_cast<int>(metrics.size()), parent);
    table->setObjectName(QStringLiteral("metricsTable"));
    int row = 0;
    for (const auto& [name, value] : metrics) {
        // Shown as people name it ("F1 (macro)"); copied and hovered as the
        // key that files, the command line and Python use ("f1_macro").
        auto* label = new QTableWidgetItem(QString::fromStdString(metricDisplayName(name)));
        label->setData(kExportTextRole, QString::fromStdString(name));
        label->setToolTip(QString::fromStdString(name));
        table->setItem(row, 0, label);
        table->setItem(row++, 1, numberItem(value));
    }
    // Values right next to their names; the rest of the width stays empty.
    table->horizontalHeader()->setStretchLastSection(false);
    table->resizeColumnsToContents();
    table->setColumnWidth(0, table->columnWidth(0) + 24);
    table->setColumnWidth(1, std::max(table->columnWidth(1) + 24, 110));
    return table;
}

QTableWidget* makeMatrixTable(const std::vector<std::string>& labels, const Eigen::MatrixXd& matrix,
                              QWidget* parent) {
    QStringList names;
    for (const auto& l : labels)
        names << QString::fromStdString(l);
    while (names.size() < matrix.cols())
        names << QString::number(names.size());
    auto* table = makeResultsTable(names.mid(0, static_cast<int>(matrix.cols())),
                                   static_cast<int>(matrix.rows()), parent);
    table->setObjectName(QStringLiteral("matrixTable"));
    table->setVerticalHeaderLabels(names.mid(0, static_cast<int>(matrix.rows())));
    table->verticalHeader()->show();
    table->horizontalHeader()->setStretchLastSection(false);
    for (int r = 0; r < table->rowCount(); ++r)
        for (int c = 0; c < table->columnCount(); ++c)
            table->setItem(r, c, numberItem(matrix(r, c)));
    return table;
}

QTableView* makeDetailTable(const TablePtr& table, QWidget* parent) {
    auto* view = new QTableView(parent);
    view->setModel(new TableModel(table, view));
    view->setObjectName(QStringLiteral("detailTable"));
    view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 6);
    view->verticalHeader()->hide();
    view->horizontalHeader()->setStretchLastSection(true);
    fitTableColumns(view);
    installResultsTableActions(view);
    return view;
}

}  // namespace sluice
