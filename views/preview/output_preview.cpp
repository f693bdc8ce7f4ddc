#include "views/preview/output_preview.h"

#include <QHeaderView>
#include <QLabel>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QVBoxLayout>

#include "data/number_text.h"
#include "views/preview/table_model.h"

namespace sluice {
namespace {

QString number(double v) {
    return QString::fromStdString(formatNumber(v));
}

QWidget* tableView(const TablePtr& table, QWidget* parent) {
    auto* view = new QTableView(parent);
    view->setModel(new TableModel(table, view));
    view->setAlternatingRowColors(true);
    view->setSelectionMode(QAbstractItemView::ContiguousSelection);
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 6);
    // Fixed-height rows: the view need not measure a million of them.
    view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    return view;
}

QWidget* resultsView(const Results& results, QWidget* parent) {
    auto* box = new QWidget(parent);
    auto* layout = new QVBoxLayout(box);
    auto* metrics = new QTableWidget(static_cast<int>(results.metrics.size()), 2, box);
    metrics->setObjectName(QStringLiteral("metricsTable"));
    metrics->setHorizontalHeaderLabels({QObject::tr("Metric"), QObject::tr("Value")});
    metrics->verticalHeader()->hide();
    metrics->setEditTriggers(QAbstractItemView::NoEditTriggers);
    int row = 0;
    for (const auto& [name, value] : results.metrics) {
        metrics->setItem(row, 0, new QTableWidgetItem(QString::fromStdString(name)));
        auto* cell = new QTableWidgetItem(number(value));
        cell->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        metrics->setItem(row++, 1, cell);
    }
    metrics->horizontalHeader()->setStretchLastSection(true);
    layout->addWidget(metrics);
    if (results.matrix.size() > 0 && !results.labels.empty()) {
        layout->addWidget(new QLabel(QObject::tr("Rows: true class, columns: predicted"), box));
        const auto n = static_cast<int>(results.matrix.rows());
        auto* matrix = new QTableWidget(n, static_cast<int>(results.matrix.cols()), box);
        matrix->setObjectName(QStringLiteral("matrixTable"));
        QStringList labels;
        for (const auto& l : results.labels)
            labels << QString::fromStdString(l);
        matrix->setHorizontalHeaderLabels(labels);
        matrix->setVerticalHeaderLabels(labels);
        matrix->setEditTriggers(QAbstractItemView::NoEditTriggers);
        for (int r = 0; r < n; ++r)
            for (int c = 0; c < matrix->columnCount(); ++c)
                matrix->setItem(r, c, new QTableWidgetItem(number(results.matrix(r, c))));
        layout->addWidget(matrix);
    }
    for (const Curve& curve : results.curves)
        layout->addWidget(new QLabel(QObject::tr("Curve %1: %2 points, area %3")
                                         .arg(QString::fromStdString(curve.name))
                                         .arg(curve.x.size())
                                         .arg(number(curve.area)),
                                     box));
    if (results.table)
        layout->addWidget(tableView(results.table, box), 1);
    return box;
}

}  // namespace

OutputPreview::OutputPreview(QWidget* parent)
    : QWidget(parent, Qt::Window), tabs_(new QTabWidget(this)) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(tabs_);
    resize(760, 520);
}

void OutputPreview::setOutputs(const QString& title, const PortValues& outputs) {
    setWindowTitle(tr("%1 — output").arg(title));
    while (tabs_->count() > 0) {
        QWidget* page = tabs_->widget(0);
        tabs_->removeTab(0);
        page->deleteLater();
    }
    for (const auto& [port, value] : outputs) {
        QWidget* page = nullptr;
        if (const auto* table = std::get_if<TablePtr>(&value); table && *table)
            page = tableView(*table, tabs_);
        else if (const auto* results = std::get_if<ResultsValue>(&value); results && *results)
            page = resultsView(**results, tabs_);
        else {
            auto* label = new QLabel(QString::fromStdString(describe(value)), tabs_);
            label->setWordWrap(true);
            label->setAlignment(Qt::AlignTop | Qt::AlignLeft);
            label->setMargin(12);
            page = label;
        }
        tabs_->addTab(page, QString::fromStdString(port));
    }
    if (outputs.empty())
        tabs_->addTab(new QLabel(tr("This node has produced no output yet."), tabs_), tr("Output"));
}

}  // namespace sluice
