#include "ml_test_support.h"

#include "io/csv_reader.h"
#include "ml/core/random.h"
#include "ml/pipeline/labelled_data.h"
#include "ml/selection/cross_validation.h"
#include "ml/selection/splits.h"

namespace sluice::ml::testing {

Dataset loadDataset(const std::string& file) {
    const auto read = readCsvFile(std::string(SLUICE_DATASETS_DIR) + "/" + file);
    const Table& t = *read.table;
    const auto data = labelledData(t, t.column(t.columnCount() - 1).name());
    return {data.X, data.y, data.labels ? data.labels->classCount() : 0};
}

Eigen::MatrixXd standardize(const Eigen::MatrixXd& fit, const Eigen::MatrixXd& apply) {
    return standardizeWith(fit, apply);
}

double crossValScore(const Learner& learner, const Dataset& data, bool scale, int folds) {
    const bool classify = learner.task() == Task::Classification;
    const auto splits = classify ? stratifiedKFold(data.y, folds) : kFold(data.y.size(), folds);
    return crossValidate(learner, data.X, data.y, splits, scale).mean;
}

Dataset blobs(int n, int dims, double separation, std::uint64_t seed) {
    Rng rng(seed);
    Dataset d;
    d.X.resize(n, dims);
    d.y.resize(n);
    d.classes = 2;
    for (int i = 0; i < n; ++i) {
        d.y(i) = i % 2;
        for (int j = 0; j < dims; ++j)
            d.X(i, j) = rng.normal() + (i % 2) * separation;
    }
    return d;
}

}  // namespace sluice::ml::testing
