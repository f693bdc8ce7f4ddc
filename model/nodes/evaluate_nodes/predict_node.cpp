#include <algorithm>
#include <cmath>

#include "ml/core/ml_errors.h"
#include "ml/core/model.h"
#include "nodes/evaluate_nodes/prediction_columns.h"
#include "nodes/python_context.h"

namespace sluice {
namespace {

class PredictNode : public NodeType {
public:
    PredictNode();
    PortValues run(const PortValues&, const nlohmann::json&, RunContext&) const override;
    std::optional<std::string> python(const PythonContext&) const override;
};

}  // namespace

PredictNode::PredictNode()
    : NodeType({"evaluate.predict",
                "Predict",
                NodeCategory::Evaluate,
                "Applies a trained model to a table: adds a prediction column (categories "
                "for classifiers and clusterings) and, for classifiers, one probability "
                "column per class.",
                {{"model", PortType::Model, "Model", true, "A trained model."},
                 {"table", PortType::Table, "Data", true, "Rows to predict, e.g. the test set."}},
                {{"predictions", PortType::Table, "Predictions", true,
                  "The input rows with prediction (and probability) columns."}},
                {}}) {}

PortValues PredictNode::run(const PortValues& inputs, const nlohmann::json&,
                            RunContext& context) const {
    const ModelValue model = inputModel(inputs, "model");
    const TablePtr table = inputTable(inputs, "table");
    context.fit.throwIfCancelled();
    std::vector<Column> columns;
    for (const Column& c : table->columns())
        if (c.name() != kPredictionColumn && c.name().rfind("p(", 0) != 0)
            columns.push_back(c);
    try {
        // Preprocessing runs once; predictions and probabilities share its output.
        const Eigen::MatrixXd X = model->featureMatrix(*table);
        const Eigen::VectorXd raw = model->model().predict(X);
        if (const ml::LabelEncoder* labels = model->labels()) {
            std::vector<std::int32_t> codes(static_cast<std::size_t>(raw.size()));
            for (Eigen::Index i = 0; i < raw.size(); ++i)
                codes[static_cast<std::size_t>(i)] = static_cast<std::int32_t>(raw(i));
            columns.push_back(Column::categorical(kPredictionColumn, std::move(codes),
                                                  labels->labels(), ColumnRole::Meta));
            const Eigen::MatrixXd proba = model->model().predictProba(X);
            for (int k = 0; k < labels->classCount(); ++k) {
                std::vector<double> p(proba.col(k).data(), proba.col(k).data() + proba.rows());
                columns.push_back(Column::numeric(probabilityColumn(labels->label(k)), std::move(p),
                                                  ColumnRole::Meta));
            }
        } else if (model->model().task() == ml::Task::Clustering) {
            // Cluster ids name groups; they are not quantities. As categories
            // ("0", "1", ... one per cluster of the model, used or not) a
            // preview counts them instead of averaging them, and a plot
            // colours by them. An id that is not one of the model's is missing.
            const int clusters = model->model().classCount();
            std::vector<std::int32_t> codes(static_cast<std::size_t>(raw.size()), -1);
            for (Eigen::Index i = 0; i < raw.size(); ++i)
                if (raw(i) >= 0 && raw(i) < clusters && raw(i) == std::floor(raw(i)))
                    codes[static_cast<std::size_t>(i)] = static_cast<std::int32_t>(raw(i));
            std::vector<std::string> levels;
            for (int k = 0; k < clusters; ++k)
                levels.push_back(std::to_string(k));
            columns.push_back(Column::categorical(kPredictionColumn, std::move(codes),
                                                  std::move(levels), ColumnRole::Meta));
        } else {
            columns.push_back(Column::numeric(
                kPredictionColumn, std::vector<double>(raw.data(), raw.data() + raw.size()),
                ColumnRole::Meta));
        }
    } catch (const ml::MisuseError& e) {
        throw NodeError(e.what());
    }
    return {{"predictions", Table::make(std::move(columns))}};
}

std::optional<std::string> PredictNode::python(const PythonContext& c) const {
    return c.output("predictions") + " = predict(" + *c.input("model") + ", " + *c.input("table") +
           ")\n";
}

std::unique_ptr<NodeType> makePredictNode() {
    return std::make_unique<PredictNode>();
}

}  // namespace sluice
