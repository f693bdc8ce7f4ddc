// A model trained downstream of fitted preprocessing and saved with it
// (Save model's transform inputs) predicts on raw rows exactly what the
// pipeline predicted on the preprocessed rows; saved without it, it does
// not. Also: a saved PCA step loads back.
#include <QTemporaryDir>
#include <QtTest>

#include "io/csv_reader.h"
#include "ml/pipeline/trained_pipeline.h"
#include "nodes/node_registry.h"
#include "support/test_registry.h"

using namespace sluice;

namespace {

PortValues run(const std::string& type, const PortValues& inputs,
               const nlohmann::json& params = nlohmann::json::object()) {
    const NodeType* t = builtinNodes().find(type);
    RunContext context;
    return t->run(inputs, t->withDefaults(params), context);
}

TablePtr iris() {
    const auto read = readCsvFile(std::string(SLUICE_DATASETS_DIR) + "/iris.csv");
    return read.table->withRole("species", ColumnRole::Target);
}

// The iris rows without the species: what a user predicts on.
TablePtr featuresOnly(const TablePtr& table) {
    std::vector<Column> columns;
    for (const Column& c : table->columns())
        if (c.name() != "species")
            columns.push_back(c);
    return Table::make(std::move(columns));
}

}  // namespace

class TestSavedModelSteps : public QObject {
    Q_OBJECT

private slots:
    void savedStepsMakeRawRowsPredictLikeThePipeline() {
        QTemporaryDir dir;
        const TablePtr raw = iris();
        const PortValues scaled = run("transform.scale", {{"train", raw}});
        const PortValues pca =
            run("transform.pca", {{"train", scaled.at("train")}}, {{"n_components", 3}});
        const TablePtr trainTable = std::get<TablePtr>(pca.at("train"));
        const PortValues trained =
            run("train.logistic_regression", {{"train", trainTable}}, {{"C", 0.2}});
        const ModelValue model = std::get<ModelValue>(trained.at("model"));
        const Eigen::VectorXd inPipeline = model->predict(*trainTable);

        const std::string withSteps = dir.filePath("with.json").toStdString();
        run("output.save_model",
            {{"model", model},
             {"transform_1", scaled.at("transform")},
             {"transform_2", pca.at("transform")}},
            {{"path", withSteps}});
        const auto loaded = ml::TrainedPipeline::load(withSteps);
        const Eigen::VectorXd fromFile = loaded.predict(*featuresOnly(raw));
        QCOMPARE(fromFile.size(), Eigen::Index(150));
        QVERIFY(fromFile == inPipeline);
        const double accuracy =
            (fromFile.array() == loaded.encodeTarget(*raw).array()).cast<double>().mean();
        QVERIFY2(accuracy > 0.9, std::to_string(accuracy).c_str());

        // Without its preprocessing the file cannot even find its features.
        const std::string bare = dir.filePath("bare.json").toStdString();
        run("output.save_model", {{"model", model}}, {{"path", bare}});
        QVERIFY_THROWS_EXCEPTION(std::exception,
                                 ml::TrainedPipeline::load(bare).predict(*featuresOnly(raw)));
    }

    void savedScalerAloneChangesPredictions() {
        QTemporaryDir dir;
        const TablePtr raw = iris();
        const PortValues scaled = run("transform.scale", {{"train", raw}});
        const TablePtr scaledTable = std::get<TablePtr>(scaled.at("train"));
        const ModelValue model = std::get<ModelValue>(
            run("train.logistic_regression", {{"train", scaledTable}}).at("model"));
        const std::string with = dir.filePath("with.json").toStdString();
        const std::string bare = dir.filePath("bare.json").toStdString();
        run("output.save_model", {{"model", model}, {"transform_1", scaled.at("transform")}},
            {{"path", with}});
        run("output.save_model", {{"model", model}}, {{"path", bare}});
        const Eigen::VectorXd truth = model->encodeTarget(*raw);
        auto accuracy = [&](const std::string& file) {
            const Eigen::VectorXd p = ml::TrainedPipeline::load(file).predict(*raw);
            return (p.array() == truth.array()).cast<double>().mean();
        };
        QVERIFY(ml::TrainedPipeline::load(with).predict(*raw) == model->predict(*scaledTable));
        QVERIFY(accuracy(with) > 0.95);
        // Raw centimetres fed to weights learnt on z-scores: near chance.
        QVERIFY2(accuracy(bare) < 0.7, std::to_string(accuracy(bare)).c_str());
    }
};

SLUICE_TEST_GUILESS_MAIN(TestSavedModelSteps)
#include "test_saved_model_steps.moc"
