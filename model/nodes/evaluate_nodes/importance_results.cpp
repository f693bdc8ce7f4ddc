#include "nodes/evaluate_nodes/importance_results.h"
#include "nodes/results.h"

#include <algorithm>
#include <numeric>

namespace sluice {

std::optional<Results> importanceResults(const ml::TrainedPipeline& model) {
    Eigen::VectorXd importance;
    std::string measure;
    if (auto imp = model.model().featureImportances()) {
        importance = *imp;
        measure = "importance";
    } else if (auto coef = model.model().coefficients()) {
        importance = coef->cwiseAbs().colwise().mean().transpose();
        measure = "mean |coefficient|";
    } else {
        return std::nullopt;
    }
    const auto& names = model.features();
    std::vector<std::size_t> order(names.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return importance(static_cast<Eigen::Index>(a)) > importance(static_cast<Eigen::Index>(b));
    });
    std::vector<std::string> feature;
    std::vector<double> value;
    for (std::size_t i : order) {
        feature.push_back(names[i]);
        value.push_back(importance(static_cast<Eigen::Index>(i)));
    }
    Results r;
    r.kind = ResultKind::Importance;
    r.task = std::string(ml::taskName(model.model().task()));
    r.table = Table::make({Column::text("feature", feature), Column::numeric(measure, value)});
    return r;
}

}  // namespace sluice
