// sluice-run's command line: parsing into RunnerOptions (every error with
// its message) and --set / --run-to applied to a loaded graph.
#include <QtTest>

#include <filesystem>

#include "app/runner/graph_settings.h"
#include "app/runner/runner_options.h"
#include "nodes/node_registry.h"
#include "support/test_registry.h"

using namespace sluice;
using namespace sluice::runner;

namespace {

std::vector<std::string> toArgs(const QStringList& list) {
    std::vector<std::string> args;
    for (const auto& s : list)
        args.push_back(s.toStdString());
    return args;
}

QString usageErrorOf(const std::vector<std::string>& args) {
    try {
        parseArguments(args);
    } catch (const UsageError& e) {
        return QString::fromStdString(e.what());
    }
    return QStringLiteral("<no error>");
}

GraphNode node(std::string id, std::string type, std::string title,
               nlohmann::json params = nlohmann::json::object()) {
    GraphNode n;
    n.id = std::move(id);
    n.type = std::move(type);
    n.title = std::move(title);
    n.params = std::move(params);
    return n;
}

// Iris -> Split -> Train (MLP), plus two nodes sharing a title and one of a
// type this build does not know.
Graph sampleGraph() {
    Graph g;
    g.addNode(node("n1", "data.example_dataset", "Iris", {{"dataset", "iris"}}));
    g.addNode(node("n2", "transform.train_test_split", "Split"));
    g.addNode(node("n3", "train.mlp_classifier", "Train", {{"max_iter", 50}}));
    g.addNode(node("n4", "data.read_csv", "Twin", {{"path", "/data/a.csv"}}));
    g.addNode(node("n5", "data.read_csv", "Twin", {{"path", "/data/b.csv"}}));
    g.addNode(node("n6", "plugin.mystery", "Mystery"));
    g.addEdge({{"n1", "table"}, {"n2", "table"}});
    g.addEdge({{"n2", "train"}, {"n3", "train"}});
    return g;
}

QString settingErrorOf(const std::vector<ParamSetting>& settings) {
    Graph g = sampleGraph();
    try {
        applySettings(g, settings, builtinNodes(), "/work/dir");
    } catch (const UsageError& e) {
        return QString::fromStdString(e.what());
    }
    return QStringLiteral("<no error>");
}

nlohmann::json paramAfter(const std::vector<ParamSetting>& settings, const std::string& id,
                          const std::string& param) {
    Graph g = sampleGraph();
    applySettings(g, settings, builtinNodes(), "/work/dir");
    return g.node(id)->params.value(param, nlohmann::json());
}

}  // namespace

class TestRunnerOptions : public QObject {
    Q_OBJECT

private slots:
    void nodesCommandTakesOnlyJson() {
        const RunnerOptions plain = parseArguments({"nodes"});
        QVERIFY(plain.command == RunnerOptions::Command::Nodes);
        QVERIFY(!plain.nodesJson);
        QVERIFY(parseArguments({"nodes", "--json"}).nodesJson);
        QCOMPARE(usageErrorOf({"nodes", "--json", "out.json"}),
                 QStringLiteral("unexpected argument 'out.json'"));
        QVERIFY(usageErrorOf({"nodes", "--quiet"}).contains("does not apply to the nodes command"));
        // --help still wins.
        QVERIFY(parseArguments({"nodes", "--help"}).command == RunnerOptions::Command::Help);
    }

    void pipelineAlone() {
        const RunnerOptions o = parseArguments({"flow.sluice"});
        QVERIFY(o.command == RunnerOptions::Command::Run);
        QCOMPARE(o.pipeline, std::string("flow.sluice"));
        QVERIFY(o.settings.empty());
        QVERIFY(!o.runTo);
        QCOMPARE(o.threads, 0u);
        QVERIFY(!o.jsonPath);
        QVERIFY(!o.quiet);
    }

    void everyRunOption() {
        const RunnerOptions o = parseArguments(
            {"--set", "Iris.dataset=wine", "flow.sluice", "--run-to", "Train", "--threads", "3",
             "--json", "out.json", "--quiet", "--set", "v1.2 data.max_rows=10"});
        QVERIFY(o.command == RunnerOptions::Command::Run);
        QCOMPARE(o.pipeline, std::string("flow.sluice"));
        QCOMPARE(o.settings.size(), std::size_t(2));
        QCOMPARE(o.settings[0].node, std::string("Iris"));
        QCOMPARE(o.settings[0].param, std::string("dataset"));
        QCOMPARE(o.settings[0].value, std::string("wine"));
        // The node is split from the parameter at the last '.'.
        QCOMPARE(o.settings[1].node, std::string("v1.2 data"));
        QCOMPARE(o.settings[1].param, std::string("max_rows"));
        QCOMPARE(o.settings[1].value, std::string("10"));
        QCOMPARE(*o.runTo, std::string("Train"));
        QCOMPARE(o.threads, 3u);
        QCOMPARE(*o.jsonPath, std::string("out.json"));
        QVERIFY(o.quiet);
    }

    void valuesAfterEquals() {
        const RunnerOptions o = parseArguments(
            {"--threads=0", "--json=r.json", "--run-to=n2", "--set=n1.path=a=b.csv", "-q", "p"});
        QCOMPARE(o.threads, 0u);
        QCOMPARE(*o.jsonPath, std::string("r.json"));
        QCOMPARE(*o.runTo, std::string("n2"));
        QCOMPARE(o.settings[0].node, std::string("n1"));
        QCOMPARE(o.settings[0].param, std::string("path"));
        QCOMPARE(o.settings[0].value, std::string("a=b.csv"));  // split at the first '='
        QVERIFY(o.quiet);
    }

    void valueMayBeEmptyOrStartWithDash() {
        const RunnerOptions o = parseArguments({"p", "--set", "n1.path=", "--set", "n1.x=-5"});
        QCOMPARE(o.settings[0].value, std::string(""));
        QCOMPARE(o.settings[1].value, std::string("-5"));
    }

    void doubleDashEndsOptions() {
        const RunnerOptions o = parseArguments({"--quiet", "--", "--odd name.sluice"});
        QCOMPARE(o.pipeline, std::string("--odd name.sluice"));
        QVERIFY(o.quiet);
        // "--help" after "--" is a file name, not a request for help.
        QCOMPARE(parseArguments({"--", "--help"}).pipeline, std::string("--help"));
    }

    void laterOptionWins() {
        const RunnerOptions o = parseArguments({"p", "--json", "a.json", "--json", "b.json"});
        QCOMPARE(*o.jsonPath, std::string("b.json"));
    }

    void helpAndVersionWin() {
        QVERIFY(parseArguments({"--help"}).command == RunnerOptions::Command::Help);
        QVERIFY(parseArguments({"-h"}).command == RunnerOptions::Command::Help);
        QVERIFY(parseArguments({"--version"}).command == RunnerOptions::Command::Version);
        // Even on a line that is otherwise wrong.
        QVERIFY(parseArguments({"--bogus", "--threads", "x", "--help"}).command ==
                RunnerOptions::Command::Help);
        QVERIFY(parseArguments({"predict", "--version"}).command ==
                RunnerOptions::Command::Version);
    }

    void memoryLimitSizes() {
        QVERIFY(!parseArguments({"p"}).memoryLimit);
        QCOMPARE(*parseArguments({"p", "--memory-limit", "512M"}).memoryLimit, std::uint64_t(512)
                                                                                   << 20);
        QCOMPARE(*parseArguments({"p", "--memory-limit=2G"}).memoryLimit, std::uint64_t(2) << 30);
        QCOMPARE(*parseArguments({"p", "--memory-limit=2gb"}).memoryLimit, std::uint64_t(2) << 30);
        QCOMPARE(*parseArguments({"p", "--memory-limit=1GiB"}).memoryLimit, std::uint64_t(1) << 30);
        QCOMPARE(*parseArguments({"p", "--memory-limit=65536K"}).memoryLimit, std::uint64_t(64)
                                                                                  << 20);
        QCOMPARE(*parseArguments({"p", "--memory-limit=100000000"}).memoryLimit,
                 std::uint64_t(100000000));
    }

    void helpAndVersionText() {
        const std::string help = helpText();
        for (const char* part :
             {"sluice-run PIPELINE.sluice", "--set NODE.PARAM=VALUE", "--run-to NODE",
              "--threads N", "--memory-limit SIZE", "--json OUT.json", "--quiet",
              "predict MODEL.json DATA.csv [-o OUT.csv]", "Exit codes:", "130", "--version"})
            QVERIFY2(help.find(part) != std::string::npos, part);
        QCOMPARE(help.back(), '\n');
        QCOMPARE(versionText(), std::string("sluice-run ") + SLUICE_PROJECT_VERSION);
    }

    void predictCommand() {
        const RunnerOptions o = parseArguments({"predict", "model.json", "rows.csv"});
        QVERIFY(o.command == RunnerOptions::Command::Predict);
        QCOMPARE(o.modelPath, std::string("model.json"));
        QCOMPARE(o.dataPath, std::string("rows.csv"));
        QVERIFY(!o.outputPath);
        const RunnerOptions withOut =
            parseArguments({"predict", "-o", "out.csv", "model.json", "rows.csv"});
        QCOMPARE(*withOut.outputPath, std::string("out.csv"));
        QCOMPARE(*parseArguments({"predict", "m", "d", "--output=o.csv"}).outputPath,
                 std::string("o.csv"));
        // A pipeline file called "predict" runs as ./predict.
        QCOMPARE(parseArguments({"./predict"}).pipeline, std::string("./predict"));
    }

    void exportPythonCommand() {
        const RunnerOptions o = parseArguments({"export-python", "iris.sluice"});
        QVERIFY(o.command == RunnerOptions::Command::ExportPython);
        QCOMPARE(o.pipeline, std::string("iris.sluice"));
        QVERIFY(!o.outputPath);
        QCOMPARE(*parseArguments({"export-python", "-o", "x.py", "iris.sluice"}).outputPath,
                 std::string("x.py"));
        QCOMPARE(*parseArguments({"export-python", "iris.sluice", "--output=y.py"}).outputPath,
                 std::string("y.py"));
        QVERIFY(helpText().find("export-python PIPELINE.sluice [-o OUT.py]") != std::string::npos);
    }

    void watchOptions() {
        const RunnerOptions plain = parseArguments({"p.sluice"});
        QVERIFY(!plain.watch);
        QCOMPARE(plain.watchInterval, std::chrono::milliseconds(5000));
        QCOMPARE(plain.historySource, std::string("sluice-run"));
        const RunnerOptions o = parseArguments({"p.sluice", "--watch", "--watch-interval=0.25"});
        QVERIFY(o.watch);
        QCOMPARE(o.watchInterval, std::chrono::milliseconds(250));
        QVERIFY(helpText().find("--watch-interval SECONDS") != std::string::npos);
    }

    void errors_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        auto row = [](const char* name, QStringList args, const char* message) {
            QTest::newRow(name) << args << QString::fromUtf8(message);
        };
        row("nothing", {}, "no pipeline file given: sluice-run PIPELINE.sluice");
        row("only options", {"--quiet"}, "no pipeline file given: sluice-run PIPELINE.sluice");
        row("two pipelines", {"a.sluice", "b.sluice"}, "unexpected argument 'b.sluice'");
        row("empty pipeline name", {""}, "the pipeline file name is empty");
        row("unknown option", {"p", "--frobnicate"}, "unknown option '--frobnicate'");
        row("unknown option with value", {"p", "--frob=1"}, "unknown option '--frob'");
        row("unknown short option", {"p", "-x"}, "unknown option '-x'");
        row("quiet with value", {"p", "--quiet=yes"}, "option --quiet takes no value");
        row("set without value", {"p", "--set"},
            "option --set needs a value: --set NODE.PARAM=VALUE");
        row("run-to without value", {"p", "--run-to"},
            "option --run-to needs a value: --run-to NODE");
        row("run-to empty", {"p", "--run-to="}, "option --run-to needs a value: --run-to NODE");
        row("threads without value", {"p", "--threads"},
            "option --threads needs a value: --threads N");
        row("json without value", {"p", "--json"}, "option --json needs a value: --json OUT.json");
        row("json empty", {"p", "--json", ""}, "option --json needs a value: --json OUT.json");
        row("set without equals", {"p", "--set", "n1.rows"},
            "--set 'n1.rows' has no '=': write NODE.PARAM=VALUE");
        row("set without dot", {"p", "--set", "rows=5"},
            "--set 'rows=5' does not name a node and a parameter: write NODE.PARAM=VALUE");
        row("set without node", {"p", "--set", ".rows=5"},
            "--set '.rows=5' does not name a node and a parameter: write NODE.PARAM=VALUE");
        row("set without param", {"p", "--set", "n1.=5"},
            "--set 'n1.=5' does not name a node and a parameter: write NODE.PARAM=VALUE");
        row("threads not a number", {"p", "--threads", "many"},
            "--threads needs a whole number from 0 (one per core) to 1024, not 'many'");
        row("threads negative", {"p", "--threads=-2"},
            "--threads needs a whole number from 0 (one per core) to 1024, not '-2'");
        row("threads fraction", {"p", "--threads", "1.5"},
            "--threads needs a whole number from 0 (one per core) to 1024, not '1.5'");
        row("threads too many", {"p", "--threads", "5000"},
            "--threads needs a whole number from 0 (one per core) to 1024, not '5000'");
        row("threads empty", {"p", "--threads="},
            "--threads needs a whole number from 0 (one per core) to 1024, not ''");
        row("memory limit not a size", {"p", "--memory-limit", "lots"},
            "--memory-limit needs a size such as 512M or 2G (at least 16M), not 'lots'");
        row("memory limit unknown unit", {"p", "--memory-limit=3Q"},
            "--memory-limit needs a size such as 512M or 2G (at least 16M), not '3Q'");
        row("memory limit too small", {"p", "--memory-limit", "1M"},
            "--memory-limit needs a size such as 512M or 2G (at least 16M), not '1M'");
        row("memory limit overflows", {"p", "--memory-limit", "99999999999T"},
            "--memory-limit needs a size such as 512M or 2G (at least 16M), not '99999999999T'");
        row("memory limit for predict", {"predict", "m.json", "d.csv", "--memory-limit", "1G"},
            "option --memory-limit does not apply to the predict command");
        row("output for run", {"p", "-o", "x.csv"},
            "option -o belongs to the predict and export-python commands");
        row("watch with value", {"p", "--watch=yes"}, "option --watch takes no value");
        row("watch interval not a number", {"p", "--watch", "--watch-interval", "soon"},
            "--watch-interval needs seconds from 0 to 86400, not 'soon'");
        row("watch interval negative", {"p", "--watch-interval=-1"},
            "--watch-interval needs seconds from 0 to 86400, not '-1'");
        row("watch for predict", {"predict", "m.json", "d.csv", "--watch"},
            "option --watch does not apply to the predict command");
        row("watch and sweep", {"p", "--watch", "--sweep", "n.k=1,2"},
            "--watch and --sweep cannot be combined: watch a pipeline or sweep it");
        row("export without pipeline", {"export-python"},
            "export-python needs a pipeline file: export-python PIPELINE.sluice");
        row("export extra", {"export-python", "a.sluice", "b.sluice"},
            "unexpected argument 'b.sluice'");
        row("export with json", {"export-python", "a.sluice", "--json", "r.json"},
            "option --json does not apply to the export-python command");
        row("predict without files", {"predict"},
            "predict needs a model file and a CSV file: predict MODEL.json DATA.csv");
        row("predict without csv", {"predict", "m.json"},
            "predict needs a CSV file after the model file: predict MODEL.json DATA.csv");
        row("predict extra", {"predict", "m.json", "d.csv", "e.csv"},
            "unexpected argument 'e.csv'");
        row("predict with json", {"predict", "m.json", "d.csv", "--json", "r.json"},
            "option --json does not apply to the predict command");
        row("predict with set", {"predict", "m.json", "d.csv", "--set", "a.b=1"},
            "option --set does not apply to the predict command");
        row("predict -o without value", {"predict", "m.json", "d.csv", "-o"},
            "option -o needs a value: -o OUT");
    }

    void errors() {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        QCOMPARE(usageErrorOf(toArgs(args)), message);
    }

    // --set and --run-to against a graph.

    void resolveByIdThenTitle() {
        const Graph g = sampleGraph();
        QCOMPARE(resolveNode(g, "n2", "--run-to"), std::string("n2"));
        QCOMPARE(resolveNode(g, "Split", "--run-to"), std::string("n2"));
        QCOMPARE(resolveNode(g, "Mystery", "--run-to"), std::string("n6"));
    }

    void resolveErrors() {
        const Graph g = sampleGraph();
        auto errorOf = [&](const std::string& name) {
            try {
                resolveNode(g, name, "--run-to");
            } catch (const UsageError& e) {
                return std::string(e.what());
            }
            return std::string("<no error>");
        };
        QCOMPARE(errorOf("split"),  // titles match case and all
                 std::string("--run-to: the pipeline has no node with id or title 'split' "
                             "(nodes: n1 \"Iris\", n2 \"Split\", n3 \"Train\", n4 \"Twin\", "
                             "n5 \"Twin\", n6 \"Mystery\")"));
        QCOMPARE(errorOf("Twin"),
                 std::string("--run-to: several nodes are titled 'Twin' (n4, n5); name one by "
                             "its id"));
        QCOMPARE(resolveNode(g, "n4", "--run-to"), std::string("n4"));
        QCOMPARE(errorOf("x"), errorOf("x"));
        try {
            resolveNode(Graph(), "x", "--run-to");
            QFAIL("no error");
        } catch (const UsageError& e) {
            QCOMPARE(std::string(e.what()),
                     std::string("--run-to: the pipeline has no node with id or title 'x' (it "
                                 "has none)"));
        }
    }

    void setValues() {
        // JSON numbers, booleans and strings; plain words as text.
        QCOMPARE(paramAfter({{"Train", "max_iter", "300"}}, "n3", "max_iter"), nlohmann::json(300));
        QCOMPARE(paramAfter({{"n2", "test_fraction", "0.5"}}, "n2", "test_fraction"),
                 nlohmann::json(0.5));
        QCOMPARE(paramAfter({{"n2", "stratify", "true"}}, "n2", "stratify"), nlohmann::json(true));
        QCOMPARE(paramAfter({{"Iris", "dataset", "wine"}}, "n1", "dataset"),
                 nlohmann::json("wine"));
        QCOMPARE(paramAfter({{"Iris", "dataset", "\"diabetes\""}}, "n1", "dataset"),
                 nlohmann::json("diabetes"));
        // A whole-number float is a whole number.
        QCOMPARE(paramAfter({{"Train", "max_iter", "2e2"}}, "n3", "max_iter"),
                 nlohmann::json(200.0));
        // A list for a parameter kept as text stays text (the node parses it).
        QCOMPARE(
            paramAfter({{"Train", "hidden_layer_sizes", "[64,32]"}}, "n3", "hidden_layer_sizes"),
            nlohmann::json("[64,32]"));
        // Later settings win; other parameters are kept.
        Graph g = sampleGraph();
        applySettings(g, {{"n3", "max_iter", "7"}, {"n3", "max_iter", "8"}, {"n3", "alpha", "0.5"}},
                      builtinNodes(), "/work/dir");
        QCOMPARE(g.node("n3")->params, (nlohmann::json{{"max_iter", 8}, {"alpha", 0.5}}));
    }

    void setPaths() {
        // Relative paths come from the working directory, absolute ones stay.
        QCOMPARE(
            paramAfter({{"n4", "path", "in/rows.csv"}}, "n4", "path"),
            nlohmann::json(
                (std::filesystem::path("/work/dir") / "in/rows.csv").lexically_normal().string()));
        QCOMPARE(paramAfter({{"n4", "path", "/abs/rows.csv"}}, "n4", "path"),
                 nlohmann::json("/abs/rows.csv"));
        // A file name that reads as JSON (a number) is still a file name.
        QCOMPARE(paramAfter({{"n4", "path", "2024"}}, "n4", "path"),
                 nlohmann::json((std::filesystem::path("/work/dir") / "2024").string()));
    }

    void setErrors_data() {
        QTest::addColumn<QString>("node");
        QTest::addColumn<QString>("param");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("message");
        auto row = [](const char* name, const char* node, const char* param, const char* value,
                      const char* message) {
            QTest::newRow(name) << node << param << value << QString::fromUtf8(message);
        };
        row("unknown node", "Nope", "x", "1",
            "--set Nope.x=1: the pipeline has no node with id or title 'Nope' (nodes: n1 "
            "\"Iris\", n2 \"Split\", n3 \"Train\", n4 \"Twin\", n5 \"Twin\", n6 \"Mystery\")");
        row("ambiguous title", "Twin", "path", "x.csv",
            "--set Twin.path=x.csv: several nodes are titled 'Twin' (n4, n5); name one by its id");
        row("unknown parameter", "Split", "fraction", "0.2",
            "--set Split.fraction=0.2: node 'n2 \"Split\"' (transform.train_test_split) has no "
            "parameter 'fraction' (parameters: test_fraction, stratify, seed)");
        row("unknown node type", "Mystery", "x", "1",
            "--set Mystery.x=1: node 'n6 \"Mystery\"' has the type 'plugin.mystery', which this "
            "build of Sluice does not know");
        row("not a whole number", "Train", "max_iter", "many",
            "--set Train.max_iter=many: parameter 'max_iter' of node 'n3 \"Train\"': must be a "
            "whole number");
        row("fraction for int", "Train", "max_iter", "2.5",
            "--set Train.max_iter=2.5: parameter 'max_iter' of node 'n3 \"Train\"': must be a "
            "whole number");
        row("below range", "Train", "max_iter", "0",
            "--set Train.max_iter=0: parameter 'max_iter' of node 'n3 \"Train\"': must be at "
            "least 1, not 0");
        row("above range", "n2", "test_fraction", "2",
            "--set n2.test_fraction=2: parameter 'test_fraction' of node 'n2 \"Split\"': must be "
            "at most 0.99, not 2");
        row("not a bool", "n2", "stratify", "yes",
            "--set n2.stratify=yes: parameter 'stratify' of node 'n2 \"Split\"': must be true or "
            "false");
        row("not a choice", "Iris", "dataset", "mnist",
            "--set Iris.dataset=mnist: parameter 'dataset' of node 'n1 \"Iris\"': 'mnist' is not "
            "one of: iris, wine, breast_cancer, diabetes");
        row("empty path", "n4", "path", "",
            "--set n4.path=: parameter 'path' of node 'n4 \"Twin\"': must not be empty");
    }

    void setErrors() {
        QFETCH(QString, node);
        QFETCH(QString, param);
        QFETCH(QString, value);
        QFETCH(QString, message);
        QCOMPARE(settingErrorOf({{node.toStdString(), param.toStdString(), value.toStdString()}}),
                 message);
    }

    void setValueAMillionDeepIsRefused() {
        // Issue 24: a value parsed as JSON, nested a million deep, crashed
        // sluice-run; now the option is named (its value cut short) with the
        // nesting limit.
        const std::string deep = std::string(1000000, '[') + std::string(1000000, ']');
        const QString message = settingErrorOf({{"Train", "hidden_layer_sizes", deep}});
        QVERIFY2(message.startsWith("--set Train.hidden_layer_sizes=" + QString(60, '[') +
                                    "...: parameter 'hidden_layer_sizes' of node 'n3 \"Train\"': "
                                    "JSON nested deeper than 512 levels at line 1, column 513"),
                 qPrintable(message.left(300)));
        QVERIFY(message.size() < 400);
    }

    void badValueInFileIsNotBlamedOnSet() {
        // max_iter is already invalid in the file: setting another parameter
        // still works; the engine reports max_iter when the node runs.
        Graph g = sampleGraph();
        nlohmann::json params = g.node("n3")->params;
        params["max_iter"] = -4;
        g.setParams("n3", params);
        applySettings(g, {{"n3", "alpha", "0.01"}}, builtinNodes(), "/w");
        QCOMPARE(g.node("n3")->params.value("alpha", 0.0), 0.01);
    }
};

SLUICE_TEST_APPLESS_MAIN(TestRunnerOptions)
#include "test_runner_options.moc"
