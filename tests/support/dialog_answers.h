// Answering the modal dialogs a GUI test opens: each helper waits (by
// re-posting itself to the event loop) until the dialog is the active modal
// widget, then answers it, so the test can call the code that opens it
// right after.
#pragma once

#include <QAbstractButton>
#include <QApplication>
#include <QFileDialog>
#include <QMessageBox>
#include <QString>
#include <QTimer>

namespace sluice::testing {

// Selects `path` in the next file dialog and accepts it.
inline void answerFileDialog(const QString& path) {
    QTimer::singleShot(0, [path] {
        auto* dialog = qobject_cast<QFileDialog*>(QApplication::activeModalWidget());
        if (!dialog) {
            answerFileDialog(path);  // not shown yet: look again
            return;
        }
        dialog->selectFile(path);
        QMetaObject::invokeMethod(dialog, "accept");  // protected in QFileDialog
    });
}

// Answers the next message box with `button` (NoButton: accepts it); its
// text goes to `text`. A box without that button is rejected, and the
// test's own checks then say so.
inline void answerMessageBox(QString* text,
                             QMessageBox::StandardButton button = QMessageBox::NoButton) {
    QTimer::singleShot(0, [text, button] {
        auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
        if (!box) {
            answerMessageBox(text, button);
            return;
        }
        *text = box->text();
        if (button == QMessageBox::NoButton)
            box->accept();
        else if (QAbstractButton* b = box->button(button))
            b->click();
        else
            box->reject();
    });
}

}  // namespace sluice::testing
