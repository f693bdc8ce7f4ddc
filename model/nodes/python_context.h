// PythonContext: what a node type's Python translation (NodeType::python)
// reads and writes. The exporter (export/python_export.h) fills one per
// node of the graph, in run order; the node type writes the statements of
// its section.
//
// Contract for a translation:
// - It reads the variables of its connected inputs with input() (a required
//   input left unconnected throws, naming the port) and assigns one
//   variable per output port, named by output().
// - Scores are printed with the prelude's report() (reportAll() for a dict
//   of metrics), so an exported script prints what `sluice-run --json` does.
// - Imports go through addImport() ("from sklearn.tree import X"), gathered
//   once at the top; a helper function the script needs once goes through
//   define(name, code), written once below the prelude.
// - Where Python cannot match Sluice exactly, the section starts with
//   comment lines saying so (pyComment).
// - Problems throw any std::exception with the reason only ("parameter
//   'path': no file chosen"); the exporter adds the node's id, title, type.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>

#include <nlohmann/json.hpp>

#include "nodes/node_type.h"
#include "nodes/python_literals.h"

namespace sluice {

class NodeType;

struct PythonContext {
    const NodeType& type;
    std::string nodeId, nodeTitle;
    nlohmann::json params;  // defaults filled in
    // The variable on input `port`, or nullopt when nothing is connected.
    std::function<std::optional<std::string>(const std::string& port)> connectedVariable;
    // The variable this node's output `port` is assigned to.
    std::function<std::string(const std::string& port)> outputVariable;
    // A Python expression for a path parameter (relative to PIPELINE_DIR
    // when below the pipeline's folder).
    std::function<std::string(const std::string& path)> pathExpressionOf;
    // The type id of the node feeding input `port` ("" when none does).
    std::function<std::string(const std::string& port)> sourceTypeOf;
    std::set<std::string>* imports = nullptr;
    std::map<std::string, std::string>* definitions = nullptr;

    // The connected variable; throws for a required input left unconnected.
    std::optional<std::string> input(const std::string& port) const;
    std::string output(const std::string& port) const { return outputVariable(port); }
    std::string pathExpression(const std::string& path) const { return pathExpressionOf(path); }

    // Parameter `name` as text ("" when absent), as a Python literal, and a
    // column-list parameter as a Python list of names.
    std::string text(const std::string& name) const;
    std::string literal(const std::string& name) const;
    std::string columnsLiteral(const std::string& name) const;
    // "for metric, value in VAR.items(): report(...)" for this node.
    std::string reportAll(const std::string& var) const;

    void addImport(const std::string& line) const;
    void define(const std::string& name, const std::string& code) const;
};

}  // namespace sluice
