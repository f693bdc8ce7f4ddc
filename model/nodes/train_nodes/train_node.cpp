#include "nodes/train_nodes/train_node.h"

#include "ml/core/ml_errors.h"
#include "ml/core/registry.h"
#include "ml/pipeline/trained_pipeline.h"
#include "nodes/train_nodes/learner_params.h"

namespace sluice {
namespace {

NodeInfo infoFor(const std::string& kind) {
    const auto learner = ml::MlRegistry::instance().makeLearner(kind);
    const bool supervised =
        learner->task() == ml::Task::Classification || learner->task() == ml::Task::Regression;
    NodeInfo info;
    info.id = "train." + kind;
    info.displayName = learnerDisplayName(kind);
    info.category = NodeCategory::Train;
    info.description = learnerDescription(kind);
    info.inputs = {
        {"train", PortType::Table, "Training data", true,
         supervised ? "Rows to learn from, with a target column." : "Rows to learn from."}};
    info.outputs = {{"model", PortType::Model, "Model", true, "The trained model."},
                    {"learner", PortType::Learner, "Learner", true,
                     "The settings, untrained, for cross-validation."}};
    info.params = learnerParamSpecs(*learner);
    if (supervised)
        info.params.insert(info.params.begin(),
                           columnParam("target", "Target column",
                                       "The column to predict; empty uses the column whose role "
                                       "is Target.",
                                       true));
    return info;
}

}  // namespace

std::string targetColumnOf(const Table& table, const std::string& named) {
    if (!named.empty()) {
        if (!table.indexOf(named)) {
            std::string known;
            for (const auto& n : table.columnNames())
                known += (known.empty() ? "" : ", ") + n;
            throw NodeError("the target column '" + named +
                            "' is not in the input table (columns: " + known + ")");
        }
        return named;
    }
    const auto targets = table.columnsWithRole(ColumnRole::Target);
    if (targets.size() == 1)
        return table.column(targets.front()).name();
    throw NodeError(targets.empty()
                        ? "no target column: set the Target parameter, or mark a column as "
                          "target with a Select columns node"
                        : "the table has several target columns; name one in the Target parameter");
}

TrainNode::TrainNode(const std::string& learnerKind)
    : NodeType(infoFor(learnerKind)), kind_(learnerKind) {}

std::shared_ptr<const ml::Learner> TrainNode::makeLearner(const nlohmann::json& params) const {
    nlohmann::json learnerParams = nlohmann::json::object();
    for (const auto& spec : info().params) {
        if (spec.name == "target" || !params.contains(spec.name))
            continue;
        nlohmann::json value = params[spec.name];
        // Lists, numbers and null edited as text ("[64, 32]", "0.5") go back to
        // JSON; plain words ("sqrt") stay text.
        if (spec.kind == ParamKind::String && value.is_string()) {
            const auto parsed = nlohmann::json::parse(value.get<std::string>(), nullptr, false);
            if (!parsed.is_discarded() && !parsed.is_string())
                value = parsed;
        }
        learnerParams[spec.name] = value;
    }
    try {
        return ml::MlRegistry::instance().makeLearner(kind_, learnerParams);
    } catch (const ml::MisuseError& e) {
        throw NodeError(e.what());
    }
}

PortValues TrainNode::run(const PortValues& inputs, const nlohmann::json& params,
                          RunContext& context) const {
    const TablePtr table = inputTable(inputs, "train");
    auto learner = makeLearner(params);
    ml::PipelineSpec spec;
    spec.learner = learner;
    const bool supervised =
        learner->task() == ml::Task::Classification || learner->task() == ml::Task::Regression;
    if (supervised)
        spec.target = targetColumnOf(*table, params.value("target", ""));
    try {
        auto model = std::make_shared<const ml::TrainedPipeline>(
            ml::TrainedPipeline::fit(*table, spec, context.fit));
        for (const auto& warning : model->model().status.warnings)
            context.log(warning);
        if (!model->model().status.converged)
            context.log(info().displayName + " did not converge in " +
                        std::to_string(model->model().status.iterations) + " iterations");
        return {{"model", ModelValue(model)},
                {"learner", LearnerValue{learner, info().displayName}}};
    } catch (const ml::MisuseError& e) {
        throw NodeError(e.what());
    }
}

}  // namespace sluice
