// What sluice-run writes: the terminal reporter's lines, the results JSON,
// SHA-256 digests and the predictions table of the predict command.
#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QtTest>

#include <fstream>
#include <sstream>

#include "app/runner/predict_command.h"
#include "app/runner/run_command.h"
#include "app/runner/run_report.h"
#include "app/runner/runner_options.h"
#include "app/runner/terminal_reporter.h"
#include "io/csv_reader.h"
#include "ml/core/ml_errors.h"
#include "ml/core/registry.h"
#include "nodes/results.h"
#include "support/test_registry.h"
#include "util/sha256.h"

using namespace sluice;
using namespace sluice::runner;
using engine::RunEvent;

namespace {

using Kind = RunEvent::Kind;

RunEvent makeEvent(Kind kind, std::string node, std::string text = {}) {
    RunEvent e;
    e.kind = kind;
    e.node = std::move(node);
    e.text = std::move(text);
    return e;
}

RunEvent metrics(std::string node, std::vector<engine::MetricPoint> points) {
    RunEvent e = makeEvent(Kind::Metrics, std::move(node));
    e.metrics = std::move(points);
    return e;
}

RunEvent finished(std::string node, double seconds, bool cached,
                  std::vector<engine::OutputSummary> outputs) {
    RunEvent e = makeEvent(Kind::Finished, std::move(node));
    e.seconds = seconds;
    e.cached = cached;
    e.outputs = std::move(outputs);
    return e;
}

// "a" titled Alpha, "b" untitled (named by its type), "c" titled Gamma.
Graph reporterGraph() {
    Graph g;
    GraphNode a;
    a.id = "a";
    a.type = "train.logistic_regression";
    a.title = "Alpha";
    g.addNode(a);
    GraphNode b;
    b.id = "b";
    b.type = "data.read_csv";
    g.addNode(b);
    GraphNode c;
    c.id = "c";
    c.type = "evaluate.score";
    c.title = "Gamma";
    g.addNode(c);
    return g;
}

QStringList linesOf(const std::ostringstream& out) {
    return QString::fromStdString(out.str()).split('\n', Qt::SkipEmptyParts);
}

TablePtr readDataset(const std::string& name) {
    return readCsvFile(std::string(SLUICE_DATASETS_DIR) + "/" + name + ".csv").table;
}

ml::TrainedPipeline trainOn(const Table& table, const std::string& learner,
                            const std::string& target) {
    ml::PipelineSpec spec;
    spec.learner = ml::MlRegistry::instance().makeLearner(learner);
    spec.target = target;
    return ml::TrainedPipeline::fit(table, spec);
}

std::string readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

}  // namespace

class TestRunnerOutput : public QObject {
    Q_OBJECT

private slots:
    // The whole command in this process

    void runsAPipelineInProcess() {
        // What sluice-run's main() runs, on this process's threads: the
        // engine's workers and the polling thread. Under ThreadSanitizer
        // this is how the runner is traced (test_runner_process starts a
        // child process, which TSan cannot follow through fork()).
        qputenv("SLUICE_DATASETS_DIR", SLUICE_DATASETS_DIR);  // as sluice-run's tests do
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString pipeline = dir.filePath("iris.sluice");
        QVERIFY(QFile::copy(QStringLiteral(SLUICE_RUN_FIXTURES "/iris.sluice"), pipeline));
        const std::string report = dir.filePath("report.json").toStdString();
        const runner::RunnerOptions options = runner::parseArguments(
            {pipeline.toStdString(), "--json", report, "--threads", "2", "--quiet"});
        QCOMPARE(runner::runPipelineCommand(options), 0);

        std::ifstream in(report);
        const nlohmann::json j = nlohmann::json::parse(in);
        QCOMPARE(j.at("status").get<std::string>(), std::string("ok"));
        QVERIFY(j.at("nodes").size() >= 5);
        for (const auto& [id, node] : j.at("nodes").items())
            QVERIFY2(node.at("status").get<std::string>() == "done", id.c_str());
        // The Save model node wrote beside the pipeline.
        QVERIFY(QFileInfo::exists(dir.filePath("iris_model.json")));
    }

    // SHA-256

    void sha256KnownVectors() {
        QCOMPARE(sha256Hex(""),
                 std::string("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
        QCOMPARE(sha256Hex("abc"),
                 std::string("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
        QCOMPARE(sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
                 std::string("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"));
        QCOMPARE(sha256Hex(std::string(1000000, 'a')),
                 std::string("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"));
    }

    void sha256AgreesWithQtAtEveryPaddingBoundary() {
        std::string bytes;
        for (int n = 0; n <= 200; ++n) {
            const QByteArray qt =
                QCryptographicHash::hash(QByteArray(bytes.data(), static_cast<int>(bytes.size())),
                                         QCryptographicHash::Sha256)
                    .toHex();
            QCOMPARE(QString::fromStdString(sha256Hex(bytes)), QString::fromLatin1(qt));
            bytes += static_cast<char>(n * 37 + 11);  // every byte value, high bit too
        }
    }

    // Terminal reporter

    void lineForEveryEvent() {
        std::ostringstream out;
        ReporterOptions options;
        options.metricInterval = std::chrono::milliseconds(0);
        TerminalReporter r(out, reporterGraph(), options);
        r.onEvent(makeEvent(Kind::RunStarted, "", "3"));
        r.onEvent(makeEvent(Kind::Queued, "a"));
        r.onEvent(makeEvent(Kind::Started, "a"));
        RunEvent progress = makeEvent(Kind::Progress, "a", "epoch 3");
        progress.fraction = 0.5;
        r.onEvent(progress);
        r.onEvent(makeEvent(Kind::Log, "a", "Alpha (a): did not converge"));
        r.onEvent(metrics("a", {{"loss", 1, 0.5}, {"accuracy", 1, 0.75}}));
        r.onEvent(metrics("a", {{"loss", 2, 0.25}}));
        r.onEvent(finished("a", 1.5, false, {{"model", "model logistic_regression"}}));
        r.onEvent(finished("b", 0.0, true, {{"table", "table: 4 rows x 3 columns"}}));
        r.onEvent(makeEvent(Kind::Started, "c"));
        r.onEvent(makeEvent(Kind::Failed, "c", "Gamma (c): no prediction column"));
        r.onEvent(makeEvent(Kind::Skipped, "b",
                            "Read CSV (b): skipped because Gamma (c) did not finish"));
        r.onEvent(makeEvent(Kind::Cancelled, "a", "Alpha (a): cancelled"));
        RunEvent done = makeEvent(Kind::RunFinished, "");
        done.seconds = 2.0;
        r.onEvent(done);
        r.message("sluice-run: cancelling");
        r.finish();
        const QStringList expected = {
            "started   Alpha (a)",
            "log       Alpha (a): did not converge",
            "metric    Alpha (a): step 1: accuracy 0.75, loss 0.5",
            "metric    Alpha (a): step 2: accuracy 0.75, loss 0.25",
            "done      Alpha (a) in 1.50 s: model: model logistic_regression; accuracy 0.75, "
            "loss 0.25",
            "cached    Read CSV (b): table: 4 rows x 3 columns",
            "started   Gamma (c)",
            "FAILED    Gamma (c): no prediction column",
            "skipped   Read CSV (b): skipped because Gamma (c) did not finish",
            "cancelled Alpha (a)",
            "sluice-run: cancelling",
        };
        QCOMPARE(linesOf(out), expected);
        QVERIFY(out.str().find('\r') == std::string::npos);  // no progress line off a terminal
    }

    void metricLinesAreThrottled() {
        std::ostringstream out;
        ReporterOptions options;
        options.metricInterval = std::chrono::hours(1);
        TerminalReporter r(out, reporterGraph(), options);
        r.onEvent(makeEvent(Kind::Started, "a"));
        for (int step = 1; step <= 100; ++step)
            r.onEvent(metrics("a", {{"loss", step, 1.0 / step}}));
        r.onEvent(finished("a", 12.25, false, {}));
        const QStringList expected = {
            "started   Alpha (a)",
            "metric    Alpha (a): step 1: loss 1",  // the first batch at once
            "done      Alpha (a) in 12.2 s; loss 0.01",
        };
        QCOMPARE(linesOf(out), expected);
    }

    void quietPrintsErrorsOnly() {
        std::ostringstream out;
        ReporterOptions options;
        options.quiet = true;
        options.interactive = true;  // ignored when quiet
        TerminalReporter r(out, reporterGraph(), options);
        r.onEvent(makeEvent(Kind::Started, "a"));
        r.onEvent(metrics("a", {{"loss", 1, 0.5}}));
        r.onEvent(makeEvent(Kind::Log, "a", "a line"));
        r.onEvent(finished("a", 1.0, false, {}));
        r.onEvent(makeEvent(Kind::Started, "c"));
        r.onEvent(makeEvent(Kind::Failed, "c", "Gamma (c): broken"));
        r.onEvent(makeEvent(Kind::Skipped, "b", "skipped"));
        r.message("not an error");
        r.message("sluice-run: an error", true);
        r.finish();
        QCOMPARE(linesOf(out),
                 (QStringList{"FAILED    Gamma (c): broken", "sluice-run: an error"}));
        QVERIFY(out.str().find('\r') == std::string::npos);
    }

    void progressLineRedrawsInPlace() {
        std::ostringstream out;
        ReporterOptions options;
        options.interactive = true;
        options.width = 200;
        TerminalReporter r(out, reporterGraph(), options);
        r.onEvent(makeEvent(Kind::Started, "a"));
        RunEvent progress = makeEvent(Kind::Progress, "a", "epoch 5");
        progress.fraction = 0.5;
        r.onEvent(progress);
        const std::string drawn = out.str();
        QVERIFY2(
            drawn.find("\r[##########..........]  50% Alpha (a): epoch 5  ") != std::string::npos,
            drawn.c_str());
        r.onEvent(makeEvent(Kind::Started, "c"));  // a second running node joins the line
        QVERIFY(out.str().find("also running: Gamma (c)") != std::string::npos);

        // A permanent line clears the progress line first and redraws it below.
        out.str("");
        r.onEvent(makeEvent(Kind::Log, "a", "hello"));
        const std::string s = out.str();
        QVERIFY2(s.rfind("\r", 0) == 0, s.c_str());
        const auto logAt = s.find("log       Alpha (a): hello\n");
        QVERIFY(logAt != std::string::npos);
        QVERIFY(s.find("[##########..........]  50% Alpha (a)", logAt) != std::string::npos);
        const std::string clearing = s.substr(1, logAt - 2);  // between the two '\r'
        QVERIFY(!clearing.empty());
        QVERIFY(clearing.find_first_not_of(' ') == std::string::npos);

        // finish() leaves a clean line: spaces over the progress, cursor at the start.
        out.str("");
        r.finish();
        QVERIFY(!out.str().empty());
        QCOMPARE(out.str().back(), '\r');
        QVERIFY(out.str().find_first_not_of(" \r") == std::string::npos);
        out.str("");
        r.onEvent(progress);
        r.tick();
        QVERIFY(out.str().empty());  // nothing after finish()
    }

    void progressLineFitsTheWidth() {
        std::ostringstream out;
        ReporterOptions options;
        options.interactive = true;
        options.width = 40;
        TerminalReporter r(out, reporterGraph(), options);
        r.onEvent(makeEvent(Kind::Started, "a"));
        RunEvent progress = makeEvent(Kind::Progress, "a", std::string(200, 'x'));
        progress.fraction = 0.25;
        r.onEvent(progress);
        std::string s = out.str();
        s = s.substr(s.rfind('\r') + 1);
        QVERIFY2(s.size() <= 39, s.c_str());
        QVERIFY(s.rfind("[#####...............]  25%", 0) == 0);
    }

    void formatSeconds() {
        QCOMPARE(TerminalReporter::formatSeconds(0.0), std::string("0 ms"));
        QCOMPARE(TerminalReporter::formatSeconds(0.0854), std::string("85 ms"));
        QCOMPARE(TerminalReporter::formatSeconds(1.234), std::string("1.23 s"));
        QCOMPARE(TerminalReporter::formatSeconds(12.34), std::string("12.3 s"));
        QCOMPARE(TerminalReporter::formatSeconds(125.0), std::string("2 min 05 s"));
    }

    // Results JSON

    void reportOfARun() {
        Graph g;
        GraphNode data;
        data.id = "data";
        data.type = "data.example_dataset";
        data.title = "Iris";
        data.params = {{"dataset", "wine"}};
        g.addNode(data);
        GraphNode score;
        score.id = "score";
        score.type = "evaluate.score";
        g.addNode(score);
        GraphNode odd;
        odd.id = "odd";
        odd.type = "plugin.unknown";
        odd.params = {{"x", 1}};
        g.addNode(odd);
        g.meta = {{"name", "Wine"}};

        engine::RunResult result;
        result.seconds = 2.5;
        engine::NodeOutcome d;
        d.status = engine::NodeStatus::Done;
        d.seconds = 0.25;
        d.cached = true;
        d.outputs["table"] = readDataset("iris");
        result.nodes["data"] = d;
        engine::NodeOutcome s;
        s.status = engine::NodeStatus::Done;
        s.metrics = {{"loss", 0.5}, {"accuracy", 0.25}};
        auto results = std::make_shared<Results>();
        results->kind = ResultKind::Scores;
        results->metrics = {{"accuracy", 0.9},
                            {"f1_macro", 0.8},
                            {"log_loss", std::numeric_limits<double>::quiet_NaN()}};
        s.outputs["results"] = ResultsValue(results);
        result.nodes["score"] = s;
        engine::NodeOutcome o;
        o.status = engine::NodeStatus::Failed;
        o.message = "odd (odd): unknown node type";
        result.nodes["odd"] = o;

        RunReportInput input;
        input.pipelinePath = "/p/wine.sluice";
        input.pipelineSha256 = "abc";
        input.warnings = {"a warning"};
        input.graph = &g;
        input.result = &result;
        input.runTo = "score";
        const nlohmann::json r = buildRunReport(input);

        QCOMPARE(r["format"], nlohmann::json("sluice.run"));
        QCOMPARE(r["version"], nlohmann::json(1));
        QCOMPARE(r["pipeline"],
                 (nlohmann::json{{"path", "/p/wine.sluice"}, {"name", "Wine"}, {"sha256", "abc"}}));
        QCOMPARE(r["warnings"], nlohmann::json::array({"a warning"}));
        QCOMPARE(r["run_to"], nlohmann::json("score"));
        QCOMPARE(r["status"], nlohmann::json("failed"));
        QCOMPARE(r["seconds"], nlohmann::json(2.5));
        // Parameters as run: defaults filled, unknown types kept as written.
        QCOMPARE(r["parameters"]["data"], (nlohmann::json{{"dataset", "wine"}}));
        QCOMPARE(r["parameters"]["score"], (nlohmann::json{{"target", ""}}));
        QCOMPARE(r["parameters"]["odd"], (nlohmann::json{{"x", 1}}));

        const auto& nd = r["nodes"]["data"];
        QCOMPARE(nd["type"], nlohmann::json("data.example_dataset"));
        QCOMPARE(nd["title"], nlohmann::json("Iris"));
        QCOMPARE(nd["status"], nlohmann::json("done"));
        QCOMPARE(nd["seconds"], nlohmann::json(0.25));
        QCOMPARE(nd["cached"], nlohmann::json(true));
        QCOMPARE(nd["message"], nlohmann::json(""));
        QCOMPARE(nd["metrics"], nlohmann::json::object());
        QCOMPARE(nd["outputs"]["table"],
                 (nlohmann::json{
                     {"type", "table"},
                     {"rows", 150},
                     {"columns", 5},
                     {"column_names",
                      {"sepal_length", "sepal_width", "petal_length", "petal_width", "species"}}}));

        const auto& ns = r["nodes"]["score"];
        QCOMPARE(ns["title"], nlohmann::json(""));
        // Streamed metrics, then the Results' (a shared name gets the port).
        QCOMPARE(ns["metrics"], (nlohmann::json{{"loss", 0.5},
                                                {"accuracy", 0.25},
                                                {"results.accuracy", 0.9},
                                                {"f1_macro", 0.8},
                                                {"log_loss", nullptr}}));
        QCOMPARE(ns["outputs"]["results"]["type"], nlohmann::json("results"));
        QCOMPARE(ns["outputs"]["results"]["text"], nlohmann::json(results->summary()));

        QCOMPARE(r["nodes"]["odd"]["status"], nlohmann::json("failed"));
        QCOMPARE(r["nodes"]["odd"]["message"], nlohmann::json("odd (odd): unknown node type"));
        QCOMPARE(r["nodes"]["odd"]["type"], nlohmann::json("plugin.unknown"));
        QVERIFY(!r.contains("threads"));
    }

    void runStatusNames() {
        engine::RunResult r;
        QCOMPARE(runStatus(r), std::string("ok"));
        r.nodes["a"].status = engine::NodeStatus::Failed;
        QCOMPARE(runStatus(r), std::string("failed"));
        r.cancelled = true;
        QCOMPARE(runStatus(r), std::string("cancelled"));
    }

    void outputsOfEveryType() {
        QCOMPARE(outputJson(PortValue()), (nlohmann::json{{"type", "empty"}, {"text", "empty"}}));
        const auto model = std::make_shared<const ml::TrainedPipeline>(
            trainOn(*readDataset("iris"), "gaussian_nb", "species"));
        QCOMPARE(outputJson(ModelValue(model)),
                 (nlohmann::json{{"type", "model"}, {"text", describe(ModelValue(model))}}));
    }

    void reportIsWrittenAtomically() {
        QTemporaryDir dir;
        const std::string path = dir.filePath("r.json").toStdString();
        const nlohmann::json report = {{"format", "sluice.run"}, {"x", 1}};
        writeRunReport(report, path);
        QCOMPARE(nlohmann::json::parse(readFile(path)), report);
        QCOMPARE(readFile(path).back(), '\n');
        QVERIFY_THROWS_EXCEPTION(
            std::runtime_error,
            writeRunReport(report, dir.filePath("no/such/dir/r.json").toStdString()));
    }

    // Predictions table

    void classifierPredictions() {
        const TablePtr iris = readDataset("iris");
        const auto model = trainOn(*iris, "logistic_regression", "species");
        const TablePtr p = predictionsTable(model, *iris);
        QCOMPARE(p->rowCount(), iris->rowCount());
        const std::vector<std::string> names = {"sepal_length", "sepal_width",   "petal_length",
                                                "petal_width",  "species",       "prediction",
                                                "p(setosa)",    "p(versicolor)", "p(virginica)"};
        QCOMPARE(p->columnNames(), names);
        const Column& prediction = p->column("prediction");
        QCOMPARE(prediction.kind(), ColumnKind::Categorical);
        int right = 0;
        for (std::size_t i = 0; i < p->rowCount(); ++i) {
            right += prediction.displayValue(i) == iris->column("species").displayValue(i);
            const double sum = p->column("p(setosa)").numbers()[i] +
                               p->column("p(versicolor)").numbers()[i] +
                               p->column("p(virginica)").numbers()[i];
            QVERIFY(std::abs(sum - 1.0) < 1e-9);
        }
        QVERIFY(right >= 140);

        // Predicting on a predictions table replaces those columns.
        const TablePtr again = predictionsTable(model, *p);
        QCOMPARE(again->columnNames(), names);
    }

    void regressionPredictions() {
        const TablePtr diabetes = readDataset("diabetes");
        const auto model = trainOn(*diabetes, "linear_regression", "progression");
        const TablePtr p = predictionsTable(model, *diabetes);
        QCOMPARE(p->columnCount(), diabetes->columnCount() + 1);
        QCOMPARE(p->column("prediction").kind(), ColumnKind::Numeric);
        for (const auto& name : p->columnNames())
            QVERIFY(name.rfind("p(", 0) != 0);
    }

    void missingFeatureColumn() {
        const TablePtr iris = readDataset("iris");
        const auto model = trainOn(*iris, "logistic_regression", "species");
        const TablePtr fewer = iris->select({"sepal_length", "species"});
        try {
            predictionsTable(model, *fewer);
            QFAIL("no error");
        } catch (const ml::MisuseError& e) {
            QVERIFY2(std::string(e.what()).find("sepal_width") != std::string::npos, e.what());
        }
    }
};

SLUICE_TEST_APPLESS_MAIN(TestRunnerOutput)
#include "test_runner_output.moc"
