#include "ml/core/model.h"

#include "ml/core/ml_errors.h"

namespace sluice::ml {

std::string_view taskName(Task task) {
    switch (task) {
        case Task::Regression:
            return "regression";
        case Task::Classification:
            return "classification";
        case Task::Clustering:
            return "clustering";
        case Task::Transform:
            return "transform";
    }
    return "unknown";
}

Eigen::MatrixXd Model::predictProba(const Eigen::MatrixXd&) const {
    throw MisuseError(std::string(kind()) + " is a " + std::string(taskName(task())) +
                      " model; only classifiers give class probabilities");
}

Eigen::MatrixXd Model::transform(const Eigen::MatrixXd&) const {
    throw MisuseError(std::string(kind()) + " is a " + std::string(taskName(task())) +
                      " model; only transforms such as PCA transform features");
}

Eigen::VectorXd ClassifierModel::predict(const Eigen::MatrixXd& X) const {
    const Eigen::MatrixXd p = predictProba(X);
    Eigen::VectorXd out(p.rows());
    for (Eigen::Index i = 0; i < p.rows(); ++i) {
        Eigen::Index best;
        p.row(i).maxCoeff(&best);
        out(i) = static_cast<double>(best);
    }
    return out;
}

}  // namespace sluice::ml
