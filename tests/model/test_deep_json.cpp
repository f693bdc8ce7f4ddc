// Issue 24: JSON nested a million levels deep, through every door Sluice
// reads JSON from in the model layer: pipeline files, model files, run
// records, text parameters that hold JSON (a network's layers) and sweep
// values. Before the nesting limit each of these overflowed the stack
// (copying or destroying nlohmann's value recurses per level); now each
// refuses with the place named. The clipboard and recovery copies are in
// tests/app/test_deep_json_app.cpp, `--set` in tests/runner.
#include <QTemporaryDir>
#include <QtTest>
#include <fstream>

#include "history/run_history.h"
#include "io/json_nesting.h"
#include "ml/core/ml_errors.h"
#include "ml/pipeline/trained_pipeline.h"
#include "nodes/node_registry.h"
#include "nodes/train_nodes/train_node.h"
#include "pipeline_io/pipeline_file.h"
#include "support/test_registry.h"
#include "sweep/sweep_axis.h"

using namespace sluice;

namespace {

constexpr std::size_t kMillion = 1000000;

std::string nestedArrays(std::size_t depth) {
    return std::string(depth, '[') + std::string(depth, ']');
}

// A pipeline whose Read CSV path is `value`.
std::string pipelineWithPath(const std::string& value) {
    return R"({"format": "sluice.pipeline", "version": 1, "meta": {},
"nodes": [{"id": "read", "type": "data.read_csv", "title": "Read CSV",
           "position": [0, 0], "params": {"path": )" +
           value + R"(}}],
"edges": []})";
}

void writeFile(const QString& path, const std::string& text) {
    std::ofstream out(path.toStdString(), std::ios::binary);
    out << text;
}

template <typename Error, typename F>
QString messageOf(F&& f) {
    try {
        f();
    } catch (const Error& e) {
        return QString::fromStdString(e.what());
    }
    return {};
}

}  // namespace

class TestDeepJson : public QObject {
    Q_OBJECT

private slots:
    void nestingWithinTheLimitPasses() {
        checkJsonNesting(nestedArrays(kJsonMaxDepth));
        // (Not a raw string: moc loses the class after one like it.)
        checkJsonNesting("{\"a\": [1, {\"b\": \"" + std::string(2000, '[') + "\"}]}");
        // Brackets inside strings, escaped quotes included, are not nesting.
        checkJsonNesting("[\"\\\"" + std::string(2000, '[') + "\"]");
    }

    void nestingPastTheLimitNamesLineColumnAndPath() {
        const std::string text =
            "{\n  \"nodes\": [1, {\"params\": {\"layers\": " + nestedArrays(kJsonMaxDepth) + "}}]}";
        try {
            checkJsonNesting(text);
            QFAIL("no error");
        } catch (const JsonNestingError& e) {
            QCOMPARE(e.line(), 2);
            // `  "nodes": [1, {"params": {"layers": ` is 37 characters; four
            // levels open above the layers' arrays leave room for 508 of
            // them: the 509th is too deep.
            QCOMPARE(e.column(), 37 + 509);
            QVERIFY2(QString::fromStdString(e.path()).startsWith("nodes[1].params.layers[0]"),
                     e.what());
            QVERIFY2(QString(e.what()).contains("deeper than 512 levels at line 2"), e.what());
        }
    }

    void columnsCountCharactersNotBytes() {
        // "é" is two bytes and one column.
        const std::string text = "{\"é\": " + nestedArrays(kJsonMaxDepth + 1) + "}";
        try {
            checkJsonNesting(text);
            QFAIL("no error");
        } catch (const JsonNestingError& e) {
            QCOMPARE(e.column(), 6 + kJsonMaxDepth);
            QCOMPARE(QString::fromStdString(e.path()).left(4), QString::fromUtf8("é[0]"));
        }
    }

    void pipelineFileAMillionDeepIsRefused() {
        QTemporaryDir dir;
        const QString path = dir.filePath("deep.sluice");
        writeFile(path, pipelineWithPath(nestedArrays(kMillion)));
        const QString message = messageOf<PipelineFileError>(
            [&] { (void)loadPipeline(path.toStdString(), builtinNodes()); });
        QVERIFY2(message.contains(path), qPrintable(message));
        QVERIFY2(message.contains("nested deeper than 512 levels at line 3, column 559"),
                 qPrintable(message));
        QVERIFY2(message.contains("in nodes[0].params.path[0]"), qPrintable(message));
    }

    void pipelineFileAtTheLimitStillReads() {
        // Deep but allowed: the value is refused as a path, with a warning,
        // not the file.
        const auto loaded = pipelineFromText(pipelineWithPath(nestedArrays(kJsonMaxDepth - 5)), "",
                                             builtinNodes(), "ok.sluice");
        QCOMPARE(loaded.graph.nodes().size(), std::size_t{1});
    }

    void modelFileAMillionDeepIsRefused() {
        QTemporaryDir dir;
        const QString path = dir.filePath("model.json");
        writeFile(path, R"({"format": "sluice.model", "version": 1, "steps": )" +
                            nestedArrays(kMillion) + "}");
        const QString message = messageOf<ml::MisuseError>(
            [&] { (void)ml::TrainedPipeline::load(path.toStdString()); });
        QVERIFY2(message.contains("model file '" + path + "'"), qPrintable(message));
        QVERIFY2(
            message.contains("nested deeper than 512 levels at line 1, column 562, in steps[0]"),
            qPrintable(message));
    }

    void runRecordAMillionDeepIsSkippedWithAWarning() {
        QTemporaryDir dir;
        const history::RunHistory runs(dir.filePath("p.sluice").toStdString());
        QVERIFY(QDir().mkpath(QString::fromStdString(runs.directory())));
        const std::string path = runs.pathOf("20261207-120000-deep");
        writeFile(QString::fromStdString(path),
                  R"({"format": "sluice.run-record", "version": 1, "id": "x", "metrics": )" +
                      nestedArrays(kMillion) + "}");
        const QString message =
            messageOf<history::HistoryError>([&] { (void)runs.load("20261207-120000-deep"); });
        QVERIFY2(message.contains(QString::fromStdString(path)), qPrintable(message));
        QVERIFY2(message.contains("nested deeper than 512 levels"), qPrintable(message));
        const auto listing = runs.list();
        QCOMPARE(listing.runs.size(), std::size_t{0});
        QCOMPARE(listing.warnings.size(), std::size_t{1});
    }

    void textParameterHoldingJsonAMillionDeepIsRefused() {
        const auto* mlp =
            dynamic_cast<const TrainNode*>(builtinNodes().find("train.mlp_classifier"));
        QVERIFY(mlp);
        const nlohmann::json params = {{"hidden_layer_sizes", nestedArrays(kMillion)}};
        const QString message = messageOf<NodeError>([&] { (void)mlp->makeLearner(params); });
        QVERIFY2(message.startsWith("Hidden layers: JSON nested deeper than 512"),
                 qPrintable(message));
    }

    void sweepValueAMillionDeepIsRefused() {
        const QString message = messageOf<sweep::SweepError>(
            [&] { (void)sweep::parseAxisValues("1," + nestedArrays(kMillion)); });
        QVERIFY2(message.contains("nested deeper than 512 levels"), qPrintable(message));
    }
};

SLUICE_TEST_APPLESS_MAIN(TestDeepJson)
#include "test_deep_json.moc"
