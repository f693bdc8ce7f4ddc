// Train, Evaluate and Output nodes on the bundled datasets: the numbers they
// report equal the ones computed directly from the same predictions.
#include <QTemporaryDir>
#include <QtTest>

#include "data/table_rows.h"
#include "ml/metrics/classification_metrics.h"
#include "ml/metrics/regression_metrics.h"
#include "ml/pipeline/trained_pipeline.h"
#include "node_test_support.h"
#include "nodes/evaluate_nodes/score_results.h"
#include "nodes/results.h"
#include "support/test_registry.h"

using namespace sluice;
using sluice::testing::datasetTable;
using sluice::testing::runNode;

namespace {

ModelValue trainOn(const std::string& learner, const TablePtr& table,
                   const nlohmann::json& params = nlohmann::json::object()) {
    return std::get<ModelValue>(
        runNode("train." + learner, {{"train", table}}, params).at("model"));
}

TablePtr predict(const ModelValue& model, const TablePtr& table) {
    return std::get<TablePtr>(
        runNode("evaluate.predict", {{"model", model}, {"table", table}}).at("predictions"));
}

ResultsValue results(const std::string& id, const PortValues& in, const nlohmann::json& p = {}) {
    return std::get<ResultsValue>(
        runNode(id, in, p.is_null() ? nlohmann::json::object() : p).at("results"));
}

}  // namespace

class TestTrainEvaluateNodes : public QObject {
    Q_OBJECT

private slots:
    void everyLearnerButPcaHasATrainNode() {
        for (const char* kind :
             {"linear_regression", "ridge", "logistic_regression", "random_forest_classifier",
              "mlp_classifier", "gradient_boosting_regressor"})
            QVERIFY2(builtinNodes().find(std::string("train.") + kind), kind);
        QVERIFY(!builtinNodes().find("train.pca"));
        const NodeType& t = testing::nodeType("train.ridge");
        QVERIFY(t.param("alpha") && t.param("alpha")->kind == ParamKind::Float);
        QCOMPARE(t.param("alpha")->defaultValue.get<double>(), 1.0);
        QVERIFY(!t.param("alpha")->help.empty());
        QVERIFY(t.param("target"));
    }

    void classificationScoresEqualDirectComputation() {
        const auto iris = datasetTable("iris.csv");
        const auto model = trainOn("logistic_regression", iris);
        const auto predictions = predict(model, iris);
        QCOMPARE(predictions->column("prediction").kind(), ColumnKind::Categorical);
        QVERIFY(predictions->indexOf("p(setosa)").has_value());

        const auto scores = results("evaluate.score", {{"predictions", predictions}});
        const Eigen::VectorXd truth = model->encodeTarget(*iris);
        const Eigen::VectorXd predicted = model->predict(*iris);
        QCOMPARE(scores->metrics.at("accuracy"), ml::accuracy(truth, predicted));
        QCOMPARE(scores->metrics.at("f1_macro"), ml::f1Score(truth, predicted, ml::Average::Macro));
        QCOMPARE(scores->metrics.at("roc_auc"), ml::rocAuc(truth, model->predictProba(*iris)));
        QVERIFY(scores->metrics.at("accuracy") > 0.95);
        QCOMPARE(scores->matrix.sum(), 150.0);
        QCOMPARE(scores->labels, (std::vector<std::string>{"setosa", "versicolor", "virginica"}));

        const auto cm = results("evaluate.confusion_matrix", {{"predictions", predictions}});
        QCOMPARE(cm->matrix, scores->matrix);
        QCOMPARE(cm->matrix.row(0).sum(), 50.0);
        const auto roc = results("evaluate.roc_curve", {{"predictions", predictions}});
        QCOMPARE(roc->curves.size(), std::size_t{3});
        QCOMPARE(roc->curves[0].name, std::string("setosa vs rest"));
        QCOMPARE(roc->curves[0].area, 1.0);  // setosa separates perfectly
    }

    // Issue 25, item 10: cluster ids are names of groups, so Predict gives
    // them as categories ("0".."k-1") that agree with the model's own labels,
    // not as numbers a preview averages.
    void clusterIdsArePredictedAsCategories() {
        const auto iris = datasetTable("iris.csv");
        const auto model = trainOn("kmeans", iris, {{"n_clusters", 3}, {"random_state", 0}});
        const auto predictions = predict(model, iris);
        const Column& clusters = predictions->column("prediction");
        QCOMPARE(clusters.kind(), ColumnKind::Categorical);
        QCOMPARE(clusters.levels(), (std::vector<std::string>{"0", "1", "2"}));
        const Eigen::VectorXd ids = model->predict(*iris);
        std::vector<int> sizes(3, 0);
        for (std::size_t r = 0; r < iris->rowCount(); ++r) {
            QCOMPARE(clusters.codes()[r], static_cast<std::int32_t>(ids(Eigen::Index(r))));
            ++sizes[static_cast<std::size_t>(clusters.codes()[r])];
        }
        // Iris falls into three groups: every cluster is used, none holds all.
        for (int n : sizes)
            QVERIFY(n > 0 && n < 150);
        QVERIFY(!predictions->indexOf("p(0)").has_value());  // no probabilities

        // Rows of one cluster only: still every cluster of the model as a
        // category, so test and training predictions share their categories.
        std::vector<std::size_t> oneCluster;
        for (std::size_t r = 0; r < iris->rowCount(); ++r)
            if (clusters.codes()[r] == clusters.codes()[0])
                oneCluster.push_back(r);
        const auto few = predict(model, takeRows(*iris, oneCluster));
        QCOMPARE(few->column("prediction").levels(), (std::vector<std::string>{"0", "1", "2"}));
    }

    void binaryProblemHasOneRocCurve() {
        const auto bc = datasetTable("breast_cancer.csv");
        const auto model = trainOn("logistic_regression", bc);
        const auto roc = results("evaluate.roc_curve", {{"predictions", predict(model, bc)}});
        QCOMPARE(roc->curves.size(), std::size_t{1});
        QCOMPARE(roc->curves[0].name, std::string("malignant"));  // the second class, sorted
        QVERIFY(roc->curves[0].area > 0.95);
    }

    void rocCurveComparesSeveralModels() {
        const auto bc = datasetTable("breast_cancer.csv");
        const auto logistic = predict(trainOn("logistic_regression", bc), bc);
        const auto tree = predict(trainOn("decision_tree_classifier", bc, {{"max_depth", 2}}), bc);
        const double logisticAuc =
            results("evaluate.roc_curve", {{"predictions", logistic}})->curves[0].area;
        const double treeAuc =
            results("evaluate.roc_curve", {{"predictions", tree}})->curves[0].area;

        const auto both =
            results("evaluate.roc_curve", {{"predictions", logistic}, {"predictions_3", tree}},
                    {{"names", "logistic, depth-2 tree"}});
        QCOMPARE(both->curves.size(), std::size_t{2});
        QCOMPARE(both->curves[0].name, std::string("logistic: malignant"));
        QCOMPARE(both->curves[1].name, std::string("depth-2 tree: malignant"));
        QCOMPARE(both->curves[0].area, logisticAuc);
        QCOMPARE(both->curves[1].area, treeAuc);
        QVERIFY(logisticAuc > treeAuc);  // the shallow tree ranks rows more coarsely
        QCOMPARE(both->metrics.at("auc depth-2 tree: malignant"), treeAuc);

        // Without names, models are numbered.
        const auto numbered =
            results("evaluate.roc_curve", {{"predictions", logistic}, {"predictions_2", tree}});
        QCOMPARE(numbered->curves[1].name, std::string("model 2: malignant"));

        // Predictions of another target cannot share the chart.
        const auto iris = datasetTable("iris.csv");
        const auto irisPredictions = predict(trainOn("logistic_regression", iris), iris);
        try {
            runNode("evaluate.roc_curve",
                    {{"predictions", logistic}, {"predictions_2", irisPredictions}});
            QFAIL("expected a NodeError");
        } catch (const NodeError& e) {
            QVERIFY2(std::string(e.what()).find("classes differ") != std::string::npos, e.what());
        }
    }

    void precisionRecallCurveHasScikitLearnsAveragePrecision() {
        // The example of scikit-learn's average_precision_score documentation.
        ClassPredictions p;
        p.labels = {"no", "yes"};
        p.truth = (Eigen::VectorXd(4) << 0, 0, 1, 1).finished();
        p.predicted = (Eigen::VectorXd(4) << 0, 1, 0, 1).finished();
        p.proba.resize(4, 2);
        p.proba.col(1) << 0.1, 0.4, 0.35, 0.8;
        p.proba.col(0) = 1.0 - p.proba.col(1).array();
        const auto curves = precisionRecallCurves(p);
        QCOMPARE(curves.size(), std::size_t{1});
        QCOMPARE(curves[0].name, std::string("yes"));
        QVERIFY(std::abs(curves[0].area - 0.8333333) < 1e-6);
        QCOMPARE(curves[0].x(0), 0.0);  // starts at recall 0, precision 1
        QCOMPARE(curves[0].y(0), 1.0);
        QCOMPARE(curves[0].x(curves[0].x.size() - 1), 1.0);  // ends at full recall

        const auto iris = datasetTable("iris.csv");
        const auto scores =
            results("evaluate.score",
                    {{"predictions", predict(trainOn("logistic_regression", iris), iris)}});
        QCOMPARE(scores->precisionRecall.size(), std::size_t{3});
        QCOMPARE(scores->precisionRecall[0].area, 1.0);  // setosa separates perfectly
    }

    void regressionScoresEqualDirectComputation() {
        const auto diabetes = datasetTable("diabetes.csv");
        const auto model = trainOn("linear_regression", diabetes);
        const auto predictions = predict(model, diabetes);
        const auto scores = results("evaluate.score", {{"predictions", predictions}});
        const auto y = diabetes->column("progression").numbers();
        const Eigen::VectorXd truth = Eigen::Map<const Eigen::VectorXd>(y.data(), 442);
        const Eigen::VectorXd predicted = model->predict(*diabetes);
        QCOMPARE(scores->metrics.at("r2"), ml::r2Score(truth, predicted));
        QCOMPARE(scores->metrics.at("mae"), ml::meanAbsoluteError(truth, predicted));
        QVERIFY(std::abs(scores->metrics.at("r2") - 0.5177) < 1e-3);  // the classic in-sample R²
        // The pairs behind the predicted-vs-actual plot.
        QVERIFY(scores->table);
        QCOMPARE(scores->table->rowCount(), std::size_t{442});
        QCOMPARE(scores->table->column("actual").numbers()[7], truth(7));
        QCOMPARE(scores->table->column("predicted").numbers()[7], predicted(7));
    }

    void featureImportanceIsSortedAndNamed() {
        const auto iris = datasetTable("iris.csv");
        const auto r =
            results("evaluate.feature_importance",
                    {{"model", trainOn("random_forest_classifier", iris, {{"n_estimators", 20}})}});
        const auto values = r->table->column(1).numbers();
        QCOMPARE(values.size(), std::size_t{4});
        QVERIFY(std::abs(values[0] + values[1] + values[2] + values[3] - 1.0) < 1e-9);
        QVERIFY(values[0] >= values[1] && values[1] >= values[2] && values[2] >= values[3]);
        QVERIFY(r->table->column("feature").texts()[0].rfind("petal", 0) == 0);
        QVERIFY_THROWS_EXCEPTION(NodeError, results("evaluate.feature_importance",
                                                    {{"model", trainOn("knn_classifier", iris)}}));
    }

    void crossValidationComparesLearnersFoldByFold() {
        const auto wine = datasetTable("wine.csv");
        auto learner = [&](const std::string& kind) {
            return std::get<LearnerValue>(
                runNode("train." + kind, {{"train", wine}}).at("learner"));
        };
        const auto r = results("evaluate.cross_validate",
                               {{"table", wine},
                                {"learner_1", learner("logistic_regression")},
                                {"learner_2", learner("decision_tree_classifier")}},
                               {{"folds", 4}});
        const Table& t = *r->table;
        QCOMPARE(t.rowCount(), std::size_t{6});     // 2 learners x 3 metrics
        QCOMPARE(t.columnCount(), std::size_t{8});  // learner, metric, mean, std, 4 folds
        QCOMPARE(t.column("metric").texts()[0], std::string("accuracy"));
        const auto mean = t.column("mean").numbers();
        double folds = 0;
        for (int f = 1; f <= 4; ++f)
            folds += t.column("fold " + std::to_string(f)).numbers()[0];
        QVERIFY(std::abs(mean[0] - folds / 4) < 1e-12);
        QVERIFY(mean[0] > 0.85);
    }

    void savedModelAndPredictionsCanBeReadBack() {
        QTemporaryDir dir;
        const auto iris = datasetTable("iris.csv");
        const auto model = trainOn("decision_tree_classifier", iris);
        RunContext context;
        context.baseDirectory = dir.path().toStdString();
        runNode("output.save_model", {{"model", model}}, {{"path", "tree.json"}}, &context);
        const auto loaded = ml::TrainedPipeline::load(dir.filePath("tree.json").toStdString());
        QVERIFY(loaded.predict(*iris) == model->predict(*iris));
        runNode("output.write_predictions", {{"table", predict(model, iris)}}, {{"path", "p.csv"}},
                &context);
        const auto back = readCsvFile(dir.filePath("p.csv").toStdString());
        QCOMPARE(back.table->rowCount(), std::size_t{150});
        QVERIFY(back.table->indexOf("p(virginica)").has_value());
    }

    void mistakesGetMessagesThatSayWhatToDo() {
        const auto plain =
            readCsvFile(std::string(SLUICE_DATASETS_DIR) + "/iris.csv").table;  // no target role
        try {
            runNode("train.logistic_regression", {{"train", plain}});
            QFAIL("expected NodeError");
        } catch (const NodeError& e) {
            QVERIFY(std::string(e.what()).find("no target column") != std::string::npos);
        }
        const auto model = trainOn("logistic_regression", plain, {{"target", "species"}});
        QVERIFY_THROWS_EXCEPTION(NodeError, runNode("evaluate.predict", {{"model", model}}));
        QVERIFY_THROWS_EXCEPTION(NodeError,
                                 runNode("train.ridge", {{"train", plain}}, {{"target", "nope"}}));
        try {
            runNode("evaluate.score", {{"predictions", plain}});
            QFAIL("expected NodeError");
        } catch (const NodeError& e) {
            QVERIFY(std::string(e.what()).find("Predict") != std::string::npos);
        }
    }
};

SLUICE_TEST_APPLESS_MAIN(TestTrainEvaluateNodes)
#include "test_train_evaluate_nodes.moc"
