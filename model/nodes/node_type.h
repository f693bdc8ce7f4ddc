// NodeType: one kind of node in the catalog (read CSV, scale, random forest...).
//
// Contract:
// - id() is stable forever ("transform.scale"): files store it. version()
//   grows when the parameters change meaning; the file loader migrates.
// - inputs/outputs name typed ports; a required input must be connected for
//   the node to run. params() describe every parameter with a default and
//   help, from which the inspector is generated.
// - run() is pure: outputs depend only on inputs and params (plus files
//   named by path parameters). It receives params with defaults filled in
//   and already validated against the specs, reports progress, metrics and
//   log lines through the context, checks cancellation, and throws
//   NodeError (or any std::exception) with a message naming the parameter or
//   input at fault. It never touches Qt.
// - python() writes the node's section of an exported Python script
//   (python_context.h); nullopt (the default) means the node has no
//   translation, and the exporter refuses graphs holding it.
// Adding a node type is one file (the subclass and its make...Node()
// factory) and one line in its family's register.cpp: see CONTRIBUTING.md.
#pragma once

#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "ml/core/fit_context.h"
#include "nodes/param_spec.h"
#include "nodes/port_value.h"

namespace sluice {

struct PythonContext;  // nodes/python_context.h

enum class NodeCategory { Data, Transform, Train, Evaluate, Visualize, Output };

std::string_view categoryName(NodeCategory category);

struct PortSpec {
    std::string name;  // key in PortValues, stable like the node id
    PortType type = PortType::Table;
    std::string label;
    bool required = true;
    std::string help;
};

// A node's failure, with a message for the user.
class NodeError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct RunContext {
    ml::FitContext fit;  // cancellation, progress, metric stream, threads
    std::function<void(std::string_view)> onLog;
    std::string baseDirectory;  // where relative paths start (the pipeline's folder)

    void log(std::string_view line) const {
        if (onLog)
            onLog(line);
    }
    // Absolute paths stay; relative ones are taken from baseDirectory.
    std::string resolvePath(const std::string& path) const;
};

struct NodeInfo {
    std::string id;
    std::string displayName;
    NodeCategory category = NodeCategory::Transform;
    std::string description;
    std::vector<PortSpec> inputs;
    std::vector<PortSpec> outputs;
    std::vector<ParamSpec> params;
    int version = 1;
};

class NodeType {
public:
    explicit NodeType(NodeInfo info) : info_(std::move(info)) {}
    virtual ~NodeType() = default;

    const NodeInfo& info() const { return info_; }
    const std::string& id() const { return info_.id; }
    const PortSpec* input(std::string_view name) const;
    const PortSpec* output(std::string_view name) const;
    const ParamSpec* param(std::string_view name) const;

    // `params` holds every parameter (defaults filled, values validated).
    virtual PortValues run(const PortValues& inputs, const nlohmann::json& params,
                           RunContext& context) const = 0;

    // The statements of this node's section in an exported Python script.
    virtual std::optional<std::string> python(const PythonContext& context) const;

    // The params with defaults for what is missing; unknown keys are kept.
    nlohmann::json withDefaults(const nlohmann::json& params) const;
    // Problems with params, one "name: reason" per bad parameter; with
    // `byLabel`, "Label: reason" as the inspector names it (for people).
    std::vector<std::string> paramProblems(const nlohmann::json& params,
                                           bool byLabel = false) const;

private:
    NodeInfo info_;
};

// Typed access to inputs inside run(); a missing or wrong value throws
// NodeError naming the port.
TablePtr inputTable(const PortValues& inputs, const std::string& port, bool required = true);
const LearnerValue* inputLearner(const PortValues& inputs, const std::string& port,
                                 bool required = true);
ModelValue inputModel(const PortValues& inputs, const std::string& port, bool required = true);
TransformValue inputTransform(const PortValues& inputs, const std::string& port,
                              bool required = true);
ResultsValue inputResults(const PortValues& inputs, const std::string& port, bool required = true);

}  // namespace sluice
