// Node types made for engine tests: they sleep, count their runs, fail,
// stream metrics or spin until cancelled, so scheduling, caching and
// cancellation can be observed without real learners.
//
//   t.source  () -> table     params value (float), ms (int): a 1-row table
//   t.add     table -> table  params add (float), ms: value + add
//   t.join    a, b -> table   value a + value b
//   t.fail    table -> table  throws NodeError("boom")
//   t.spin    table -> table  loops until cancelled (checks every ms)
//   t.stream  table -> table  params points (int): that many metric and
//                             progress calls as fast as it can
//   t.file    () -> table     params path: a table holding the file's size
//
// Every run is recorded (node id, start, end) in runLog().
#pragma once

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <mutex>
#include <thread>
#include <vector>

#include "nodes/node_registry.h"

namespace sluice::testing {

struct RunRecord {
    std::string node;
    std::chrono::steady_clock::time_point start, end;
};

class RunLog {
public:
    void add(RunRecord r) {
        std::lock_guard lock(mutex_);
        records_.push_back(std::move(r));
    }
    std::vector<RunRecord> take() {
        std::lock_guard lock(mutex_);
        return std::exchange(records_, {});
    }
    std::vector<std::string> nodesRun() {
        std::vector<std::string> ids;
        for (const auto& r : take())
            ids.push_back(r.node);
        std::sort(ids.begin(), ids.end());
        return ids;
    }

private:
    std::mutex mutex_;
    std::vector<RunRecord> records_;
};

inline RunLog& runLog() {
    static RunLog log;
    return log;
}

inline double valueOf(const TablePtr& table) {
    return table->column(0).numbers()[0];
}

inline TablePtr oneValue(double v) {
    return Table::make({Column::numeric("value", {v})});
}

class TestNode : public NodeType {
public:
    using Body = PortValues (*)(const PortValues&, const nlohmann::json&, RunContext&);
    TestNode(NodeInfo info, Body body) : NodeType(std::move(info)), body_(body) {}
    PortValues run(const PortValues& in, const nlohmann::json& params,
                   RunContext& context) const override {
        RunRecord record;
        record.start = std::chrono::steady_clock::now();
        // Engine tests give every node its id as the "tag" parameter, so the
        // log can say which node ran.
        record.node = params.value("tag", std::string());
        if (params.contains("ms"))
            std::this_thread::sleep_for(std::chrono::milliseconds(params["ms"].get<int>()));
        PortValues out = body_(in, params, context);
        record.end = std::chrono::steady_clock::now();
        runLog().add(std::move(record));
        return out;
    }

private:
    Body body_;
};

inline const NodeRegistry& engineTestNodes() {
    static const NodeRegistry registry = [] {
        NodeRegistry r;
        const PortSpec table{"table", PortType::Table, "Table"};
        const ParamSpec tag = stringParam("tag", "Tag", "", "who ran");
        const ParamSpec ms = intParam("ms", "Sleep", 0, 0, 100000, "sleep first");
        auto add = [&](NodeInfo info, TestNode::Body body) {
            r.add(std::make_unique<TestNode>(std::move(info), body));
        };
        add({"t.source",
             "Source",
             NodeCategory::Data,
             "",
             {},
             {table},
             {tag, ms, floatParam("value", "Value", 1.0, std::nullopt, std::nullopt, "")}},
            [](const PortValues&, const nlohmann::json& p, RunContext&) -> PortValues {
                return {{"table", oneValue(p["value"].get<double>())}};
            });
        add({"t.add",
             "Add",
             NodeCategory::Transform,
             "",
             {table},
             {table},
             {tag, ms, floatParam("add", "Add", 1.0, std::nullopt, std::nullopt, "")}},
            [](const PortValues& in, const nlohmann::json& p, RunContext&) -> PortValues {
                return {
                    {"table", oneValue(valueOf(inputTable(in, "table")) + p["add"].get<double>())}};
            });
        add({"t.join",
             "Join",
             NodeCategory::Transform,
             "",
             {{"a", PortType::Table, "A"}, {"b", PortType::Table, "B"}},
             {table},
             {tag, ms}},
            [](const PortValues& in, const nlohmann::json&, RunContext&) -> PortValues {
                return {{"table",
                         oneValue(valueOf(inputTable(in, "a")) + valueOf(inputTable(in, "b")))}};
            });
        add({"t.fail", "Fail", NodeCategory::Transform, "", {table}, {table}, {tag, ms}},
            [](const PortValues&, const nlohmann::json&, RunContext&) -> PortValues {
                throw NodeError("boom");
            });
        add({"t.spin", "Spin", NodeCategory::Train, "", {table}, {table}, {tag, ms}},
            [](const PortValues& in, const nlohmann::json&, RunContext& c) -> PortValues {
                for (int step = 0;; ++step) {
                    c.fit.throwIfCancelled();
                    c.fit.metric("spin", step, 1.0);
                    std::this_thread::sleep_for(std::chrono::milliseconds(1));
                }
                return in;
            });
        add({"t.stream",
             "Stream",
             NodeCategory::Train,
             "",
             {table},
             {table},
             {tag, ms, intParam("points", "Points", 1000, 0, 10000000, "")}},
            [](const PortValues& in, const nlohmann::json& p, RunContext& c) -> PortValues {
                const int n = p["points"].get<int>();
                for (int i = 0; i < n; ++i) {
                    c.fit.metric("loss", i, 1.0 / (i + 1));
                    c.fit.progress(double(i + 1) / n, "streaming");
                }
                c.log("streamed");
                return in;
            });
        add({"t.file",
             "File",
             NodeCategory::Data,
             "",
             {},
             {table},
             {tag, ms, pathParam("path", "File", "a file")}},
            [](const PortValues&, const nlohmann::json& p, RunContext& c) -> PortValues {
                const auto path = c.resolvePath(p["path"].get<std::string>());
                if (!std::filesystem::exists(path))
                    throw NodeError("cannot open '" + path + "'");
                return {{"table", oneValue(double(std::filesystem::file_size(path)))}};
            });
        return r;
    }();
    return registry;
}

// A node of the test registry whose tag is its id.
inline GraphNode testNode(const std::string& id, const std::string& type,
                          nlohmann::json params = nlohmann::json::object()) {
    GraphNode node;
    node.id = id;
    node.type = type;
    node.title = id;
    params["tag"] = id;
    node.params = std::move(params);
    return node;
}

inline void wire(Graph& g, const std::string& from, const std::string& to,
                 const std::string& toPort = "table") {
    g.addEdge({{from, "table"}, {to, toPort}});
}

}  // namespace sluice::testing
