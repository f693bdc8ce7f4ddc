#pragma once

#include <QPlainTextEdit>
#include <QString>

class QAction;

namespace sluice {

// The run log dock: one read-only line per message of a run, each with the
// time it arrived ("12:03:04  Iris flowers: 150 rows x 5 columns").
//
// Contract:
// - appendLine() adds one line at the end; errors are drawn in red and
//   warnings in the palette's warning tone. The view follows new lines only
//   while it is scrolled to the bottom, so reading older lines is not
//   interrupted by a running pipeline.
// - At most kMaxLines lines are kept: the oldest go first, so a chatty run
//   cannot grow memory without bound.
// - clearAction() (also in the context menu) empties the log.
class RunLog : public QPlainTextEdit {
    Q_OBJECT

public:
    enum class Severity { Info, Warning, Error };
    static constexpr int kMaxLines = 10000;

    explicit RunLog(QWidget* parent = nullptr);

    // An empty nodeLabel writes the text on its own (run-wide messages).
    void appendLine(const QString& nodeLabel, const QString& text,
                    Severity severity = Severity::Info);
    void clearLog();
    int lineCount() const;
    QAction* clearAction() const { return clearAction_; }

protected:
    void contextMenuEvent(QContextMenuEvent* event) override;

private:
    QAction* clearAction_;
};

}  // namespace sluice
