// Multilayer perceptrons: MLPClassifier and MLPRegressor, after
// scikit-learn's (Adam solver), with the hyperparameters of MlpOptions.
//
// - MLPClassifier: softmax output and cross-entropy for three or more
//   classes, one logistic unit and binary log loss for two; predictProba
//   gives n x K probabilities (rows sum to 1).
// - MLPRegressor: identity output and squared error.
// Training (mlp_trainer.h): Glorot-uniform initial weights from the seeded
// Rng, mini-batches reshuffled every epoch, Adam, L2 penalty alpha, and
// scikit-learn's stopping rule; "train_loss" (and with early stopping
// "validation_loss", "validation_score") is reported every epoch. Not
// converging within max_iter is a status, not an error. The fit runs on one
// thread whatever context.threads says, so a seed fixes the model.
// Features should be standardized: the optimizer's step size assumes unit
// scale.
#pragma once

#include "ml/core/learner_spec.h"
#include "ml/core/model.h"
#include "ml/neural/mlp_options.h"
#include "ml/neural/network.h"

namespace sluice::ml {

struct MLPClassifier : Learner, MlpOptions {
    std::string_view kind() const override { return "mlp_classifier"; }
    Task task() const override { return Task::Classification; }
    std::unique_ptr<Model> fit(const Eigen::MatrixXd& X, const Eigen::VectorXd& y,
                               const FitContext& context = {}) const override;
    nlohmann::json params() const override { return MlpOptions::toJson(); }
    static std::unique_ptr<Learner> fromParams(const nlohmann::json& p);
};

struct MLPRegressor : Learner, MlpOptions {
    std::string_view kind() const override { return "mlp_regressor"; }
    Task task() const override { return Task::Regression; }
    std::unique_ptr<Model> fit(const Eigen::MatrixXd& X, const Eigen::VectorXd& y,
                               const FitContext& context = {}) const override;
    nlohmann::json params() const override { return MlpOptions::toJson(); }
    static std::unique_ptr<Learner> fromParams(const nlohmann::json& p);
};

class MlpClassifierModel : public ClassifierModel {
public:
    MlpClassifierModel(Network network, int classes);

    std::string_view kind() const override { return "mlp_classifier"; }
    Eigen::Index featureCount() const override { return network_.inputCount(); }
    int classCount() const override { return classes_; }
    Eigen::MatrixXd predictProba(const Eigen::MatrixXd& X) const override;
    nlohmann::json toJson() const override;
    static std::unique_ptr<Model> fromJson(const nlohmann::json& j);

    const Network& network() const { return network_; }

private:
    Network network_;
    int classes_;
};

class MlpRegressorModel : public Model {
public:
    explicit MlpRegressorModel(Network network);

    std::string_view kind() const override { return "mlp_regressor"; }
    Task task() const override { return Task::Regression; }
    Eigen::Index featureCount() const override { return network_.inputCount(); }
    Eigen::VectorXd predict(const Eigen::MatrixXd& X) const override;
    nlohmann::json toJson() const override;
    static std::unique_ptr<Model> fromJson(const nlohmann::json& j);

    const Network& network() const { return network_; }

private:
    Network network_;
};

// How the registry, Train node and Python export know these learners.
LearnerSpec mlpClassifierSpec();
LearnerSpec mlpRegressorSpec();

}  // namespace sluice::ml
