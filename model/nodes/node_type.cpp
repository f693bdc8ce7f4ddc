#include "nodes/node_type.h"

#include <filesystem>

namespace sluice {

std::string_view categoryName(NodeCategory category) {
    switch (category) {
        case NodeCategory::Data:
            return "Data";
        case NodeCategory::Transform:
            return "Transform";
        case NodeCategory::Train:
            return "Train";
        case NodeCategory::Evaluate:
            return "Evaluate";
        case NodeCategory::Visualize:
            return "Visualize";
        case NodeCategory::Output:
            return "Output";
    }
    return "?";
}

std::optional<std::string> NodeType::python(const PythonContext&) const {
    return std::nullopt;
}

std::string RunContext::resolvePath(const std::string& path) const {
    const std::filesystem::path p(path);
    if (p.is_absolute() || baseDirectory.empty())
        return path;
    return (std::filesystem::path(baseDirectory) / p).lexically_normal().string();
}

const PortSpec* NodeType::input(std::string_view name) const {
    for (const auto& p : info_.inputs)
        if (p.name == name)
            return &p;
    return nullptr;
}

const PortSpec* NodeType::output(std::string_view name) const {
    for (const auto& p : info_.outputs)
        if (p.name == name)
            return &p;
    return nullptr;
}

const ParamSpec* NodeType::param(std::string_view name) const {
    for (const auto& p : info_.params)
        if (p.name == name)
            return &p;
    return nullptr;
}

nlohmann::json NodeType::withDefaults(const nlohmann::json& params) const {
    nlohmann::json out = params.is_object() ? params : nlohmann::json::object();
    for (const auto& spec : info_.params)
        if (!out.contains(spec.name))
            out[spec.name] = spec.defaultValue;
    return out;
}

std::vector<std::string> NodeType::paramProblems(const nlohmann::json& params, bool byLabel) const {
    std::vector<std::string> problems;
    const nlohmann::json full = withDefaults(params);
    for (const auto& spec : info_.params)
        if (auto why = spec.problemWith(full[spec.name]))
            problems.push_back((byLabel && !spec.label.empty() ? spec.label : spec.name) + ": " +
                               *why);
    return problems;
}

namespace {

template <class T>
const T* typed(const PortValues& inputs, const std::string& port, bool required,
               std::string_view type) {
    const auto it = inputs.find(port);
    if (it == inputs.end() || std::holds_alternative<std::monostate>(it->second)) {
        if (required)
            throw NodeError("the input '" + port + "' is not connected");
        return nullptr;
    }
    const T* v = std::get_if<T>(&it->second);
    if (!v)
        throw NodeError("the input '" + port + "' expects a " + std::string(type) + " but got " +
                        std::string(portTypeName(*typeOf(it->second))));
    return v;
}

}  // namespace

TablePtr inputTable(const PortValues& inputs, const std::string& port, bool required) {
    const auto* v = typed<TablePtr>(inputs, port, required, "Table");
    return v ? *v : nullptr;
}

const LearnerValue* inputLearner(const PortValues& inputs, const std::string& port, bool required) {
    return typed<LearnerValue>(inputs, port, required, "Learner");
}

ModelValue inputModel(const PortValues& inputs, const std::string& port, bool required) {
    const auto* v = typed<ModelValue>(inputs, port, required, "Model");
    return v ? *v : nullptr;
}

TransformValue inputTransform(const PortValues& inputs, const std::string& port, bool required) {
    const auto* v = typed<TransformValue>(inputs, port, required, "Transform");
    return v ? *v : nullptr;
}

ResultsValue inputResults(const PortValues& inputs, const std::string& port, bool required) {
    const auto* v = typed<ResultsValue>(inputs, port, required, "Results");
    return v ? *v : nullptr;
}

}  // namespace sluice
