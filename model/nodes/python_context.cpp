#include "nodes/python_context.h"

#include <stdexcept>

#include "nodes/column_params.h"
#include "nodes/node_type.h"

namespace sluice {

std::optional<std::string> PythonContext::input(const std::string& port) const {
    if (auto var = connectedVariable(port))
        return var;
    const PortSpec* spec = type.input(port);
    if (spec && spec->required)
        throw std::runtime_error("input '" + port + "' is not connected");
    return std::nullopt;
}

std::string PythonContext::text(const std::string& name) const {
    const auto it = params.find(name);
    return it != params.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::string PythonContext::literal(const std::string& name) const {
    return python_export::pyValue(params.at(name));
}

std::string PythonContext::columnsLiteral(const std::string& name) const {
    return python_export::pyValue(nlohmann::json(node_params::columnList(params, name)));
}

std::string PythonContext::reportAll(const std::string& var) const {
    using python_export::pyString;
    return "for metric, value in " + var + ".items():\n    report(" + pyString(nodeId) + ", " +
           pyString(nodeTitle) + ", metric, value)\n";
}

void PythonContext::addImport(const std::string& line) const {
    if (imports)
        imports->insert(line);
}

void PythonContext::define(const std::string& name, const std::string& code) const {
    if (definitions)
        definitions->emplace(name, code);
}

}  // namespace sluice
