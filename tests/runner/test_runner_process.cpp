// The built sluice-run as a process: exit codes (0, 1, 2, 130), the stderr
// lines, the results JSON, --set, --run-to, --quiet, interrupts and predict.
// The pipelines in fixtures/ are copied to a temporary folder first, so
// their relative paths (small.csv, the saved model) stay out of the sources.
#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>
#include <fstream>
#include <set>

#include <nlohmann/json.hpp>

#include "io/csv_reader.h"
#include "pipeline_io/pipeline_file.h"
#include "support/test_registry.h"
#include "support/time_scale.h"

#ifndef _WIN32
#include <sys/types.h>
#include <unistd.h>
#endif

using namespace sluice;

// RLIMIT_AS breaks AddressSanitizer and ThreadSanitizer (their shadow memory
// is terabytes of address space), so the memory-limit test skips under them.
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define SLUICE_SANITIZED_BUILD 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
#define SLUICE_SANITIZED_BUILD 1
#endif
#endif

namespace {

struct Outcome {
    int code = -1;
    QProcess::ExitStatus status = QProcess::CrashExit;
    QString out, err;
};

nlohmann::json readJson(const QString& path) {
    std::ifstream in(path.toStdString(), std::ios::binary);
    return nlohmann::json::parse(in);
}

QString sha256Of(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QString::fromLatin1(
        QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256).toHex());
}

std::set<std::string> keysOf(const nlohmann::json& object) {
    std::set<std::string> keys;
    for (const auto& [key, value] : object.items())
        keys.insert(key);
    return keys;
}

}  // namespace

class TestRunnerProcess : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    QString model_;  // made by the iris pipeline, on first use

    QString path(const QString& name) const { return QDir(dir_.path()).filePath(name); }

    void setUp(QProcess& p, const QString& workDir) const {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert("SLUICE_DATASETS_DIR", SLUICE_DATASETS_DIR);
        env.remove("SLUICE_RUN_HISTORY");  // these runs are in temporary folders
        p.setProcessEnvironment(env);
        p.setWorkingDirectory(workDir.isEmpty() ? dir_.path() : workDir);
    }

    Outcome run(const QStringList& args, const QString& workDir = {}) const {
        QProcess p;
        setUp(p, workDir);
        p.start(SLUICE_RUN_EXE, args);
        Outcome o;
        if (!p.waitForStarted(10000) || !p.waitForFinished(180000)) {
            p.kill();
            p.waitForFinished();
            o.err = "did not start or finish";
            return o;
        }
        o.code = p.exitCode();
        o.status = p.exitStatus();
        o.out = QString::fromUtf8(p.readAllStandardOutput());
        o.err = QString::fromUtf8(p.readAllStandardError());
        return o;
    }

    // Starts the long training, waits for the network's "started" line.
    bool startLongTraining(QProcess& p, const QStringList& extra = {}) const {
        setUp(p, {});
        p.setReadChannel(QProcess::StandardError);
        p.start(SLUICE_RUN_EXE, QStringList{"long_training.sluice"} + extra);
        if (!p.waitForStarted(10000))
            return false;
        QString err;
        QElapsedTimer t;
        t.start();
        while (!err.contains("started   Network (train)") && t.elapsed() < 60000 &&
               p.state() == QProcess::Running) {
            p.waitForReadyRead(100);
            err += QString::fromUtf8(p.readAllStandardError());
        }
        QTest::qWait(300);  // well into the epochs
        return err.contains("started   Network (train)") && p.state() == QProcess::Running;
    }

    QString model() {
        if (model_.isEmpty()) {
            const Outcome o =
                run({"iris.sluice", "--set", "Save model.path=" + path("model.json")});
            if (o.code == 0 && QFile::exists(path("model.json")))
                model_ = path("model.json");
        }
        return model_;
    }

private slots:
    void initTestCase() {
#if defined(__SANITIZE_THREAD__)
#define SLUICE_TSAN_BUILD 1
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define SLUICE_TSAN_BUILD 1
#endif
#endif
#ifdef SLUICE_TSAN_BUILD
        // ThreadSanitizer's runtime (clang 14) aborts in its fork() handling
        // when QProcess starts a child from this multi-threaded process.
        // test_runner_output::runsAPipelineInProcess traces the same command.
        QSKIP("child processes cannot be started under ThreadSanitizer");
#endif
        QVERIFY(dir_.isValid());
        const QDir fixtures(SLUICE_RUN_FIXTURES);
        for (const QString& name : fixtures.entryList(QDir::Files))
            QVERIFY(QFile::copy(fixtures.filePath(name), path(name)));
        QVERIFY(QDir(dir_.path()).mkdir("work"));
    }

    void fixturesLoadCleanly() {
        for (const char* name :
             {"iris.sluice", "missing_file.sluice", "long_training.sluice", "memory_hog.sluice"}) {
            const PipelineLoadResult loaded = loadPipeline(path(name).toStdString());
            QVERIFY2(loaded.warnings.empty(), name);
            QVERIFY(!loaded.graph.empty());
        }
    }

    void helpAndVersion() {
        const Outcome help = run({"--help"});
        QCOMPARE(help.code, 0);
        QVERIFY(help.out.startsWith("Usage:"));
        QVERIFY(help.out.contains("Exit codes:"));
        QVERIFY(help.err.isEmpty());
        const Outcome version = run({"--version"});
        QCOMPARE(version.code, 0);
        QCOMPARE(version.out, QStringLiteral("sluice-run " SLUICE_PROJECT_VERSION "\n"));
    }

    void successWithJson() {
        // From a sub-folder: the pipeline's own paths start at its folder, a
        // path given with --set at the working directory.
        const Outcome o = run({"../iris.sluice", "--set", "Logistic regression.max_iter=300",
                               "--set", "Save model.path=saved.json", "--json", "run.json"},
                              path("work"));
        QVERIFY2(o.code == 0, qPrintable(o.err));
        QCOMPARE(o.status, QProcess::NormalExit);
        QVERIFY(o.out.isEmpty());
        QVERIFY(o.err.contains("started   Iris (data)\n"));
        QVERIFY(o.err.contains("done      Score (score) in "));
        QVERIFY(o.err.contains("log       Save model (save): saved the model to "));
        QVERIFY(o.err.contains("sluice-run: finished in "));
        QVERIFY(o.err.contains(": 6 done\n"));
        QVERIFY(!o.err.contains('\r'));  // stderr is a pipe: lines, no progress bar
        QVERIFY(QFile::exists(path("work/saved.json")));
        QVERIFY(!QFile::exists(path("iris_model.json")));

        const nlohmann::json r = readJson(path("work/run.json"));
        QCOMPARE(r["format"], nlohmann::json("sluice.run"));
        QCOMPARE(r["version"], nlohmann::json(1));
        QCOMPARE(QString::fromStdString(r["pipeline"]["path"]), path("iris.sluice"));
        QCOMPARE(r["pipeline"]["name"], nlohmann::json("Iris logistic regression"));
        QCOMPARE(QString::fromStdString(r["pipeline"]["sha256"]), sha256Of(path("iris.sluice")));
        QCOMPARE(r["warnings"], nlohmann::json::array());
        QCOMPARE(r["status"], nlohmann::json("ok"));
        QVERIFY(r["seconds"].get<double>() > 0.0);
        QVERIFY(!r.contains("run_to"));

        // Parameters as run: --set applied, defaults filled.
        QCOMPARE(r["parameters"]["train"]["max_iter"], nlohmann::json(300));
        QCOMPARE(r["parameters"]["train"]["C"], nlohmann::json(1.0));
        QCOMPARE(QString::fromStdString(r["parameters"]["save"]["path"]), path("work/saved.json"));
        QCOMPARE(r["parameters"]["split"]["test_fraction"], nlohmann::json(0.3));

        const auto& nodes = r["nodes"];
        QCOMPARE(keysOf(nodes),
                 (std::set<std::string>{"data", "split", "train", "predict", "score", "save"}));
        for (const auto& [id, node] : nodes.items()) {
            QCOMPARE(node["status"], nlohmann::json("done"));
            QCOMPARE(node["cached"], nlohmann::json(false));
            QCOMPARE(node["message"], nlohmann::json(""));
            QVERIFY(node["seconds"].get<double>() >= 0.0);
        }
        QCOMPARE(nodes["train"]["type"], nlohmann::json("train.logistic_regression"));
        QCOMPARE(nodes["train"]["title"], nlohmann::json("Logistic regression"));
        QVERIFY(nodes["train"]["metrics"].contains("loss"));  // streamed per iteration
        QCOMPARE(nodes["train"]["outputs"]["model"]["type"], nlohmann::json("model"));
        QCOMPARE(nodes["train"]["outputs"]["model"]["text"],
                 nlohmann::json("model logistic_regression on 4 features"));

        const auto& data = nodes["data"]["outputs"]["table"];
        QCOMPARE(data["rows"], nlohmann::json(150));
        QCOMPARE(data["columns"], nlohmann::json(5));
        QCOMPARE(data["column_names"][4], nlohmann::json("species"));
        QCOMPARE(nodes["split"]["outputs"]["train"]["rows"], nlohmann::json(105));
        QCOMPARE(nodes["split"]["outputs"]["test"]["rows"], nlohmann::json(45));
        const auto& predictions = nodes["predict"]["outputs"]["predictions"];
        QCOMPARE(predictions["rows"], nlohmann::json(45));
        QCOMPARE(predictions["columns"], nlohmann::json(9));
        QCOMPARE(predictions["column_names"][5], nlohmann::json("prediction"));
        QCOMPARE(predictions["column_names"][6], nlohmann::json("p(setosa)"));

        const auto& metrics = nodes["score"]["metrics"];
        QVERIFY(metrics["accuracy"].get<double>() >= 0.9);
        QVERIFY(metrics.contains("f1_macro"));
        QVERIFY(metrics.contains("roc_auc"));
        QCOMPARE(nodes["score"]["outputs"]["results"]["type"], nlohmann::json("results"));
    }

    void exampleDatasetFromTheBuildTreeWithoutEnvironment() {
        // Issue 24: from the build folder, data.example_dataset said it looked
        // in build/app/share/sluice/datasets and asked for
        // SLUICE_DATASETS_DIR. It now finds the source tree's datasets.
        const QString file = path("example_dataset.sluice");
        {
            QFile f(file);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(R"({"format": "sluice.pipeline", "version": 1, "meta": {},
"nodes": [{"id": "wine", "type": "data.example_dataset", "title": "Wine",
           "position": [0, 0], "params": {"dataset": "wine"}}],
"edges": []})");
        }
        QProcess p;
        setUp(p, {});
        QProcessEnvironment env = p.processEnvironment();
        env.remove("SLUICE_DATASETS_DIR");
        p.setProcessEnvironment(env);
        p.start(SLUICE_RUN_EXE, {file, "--no-history"});
        QVERIFY(p.waitForFinished(60000));
        const QString err = QString::fromUtf8(p.readAllStandardError());
        QVERIFY2(p.exitCode() == 0, qPrintable(err));
        QVERIFY2(err.contains("178 rows x 14 columns"), qPrintable(err));
    }

    void threadsOption() {
        const Outcome o = run(
            {"iris.sluice", "--threads", "1", "--set", "save.path=" + path("threads_model.json")});
        QVERIFY2(o.code == 0, qPrintable(o.err));
    }

    void runToRunsTheUpstreamOnly() {
        const Outcome o = run({"iris.sluice", "--run-to", "Split", "--json", "run_to.json"});
        QVERIFY2(o.code == 0, qPrintable(o.err));
        QVERIFY(o.err.contains("done      Split (split)"));
        QVERIFY(!o.err.contains("Logistic regression"));
        const nlohmann::json r = readJson(path("run_to.json"));
        QCOMPARE(r["run_to"], nlohmann::json("split"));
        QCOMPARE(r["status"], nlohmann::json("ok"));
        QCOMPARE(keysOf(r["nodes"]), (std::set<std::string>{"data", "split"}));
        QCOMPARE(keysOf(r["parameters"]).size(), std::size_t(6));  // every node's parameters
        QVERIFY(!QFile::exists(path("iris_model.json")));
    }

    void failingNodeExitsOne() {
        const Outcome o = run({"missing_file.sluice", "--json", "failed.json"});
        QCOMPARE(o.code, 1);
        QVERIFY(o.err.contains("FAILED    Missing (missing): "));
        QVERIFY(o.err.contains("no_such_file.csv"));
        QVERIFY(o.err.contains("skipped   Split (split): "));
        QVERIFY(o.err.contains("1 done, 1 failed, 1 skipped"));
        const nlohmann::json r = readJson(path("failed.json"));
        QCOMPARE(r["status"], nlohmann::json("failed"));
        QCOMPARE(r["nodes"]["small"]["status"], nlohmann::json("done"));
        QCOMPARE(r["nodes"]["small"]["outputs"]["table"]["rows"], nlohmann::json(4));
        QCOMPARE(r["nodes"]["small"]["outputs"]["table"]["column_names"],
                 nlohmann::json::array({"a", "b", "label"}));
        QCOMPARE(r["nodes"]["missing"]["status"], nlohmann::json("failed"));
        QVERIFY(r["nodes"]["missing"]["message"].get<std::string>().find("no_such_file.csv") !=
                std::string::npos);
        QCOMPARE(r["nodes"]["missing"]["outputs"], nlohmann::json::object());
        QCOMPARE(r["nodes"]["split"]["status"], nlohmann::json("skipped"));
        QVERIFY(!r["nodes"]["split"]["message"].get<std::string>().empty());
    }

    // A branch that needs ~80 GB under --memory-limit 512M fails alone with a
    // message naming the node, "memory" and the limit; the other branch
    // finishes; the exit code is 1.
    void memoryLimitFailsTheHogAlone() {
#if defined(SLUICE_SANITIZED_BUILD) || defined(_WIN32)
        QSKIP("RLIMIT_AS does not work with sanitizers (and is Unix only)");
#else
        const Outcome o = run({"memory_hog.sluice", "--memory-limit", "512M", "--threads", "2",
                               "--json", "hog.json"});
        QCOMPARE(o.status, QProcess::NormalExit);
        QCOMPARE(o.code, 1);
        QVERIFY2(o.err.contains("FAILED    Hog (hog): ran out of memory (limit 512 MB set by "
                                "--memory-limit): use fewer rows or raise the limit"),
                 qPrintable(o.err));
        QVERIFY2(o.err.contains("skipped   Hog split (hog_split)"), qPrintable(o.err));
        QVERIFY2(o.err.contains("2 done, 1 failed, 1 skipped"), qPrintable(o.err));
        const nlohmann::json r = readJson(path("hog.json"));
        QCOMPARE(r["nodes"]["small"]["status"], nlohmann::json("done"));
        QCOMPARE(r["nodes"]["split"]["status"], nlohmann::json("done"));
        QCOMPARE(r["nodes"]["hog"]["status"], nlohmann::json("failed"));
        QVERIFY(r["nodes"]["hog"]["message"].get<std::string>().find("memory") !=
                std::string::npos);
        QCOMPARE(r["nodes"]["hog_split"]["status"], nlohmann::json("skipped"));
#endif
    }

    void quietPrintsErrorsOnly() {
        const Outcome ok = run({"iris.sluice", "--quiet", "--set", "save.path=" + path("q.json")});
        QCOMPARE(ok.code, 0);
        QCOMPARE(ok.err, QString());
        const Outcome failed = run({"missing_file.sluice", "-q"});
        QCOMPARE(failed.code, 1);
        const QStringList lines = failed.err.split('\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 1);
        QVERIFY(lines[0].startsWith("FAILED    Missing (missing): "));
    }

    void loadWarningsGoToStderr() {
        {
            std::ofstream f(path("warned.sluice").toStdString());
            f << R"({"format": "sluice.pipeline", "version": 1, "meta": {},
                     "nodes": [{"id": "data", "type": "data.example_dataset", "title": "",
                                "position": [0, 0], "params": {"dataset": "wine"}}],
                     "edges": [{"from": ["data", "table"], "to": ["ghost", "table"]}]})";
        }
        const Outcome o = run({"warned.sluice", "--json", "warned.json"});
        QVERIFY2(o.code == 0, qPrintable(o.err));
        QVERIFY2(o.err.startsWith("warning   "), qPrintable(o.err));
        QVERIFY(o.err.contains("ghost"));
        const nlohmann::json r = readJson(path("warned.json"));
        QVERIFY2(r["warnings"].size() == 1, r["warnings"].dump().c_str());
        QCOMPARE(r["pipeline"]["name"], nlohmann::json(""));
        QCOMPARE(r["nodes"]["data"]["outputs"]["table"]["rows"], nlohmann::json(178));
        // --quiet hides warnings.
        QCOMPARE(run({"warned.sluice", "--quiet"}).err, QString());
    }

    void badInputExitsTwo_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        auto row = [](const char* name, QStringList args, const char* message) {
            QTest::newRow(name) << args << QString::fromUtf8(message);
        };
        row("no arguments", {},
            "sluice-run: no pipeline file given: sluice-run PIPELINE.sluice\n"
            "Try 'sluice-run --help'.\n");
        row("unknown option", {"iris.sluice", "--fast"},
            "sluice-run: unknown option '--fast'\nTry 'sluice-run --help'.\n");
        row("missing file", {"nowhere.sluice"},
            "sluice-run: cannot open 'nowhere.sluice': no such file\n");
        row("broken JSON", {"broken.sluice"},
            "sluice-run: 'broken.sluice' is not valid JSON (line 6, column 1): ");
        row("not a pipeline", {"small.csv"}, "sluice-run: 'small.csv' is not valid JSON");
        row("bad --set value", {"iris.sluice", "--set", "Iris.dataset=mnist"},
            "sluice-run: --set Iris.dataset=mnist: parameter 'dataset' of node 'data \"Iris\"': "
            "'mnist' is not one of: iris, wine, breast_cancer, diabetes\n"
            "Try 'sluice-run --help'.\n");
        row("unknown --set parameter", {"iris.sluice", "--set", "split.ratio=0.5"},
            "sluice-run: --set split.ratio=0.5: node 'split \"Split\"' "
            "(transform.train_test_split) has no parameter 'ratio' (parameters: test_fraction, "
            "stratify, seed)\n");
        row("unknown --set node", {"iris.sluice", "--set", "Forest.max_depth=3"},
            "sluice-run: --set Forest.max_depth=3: the pipeline has no node with id or title "
            "'Forest' (nodes: data \"Iris\", split \"Split\", train \"Logistic regression\", "
            "predict \"Predict\", score \"Score\", save \"Save model\")\n");
        row("malformed --set", {"iris.sluice", "--set", "max_iter=3"},
            "sluice-run: --set 'max_iter=3' does not name a node and a parameter: write "
            "NODE.PARAM=VALUE\n");
        row("unknown --run-to", {"iris.sluice", "--run-to", "Nowhere"},
            "sluice-run: --run-to: the pipeline has no node with id or title 'Nowhere' ");
        row("bad --threads", {"iris.sluice", "--threads", "two"},
            "sluice-run: --threads needs a whole number from 0 (one per core) to 1024, not "
            "'two'\n");
    }

    void badInputExitsTwo() {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        QFile::remove(path("bad.json"));
        const Outcome o = run(args + QStringList{"--json", "bad.json"});
        QCOMPARE(o.code, 2);
        QCOMPARE(o.status, QProcess::NormalExit);
        QVERIFY2(o.err.startsWith(message), qPrintable(o.err));
        QVERIFY(o.out.isEmpty());
        QVERIFY(!QFile::exists(path("bad.json")));  // nothing ran, nothing written
    }

#ifndef _WIN32
    void interruptCancelsAndExits130() {
        QProcess p;
        QVERIFY(startLongTraining(p, {"--json", "cancelled.json"}));
        ::kill(static_cast<pid_t>(p.processId()), SIGINT);
        QElapsedTimer t;
        t.start();
        QVERIFY(p.waitForFinished(10000));
        QVERIFY2(t.elapsed() < 3000 * sluice::testing::timeScale(),
                 qPrintable(QString::number(t.elapsed()) + " ms"));
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        QCOMPARE(p.exitCode(), 130);
        const QString err = QString::fromUtf8(p.readAllStandardError());
        QVERIFY2(err.contains("sluice-run: cancelling"), qPrintable(err));
        QVERIFY(err.contains("cancelled Network (train)"));
        const nlohmann::json r = readJson(path("cancelled.json"));
        QCOMPARE(r["status"], nlohmann::json("cancelled"));
        QCOMPARE(r["nodes"]["data"]["status"], nlohmann::json("done"));
        QCOMPARE(r["nodes"]["train"]["status"], nlohmann::json("cancelled"));
        QVERIFY(r["nodes"]["train"]["metrics"].contains("train_loss"));
    }

    void terminateCancelsToo() {
        QProcess p;
        QVERIFY(startLongTraining(p));
        ::kill(static_cast<pid_t>(p.processId()), SIGTERM);
        QVERIFY(p.waitForFinished(10000));
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        QCOMPARE(p.exitCode(), 130);
    }

    void secondInterruptQuitsAtOnce() {
        QProcess p;
        QVERIFY(startLongTraining(p, {"--json", "twice.json"}));
        QFile::remove(path("twice.json"));
        ::kill(static_cast<pid_t>(p.processId()), SIGINT);
        ::kill(static_cast<pid_t>(p.processId()), SIGINT);
        QElapsedTimer t;
        t.start();
        QVERIFY(p.waitForFinished(10000));
        QVERIFY(t.elapsed() < 3000 * sluice::testing::timeScale());
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        QCOMPARE(p.exitCode(), 130);
    }
#endif

    // run history

    void everyRunIsRecordedWithTheParameterDiff() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString pipeline = QDir(dir.path()).filePath("iris.sluice");
        QVERIFY(QFile::copy(path("iris.sluice"), pipeline));
        for (const char* iterations : {"max_iter=100", "max_iter=300"}) {
            const Outcome o = run({pipeline, "--threads", "1", "--quiet", "--set",
                                   QStringLiteral("Logistic regression.") + iterations});
            QVERIFY2(o.code == 0, qPrintable(o.err));
            QVERIFY2(o.err.isEmpty(), qPrintable(o.err));  // recording prints nothing
        }
        const Outcome untracked = run({pipeline, "--no-history", "--quiet"});
        QCOMPARE(untracked.code, 0);

        const QDir runs(QDir(dir.path()).filePath(".sluice-runs/iris"));
        const QStringList files = runs.entryList({"*.json"}, QDir::Files, QDir::Name);
        QCOMPARE(files.size(), 2);  // --no-history left no third record
        const nlohmann::json first = readJson(runs.filePath(files[0]));
        const nlohmann::json second = readJson(runs.filePath(files[1]));
        QCOMPARE(first["format"], nlohmann::json("sluice.run-record"));
        QCOMPARE(first["source"], nlohmann::json("sluice-run"));
        QCOMPARE(first["status"], nlohmann::json("ok"));
        QCOMPARE(first["previous"], nlohmann::json(nullptr));
        QCOMPARE(first["changes"], nlohmann::json::array());
        QCOMPARE(second["previous"], first["id"]);
        QCOMPARE(second["changes"],
                 nlohmann::json::parse(
                     R"([{"node": "train", "param": "max_iter", "old": 100, "new": 300}])"));
        QCOMPARE(second["parameters"]["train"]["params"]["max_iter"], nlohmann::json(300));
        QVERIFY(first["pipeline"]["sha256"] != second["pipeline"]["sha256"]);
        QVERIFY(first["started"].get<std::string>() < second["started"].get<std::string>());

        // Every node's status, the score's metrics, the model file's hash.
        QCOMPARE(second["nodes"].size(), std::size_t(6));
        for (const auto& node : second["nodes"])
            QCOMPARE(node["status"], nlohmann::json("done"));
        bool accuracy = false;
        for (const auto& m : second["metrics"])
            accuracy |=
                m["node"] == "score" && m["name"] == "accuracy" && m["value"].get<double>() > 0.8;
        QVERIFY(accuracy);
        QCOMPARE(second["produced"].size(), std::size_t(1));
        const nlohmann::json& model = second["produced"][0];
        QCOMPARE(model["kind"], nlohmann::json("model"));
        const QString modelPath =
            QDir(dir.path()).filePath(QString::fromStdString(model["path"].get<std::string>()));
        QCOMPARE(QString::fromStdString(model["sha256"]), sha256Of(modelPath));
        QVERIFY(!model["sha256"].get<std::string>().empty());
    }

    void aSweepIsOneSweepRunInTheHistory() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString pipeline = QDir(dir.path()).filePath("iris.sluice");
        QVERIFY(QFile::copy(path("iris.sluice"), pipeline));
        const Outcome o =
            run({pipeline, "--quiet", "--sweep", "Logistic regression.max_iter=50,100,200"});
        QVERIFY2(o.code == 0, qPrintable(o.err));
        const QDir runs(QDir(dir.path()).filePath(".sluice-runs/iris"));
        const QStringList files = runs.entryList({"*.json"}, QDir::Files);
        QCOMPARE(files.size(), 1);
        const nlohmann::json record = readJson(runs.filePath(files[0]));
        QCOMPARE(record["source"], nlohmann::json("sweep"));
        QCOMPARE(record["context"]["sweep"]["rows"].size(), std::size_t(3));
    }

    // --watch

    void watchRunsAgainWhenTheInputChangesAndStopsOnInterrupt() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QDir d(dir.path());
        auto write = [&](const QString& name, const QByteArray& text) {
            QFile f(d.filePath(name));
            QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
            f.write(text);
        };
        write("data.csv", "x,y\n1,2\n3,4\n");
        // Read data.csv and write a copy: the copy must never trigger a run.
        write("watch.sluice", R"({"format": "sluice.pipeline", "version": 1,
  "nodes": [
    {"id": "read", "type": "data.read_csv", "title": "Read", "position": [0, 0],
     "params": {"path": "data.csv"}},
    {"id": "write", "type": "data.write_csv", "title": "Write", "position": [200, 0],
     "params": {"path": "copy.csv"}}],
  "edges": [{"from": ["read", "table"], "to": ["write", "table"]}]})");

        QProcess p;
        setUp(p, dir.path());
        p.setReadChannel(QProcess::StandardError);
        p.start(SLUICE_RUN_EXE, {"watch.sluice", "--watch", "--watch-interval", "0"});
        QVERIFY(p.waitForStarted(10000));
        QString err;
        auto waitFor = [&](const QString& text, int count) {
            QElapsedTimer t;
            t.start();
            while (err.count(text) < count && t.elapsed() < 30000 &&
                   p.state() == QProcess::Running) {
                p.waitForReadyRead(100);
                err += QString::fromUtf8(p.readAllStandardError());
            }
            return err.count(text) >= count;
        };
        QVERIFY2(waitFor("sluice-run: watching 2 files", 1), qPrintable(err));
        QTest::qWait(1200);  // copy.csv was written: no second run
        err += QString::fromUtf8(p.readAllStandardError());
        QCOMPARE(err.count("finished in"), 1);

        write("data.csv", "x,y\n1,2\n3,4\n5,6\n");
        QVERIFY2(waitFor("data.csv changed: running again", 1), qPrintable(err));
        QVERIFY2(waitFor("finished in", 2), qPrintable(err));
        QFile copy(d.filePath("copy.csv"));
        QVERIFY(copy.open(QIODevice::ReadOnly));
        QCOMPARE(copy.readAll().count('\n'), 4);  // the new rows went through

        ::kill(static_cast<pid_t>(p.processId()), SIGINT);
        QVERIFY(p.waitForFinished(10000));
        err += QString::fromUtf8(p.readAllStandardError());
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        QCOMPARE(p.exitCode(), 0);  // the last run's
        QVERIFY2(err.contains("stopped watching"), qPrintable(err));
        const QStringList records =
            QDir(d.filePath(".sluice-runs/watch")).entryList({"*.json"}, QDir::Files);
        QCOMPARE(records.size(), 2);
        for (const QString& r : records)
            QCOMPARE(readJson(d.filePath(".sluice-runs/watch/" + r))["source"],
                     nlohmann::json("watch"));
    }

    // predict

    void predictWritesCsv() {
        const QString m = model();
        QVERIFY(!m.isEmpty());
        const QString iris = QString(SLUICE_DATASETS_DIR) + "/iris.csv";
        const Outcome o = run({"predict", m, iris, "-o", "predicted.csv"});
        QVERIFY2(o.code == 0, qPrintable(o.err));
        QVERIFY(o.out.isEmpty());
        QVERIFY(o.err.isEmpty());
        const TablePtr t = readCsvFile(path("predicted.csv").toStdString()).table;
        QCOMPARE(t->rowCount(), std::size_t(150));
        const std::vector<std::string> names = {"sepal_length", "sepal_width",   "petal_length",
                                                "petal_width",  "species",       "prediction",
                                                "p(setosa)",    "p(versicolor)", "p(virginica)"};
        QCOMPARE(t->columnNames(), names);
        int right = 0;
        for (std::size_t i = 0; i < t->rowCount(); ++i)
            right +=
                t->column("prediction").displayValue(i) == t->column("species").displayValue(i);
        QVERIFY(right >= 135);
    }

    void predictToStdout() {
        const QString m = model();
        QVERIFY(!m.isEmpty());
        const Outcome o = run({"predict", m, QString(SLUICE_DATASETS_DIR) + "/iris.csv"});
        QVERIFY2(o.code == 0, qPrintable(o.err));
        const QStringList lines = o.out.split('\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 151);
        QCOMPARE(lines[0], QStringLiteral("sepal_length,sepal_width,petal_length,petal_width,"
                                          "species,prediction,p(setosa),p(versicolor),"
                                          "p(virginica)"));
    }

    void predictErrors() {
        const QString m = model();
        QVERIFY(!m.isEmpty());
        const QString iris = QString(SLUICE_DATASETS_DIR) + "/iris.csv";

        Outcome o = run({"predict", "no_model.json", iris});
        QCOMPARE(o.code, 2);
        QCOMPARE(o.err, QStringLiteral("sluice-run: cannot open the model file 'no_model.json'\n"));

        o = run({"predict", "small.csv", iris});  // not a model file
        QCOMPARE(o.code, 2);
        QVERIFY2(o.err.startsWith("sluice-run: model file 'small.csv' is not valid JSON"),
                 qPrintable(o.err));

        o = run({"predict", m, "no_rows.csv"});
        QCOMPARE(o.code, 2);
        QVERIFY2(o.err.startsWith("sluice-run: ") && o.err.contains("no_rows.csv"),
                 qPrintable(o.err));

        o = run({"predict", m, "small.csv", "-o", "never.csv"});  // columns a, b, label
        QCOMPARE(o.code, 2);
        QVERIFY2(
            o.err.startsWith("sluice-run: 'small.csv' does not suit the model '" + m + "': ") &&
                o.err.contains("sepal_length"),
            qPrintable(o.err));
        QVERIFY(!QFile::exists(path("never.csv")));

        o = run({"predict", m, iris, "-o", "no/such/folder/out.csv"});  // cannot write
        QCOMPARE(o.code, 1);
        QVERIFY2(o.err.startsWith("sluice-run: ") && o.err.contains("no/such/folder/out.csv"),
                 qPrintable(o.err));

        o = run({"predict", m});
        QCOMPARE(o.code, 2);
    }
};

SLUICE_TEST_GUILESS_MAIN(TestRunnerProcess)
#include "test_runner_process.moc"
