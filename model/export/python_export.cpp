#include "export/python_export.h"

#include <map>
#include <set>
#include <sstream>

#include <filesystem>

#include "export/python_prelude.h"
#include "io/atomic_file.h"
#include "nodes/python_context.h"
#include "pipeline_io/pipeline_paths.h"

namespace sluice {

using namespace python_export;

namespace {

std::string describe(const GraphNode& node) {
    return "node '" + node.id + "'" + (node.title.empty() ? "" : " (\"" + node.title + "\")") +
           " of type " + node.type;
}

const char* const kRule =
    "# ---------------------------------------------------------------------------\n";

// Python variable names per node, unique even when two ids spell the same
// identifier ("a-b", "a_b").
std::map<std::string, std::string> variablePrefixes(const Graph& graph) {
    std::map<std::string, std::string> prefixes;
    std::set<std::string> taken;
    for (const auto& node : graph.nodes()) {
        std::string prefix = pyIdentifier(node.id);
        for (int k = 2; taken.count(prefix); ++k)
            prefix = pyIdentifier(node.id) + "_" + std::to_string(k);
        taken.insert(prefix);
        prefixes[node.id] = prefix;
    }
    return prefixes;
}

std::string header(const Graph& graph, const PythonExportOptions& options) {
    std::string out = "#!/usr/bin/env python3\n";
    const std::string name = graph.meta.value("name", std::string());
    out += pyComment(name.empty() ? "A Sluice pipeline, exported as Python."
                                  : name + ": a Sluice pipeline, exported as Python.");
    if (!options.sourceName.empty())
        out += pyComment("Exported from " + options.sourceName + ".");
    const std::string description = graph.meta.value("description", std::string());
    if (!description.empty())
        out += "#\n" + pyComment(description);
    out += "#\n" +
           pyComment(
               "Repeats the pipeline's steps with pandas and scikit-learn, one section "
               "per node in the order Sluice runs them. Run it with python3 (needs numpy, "
               "pandas and scikit-learn); every score is printed as a JSON line {\"node\", "
               "\"title\", \"metric\", \"value\"} with the names `sluice-run --json` uses, "
               "so the two can be compared. Splits and folds draw the same rows as Sluice; "
               "learners with randomness draw from numpy instead, so their scores agree "
               "only statistically (see the notes in each section). The helpers come first; the "
               "steps start below the line \"# The pipeline\".");
    return out + "\n";
}

// A path parameter as Python: joined to PIPELINE_DIR when the pipeline has
// a folder and the path is below it (or relative to it), as it is otherwise.
std::string pathExpression(const std::string& path, const std::string& baseDirectory) {
    if (baseDirectory.empty())
        return pyString(path);
    const std::string relative = pathForFile(path, baseDirectory);
    if (std::filesystem::path(relative).is_absolute())
        return pyString(path);
    return "os.path.join(PIPELINE_DIR, " + pyString(relative) + ")";
}

}  // namespace

std::string exportPython(const Graph& graph, const PythonExportOptions& options,
                         const NodeRegistry& registry) {
    std::vector<std::string> order;
    try {
        order = graph.topologicalOrder();
    } catch (const std::logic_error& e) {
        throw PythonExportError(std::string("the pipeline cannot be exported: ") + e.what());
    }
    const auto prefixes = variablePrefixes(graph);
    const auto outputVar = [&prefixes](const std::string& node, const std::string& port) {
        return prefixes.at(node) + "_" + pyIdentifier(port);
    };

    std::set<std::string> imports;
    std::map<std::string, std::string> definitions;  // helpers nodes define once
    std::string steps;
    int number = 0;
    for (const auto& id : order) {
        const GraphNode& node = *graph.node(id);
        const NodeType* type = registry.find(node.type);
        if (!type)
            throw PythonExportError("cannot export " + describe(node) +
                                    ": this build does not know the node type");
        const PythonContext context{
            .type = *type,
            .nodeId = node.id,
            .nodeTitle = node.title,
            .params = type->withDefaults(node.params),
            .connectedVariable = [&](const std::string& port) -> std::optional<std::string> {
                if (const GraphEdge* edge = graph.edgeInto({node.id, port}))
                    return outputVar(edge->from.node, edge->from.port);
                return std::nullopt;
            },
            .outputVariable = [&](const std::string& port) { return outputVar(node.id, port); },
            .pathExpressionOf =
                [&](const std::string& path) {
                    return pathExpression(path, options.baseDirectory);
                },
            .sourceTypeOf = [&](const std::string& port) -> std::string {
                const GraphEdge* edge = graph.edgeInto({node.id, port});
                const GraphNode* from = edge ? graph.node(edge->from.node) : nullptr;
                return from ? from->type : std::string();
            },
            .imports = &imports,
            .definitions = &definitions,
        };
        std::optional<std::string> code;
        try {
            code = type->python(context);
        } catch (const std::exception& e) {
            throw PythonExportError("cannot export " + describe(node) + ": " + e.what());
        }
        if (!code)
            throw PythonExportError("cannot export " + describe(node) +
                                    ": the Python exporter has no translation for this node type");
        steps += std::string("\n") + kRule;
        steps += "# [" + std::to_string(++number) + "] " + node.id +
                 (node.title.empty() ? "" : ": " + node.title) + " (" + node.type + ")\n";
        if (!type->info().description.empty())
            steps += pyComment(type->info().description);
        steps += kRule + *code;
    }

    std::string out = header(graph, options);
    out += preludeText();
    for (const auto& [name, code] : definitions)
        out += "\n\n" + code;
    out += "\n\n" + std::string(kRule) + "# The pipeline\n" + kRule;
    for (const auto& line : imports)
        out += line + "\n";
    if (!options.baseDirectory.empty())
        out += "\n# Paths in the pipeline are relative to its folder.\nPIPELINE_DIR = " +
               pyString(options.baseDirectory) + "\n";
    out += steps;
    return out;
}

void exportPythonFile(const Graph& graph, const PythonExportOptions& options,
                      const std::string& path, const NodeRegistry& registry) {
    const std::string text = exportPython(graph, options, registry);
    AtomicFileWriter writer(path);
    writer.write(text);
    writer.commit();
}

}  // namespace sluice
