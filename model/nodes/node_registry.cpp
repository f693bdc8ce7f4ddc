#include "nodes/node_registry.h"

#include <algorithm>
#include <cctype>
#include <sstream>

namespace sluice {

void NodeRegistry::add(std::unique_ptr<NodeType> type) {
    if (find(type->id()))
        throw std::logic_error("node type '" + type->id() + "' registered twice");
    types_.push_back(std::move(type));
}

const NodeType* NodeRegistry::find(std::string_view id) const {
    for (const auto& t : types_)
        if (t->id() == id)
            return t.get();
    return nullptr;
}

std::vector<const NodeType*> NodeRegistry::all() const {
    std::vector<const NodeType*> out;
    for (const auto& t : types_)
        out.push_back(t.get());
    return out;
}

std::vector<const NodeType*> NodeRegistry::inCategory(NodeCategory category) const {
    std::vector<const NodeType*> out;
    for (const auto& t : types_)
        if (t->info().category == category)
            out.push_back(t.get());
    return out;
}

namespace {

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

}  // namespace

std::vector<const NodeType*> NodeRegistry::search(std::string_view query) const {
    std::vector<std::string> words;
    std::istringstream in{lower(query)};
    for (std::string w; in >> w;)
        words.push_back(w);
    std::vector<std::pair<int, const NodeType*>> hits;
    for (const auto& t : types_) {
        const std::string name = lower(t->info().displayName), id = lower(t->id()),
                          text = lower(t->info().description);
        int rank = 0;
        bool all = true;
        for (const auto& w : words) {
            if (name.find(w) != std::string::npos) {
                rank = std::max(rank, 0);
            } else if (id.find(w) != std::string::npos) {
                rank = std::max(rank, 1);
            } else if (text.find(w) != std::string::npos) {
                rank = std::max(rank, 2);
            } else {
                all = false;
                break;
            }
        }
        if (all)
            hits.push_back({rank, t.get()});
    }
    std::stable_sort(hits.begin(), hits.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<const NodeType*> out;
    for (const auto& h : hits)
        out.push_back(h.second);
    return out;
}

const NodeRegistry& builtinNodes() {
    static const NodeRegistry registry = [] {
        NodeRegistry r;
        registerDataNodes(r);
        registerTransformNodes(r);
        registerTrainNodes(r);
        registerEvaluateNodes(r);
        registerOutputNodes(r);
        return r;
    }();
    return registry;
}

}  // namespace sluice
