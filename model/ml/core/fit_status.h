// FitStatus: how training went, for numeric trouble that is not misuse.
// A model that did not converge or met a singular matrix is still returned;
// its status says so with the figures a user needs to judge it.
#pragma once

#include <limits>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace sluice::ml {

struct FitStatus {
    bool converged = true;
    int iterations = 0;  // epochs, sweeps, rounds, trees... as the learner counts
    double finalLoss = std::numeric_limits<double>::quiet_NaN();
    std::vector<std::string> warnings;  // "rank 3 of 5: minimum-norm solution used"

    nlohmann::json toJson() const;
    static FitStatus fromJson(const nlohmann::json& j);
};

}  // namespace sluice::ml
