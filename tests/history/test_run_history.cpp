// The run history: SHA-256, records written and listed, the parameter diff,
// input and produced file hashes, curves of cached nodes, damaged files.
#include <QTemporaryDir>
#include <QtTest>

#include <filesystem>
#include <fstream>
#include <memory>

#include "engine/engine.h"
#include "history/param_diff.h"
#include "history/restore_plan.h"
#include "history/run_history.h"
#include "history/run_recorder.h"
#include "nodes/results.h"
#include "pipeline_io/pipeline_file.h"
#include "support/test_registry.h"
#include "util/sha256.h"

using namespace sluice;
using namespace sluice::history;
using nlohmann::json;

namespace {

const std::string kCsv = "x,y\n1,2\n3,4\n";
// `printf 'x,y\n1,2\n3,4\n' | sha256sum`
const std::string kCsvSha256 = "2a2b86e74ffd5e6a9b75e52a105cf9d02920837179f8e8961aa15411d380f7a3";

std::string writeFile(const QTemporaryDir& dir, const std::string& name, const std::string& bytes) {
    const std::string path = dir.filePath(QString::fromStdString(name)).toStdString();
    std::ofstream(path, std::ios::binary) << bytes;
    return path;
}

// read_csv -> write_predictions, with paths relative to the pipeline's folder.
Graph readWriteGraph(const std::string& folder, const std::string& delimiter = "comma") {
    Graph g;
    g.meta = {{"name", "Copy"}};
    g.addNode({"read",
               "data.read_csv",
               "Read",
               0,
               0,
               {{"path", folder + "/in.csv"}, {"delimiter", delimiter}}});
    g.addNode(
        {"write", "output.write_predictions", "Write", 200, 0, {{"path", folder + "/out.csv"}}});
    g.addEdge({{"read", "table"}, {"write", "table"}});
    return g;
}

RunRecord runAndRecord(const Graph& graph, const std::string& pipeline,
                       const std::string& source = kSourceRunner) {
    engine::Engine engine;
    engine::RunOptions options;
    options.threads = 1;
    options.baseDirectory = std::filesystem::path(pipeline).parent_path().string();
    RunRecorder recorder(graph, {pipeline, source});
    const engine::RunResult result = engine.run(graph, options, &recorder);
    return recorder.finish(result);
}

}  // namespace

class TestRunHistory : public QObject {
    Q_OBJECT

private slots:
    void sha256KnownAnswers() {
        QCOMPARE(sha256Hex("abc"),
                 std::string("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
        QCOMPARE(sha256Hex(kCsv), kCsvSha256);
        // Fed in pieces that straddle block boundaries: the same digest.
        const std::string bytes(1000, 'q');
        for (std::size_t piece : {1u, 7u, 63u, 64u, 65u, 999u}) {
            Sha256 h;
            for (std::size_t i = 0; i < bytes.size(); i += piece)
                h.update(std::string_view(bytes).substr(i, piece));
            QCOMPARE(h.hex(), sha256Hex(bytes));
        }
        QTemporaryDir dir;
        std::uint64_t size = 0;
        QCOMPARE(sha256File(writeFile(dir, "f.csv", kCsv), &size), kCsvSha256);
        QCOMPARE(size, std::uint64_t(kCsv.size()));
        QVERIFY_THROWS_EXCEPTION(std::runtime_error,
                                 sha256File(dir.filePath("none").toStdString()));
    }

    void diffNamesEveryChange() {
        const json before = {{"a", {{"type", "t"}, {"params", {{"k", 1}, {"gone", true}}}}},
                             {"b", {{"type", "u"}, {"params", json::object()}}}};
        const json after = {{"a", {{"type", "t"}, {"params", {{"k", 2.0}, {"new", "x"}}}}},
                            {"c", {{"type", "v"}, {"params", json::object()}}}};
        const std::vector<ParamChange> expected = {
            {"a", "gone", true, nullptr}, {"a", "k", 1, 2.0},      {"a", "new", nullptr, "x"},
            {"c", "", nullptr, "v"},      {"b", "", "u", nullptr},
        };
        QCOMPARE(diffParameters(before, after), expected);
        // 1 and 1.0 are the same value.
        const json one = {{"a", {{"type", "t"}, {"params", {{"k", 1}}}}}};
        const json oneFloat = {{"a", {{"type", "t"}, {"params", {{"k", 1.0}}}}}};
        QVERIFY(diffParameters(one, oneFloat).empty());
    }

    void recordsARealRunWithHashesAndDiff() {
        QTemporaryDir dir;
        const std::string folder = dir.path().toStdString();
        writeFile(dir, "in.csv", kCsv);
        const std::string pipeline = folder + "/copy.sluice";

        RunRecord first = runAndRecord(readWriteGraph(folder), pipeline);
        QCOMPARE(first.status, std::string("ok"));
        QCOMPARE(first.source, std::string("sluice-run"));
        QCOMPARE(first.pipelineName, std::string("Copy"));
        QCOMPARE(first.pipelineSha256, sha256Hex(pipelineToText(readWriteGraph(folder), folder)));
        // Parameters: defaults filled, paths relative to the pipeline.
        QCOMPARE(first.parameters["read"]["params"]["path"], json("in.csv"));
        QCOMPARE(first.parameters["read"]["params"]["header"], json("auto"));
        QCOMPARE(first.inputs.size(), std::size_t(1));
        QCOMPARE(first.inputs[0].path, std::string("in.csv"));
        QCOMPARE(first.inputs[0].sha256, kCsvSha256);
        QCOMPARE(first.inputs[0].size, std::uint64_t(kCsv.size()));
        QVERIFY(!first.inputs[0].changedDuringRun);
        QCOMPARE(first.produced.size(), std::size_t(1));
        QCOMPARE(first.produced[0].path, std::string("out.csv"));
        QCOMPARE(first.produced[0].kind, std::string("table"));
        QCOMPARE(first.produced[0].sha256, sha256File(folder + "/out.csv"));
        QCOMPARE(first.nodes.size(), std::size_t(2));
        QCOMPARE(first.nodes[0].status, std::string("done"));
        QVERIFY(first.started.size() == 24 && first.started.back() == 'Z');
        QVERIFY(first.ended >= first.started);

        const RunHistory history(pipeline);
        QCOMPARE(history.directory(), folder + "/.sluice-runs/copy");
        const std::string firstPath = history.add(first);
        QVERIFY(std::filesystem::exists(firstPath));
        QVERIFY(!first.previous);
        QVERIFY(first.changes.empty());

        RunRecord second = runAndRecord(readWriteGraph(folder, "semicolon"), pipeline, kSourceGui);
        history.add(second);
        QCOMPARE(second.previous, std::optional<std::string>(first.id));
        const std::vector<ParamChange> expected = {{"read", "delimiter", "comma", "semicolon"}};
        QCOMPARE(second.changes, expected);
        QVERIFY(second.pipelineSha256 != first.pipelineSha256);

        const RunHistory::Listing listing = history.list();
        QVERIFY(listing.warnings.empty());
        QCOMPARE(listing.runs.size(), std::size_t(2));
        QCOMPARE(listing.runs[0].id, second.id);  // newest first
        QCOMPARE(listing.runs[1].id, first.id);
        QCOMPARE(listing.runs[0].changes, expected);
        QCOMPARE(listing.runs[0].source, std::string("gui"));
        QCOMPARE(history.load(first.id).inputs[0].sha256, kCsvSha256);
    }

    void metricsAndCurvesRoundTrip() {
        QTemporaryDir dir;
        const std::string pipeline = dir.filePath("m.sluice").toStdString();
        Graph g;
        g.addNode({"train", "test.trainer", "Trainer", 0, 0, {}});
        RunRecorder recorder(g, {pipeline, kSourceSweep, std::nullopt, {{"sweep", 3}}});
        engine::RunEvent metrics;
        metrics.kind = engine::RunEvent::Kind::Metrics;
        metrics.node = "train";
        metrics.metrics = {{"loss", 2, 0.5}, {"loss", 1, 0.9}, {"acc", 1, 0.7}};
        recorder.onEvent(metrics);
        metrics.metrics = {{"loss", 3, 0.25}};
        recorder.onEvent(metrics);

        engine::RunResult result;
        engine::NodeOutcome& outcome = result.nodes["train"];
        outcome.status = engine::NodeStatus::Done;
        outcome.seconds = 1.5;
        auto scores = std::make_shared<Results>();
        scores->metrics = {{"accuracy", 0.95}, {"bad", std::nan("")}};
        outcome.outputs["scores"] = ResultsValue(scores);
        outcome.metrics = {{"loss", 0.25}};
        RunRecord record = recorder.finish(result);
        RunHistory(pipeline).add(record);

        const RunRecord back = RunHistory(pipeline).load(record.id);
        QCOMPARE(back.source, std::string("sweep"));
        QCOMPARE(back.context, json({{"sweep", 3}}));
        QCOMPARE(back.nodes[0].seconds, 1.5);
        QVERIFY(back.metric("train", "scores", "accuracy"));
        QCOMPARE(back.metric("train", "scores", "accuracy")->value, 0.95);
        QVERIFY(std::isnan(back.metric("train", "scores", "bad")->value));
        QCOMPARE(back.metric("train", "", "loss")->value, 0.25);
        QCOMPARE(back.curves.size(), std::size_t(2));
        QCOMPARE(back.curves[0].name, std::string("loss"));
        QCOMPARE(back.curves[0].steps, (std::vector<int>{1, 2, 3}));  // sorted by step
        QCOMPARE(back.curves[0].values, (std::vector<double>{0.9, 0.5, 0.25}));
        QCOMPARE(back.curves[1].name, std::string("acc"));
    }

    void cachedNodeKeepsTheCurvesItWasTrainedWith() {
        QTemporaryDir dir;
        const std::string pipeline = dir.filePath("c.sluice").toStdString();
        Graph g;
        g.addNode({"train", "test.trainer", "Trainer", 0, 0, {}});
        const RunHistory history(pipeline);

        RunRecorder first(g, {pipeline});
        engine::RunEvent metrics;
        metrics.kind = engine::RunEvent::Kind::Metrics;
        metrics.node = "train";
        metrics.metrics = {{"loss", 1, 0.5}};
        first.onEvent(metrics);
        engine::RunResult run;
        run.nodes["train"].status = engine::NodeStatus::Done;
        run.nodes["train"].key = "abc";
        RunRecord one = first.finish(run);
        history.add(one);

        RunRecorder second(g, {pipeline});
        run.nodes["train"].cached = true;
        RunRecord two = second.finish(run);
        QVERIFY(two.curves.empty());
        history.add(two);
        QCOMPARE(two.curves.size(), std::size_t(1));
        QCOMPARE(two.curves[0].values, std::vector<double>{0.5});

        // Another key: not the same training, no curves borrowed.
        RunRecorder third(g, {pipeline});
        run.nodes["train"].key = "other";
        RunRecord three = third.finish(run);
        history.add(three);
        QVERIFY(three.curves.empty());
    }

    void restorePlanEditsOnlyWhatDiffers() {
        QTemporaryDir dir;
        const std::string folder = dir.path().toStdString();
        writeFile(dir, "in.csv", kCsv);
        const std::string pipeline = folder + "/copy.sluice";
        RunRecord run = runAndRecord(readWriteGraph(folder, "semicolon"), pipeline);
        run.parameters["gone"] = {{"type", "data.read_csv"}, {"params", json::object()}};

        // The pipeline now: another delimiter, another file, the writer retyped.
        Graph now = readWriteGraph(folder, "tab");
        now.setParams("read", {{"path", folder + "/other.csv"}, {"delimiter", "tab"}});
        now.removeNode("write");
        now.addNode({"write", "output.save_model", "Write", 0, 0, {}});
        const RestorePlan plan = planRestore(run, now, builtinNodes(), folder);
        QCOMPARE(plan.edits.size(), std::size_t(2));
        QCOMPARE(plan.edits[0].node, std::string("read"));
        QCOMPARE(plan.edits[0].param, std::string("delimiter"));
        QCOMPARE(plan.edits[0].value, json("semicolon"));
        QCOMPARE(plan.edits[1].param, std::string("path"));
        QCOMPARE(plan.edits[1].value, json(folder + "/in.csv"));  // absolute again
        QCOMPARE(plan.skipped, (std::vector<std::string>{"gone", "write"}));
        // Nothing to do when the pipeline already matches.
        const RestorePlan same =
            planRestore(run, readWriteGraph(folder, "semicolon"), builtinNodes(), folder);
        QVERIFY(same.edits.empty());
    }

    void damagedFilesAreSkippedWithAWarning() {
        QTemporaryDir dir;
        const std::string pipeline = dir.filePath("d.sluice").toStdString();
        const RunHistory history(pipeline);
        Graph g;
        RunRecorder recorder(g, {pipeline});
        RunRecord good = recorder.finishWithError("no node called x");
        history.add(good);
        QCOMPARE(good.status, std::string("error"));

        const std::filesystem::path folder = history.directory();
        std::ofstream(folder / "20200101T000000.000Z-0001.json") << "{\"format\": \"sluice.run-re";
        std::ofstream(folder / "20200101T000000.000Z-0002.json") << "[1, 2]";
        std::ofstream(folder / "20200101T000000.000Z-0003.json")
            << json({{"format", kRunRecordFormat}, {"version", 99}, {"id", "x"}}).dump();
        std::ofstream(folder / "20200101T000000.000Z-0004.json")
            << json({{"format", kRunRecordFormat},
                     {"version", 1},
                     {"id", "y"},
                     {"started", "s"},
                     {"status", "ok"},
                     {"nodes", {{{"id", 5}}}}})
                   .dump();
        std::ofstream(folder / "20990101T000000.000Z-0005.json.tmp-42") << "half written";

        const RunHistory::Listing listing = history.list();
        QCOMPARE(listing.runs.size(), std::size_t(1));
        QCOMPARE(listing.runs[0].id, good.id);
        QCOMPARE(listing.runs[0].error, std::string("no node called x"));
        QCOMPARE(listing.warnings.size(), std::size_t(4));
        const auto warned = [&](const char* file, const char* why) {
            for (const std::string& w : listing.warnings)
                if (w.find(file) != std::string::npos && w.find(why) != std::string::npos)
                    return true;
            return false;
        };
        QVERIFY(warned("-0001.json", "not valid JSON"));
        QVERIFY(warned("-0002.json", "should be an object"));
        QVERIFY(warned("-0003.json", "newer Sluice (record version 99"));
        QVERIFY(warned("-0004.json", "record.nodes[0].id should be text"));

        // A damaged newest file does not stop the next run's diff.
        std::ofstream(folder / "20990101T000000.000Z-ffff.json") << "garbage";
        RunRecorder next(g, {pipeline});
        RunRecord later = next.finishWithError("again");
        history.add(later);
        QCOMPARE(later.previous, std::optional<std::string>(good.id));
        QVERIFY_THROWS_EXCEPTION(HistoryError, history.load("../escape"));
    }
};

SLUICE_TEST_APPLESS_MAIN(TestRunHistory)
#include "test_run_history.moc"
