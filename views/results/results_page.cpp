#include "views/results/results_page.h"

#include <QLabel>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QVBoxLayout>

#include "nodes/metric_names.h"
#include "nodes/results.h"
#include "views/charts/chart_view.h"
#include "views/results/confusion_heatmap.h"
#include "views/results/curve_charts.h"
#include "views/results/cv_view.h"
#include "views/results/drift_view.h"
#include "views/results/importance_view.h"
#include "views/results/metrics_table.h"
#include "views/results/regression_charts.h"

namespace sluice {
namespace {

// The metrics a person looks at first, by task; the table has all of them.
QString headline(const Results& r) {
    if (r.kind == ResultKind::Drift)
        return driftHeadline(r);
    static const char* classification[] = {"accuracy", "balanced_accuracy", "f1_macro", "roc_auc",
                                           "log_loss"};
    static const char* regression[] = {"r2", "rmse", "mae"};
    QStringList parts;
    const auto add = [&](const char* name) {
        if (const auto it = r.metrics.find(name); it != r.metrics.end())
            parts << QStringLiteral("%1 <b>%2</b>")
                         .arg(QString::fromStdString(metricDisplayName(name)),
                              displayNumber(it->second));
    };
    if (r.task == "regression")
        for (const char* n : regression)
            add(n);
    else
        for (const char* n : classification)
            add(n);
    if (r.matrix.size() > 0)
        parts.prepend(QObject::tr("%1 rows").arg(static_cast<qint64>(r.matrix.sum())));
    else if (r.table && r.kind == ResultKind::Scores)
        parts.prepend(QObject::tr("%1 rows").arg(r.table->rowCount()));
    return parts.join(QStringLiteral(" &nbsp;·&nbsp; "));
}

// A chart with its sampling note (if any) underneath.
QWidget* withNote(ChartView* chart, QWidget* parent) {
    const QString note = chart->property("sampleNote").toString();
    if (note.isEmpty())
        return chart;
    auto* box = new QWidget(parent);
    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    chart->setParent(box);
    layout->addWidget(chart, 1);
    auto* label = new QLabel(note, box);
    label->setObjectName(QStringLiteral("sampleNote"));
    QFont italic = label->font();
    italic.setItalic(true);
    label->setFont(italic);
    label->setAlignment(Qt::AlignRight);
    layout->addWidget(label);
    return box;
}

// Metrics, and the counts of a confusion matrix beneath them.
QWidget* metricsPage(const Results& r, QWidget* parent) {
    if (r.matrix.size() == 0)
        return makeMetricsTable(r.metrics, parent);
    auto* splitter = new QSplitter(Qt::Horizontal, parent);
    splitter->addWidget(makeMetricsTable(r.metrics, splitter));
    auto* box = new QWidget(splitter);
    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(4, 0, 0, 0);
    auto* caption = new QLabel(
        QObject::tr("Confusion matrix counts (rows: true class, columns: predicted class)"), box);
    caption->setWordWrap(true);
    layout->addWidget(caption);
    layout->addWidget(makeMatrixTable(r.labels, r.matrix, box), 1);
    splitter->addWidget(box);
    splitter->setSizes({300, 440});
    return splitter;
}

void addClassificationTabs(const Results& r, QTabWidget* tabs) {
    if (r.matrix.size() > 0) {
        QStringList labels;
        for (const auto& l : r.labels)
            labels << QString::fromStdString(l);
        auto* heatmap = new ConfusionHeatmap(labels, r.matrix, tabs);
        heatmap->setObjectName(QStringLiteral("confusionHeatmap"));
        heatmap->setToolTip(QString());
        tabs->addTab(heatmap, QObject::tr("Confusion matrix"));
    }
    if (!r.curves.empty())
        tabs->addTab(makeRocChart(r.curves, tabs), QObject::tr("ROC"));
    if (!r.precisionRecall.empty())
        tabs->addTab(makePrecisionRecallChart(r.precisionRecall, tabs),
                     QObject::tr("Precision–recall"));
    if (!r.metrics.empty() || r.matrix.size() > 0)
        tabs->addTab(metricsPage(r, tabs), QObject::tr("Metrics"));
    if (r.table)
        tabs->addTab(makeDetailTable(r.table, tabs), QObject::tr("Details"));
}

bool addRegressionTabs(const Results& r, QTabWidget* tabs) {
    if (!r.table)
        return false;
    ChartView* scatter = makePredictedVsActualChart(*r.table, tabs);
    if (!scatter)
        return false;
    tabs->addTab(withNote(scatter, tabs), QObject::tr("Predicted vs actual"));
    tabs->addTab(withNote(makeResidualChart(*r.table, tabs), tabs), QObject::tr("Residuals"));
    tabs->addTab(makeMetricsTable(r.metrics, tabs), QObject::tr("Metrics"));
    tabs->addTab(makeDetailTable(r.table, tabs), QObject::tr("Predictions"));
    return true;
}

bool addCrossValidationTabs(const Results& r, QTabWidget* tabs) {
    if (!r.table)
        return false;
    CvSummary summary = summarizeCrossValidation(*r.table);
    if (summary.learners.isEmpty())
        return false;
    tabs->addTab(new CrossValidationView(std::move(summary), tabs), QObject::tr("Comparison"));
    tabs->addTab(makeDetailTable(r.table, tabs), QObject::tr("Folds"));
    return true;
}

bool addImportanceTabs(const Results& r, QTabWidget* tabs) {
    if (!r.table)
        return false;
    const Importances importances = readImportances(*r.table);
    if (importances.features.isEmpty())
        return false;
    tabs->addTab(makeImportanceView(importances, tabs), QObject::tr("Importance"));
    return true;
}

bool addDriftTabs(const Results& r, QTabWidget* tabs) {
    if (!r.table)
        return false;
    tabs->addTab(new DriftView(r, tabs), QObject::tr("Drift"));
    tabs->addTab(makeDetailTable(r.table, tabs), QObject::tr("Details"));
    return true;
}

}  // namespace

QWidget* makeResultsPage(const Results& results, QWidget* parent) {
    auto* page = new QWidget(parent);
    auto* layout = new QVBoxLayout(page);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->setSpacing(6);
    if (const QString line = headline(results); !line.isEmpty()) {
        auto* label = new QLabel(line, page);
        label->setObjectName(QStringLiteral("resultsHeadline"));
        label->setTextFormat(Qt::RichText);
        layout->addWidget(label);
    }
    auto* tabs = new QTabWidget(page);
    tabs->setObjectName(QStringLiteral("resultsTabs"));
    tabs->setDocumentMode(true);
    layout->addWidget(tabs, 1);

    bool shown = false;
    // The one place a result kind meets its page. No default: a new
    // ResultKind fails the build (-Wswitch) until it is given one here.
    switch (results.kind) {
        case ResultKind::CrossValidation:
            shown = addCrossValidationTabs(results, tabs);
            break;
        case ResultKind::Importance:
            shown = addImportanceTabs(results, tabs);
            break;
        case ResultKind::Drift:
            shown = addDriftTabs(results, tabs);
            break;
        case ResultKind::Scores:
        case ResultKind::ConfusionMatrix:
        case ResultKind::Roc:
            if (results.task == "regression")
                shown = addRegressionTabs(results, tabs);
            break;
    }
    if (!shown) {
        // Classification, and the plain fallback for anything else: every
        // part the results have, each in its view.
        addClassificationTabs(results, tabs);
    }
    if (tabs->count() == 0)
        tabs->addTab(new QLabel(QObject::tr("These results hold no numbers."), tabs),
                     QObject::tr("Results"));
    return page;
}

}  // namespace sluice
