#include "app/badge_book.h"

namespace sluice {
namespace {

using State = NodeBadge::State;

NodeBadge withState(State state) {
    NodeBadge badge;
    badge.state = state;
    return badge;
}

bool isFinal(State state) {
    return state == State::Done || state == State::Failed || state == State::Skipped ||
           state == State::Cancelled;
}

}  // namespace

BadgeBook::Changes BadgeBook::setCurrent(Keys current, std::set<std::string> cached) {
    current_ = std::move(current);
    cached_ = std::move(cached);
    for (auto it = shown_.begin(); it != shown_.end();)
        it = current_.count(it->first) ? std::next(it) : shown_.erase(it);
    Changes changes;
    for (const auto& [id, key] : current_)
        update(id, changes);
    return changes;
}

void BadgeBook::beginRun(Keys snapshot) {
    running_ = true;
    snapshot_ = std::move(snapshot);
    live_.clear();
}

BadgeBook::Changes BadgeBook::setLive(const std::string& node, const NodeBadge& badge) {
    Changes changes;
    if (!running_)
        return changes;
    live_[node] = badge;
    update(node, changes);
    return changes;
}

const NodeBadge* BadgeBook::live(const std::string& node) const {
    const auto it = live_.find(node);
    return it == live_.end() ? nullptr : &it->second;
}

void BadgeBook::endRun(const std::map<std::string, NodeBadge>& outcomes) {
    for (const auto& [id, outcome] : outcomes) {
        const auto live = live_.find(id);
        const NodeBadge& badge =
            live != live_.end() && isFinal(live->second.state) ? live->second : outcome;
        const auto key = snapshot_.find(id);
        records_[id] = {badge, key == snapshot_.end() ? std::string() : key->second};
    }
    running_ = false;
    snapshot_.clear();
    live_.clear();
}

NodeBadge BadgeBook::shown(const std::string& node) const {
    const auto it = shown_.find(node);
    return it == shown_.end() ? NodeBadge{} : it->second;
}

void BadgeBook::clear() {
    records_.clear();
}

NodeBadge BadgeBook::resolve(const std::string& node) const {
    const auto current = current_.find(node);
    const bool known = current != current_.end();

    if (const auto live = live_.find(node); running_ && live != live_.end()) {
        const auto snapshot = snapshot_.find(node);
        const bool same =
            known && snapshot != snapshot_.end() && snapshot->second == current->second;
        return same ? live->second : withState(State::Stale);
    }

    const bool cached = cached_.count(node) > 0;
    const auto record = records_.find(node);
    if (record != records_.end() && known && record->second.key == current->second) {
        // A failure stays true for the same inputs; a result only while the
        // engine still holds it (an input file may have changed).
        if (record->second.badge.state != State::Done || cached)
            return record->second.badge;
    }
    if (cached) {
        NodeBadge done = withState(State::Done);
        done.cached = true;
        return done;
    }
    return withState(record != records_.end() ? State::Stale : State::Idle);
}

void BadgeBook::update(const std::string& node, Changes& changes) {
    if (!current_.count(node))
        return;  // not in the editor's graph (removed during the run)
    const NodeBadge badge = resolve(node);
    if (badge == shown(node))
        return;
    shown_[node] = badge;
    changes.emplace_back(node, badge);
}

}  // namespace sluice
