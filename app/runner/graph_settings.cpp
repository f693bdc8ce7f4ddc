#include "app/runner/graph_settings.h"

#include <filesystem>
#include <optional>

#include "io/json_nesting.h"

namespace sluice::runner {
namespace {

constexpr std::size_t kMaxListed = 12;

std::string describeNode(const GraphNode& node) {
    return node.title.empty() ? node.id : node.id + " \"" + node.title + "\"";
}

std::string nodeList(const Graph& graph) {
    std::string list;
    std::size_t n = 0;
    for (const auto& node : graph.nodes()) {
        if (n++ == kMaxListed) {
            list += ", ...";
            break;
        }
        list += (list.empty() ? "" : ", ") + describeNode(node);
    }
    return list.empty() ? "it has none" : "nodes: " + list;
}

// Messages quote the option; a value of a megabyte is cut to its start.
std::string settingText(const ParamSetting& s) {
    constexpr std::size_t kShown = 60;
    const std::string value =
        s.value.size() <= kShown ? s.value : s.value.substr(0, kShown) + "...";
    return "--set " + s.node + "." + s.param + "=" + value;
}

// Problems of `param` alone when the node's params hold `value` for it.
std::vector<std::string> problemsWith(const NodeType& type, const nlohmann::json& params,
                                      const std::string& param, const nlohmann::json& value) {
    nlohmann::json candidate = params.is_object() ? params : nlohmann::json::object();
    candidate[param] = value;
    std::vector<std::string> mine;
    const std::string prefix = param + ": ";
    for (auto& problem : type.paramProblems(candidate))
        if (problem.rfind(prefix, 0) == 0)
            mine.push_back(problem.substr(prefix.size()));
    return mine;
}

}  // namespace

std::string resolveNode(const Graph& graph, const std::string& name, const std::string& option) {
    if (graph.node(name))
        return name;
    std::vector<std::string> matches;
    for (const auto& node : graph.nodes())
        if (node.title == name)
            matches.push_back(node.id);
    if (matches.size() == 1)
        return matches.front();
    if (matches.empty())
        throw UsageError(option + ": the pipeline has no node with id or title '" + name + "' (" +
                         nodeList(graph) + ")");
    std::string ids;
    for (const auto& id : matches)
        ids += (ids.empty() ? "" : ", ") + id;
    throw UsageError(option + ": several nodes are titled '" + name + "' (" + ids +
                     "); name one by its id");
}

void applySettings(Graph& graph, const std::vector<ParamSetting>& settings,
                   const NodeRegistry& registry, const std::string& workingDirectory) {
    for (const auto& setting : settings) {
        const std::string option = settingText(setting);
        const std::string id = resolveNode(graph, setting.node, option);
        const GraphNode& node = *graph.node(id);
        const std::string who = "node '" + describeNode(node) + "'";
        const NodeType* type = registry.find(node.type);
        if (!type)
            throw UsageError(option + ": " + who + " has the type '" + node.type +
                             "', which this build of Sluice does not know");
        const ParamSpec* spec = type->param(setting.param);
        if (!spec) {
            std::string names;
            for (const auto& p : type->info().params)
                names += (names.empty() ? "" : ", ") + p.name;
            throw UsageError(option + ": " + who + " (" + node.type + ") has no parameter '" +
                             setting.param + "'" +
                             (names.empty() ? " (it has none)" : " (parameters: " + names + ")"));
        }

        std::vector<nlohmann::json> candidates;
        try {
            checkJsonNesting(setting.value);
        } catch (const JsonNestingError& e) {
            throw UsageError(option + ": parameter '" + setting.param + "' of " + who + ": " +
                             e.what());
        }
        const auto parsed = nlohmann::json::parse(setting.value, nullptr, false);
        if (!parsed.is_discarded())
            candidates.push_back(parsed);
        if (parsed.is_discarded() || !parsed.is_string())
            candidates.push_back(setting.value);

        std::optional<nlohmann::json> accepted;
        std::vector<std::string> firstProblems;
        for (const auto& candidate : candidates) {
            auto problems = problemsWith(*type, node.params, setting.param, candidate);
            if (problems.empty()) {
                accepted = candidate;
                break;
            }
            if (firstProblems.empty())
                firstProblems = std::move(problems);
        }
        if (!accepted) {
            std::string why;
            for (const auto& p : firstProblems)
                why += (why.empty() ? "" : "; ") + p;
            throw UsageError(option + ": parameter '" + setting.param + "' of " + who + ": " + why);
        }
        if (spec->kind == ParamKind::Path && accepted->is_string()) {
            const std::filesystem::path p(accepted->get<std::string>());
            if (!p.empty() && p.is_relative())
                *accepted =
                    (std::filesystem::path(workingDirectory) / p).lexically_normal().string();
        }
        nlohmann::json params = node.params.is_object() ? node.params : nlohmann::json::object();
        params[setting.param] = *accepted;
        graph.setParams(id, std::move(params));
    }
}

}  // namespace sluice::runner
