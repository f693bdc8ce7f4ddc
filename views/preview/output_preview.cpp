#include "views/preview/output_preview.h"

#include <QKeySequence>
#include <QLabel>
#include <QShortcut>
#include <QTabWidget>
#include <QVBoxLayout>

#include "nodes/results.h"
#include "views/preview/model_page.h"
#include "views/preview/table_page.h"
#include "views/preview/transform_page.h"
#include "views/results/results_page.h"

namespace sluice {

OutputPreview::OutputPreview(QWidget* parent)
    : QWidget(parent, Qt::Window), tabs_(new QTabWidget(this)) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(tabs_);
    resize(760, 520);
    // A preview is a glance: Esc and the platform's Close (Ctrl+W) put it
    // away, as in other tools' secondary windows (issue 25).
    for (const QKeySequence& keys :
         {QKeySequence(Qt::Key_Escape), QKeySequence(QKeySequence::Close)})
        connect(new QShortcut(keys, this), &QShortcut::activated, this, &QWidget::close);
}

void OutputPreview::setOutputs(const QString& title, const PortValues& outputs) {
    setWindowTitle(tr("%1 — output").arg(title));
    while (tabs_->count() > 0) {
        QWidget* page = tabs_->widget(0);
        tabs_->removeTab(0);
        page->deleteLater();
    }
    for (const auto& [port, value] : outputs) {
        QWidget* page = nullptr;
        if (const auto* table = std::get_if<TablePtr>(&value); table && *table)
            page = makeTablePage(*table, tabs_);
        else if (const auto* results = std::get_if<ResultsValue>(&value); results && *results)
            page = makeResultsPage(**results, tabs_);
        else if (const auto* transform = std::get_if<TransformValue>(&value);
                 transform && *transform)
            page = makeTransformPage(*transform, tabs_);
        else if (const auto* model = std::get_if<ModelValue>(&value); model && *model)
            page = makeModelPage(*model, tabs_);
        else if (const auto* learner = std::get_if<LearnerValue>(&value);
                 learner && learner->learner)
            page = makeLearnerPage(*learner, tabs_);
        if (!page) {
            auto* label = new QLabel(QString::fromStdString(describe(value)), tabs_);
            label->setWordWrap(true);
            label->setAlignment(Qt::AlignTop | Qt::AlignLeft);
            label->setMargin(12);
            page = label;
        }
        tabs_->addTab(page, QString::fromStdString(port));
    }
    // Ports come in name order; open on the first that is not the unfitted
    // learner a train node passes on (its model says more).
    int first = 0;
    for (const auto& [port, value] : outputs) {
        if (!std::holds_alternative<LearnerValue>(value))
            break;
        ++first;
    }
    if (first < tabs_->count())
        tabs_->setCurrentIndex(first);
    if (outputs.empty())
        tabs_->addTab(new QLabel(tr("This node has produced no output yet."), tabs_), tr("Output"));
}

}  // namespace sluice
