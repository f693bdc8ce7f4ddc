#include "ml_test_support.h"

#include "data/eigen_view.h"
#include "io/csv_reader.h"
#include "ml/core/random.h"
#include "ml/metrics/classification_metrics.h"
#include "ml/metrics/regression_metrics.h"
#include "ml/selection/splits.h"

namespace sluice::ml::testing {

Dataset loadDataset(const std::string& file) {
    const auto read = readCsvFile(std::string(SLUICE_DATASETS_DIR) + "/" + file);
    const Table& t = *read.table;
    std::vector<std::string> features = t.columnNames();
    features.pop_back();
    Dataset d;
    d.X = numericMatrix(t, features).matrix();
    const Column& target = t.column(t.columnCount() - 1);
    if (target.kind() == ColumnKind::Categorical) {
        d.y = codeVector(target).cast<double>();
        d.classes = static_cast<int>(target.levels().size());
    } else {
        const auto v = target.numbers();
        d.y = Eigen::Map<const Eigen::VectorXd>(v.data(), static_cast<Eigen::Index>(v.size()));
    }
    return d;
}

Eigen::MatrixXd standardize(const Eigen::MatrixXd& fit, const Eigen::MatrixXd& apply) {
    const Eigen::RowVectorXd mean = fit.colwise().mean();
    Eigen::RowVectorXd sd =
        ((fit.rowwise() - mean).array().square().colwise().sum() / static_cast<double>(fit.rows()))
            .sqrt();
    for (Eigen::Index j = 0; j < sd.size(); ++j)
        if (sd(j) == 0.0)
            sd(j) = 1.0;
    return (apply.rowwise() - mean).array().rowwise() / sd.array();
}

double crossValScore(const Learner& learner, const Dataset& data, bool scale, int folds) {
    const bool classify = learner.task() == Task::Classification;
    const auto splits = classify ? stratifiedKFold(data.y, folds) : kFold(data.y.size(), folds);
    double sum = 0;
    for (const Split& s : splits) {
        Eigen::MatrixXd train = takeRows(data.X, s.train);
        Eigen::MatrixXd test = takeRows(data.X, s.test);
        if (scale) {
            test = standardize(train, test);
            train = standardize(train, train);
        }
        const auto model = learner.fit(train, takeRows(data.y, s.train));
        const Eigen::VectorXd truth = takeRows(data.y, s.test);
        const Eigen::VectorXd predicted = model->predict(test);
        sum += classify ? accuracy(truth, predicted) : r2Score(truth, predicted);
    }
    return sum / static_cast<double>(splits.size());
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
