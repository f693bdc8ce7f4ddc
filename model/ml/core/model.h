// Learner and Model: the estimator API of Sluice, after scikit-learn's split
// between hyperparameters and fitted state.
//
// Learner: a struct of hyperparameters (public fields with sensible
// defaults) whose fit() returns a fitted Model. fit() is const: a learner
// can train many models (cross-validation, sweeps) concurrently.
//
// Inputs, for every learner:
// - X: n x p, numeric, no NaN or infinity (impute first). n >= 1.
// - y: n values. Regression: any finite numbers. Classification: class
//   indices 0..K-1 stored as doubles (encode labels with LabelEncoder), at
//   least two distinct classes. Clustering and transforms ignore y (pass an
//   empty vector).
// Misuse throws MisuseError with a message saying what to do; cancellation
// throws FitCancelled; numeric trouble lands in Model::status.
//
// Model: immutable once fitted, safe to use from several threads at once.
// - predict(X): regression values, class indices (as doubles) or cluster
//   indices. X must have featureCount() columns.
// - predictProba(X): n x K class probabilities, rows summing to 1
//   (classifiers only).
// - transform(X): the transformed features (transform models only; their
//   predict() throws MisuseError saying to call transform).
// - toJson(): everything needed to predict identically after loading with
//   MlRegistry::loadModel(); "kind" names the model type.
#pragma once

#include <Eigen/Core>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "ml/core/fit_context.h"
#include "ml/core/fit_status.h"

namespace sluice::ml {

enum class Task { Regression, Classification, Clustering, Transform };

std::string_view taskName(Task task);

class Model {
public:
    virtual ~Model() = default;

    virtual std::string_view kind() const = 0;
    virtual Task task() const = 0;
    virtual Eigen::Index featureCount() const = 0;

    virtual Eigen::VectorXd predict(const Eigen::MatrixXd& X) const = 0;
    // Classifiers override; the default throws MisuseError.
    virtual Eigen::MatrixXd predictProba(const Eigen::MatrixXd& X) const;
    // Classifiers: how many classes; clusterings: how many clusters (ids
    // 0..n-1); others 0.
    virtual int classCount() const { return 0; }
    // Transform models (PCA) override: n x k output columns. The default
    // throws MisuseError.
    virtual Eigen::MatrixXd transform(const Eigen::MatrixXd& X) const;

    // Importance per feature (trees, forests) where the model defines one.
    virtual std::optional<Eigen::VectorXd> featureImportances() const { return std::nullopt; }
    // Linear models: one row per output (class or target), one column per
    // feature; intercepts() holds the matching constants.
    virtual std::optional<Eigen::MatrixXd> coefficients() const { return std::nullopt; }
    virtual std::optional<Eigen::VectorXd> intercepts() const { return std::nullopt; }

    virtual nlohmann::json toJson() const = 0;

    FitStatus status;
};

class Learner {
public:
    virtual ~Learner() = default;

    virtual std::string_view kind() const = 0;
    virtual Task task() const = 0;
    virtual std::unique_ptr<Model> fit(const Eigen::MatrixXd& X, const Eigen::VectorXd& y,
                                       const FitContext& context = {}) const = 0;
    // The hyperparameters as JSON (what MlRegistry::makeLearner accepts).
    virtual nlohmann::json params() const = 0;
};

// Shared behaviour of classifiers: predict() is the most probable class.
class ClassifierModel : public Model {
public:
    Task task() const override { return Task::Classification; }
    Eigen::VectorXd predict(const Eigen::MatrixXd& X) const override;
};

}  // namespace sluice::ml
