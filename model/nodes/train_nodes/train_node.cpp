#include "nodes/train_nodes/train_node.h"

#include "io/json_nesting.h"
#include "ml/core/ml_errors.h"
#include "ml/core/registry.h"
#include "ml/pipeline/trained_pipeline.h"
#include "nodes/python_context.h"
#include "nodes/train_nodes/learner_param_specs.h"

namespace sluice {
namespace {

const ml::LearnerSpec& specOf(const std::string& kind) {
    const ml::LearnerSpec* spec = ml::MlRegistry::instance().spec(kind);
    if (!spec)
        throw std::logic_error("no learner '" + kind + "' to make a Train node for");
    return *spec;
}

NodeInfo infoFor(const ml::LearnerSpec& spec) {
    const std::string& kind = spec.kind;
    const auto learner = ml::MlRegistry::instance().makeLearner(kind);
    const bool supervised =
        learner->task() == ml::Task::Classification || learner->task() == ml::Task::Regression;
    NodeInfo info;
    info.id = "train." + kind;
    info.displayName = spec.displayName;
    info.category = NodeCategory::Train;
    info.description = spec.description;
    info.inputs = {
        {"train", PortType::Table, "Training data", true,
         supervised ? "Rows to learn from, with a target column." : "Rows to learn from."}};
    info.outputs = {{"model", PortType::Model, "Model", true, "The trained model."},
                    {"learner", PortType::Learner, "Learner", true,
                     "The settings, untrained, for cross-validation."}};
    info.params = learnerParamSpecs(spec, *learner);
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

namespace {

// A Sluice hyperparameter value as scikit-learn's argument.
std::string sklearnArgument(const nlohmann::json& value, ml::SklearnValue convert) {
    using python_export::pyValue;
    switch (convert) {
        case ml::SklearnValue::ZeroIsNone:
            if (value.is_number() && value.get<double>() == 0.0)
                return "None";
            break;
        case ml::SklearnValue::NoneWord:
            if (value == "none")
                return "None";
            break;
        case ml::SklearnValue::Tuple:
            if (value.is_array()) {
                std::string out = "(";
                for (const auto& v : value)
                    out += pyValue(v) + ", ";
                return out + ")";
            }
            break;
        case ml::SklearnValue::Same:
            break;
    }
    return pyValue(value);
}

}  // namespace

std::string sklearnConstructor(const ml::LearnerSpec& spec, const nlohmann::json& params) {
    if (!spec.sklearn)
        throw std::runtime_error("learner '" + spec.kind + "' has no scikit-learn counterpart");
    const ml::SklearnCounterpart& sk = *spec.sklearn;
    std::string out = sk.className + "(";
    bool first = true;
    const auto add = [&](const std::string& argument) {
        out += (first ? "" : ", ") + argument;
        first = false;
    };
    for (const auto& [name, value] : params.items()) {
        const ml::Hyperparameter* h = spec.hyperparameter(name);
        if (!h)
            throw std::runtime_error("learner '" + spec.kind + "': hyperparameter '" + name +
                                     "' has no scikit-learn counterpart in its LearnerSpec");
        const std::string keyword = h->sklearn.empty() ? h->name : h->sklearn;
        if (!h->sklearnOnlyIf.empty() && params.value(h->sklearnOnlyIf, true) == false)
            add(keyword + "=False");
        else
            add(keyword + "=" + sklearnArgument(value, h->sklearnValue));
    }
    for (const auto& fixed : sk.fixedArguments)
        add(fixed);
    return out + ")";
}

TrainNode::TrainNode(const std::string& learnerKind) : TrainNode(specOf(learnerKind)) {}

TrainNode::TrainNode(const ml::LearnerSpec& spec)
    : NodeType(infoFor(spec)), kind_(spec.kind), spec_(&spec) {}

std::shared_ptr<const ml::Learner> TrainNode::makeLearner(const nlohmann::json& params) const {
    nlohmann::json learnerParams = nlohmann::json::object();
    for (const auto& spec : info().params) {
        if (spec.name == "target" || !params.contains(spec.name))
            continue;
        nlohmann::json value;
        try {
            value = learnerValue(spec, params[spec.name]);
        } catch (const JsonNestingError& e) {
            throw NodeError(spec.label + ": " + e.what());
        }
        learnerParams[spec.name] = value;
    }
    try {
        return ml::MlRegistry::instance().makeLearner(kind_, learnerParams);
    } catch (const ml::MisuseError& e) {
        throw NodeError(inInspectorTerms(e.what(), *spec_));
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

std::optional<std::string> TrainNode::python(const PythonContext& c) const {
    using python_export::pyString;
    std::shared_ptr<const ml::Learner> learner = makeLearner(c.params);
    const std::string constructor = sklearnConstructor(*spec_, learner->params());
    const ml::SklearnCounterpart& sk = *spec_->sklearn;
    c.addImport("from " + sk.module + " import " + sk.className);
    std::string out;
    for (const auto& note : sk.notes)
        out += python_export::pyComment(note);
    const bool supervised =
        learner->task() == ml::Task::Classification || learner->task() == ml::Task::Regression;
    out += python_export::pyWrappedCall(c.output("learner") + " = " + constructor) + "\n";
    out += c.output("model") + " = fit_model(clone(" + c.output("learner") + "), " +
           *c.input("train") + ", target_name=" + pyString(c.text("target")) +
           ", supervised=" + (supervised ? "True" : "False") + ")\n";
    return out;
}

}  // namespace sluice
