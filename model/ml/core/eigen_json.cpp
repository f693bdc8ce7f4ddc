#include "ml/core/eigen_json.h"

#include <cmath>
#include <limits>

#include "ml/core/ml_errors.h"

namespace sluice::ml {
namespace {

nlohmann::json number(double v) {
    return std::isnan(v) ? nlohmann::json() : nlohmann::json(v);
}

double numberFrom(const nlohmann::json& j, std::string_view field) {
    if (j.is_null())
        return std::numeric_limits<double>::quiet_NaN();
    if (!j.is_number())
        throw MisuseError("model file: '" + std::string(field) + "' holds a non-number");
    return j.get<double>();
}

}  // namespace

nlohmann::json toJson(const Eigen::VectorXd& v) {
    nlohmann::json a = nlohmann::json::array();
    for (Eigen::Index i = 0; i < v.size(); ++i)
        a.push_back(number(v(i)));
    return a;
}

nlohmann::json toJson(const Eigen::MatrixXd& m) {
    nlohmann::json data = nlohmann::json::array();
    for (Eigen::Index i = 0; i < m.rows(); ++i)
        for (Eigen::Index j = 0; j < m.cols(); ++j)
            data.push_back(number(m(i, j)));
    return {{"rows", m.rows()}, {"cols", m.cols()}, {"data", std::move(data)}};
}

Eigen::VectorXd vectorFromJson(const nlohmann::json& j, std::string_view field) {
    if (!j.is_array())
        throw MisuseError("model file: '" + std::string(field) + "' should be a list of numbers");
    Eigen::VectorXd v(static_cast<Eigen::Index>(j.size()));
    for (std::size_t i = 0; i < j.size(); ++i)
        v(static_cast<Eigen::Index>(i)) = numberFrom(j[i], field);
    return v;
}

Eigen::MatrixXd matrixFromJson(const nlohmann::json& j, std::string_view field) {
    const std::string name(field);
    if (!j.is_object() || !j.contains("rows") || !j.contains("cols") || !j.contains("data"))
        throw MisuseError("model file: '" + name + "' should be a matrix {rows, cols, data}");
    const auto rows = integerFromJson<Eigen::Index>(j["rows"], "rows");
    const auto cols = integerFromJson<Eigen::Index>(j["cols"], "cols");
    const auto& data = j["data"];
    if (rows < 0 || cols < 0 || !data.is_array() ||
        data.size() != static_cast<std::size_t>(rows * cols))
        throw MisuseError("model file: matrix '" + name + "' has the wrong number of values");
    Eigen::MatrixXd m(rows, cols);
    std::size_t k = 0;
    for (Eigen::Index r = 0; r < rows; ++r)
        for (Eigen::Index c = 0; c < cols; ++c)
            m(r, c) = numberFrom(data[k++], field);
    return m;
}

const nlohmann::json& requireField(const nlohmann::json& j, std::string_view field) {
    const std::string name(field);
    if (!j.is_object() || !j.contains(name))
        throw MisuseError("model file lacks the field '" + name + "'");
    return j[name];
}

}  // namespace sluice::ml
