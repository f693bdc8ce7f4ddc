// Engine scheduling benchmarks; prints figures, asserts nothing.
//
// 1. Overhead per node: chains of 100, 1,000, 10,000 and 20,000 and a
//    1,000-node fan-out (one source feeding 999 nodes) of trivial nodes that
//    pass a shared table on, cache cleared before every run so each node
//    really runs. Reported as (run time) / nodes, the median of several
//    runs. Target: < 20 us a node at every size (issue 24: planning was
//    quadratic in the chain's length).
// 2. End to end, as sluice-run does it: a chain of Select columns nodes on
//    iris as .sluice text -> load -> plan and run -> the JSON report, at
//    2,500 to 20,000 nodes, each phase timed. Target: 20,000 in < 0.5 s.
// 3. Two independent heavy branches (each a random forest on its own
//    synthetic data) on 2 cores: the run on one worker (one core) against
//    two workers. Target: >= 1.7x.
// Usage: bench_engine [--repeat N]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <vector>

#include "app/runner/run_report.h"
#include "engine/engine.h"
#include "nodes/node_registry.h"
#include "pipeline_io/pipeline_file.h"

using namespace sluice;
using namespace sluice::engine;

namespace {

class PassNode : public NodeType {
public:
    using NodeType::NodeType;
    PortValues run(const PortValues& inputs, const nlohmann::json&, RunContext&) const override {
        const auto it = inputs.find("table");
        if (it != inputs.end())
            return {{"table", it->second}};
        static const TablePtr one = Table::make({Column::numeric("x", {1.0})});
        return {{"table", one}};
    }
};

const NodeRegistry& trivialNodes() {
    static const NodeRegistry registry = [] {
        NodeRegistry r;
        const PortSpec table{"table", PortType::Table, "Table"};
        r.add(std::make_unique<PassNode>(
            NodeInfo{"b.source", "Source", NodeCategory::Data, "", {}, {table}, {}}));
        r.add(std::make_unique<PassNode>(
            NodeInfo{"b.pass", "Pass", NodeCategory::Transform, "", {table}, {table}, {}}));
        return r;
    }();
    return registry;
}

GraphNode node(std::string id, std::string type, nlohmann::json params = nlohmann::json::object()) {
    GraphNode n;
    n.id = std::move(id);
    n.type = std::move(type);
    n.params = std::move(params);
    return n;
}

Graph chain(int n) {
    Graph g;
    g.addNode(node("n0", "b.source"));
    for (int i = 1; i < n; ++i) {
        g.addNode(node("n" + std::to_string(i), "b.pass"));
        g.addEdge({{"n" + std::to_string(i - 1), "table"}, {"n" + std::to_string(i), "table"}});
    }
    return g;
}

Graph fanOut(int n) {
    Graph g;
    g.addNode(node("n0", "b.source"));
    for (int i = 1; i < n; ++i) {
        g.addNode(node("n" + std::to_string(i), "b.pass"));
        g.addEdge({{"n0", "table"}, {"n" + std::to_string(i), "table"}});
    }
    return g;
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

double timeRun(Engine& engine, const Graph& g, const RunOptions& options) {
    engine.clearCache();
    const auto t0 = std::chrono::steady_clock::now();
    const RunResult r = engine.run(g, options);
    const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    if (!r.ok())
        std::fprintf(stderr, "run failed\n");
    return s;
}

void overhead(const char* name, const Graph& g, unsigned threads, int repeat) {
    Engine engine(trivialNodes());
    timeRun(engine, g, {.threads = threads});  // warm the pool
    std::vector<double> times;
    for (int i = 0; i < repeat; ++i)
        times.push_back(timeRun(engine, g, {.threads = threads}));
    const double perNode = median(times) / static_cast<double>(g.nodes().size()) * 1e6;
    std::printf("%-28s threads=%u  %7.2f us/node  (median of %d runs of %zu nodes)\n", name,
                threads, perNode, repeat, g.nodes().size());
}

double secondsSince(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

// A .sluice file: iris, then n - 1 Select columns nodes in a chain.
std::string selectChainText(int n) {
    Graph g;
    g.addNode(node("n0", "data.example_dataset", {{"dataset", "iris"}}));
    for (int i = 1; i < n; ++i) {
        g.addNode(node("n" + std::to_string(i), "transform.select_columns",
                       {{"keep", nlohmann::json::array()}, {"drop", nlohmann::json::array()}}));
        g.addEdge({{"n" + std::to_string(i - 1), "table"}, {"n" + std::to_string(i), "table"}});
    }
    return pipelineToText(g, "");
}

void endToEnd(int n, int repeat) {
    const std::string text = selectChainText(n);
    std::vector<double> load, run, report, total;
    for (int i = 0; i < repeat; ++i) {
        Engine engine;
        const auto t0 = std::chrono::steady_clock::now();
        const PipelineLoadResult loaded = pipelineFromText(text, "", builtinNodes(), "chain");
        load.push_back(secondsSince(t0));
        const auto t1 = std::chrono::steady_clock::now();
        const RunResult r = engine.run(loaded.graph, {});
        run.push_back(secondsSince(t1));
        if (!r.ok())
            std::fprintf(stderr, "run failed\n");
        const auto t2 = std::chrono::steady_clock::now();
        const std::string json =
            runner::buildRunReport(
                {.pipelinePath = "chain.sluice", .graph = &loaded.graph, .result = &r})
                .dump();
        report.push_back(secondsSince(t2));
        total.push_back(secondsSince(t0));
    }
    std::printf(
        "select chain of %-6d load %6.1f ms  run %6.1f ms  report %5.1f ms  total %6.1f ms"
        "  (%5.2f us/node, %zu KB of text)\n",
        n, median(load) * 1e3, median(run) * 1e3, median(report) * 1e3, median(total) * 1e3,
        median(total) / n * 1e6, text.size() / 1024);
}

Graph twoForests() {
    Graph g;
    for (const char* side : {"a", "b"}) {
        const std::string s = side;
        g.addNode(node("data_" + s, "data.synthetic",
                       {{"kind", "blobs"},
                        {"n_rows", 20000},
                        {"n_features", 10},
                        {"noise", 3.0},
                        {"seed", s == "a" ? 1 : 2}}));
        g.addNode(node("forest_" + s, "train.random_forest_classifier",
                       {{"n_estimators", 40}, {"random_state", 0}}));
        g.addEdge({{"data_" + s, "table"}, {"forest_" + s, "train"}});
    }
    return g;
}

void branches(int repeat) {
    const Graph g = twoForests();
    Engine engine;
    // Data generation is not what is measured: keep it cached, drop the forests.
    engine.run(g, {.runTo = "forest_a"});
    auto timeForests = [&](unsigned threads) {
        std::vector<double> times;
        for (int i = 0; i < repeat; ++i) {
            Graph changed = g;  // a new seed per run, so the forests always train
            for (const char* id : {"forest_a", "forest_b"})
                changed.setParams(id, {{"n_estimators", 40}, {"random_state", i + 1}});
            const auto t0 = std::chrono::steady_clock::now();
            engine.run(changed, {.threads = threads});
            times.push_back(
                std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
        }
        return median(times);
    };
    const double one = timeForests(1);
    const double two = timeForests(2);
    std::printf("two forest branches: 1 worker %.3f s, 2 workers %.3f s, speed-up %.2fx\n", one,
                two, one / two);
}

}  // namespace

int main(int argc, char** argv) {
    int repeat = 15;
    for (int i = 1; i < argc; ++i)
        if (!std::strcmp(argv[i], "--repeat") && i + 1 < argc)
            repeat = std::atoi(argv[++i]);
    for (int n : {100, 1000, 10000, 20000}) {
        const int times = n >= 10000 ? std::max(3, repeat / 5) : repeat;
        const std::string name = "chain of " + std::to_string(n);
        overhead(name.c_str(), chain(n), 2, times);
        overhead(name.c_str(), chain(n), 1, times);
    }
    overhead("fan-out of 1000", fanOut(1000), 2, repeat);
    overhead("fan-out of 1000", fanOut(1000), 1, repeat);
    for (int n : {2500, 5000, 10000, 20000})
        endToEnd(n, std::max(3, repeat / 5));
    branches(std::max(3, repeat / 5));
    return 0;
}
