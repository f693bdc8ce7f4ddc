// Issue 25, item 10: the Help menu had only About. Help > Keyboard Shortcuts
// lists every menu command that has a shortcut, read from the real menu bar;
// Help > User Guide shows the README's chapters on using Sluice.
#include "app/main_window.h"
#include "app/shortcuts_dialog.h"
#include "app/user_guide_dialog.h"
#include "support/test_registry.h"

#include <QAction>
#include <QMenuBar>
#include <QTableWidget>
#include <QTextBrowser>
#include <QtTest>

using namespace sluice;

namespace {

// The row whose command is `command`, or -1.
int rowOf(const QTableWidget* table, const QString& command) {
    for (int r = 0; r < table->rowCount(); ++r)
        if (table->item(r, 1)->text() == command)
            return r;
    return -1;
}

}  // namespace

class TestShortcutsDialog : public QObject {
    Q_OBJECT

private slots:
    void helpMenuOpensTheListOfEveryShortcut() {
        MainWindow window;
        window.show();
        auto* action = window.findChild<QAction*>("shortcutsAction");
        QVERIFY(action);
        QVERIFY(window.menuBar()->findChild<QMenu*>("helpMenu")->actions().contains(action));
        action->trigger();
        auto* dialog = window.findChild<ShortcutsDialog*>();
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->isVisible());
        const QTableWidget* table = dialog->table();

        const int undo = rowOf(table, "Undo");
        QVERIFY(undo >= 0);
        QCOMPARE(table->item(undo, 0)->text(), QString("Edit"));
        QVERIFY2(table->item(undo, 2)->text().contains(
                     QKeySequence(QKeySequence::Undo).toString(QKeySequence::NativeText)),
                 qPrintable(table->item(undo, 2)->text()));
        const int run = rowOf(table, "Run");
        QVERIFY(run >= 0);
        QCOMPARE(table->item(run, 2)->text(), QString("F5"));
        QVERIFY(rowOf(table, "Open") >= 0);  // "&Open…" without mnemonic or ellipsis
        QVERIFY(rowOf(table, "Close the preview") >= 0);

        // Every command with a shortcut in the menus has its row.
        int withKeys = 0;
        for (const QAction* a : window.findChildren<QAction*>())
            if (!a->shortcuts().isEmpty() && !a->associatedObjects().isEmpty())
                for (QObject* o : a->associatedObjects())
                    if (qobject_cast<QMenu*>(o)) {
                        ++withKeys;
                        QVERIFY2(
                            rowOf(table,
                                  a->text().remove('&').remove(QStringLiteral("…")).trimmed()) >= 0,
                            qPrintable(a->text()));
                        break;
                    }
        QVERIFY(withKeys >= 15);
        QCOMPARE(table->rowCount(), withKeys + 1);  // + the preview's keys

        if (const QByteArray dir = qgetenv("SLUICE_GRAB_DIR"); !dir.isEmpty())
            dialog->grab().save(QString::fromLocal8Bit(dir) + "/shortcuts_dialog.png");
    }

    // Issue 25, item 10: Help > User Guide (F1) shows the README's chapters
    // on using Sluice, compiled into the binary; F1 again raises the same
    // window instead of opening a second one.
    void helpMenuOpensTheUserGuide() {
        const QString guide = UserGuideDialog::userGuideMarkdown();
        QVERIFY2(guide.contains("## The editor") &&
                     guide.contains("## The engine and sluice-run") &&
                     guide.contains("## Preparing data") && guide.contains("days_between(signup") &&
                     guide.contains("Connect by dragging from a port") &&
                     guide.contains("--set NODE.PARAM=VALUE"),
                 qPrintable(guide.left(300)));
        QVERIFY(guide.indexOf("## The editor") < guide.indexOf("## The engine"));
        for (const char* developer :
             {"## Quick start", "## Layout", "## Machine learning", "## Bundled datasets"})
            QVERIFY2(!guide.contains(developer), developer);  // stays in the README

        MainWindow window;
        window.show();
        auto* action = window.findChild<QAction*>("userGuideAction");
        QVERIFY(action);
        QVERIFY(action->shortcuts().contains(QKeySequence(QKeySequence::HelpContents)));
        QVERIFY(window.menuBar()->findChild<QMenu*>("helpMenu")->actions().contains(action));
        action->trigger();
        auto* dialog = window.findChild<UserGuideDialog*>();
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->isVisible());
        QVERIFY(!dialog->isModal());
        const QString shown = dialog->browser()->toPlainText();
        QVERIFY2(shown.contains("Connect by dragging from a port"), qPrintable(shown.left(300)));
        QVERIFY(!shown.contains("## "));  // rendered, not raw Markdown
        action->trigger();
        QCOMPARE(window.findChildren<UserGuideDialog*>().size(), 1);
        if (const QByteArray dir = qgetenv("SLUICE_GRAB_DIR"); !dir.isEmpty())
            dialog->grab().save(QString::fromLocal8Bit(dir) + "/user_guide.png");
    }
};

SLUICE_TEST_MAIN(TestShortcutsDialog)
#include "test_shortcuts_dialog.moc"
