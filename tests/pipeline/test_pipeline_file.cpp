// .sluice files: the exact text written, byte-identical round trips (over
// the fake registry and over every built-in node type), placeholders for
// unknown node types, and atomic saves that fail without harm.
#include <QTemporaryDir>
#include <QtTest>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "fake_nodes.h"
#include "graph/connection_rules.h"
#include "pipeline_io/pipeline_file.h"
#include "support/test_registry.h"

using namespace sluice;
using sluice::testing::fakeNode;
using sluice::testing::fakeNodes;

// QCOMPARE cannot print nlohmann::json; this shows both sides.
#define QCOMPARE_JSON(actual, expected) \
    QVERIFY2((actual) == (expected), ((actual).dump() + " != " + (expected).dump()).c_str())

namespace {

std::string readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

void writeFile(const std::string& path, const std::string& text) {
    std::ofstream(path, std::ios::binary) << text;
}

// One node of every fake type, awkward values included, wired together.
Graph fakeGraph() {
    Graph g;
    g.meta = {{"name", "Café ☕ test"}, {"description", "line one\nline \"two\""}, {"tags", {1, 2}}};
    GraphNode s = fakeNode("s", "test.source");
    s.title = "Rows";
    s.x = -12.25;
    s.y = 1e-7;
    s.params = {{"rows", 250}};
    g.addNode(s);
    GraphNode d = fakeNode("d", "test.double");
    d.x = 0.1;
    d.y = 3e12;
    g.addNode(d);
    GraphNode t = fakeNode("t", "test.train");
    t.title = "Tree ü";
    t.params = {{"criterion", "entropy"}};
    g.addNode(t);
    g.addNode(fakeNode("k", "test.score"));
    connect(g, {{"s", "table"}, {"d", "table"}}, fakeNodes());
    connect(g, {{"d", "table"}, {"t", "train"}}, fakeNodes());
    connect(g, {{"t", "model"}, {"k", "model"}}, fakeNodes());
    connect(g, {{"s", "table"}, {"k", "table"}}, fakeNodes());
    return g;
}

void compareGraphs(const Graph& a, const Graph& b) {
    QCOMPARE(a.nodes().size(), b.nodes().size());
    for (std::size_t i = 0; i < a.nodes().size(); ++i) {
        const GraphNode &x = a.nodes()[i], &y = b.nodes()[i];
        QCOMPARE(x.id, y.id);
        QCOMPARE(x.type, y.type);
        QCOMPARE(x.title, y.title);
        QCOMPARE(x.x, y.x);
        QCOMPARE(x.y, y.y);
        QCOMPARE_JSON(x.params, y.params);
    }
    QVERIFY(a.edges() == b.edges());
    QCOMPARE_JSON(a.meta, b.meta);
}

// A node of a type from a newer build, with values a careless writer would
// reformat; the text is in this build's canonical form.
const char* const kPlaceholderText = R"({
  "edges": [
    {
      "from": ["s", "table"],
      "to": ["f", "frames"]
    },
    {
      "from": ["f", "cleaned"],
      "to": ["d", "table"]
    }
  ],
  "format": "sluice.pipeline",
  "meta": {},
  "nodes": [
    {
      "id": "s",
      "params": {},
      "position": [0, 0],
      "title": "",
      "type": "test.source"
    },
    {
      "id": "f",
      "params": {
        "deep": {
          "list": [
            {
              "a": null
            },
            [1, 2.5, "x"]
          ],
          "z": -0.001
        },
        "path": "/absolute/not/touched.csv",
        "rate": 1e+300
      },
      "position": [12.5, -3],
      "title": "Future ✨",
      "type": "future.magic_cleaner"
    },
    {
      "id": "d",
      "params": {},
      "position": [300, 0],
      "title": "",
      "type": "test.double"
    }
  ],
  "version": 1
}
)";

}  // namespace

class TestPipelineFile : public QObject {
    Q_OBJECT

private slots:
    void writesSortedIndentedStableText() {
        Graph g;
        g.meta = {{"name", "Iris"}};
        GraphNode s = fakeNode("s", "test.source");
        s.title = "Rows";
        s.x = 10;
        s.y = -20.5;
        s.params = {{"rows", 5}};
        g.addNode(s);
        g.addNode(fakeNode("d", "test.double"));
        g.addEdge({{"s", "table"}, {"d", "table"}});
        const std::string expected = R"({
  "edges": [
    {
      "from": ["s", "table"],
      "to": ["d", "table"]
    }
  ],
  "format": "sluice.pipeline",
  "meta": {
    "name": "Iris"
  },
  "nodes": [
    {
      "id": "s",
      "params": {
        "rows": 5
      },
      "position": [10, -20.5],
      "title": "Rows",
      "type": "test.source"
    },
    {
      "id": "d",
      "params": {},
      "position": [0, 0],
      "title": "",
      "type": "test.double"
    }
  ],
  "version": 1
}
)";
        QCOMPARE(pipelineToText(g, "", fakeNodes()), expected);
    }

    void nodesAndEdgesKeepGraphOrder() {
        Graph g;
        for (const char* id : {"z", "a", "m"})
            g.addNode(fakeNode(id, "test.double"));
        g.addEdge({{"m", "table"}, {"a", "table"}});
        g.addEdge({{"a", "table"}, {"z", "table"}});
        const auto loaded = pipelineFromText(pipelineToText(g, "", fakeNodes()), "", fakeNodes());
        QVERIFY(loaded.warnings.empty());
        compareGraphs(loaded.graph, g);
    }

    void roundTripIsByteIdenticalOverFakeRegistry() {
        const Graph g = fakeGraph();
        const std::string first = pipelineToText(g, "/base", fakeNodes());
        const auto loaded = pipelineFromText(first, "/base", fakeNodes());
        QVERIFY(loaded.warnings.empty());
        compareGraphs(loaded.graph, g);
        QCOMPARE(pipelineToText(loaded.graph, "/base", fakeNodes()), first);
    }

    void roundTripOverEveryBuiltinNodeType() {
        // One node of every registered type with its defaults, path
        // parameters pointing into the pipeline's folder, wired greedily.
        const NodeRegistry& registry = builtinNodes();
        const std::string base =
            std::filesystem::path("/projects/iris").lexically_normal().string();
        Graph g;
        for (const NodeType* type : registry.all()) {
            GraphNode n;
            n.id = g.freshId();
            n.type = type->id();
            n.title = type->info().displayName;
            n.x = 40.0 * static_cast<double>(g.nodes().size());
            n.params = type->withDefaults({});
            for (const auto& spec : type->info().params)
                if (spec.kind == ParamKind::Path)
                    n.params[spec.name] =
                        (std::filesystem::path(base) / "data" / (spec.name + ".csv")).string();
            g.addNode(n);
        }
        for (const auto& from : g.nodes())
            for (const auto& out : registry.find(from.type)->info().outputs)
                for (const auto& to : g.nodes())
                    for (const auto& in : registry.find(to.type)->info().inputs)
                        if (canConnect(g, {{from.id, out.name}, {to.id, in.name}}, registry))
                            g.addEdge({{from.id, out.name}, {to.id, in.name}});
        qInfo("%zu built-in node types, %zu edges", g.nodes().size(), g.edges().size());

        const std::string first = pipelineToText(g, base, registry);
        const auto loaded = pipelineFromText(first, base, registry);
        for (const auto& w : loaded.warnings)
            qWarning("%s", w.message.c_str());
        QVERIFY(loaded.warnings.empty());
        compareGraphs(loaded.graph, g);
        QCOMPARE(pipelineToText(loaded.graph, base, registry), first);
    }

    void fileRoundTripIsByteIdentical() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const std::string path = dir.filePath("p.sluice").toStdString();
        savePipeline(fakeGraph(), path, fakeNodes());
        const std::string first = readFile(path);
        QVERIFY(first.ends_with("}\n"));
        const auto loaded = loadPipeline(path, fakeNodes());
        QVERIFY(loaded.warnings.empty());
        savePipeline(loaded.graph, path, fakeNodes());
        QCOMPARE(readFile(path), first);
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{"p.sluice"});
    }

    void unknownNodeTypeLoadsAsPlaceholderAndSavesBackUnchanged() {
        const auto loaded = pipelineFromText(kPlaceholderText, "/base", fakeNodes());
        QCOMPARE(loaded.warnings.size(), std::size_t{1});
        QCOMPARE(loaded.warnings[0].node, std::string("f"));
        QCOMPARE(loaded.warnings[0].field, std::string("type"));
        QVERIFY(loaded.warnings[0].message.find("unknown node type 'future.magic_cleaner'") !=
                std::string::npos);

        const GraphNode* f = loaded.graph.node("f");
        QVERIFY(f);
        QCOMPARE(f->title, std::string("Future ✨"));
        QCOMPARE(f->x, 12.5);
        QCOMPARE_JSON(f->params["path"], nlohmann::json("/absolute/not/touched.csv"));
        QCOMPARE(loaded.graph.edges().size(), std::size_t{2});  // both sides kept

        bool listed = false;
        for (const auto& p : validate(loaded.graph, fakeNodes()))
            listed = listed || (p.node == "f" && p.field == "type");
        QVERIFY(listed);

        QCOMPARE(pipelineToText(loaded.graph, "/elsewhere", fakeNodes()),
                 std::string(kPlaceholderText));
    }

    void placeholderEdgesStillCheckTheKnownSide() {
        std::string text = kPlaceholderText;
        text.replace(text.find("\"to\": [\"d\", \"table\"]"), 20, "\"to\": [\"d\", \"tabel\"]");
        const auto loaded = pipelineFromText(text, "", fakeNodes());
        QCOMPARE(loaded.graph.edges().size(), std::size_t{1});
        QCOMPARE(loaded.warnings.size(), std::size_t{2});
        QCOMPARE(loaded.warnings[1].node, std::string("d"));
        QCOMPARE(loaded.warnings[1].field, std::string("tabel"));
        QVERIFY(loaded.warnings[1].message.find("'d' has no input 'tabel'") != std::string::npos);
    }

    void failedSaveLeavesTheOldFileIntact() {
        QTemporaryDir dir;
        const std::string path = dir.filePath("keep.sluice").toStdString();
        writeFile(path, "the user's previous pipeline");
        Graph g = fakeGraph();
        g.setTitle("d", "broken \xff text");  // not UTF-8: cannot be written
        try {
            savePipeline(g, path, fakeNodes());
            QFAIL("expected PipelineFileError");
        } catch (const PipelineFileError& e) {
            const std::string why = e.what();
            QVERIFY2(why.find(path) != std::string::npos, e.what());
            QVERIFY2(why.find("node 'd'") != std::string::npos, e.what());
            QVERIFY2(why.find("UTF-8") != std::string::npos, e.what());
        }
        QCOMPARE(readFile(path), std::string("the user's previous pipeline"));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{"keep.sluice"});
    }

    void saveIntoAMissingFolderSaysWhereAndWhy() {
        QTemporaryDir dir;
        const std::string path = dir.filePath("no/such/folder/p.sluice").toStdString();
        try {
            savePipeline(fakeGraph(), path, fakeNodes());
            QFAIL("expected PipelineFileError");
        } catch (const PipelineFileError& e) {
            const std::string why = e.what();
            QVERIFY2(why.find(path) != std::string::npos, e.what());
            QVERIFY2(why.find("No such file or directory") != std::string::npos, e.what());
        }
    }

    void loadingAMissingFileIsFatal() {
        QTemporaryDir dir;
        const std::string path = dir.filePath("gone.sluice").toStdString();
        try {
            loadPipeline(path, fakeNodes());
            QFAIL("expected PipelineFileError");
        } catch (const PipelineFileError& e) {
            QVERIFY2(std::string(e.what()).find(path) != std::string::npos, e.what());
        }
    }
};

SLUICE_TEST_APPLESS_MAIN(TestPipelineFile)
#include "test_pipeline_file.moc"
