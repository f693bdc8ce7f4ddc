// Helpers for node tests: bundled datasets as tables with their target role
// set (and parts of them), and running a registered node by id.
#pragma once

#include <string>

#include "data/table_rows.h"
#include "io/csv_reader.h"
#include "nodes/node_registry.h"

namespace sluice::testing {

// resources/datasets/<file> with its last column marked as the target.
inline TablePtr datasetTable(const std::string& file) {
    const auto read = readCsvFile(std::string(SLUICE_DATASETS_DIR) + "/" + file);
    return read.table->withRole(read.table->column(read.table->columnCount() - 1).name(),
                                ColumnRole::Target);
}

// Rows first, first + step, ... below end of `table` (a part of a dataset).
inline TablePtr rowsOf(const TablePtr& table, std::size_t first, std::size_t end,
                       std::size_t step = 1) {
    std::vector<std::size_t> picked;
    for (std::size_t r = first; r < end; r += step)
        picked.push_back(r);
    return takeRows(*table, picked);
}

inline const NodeType& nodeType(const std::string& id) {
    const NodeType* t = builtinNodes().find(id);
    if (!t)
        throw std::runtime_error("node type '" + id + "' is not registered");
    return *t;
}

// Runs node `id` with params (defaults filled in) on inputs.
inline PortValues runNode(const std::string& id, const PortValues& inputs,
                          const nlohmann::json& params = nlohmann::json::object(),
                          RunContext* context = nullptr) {
    RunContext local;
    const NodeType& type = nodeType(id);
    return type.run(inputs, type.withDefaults(params), context ? *context : local);
}

}  // namespace sluice::testing
