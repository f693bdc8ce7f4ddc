#include "nodes/evaluate_nodes/prediction_columns.h"

#include <cmath>
#include <map>

#include "nodes/node_type.h"

namespace sluice {

std::string probabilityColumn(const std::string& label) {
    return "p(" + label + ")";
}

namespace {

const Column& predictionColumn(const Table& t) {
    const auto index = t.indexOf(kPredictionColumn);
    if (!index)
        throw NodeError(
            "the input has no 'prediction' column; connect the output of a Predict node");
    return t.column(*index);
}

const Column& truthColumn(const Table& t, const std::string& target) {
    const auto index = t.indexOf(target);
    if (!index)
        throw NodeError("the input has no true values in a column '" + target +
                        "'; predict on a table that still has its target column");
    return t.column(*index);
}

}  // namespace

bool isClassification(const Table& predictions) {
    return predictionColumn(predictions).kind() == ColumnKind::Categorical;
}

ClassPredictions classPredictions(const Table& t, const std::string& target) {
    const Column& pred = predictionColumn(t);
    const Column& truth = truthColumn(t, target);
    if (pred.kind() != ColumnKind::Categorical)
        throw NodeError("the predictions are numbers, not classes; use regression metrics");
    ClassPredictions out;
    out.labels = pred.levels();
    std::map<std::string, int> index;
    for (std::size_t k = 0; k < out.labels.size(); ++k)
        index[out.labels[k]] = static_cast<int>(k);
    std::vector<double> yt, yp;
    std::vector<std::size_t> rows;
    for (std::size_t r = 0; r < t.rowCount(); ++r) {
        if (truth.isMissing(r) || pred.isMissing(r))
            continue;
        const std::string label = truth.displayValue(r);
        auto [it, added] = index.try_emplace(label, static_cast<int>(out.labels.size()));
        if (added)
            out.labels.push_back(label);
        yt.push_back(it->second);
        yp.push_back(pred.codes()[r]);
        rows.push_back(r);
    }
    if (rows.empty())
        throw NodeError("no row has both a true value and a prediction to score");
    out.truth = Eigen::Map<Eigen::VectorXd>(yt.data(), static_cast<Eigen::Index>(yt.size()));
    out.predicted = Eigen::Map<Eigen::VectorXd>(yp.data(), static_cast<Eigen::Index>(yp.size()));
    bool haveProba = true;
    for (const auto& label : pred.levels())
        haveProba &= t.indexOf(probabilityColumn(label)).has_value();
    if (haveProba) {
        out.proba = Eigen::MatrixXd::Zero(static_cast<Eigen::Index>(rows.size()),
                                          static_cast<Eigen::Index>(out.labels.size()));
        for (std::size_t k = 0; k < pred.levels().size(); ++k) {
            const auto p = t.column(probabilityColumn(pred.levels()[k])).numbers();
            for (std::size_t i = 0; i < rows.size(); ++i)
                out.proba(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(k)) = p[rows[i]];
        }
    }
    return out;
}

ValuePredictions valuePredictions(const Table& t, const std::string& target) {
    const Column& pred = predictionColumn(t);
    const Column& truth = truthColumn(t, target);
    if (pred.kind() != ColumnKind::Numeric || truth.kind() != ColumnKind::Numeric)
        throw NodeError("regression metrics need numeric predictions and a numeric target '" +
                        target + "'");
    std::vector<double> yt, yp;
    for (std::size_t r = 0; r < t.rowCount(); ++r) {
        const double a = truth.numbers()[r], b = pred.numbers()[r];
        if (std::isnan(a) || std::isnan(b))
            continue;
        yt.push_back(a);
        yp.push_back(b);
    }
    if (yt.empty())
        throw NodeError("no row has both a true value and a prediction to score");
    ValuePredictions out;
    out.truth = Eigen::Map<Eigen::VectorXd>(yt.data(), static_cast<Eigen::Index>(yt.size()));
    out.predicted = Eigen::Map<Eigen::VectorXd>(yp.data(), static_cast<Eigen::Index>(yp.size()));
    return out;
}

}  // namespace sluice
