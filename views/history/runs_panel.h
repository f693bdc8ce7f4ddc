// RunsPanel: the Runs dock. Lists the recorded runs of the open pipeline
// (history/run_history.h), newest first, compares the selected ones and
// restores the parameters of one.
//
// Contract:
// - setPipelinePath() points the panel at a pipeline file and reloads; an
//   empty path (an unsaved pipeline) shows why nothing is recorded instead
//   of a list. refresh() re-reads the folder (after a run, or runs made by
//   sluice-run), keeping the selection by run id; it also happens whenever
//   the panel is shown.
// - Columns: start time (local), source, status, duration, key metrics
//   (scores), changed parameters (against the previous run). Damaged run
//   files are skipped; the panel says how many, naming them in a tooltip.
// - Selecting runs fills the compare view (run_compare.h) with those runs
//   read again from their files: the list keeps its records without their
//   training curves, so a long history costs half the memory (runs()).
// - Restore parameters (button, context menu, Ctrl+Shift+R in the list)
//   applies the parameters of the one selected run to the document as ONE
//   undo step through GraphDocument (history/restore_plan.h); what cannot be
//   restored is said in statusMessage(). The panel never edits a Graph
//   itself.
#pragma once

#include <QString>
#include <QWidget>

#include <vector>

#include "history/run_record.h"

class QAction;
class QLabel;
class QPushButton;
class QStackedWidget;
class QTreeWidget;

namespace sluice {

class GraphDocument;
class RunCompare;

class RunsPanel : public QWidget {
    Q_OBJECT

public:
    enum Column {
        TimeColumn,
        SourceColumn,
        StatusColumn,
        DurationColumn,
        MetricsColumn,
        ChangesColumn
    };

    explicit RunsPanel(GraphDocument* document, QWidget* parent = nullptr);

    void setPipelinePath(const QString& path);
    QString pipelinePath() const { return pipelinePath_; }
    void refresh();

    // The runs listed, newest first (the list's row order).
    const std::vector<history::RunRecord>& runs() const { return runs_; }
    QTreeWidget* runList() const { return list_; }
    RunCompare* compare() const { return compare_; }
    QAction* restoreAction() const { return restore_; }
    // The empty-state or warning text above the list.
    QLabel* message() const { return message_; }

    // Restores the parameters of run `id` (one undo step); returns what
    // happened, as also sent to statusMessage().
    QString restoreParameters(const std::string& id);

signals:
    void statusMessage(const QString& text);

protected:
    void showEvent(QShowEvent* event) override;

private:
    void fillList();
    void selectionChanged();
    void restoreSelected();
    std::vector<const history::RunRecord*> selectedRuns() const;

    GraphDocument* document_;
    QString pipelinePath_;
    std::vector<history::RunRecord> runs_;
    QStringList warnings_;
    QLabel* message_;
    QPushButton* refreshButton_;
    QPushButton* restoreButton_;
    QAction* restore_;
    QTreeWidget* list_;
    RunCompare* compare_;
};

}  // namespace sluice
