#include "app/clipboard_format.h"

#include <set>

#include "io/json_nesting.h"
#include "pipeline_io/pipeline_file.h"

namespace sluice {
namespace {

using Json = nlohmann::json;

// The clipboard holds the "nodes" and "edges" of a pipeline document; these
// convert between the two envelopes.
Json pipelineEnvelope(Json nodes, Json edges) {
    return {{"format", std::string(kPipelineFormatName)},
            {"version", kPipelineFormatVersion},
            {"meta", Json::object()},
            {"nodes", std::move(nodes)},
            {"edges", std::move(edges)}};
}

const Json& requireList(const Json& doc, const char* key) {
    static const Json empty = Json::array();
    const auto it = doc.find(key);
    if (it == doc.end())
        return empty;
    if (!it->is_array())
        throw ClipboardError(std::string("The clipboard's \"") + key + "\" is not a list.");
    return *it;
}

}  // namespace

std::string clipboardText(const Graph& graph, const std::vector<std::string>& ids,
                          const NodeRegistry& registry) {
    const std::set<std::string> wanted(ids.begin(), ids.end());
    Graph copied;
    for (const auto& n : graph.nodes())
        if (wanted.count(n.id))
            copied.addNode(n);
    for (const auto& e : graph.edges())
        if (copied.node(e.from.node) && copied.node(e.to.node))
            copied.addEdge(e);

    Json doc;
    try {
        // An empty base directory leaves path parameters exactly as they are.
        doc = Json::parse(pipelineToText(copied, "", registry));
    } catch (const PipelineFileError& e) {
        throw ClipboardError(std::string("The nodes cannot be copied: ") + e.what() + ".");
    }
    return Json({{"format", std::string(kClipboardFormatName)},
                 {"version", kClipboardFormatVersion},
                 {"nodes", std::move(doc["nodes"])},
                 {"edges", std::move(doc["edges"])}})
        .dump(2);
}

Graph graphFromClipboard(std::string_view text, const NodeRegistry& registry) {
    try {
        checkJsonNesting(text);
    } catch (const JsonNestingError& e) {
        throw ClipboardError(std::string("The clipboard's Sluice nodes cannot be pasted: ") +
                             e.what() + ".");
    }
    const Json doc = Json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (doc.is_discarded())
        throw ClipboardError("The clipboard does not hold Sluice nodes (it is not JSON).");
    const auto format = doc.is_object() ? doc.find("format") : doc.end();
    if (format == doc.end() || !format->is_string() ||
        format->get<std::string>() != kClipboardFormatName)
        throw ClipboardError("The clipboard does not hold Sluice nodes.");
    const auto version = doc.find("version");
    if (version == doc.end() || !version->is_number_integer() || version->get<double>() < 1)
        throw ClipboardError("The clipboard's Sluice nodes have no valid version.");
    if (version->get<double>() > kClipboardFormatVersion)
        throw ClipboardError(
            "The clipboard holds nodes copied from a newer Sluice; please update Sluice.");

    const Json& nodes = requireList(doc, "nodes");
    const Json& edges = requireList(doc, "edges");
    Graph graph;
    try {
        graph = pipelineFromText(pipelineEnvelope(nodes, edges).dump(), "", registry, "clipboard")
                    .graph;
    } catch (const PipelineFileError& e) {
        throw ClipboardError(std::string("The clipboard cannot be pasted: ") + e.what() + ".");
    }
    if (graph.empty())
        throw ClipboardError("The clipboard holds no nodes to paste.");
    return graph;
}

}  // namespace sluice
