#include "app/sweep_dialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

#include <cmath>

#include "app/document.h"
#include "app/sweep_chart.h"
#include "app/sweep_controller.h"
#include "nodes/metric_names.h"
#include "nodes/node_registry.h"
#include "views/qt_text.h"

namespace sluice {
namespace {

constexpr int kExtraMetrics = 3;  // metrics of the chosen node shown beside it

bool sweepable(ParamKind kind) {
    return kind == ParamKind::Int || kind == ParamKind::Float || kind == ParamKind::Choice ||
           kind == ParamKind::Bool;
}

QString number(double v) {
    return QString::number(v, 'g', 4);
}

std::string nodeOf(const std::string& column) {
    return column.substr(0, column.find('.'));
}

}  // namespace

SweepDialog::SweepDialog(Document* document, QString baseDirectory, const std::string& selectedNode,
                         QWidget* parent)
    : QDialog(parent),
      document_(document),
      baseDirectory_(std::move(baseDirectory)),
      controller_(new SweepController(document->registry(), this)) {
    setObjectName(QStringLiteral("sweepDialog"));
    setWindowTitle(tr("Parameter sweep"));
    const Graph& graph = document_->graph();
    for (const auto& node : graph.nodes()) {
        const NodeType* type = document_->registry().find(node.type);
        if (!type)
            continue;
        const QString name = qstr(node.title.empty() ? node.id : node.title);
        for (const auto& p : type->info().params)
            if (sweepable(p.kind))
                params_.push_back({node.id, p.name,
                                   name + QStringLiteral(" \u203a ") + qstr(p.label) + " (" +
                                       qstr(p.name) + ")"});
    }
    buildForm();
    offerNode(selectedNode);  // the selected node's first parameter, as a starting point
    connect(controller_, &SweepController::rowsChanged, this, &SweepDialog::onRows);
    connect(controller_, &SweepController::finished, this, &SweepDialog::onFinished);
    chartTimer_.setSingleShot(true);
    chartTimer_.setInterval(250);
    connect(&chartTimer_, &QTimer::timeout, this, &SweepDialog::refreshChart);
    validate();
    resize(1100, 720);
}

SweepDialog::~SweepDialog() {
    // Children outlive this class's members (QWidget deletes them later):
    // none of their signals may reach validate() or the table code now.
    for (QObject* child : findChildren<QObject*>())
        QObject::disconnect(child, nullptr, this, nullptr);
    chartTimer_.stop();
}

void SweepDialog::buildForm() {
    auto* axesBox = new QGroupBox(tr("Parameters to vary"));
    axes_ = new QTableWidget(0, 2);
    axes_->setObjectName(QStringLiteral("axesTable"));
    axes_->setHorizontalHeaderLabels({tr("Parameter"), tr("Values")});
    axes_->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    axes_->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    axes_->verticalHeader()->hide();
    axes_->setMaximumHeight(110);
    auto* add = new QPushButton(tr("Add parameter"));
    auto* remove = new QPushButton(tr("Remove"));
    connect(add, &QPushButton::clicked, this, [this] {
        if (!params_.empty())
            addAxisRow(0, {});
    });
    connect(remove, &QPushButton::clicked, this, [this] {
        if (axes_->currentRow() >= 0)
            axes_->removeRow(axes_->currentRow());
        validate();
    });
    auto* help =
        new QLabel(tr("Values: a list (1,3,5 or gini,entropy) or a range: 1..10:4 (4 values), "
                      "0.001..0.1:log:5 (log scale), 2..20:step:3."));
    help->setWordWrap(true);
    help->setEnabled(false);

    mode_ = new QComboBox;
    mode_->setObjectName(QStringLiteral("modeBox"));
    mode_->addItems({tr("Grid: every combination"), tr("Random: samples")});
    samples_ = new QSpinBox;
    samples_->setRange(1, static_cast<int>(sweep::kMaxCombinations));
    samples_->setValue(20);
    seed_ = new QSpinBox;
    seed_->setRange(0, 1'000'000);
    status_ = new QLabel;
    status_->setObjectName(QStringLiteral("sweepStatus"));
    metric_ = new QComboBox;
    metric_->setObjectName(QStringLiteral("metricBox"));
    metric_->addItem(tr("automatic"), QString());
    metric_->setSizeAdjustPolicy(QComboBox::AdjustToContents);

    auto* buttonsRow = new QHBoxLayout;
    buttonsRow->addWidget(add);
    buttonsRow->addWidget(remove);
    buttonsRow->addStretch();
    auto* modeRow = new QHBoxLayout;
    modeRow->addWidget(mode_);
    modeRow->addWidget(new QLabel(tr("Samples")));
    modeRow->addWidget(samples_);
    modeRow->addWidget(new QLabel(tr("Seed")));
    modeRow->addWidget(seed_);
    modeRow->addSpacing(16);
    modeRow->addWidget(new QLabel(tr("Best by")));
    modeRow->addWidget(metric_);
    modeRow->addStretch();
    auto* axesLayout = new QVBoxLayout(axesBox);
    axesLayout->addWidget(axes_);
    axesLayout->addLayout(buttonsRow);
    axesLayout->addWidget(help);
    axesLayout->addLayout(modeRow);
    axesLayout->addWidget(status_);

    results_ = new QTableWidget;
    results_->setObjectName(QStringLiteral("sweepResults"));
    results_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    results_->setSelectionBehavior(QAbstractItemView::SelectRows);
    results_->verticalHeader()->hide();
    chart_ = new SweepChart;
    chart_->setObjectName(QStringLiteral("sweepChart"));
    auto* split = new QSplitter(Qt::Horizontal);
    split->addWidget(results_);
    split->addWidget(chart_);
    split->setSizes({560, 480});

    start_ = new QPushButton(tr("Start sweep"));
    start_->setObjectName(QStringLiteral("startSweep"));
    start_->setDefault(true);
    stop_ = new QPushButton(tr("Stop"));
    stop_->setEnabled(false);
    apply_ = new QPushButton(tr("Apply best"));
    apply_->setObjectName(QStringLiteral("applyBest"));
    apply_->setEnabled(false);
    apply_->setToolTip(tr("Set the best combination's values in the pipeline (one undo step)"));
    auto* close = new QPushButton(tr("Close"));
    auto* bottom = new QHBoxLayout;
    bottom->addWidget(start_);
    bottom->addWidget(stop_);
    bottom->addStretch();
    bottom->addWidget(apply_);
    bottom->addWidget(close);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(axesBox);
    layout->addWidget(split, 1);
    layout->addLayout(bottom);

    connect(start_, &QPushButton::clicked, this, &SweepDialog::start);
    connect(stop_, &QPushButton::clicked, controller_, &SweepController::stop);
    connect(apply_, &QPushButton::clicked, this, &SweepDialog::applyBest);
    connect(close, &QPushButton::clicked, this, &QDialog::close);
    connect(mode_, &QComboBox::currentIndexChanged, this, &SweepDialog::validate);
    connect(samples_, &QSpinBox::valueChanged, this, &SweepDialog::validate);
    connect(metric_, &QComboBox::currentIndexChanged, this, [this] {
        rebuildTable();
        refreshChart();
        showOutcome();
    });
}

QString SweepDialog::suggestion(const Param& p) const {
    const GraphNode* node = document_->graph().node(p.node);
    const NodeType* type = node ? document_->registry().find(node->type) : nullptr;
    const ParamSpec* spec = type ? type->param(p.param) : nullptr;
    if (!spec)
        return {};
    const nlohmann::json params = type->withDefaults(node->params);
    const nlohmann::json now = params.value(p.param, spec->defaultValue);
    switch (spec->kind) {
        case ParamKind::Choice:
            return qstr([&] {
                std::string s;
                for (const auto& c : spec->choices)
                    s += (s.empty() ? "" : ",") + c;
                return s;
            }());
        case ParamKind::Bool:
            return QStringLiteral("false,true");
        case ParamKind::Int: {
            const long long v = now.is_number() ? now.get<long long>() : 1;
            const long long lo = static_cast<long long>(spec->min.value_or(-1e18));
            const long long hi = static_cast<long long>(spec->max.value_or(1e18));
            QStringList items;
            for (long long x : {v / 2, v - 1, v, v + 1, v * 2})
                if (x >= lo && x <= hi && !items.contains(QString::number(x)))
                    items << QString::number(x);
            return items.join(',');
        }
        case ParamKind::Float: {
            const double v = now.is_number() ? now.get<double>() : 1.0;
            if (v > 0 && (!spec->min || *spec->min <= v / 10) &&
                (!spec->max || *spec->max >= v * 10))
                return number(v / 10) + ".." + number(v * 10) + ":log:5";
            return number(v);
        }
        default:
            return {};
    }
}

void SweepDialog::offerNode(const std::string& node) {
    for (int r = 0; r < axes_->rowCount(); ++r) {
        const auto* box = qobject_cast<QComboBox*>(axes_->cellWidget(r, 0));
        if (params_.at(static_cast<std::size_t>(box->currentIndex())).node == node)
            return;
    }
    for (const auto& p : params_)
        if (p.node == node) {
            addAxis(p.node, p.param);
            return;
        }
}

bool SweepDialog::addAxis(const std::string& node, const std::string& param,
                          const QString& values) {
    for (std::size_t i = 0; i < params_.size(); ++i)
        if (params_[i].node == node && params_[i].param == param) {
            addAxisRow(static_cast<int>(i), values);
            return true;
        }
    return false;
}

void SweepDialog::addAxisRow(int paramIndex, const QString& values) {
    const int row = axes_->rowCount();
    axes_->insertRow(row);
    auto* box = new QComboBox;
    for (const auto& p : params_)
        box->addItem(p.text);
    box->setCurrentIndex(paramIndex);
    auto* edit = new QLineEdit(values.isEmpty() ? suggestion(params_[paramIndex]) : values);
    edit->setObjectName(QStringLiteral("axisValues"));
    axes_->setCellWidget(row, 0, box);
    axes_->setCellWidget(row, 1, edit);
    connect(box, &QComboBox::currentIndexChanged, this, [this, edit](int i) {
        if (i >= 0)
            edit->setText(suggestion(params_[static_cast<std::size_t>(i)]));
        validate();
    });
    connect(edit, &QLineEdit::textChanged, this, &SweepDialog::validate);
    validate();
}

std::optional<sweep::SweepSpec> SweepDialog::spec(QString* error) const {
    sweep::SweepSpec spec;
    try {
        for (int r = 0; r < axes_->rowCount(); ++r) {
            const auto* box = qobject_cast<QComboBox*>(axes_->cellWidget(r, 0));
            const auto* edit = qobject_cast<QLineEdit*>(axes_->cellWidget(r, 1));
            const Param& p = params_.at(static_cast<std::size_t>(box->currentIndex()));
            sweep::AxisValues values;
            try {
                values = sweep::parseAxisValues(edit->text().toStdString());
            } catch (const sweep::SweepError& e) {
                throw sweep::SweepError(p.node + "." + p.param + ": " + e.what());
            }
            spec.axes.push_back(sweep::makeAxis(document_->graph(), document_->registry(), p.node,
                                                p.param, values));
        }
        if (mode_->currentIndex() == 1) {
            spec.mode = sweep::SweepMode::Random;
            spec.samples = static_cast<std::size_t>(samples_->value());
            spec.seed = static_cast<std::uint64_t>(seed_->value());
        }
        sweep::combinations(spec);  // the count and the cap
    } catch (const sweep::SweepError& e) {
        if (error)
            *error = qstr(e.what());
        return std::nullopt;
    }
    return spec;
}

void SweepDialog::validate() {
    const bool random = mode_->currentIndex() == 1;
    samples_->setEnabled(random);
    seed_->setEnabled(random);
    QString error;
    const auto s = spec(&error);
    if (s) {
        const auto n = sweep::combinations(*s).size();
        status_->setText(tr("%n combination(s)", nullptr, static_cast<int>(n)));
        status_->setStyleSheet({});
    } else {
        // "sweep forest.max_depth = -3: ..." is the command line's spelling;
        // here the axis is named as the table names it.
        static const QRegularExpression where(QStringLiteral("^sweep ([\\w-]+\\.\\w+)"));
        if (const auto m = where.match(error); m.hasMatch())
            error.replace(0, m.capturedEnd(), titleOf(m.captured(1).toStdString()));
        status_->setText(error);
        status_->setStyleSheet(QStringLiteral("color: #c0392b"));
    }
    start_->setEnabled(s && !controller_->isRunning());
}

void SweepDialog::start() {
    QString error;
    const auto s = spec(&error);
    if (!s || controller_->isRunning())
        return;
    try {
        controller_->start(document_->graph(), *s, baseDirectory_);
    } catch (const sweep::SweepError& e) {
        status_->setText(qstr(e.what()));
        return;
    }
    start_->setEnabled(false);
    stop_->setEnabled(true);
    apply_->setEnabled(false);
    outcome_.clear();
    columns_.clear();
    status_->setText(tr("Running %n combination(s)...", nullptr,
                        static_cast<int>(controller_->plan().combinations.size())));
    status_->setStyleSheet({});
    rebuildTable();
    refreshChart();
}

std::optional<sweep::MetricChoice> SweepDialog::chosenMetric() const {
    if (!controller_->hasPlan())
        return std::nullopt;
    try {
        return sweep::chooseMetric(controller_->result(),
                                   metric_->currentData().toString().toStdString());
    } catch (const sweep::SweepError&) {
        return std::nullopt;
    }
}

std::optional<std::size_t> SweepDialog::bestRow() const {
    const auto metric = chosenMetric();
    return metric ? sweep::bestRow(controller_->result(), *metric) : std::nullopt;
}

QString SweepDialog::titleOf(const std::string& column) const {
    const std::size_t dot = column.find('.');
    if (dot == std::string::npos)
        return QString::fromStdString(metricDisplayName(column));
    const std::string node = column.substr(0, dot);
    const std::string name = column.substr(dot + 1);
    const GraphNode* n = document_->graph().node(node);
    const NodeType* type = n ? document_->registry().find(n->type) : nullptr;
    const ParamSpec* param = type ? type->param(name) : nullptr;
    const QString nodeTitle = QString::fromStdString(n && !n->title.empty() ? n->title : node);
    const QString what = QString::fromStdString(
        param && !param->label.empty() ? param->label : metricDisplayName(name));
    return nodeTitle + QStringLiteral(" · ") + what;
}

void SweepDialog::refreshMetricBox() {
    const auto& metrics = controller_->result().metrics;
    if (metric_->count() - 1 == static_cast<int>(metrics.size()))
        return;
    const QSignalBlocker block(metric_);
    const QString current = metric_->currentData().toString();
    while (metric_->count() > 1)
        metric_->removeItem(1);
    for (const auto& m : metrics)
        metric_->addItem(titleOf(m), qstr(m));
    metric_->setCurrentIndex(std::max(0, metric_->findData(current)));
}

void SweepDialog::rebuildTable() {
    if (!controller_->hasPlan())
        return;
    const auto& plan = controller_->plan();
    const auto& result = controller_->result();
    columns_.clear();
    if (const auto metric = chosenMetric()) {
        columns_.push_back(metric->column);
        for (const auto& m : result.metrics)
            if (static_cast<int>(columns_.size()) <= kExtraMetrics && m != metric->column &&
                nodeOf(m) == nodeOf(metric->column))
                columns_.push_back(m);
    }
    QStringList header{QStringLiteral("#")};
    for (const auto& axis : plan.axes)
        header << titleOf(axis.label());
    header << tr("status");
    for (const auto& c : columns_)
        header << titleOf(c);
    results_->clear();
    results_->setColumnCount(static_cast<int>(header.size()));
    results_->setHorizontalHeaderLabels(header);
    results_->setRowCount(static_cast<int>(result.rows.size()));
    for (int r = 0; r < results_->rowCount(); ++r)
        fillRow(r);
    results_->resizeColumnsToContents();
}

void SweepDialog::fillRow(int r) {
    const auto& row = controller_->result().rows.at(static_cast<std::size_t>(r));
    const auto best = bestRow();
    const bool isBest = best && *best == static_cast<std::size_t>(r);
    int c = 0;
    auto set = [&](const QString& text, bool right) {
        auto* item = new QTableWidgetItem(text);
        if (right)
            item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        QFont f = item->font();
        f.setBold(isBest);
        item->setFont(f);
        if (!row.message.empty())
            item->setToolTip(qstr(row.message));
        results_->setItem(r, c++, item);
    };
    set(QString::number(r + 1) + (isBest ? QStringLiteral(" \u2605") : QString()), true);
    for (const auto& v : row.values)
        set(qstr(sweep::valueText(v)), v.is_number());
    set(qstr(std::string(engine::statusName(row.status))), false);
    for (const auto& col : columns_) {
        const auto it = row.metrics.find(col);
        set(it == row.metrics.end() ? QStringLiteral("-") : number(it->second), true);
    }
}

void SweepDialog::onRows(const QVector<int>& rows) {
    const auto before = columns_;
    refreshMetricBox();
    const auto metric = chosenMetric();
    // New metric columns, or a new best, change the whole table.
    if (columns_.empty() != !metric.has_value() ||
        (metric && (columns_.empty() || columns_.front() != metric->column)) ||
        static_cast<int>(columns_.size()) <= kExtraMetrics) {
        rebuildTable();
    } else {
        for (int r : rows)
            fillRow(r);
    }
    if (!chartTimer_.isActive())
        chartTimer_.start();
}

void SweepDialog::onFinished(bool ok, bool cancelled, const QString& error) {
    stop_->setEnabled(false);
    refreshMetricBox();
    rebuildTable();
    refreshChart();
    validate();
    const auto& result = controller_->result();
    int failed = 0;
    for (const auto& row : result.rows)
        failed += row.status != engine::NodeStatus::Done;
    outcome_ = !error.isEmpty() ? tr("The sweep could not run: %1").arg(error)
               : cancelled      ? tr("Stopped.")
               : ok ? tr("Done: %n combination(s).", nullptr, static_cast<int>(result.rows.size()))
                    : tr("Done; %n combination(s) did not finish.", nullptr, failed);
    failed_ = !ok && !cancelled;
    showOutcome();
}

void SweepDialog::showOutcome() {
    if (outcome_.isEmpty() || controller_->isRunning())
        return;
    const auto best = bestRow();
    apply_->setEnabled(best.has_value());
    QString text = outcome_;
    if (best) {
        const auto metric = chosenMetric();
        const auto& row = controller_->result().rows[*best];
        QStringList combination;
        const auto& axes = controller_->plan().axes;
        for (std::size_t a = 0; a < axes.size() && a < row.values.size(); ++a)
            combination << titleOf(axes[a].label()) + QStringLiteral(" = ") +
                               qstr(sweep::valueText(row.values[a]));
        text += QStringLiteral(" ") + tr("Best by %1: %2 (%3).")
                                          .arg(titleOf(metric->column),
                                               combination.join(QStringLiteral(", ")),
                                               number(row.metrics.at(metric->column)));
    }
    status_->setText(text);
    status_->setStyleSheet(failed_ ? QStringLiteral("color: #c0392b") : QString());
}

void SweepDialog::refreshChart() {
    if (!controller_->hasPlan())
        return;
    chart_->showResult(controller_->result(), controller_->plan().axes, chosenMetric(), bestRow(),
                       [this](const std::string& column) { return titleOf(column); });
}

void SweepDialog::applyBest() {
    const auto best = bestRow();
    if (!best || controller_->isRunning())
        return;
    const auto& plan = controller_->plan();
    const auto& values = controller_->result().rows[*best].values;
    QStringList problems;
    document_->beginEditGroup(
        tr("Apply sweep best (%1)").arg(qstr(sweep::combinationText(plan.axes, values))));
    for (std::size_t a = 0; a < plan.axes.size(); ++a)
        if (const auto why = document_->setParam(plan.axes[a].node, plan.axes[a].param, values[a]))
            problems << qstr(plan.axes[a].label() + ": " + *why);
    document_->endEditGroup();
    status_->setText(problems.isEmpty()
                         ? tr("Applied: %1.").arg(qstr(sweep::combinationText(plan.axes, values)))
                         : tr("Could not apply: %1").arg(problems.join(QStringLiteral("; "))));
}

}  // namespace sluice
