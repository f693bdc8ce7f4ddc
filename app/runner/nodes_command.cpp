#include "app/runner/nodes_command.h"

#include <sstream>

#include "app/runner/exit_codes.h"
#include "data/number_text.h"
#include "nodes/node_catalog.h"

namespace sluice::runner {
namespace {

std::string valueText(const nlohmann::json& v) {
    if (v.is_string())
        return "\"" + v.get<std::string>() + "\"";
    // Ranges are stored as doubles: 1, not 1.0.
    return v.is_number_float() ? formatNumber(v.get<double>()) : v.dump();
}

// "int, default 5, 2 to 50" / "choice of comma, tab; default comma".
std::string paramSummary(const nlohmann::json& p) {
    std::string out = p.at("kind").get<std::string>();
    if (p.contains("choices")) {
        out += " of ";
        bool first = true;
        for (const auto& c : p.at("choices")) {
            out += (first ? "" : ", ") + c.get<std::string>();
            first = false;
        }
        out += ";";
    } else {
        out += ",";
    }
    out += " default " + valueText(p.at("default"));
    const bool hasMin = p.contains("min"), hasMax = p.contains("max");
    if (hasMin && hasMax)
        out += ", " + valueText(p.at("min")) + " to " + valueText(p.at("max"));
    else if (hasMin)
        out += ", at least " + valueText(p.at("min"));
    else if (hasMax)
        out += ", at most " + valueText(p.at("max"));
    if (p.at("optional").get<bool>())
        out += ", may be empty";
    return out;
}

void writePorts(std::ostream& out, const char* direction, const nlohmann::json& ports) {
    for (const auto& p : ports)
        out << "    " << direction << ' ' << p.at("name").get<std::string>() << ": "
            << p.at("type").get<std::string>()
            << (p.at("required").get<bool>() ? "" : " (optional)") << '\n';
}

}  // namespace

int runNodesCommand(const RunnerOptions& options, std::ostream& out) {
    const nlohmann::json catalog = nodeCatalogJson(builtinNodes());
    if (options.nodesJson) {
        out << catalog.dump(2) << '\n';
        return kExitOk;
    }
    std::string category;
    for (const auto& node : catalog.at("nodes")) {
        const std::string c = node.at("category").get<std::string>();
        if (c != category) {
            out << (category.empty() ? "" : "\n") << c << "\n";
            category = c;
        }
        out << "  " << node.at("id").get<std::string>() << "  "
            << node.at("name").get<std::string>() << '\n';
        out << "    " << node.at("description").get<std::string>() << '\n';
        writePorts(out, "in ", node.at("inputs"));
        writePorts(out, "out", node.at("outputs"));
        for (const auto& p : node.at("params"))
            out << "    param " << p.at("name").get<std::string>() << " (" << paramSummary(p)
                << "): " << p.at("help").get<std::string>() << '\n';
    }
    return kExitOk;
}

}  // namespace sluice::runner
