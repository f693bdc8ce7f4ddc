#include "app/column_peek.h"

#include <algorithm>

#include "engine/engine.h"
#include "nodes/node_registry.h"

namespace sluice {

ColumnPeek::ColumnPeek(const NodeRegistry& registry)
    : registry_(registry), engine_(std::make_unique<engine::Engine>(registry)) {}

ColumnPeek::~ColumnPeek() = default;

std::optional<QStringList> ColumnPeek::columns(const Graph& graph, const Endpoint& input,
                                               const std::string& baseDirectory) {
    const GraphEdge* edge = graph.edgeInto(input);
    if (!edge)
        return std::nullopt;
    const std::string& source = edge->from.node;
    std::set<std::string> upstream = graph.upstream(source);
    upstream.insert(source);

    Graph peek = graph;
    for (const std::string& id : upstream) {
        const GraphNode* node = graph.node(id);
        const NodeType* type = node ? registry_.find(node->type) : nullptr;
        if (!type)
            return std::nullopt;
        const NodeCategory category = type->info().category;
        if (category != NodeCategory::Data && category != NodeCategory::Transform)
            return std::nullopt;  // a learner upstream: not cheap to know
        if (category != NodeCategory::Data)
            continue;
        // A Data node with inputs writes a file (Write CSV): a peek must
        // never touch the user's files, so only sources are run.
        if (!type->info().inputs.empty())
            return std::nullopt;
        nlohmann::json params = type->withDefaults(node->params);
        for (const char* limit : {"max_rows", "n_rows"}) {
            if (!type->param(limit) || !params[limit].is_number_integer())
                continue;
            const long long rows = params[limit].get<long long>();
            // max_rows 0 means "all rows".
            if (rows <= 0 || rows > kPeekRows)
                params[limit] = kPeekRows;
        }
        peek.setParams(id, std::move(params));
    }

    engine::RunOptions options;
    options.runTo = source;
    options.baseDirectory = baseDirectory;
    options.threads = 1;
    try {
        const engine::RunResult result = engine_->run(peek, options);
        const auto outcome = result.nodes.find(source);
        if (outcome == result.nodes.end() || outcome->second.status != engine::NodeStatus::Done)
            return std::nullopt;
        const auto value = outcome->second.outputs.find(edge->from.port);
        if (value == outcome->second.outputs.end())
            return std::nullopt;
        const auto* table = std::get_if<TablePtr>(&value->second);
        if (!table || !*table)
            return std::nullopt;
        QStringList names;
        for (const std::string& name : (*table)->columnNames())
            names << QString::fromStdString(name);
        return names;
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

}  // namespace sluice
