#include "ml/cluster/kmeans.h"

#include <mutex>

#include "ml/cluster/lloyd.h"
#include "ml/core/common_hyperparameters.h"
#include "ml/core/eigen_json.h"
#include "ml/core/ml_errors.h"
#include "ml/core/validation.h"
#include "util/parallel_for.h"

namespace sluice::ml {

std::unique_ptr<Model> KMeans::fit(const Eigen::MatrixXd& X, const Eigen::VectorXd& y,
                                   const FitContext& context) const {
    checkFitInput(kind(), X, y, false);
    checkHyperparameters(*this);
    if (nClusters > X.rows())
        throw MisuseError("kmeans: n_clusters (" + std::to_string(nClusters) +
                          ") must not exceed the number of rows (" + std::to_string(X.rows()) +
                          ")");
    context.throwIfCancelled();

    const Eigen::RowVectorXd mean = X.colwise().mean();
    const KMeansRows centered = X.rowwise() - mean;
    const double meanVariance =
        centered.array().square().sum() / static_cast<double>(X.rows() * X.cols());
    const double scaledTol = tol * meanVariance;

    std::vector<LloydResult> results(static_cast<std::size_t>(nInit));
    std::mutex reporting;
    int done = 0;
    parallelFor(results.size(), context.threadCount(), [&](std::size_t restart) {
        Rng rng = Rng::derive(randomState, restart);
        KMeansRows start = kmeansPlusPlus(centered, nClusters, rng);
        std::function<void(int, double)> report;
        if (restart == 0)
            report = [&](int iteration, double inertia) {
                std::lock_guard lock(reporting);
                context.metric("inertia", iteration, inertia);
            };
        results[restart] =
            runLloyd(centered, std::move(start), maxIter, scaledTol, context, report);
        std::lock_guard lock(reporting);
        context.metric("restart_inertia", static_cast<int>(restart), results[restart].inertia);
        context.progress(static_cast<double>(++done) / nInit);
    });

    std::size_t best = 0;
    for (std::size_t r = 1; r < results.size(); ++r)
        if (results[r].inertia < results[best].inertia)
            best = r;
    const LloydResult& win = results[best];
    auto model =
        std::make_unique<KMeansModel>(Eigen::MatrixXd(win.centers.rowwise() + mean), win.inertia);
    model->status.iterations = win.iterations;
    model->status.finalLoss = win.inertia;
    model->status.converged = win.converged;
    if (!win.converged)
        model->status.warnings.push_back(
            "k-means did not converge in max_iter = " + std::to_string(maxIter) +
            " iterations; raise max_iter or tol");
    return model;
}

nlohmann::json KMeans::params() const {
    return {{"n_clusters", nClusters},
            {"n_init", nInit},
            {"max_iter", maxIter},
            {"tol", tol},
            {"random_state", randomState}};
}

std::unique_ptr<Learner> KMeans::fromParams(const nlohmann::json& p) {
    auto l = std::make_unique<KMeans>();
    l->nClusters = p.value("n_clusters", l->nClusters);
    // scikit-learn's "auto" means one k-means++ start.
    if (p.contains("n_init") && p["n_init"].is_string()) {
        if (p["n_init"] != "auto")
            throw MisuseError("kmeans: n_init must be a number or \"auto\"");
        l->nInit = 1;
    } else {
        l->nInit = p.value("n_init", l->nInit);
    }
    l->maxIter = p.value("max_iter", l->maxIter);
    l->tol = p.value("tol", l->tol);
    l->randomState = p.value("random_state", l->randomState);
    return l;
}

KMeansModel::KMeansModel(Eigen::MatrixXd centers, double inertia)
    : centers_(std::move(centers)), inertia_(inertia) {}

Eigen::VectorXd KMeansModel::predict(const Eigen::MatrixXd& X) const {
    checkPredictInput(kind(), X, featureCount());
    // Direct differences (not the product expansion): exact for a row that
    // equals a centre, and the same answer on every platform.
    const KMeansRows rows = X;
    const KMeansRows centers = centers_;
    Eigen::VectorXd out(X.rows());
    for (Eigen::Index i = 0; i < X.rows(); ++i) {
        Eigen::Index best = 0;
        double bestDistance = squaredDistance(rows.row(i).data(), centers.row(0).data(), X.cols());
        for (Eigen::Index c = 1; c < centers.rows(); ++c) {
            const double d = squaredDistance(rows.row(i).data(), centers.row(c).data(), X.cols());
            if (d < bestDistance) {
                bestDistance = d;
                best = c;
            }
        }
        out(i) = static_cast<double>(best);
    }
    return out;
}

nlohmann::json KMeansModel::toJson() const {
    return {{"kind", kind()},
            {"centers", ml::toJson(centers_)},
            {"inertia", inertia_},
            {"status", status.toJson()}};
}

std::unique_ptr<Model> KMeansModel::fromJson(const nlohmann::json& j) {
    auto m = std::make_unique<KMeansModel>(matrixFromJson(requireField(j, "centers"), "centers"),
                                           requireField(j, "inertia").get<double>());
    if (j.contains("status"))
        m->status = FitStatus::fromJson(j["status"]);
    return m;
}

LearnerSpec kmeansSpec() {
    return {
        .kind = "kmeans",
        .displayName = "k-means clustering",
        .description = "Groups rows into k clusters; inertia per iteration.",
        .make = KMeans::fromParams,
        .loadModel = KMeansModel::fromJson,
        .hyperparameters = {withNodeMax(
                                {"n_clusters", "Clusters (k)", "How many clusters to find.", 1.0},
                                10000.0),
                            withNodeMax({"n_init", "Restarts",
                                         "Runs from different starts; the best is kept.", 1.0},
                                        1000.0),
                            hyper::maxIter(), hyper::tol(), hyper::randomState()},
        .sklearn = SklearnCounterpart{"sklearn.cluster",
                                      "KMeans",
                                      {},
                                      {hyper::kSeedNote,
                                       "Cluster numbers may be permuted between the two."}},
        .quickParams = {{"n_clusters", 3}, {"n_init", 2}},
    };
}

}  // namespace sluice::ml
