// Help > User Guide (F1): the README's chapters on using Sluice, compiled
// into the binary (so an installed copy has them without the source tree)
// and shown as formatted text.
//
// Contract: userGuideMarkdown() is the README's chapters "The editor" and
// "The engine and sluice-run", each from its "## " heading to the next;
// building, installing, packaging and the code stay in the README. The
// dialog is not modal; links open in the system's browser.
#pragma once

#include <QDialog>
#include <QString>

class QTextBrowser;

namespace sluice {

class UserGuideDialog : public QDialog {
    Q_OBJECT

public:
    explicit UserGuideDialog(QWidget* parent = nullptr);
    QTextBrowser* browser() const { return browser_; }

    // The user guide as Markdown, cut from the compiled-in README.
    static QString userGuideMarkdown();

private:
    QTextBrowser* browser_;
};

}  // namespace sluice
