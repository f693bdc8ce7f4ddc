#include "ml/neighbors/fitted_neighbors.h"

#include "ml/core/eigen_json.h"
#include "ml/core/ml_errors.h"

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
    const KNeighborsOptions options = KNeighborsOptions::fromJson(requireField(j, "params"));
    Eigen::MatrixXd X = matrixFromJson(requireField(j, "X"), "X");
    Eigen::VectorXd y = vectorFromJson(requireField(j, "y"), "y");
    // What fit() checks, so a hand-edited file cannot index past X or y.
    if (options.nNeighbors < 1 || options.leafSize < 1)
        throw MisuseError("model file: n_neighbors and leaf_size must be 1 or more");
    options.check("model file", X.rows());
    if (y.size() != X.rows())
        throw MisuseError("model file: " + std::to_string(y.size()) + " targets for " +
                          std::to_string(X.rows()) + " training rows");
    return FittedNeighbors(options, std::move(X), std::move(y));
}

}  // namespace sluice::ml
