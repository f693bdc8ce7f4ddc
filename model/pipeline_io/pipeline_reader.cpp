#include "pipeline_io/pipeline_reader.h"

#include <cmath>
#include <optional>
#include <set>

#include "graph/connection_rules.h"
#include "pipeline_io/pipeline_paths.h"

namespace sluice {
namespace {

using Json = nlohmann::json;

std::string inQuotes(const std::string& s) {
    return "'" + s + "'";
}

class Reader {
public:
    Reader(const std::string& base, const NodeRegistry& registry, PipelineLoadResult& result)
        : base_(base), registry_(registry), result_(result) {}

    void read(const Json& doc) {
        for (const auto& [key, value] : doc.items())
            if (key != "format" && key != "version" && key != "meta" && key != "nodes" &&
                key != "edges")
                warn("", key, "field " + inQuotes(key) + ": unknown field, ignored");
        if (const Json* meta = field(doc, "meta", "", "the pipeline", Json::value_t::object))
            graph().meta = *meta;
        if (const Json* nodes = field(doc, "nodes", "", "the pipeline", Json::value_t::array))
            readNodes(*nodes);
        if (const Json* edges = field(doc, "edges", "", "the pipeline", Json::value_t::array))
            for (std::size_t i = 0; i < edges->size(); ++i)
                readEdge((*edges)[i], i);
    }

private:
    Graph& graph() { return result_.graph; }

    void warn(std::string node, std::string fieldName, std::string message) {
        result_.warnings.push_back({std::move(node), std::move(fieldName), std::move(message)});
    }

    // The value of a field of the wanted kind, or null after a warning that
    // it is missing or of the wrong kind (the caller then uses its default).
    const Json* field(const Json& object, const std::string& key, const std::string& node,
                      const std::string& owner, Json::value_t kind) {
        const auto it = object.find(key);
        const char* want = kind == Json::value_t::object  ? "an object"
                           : kind == Json::value_t::array ? "a list"
                                                          : "text";
        if (it == object.end()) {
            warn(node, key, owner + ", field " + inQuotes(key) + ": missing");
            return nullptr;
        }
        if (it->type() != kind) {
            warn(node, key,
                 owner + ", field " + inQuotes(key) + ": must be " + want + ", not " +
                     it->type_name() + "; ignored");
            return nullptr;
        }
        return &*it;
    }

    // "n<k>" free both in the graph and among the ids the file names, so
    // a renamed node never captures another node's edges.
    std::string freshId() {
        for (std::size_t k = 1;; ++k) {
            std::string id = "n" + std::to_string(k);
            if (!fileIds_.count(id) && !graph().node(id)) {
                fileIds_.insert(id);
                return id;
            }
        }
    }

    void readNodes(const Json& nodes) {
        for (const auto& n : nodes)
            if (n.is_object() && n.contains("id") && n["id"].is_string())
                fileIds_.insert(n["id"].get<std::string>());
        for (std::size_t i = 0; i < nodes.size(); ++i)
            readNode(nodes[i], i);
    }

    void readNode(const Json& n, std::size_t index) {
        const std::string ordinal = "node " + std::to_string(index + 1);
        if (!n.is_object()) {
            warn("", "nodes",
                 ordinal + ": must be an object, not " + std::string(n.type_name()) +
                     "; the node was dropped");
            return;
        }
        GraphNode node;
        const auto idIt = n.find("id");
        // json::empty() is false for every string, "" included: look at the text.
        const bool hasId =
            idIt != n.end() && idIt->is_string() && !idIt->get_ref<const std::string&>().empty();
        const std::string name = hasId ? "node " + inQuotes(idIt->get<std::string>()) : ordinal;

        const auto typeIt = n.find("type");
        if (typeIt == n.end() || !typeIt->is_string() ||
            typeIt->get_ref<const std::string&>().empty()) {
            warn(hasId ? idIt->get<std::string>() : "", "type",
                 name + ", field 'type': " +
                     (typeIt == n.end() ? "missing" : "must be a node type id") +
                     "; the node was dropped");
            return;
        }
        node.type = typeIt->get<std::string>();

        if (!hasId) {
            node.id = freshId();
            warn(node.id, "id",
                 ordinal +
                     ", field 'id': " + (idIt == n.end() ? "missing" : "must be non-empty text") +
                     "; the node was given the id " + inQuotes(node.id));
        } else if (graph().node(idIt->get<std::string>())) {
            node.id = freshId();
            warn(node.id, "id",
                 name + ", field 'id': used by an earlier node; this one was renamed " +
                     inQuotes(node.id) + " (edges naming " + inQuotes(idIt->get<std::string>()) +
                     " attach to the first)");
        } else {
            node.id = idIt->get<std::string>();
        }
        const std::string owner = "node " + inQuotes(node.id);

        for (const auto& [key, value] : n.items())
            if (key != "id" && key != "type" && key != "title" && key != "position" &&
                key != "params")
                warn(node.id, key, owner + ", field " + inQuotes(key) + ": unknown field, ignored");
        if (const Json* title = field(n, "title", node.id, owner, Json::value_t::string))
            node.title = title->get<std::string>();
        readPosition(n, node, owner);
        const NodeType* type = registry_.find(node.type);
        if (const Json* params = field(n, "params", node.id, owner, Json::value_t::object))
            node.params = convertPathParams(type, *params, base_, &pathFromFile);
        if (type)
            checkParams(*type, node, owner);
        else
            warn(node.id, "type",
                 owner + ", field 'type': unknown node type " + inQuotes(node.type) +
                     "; kept as a placeholder that is saved back unchanged");
        graph().addNode(std::move(node));
    }

    void readPosition(const Json& n, GraphNode& node, const std::string& owner) {
        const Json* p = field(n, "position", node.id, owner, Json::value_t::array);
        if (!p)
            return;
        if (p->size() == 2 && (*p)[0].is_number() && (*p)[1].is_number() &&
            std::isfinite((*p)[0].get<double>()) && std::isfinite((*p)[1].get<double>())) {
            node.x = (*p)[0].get<double>();
            node.y = (*p)[1].get<double>();
            return;
        }
        warn(node.id, "position",
             owner + ", field 'position': must be [x, y] numbers; placed at [0, 0]");
    }

    // Bad values are kept as written (the user's data); validate() reports
    // them again and a run refuses them. An empty text or list is a node not
    // filled in yet (a fresh CSV reader), not a broken file: no warning.
    void checkParams(const NodeType& type, const GraphNode& node, const std::string& owner) {
        for (const auto& [key, value] : node.params.items()) {
            const ParamSpec* spec = type.param(key);
            const bool unfilled = value == "" || (value.is_array() && value.empty());
            if (spec && unfilled && spec->kind != ParamKind::Choice)
                continue;
            if (!spec)
                warn(node.id, key,
                     owner + ", parameter " + inQuotes(key) + ": not a parameter of " +
                         inQuotes(type.id()) + "; kept");
            else if (auto why = spec->problemWith(value))
                warn(node.id, key, owner + ", parameter " + inQuotes(key) + ": " + *why + "; kept");
        }
    }

    std::optional<Endpoint> endpoint(const Json& e, const char* key, const std::string& owner) {
        const auto it = e.find(key);
        if (it != e.end() && it->is_array() && it->size() == 2 && (*it)[0].is_string() &&
            (*it)[1].is_string())
            return Endpoint{(*it)[0].get<std::string>(), (*it)[1].get<std::string>()};
        warn("", key,
             owner + ", field " + inQuotes(key) + ": " +
                 (it == e.end() ? "missing" : "must be [node, port]") + "; the edge was dropped");
        return std::nullopt;
    }

    void readEdge(const Json& e, std::size_t index) {
        const std::string ordinal = "edge " + std::to_string(index + 1);
        if (!e.is_object()) {
            warn("", "edges",
                 ordinal + ": must be an object, not " + std::string(e.type_name()) +
                     "; the edge was dropped");
            return;
        }
        const auto from = endpoint(e, "from", ordinal);
        const auto to = from ? endpoint(e, "to", ordinal) : std::nullopt;
        if (!from || !to)
            return;
        const GraphEdge edge{*from, *to};
        if (const auto why = edgeProblem(edge)) {
            const bool toKnown = graph().node(to->node) != nullptr;
            const Endpoint& blamed = toKnown || !graph().node(from->node) ? *to : *from;
            warn(blamed.node, blamed.port,
                 ordinal + " from " + inQuotes(from->node + "." + from->port) + " to " +
                     inQuotes(to->node + "." + to->port) + ": " + *why + "; the edge was dropped");
            return;
        }
        graph().addEdge(edge);
    }

    // The connection rules; for an edge touching a placeholder only what can
    // be known without its type: the known side's port, self-loops, inputs
    // fed twice and cycles.
    std::optional<std::string> edgeProblem(const GraphEdge& e) const {
        const GraphNode* from = result_.graph.node(e.from.node);
        const GraphNode* to = result_.graph.node(e.to.node);
        if (!from)
            return "there is no node " + inQuotes(e.from.node);
        if (!to)
            return "there is no node " + inQuotes(e.to.node);
        const NodeType* fromType = registry_.find(from->type);
        const NodeType* toType = registry_.find(to->type);
        if (fromType && toType) {
            const auto verdict = canConnect(result_.graph, e, registry_);
            return verdict ? std::nullopt : std::optional<std::string>(verdict.reason);
        }
        if (fromType && !fromType->output(e.from.port))
            return inQuotes(e.from.node) + " has no output " + inQuotes(e.from.port);
        if (toType && !toType->input(e.to.port))
            return inQuotes(e.to.node) + " has no input " + inQuotes(e.to.port);
        if (e.from.node == e.to.node)
            return std::string("a node cannot feed its own input");
        if (result_.graph.edgeInto(e.to))
            return "the input " + inQuotes(e.to.port) + " is already connected";
        if (result_.graph.reaches(e.to.node, e.from.node))
            return std::string("the edge would make a loop");
        return std::nullopt;
    }

    const std::string& base_;
    const NodeRegistry& registry_;
    PipelineLoadResult& result_;
    std::set<std::string> fileIds_;
};

}  // namespace

void readPipelineDocument(const nlohmann::json& document, const std::string& baseDirectory,
                          const NodeRegistry& registry, PipelineLoadResult& result) {
    Reader(baseDirectory, registry, result).read(document);
}

}  // namespace sluice
