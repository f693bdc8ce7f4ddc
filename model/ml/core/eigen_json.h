// Eigen <-> JSON for model files. Doubles are written with 17 significant
// digits, so values read back bit for bit; NaN is written as null and read
// back as NaN (JSON has no NaN). Malformed input throws MisuseError naming
// the field.
#pragma once

#include <Eigen/Core>
#include <string_view>

#include <nlohmann/json.hpp>

namespace sluice::ml {

nlohmann::json toJson(const Eigen::VectorXd& v);
nlohmann::json toJson(const Eigen::MatrixXd& m);  // {"rows": r, "cols": c, "data": [row-major]}

Eigen::VectorXd vectorFromJson(const nlohmann::json& j, std::string_view field);
Eigen::MatrixXd matrixFromJson(const nlohmann::json& j, std::string_view field);

// j[field] when present, else MisuseError "model file lacks 'field'".
const nlohmann::json& requireField(const nlohmann::json& j, std::string_view field);

}  // namespace sluice::ml
