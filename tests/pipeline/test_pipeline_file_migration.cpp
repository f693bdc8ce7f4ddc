// Format migrations: a version-0 file (fixtures/pipeline_v0.sluice) loads
// through the v0 -> v1 step into exactly the version-1 file a current build
// would write (fixtures/pipeline_v0_migrated.sluice).
#include <QtTest>

#include <fstream>
#include <sstream>

#include "fake_nodes.h"
#include "pipeline_io/pipeline_file.h"
#include "pipeline_io/pipeline_migrations.h"
#include "support/test_registry.h"

using namespace sluice;
using sluice::testing::fakeNodes;

// QCOMPARE cannot print nlohmann::json; this shows both sides.
#define QCOMPARE_JSON(actual, expected) \
    QVERIFY2((actual) == (expected), ((actual).dump() + " != " + (expected).dump()).c_str())

namespace {

std::string fixture(const char* name) {
    return std::string(SLUICE_PIPELINE_FIXTURES "/") + name;
}

std::string readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

}  // namespace

class TestPipelineFileMigration : public QObject {
    Q_OBJECT

private slots:
    void versionZeroLoadsAsTheCurrentFormat() {
        const auto loaded = loadPipeline(fixture("pipeline_v0.sluice"), fakeNodes());
        for (const auto& w : loaded.warnings)
            qWarning("%s", w.message.c_str());
        QVERIFY(loaded.warnings.empty());
        QCOMPARE(loaded.graph.nodes().size(), std::size_t{4});
        QCOMPARE(loaded.graph.edges().size(), std::size_t{4});
        QCOMPARE(loaded.graph.node("src")->y, 20.5);
        QCOMPARE_JSON(loaded.graph.node("fit")->params["criterion"], nlohmann::json("entropy"));
        QCOMPARE_JSON(loaded.graph.meta["name"], nlohmann::json("Iris classification"));
        QCOMPARE(pipelineToText(loaded.graph, "", fakeNodes()),
                 readFile(fixture("pipeline_v0_migrated.sluice")));
    }

    void theMigratedFileLoadsToTheSameGraph() {
        const auto old = loadPipeline(fixture("pipeline_v0.sluice"), fakeNodes());
        const auto migrated = loadPipeline(fixture("pipeline_v0_migrated.sluice"), fakeNodes());
        QVERIFY(migrated.warnings.empty());
        QCOMPARE(pipelineToText(old.graph, "", fakeNodes()),
                 pipelineToText(migrated.graph, "", fakeNodes()));
    }

    void theStepRewritesEachOldField() {
        auto doc = nlohmann::json::parse(R"({"sluice_pipeline": 0, "name": "p",
            "nodes": [{"id": "a:b", "type": "t", "x": 1, "y": 2, "parameters": {"k": 3}}],
            "edges": [{"source": "a:b:out", "target": "c:in"}]})");
        std::vector<PipelineWarning> warnings;
        migratePipeline(doc, 0, warnings);
        QVERIFY(warnings.empty());
        const auto want = nlohmann::json::parse(R"({"format": "sluice.pipeline", "version": 1,
            "meta": {"name": "p"},
            "nodes": [{"id": "a:b", "type": "t", "position": [1, 2], "params": {"k": 3}}],
            "edges": [{"from": ["a:b", "out"], "to": ["c", "in"]}]})");
        QCOMPARE_JSON(doc, want);
    }

    void currentVersionIsLeftAlone() {
        auto doc = nlohmann::json::parse(R"({"format": "sluice.pipeline", "version": 1,
            "nodes": [{"x": 1}]})");
        const auto before = doc;
        std::vector<PipelineWarning> warnings;
        migratePipeline(doc, kPipelineFormatVersion, warnings);
        QCOMPARE_JSON(doc, before);
    }
};

SLUICE_TEST_APPLESS_MAIN(TestPipelineFileMigration)
#include "test_pipeline_file_migration.moc"
