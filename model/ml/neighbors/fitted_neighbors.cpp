#include "ml/neighbors/fitted_neighbors.h"

#include "ml/core/eigen_json.h"

namespace sluice::ml {

FittedNeighbors::FittedNeighbors(KNeighborsOptions options, Eigen::MatrixXd X, Eigen::VectorXd y)
    : options_(options),
      X_(std::move(X)),
      y_(std::move(y)),
      index_(makeNeighborIndex(X_, options_.metric, options_.algorithm, options_.leafSize,
                               options_.nNeighbors)) {}

FittedNeighbors::Votes FittedNeighbors::vote(const Eigen::MatrixXd& queries) const {
    const int k = options_.nNeighbors;
    Votes v{index_->search(queries, k), RowMatrix(queries.rows(), k)};
    for (Eigen::Index i = 0; i < queries.rows(); ++i)
        neighborWeights(options_.weights, v.neighbors.distance.row(i).data(), k,
                        v.weight.row(i).data());
    return v;
}

void FittedNeighbors::addToJson(nlohmann::json& j) const {
    j["params"] = options_.toJson();
    j["X"] = ml::toJson(X_);
    j["y"] = ml::toJson(y_);
}

FittedNeighbors FittedNeighbors::fromJson(const nlohmann::json& j) {
    return FittedNeighbors(KNeighborsOptions::fromJson(requireField(j, "params")),
                           matrixFromJson(requireField(j, "X"), "X"),
                           vectorFromJson(requireField(j, "y"), "y"));
}

}  // namespace sluice::ml
