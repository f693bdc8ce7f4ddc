// MiddleElidedEdit: a line edit that, while it does not have the focus,
// shows a text too long for it with its middle elided
// ("/home/ana/…/data/wine.csv"), so both the start and the file name stay
// visible in a narrow inspector. The tooltip is the full text, then the help
// (setHelp); focused, it edits the whole text like any QLineEdit. text() is
// never elided.
#pragma once

#include <QLineEdit>

namespace sluice {

class MiddleElidedEdit : public QLineEdit {
    Q_OBJECT

public:
    explicit MiddleElidedEdit(QWidget* parent = nullptr);

    // The help shown in the tooltip under the full text.
    void setHelp(const QString& help);
    // Sets the tooltip from the text: done on every textChanged, and to be
    // called after a setText made with signals blocked.
    void updateToolTip();

    // What is drawn now (elided when unfocused and too long): for tests.
    QString shownText() const;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    QRect textArea() const;

    QString help_;
};

}  // namespace sluice
