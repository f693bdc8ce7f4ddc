#include "views/history/runs_panel.h"

#include <QAction>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <optional>

#include <set>

#include "history/restore_plan.h"
#include "history/run_history.h"
#include "views/graph_document.h"
#include "views/history/run_compare.h"
#include "views/history/run_text.h"

namespace sluice {
namespace {

constexpr int kIdRole = Qt::UserRole;

QString statusText(const history::RunRecord& run) {
    if (run.status == "ok")
        return QObject::tr("ok");
    if (run.status == "failed") {
        int failed = 0;
        for (const auto& n : run.nodes)
            failed += n.status == "failed";
        return failed == 1 ? QObject::tr("failed (1 node)")
                           : QObject::tr("failed (%1 nodes)").arg(failed);
    }
    return QString::fromStdString(run.status);
}

}  // namespace

RunsPanel::RunsPanel(GraphDocument* document, QWidget* parent)
    : QWidget(parent), document_(document) {
    message_ = new QLabel(this);
    message_->setObjectName(QStringLiteral("runsMessage"));
    message_->setWordWrap(true);
    refreshButton_ = new QPushButton(tr("Re&fresh"), this);
    refreshButton_->setToolTip(tr("Read the run history again (runs made by sluice-run appear)"));
    restoreButton_ = new QPushButton(tr("&Restore parameters"), this);
    restoreButton_->setToolTip(
        tr("Set the pipeline's parameters to those of the selected run (Ctrl+Shift+R); undoable"));

    list_ = new QTreeWidget(this);
    list_->setObjectName(QStringLiteral("runList"));
    list_->setRootIsDecorated(false);
    list_->setUniformRowHeights(true);
    list_->setSelectionMode(QAbstractItemView::ExtendedSelection);
    list_->setAllColumnsShowFocus(true);
    list_->setHeaderLabels(
        {tr("Started"), tr("Source"), tr("Status"), tr("Duration"), tr("Metrics"), tr("Changed")});
    list_->header()->setStretchLastSection(true);
    list_->setAccessibleName(tr("Recorded runs"));

    restore_ = new QAction(tr("Restore parameters"), this);
    restore_->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    restore_->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    list_->addAction(restore_);
    list_->setContextMenuPolicy(Qt::ActionsContextMenu);

    compare_ = new RunCompare(this);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(message_, 1);
    buttons->addWidget(restoreButton_);
    buttons->addWidget(refreshButton_);
    auto* left = new QWidget(this);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addLayout(buttons);
    leftLayout->addWidget(list_, 1);
    auto* split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(left);
    split->addWidget(compare_);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 3);
    split->setChildrenCollapsible(false);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(split);

    connect(refreshButton_, &QPushButton::clicked, this, &RunsPanel::refresh);
    connect(restoreButton_, &QPushButton::clicked, this, &RunsPanel::restoreSelected);
    connect(restore_, &QAction::triggered, this, &RunsPanel::restoreSelected);
    connect(list_, &QTreeWidget::itemSelectionChanged, this, &RunsPanel::selectionChanged);
    setPipelinePath({});
}

void RunsPanel::setPipelinePath(const QString& path) {
    pipelinePath_ = path;
    refresh();
}

void RunsPanel::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    refresh();
}

void RunsPanel::refresh() {
    runs_.clear();
    warnings_.clear();
    if (!pipelinePath_.isEmpty()) {
        const history::RunHistory history(pipelinePath_.toStdString());
        history::RunHistory::Listing listing = history.list();
        runs_ = std::move(listing.runs);
        // The list needs no training curves; the compare view reads the
        // selected runs' from their files. Half of what a record holds, for
        // every run of a long session.
        for (history::RunRecord& run : runs_)
            std::vector<history::CurveRecord>().swap(run.curves);
        for (const std::string& w : listing.warnings)
            warnings_ << QString::fromStdString(w);
    }
    fillList();
}

void RunsPanel::fillList() {
    std::set<QString> selected;
    for (const QTreeWidgetItem* item : list_->selectedItems())
        selected.insert(item->data(TimeColumn, kIdRole).toString());
    const QString current = list_->currentItem()
                                ? list_->currentItem()->data(TimeColumn, kIdRole).toString()
                                : QString();

    const QSignalBlocker block(list_);
    list_->clear();
    for (const history::RunRecord& run : runs_) {
        auto* item = new QTreeWidgetItem(list_);
        const QString id = QString::fromStdString(run.id);
        item->setData(TimeColumn, kIdRole, id);
        item->setText(TimeColumn, runtext::localTime(run.started));
        item->setText(SourceColumn, QString::fromStdString(run.source));
        item->setText(StatusColumn, statusText(run));
        item->setText(DurationColumn, runtext::duration(run.seconds));
        item->setText(MetricsColumn, runtext::keyMetrics(run));
        item->setText(ChangesColumn, runtext::changes(run));
        QStringList changes;
        for (const auto& c : run.changes)
            changes << runtext::change(run, c);
        item->setToolTip(ChangesColumn, changes.isEmpty() ? runtext::changes(run)
                                                          : changes.join(QLatin1Char('\n')));
        item->setToolTip(MetricsColumn, runtext::keyMetrics(run, 100));
        item->setToolTip(
            TimeColumn,
            tr("Run %1\nPipeline sha256 %2").arg(id, QString::fromStdString(run.pipelineSha256)));
        if (!run.error.empty())
            item->setToolTip(StatusColumn, QString::fromStdString(run.error));
        if (run.status != "ok") {
            const QColor warn = run.status == "cancelled"
                                    ? palette().color(QPalette::PlaceholderText)
                                    : QColor(0xc0, 0x30, 0x30);
            item->setForeground(StatusColumn, warn);
        }
        item->setTextAlignment(DurationColumn, Qt::AlignRight | Qt::AlignVCenter);
        if (selected.count(id))
            item->setSelected(true);
        if (id == current)
            list_->setCurrentItem(item, TimeColumn, QItemSelectionModel::NoUpdate);
    }
    for (int c = 0; c < ChangesColumn; ++c)
        list_->resizeColumnToContents(c);

    QString text;
    if (pipelinePath_.isEmpty())
        text =
            tr("This pipeline is not saved, so its runs are not recorded. Save it (Ctrl+S) "
               "to keep a history of its runs beside the file.");
    else if (runs_.empty())
        text = tr("No runs recorded yet for %1. Run the pipeline (F5): every run, here or "
                  "with sluice-run, is listed.")
                   .arg(QFileInfo(pipelinePath_).fileName());
    else
        text = (runs_.size() == 1 ? tr("1 run of %1") : tr("%1 runs of %2").arg(runs_.size()))
                   .arg(QFileInfo(pipelinePath_).fileName());
    if (!warnings_.isEmpty())
        text +=
            QStringLiteral(" ") +
            (warnings_.size() == 1 ? tr("(1 damaged run file skipped)")
                                   : tr("(%1 damaged run files skipped)").arg(warnings_.size()));
    message_->setText(text);
    message_->setToolTip(warnings_.join(QLatin1Char('\n')));
    list_->setEnabled(!runs_.empty());
    selectionChanged();
}

std::vector<const history::RunRecord*> RunsPanel::selectedRuns() const {
    std::set<QString> ids;
    for (const QTreeWidgetItem* item : list_->selectedItems())
        ids.insert(item->data(TimeColumn, kIdRole).toString());
    std::vector<const history::RunRecord*> runs;
    for (const history::RunRecord& run : runs_)
        if (ids.count(QString::fromStdString(run.id)))
            runs.push_back(&run);
    return runs;
}

void RunsPanel::selectionChanged() {
    const auto selected = selectedRuns();
    std::vector<history::RunRecord> copies;
    const std::optional<history::RunHistory> history =
        selected.empty() ? std::nullopt
                         : std::optional<history::RunHistory>(pipelinePath_.toStdString());
    for (const auto* run : selected) {
        try {
            copies.push_back(history->load(run->id));  // with its curves
        } catch (const std::exception&) {
            copies.push_back(*run);  // gone or damaged since: what the list has
        }
    }
    compare_->setRuns(std::move(copies));
    const bool one = selected.size() == 1;
    restore_->setEnabled(one);
    restoreButton_->setEnabled(one);
}

void RunsPanel::restoreSelected() {
    const auto selected = selectedRuns();
    if (selected.size() != 1) {
        emit statusMessage(tr("Select one run to restore its parameters"));
        return;
    }
    restoreParameters(selected.front()->id);
}

QString RunsPanel::restoreParameters(const std::string& id) {
    const history::RunRecord* run = nullptr;
    for (const auto& r : runs_)
        if (r.id == id)
            run = &r;
    QString text;
    if (!run || !document_) {
        text = tr("No run %1 to restore").arg(QString::fromStdString(id));
        emit statusMessage(text);
        return text;
    }
    const QString started = runtext::localTime(run->started);
    const history::RestorePlan plan =
        history::planRestore(*run, document_->graph(), document_->registry(),
                             QFileInfo(pipelinePath_).absolutePath().toStdString());
    QStringList refused;
    int applied = 0;
    if (!plan.edits.empty()) {
        document_->beginEditGroup(tr("Restore parameters of the run of %1").arg(started));
        for (const history::ParamEdit& edit : plan.edits) {
            if (const auto why = document_->setParam(edit.node, edit.param, edit.value))
                refused << runtext::nodeName(*run, edit.node) + QStringLiteral(": ") +
                               QString::fromStdString(*why);
            else
                ++applied;
        }
        document_->endEditGroup();
    }
    if (plan.edits.empty())
        text = tr("The pipeline already has the parameters of the run of %1").arg(started);
    else
        text =
            (applied == 1 ? tr("Restored 1 parameter of the run of %1 (Undo reverts)").arg(started)
                          : tr("Restored %1 parameters of the run of %2 (Undo reverts)")
                                .arg(applied)
                                .arg(started));
    if (!plan.skipped.empty()) {
        QStringList names;
        for (const auto& node : plan.skipped)
            names << runtext::nodeName(*run, node);
        text += QStringLiteral("; ") +
                tr("not in the pipeline any more: %1").arg(names.join(QStringLiteral(", ")));
    }
    if (!refused.isEmpty())
        text += QStringLiteral("; ") + tr("refused: %1").arg(refused.join(QStringLiteral("; ")));
    emit statusMessage(text);
    return text;
}

}  // namespace sluice
