// Preprocessing as fitted transforms over Tables.
//
// A TransformSpec holds settings (which columns, which strategy) and fits on
// a training table; the TableTransform it returns applies what it learnt to
// any table with the same columns (the test set, new data), never refitting:
// no information flows from the data it is applied to. Untouched columns
// are shared, not copied. Every transform serialises to JSON so a saved
// model carries its preprocessing; loadTransform() reads any of them back.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "data/table.h"

namespace sluice::ml {

class TableTransform {
public:
    virtual ~TableTransform() = default;
    virtual std::string_view kind() const = 0;
    // Throws MisuseError naming a column the transform needs and the table lacks.
    virtual TablePtr apply(const Table& table) const = 0;
    virtual nlohmann::json toJson() const = 0;
};

class TransformSpec {
public:
    virtual ~TransformSpec() = default;
    virtual std::string_view kind() const = 0;
    virtual std::unique_ptr<TableTransform> fit(const Table& train) const = 0;
};

std::unique_ptr<TableTransform> loadTransform(const nlohmann::json& j);

// The feature columns a spec works on by default: `named` if not empty (each
// must exist and be of an accepted kind), else every feature column of an
// accepted kind. Throws MisuseError naming a missing or wrong-kind column.
std::vector<std::string> pickColumns(const Table& table, const std::vector<std::string>& named,
                                     std::vector<ColumnKind> accepted, std::string_view who);

}  // namespace sluice::ml
