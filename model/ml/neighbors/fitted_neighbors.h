// FittedNeighbors: what a fitted k-NN model holds, shared by the classifier
// and the regressor: the options, the training rows and targets (so the
// model file is self-contained), and the search index built over them.
// Rebuilding the index from the same rows gives the same neighbours, so a
// loaded model predicts bit for bit as the saved one.
#pragma once

#include <memory>

#include <nlohmann/json.hpp>

#include "ml/neighbors/knn_options.h"

namespace sluice::ml {

class FittedNeighbors {
public:
    FittedNeighbors(KNeighborsOptions options, Eigen::MatrixXd X, Eigen::VectorXd y);

    const KNeighborsOptions& options() const { return options_; }
    const Eigen::VectorXd& targets() const { return y_; }
    Eigen::Index featureCount() const { return X_.cols(); }

    // The k nearest training rows of each query row, with their weights.
    struct Votes {
        NeighborList neighbors;
        RowMatrix weight;
    };
    Votes vote(const Eigen::MatrixXd& queries) const;

    // Adds "params", "X" and "y" to j.
    void addToJson(nlohmann::json& j) const;
    static FittedNeighbors fromJson(const nlohmann::json& j);

private:
    KNeighborsOptions options_;
    Eigen::MatrixXd X_;
    Eigen::VectorXd y_;
    std::shared_ptr<const NeighborIndex> index_;
};

}  // namespace sluice::ml
