// Eigen <-> JSON for model files. Doubles are written with 17 significant
// digits, so values read back bit for bit; NaN is written as null and read
// back as NaN (JSON has no NaN). Malformed input throws MisuseError naming
// the field.
#pragma once

#include <Eigen/Core>
#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "ml/core/ml_errors.h"

namespace sluice::ml {

nlohmann::json toJson(const Eigen::VectorXd& v);
nlohmann::json toJson(const Eigen::MatrixXd& m);  // {"rows": r, "cols": c, "data": [row-major]}

Eigen::VectorXd vectorFromJson(const nlohmann::json& j, std::string_view field);
Eigen::MatrixXd matrixFromJson(const nlohmann::json& j, std::string_view field);

// j[field] when present, else MisuseError "model file lacks 'field'".
const nlohmann::json& requireField(const nlohmann::json& j, std::string_view field);

// An integer of a model file: a JSON integer, or a number with an integral
// value, within T's range; else MisuseError naming the field. (get<int>()
// casts any number unchecked, which is undefined behaviour for "1e24".)
template <class T>
T integerFromJson(const nlohmann::json& j, std::string_view field) {
    if (j.is_number_unsigned()) {
        if (const auto v = j.get<std::uint64_t>(); std::in_range<T>(v))
            return static_cast<T>(v);
    } else if (j.is_number_integer()) {
        if (const auto v = j.get<std::int64_t>(); std::in_range<T>(v))
            return static_cast<T>(v);
    } else if (j.is_number_float()) {
        // [lo, hi) with both bounds exact powers of two; NaN fails both.
        const double v = j.get<double>();
        const double lo = static_cast<double>(std::numeric_limits<T>::min());
        const double hi = 2.0 * static_cast<double>(std::numeric_limits<T>::max() / 2 + 1);
        if (v >= lo && v < hi && v == std::trunc(v))
            return static_cast<T>(v);
    } else {
        throw MisuseError("model file: '" + std::string(field) + "' should be an integer");
    }
    throw MisuseError("model file: '" + std::string(field) + "' is out of range");
}

template <class T>
std::vector<T> integersFromJson(const nlohmann::json& j, std::string_view field) {
    if (!j.is_array())
        throw MisuseError("model file: '" + std::string(field) + "' should be a list of integers");
    std::vector<T> v;
    v.reserve(j.size());
    for (const auto& x : j)
        v.push_back(integerFromJson<T>(x, field));
    return v;
}

// p[field] as an integer when p has it, else fallback.
template <class T>
T integerOr(const nlohmann::json& p, std::string_view field, T fallback) {
    const std::string name(field);
    return p.is_object() && p.contains(name) ? integerFromJson<T>(p[name], field) : fallback;
}

}  // namespace sluice::ml
