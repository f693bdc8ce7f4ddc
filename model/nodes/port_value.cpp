#include "nodes/port_value.h"
#include "nodes/results.h"

namespace sluice {

std::optional<PortType> typeOf(const PortValue& value) {
    switch (value.index()) {
        case 1:
            return PortType::Table;
        case 2:
            return PortType::Learner;
        case 3:
            return PortType::Model;
        case 4:
            return PortType::Transform;
        case 5:
            return PortType::Results;
        default:
            return std::nullopt;
    }
}

std::string describe(const PortValue& value) {
    if (const auto* t = std::get_if<TablePtr>(&value))
        return *t ? std::to_string((*t)->rowCount()) + " rows x " +
                        std::to_string((*t)->columnCount()) + " columns"
                  : "no table";
    if (const auto* l = std::get_if<LearnerValue>(&value))
        return l->learner ? "learner " + std::string(l->learner->kind()) : "no learner";
    if (const auto* m = std::get_if<ModelValue>(&value))
        return *m ? "model " + std::string((*m)->model().kind()) + " on " +
                        std::to_string((*m)->features().size()) + " features"
                  : "no model";
    if (const auto* f = std::get_if<TransformValue>(&value))
        return *f ? "fitted " + std::string((*f)->kind()) : "no transform";
    if (const auto* r = std::get_if<ResultsValue>(&value))
        return *r ? (*r)->summary() : "no results";
    return "empty";
}

}  // namespace sluice
