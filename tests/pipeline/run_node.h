// Test helper: runs one node type of a family the way the engine will
// (defaults filled in, parameters validated first) and collects its log.
#pragma once

#include <QtTest>
#include <string>
#include <vector>

#include "nodes/node_registry.h"

namespace sluice::testing {

struct NodeRun {
    PortValues outputs;
    std::vector<std::string> log;

    TablePtr table(const std::string& port = "table") const {
        const auto it = outputs.find(port);
        if (it == outputs.end())
            return nullptr;
        const auto* t = std::get_if<TablePtr>(&it->second);
        return t ? *t : nullptr;
    }
};

// Throws std::invalid_argument listing parameter problems (a test mistake),
// or whatever the node throws.
inline NodeRun runNode(const NodeRegistry& registry, const std::string& id,
                       const PortValues& inputs, const nlohmann::json& params = {},
                       const std::string& baseDirectory = {}) {
    const NodeType* type = registry.find(id);
    if (!type)
        throw std::invalid_argument("no node type " + id);
    const auto problems = type->paramProblems(params);
    if (!problems.empty())
        throw std::invalid_argument(id + ": " + problems.front());
    NodeRun run;
    RunContext context;
    context.baseDirectory = baseDirectory;
    context.onLog = [&run](std::string_view line) { run.log.emplace_back(line); };
    run.outputs = type->run(inputs, type->withDefaults(params), context);
    return run;
}

// The message of the NodeError `f` throws ("" when it throws none).
template <class F>
std::string nodeError(F&& f) {
    try {
        f();
    } catch (const NodeError& e) {
        return e.what();
    }
    return {};
}

// A column's cells as shown, "-" for a missing one: known answers read
// as a list.
inline QStringList cells(const Table& t, const std::string& column) {
    QStringList out;
    const Column& c = t.column(column);
    for (std::size_t r = 0; r < t.rowCount(); ++r)
        out << (c.isMissing(r) ? QStringLiteral("-") : QString::fromStdString(c.displayValue(r)));
    return out;
}

inline QStringList columnNames(const Table& t) {
    QStringList out;
    for (const auto& n : t.columnNames())
        out << QString::fromStdString(n);
    return out;
}

inline std::vector<double> numbers(const Table& t, const std::string& column) {
    const auto v = t.column(column).numbers();
    return {v.begin(), v.end()};
}

inline std::vector<std::string> texts(const Table& t, const std::string& column) {
    std::vector<std::string> out;
    for (std::size_t r = 0; r < t.rowCount(); ++r)
        out.push_back(t.column(column).displayValue(r));
    return out;
}

}  // namespace sluice::testing
