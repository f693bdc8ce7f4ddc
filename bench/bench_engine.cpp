// Engine scheduling benchmarks; prints figures, asserts nothing.
//
// 1. Overhead per node: a 1,000-node chain and a 1,000-node fan-out (one
//    source feeding 999 nodes) of trivial nodes that pass a shared table on,
//    cache cleared before every run so each node really runs. Reported as
//    (run time) / nodes, the median of several runs. Target: < 20 us a node.
// 2. Two independent heavy branches (each a random forest on its own
//    synthetic data) on 2 cores: the run on one worker (one core) against
//    two workers. Target: >= 1.7x.
// Usage: bench_engine [--repeat N]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <vector>

#include "engine/engine.h"
#include "nodes/node_registry.h"

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
    overhead("chain of 1000", chain(1000), 2, repeat);
    overhead("chain of 1000", chain(1000), 1, repeat);
    overhead("fan-out of 1000", fanOut(1000), 2, repeat);
    overhead("fan-out of 1000", fanOut(1000), 1, repeat);
    branches(std::max(3, repeat / 5));
    return 0;
}
