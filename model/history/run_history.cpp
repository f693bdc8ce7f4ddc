#include "history/run_history.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string_view>

#include "history/param_diff.h"
#include "history/utc_time.h"
#include "io/atomic_file.h"
#include "io/json_nesting.h"

namespace sluice::history {
namespace {

namespace fs = std::filesystem;

constexpr const char* kExtension = ".json";

std::string idFor(const RunRecord& record) {
    // The start as compact UTC text; a record made by hand without one is
    // filed under the present moment.
    std::string stamp;
    for (char c : record.started)
        if (c != '-' && c != ':')
            stamp += c;
    if (stamp.size() != 20)  // "20261128T023605.123Z"
        stamp = compactUtc(std::chrono::system_clock::now());
    static thread_local std::mt19937 random{std::random_device{}()};
    char suffix[8];
    std::snprintf(suffix, sizeof suffix, "-%04x", static_cast<unsigned>(random() & 0xffff));
    return stamp + suffix;
}

// The record's id is its file name; a file renamed by hand keeps the id
// inside it, but listing and loading go by the name.
bool validId(const std::string& id) {
    return !id.empty() && id.find_first_of("/\\") == std::string::npos && id != "." && id != "..";
}

}  // namespace

RunHistory::RunHistory(const std::string& pipelinePath) : directory_(directoryFor(pipelinePath)) {}

std::string RunHistory::directoryFor(const std::string& pipelinePath) {
    std::error_code ec;
    fs::path pipeline = fs::absolute(pipelinePath, ec);
    if (ec)
        pipeline = pipelinePath;
    pipeline = pipeline.lexically_normal();
    return (pipeline.parent_path() / ".sluice-runs" / pipeline.stem()).string();
}

std::string RunHistory::pathOf(const std::string& id) const {
    return (fs::path(directory_) / (id + kExtension)).string();
}

std::vector<std::string> RunHistory::idsNewestFirst() const {
    std::vector<std::string> ids;
    std::error_code ec;
    for (fs::directory_iterator it(directory_, ec), end; !ec && it != end; it.increment(ec)) {
        const fs::path& p = it->path();
        if (p.extension() == kExtension && !p.stem().string().empty())
            ids.push_back(p.stem().string());
    }
    std::sort(ids.begin(), ids.end(), std::greater<>());
    return ids;
}

RunRecord RunHistory::load(const std::string& id) const {
    if (!validId(id))
        throw HistoryError("no run with id \"" + id + "\"");
    const std::string path = pathOf(id);
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw HistoryError(path + ": cannot be read");
    std::ostringstream text;
    text << in.rdbuf();
    nlohmann::json document;
    try {
        checkJsonNesting(text.str());
        document = nlohmann::json::parse(text.str());
    } catch (const JsonNestingError& e) {
        throw HistoryError(path + ": " + e.what());
    } catch (const nlohmann::json::parse_error& e) {
        throw HistoryError(path + ": not valid JSON (at byte " + std::to_string(e.byte) + ")");
    }
    RunRecord record = recordFromJson(document, path);
    record.id = id;
    return record;
}

RunHistory::Listing RunHistory::list() const {
    Listing listing;
    for (const std::string& id : idsNewestFirst()) {
        try {
            listing.runs.push_back(load(id));
        } catch (const std::exception& e) {
            listing.warnings.push_back(std::string("skipped ") + e.what());
        }
    }
    return listing;
}

std::string RunHistory::add(RunRecord& record) const {
    std::error_code ec;
    fs::create_directories(directory_, ec);
    if (ec)
        throw HistoryError("cannot create the run history folder " + directory_ + ": " +
                           ec.message());

    // The diff against the newest readable run; older ones only when a
    // cached node needs the curves it was trained with.
    const std::vector<std::string> ids = idsNewestFirst();
    std::vector<const NodeRecord*> needCurves;
    for (const NodeRecord& node : record.nodes) {
        const bool hasCurves = std::any_of(record.curves.begin(), record.curves.end(),
                                           [&](const CurveRecord& c) { return c.node == node.id; });
        if (node.cached && !node.key.empty() && !hasCurves)
            needCurves.push_back(&node);
    }
    record.previous.reset();
    record.changes.clear();
    for (const std::string& id : ids) {
        if (record.previous && needCurves.empty())
            break;
        RunRecord earlier;
        try {
            earlier = load(id);
        } catch (const std::exception&) {
            continue;  // list() reports damaged files; here they are just not used
        }
        if (!record.previous) {
            record.previous = id;
            record.changes = diffParameters(earlier.parameters, record.parameters);
        }
        for (auto it = needCurves.begin(); it != needCurves.end();) {
            const NodeRecord* before = earlier.node((*it)->id);
            if (!before || before->key != (*it)->key) {
                ++it;
                continue;
            }
            for (const CurveRecord& curve : earlier.curves)
                if (curve.node == (*it)->id)
                    record.curves.push_back(curve);
            it = needCurves.erase(it);  // found: the newest earlier run wins
        }
    }

    std::string path;
    for (int attempt = 0;; ++attempt) {
        record.id = idFor(record);
        path = pathOf(record.id);
        if (!fs::exists(path, ec) || attempt >= 100)
            break;
    }
    try {
        AtomicFileWriter file(path);
        file.write(recordToText(record));
        file.commit();
    } catch (const std::exception& e) {
        throw HistoryError(e.what());
    }
    return path;
}

bool recordingDisabledByEnvironment() {
    const char* value = std::getenv("SLUICE_RUN_HISTORY");
    return value != nullptr && std::string_view(value) == "off";
}

}  // namespace sluice::history
