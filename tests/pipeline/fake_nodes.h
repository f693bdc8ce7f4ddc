// A tiny registry of made-up node types for graph tests, independent of the
// real catalog: source (-> table), double (table -> table), train (table ->
// model + learner), score (model + table -> results).
#pragma once

#include "graph/graph.h"
#include "nodes/node_registry.h"

namespace sluice::testing {

class FakeNode : public NodeType {
public:
    using NodeType::NodeType;
    PortValues run(const PortValues&, const nlohmann::json&, RunContext&) const override {
        return {};
    }
};

inline const NodeRegistry& fakeNodes() {
    static const NodeRegistry registry = [] {
        NodeRegistry r;
        auto add = [&](NodeInfo info) { r.add(std::make_unique<FakeNode>(std::move(info))); };
        add({"test.source",
             "Source",
             NodeCategory::Data,
             "makes a table",
             {},
             {{"table", PortType::Table, "Table"}},
             {intParam("rows", "Rows", 10, 1, 1000, "how many rows")}});
        add({"test.double",
             "Double",
             NodeCategory::Transform,
             "doubles numbers",
             {{"table", PortType::Table, "Table"}},
             {{"table", PortType::Table, "Table"}},
             {}});
        add({"test.train",
             "Train",
             NodeCategory::Train,
             "trains a model",
             {{"train", PortType::Table, "Training data"}},
             {{"model", PortType::Model, "Model"}, {"learner", PortType::Learner, "Learner"}},
             {choiceParam("criterion", "Criterion", {"gini", "entropy"}, "gini",
                          "split quality")}});
        add({"test.score",
             "Score",
             NodeCategory::Evaluate,
             "scores a model",
             {{"model", PortType::Model, "Model"},
              {"table", PortType::Table, "Data"},
              {"extra", PortType::Table, "Extra", false}},
             {{"results", PortType::Results, "Results"}},
             {}});
        return r;
    }();
    return registry;
}

inline GraphNode fakeNode(std::string id, std::string type) {
    GraphNode n;
    n.id = std::move(id);
    n.type = std::move(type);
    return n;
}

}  // namespace sluice::testing
