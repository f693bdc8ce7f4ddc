#include "ml/neural/mlp_trainer.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <optional>

#include "ml/core/ml_errors.h"
#include "ml/core/random.h"
#include "ml/metrics/classification_metrics.h"
#include "ml/metrics/regression_metrics.h"
#include "ml/neural/adam.h"
#include "ml/neural/backprop.h"
#include "ml/selection/splits.h"

namespace sluice::ml {
namespace {

// Independent random streams of one fit, so e.g. turning early stopping on
// does not change the initial weights.
enum Stream : std::uint64_t { kInit = 0, kShuffle = 1, kValidation = 2 };

// The held-out rows of early stopping, and how they score.
struct Validation {
    Eigen::MatrixXd X;
    Eigen::VectorXd y;

    // Mean loss (without penalty) and score: accuracy or R^2.
    std::pair<double, double> evaluate(const Network& net) const {
        const Eigen::MatrixXd out = net.forward(X);
        const Eigen::MatrixXd outT = out.transpose();
        const double loss = meanLoss(net.output, outT, y.transpose());
        if (net.output == OutputKind::Identity)
            return {loss, r2Score(y, out.col(0))};
        Eigen::VectorXd predicted(out.rows());
        for (Eigen::Index i = 0; i < out.rows(); ++i) {
            if (net.output == OutputKind::Logistic) {
                predicted(i) = out(i, 0) > 0.5 ? 1.0 : 0.0;
            } else {
                Eigen::Index best;
                out.row(i).maxCoeff(&best);
                predicted(i) = static_cast<double>(best);
            }
        }
        return {loss, accuracy(y, predicted)};
    }
};

// Training rows as columns, each followed by its target: one contiguous
// column per sample, so gathering a shuffled batch touches one place per row.
Eigen::MatrixXd samplesAsColumns(const Eigen::MatrixXd& X, const Eigen::VectorXd& y) {
    Eigen::MatrixXd s(X.cols() + 1, X.rows());
    s.topRows(X.cols()) = X.transpose();
    s.row(X.cols()) = y.transpose();
    return s;
}

// Copies samples order[start, start + b) into the batch buffers. The
// columns are scattered over more memory than the cache holds: prefetching
// a few samples ahead hides most of the latency.
void gatherBatch(const Eigen::MatrixXd& samples, const std::vector<Eigen::Index>& order,
                 Eigen::Index start, Eigen::Index b, Eigen::MatrixXd& input,
                 Eigen::RowVectorXd& targets) {
    const Eigen::Index features = samples.rows() - 1;
    const Eigen::Index n = static_cast<Eigen::Index>(order.size());
    for (Eigen::Index j = 0; j < b; ++j) {
#if defined(__GNUC__)
        constexpr Eigen::Index kAhead = 16, kLineDoubles = 8;
        if (start + j + kAhead < n) {
            const double* next =
                samples.col(order[static_cast<std::size_t>(start + j + kAhead)]).data();
            for (Eigen::Index k = 0; k <= features; k += kLineDoubles)
                __builtin_prefetch(next + k);
            __builtin_prefetch(next + features);
        }
#endif
        const auto column = samples.col(order[static_cast<std::size_t>(start + j)]);
        input.col(j) = column.head(features);
        targets(j) = column(features);
    }
}

}  // namespace

TrainedNetwork trainNetwork(std::string_view who, const MlpOptions& o, const Eigen::MatrixXd& X,
                            const Eigen::VectorXd& y, OutputKind output, Eigen::Index outputs,
                            const FitContext& context) {
    const bool classify = output != OutputKind::Identity;

    // Training rows as columns (contiguous per sample, for batch gathering).
    Eigen::MatrixXd samples;
    std::optional<Validation> validation;
    if (o.earlyStopping) {
        if (X.rows() < 2)
            throw MisuseError(std::string(who) +
                              ": early_stopping needs at least two rows; turn it off");
        const Split split =
            trainTestSplit(X.rows(), o.validationFraction,
                           Rng::derive(o.randomState, kValidation).next(), classify ? &y : nullptr);
        samples = samplesAsColumns(takeRows(X, split.train), takeRows(y, split.train));
        validation = Validation{takeRows(X, split.test), takeRows(y, split.test)};
    } else {
        samples = samplesAsColumns(X, y);
    }
    const Eigen::Index n = samples.cols();
    const Eigen::Index batch = std::min<Eigen::Index>(o.batchSize, n);

    Rng initRng = Rng::derive(o.randomState, kInit);
    TrainedNetwork result{
        Network::glorot(X.cols(), o.hiddenLayerSizes, outputs, o.activation, output, initRng), {}};
    Network& net = result.network;
    FitStatus& status = result.status;

    Backprop backprop(net, batch);
    Parameters grad = Parameters::zerosLike(net.params);
    Adam adam(net.params, {o.learningRateInit, o.beta1, o.beta2, o.epsilon});
    Eigen::MatrixXd input(X.cols(), batch);
    Eigen::RowVectorXd targets(batch);
    std::vector<Eigen::Index> order(static_cast<std::size_t>(n));
    std::iota(order.begin(), order.end(), Eigen::Index{0});
    Rng shuffleRng = Rng::derive(o.randomState, kShuffle);

    double bestLoss = std::numeric_limits<double>::infinity();
    double bestScore = -std::numeric_limits<double>::infinity();
    Parameters bestParams;
    int noImprovement = 0;
    bool stopped = false;
    for (int epoch = 1; epoch <= o.maxIter && !stopped; ++epoch) {
        context.throwIfCancelled();
        if (o.shuffle)
            shuffleRng.shuffle(order);
        double accumulated = 0.0;
        for (Eigen::Index start = 0; start < n; start += batch) {
            context.throwIfCancelled();
            const Eigen::Index b = std::min(batch, n - start);
            gatherBatch(samples, order, start, b, input, targets);
            accumulated +=
                static_cast<double>(b) *
                backprop.lossAndGradient(net, input.leftCols(b), targets.head(b), o.alpha, grad);
            adam.step(net.params, grad);
        }
        const double loss = accumulated / static_cast<double>(n);
        status.iterations = epoch;
        status.finalLoss = loss;
        context.metric("train_loss", epoch, loss);
        if (!std::isfinite(loss)) {
            status.converged = false;
            status.warnings.push_back("training diverged (the loss is not finite) at epoch " +
                                      std::to_string(epoch) +
                                      "; lower learning_rate_init, or scale the features and the "
                                      "target");
            break;
        }

        if (validation) {
            const auto [valLoss, score] = validation->evaluate(net);
            context.metric("validation_loss", epoch, valLoss);
            context.metric("validation_score", epoch, score);
            noImprovement = score < bestScore + o.tol ? noImprovement + 1 : 0;
            if (score > bestScore) {
                bestScore = score;
                bestParams = net.params;
            }
        } else {
            noImprovement = loss > bestLoss - o.tol ? noImprovement + 1 : 0;
            bestLoss = std::min(bestLoss, loss);
        }
        context.progress(static_cast<double>(epoch) / o.maxIter);
        if (noImprovement > o.nIterNoChange) {
            stopped = true;
        } else if (epoch == o.maxIter) {
            status.converged = false;
            status.warnings.push_back("the optimizer reached max_iter (" +
                                      std::to_string(o.maxIter) +
                                      " epochs) before converging; raise max_iter");
        }
    }
    if (validation && !bestParams.weights.empty())
        net.params = std::move(bestParams);
    context.progress(1.0);
    return result;
}

}  // namespace sluice::ml
