// Help > Keyboard Shortcuts: every menu command that has a shortcut, read
// from the menu bar when the dialog opens (so it cannot fall out of date),
// plus the keys of windows without a menu (output previews).
//
// Contract: one row per (menu, command, shortcut) with the menu's and the
// command's text without mnemonics or a trailing ellipsis and the shortcuts
// in the platform's notation (QKeySequence::NativeText), in menu order.
#pragma once

#include <QDialog>

class QMenuBar;
class QTableWidget;

namespace sluice {

class ShortcutsDialog : public QDialog {
    Q_OBJECT

public:
    ShortcutsDialog(const QMenuBar* menus, QWidget* parent = nullptr);
    QTableWidget* table() const { return table_; }

private:
    QTableWidget* table_;
};

}  // namespace sluice
