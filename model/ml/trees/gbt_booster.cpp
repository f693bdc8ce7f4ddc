#include "ml/trees/gbt_booster.h"

#include <string>
#include <vector>

#include "ml/core/random.h"
#include "ml/selection/splits.h"
#include "ml/trees/gbt_grower.h"

namespace sluice::ml {
namespace {

// True when none of the last `patience` losses improved on the loss just
// before them by more than tol.
bool shouldStop(const std::vector<double>& losses, int patience, double tol) {
    const auto p = static_cast<std::size_t>(patience);
    if (losses.size() <= p)
        return false;
    const double reference = losses[losses.size() - 1 - p];
    for (std::size_t k = losses.size() - p; k < losses.size(); ++k)
        if (losses[k] < reference - tol)
            return false;
    return true;
}

}  // namespace

GbtFit boostTrees(std::string_view learner, const Eigen::MatrixXd& X, const Eigen::VectorXd& y,
                  GbtLoss loss, int classes, const GbtParams& params, const FitContext& context) {
    params.validate(learner);
    const unsigned threads = context.threadCount();
    const bool earlyStop = params.earlyStoppingFor(X.rows());

    // Training and validation rows; without early stopping X and y are used
    // as they are, without a copy.
    Eigen::MatrixXd xTrainHeld, xVal;
    Eigen::VectorXd yTrainHeld, yVal;
    if (earlyStop) {
        const Split s = trainTestSplit(X.rows(), params.validationFraction, params.randomState,
                                       classes > 0 ? &y : nullptr);
        xTrainHeld = takeRows(X, s.train);
        yTrainHeld = takeRows(y, s.train);
        xVal = takeRows(X, s.test);
        yVal = takeRows(y, s.test);
    }
    const Eigen::MatrixXd& xTrain = earlyStop ? xTrainHeld : X;
    const Eigen::VectorXd& yTrain = earlyStop ? yTrainHeld : y;

    const BinMapper mapper =
        BinMapper::fit(xTrain, params.maxBins, Rng::derive(params.randomState, 1).next(), threads);
    const BinnedMatrix train = mapper.transform(xTrain, threads);
    const BinnedMatrix val = mapper.transform(xVal, threads);
    const Eigen::Index n = train.rows;

    GbtFit fit;
    fit.ensemble.baseline = lossBaseline(loss, yTrain, classes);
    const int outputs = fit.ensemble.outputs();
    Eigen::MatrixXd rawTrain = fit.ensemble.baseline.transpose().replicate(n, 1);
    Eigen::MatrixXd rawVal = fit.ensemble.baseline.transpose().replicate(val.rows, 1);
    std::vector<float> gradients(static_cast<std::size_t>(n * outputs));
    std::vector<float> hessians(
        loss == GbtLoss::SquaredError ? 0 : static_cast<std::size_t>(n * outputs));

    GrowerRules rules;
    rules.split.minSamplesLeaf = params.minSamplesLeaf;
    rules.split.l2 = params.l2Regularization;
    rules.maxLeafNodes = params.maxLeafNodes;
    rules.maxDepth = params.maxDepth;
    rules.learningRate = params.learningRate;
    TreeGrower grower(train, mapper, rules, threads);
    Eigen::VectorXd gain = Eigen::VectorXd::Zero(X.cols());

    std::vector<double> valLosses;
    if (earlyStop)
        valLosses.push_back(meanLoss(loss, yVal, rawVal));
    bool stopped = false;
    // Each gradient pass also yields the training loss at the same raw
    // predictions: the loss after round r comes from round r + 1's pass.
    double trainLoss = lossGradients(loss, yTrain, rawTrain, gradients.data(), hessians.data());
    int round = 0;
    while (round < params.maxIter && !stopped) {
        for (int k = 0; k < outputs; ++k) {
            context.throwIfCancelled();
            const std::size_t offset = static_cast<std::size_t>(k) * static_cast<std::size_t>(n);
            GbtTree tree = grower.grow(gradients.data() + offset,
                                       hessians.empty() ? nullptr : hessians.data() + offset, gain);
            grower.addLeafValues(rawTrain.col(k).data());
            for (Eigen::Index i = 0; i < val.rows; ++i)
                rawVal(i, k) += tree.predictBinned(val, i);
            fit.ensemble.trees.push_back(std::move(tree));
        }
        ++round;
        if (earlyStop) {
            valLosses.push_back(meanLoss(loss, yVal, rawVal));
            stopped = shouldStop(valLosses, params.nIterNoChange, params.tol);
        }
        trainLoss = round < params.maxIter && !stopped
                        ? lossGradients(loss, yTrain, rawTrain, gradients.data(), hessians.data())
                        : meanLoss(loss, yTrain, rawTrain);
        context.metric("train_loss", round, trainLoss);
        if (earlyStop)
            context.metric("validation_loss", round, valLosses.back());
        context.progress(static_cast<double>(round) / params.maxIter);
    }

    fit.status.iterations = round;
    fit.status.finalLoss = trainLoss;
    if (earlyStop && !stopped) {
        fit.status.converged = false;
        fit.status.warnings.push_back("the validation loss was still improving after max_iter = " +
                                      std::to_string(params.maxIter) +
                                      " rounds; raise max_iter or the learning rate");
    }
    const double total = gain.sum();
    fit.importances = total > 0 ? Eigen::VectorXd(gain / total) : gain;
    context.progress(1.0);
    return fit;
}

}  // namespace sluice::ml
