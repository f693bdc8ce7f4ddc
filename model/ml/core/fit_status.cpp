#include "ml/core/fit_status.h"

#include <cmath>

#include "ml/core/eigen_json.h"

namespace sluice::ml {

nlohmann::json FitStatus::toJson() const {
    nlohmann::json j = {
        {"converged", converged}, {"iterations", iterations}, {"warnings", warnings}};
    j["final_loss"] = std::isfinite(finalLoss) ? nlohmann::json(finalLoss) : nlohmann::json();
    return j;
}

FitStatus FitStatus::fromJson(const nlohmann::json& j) {
    FitStatus s;
    s.converged = j.value("converged", true);
    s.iterations = integerOr(j, "iterations", 0);
    if (j.contains("final_loss") && j["final_loss"].is_number())
        s.finalLoss = j["final_loss"];
    if (j.contains("warnings"))
        s.warnings = j["warnings"].get<std::vector<std::string>>();
    return s;
}

}  // namespace sluice::ml
