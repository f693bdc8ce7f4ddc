// k-means clustering (kind "kmeans"), as scikit-learn's KMeans with the
// "lloyd" algorithm and k-means++ seeding.
//
// Parameters: n_clusters (8), n_init (10 restarts; the one with the lowest
// inertia wins, the lowest restart on a tie), max_iter (300), tol (1e-4,
// relative: multiplied by the mean feature variance, as scikit-learn),
// random_state (0). Restart r is seeded with Rng::derive(random_state, r)
// and restarts run in parallel on context.threads, so the model does not
// depend on the thread count. X is centred first (for precision), as
// scikit-learn does; y is ignored.
//
// Reporting: metric "inertia" (step = Lloyd iteration, from 1) for every
// iteration of restart 0, non-increasing; metric "restart_inertia" (step =
// restart) when each restart ends; progress = restarts done / n_init.
// Callbacks may come from worker threads, one at a time.
// The status of the model is that of the winning restart; a restart that
// hit max_iter makes converged false with a warning.
#pragma once

#include <cstdint>

#include "ml/cluster/kmeans_init.h"
#include "ml/core/learner_spec.h"
#include "ml/core/model.h"

namespace sluice::ml {

struct KMeans : Learner {
    int nClusters = 8;
    int nInit = 10;
    int maxIter = 300;
    double tol = 1e-4;
    std::uint64_t randomState = 0;

    std::string_view kind() const override { return "kmeans"; }
    Task task() const override { return Task::Clustering; }
    std::unique_ptr<Model> fit(const Eigen::MatrixXd& X, const Eigen::VectorXd& y,
                               const FitContext& context = {}) const override;
    nlohmann::json params() const override;
    static std::unique_ptr<Learner> fromParams(const nlohmann::json& p);
};

class KMeansModel : public Model {
public:
    KMeansModel(Eigen::MatrixXd centers, double inertia);

    std::string_view kind() const override { return "kmeans"; }
    Task task() const override { return Task::Clustering; }
    Eigen::Index featureCount() const override { return centers_.cols(); }
    // The index of the nearest centre (the lowest on a tie).
    Eigen::VectorXd predict(const Eigen::MatrixXd& X) const override;
    nlohmann::json toJson() const override;
    static std::unique_ptr<Model> fromJson(const nlohmann::json& j);

    // n_clusters x features.
    const Eigen::MatrixXd& centers() const { return centers_; }
    int classCount() const override { return static_cast<int>(centers_.rows()); }
    // Sum of squared distances of the training rows to their centres.
    double inertia() const { return inertia_; }

private:
    Eigen::MatrixXd centers_;
    double inertia_;
};

// k-means as the registry, Train node and Python export know it.
LearnerSpec kmeansSpec();

}  // namespace sluice::ml
