#include "app/chart_feed.h"

#include "app/run_controller.h"
#include "nodes/node_registry.h"
#include "views/canvas/graph_scene.h"
#include "views/charts/training_charts_panel.h"
#include "views/graph_document.h"
#include "views/node_badge.h"

namespace sluice {
namespace {

QString valueText(const nlohmann::json& value) {
    if (value.is_string())
        return QString::fromStdString(value.get<std::string>());
    if (value.is_null())
        return QString();
    // Numbers, booleans and lists as JSON writes them: 0.001, true, [64,32].
    return QString::fromStdString(value.dump());
}

}  // namespace

ChartFeed::ChartFeed(RunController* runner, const GraphDocument* document,
                     TrainingChartsPanel* panel, GraphScene* scene, QObject* parent)
    : QObject(parent), document_(document), panel_(panel), scene_(scene) {
    connect(runner, &RunController::runStarted, this, &ChartFeed::onRunStarted);
    connect(runner, &RunController::badgeChanged, this, &ChartFeed::onBadge);
    connect(runner, &RunController::metricsArrived, this, &ChartFeed::onMetrics);
    // Another pipeline's node ids mean other nodes: its curves do not compare.
    connect(document, &GraphDocument::graphReset, panel, &TrainingChartsPanel::clearAll);
}

QMap<QString, QString> ChartFeed::parameterTexts(const GraphNode& node,
                                                 const NodeRegistry& registry) {
    // Keyed by the inspector's label ("Trees"), which is what a person reads
    // in the legend; a parameter the type does not declare keeps its key.
    QMap<QString, QString> texts;
    const NodeType* type = registry.find(node.type);
    const auto nameOf = [type](const std::string& key) {
        const ParamSpec* spec = type ? type->param(key) : nullptr;
        return QString::fromStdString(spec && !spec->label.empty() ? spec->label : key);
    };
    if (type) {
        for (const ParamSpec& spec : type->info().params)
            texts.insert(nameOf(spec.name), valueText(spec.defaultValue));
    }
    if (node.params.is_object()) {
        for (auto it = node.params.begin(); it != node.params.end(); ++it)
            texts.insert(nameOf(it.key()), valueText(it.value()));
    }
    return texts;
}

QString ChartFeed::stepNameFor(const std::string& typeId) {
    const QString type = QString::fromStdString(typeId);
    if (type.contains(QLatin1String("mlp")))
        return tr("epoch");
    if (type.contains(QLatin1String("forest")))
        return tr("trees");
    if (type.contains(QLatin1String("boost")))
        return tr("round");
    return tr("iteration");
}

void ChartFeed::onRunStarted() {
    // RunController::run() copied this very graph just before emitting.
    snapshot_ = document_->graph();
    started_.clear();
}

void ChartFeed::onBadge(const QString& id, const NodeBadge& badge) {
    if (badge.state == NodeBadge::State::Running && !started_.contains(id))
        scene_->setSparkline(id, {});  // a new run of this node
}

void ChartFeed::onMetrics(const QString& id, const QVector<engine::MetricPoint>& points) {
    if (!started_.contains(id)) {
        started_.insert(id);
        const Graph& graph = snapshot_ ? *snapshot_ : document_->graph();
        QString title = id;
        QMap<QString, QString> params;
        QString stepName;
        if (const GraphNode* node = graph.node(id.toStdString())) {
            if (!node->title.empty())
                title = QString::fromStdString(node->title);
            params = parameterTexts(*node, document_->registry());
            stepName = stepNameFor(node->type);
        }
        panel_->startRun(id, title, params, stepName);
        emit trainingStarted(id);
    }
    panel_->appendPoints(id, points);
    updateSparkline(id);
}

void ChartFeed::updateSparkline(const QString& id) {
    const NodeMetrics* node = panel_->history().node(id);
    const MetricRun* run = node ? node->latest() : nullptr;
    if (!run || run->streams.empty())
        return;
    const MetricStream& first = run->streams.front();
    QVector<double> values;
    values.reserve(first.points.size());
    for (const QPointF& p : first.points)
        values.push_back(p.y());
    scene_->setSparkline(id, values, first.name);
}

}  // namespace sluice
