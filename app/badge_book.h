#pragma once

#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "views/node_badge.h"

namespace sluice {

// Decides which NodeBadge each node of the editor's graph shows, from what
// runs reported and what the graph is now; no threads, no Qt signals. The
// RunController feeds it and emits the changes it returns.
//
// Nodes are compared by lineage key (node_lineage.h): a result is shown
// only while the node's key equals the key of the snapshot that computed it.
//
// - During a run, a node of the run shows its live badge (Queued, Running,
//   ...), or Stale as soon as the editor's graph gives it another key: a
//   node edited mid-run never shows results computed from its old
//   parameters, and ends the run Stale.
// - Otherwise: the last run's outcome while the key still matches (a Done
//   one only while the engine still has it cached); Done (cached) for a node
//   the cache holds anyway (an undo back to computed parameters); Stale for
//   a node that ran before; Idle for one that never did.
class BadgeBook {
public:
    using Keys = std::map<std::string, std::string>;  // node id -> lineage key
    using Changes = std::vector<std::pair<std::string, NodeBadge>>;

    // The editor's graph now: its nodes' keys and which of them the engine
    // has cached. Returns the badges that changed (nodes not in `current`
    // are forgotten, without a change).
    Changes setCurrent(Keys current, std::set<std::string> cached);

    // A run of a snapshot with these keys begins; nodes join it as they get
    // their first live badge.
    void beginRun(Keys snapshot);
    // The latest news about a node of the run.
    Changes setLive(const std::string& node, const NodeBadge& badge);
    // The node's live badge in the current run, or nullptr.
    const NodeBadge* live(const std::string& node) const;
    // The run is over; `outcomes` has the final badge of every node it
    // covered (a live final badge, when there is one, is kept instead: it
    // came from the same run). Call setCurrent next to get the changes.
    void endRun(const std::map<std::string, NodeBadge>& outcomes);
    bool running() const { return running_; }

    // The badge last reported for a node (Idle if none).
    NodeBadge shown(const std::string& node) const;
    // Forgets every past outcome (a new document).
    void clear();

private:
    struct Record {
        NodeBadge badge;
        std::string key;  // lineage key of the snapshot that produced it
    };

    NodeBadge resolve(const std::string& node) const;
    void update(const std::string& node, Changes& changes);

    Keys current_;
    std::set<std::string> cached_;
    std::map<std::string, Record> records_;
    std::map<std::string, NodeBadge> shown_;

    bool running_ = false;
    Keys snapshot_;
    std::map<std::string, NodeBadge> live_;
};

}  // namespace sluice
