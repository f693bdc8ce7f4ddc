#include "history/param_diff.h"

#include <set>

namespace sluice::history {
namespace {

using nlohmann::json;

const json& paramsIn(const json& node) {
    static const json empty = json::object();
    if (!node.is_object())
        return empty;
    const auto it = node.find("params");
    return it != node.end() && it->is_object() ? *it : empty;
}

std::string typeIn(const json& node) {
    return node.is_object() ? node.value("type", std::string()) : std::string();
}

json valueOr(const json& params, const std::string& key) {
    const auto it = params.find(key);
    return it == params.end() ? json(nullptr) : *it;
}

}  // namespace

std::vector<ParamChange> diffParameters(const json& before, const json& after) {
    const json& b = before.is_object() ? before : json::object();
    const json& a = after.is_object() ? after : json::object();
    std::vector<ParamChange> changes;
    for (const auto& [id, now] : a.items()) {
        const auto was = b.find(id);
        if (was == b.end() || typeIn(*was) != typeIn(now)) {
            if (was != b.end())
                changes.push_back({id, "", typeIn(*was), nullptr});
            changes.push_back({id, "", nullptr, typeIn(now)});
            continue;
        }
        const json& oldParams = paramsIn(*was);
        const json& newParams = paramsIn(now);
        std::set<std::string> names;
        for (const auto& [name, value] : oldParams.items())
            names.insert(name);
        for (const auto& [name, value] : newParams.items())
            names.insert(name);
        for (const std::string& name : names) {
            json oldValue = valueOr(oldParams, name);
            json newValue = valueOr(newParams, name);
            if (oldValue != newValue)
                changes.push_back({id, name, std::move(oldValue), std::move(newValue)});
        }
    }
    for (const auto& [id, was] : b.items())
        if (!a.contains(id))
            changes.push_back({id, "", typeIn(was), nullptr});
    return changes;
}

}  // namespace sluice::history
