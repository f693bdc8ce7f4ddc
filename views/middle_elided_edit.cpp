#include "views/middle_elided_edit.h"

#include <QPainter>
#include <QStyle>
#include <QStyleOptionFrame>

namespace sluice {

MiddleElidedEdit::MiddleElidedEdit(QWidget* parent) : QLineEdit(parent) {
    connect(this, &QLineEdit::textChanged, this, [this] {
        updateToolTip();
        update();
    });
}

void MiddleElidedEdit::setHelp(const QString& help) {
    help_ = help;
    updateToolTip();
}

void MiddleElidedEdit::updateToolTip() {
    const QString full = text();
    setToolTip(full.isEmpty()    ? help_
               : help_.isEmpty() ? full
                                 : full + QStringLiteral("\n\n") + help_);
}

QRect MiddleElidedEdit::textArea() const {
    QStyleOptionFrame option;
    initStyleOption(&option);
    const QMargins margins = textMargins();
    // QLineEdit's own inset of its text from the contents rectangle.
    constexpr int kInset = 2;
    return style()
        ->subElementRect(QStyle::SE_LineEditContents, &option, this)
        .marginsRemoved(margins)
        .adjusted(kInset, 0, -kInset, 0);
}

QString MiddleElidedEdit::shownText() const {
    if (hasFocus())
        return text();
    return fontMetrics().elidedText(text(), Qt::ElideMiddle, textArea().width());
}

void MiddleElidedEdit::paintEvent(QPaintEvent* event) {
    const QString shown = shownText();
    if (shown == text()) {
        QLineEdit::paintEvent(event);
        return;
    }
    // The frame as QLineEdit draws it, then the elided text in its place.
    QPainter painter(this);
    QStyleOptionFrame option;
    initStyleOption(&option);
    style()->drawPrimitive(QStyle::PE_PanelLineEdit, &option, &painter, this);
    painter.setPen(
        palette().color(isEnabled() ? QPalette::Active : QPalette::Disabled, QPalette::Text));
    painter.drawText(textArea(), Qt::AlignLeft | Qt::AlignVCenter, shown);
}

}  // namespace sluice
