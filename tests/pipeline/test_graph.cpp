// Graph as a value: editing, order, reachability, hashing; and the
// connection rules, each with its own error.
#include <QtTest>

#include "fake_nodes.h"
#include "graph/connection_rules.h"
#include "support/test_registry.h"

using namespace sluice;
using sluice::testing::fakeNode;
using sluice::testing::fakeNodes;
using Rule = ConnectionError::Rule;

namespace {

// source -> double -> train -> score, with source also feeding score.table
Graph chain() {
    Graph g;
    for (auto [id, type] : {std::pair{"s", "test.source"},
                            {"d", "test.double"},
                            {"t", "test.train"},
                            {"k", "test.score"}})
        g.addNode(fakeNode(id, type));
    connect(g, {{"s", "table"}, {"d", "table"}}, fakeNodes());
    connect(g, {{"d", "table"}, {"t", "train"}}, fakeNodes());
    connect(g, {{"t", "model"}, {"k", "model"}}, fakeNodes());
    connect(g, {{"s", "table"}, {"k", "table"}}, fakeNodes());
    return g;
}

Rule ruleOf(const Graph& g, const GraphEdge& e) {
    try {
        checkConnect(g, e, fakeNodes());
    } catch (const ConnectionError& err) {
        return err.rule();
    }
    throw std::runtime_error("expected a ConnectionError");
}

}  // namespace

class TestGraph : public QObject {
    Q_OBJECT

private slots:
    void nodesKeepOrderAndIdsStayUnique() {
        Graph g;
        g.addNode(fakeNode("n1", "test.source"));
        g.addNode(fakeNode("a", "test.double"));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, g.addNode(fakeNode("a", "test.double")));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, g.addNode(fakeNode("", "test.double")));
        QCOMPARE(g.freshId(), std::string("n2"));
        QCOMPARE(g.nodes()[1].id, std::string("a"));
    }

    void copiesAreIndependentSnapshots() {
        Graph g = chain();
        const Graph snapshot = g;
        g.setParams("s", {{"rows", 5}});
        g.removeNode("d");
        QCOMPARE(snapshot.nodes().size(), std::size_t{4});
        QCOMPARE(snapshot.node("s")->params.size(), std::size_t{0});
        QCOMPARE(g.edges().size(), std::size_t{2});  // the edges of d went with it
    }

    void topologicalOrderUpstreamDownstream() {
        Graph g;
        g.addNode(fakeNode("k", "test.score"));  // inserted first, runs last
        const Graph c = chain();
        for (const auto& n : c.nodes())
            if (n.id != "k")
                g.addNode(n);
        for (const auto& e : c.edges())
            g.addEdge(e);
        QCOMPARE(g.topologicalOrder(), (std::vector<std::string>{"s", "d", "t", "k"}));
        QCOMPARE(g.upstream("t"), (std::set<std::string>{"s", "d"}));
        QCOMPARE(g.downstream("d"), (std::set<std::string>{"t", "k"}));
        QCOMPARE(g.upstream("s"), std::set<std::string>{});
        QVERIFY(g.reaches("s", "k"));
        QVERIFY(!g.reaches("k", "s"));
    }

    void cycleInAStoredGraphIsReported() {
        Graph g = chain();
        g.addEdge({{"t", "model"}, {"s", "table"}});  // bypassing the rules, as a bad file might
        QVERIFY_THROWS_EXCEPTION(std::logic_error, g.topologicalOrder());
    }

    void eachConnectionRuleHasItsOwnError() {
        const Graph g = chain();
        QCOMPARE(ruleOf(g, {{"zz", "table"}, {"d", "table"}}), Rule::UnknownNode);
        QCOMPARE(ruleOf(g, {{"s", "nope"}, {"d", "table"}}), Rule::UnknownPort);
        QCOMPARE(ruleOf(g, {{"s", "table"}, {"t", "nope"}}), Rule::UnknownPort);
        QCOMPARE(ruleOf(g, {{"t", "learner"}, {"k", "extra"}}), Rule::TypeMismatch);
        QCOMPARE(ruleOf(g, {{"d", "table"}, {"k", "table"}}), Rule::InputTaken);
        QCOMPARE(ruleOf(g, {{"d", "table"}, {"d", "table"}}), Rule::SelfLoop);
        Graph two;
        two.addNode(fakeNode("a", "test.double"));
        two.addNode(fakeNode("b", "test.double"));
        sluice::connect(two, {{"a", "table"}, {"b", "table"}}, fakeNodes());
        QCOMPARE(ruleOf(two, {{"b", "table"}, {"a", "table"}}), Rule::Cycle);
    }

    void canConnectGivesTheReasonNamingBothTypes() {
        const auto verdict = canConnect(chain(), {{"t", "learner"}, {"k", "extra"}}, fakeNodes());
        QVERIFY(!verdict);
        QVERIFY(verdict.reason.find("Learner output") != std::string::npos);
        QVERIFY(verdict.reason.find("Table input") != std::string::npos);
        QVERIFY(canConnect(chain(), {{"d", "table"}, {"k", "extra"}}, fakeNodes()));
    }

    void validationListsEveryProblemWithNodeIds() {
        Graph g = chain();
        g.addNode(fakeNode("lonely", "test.double"));   // input missing
        g.addNode(fakeNode("alien", "test.teleport"));  // unknown type
        g.setParams("s", {{"rows", 0}});                // below range
        g.setParams("t", {{"criterion", "magic"}});     // not a choice
        g.addEdge({{"t", "learner"}, {"k", "extra"}});  // type mismatch
        const auto problems = validate(g, fakeNodes());
        auto has = [&](const std::string& node, const std::string& text) {
            for (const auto& p : problems)
                if (p.node == node && p.message.find(text) != std::string::npos)
                    return true;
            return false;
        };
        QVERIFY(has("lonely", "required input"));
        QVERIFY(has("alien", "unknown node type 'test.teleport'"));
        QVERIFY(has("s", "rows: must be at least 1"));
        QVERIFY(has("t", "'magic' is not one of: gini, entropy"));
        QVERIFY(has("k", "cannot connect a Learner output"));
        QCOMPARE(problems.size(), std::size_t{5});
        QVERIFY(validate(chain(), fakeNodes()).empty());
    }

    void contentHashDependsOnTypeAndParamsOnly() {
        GraphNode a = fakeNode("a", "test.source"), b = fakeNode("b", "test.source");
        a.params = {{"rows", 5}, {"seed", 1}};
        b.params = {{"seed", 1}, {"rows", 5}};
        b.title = "another title";
        b.x = 100;
        QCOMPARE(nodeContentHash(a), nodeContentHash(b));
        QCOMPARE(nodeContentHash(a).size(), std::size_t{16});
        b.params["rows"] = 6;
        QVERIFY(nodeContentHash(a) != nodeContentHash(b));
        b = a;
        b.type = "test.double";
        QVERIFY(nodeContentHash(a) != nodeContentHash(b));
        // a fixed value: the hash must not change between runs or platforms
        GraphNode fixed = fakeNode("x", "test.source");
        // FNV-1a of "test.source\n{}", computed independently
        QCOMPARE(nodeContentHash(fixed), std::string("ce1b3793436acd82"));
    }

    void registrySearchesAndGroups() {
        const auto& r = fakeNodes();
        QCOMPARE(r.inCategory(NodeCategory::Train).size(), std::size_t{1});
        const auto hits = r.search("table");  // in descriptions only
        QCOMPARE(hits.size(), std::size_t{1});
        QCOMPARE(hits[0]->id(), std::string("test.source"));
        QCOMPARE(r.search("SCORE model").front()->id(), std::string("test.score"));
        QVERIFY(r.search("nothing like this").empty());
    }
};

SLUICE_TEST_APPLESS_MAIN(TestGraph)
#include "test_graph.moc"
