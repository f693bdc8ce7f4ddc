// The Python exporter's generated text, checked without running Python
// (the python_export_* tests run the scripts): node sections in run order,
// parameters of every learner mapped to scikit-learn's keywords, paths
// relative to the pipeline's folder, and errors that name the node.
#include <QtTest>

#include "export/python_export.h"
#include "ml/core/registry.h"
#include "nodes/python_literals.h"
#include "nodes/train_nodes/train_node.h"
#include "pipeline_io/pipeline_file.h"
#include "support/test_registry.h"

using namespace sluice;

namespace {

GraphNode makeNode(std::string id, std::string type, std::string title,
                   nlohmann::json params = nlohmann::json::object()) {
    GraphNode n;
    n.id = std::move(id);
    n.type = std::move(type);
    n.title = std::move(title);
    n.params = std::move(params);
    return n;
}

// read -> train.<kind> (the smallest graph a learner exports in).
Graph learnerGraph(const std::string& kind, nlohmann::json params) {
    Graph g;
    g.addNode(makeNode("read", "data.read_csv", "Data", {{"path", "/data/x.csv"}}));
    g.addNode(makeNode("fit", "train." + kind, "Fit", std::move(params)));
    g.addEdge({{"read", "table"}, {"fit", "train"}});
    return g;
}

// The text of the exception exportPython() throws, or "" if it succeeds.
std::string exportError(const Graph& g, const NodeRegistry& registry = builtinNodes()) {
    try {
        exportPython(g, {}, registry);
    } catch (const PythonExportError& e) {
        return e.what();
    }
    return {};
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

// The script with wrapped calls joined back onto one line.
std::string unwrapped(std::string text) {
    for (std::size_t at; (at = text.find("\n    ")) != std::string::npos;)
        text.replace(at, 5, at > 0 && text[at - 1] == '(' ? "" : " ");
    return text;
}

// A node type the exporter has never heard of.
class MysteryNode : public NodeType {
public:
    MysteryNode()
        : NodeType({.id = "data.mystery",
                    .displayName = "Mystery",
                    .category = NodeCategory::Data,
                    .outputs = {{"table", PortType::Table, "Table", true, ""}}}) {}
    PortValues run(const PortValues&, const nlohmann::json&, RunContext&) const override {
        return {};
    }
};

// Registered node types the exporter refuses on purpose, with the reason.
// evaluate.drift: its binning and tests have no one-call scikit-learn
// equivalent yet.
const std::set<std::string> kNotExportable = {"evaluate.drift"};

}  // namespace

class TestPythonExport : public QObject {
    Q_OBJECT

private slots:
    void longCallsWrapAtTheirOwnCommas() {
        const std::string line = "x = F(a=1, b=\"p, q\", c=(1, 2, ), d=[3, 4], e=5, f=6, g=7)";
        QCOMPARE(python_export::pyWrappedCall(line, 200), line);
        QCOMPARE(python_export::pyWrappedCall(line, 40),
                 std::string("x = F(\n    a=1,\n    b=\"p, q\",\n    c=(1, 2, ),\n    d=[3, 4],"
                             "\n    e=5,\n    f=6,\n    g=7)"));
    }

    void literalsArePython() {
        QCOMPARE(python_export::pyValue(nullptr), std::string("None"));
        QCOMPARE(python_export::pyValue(true), std::string("True"));
        QCOMPARE(python_export::pyValue(2.0), std::string("2.0"));
        QCOMPARE(python_export::pyValue(7), std::string("7"));
        QCOMPARE(python_export::pyValue(1e-7), std::string("1e-07"));
        QCOMPARE(python_export::pyValue(nlohmann::json::array({"a\"b", 1})),
                 std::string("[\"a\\\"b\", 1]"));
        QCOMPARE(python_export::pyIdentifier("3-d node"), std::string("_3_d_node"));
    }

    void unknownNodeTypeErrorNamesTheNode() {
        NodeRegistry registry;
        registerDataNodes(registry);
        registry.add(std::make_unique<MysteryNode>());
        Graph g;
        g.addNode(makeNode("m1", "data.mystery", "Strange source"));
        const std::string error = exportError(g, registry);
        QVERIFY2(contains(error, "'m1'") && contains(error, "Strange source") &&
                     contains(error, "data.mystery") && contains(error, "no translation"),
                 error.c_str());

        // A type this build does not know at all (a placeholder node).
        Graph unknown;
        unknown.addNode(makeNode("p", "plugin.thing", "From a plugin"));
        const std::string e2 = exportError(unknown);
        QVERIFY2(contains(e2, "'p'") && contains(e2, "From a plugin") &&
                     contains(e2, "plugin.thing") && contains(e2, "does not know"),
                 e2.c_str());
    }

    void unconnectedInputErrorNamesNodeAndPort() {
        Graph g;
        g.addNode(makeNode("s", "evaluate.score", "Scores"));
        const std::string error = exportError(g);
        QVERIFY2(contains(error, "'s'") && contains(error, "evaluate.score") &&
                     contains(error, "input 'predictions' is not connected"),
                 error.c_str());
    }

    void everyRegisteredNodeTypeHasATranslation() {
        for (const NodeType* type : builtinNodes().all()) {
            Graph g;
            nlohmann::json params = nlohmann::json::object();
            for (const auto& p : type->info().params)
                if (p.kind == ParamKind::Path)
                    params[p.name] = "/tmp/file";
            g.addNode(makeNode("x", type->id(), "X", params));
            const std::string error = exportError(g);
            const bool untranslated = contains(error, "no translation");
            if (kNotExportable.count(type->id())) {
                QVERIFY2(untranslated, type->id().c_str());
                continue;
            }
            // Without its inputs a node may only miss them, never a translation.
            QVERIFY2(error.empty() || contains(error, "is not connected"),
                     (type->id() + ": " + error).c_str());
        }
    }

    void pathsAreRelativeToThePipelineFolder() {
        Graph g;
        g.addNode(makeNode("in", "data.read_csv", "In", {{"path", "/work/p/data/a.csv"}}));
        g.addNode(makeNode("out", "data.write_csv", "Out", {{"path", "/elsewhere/b.csv"}}));
        g.addEdge({{"in", "table"}, {"out", "table"}});
        const std::string script = exportPython(g, {.baseDirectory = "/work/p"});
        QVERIFY(contains(script, "PIPELINE_DIR = \"/work/p\"\n"));
        QVERIFY(contains(script, "os.path.join(PIPELINE_DIR, \"data/a.csv\")"));
        // Outside the folder: relative still, as the pipeline file stores it.
        QVERIFY(contains(script, "os.path.join(PIPELINE_DIR, \"../../elsewhere/b.csv\")"));
        // Unsaved pipeline: no folder, paths as they are.
        const std::string unsaved = exportPython(g, {});
        QVERIFY(!contains(unsaved, "PIPELINE_DIR"));
        QVERIFY(contains(unsaved, "read_csv(\n    \"/work/p/data/a.csv\""));
    }

    void loadedExampleResolvesLikeSluice() {
        const std::string file = std::string(SLUICE_EXAMPLES_DIR) + "/iris.sluice";
        const PipelineLoadResult loaded = loadPipeline(file);
        const std::string script =
            exportPython(loaded.graph, {.baseDirectory = SLUICE_EXAMPLES_DIR});
        // The file stores ../datasets/iris.csv; loading made it absolute.
        QVERIFY(contains(script, "os.path.join(PIPELINE_DIR, \"../datasets/iris.csv\")"));
        // One section per node, in the order Sluice runs them.
        std::size_t at = 0;
        int sections = 0;
        for (const auto& id : loaded.graph.topologicalOrder()) {
            const GraphNode* node = loaded.graph.node(id);
            const auto found = script.find(
                "# [" + std::to_string(++sections) + "] " + id + ": " + node->title, at);
            QVERIFY2(found != std::string::npos, id.c_str());
            at = found;
        }
        QCOMPARE(sections, 11);
        QVERIFY(
            contains(script, "sluice_train_test_split(len(columns_table.df), 0.25, 2, strata)"));
        QVERIFY(contains(script, "folds=5, stratified=True, shuffle=True, seed=2)"));
        QVERIFY(contains(script,
                         "report(\"score_logreg\", \"Test scores: logistic\", metric, "
                         "value)"));
    }

    void learnerParametersMapToScikitLearn_data() {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("params");
        QTest::addColumn<QString>("expected");
        auto row = [](const char* kind, const char* params, const char* expected) {
            QTest::newRow(kind) << kind << params << expected;
        };
        row("linear_regression", R"({"fit_intercept": false})",
            "LinearRegression(fit_intercept=False)");
        row("ridge", R"({"alpha": 10.0})", "Ridge(alpha=10.0, fit_intercept=True)");
        row("lasso", R"({"alpha": 0.5, "max_iter": 50})",
            "Lasso(alpha=0.5, fit_intercept=True, max_iter=50, tol=0.0001)");
        row("elastic_net", R"({"alpha": 0.1, "l1_ratio": 0.3})",
            "ElasticNet(alpha=0.1, fit_intercept=True, l1_ratio=0.3, max_iter=1000, tol=0.0001)");
        row("logistic_regression", R"({"C": 0.5, "class_weight": "balanced"})",
            "LogisticRegression(C=0.5, class_weight=\"balanced\", fit_intercept=True, "
            "max_iter=100, tol=0.0001)");
        row("gaussian_nb", R"({"var_smoothing": 1e-6})",
            "GaussianNB(priors=None, var_smoothing=1e-06)");
        row("knn_classifier", R"({"n_neighbors": 7, "weights": "distance"})",
            "KNeighborsClassifier(algorithm=\"auto\", leaf_size=30, metric=\"euclidean\", "
            "n_neighbors=7, weights=\"distance\")");
        row("knn_regressor", R"({"metric": "manhattan"})",
            "KNeighborsRegressor(algorithm=\"auto\", leaf_size=30, metric=\"manhattan\", "
            "n_neighbors=5, weights=\"uniform\")");
        row("decision_tree_classifier", R"({"max_depth": 0, "criterion": "entropy"})",
            "DecisionTreeClassifier(criterion=\"entropy\", max_depth=None, max_features=None, "
            "min_samples_leaf=1, min_samples_split=2, random_state=0)");
        row("decision_tree_regressor", R"({"max_depth": 4, "max_features": 3})",
            "DecisionTreeRegressor(criterion=\"squared_error\", max_depth=4, max_features=3, ");
        row("random_forest_classifier", R"({"n_estimators": 50, "bootstrap": false})",
            "RandomForestClassifier(bootstrap=False, criterion=\"gini\", max_depth=None, "
            "max_features=\"sqrt\", min_samples_leaf=1, min_samples_split=2, n_estimators=50, "
            "oob_score=False, random_state=0)");
        row("random_forest_regressor", R"({"max_features": 0.5})",
            "RandomForestRegressor(bootstrap=True, criterion=\"squared_error\", max_depth=None, "
            "max_features=0.5, ");
        row("gradient_boosting_classifier", R"({"learning_rate": 0.05, "max_depth": 0})",
            "HistGradientBoostingClassifier(early_stopping=\"auto\", l2_regularization=0.0, "
            "learning_rate=0.05, max_bins=255, max_depth=None, max_iter=100, "
            "max_leaf_nodes=31, min_samples_leaf=20, n_iter_no_change=10, random_state=0, "
            "tol=1e-07, validation_fraction=0.1)");
        row("gradient_boosting_regressor", R"({"early_stopping": true})",
            "HistGradientBoostingRegressor(early_stopping=True, ");
        row("mlp_classifier", R"({"hidden_layer_sizes": "[64, 32]", "activation": "tanh"})",
            "MLPClassifier(activation=\"tanh\", alpha=0.0001, batch_size=200, beta_1=0.9, "
            "beta_2=0.999, early_stopping=False, epsilon=1e-08, hidden_layer_sizes=(64, 32, ), ");
        row("mlp_regressor", R"({"max_iter": 300})", "max_iter=300, ");
        row("kmeans", R"({"n_clusters": 4, "n_init": 3})",
            "KMeans(max_iter=300, n_clusters=4, n_init=3, random_state=0, tol=0.0001)");
    }

    void learnerParametersMapToScikitLearn() {
        QFETCH(QString, kind);
        QFETCH(QString, params);
        QFETCH(QString, expected);
        std::string script;
        try {
            script = exportPython(
                learnerGraph(kind.toStdString(), nlohmann::json::parse(params.toStdString())), {});
        } catch (const PythonExportError& e) {
            QFAIL(e.what());
        }
        script = unwrapped(script);
        QVERIFY2(contains(script, expected.toStdString()),
                 qPrintable(kind + ": no '" + expected + "' in the script"));
        if (kind == "mlp_classifier" || kind == "mlp_regressor")
            QVERIFY(contains(script, "solver=\"adam\")"));
    }

    void everyLearnerAndHyperparameterIsMapped() {
        const auto& registry = ml::MlRegistry::instance();
        for (const auto& kind : registry.learnerKinds()) {
            const ml::LearnerSpec& spec = *registry.spec(kind);
            if (!spec.hasTrainNode)
                continue;  // PCA: a transform (transform.pca), not a Train node
            const auto learner = registry.makeLearner(kind);
            std::string constructor;
            try {
                constructor = sklearnConstructor(spec, learner->params());
            } catch (const std::exception& error) {
                QFAIL(error.what());
            }
            // One keyword per hyperparameter.
            const auto commas = std::count(constructor.begin(), constructor.end(), '=');
            QVERIFY2(commas >= static_cast<long>(learner->params().size()), kind.c_str());
        }
        // A hyperparameter the spec does not declare, and a learner without
        // a counterpart, are refused rather than dropped.
        QVERIFY_THROWS_EXCEPTION(std::runtime_error,
                                 sklearnConstructor(*registry.spec("ridge"), {{"solver", "qr"}}));
        QVERIFY_THROWS_EXCEPTION(std::runtime_error,
                                 sklearnConstructor(*registry.spec("pca"), {{"whiten", true}}));
    }

    void cycleIsAnExportError() {
        Graph g;
        g.addNode(makeNode("a", "transform.select_columns", "A"));
        g.addNode(makeNode("b", "transform.select_columns", "B"));
        g.addEdge({{"a", "table"}, {"b", "table"}});
        g.addEdge({{"b", "table"}, {"a", "table"}});
        QVERIFY(contains(exportError(g), "cannot be exported"));
    }
};

SLUICE_TEST_GUILESS_MAIN(TestPythonExport)
#include "test_python_export.moc"
