// The Transform family: nodes that reshape tables. Each node type lives in
// its own file; register.cpp adds them to the registry.
#pragma once

#include <memory>

#include "nodes/node_type.h"

namespace sluice {

std::unique_ptr<NodeType> makeSelectColumnsNode();   // transform.select_columns
std::unique_ptr<NodeType> makeFilterRowsNode();      // transform.filter_rows
std::unique_ptr<NodeType> makeImputeNode();          // transform.impute
std::unique_ptr<NodeType> makeScaleNode();           // transform.scale
std::unique_ptr<NodeType> makeOneHotNode();          // transform.one_hot
std::unique_ptr<NodeType> makeTrainTestSplitNode();  // transform.train_test_split
std::unique_ptr<NodeType> makePcaNode();             // transform.pca

}  // namespace sluice
