#include "views/preview/model_page.h"

#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

#include <cmath>

#include "data/number_text.h"
#include "nodes/evaluate_nodes/importance_results.h"
#include "nodes/node_registry.h"
#include "views/results/importance_view.h"

namespace sluice {
namespace {

QString learnerName(std::string_view kind) {
    const NodeType* type = builtinNodes().find("train." + std::string(kind));
    return type ? QString::fromStdString(type->info().displayName)
                : QString::fromUtf8(kind.data(), static_cast<qsizetype>(kind.size()));
}

QString joined(const std::vector<std::string>& items, std::size_t most) {
    QStringList out;
    for (std::size_t i = 0; i < items.size() && i < most; ++i)
        out << QString::fromStdString(items[i]);
    if (items.size() > most)
        out << QObject::tr("… %1 more").arg(items.size() - most);
    return out.join(QStringLiteral(", "));
}

QString summaryText(const ml::TrainedPipeline& p) {
    const ml::Model& m = p.model();
    QStringList lines;
    lines << QObject::tr("<b>%1</b> · %2")
                 .arg(learnerName(m.kind()).toHtmlEscaped(),
                      QString::fromUtf8(ml::taskName(m.task()).data()));
    if (!p.targetColumn().empty()) {
        QString target =
            QObject::tr("Target: %1").arg(QString::fromStdString(p.targetColumn()).toHtmlEscaped());
        if (const auto* labels = p.labels())
            target += QObject::tr(" (%1 classes: %2)")
                          .arg(labels->classCount())
                          .arg(joined(labels->labels(), 8).toHtmlEscaped());
        lines << target;
    }
    lines << QObject::tr("%1 features: %2")
                 .arg(p.features().size())
                 .arg(joined(p.features(), 12).toHtmlEscaped());
    const ml::FitStatus& s = m.status;
    QString fit = s.converged ? QObject::tr("Converged") : QObject::tr("Did not converge");
    if (s.iterations > 0)
        fit += QObject::tr(" after %1 iterations").arg(s.iterations);
    if (!std::isnan(s.finalLoss))
        fit +=
            QObject::tr(", final loss %1").arg(QString::fromStdString(formatNumber(s.finalLoss)));
    lines << fit;
    for (const auto& w : s.warnings)
        lines << QObject::tr("Warning: %1").arg(QString::fromStdString(w).toHtmlEscaped());
    return lines.join(QStringLiteral("<br>"));
}

}  // namespace

QWidget* makeModelPage(const ModelValue& model, QWidget* parent) {
    auto* page = new QWidget(parent);
    auto* layout = new QVBoxLayout(page);
    auto* summary = new QLabel(summaryText(*model), page);
    summary->setObjectName(QStringLiteral("modelSummary"));
    summary->setTextFormat(Qt::RichText);
    summary->setWordWrap(true);
    summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(summary);
    if (const auto importances = importanceResults(*model); importances && importances->table) {
        layout->addWidget(makeImportanceView(readImportances(*importances->table), page), 1);
    } else {
        auto* none = new QLabel(
            QObject::tr("This model reports no feature importances or coefficients."), page);
        none->setEnabled(false);
        layout->addWidget(none);
        layout->addStretch(1);
    }
    return page;
}

QWidget* makeLearnerPage(const LearnerValue& learner, QWidget* parent) {
    auto* page = new QWidget(parent);
    auto* layout = new QVBoxLayout(page);
    auto* about = new QLabel(
        QObject::tr("<b>%1</b> · unfitted: the hyperparameters Cross-validate fits on each fold.")
            .arg(learnerName(learner.learner->kind()).toHtmlEscaped()),
        page);
    about->setWordWrap(true);
    layout->addWidget(about);
    const nlohmann::json params = learner.learner->params();
    auto* table = new QTableWidget(static_cast<int>(params.size()), 2, page);
    table->setObjectName(QStringLiteral("learnerParams"));
    table->setHorizontalHeaderLabels({QObject::tr("Parameter"), QObject::tr("Value")});
    table->verticalHeader()->hide();
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    int row = 0;
    for (const auto& [name, value] : params.items()) {
        table->setItem(row, 0, new QTableWidgetItem(QString::fromStdString(name)));
        const std::string text = value.is_string() ? value.get<std::string>() : value.dump();
        table->setItem(row++, 1, new QTableWidgetItem(QString::fromStdString(text)));
    }
    table->resizeColumnsToContents();
    table->horizontalHeader()->setStretchLastSection(true);
    layout->addWidget(table, 1);
    return page;
}

}  // namespace sluice
