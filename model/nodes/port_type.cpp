#include "nodes/port_type.h"

namespace sluice {

std::string_view portTypeName(PortType type) {
    switch (type) {
        case PortType::Table:
            return "Table";
        case PortType::Learner:
            return "Learner";
        case PortType::Model:
            return "Model";
        case PortType::Transform:
            return "Transform";
        case PortType::Results:
            return "Results";
    }
    return "?";
}

std::optional<PortType> portTypeFromName(std::string_view name) {
    for (PortType t : {PortType::Table, PortType::Learner, PortType::Model, PortType::Transform,
                       PortType::Results})
        if (portTypeName(t) == name)
            return t;
    return std::nullopt;
}

}  // namespace sluice
