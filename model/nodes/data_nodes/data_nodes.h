// The Data family: nodes that bring tables in and write them out. Each node
// type lives in its own file; register.cpp adds them to the registry.
#pragma once

#include <memory>

#include "nodes/node_type.h"

namespace sluice {

std::unique_ptr<NodeType> makeReadCsvNode();         // data.read_csv
std::unique_ptr<NodeType> makeExampleDatasetNode();  // data.example_dataset
std::unique_ptr<NodeType> makeSyntheticNode();       // data.synthetic
std::unique_ptr<NodeType> makeWriteCsvNode();        // data.write_csv

}  // namespace sluice
