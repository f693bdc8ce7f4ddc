#include "app/shortcuts_dialog.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QKeySequence>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QTableWidget>
#include <QVBoxLayout>

namespace sluice {
namespace {

// "&Open…" -> "Open"; "Save &As..." -> "Save As"; "&&" stays one "&".
QString plain(QString text) {
    text.replace(QStringLiteral("&&"), QStringLiteral("\x01"));
    text.remove(QLatin1Char('&'));
    text.replace(QStringLiteral("\x01"), QStringLiteral("&"));
    if (text.endsWith(QStringLiteral("…")))
        text.chop(1);
    else if (text.endsWith(QStringLiteral("...")))
        text.chop(3);
    return text.trimmed();
}

void addRow(QTableWidget* table, const QString& where, const QString& what, const QString& keys) {
    const int row = table->rowCount();
    table->insertRow(row);
    table->setItem(row, 0, new QTableWidgetItem(where));
    table->setItem(row, 1, new QTableWidgetItem(what));
    table->setItem(row, 2, new QTableWidgetItem(keys));
}

void addMenu(QTableWidget* table, const QString& where, const QMenu* menu) {
    for (const QAction* action : menu->actions()) {
        if (action->menu()) {
            addMenu(table, where + QStringLiteral(" › ") + plain(action->menu()->title()),
                    action->menu());
            continue;
        }
        if (action->isSeparator() || action->shortcuts().isEmpty())
            continue;
        QStringList keys;
        for (const QKeySequence& k : action->shortcuts())
            keys << k.toString(QKeySequence::NativeText);
        addRow(table, where, plain(action->text()), keys.join(QStringLiteral(", ")));
    }
}

}  // namespace

ShortcutsDialog::ShortcutsDialog(const QMenuBar* menus, QWidget* parent)
    : QDialog(parent), table_(new QTableWidget(0, 3, this)) {
    setWindowTitle(tr("Keyboard Shortcuts"));
    table_->setObjectName(QStringLiteral("shortcutsTable"));
    table_->setHorizontalHeaderLabels({tr("Menu"), tr("Command"), tr("Keys")});
    table_->verticalHeader()->hide();
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->horizontalHeader()->setStretchLastSection(true);
    for (const QAction* action : menus->actions())
        if (action->menu())
            addMenu(table_, plain(action->menu()->title()), action->menu());
    const QString preview = tr("Output preview");
    addRow(table_, preview, tr("Close the preview"),
           QKeySequence(Qt::Key_Escape).toString(QKeySequence::NativeText) + QStringLiteral(", ") +
               QKeySequence(QKeySequence::Close).toString(QKeySequence::NativeText));
    table_->resizeColumnsToContents();

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(table_);
    layout->addWidget(buttons);
    resize(520, 480);
}

}  // namespace sluice
