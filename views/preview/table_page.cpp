#include "views/preview/table_page.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QSignalBlocker>
#include <QStackedWidget>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>
#include <algorithm>

#include "views/preview/table_export.h"
#include "views/preview/table_model.h"
#include "views/preview/table_scatter.h"

namespace sluice {

TablePage::TablePage(TablePtr table, QWidget* parent)
    : QWidget(parent),
      table_(std::move(table)),
      model_(nullptr),
      view_(new QTableView(this)),
      stack_(new QStackedWidget(this)),
      tableButton_(new QToolButton(this)),
      scatterButton_(new QToolButton(this)),
      status_(new QLabel(this)) {
    model_ = new TableModel(table_, this);
    view_->setModel(model_);
    view_->setAlternatingRowColors(true);
    view_->setSelectionMode(QAbstractItemView::ExtendedSelection);
    view_->setWordWrap(false);
    // Fixed-height rows: the view need not measure a million of them.
    view_->verticalHeader()->setDefaultSectionSize(view_->fontMetrics().height() + 6);
    view_->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    QHeaderView* header = view_->horizontalHeader();
    header->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    // Header clicks cycle ascending, descending, table order; sorting starts
    // off (QTableView would otherwise sort by column 0 at once).
    header->setSortIndicatorClearable(true);
    header->setSortIndicator(-1, Qt::AscendingOrder);
    view_->setSortingEnabled(true);
    fitTableColumns(view_);

    auto* copy = new QAction(tr("Copy"), view_);
    copy->setShortcut(QKeySequence::Copy);
    copy->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(copy, &QAction::triggered, this, &TablePage::copySelection);
    view_->addAction(copy);
    view_->setContextMenuPolicy(Qt::DefaultContextMenu);

    tableButton_->setText(tr("Table"));
    scatterButton_->setText(tr("Scatter"));
    scatterButton_->setToolTip(tr("Plot two numeric columns against each other"));
    for (QToolButton* b : {tableButton_, scatterButton_}) {
        b->setCheckable(true);
        b->setAutoExclusive(true);
        b->setAutoRaise(true);
    }
    tableButton_->setChecked(true);
    connect(scatterButton_, &QToolButton::toggled, this, &TablePage::showScatter);
    auto* save = new QToolButton(this);
    save->setText(tr("Save as CSV…"));
    save->setToolTip(tr("Write the whole table, in the order shown, to a CSV file"));
    save->setAutoRaise(true);
    connect(save, &QToolButton::clicked, this, &TablePage::saveAsCsvWithDialog);
    status_->setObjectName(QStringLiteral("tableStatus"));
    status_->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* bar = new QHBoxLayout;
    bar->setContentsMargins(6, 4, 6, 0);
    bar->addWidget(tableButton_);
    bar->addWidget(scatterButton_);
    bar->addSpacing(12);
    bar->addWidget(status_, 1);
    bar->addWidget(save);
    stack_->addWidget(view_);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(bar);
    layout->addWidget(stack_, 1);

    connect(model_, &TableModel::sorted, this, [this] {
        notice_.clear();
        updateStatus();
    });
    connect(model_, &TableModel::sortRefused, this, [this](int column, std::size_t rows) {
        // The header already shows the clicked column's arrow: put it back.
        const QSignalBlocker quiet(view_->horizontalHeader());  // no second sort
        view_->horizontalHeader()->setSortIndicator(model_->sortColumn(), model_->sortOrder());
        showNotice(tr("Sorting %L1 rows is refused (at most %L2 here): sort the data in the "
                      "pipeline, or use Save as CSV… and sort elsewhere")
                       .arg(rows)
                       .arg(model_->maxSortRows(column)));
    });
    updateStatus();
}

TableScatter* TablePage::scatter() {
    if (!scatter_) {
        scatter_ = new TableScatter(table_, stack_);
        stack_->addWidget(scatter_);
    }
    return scatter_;
}

void TablePage::showScatter(bool on) {
    stack_->setCurrentWidget(on ? static_cast<QWidget*>(scatter()) : view_);
    (on ? scatterButton_ : tableButton_)->setChecked(true);
}

void TablePage::updateStatus() {
    const auto plural = [this](std::size_t n, const QString& one, const QString& many) {
        return n == 1 ? one : many.arg(n);
    };
    QString text = plural(table_->rowCount(), tr("1 row"), tr("%L1 rows")) + QStringLiteral(" × ") +
                   plural(table_->columnCount(), tr("1 column"), tr("%L1 columns"));
    if (static_cast<std::size_t>(model_->rowCount()) < table_->rowCount())
        text += tr(" (showing the first %L1)").arg(model_->rowCount());
    if (model_->sortColumn() >= 0)
        text += tr(" · sorted by %1, %2")
                    .arg(QString::fromStdString(
                             table_->column(std::size_t(model_->sortColumn())).name()),
                         model_->sortOrder() == Qt::AscendingOrder ? tr("ascending")
                                                                   : tr("descending"));
    if (!notice_.isEmpty())
        text += QStringLiteral(" — ") + notice_;
    status_->setText(text);
}

void TablePage::showNotice(const QString& text) {
    notice_ = text;
    updateStatus();
}

bool TablePage::copySelection() {
    const QItemSelection selection = view_->selectionModel()->selection();
    qint64 cells = 0;
    for (const QItemSelectionRange& range : selection)
        cells += qint64(range.width()) * range.height();
    if (cells > kMaxCopyCells) {
        showNotice(tr("Copying %L1 cells is refused (at most %L2): use Save as CSV… for this "
                      "much")
                       .arg(cells)
                       .arg(kMaxCopyCells));
        return false;
    }
    const QString tsv = selectionAsTsv(*model_, selection);
    if (!tsv.isEmpty())
        QApplication::clipboard()->setText(tsv);
    return !tsv.isEmpty();
}

void TablePage::saveAsCsvWithDialog() {
    QString path = QFileDialog::getSaveFileName(this, tr("Save table as CSV"), QString(),
                                                tr("CSV file (*.csv)"));
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".csv");
    QString error;
    if (!saveTableAsCsv(*model_, path, &error))
        QMessageBox::warning(
            this, tr("Save table as CSV"),
            tr("Could not save %1:\n%2").arg(QDir::toNativeSeparators(path), error));
}

void TablePage::contextMenuEvent(QContextMenuEvent* event) {
    if (stack_->currentWidget() != view_) {
        event->ignore();
        return;
    }
    QMenu menu(this);
    QAction* copy = menu.addAction(tr("Copy"), this, &TablePage::copySelection);
    copy->setShortcut(QKeySequence::Copy);
    copy->setEnabled(view_->selectionModel()->hasSelection());
    QAction* all = menu.addAction(tr("Select all"), view_, &QTableView::selectAll);
    all->setShortcut(QKeySequence::SelectAll);
    menu.addSeparator();
    menu.addAction(tr("Save as CSV…"), this, &TablePage::saveAsCsvWithDialog);
    QAction* original = menu.addAction(tr("Restore table order"), this,
                                       [this] { view_->sortByColumn(-1, Qt::AscendingOrder); });
    original->setEnabled(model_->isSorted());
    menu.exec(event->globalPos());
}

void fitTableColumns(QTableView* view) {
    // The header's resize precision limits the rows measured, so this stays
    // quick on a million rows.
    view->resizeColumnsToContents();
    QHeaderView* header = view->horizontalHeader();
    for (int c = 0; c < header->count(); ++c)
        header->resizeSection(c, std::clamp(header->sectionSize(c), 90, 280));
}

QWidget* makeTablePage(const TablePtr& table, QWidget* parent) {
    return new TablePage(table, parent);
}

}  // namespace sluice
