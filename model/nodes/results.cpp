#include "nodes/results.h"

#include <cstdio>

namespace sluice {

std::string_view resultKindName(ResultKind kind) {
    switch (kind) {
        case ResultKind::Scores:
            return "scores";
        case ResultKind::ConfusionMatrix:
            return "confusion_matrix";
        case ResultKind::Roc:
            return "roc";
        case ResultKind::CrossValidation:
            return "cross_validation";
        case ResultKind::Importance:
            return "importance";
        case ResultKind::Drift:
            return "drift";
    }
    return "results";
}

std::string Results::summary() const {
    std::string out;
    for (const auto& [name, value] : metrics) {
        char buf[64];
        std::snprintf(buf, sizeof buf, "%.4g", value);
        out += (out.empty() ? "" : ", ") + name + " " + buf;
    }
    if (out.empty() && table)
        out = std::to_string(table->rowCount()) + " rows";
    return out.empty() ? std::string(resultKindName(kind)) : out;
}

}  // namespace sluice
