// Malformed .sluice files (fixtures/malformed/*.sluice), each with the
// message it must produce: fatal ones throw PipelineFileError naming the
// file, the rest load what they can with a warning naming node and field.
#include <QtTest>

#include <string>

#include "fake_nodes.h"
#include "pipeline_io/pipeline_file.h"
#include "support/test_registry.h"

using namespace sluice;
using sluice::testing::fakeNodes;

// QCOMPARE cannot print nlohmann::json; this shows both sides.
#define QCOMPARE_JSON(actual, expected) \
    QVERIFY2((actual) == (expected), ((actual).dump() + " != " + (expected).dump()).c_str())

namespace {

std::string fixture(const QString& name) {
    return (QStringLiteral(SLUICE_PIPELINE_FIXTURES "/malformed/") + name + ".sluice")
        .toStdString();
}

}  // namespace

class TestPipelineFileMalformed : public QObject {
    Q_OBJECT

private slots:
    void loadsWhatItCanAndSaysWhy_data() {
        QTest::addColumn<bool>("fatal");
        QTest::addColumn<QString>("node");  // the warning's node ("" for file-wide)
        QTest::addColumn<QString>("fragment");
        QTest::addColumn<int>("nodes");  // what still loads
        QTest::addColumn<int>("edges");
        auto fatal = [](const char* file, const char* fragment) {
            QTest::newRow(file) << true << QString() << QString::fromUtf8(fragment) << 0 << 0;
        };
        auto warns = [](const char* file, const char* node, const char* fragment, int nodes,
                        int edges) {
            QTest::newRow(file) << false << QString::fromUtf8(node) << QString::fromUtf8(fragment)
                                << nodes << edges;
        };
        fatal("invalid_json_trailing_comma",
              "is not valid JSON (line 4, column 1): syntax error while parsing object key");
        fatal("invalid_json_truncated", "(line 3, column 13): syntax error");
        fatal("invalid_json_single_quotes", "(line 3, column 33)");  // 'é' counts once
        fatal("empty_file", "(line 1, column 1)");
        fatal("not_an_object", "expected a JSON object at the top, found array");
        fatal("wrong_format", R"("format" is "orange.scheme", expected "sluice.pipeline")");
        fatal("missing_format", R"(the "format" field is missing)");
        fatal("newer_version",
              "newer Sluice (pipeline format version 7); this build reads versions up to 1");
        fatal("version_as_text", R"("version" must be a whole number, not "1")");
        fatal("missing_version", R"(has no "version" field)");

        warns("duplicate_id", "n1",
              "node 's', field 'id': used by an earlier node; this one was renamed 'n1'", 3, 1);
        warns("missing_node_id", "n1",
              "node 2, field 'id': missing; the node was given the id 'n1'", 2, 0);
        warns("missing_node_type", "x", "node 'x', field 'type': missing; the node was dropped", 1,
              0);
        warns("node_not_an_object", "", "node 2: must be an object, not number", 1, 0);
        warns("param_out_of_range", "s", "parameter 'rows': must be at most 1000, not 5000; kept",
              1, 0);
        warns("param_bad_choice", "t", "parameter 'criterion': 'fast' is not one of: gini, entropy",
              1, 0);
        warns("param_wrong_type", "s", "parameter 'rows': must be a whole number", 1, 0);
        warns("param_unknown", "s", "parameter 'speed': not a parameter of 'test.source'", 1, 0);
        warns("position_wrong_type", "s", "field 'position': must be a list, not string", 1, 0);
        warns("position_wrong_shape", "s", "field 'position': must be [x, y] numbers", 1, 0);
        warns("params_not_an_object", "s", "field 'params': must be an object, not array", 1, 0);
        warns("title_missing", "s", "node 's', field 'title': missing", 1, 0);
        warns("nodes_not_a_list", "", "field 'nodes': must be a list, not object", 0, 0);
        warns("edges_missing", "", "field 'edges': missing", 1, 0);
        warns("edge_unknown_node", "s", "there is no node 'ghost'; the edge was dropped", 2, 0);
        warns("edge_unknown_port", "d", "has no output 'tabel'", 2, 0);
        warns("edge_type_mismatch", "d", "cannot connect a Model output to a Table input", 2, 0);
        warns("edge_self_loop", "d", "a node cannot feed its own input", 1, 0);
        warns("edge_input_taken", "d", "edge 2 from 's2.table' to 'd.table': the input 'table'", 3,
              1);
        warns("edge_cycle", "a", "would make a loop", 2, 1);
        warns("edge_malformed", "", "edge 1, field 'from': must be [node, port]", 2, 0);
        warns("unknown_top_field", "", "field 'colour': unknown field, ignored", 1, 0);
        warns("v0_bad_endpoint", "", "'s' is not of the form 'node:port'", 2, 0);
        warns("unknown_node_type", "m", "unknown node type 'future.magic'; kept as a placeholder",
              2, 1);
    }

    void loadsWhatItCanAndSaysWhy() {
        QFETCH(bool, fatal);
        QFETCH(QString, node);
        QFETCH(QString, fragment);
        QFETCH(int, nodes);
        QFETCH(int, edges);
        const std::string path = fixture(QTest::currentDataTag());
        const std::string want = fragment.toStdString();
        if (fatal) {
            try {
                loadPipeline(path, fakeNodes());
                QFAIL("expected PipelineFileError");
            } catch (const PipelineFileError& e) {
                const std::string why = e.what();
                QVERIFY2(why.find(want) != std::string::npos, e.what());
                QVERIFY2(why.find(path) != std::string::npos, e.what());
            }
            return;
        }
        const PipelineLoadResult loaded = loadPipeline(path, fakeNodes());
        const PipelineWarning* match = nullptr;
        std::string all;
        for (const auto& w : loaded.warnings) {
            all += w.message + "\n";
            if (!match && w.message.find(want) != std::string::npos)
                match = &w;
        }
        QVERIFY2(match, ("no warning has the fragment; warnings:\n" + all).c_str());
        QCOMPARE(QString::fromStdString(match->node), node);
        QVERIFY2(!match->field.empty(), match->message.c_str());
        QCOMPARE(static_cast<int>(loaded.graph.nodes().size()), nodes);
        QCOMPARE(static_cast<int>(loaded.graph.edges().size()), edges);
    }

    void keepsBadParameterValuesAsWritten() {
        const auto loaded = loadPipeline(fixture("param_out_of_range"), fakeNodes());
        QCOMPARE_JSON(loaded.graph.node("s")->params["rows"], nlohmann::json(5000));
    }

    void deeplyNestedJsonDoesNotCrash() {
        const std::string deep = std::string(100000, '[') + std::string(100000, ']');
        QVERIFY_THROWS_EXCEPTION(PipelineFileError, pipelineFromText(deep, "", fakeNodes()));
        const std::string open = std::string(100000, '{');
        QVERIFY_THROWS_EXCEPTION(PipelineFileError, pipelineFromText(open, "", fakeNodes()));
    }

    void fieldsOfTheWrongKindNeverThrow() {
        // Every field of a valid node replaced by values of every kind.
        const nlohmann::json kinds =
            nlohmann::json::array({nullptr, true, -1, 2.5, "text", nlohmann::json::array({1, "a"}),
                                   nlohmann::json::object({{"k", 1}})});
        for (const char* field : {"id", "type", "title", "position", "params"})
            for (const auto& value : kinds) {
                nlohmann::json doc = nlohmann::json::parse(R"({
                    "format": "sluice.pipeline", "version": 1, "meta": {},
                    "nodes": [{"id": "s", "type": "test.source", "title": "",
                               "position": [0, 0], "params": {"rows": 1}}],
                    "edges": [{"from": null, "to": ["s", "table"]}]})");
                doc["meta"] = value;
                doc["edges"][0]["from"] = value;
                doc["nodes"][0]["params"]["rows"] = value;
                doc["nodes"][0][field] = value;
                const auto loaded = pipelineFromText(doc.dump(), "", fakeNodes());
                QVERIFY(!loaded.warnings.empty());
                QVERIFY(loaded.graph.nodes().size() <= 1);
            }
    }
};

SLUICE_TEST_APPLESS_MAIN(TestPipelineFileMalformed)
#include "test_pipeline_file_malformed.moc"
