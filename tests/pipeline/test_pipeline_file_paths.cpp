// Path parameters in .sluice files: relative to the pipeline's folder with
// '/' separators in the file, absolute in the loaded Graph, so a folder of
// pipeline and data can move; other parameters are never touched.
#include <QTemporaryDir>
#include <QtTest>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "fake_nodes.h"
#include "pipeline_io/pipeline_file.h"
#include "support/test_registry.h"

using namespace sluice;
namespace fs = std::filesystem;

// QCOMPARE cannot print nlohmann::json; this shows both sides.
#define QCOMPARE_JSON(actual, expected) \
    QVERIFY2((actual) == (expected), ((actual).dump() + " != " + (expected).dump()).c_str())

namespace {

// A reader with a path and a plain string parameter, and a writer.
const NodeRegistry& fileNodes() {
    static const NodeRegistry registry = [] {
        NodeRegistry r;
        auto add = [&](NodeInfo info) {
            r.add(std::make_unique<sluice::testing::FakeNode>(std::move(info)));
        };
        add({"test.read",
             "Read",
             NodeCategory::Data,
             "reads a file",
             {},
             {{"table", PortType::Table, "Table"}},
             {pathParam("path", "File", "the file to read"),
              stringParam("note", "Note", "", "free text, never rewritten")}});
        add({"test.write",
             "Write",
             NodeCategory::Output,
             "writes a file",
             {{"table", PortType::Table, "Table"}},
             {},
             {pathParam("out", "File", "where to write")}});
        return r;
    }();
    return registry;
}

std::string readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::string native(const fs::path& p) {
    return p.lexically_normal().string();
}

Graph readWrite(const fs::path& data, const fs::path& out) {
    Graph g;
    g.addNode({"r", "test.read", "", 0, 0, {{"path", native(data)}, {"note", native(data)}}});
    g.addNode({"w", "test.write", "", 0, 0, {{"out", native(out)}}});
    g.addEdge({{"r", "table"}, {"w", "table"}});
    return g;
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

}  // namespace

class TestPipelineFilePaths : public QObject {
    Q_OBJECT

private slots:
    void pathParametersAreStoredRelativeWithSlashes() {
        const fs::path base = fs::absolute("/projects/iris");
        const Graph g =
            readWrite(base / "data" / "iris.csv", base.parent_path() / "results" / "out.csv");
        const std::string text = pipelineToText(g, native(base), fileNodes());
        QVERIFY2(contains(text, R"("path": "data/iris.csv")"), text.c_str());
        QVERIFY2(contains(text, R"("out": "../results/out.csv")"), text.c_str());
        // A string parameter is the user's text, even when it looks like a path.
        QVERIFY2(contains(text, nlohmann::json(native(base / "data" / "iris.csv")).dump()),
                 text.c_str());
    }

    void loadingMakesThemAbsoluteAgain() {
        const fs::path base = fs::absolute("/projects/iris");
        const Graph g =
            readWrite(base / "data" / "iris.csv", base.parent_path() / "results" / "out.csv");
        const auto loaded = pipelineFromText(pipelineToText(g, native(base), fileNodes()),
                                             native(base), fileNodes());
        QVERIFY(loaded.warnings.empty());
        QCOMPARE(loaded.graph.node("r")->params, g.node("r")->params);
        QCOMPARE_JSON(loaded.graph.node("w")->params["out"],
                      nlohmann::json(native(base.parent_path() / "results" / "out.csv")));
    }

    void emptyValuesAndAnEmptyBaseLeavePathsAlone() {
        Graph g;
        g.addNode({"r", "test.read", "", 0, 0, {{"path", ""}}});
        g.addNode({"w", "test.write", "", 0, 0, {{"out", "/abs/out.csv"}}});
        const std::string text = pipelineToText(g, "", fileNodes());
        QVERIFY(contains(text, R"("path": "")"));
        QVERIFY(contains(text, R"("out": "/abs/out.csv")"));
        const auto loaded = pipelineFromText(R"({"format": "sluice.pipeline", "version": 1,
            "meta": {}, "edges": [], "nodes": [{"id": "r", "type": "test.read", "title": "",
            "position": [0, 0], "params": {"path": "data/x.csv"}}]})",
                                             "", fileNodes());
        QCOMPARE_JSON(loaded.graph.node("r")->params["path"], nlohmann::json("data/x.csv"));
    }

    void movingThePipelineFolderKeepsItsPathsWorking() {
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const fs::path root = tmp.path().toStdString();
        const fs::path project = root / "project";
        fs::create_directories(project / "data");
        std::ofstream(project / "data" / "iris.csv") << "a,b\n1,2\n";
        const std::string file = native(project / "iris.sluice");
        savePipeline(readWrite(project / "data" / "iris.csv", project / "out" / "pred.csv"), file,
                     fileNodes());
        const std::string saved = readFile(file);

        const fs::path moved = root / "elsewhere" / "moved project";
        fs::create_directories(moved.parent_path());
        fs::rename(project, moved);

        const auto loaded = loadPipeline(native(moved / "iris.sluice"), fileNodes());
        QVERIFY(loaded.warnings.empty());
        const std::string path = loaded.graph.node("r")->params["path"].get<std::string>();
        QCOMPARE(path, native(moved / "data" / "iris.csv"));
        QVERIFY(fs::exists(path));
        QCOMPARE_JSON(loaded.graph.node("w")->params["out"],
                      nlohmann::json(native(moved / "out" / "pred.csv")));
        // The note is plain text: it still names the old place.
        QCOMPARE_JSON(loaded.graph.node("r")->params["note"],
                      nlohmann::json(native(project / "data" / "iris.csv")));

        savePipeline(loaded.graph, native(moved / "iris.sluice"), fileNodes());
        QCOMPARE(readFile(native(moved / "iris.sluice")), saved);
    }
};

SLUICE_TEST_APPLESS_MAIN(TestPipelineFilePaths)
#include "test_pipeline_file_paths.moc"
