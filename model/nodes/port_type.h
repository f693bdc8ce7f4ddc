// The kinds of value that travel along edges. An output connects only to an
// input of the same type.
#pragma once

#include <optional>
#include <string_view>

namespace sluice {

enum class PortType {
    Table,      // a data table (TablePtr)
    Learner,    // hyperparameters, not yet trained
    Model,      // a trained model with its preprocessing
    Transform,  // a fitted preprocessing step
    Results,    // predictions, metrics, curves
};

std::string_view portTypeName(PortType type);
std::optional<PortType> portTypeFromName(std::string_view name);

}  // namespace sluice
