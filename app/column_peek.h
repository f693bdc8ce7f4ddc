// ColumnPeek: the columns a node's table input will get, before the
// pipeline has run, for the inspector's column pickers (issue 25, item 3).
//
// How: the input's upstream nodes run on a peek of the data, in an engine of
// the peek's own: every Data node reads or makes at most kPeekRows rows (its
// max_rows or n_rows parameter lowered), so a reader costs a header and a few
// rows. Its cache makes asking again for the same inputs free, and notices
// an edited file as a run does.
//
// Contract: columns() returns the names, or nullopt when they cannot be
// known cheaply and safely: the input is not connected, an upstream node
// trains or evaluates a model (only Data sources and Transform nodes are
// peeked through), a Data node upstream has inputs (it writes a file, which
// a peek must never do), or the peek fails (a missing file). It never
// throws and never changes the graph it is given; it blocks for the peek
// (milliseconds for a reader and a few transforms). A transform whose
// columns depend on the data (one-hot, say) may list fewer columns than a
// full run: the peek sees only the first rows.
#pragma once

#include <QStringList>

#include <memory>
#include <optional>
#include <string>

#include "graph/graph.h"

namespace sluice {

class NodeRegistry;
namespace engine {
class Engine;
}

class ColumnPeek {
public:
    static constexpr long long kPeekRows = 200;

    explicit ColumnPeek(const NodeRegistry& registry);
    ~ColumnPeek();

    std::optional<QStringList> columns(const Graph& graph, const Endpoint& input,
                                       const std::string& baseDirectory);

private:
    const NodeRegistry& registry_;
    std::unique_ptr<engine::Engine> engine_;
};

}  // namespace sluice
