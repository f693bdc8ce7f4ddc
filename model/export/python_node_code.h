// The Python statements for one node of a pipeline, for the exporter
// (python_export.h).
//
// Contract: nodeCode() returns the body of the node's section (no header
// comment): statements that read the variables of the node's connected
// inputs and assign one variable per output port, named by outputVar().
// Scores are printed with the prelude's report(). It throws
// PythonExportError with the reason only ("input 'train' is not
// connected"); the caller adds the node's id, title and type.
#pragma once

#include <functional>
#include <optional>
#include <set>
#include <string>

#include <nlohmann/json.hpp>

#include "graph/graph.h"
#include "nodes/node_type.h"

namespace sluice::python_export {

struct NodeCodeContext {
    const Graph& graph;
    const GraphNode& node;
    const NodeType& type;
    nlohmann::json params;  // defaults filled in
    std::string baseDirectory;
    // The Python variable of an output port of a node in the graph.
    std::function<std::string(const std::string& node, const std::string& port)> outputVar;
    // Lines "from MODULE import NAME" the section needs, gathered for the top.
    std::set<std::string>* imports = nullptr;

    // The variable connected to input `port`, or nullopt when none is;
    // throws PythonExportError for a required input left unconnected.
    std::optional<std::string> input(const std::string& port) const;
    std::string output(const std::string& port) const { return outputVar(node.id, port); }
    // A Python expression for a path parameter, relative to PIPELINE_DIR
    // when below the base directory.
    std::string pathExpression(const std::string& path) const;
};

// Where the Python cannot match Sluice exactly, the code starts with
// comment lines saying so.
std::string nodeCode(const NodeCodeContext& context);

}  // namespace sluice::python_export
