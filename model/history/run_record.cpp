#include "history/run_record.h"

#include <cmath>
#include <limits>

#include "pipeline_io/pipeline_json.h"

namespace sluice::history {
namespace {

using nlohmann::json;

json number(double v) {
    return std::isfinite(v) ? json(v) : json(nullptr);
}

// Reads the fields of one JSON object, naming the object in every complaint
// ("run.json: nodes[2].seconds should be a number"), so a damaged record says
// what is wrong and where.
class Reader {
public:
    Reader(const json& object, std::string where, const std::string& file)
        : object_(object), where_(std::move(where)), file_(file) {
        if (!object_.is_object())
            fail(where_ + " should be an object");
    }

    std::string text(const char* key, bool required = false) const {
        const json* v = find(key, required);
        if (!v || v->is_null())
            return {};
        if (!v->is_string())
            fail(name(key) + " should be text");
        return v->get<std::string>();
    }
    double real(const char* key) const {
        const json* v = find(key, false);
        if (!v || v->is_null())
            return std::numeric_limits<double>::quiet_NaN();
        if (!v->is_number())
            fail(name(key) + " should be a number");
        return v->get<double>();
    }
    bool flag(const char* key) const {
        const json* v = find(key, false);
        if (!v || v->is_null())
            return false;
        if (!v->is_boolean())
            fail(name(key) + " should be true or false");
        return v->get<bool>();
    }
    const json& array(const char* key) const {
        static const json empty = json::array();
        const json* v = find(key, false);
        if (!v || v->is_null())
            return empty;
        if (!v->is_array())
            fail(name(key) + " should be a list");
        return *v;
    }
    json any(const char* key) const {
        const json* v = find(key, false);
        return v ? *v : json();
    }
    std::string name(const std::string& key) const { return where_ + "." + key; }
    [[noreturn]] void fail(const std::string& why) const { throw HistoryError(file_ + ": " + why); }

private:
    const json* find(const char* key, bool required) const {
        const auto it = object_.find(key);
        if (it == object_.end()) {
            if (required)
                fail(name(key) + " is missing");
            return nullptr;
        }
        return &*it;
    }

    const json& object_;
    std::string where_;
    const std::string& file_;
};

json filesJson(const std::vector<FileRecord>& files, bool produced) {
    json list = json::array();
    for (const FileRecord& f : files) {
        json item = {{"node", f.node},  {"param", f.param},   {"path", f.path},
                     {"size", f.size},  {"sha256", f.sha256}, {"modified", f.modified},
                     {"error", f.error}};
        if (produced)
            item["kind"] = f.kind;
        else
            item["changed_during_run"] = f.changedDuringRun;
        list.push_back(std::move(item));
    }
    return list;
}

std::vector<FileRecord> filesFrom(const Reader& top, const char* key, const std::string& file) {
    std::vector<FileRecord> files;
    const json& list = top.array(key);
    for (std::size_t i = 0; i < list.size(); ++i) {
        const Reader r(list[i], top.name(key) + "[" + std::to_string(i) + "]", file);
        FileRecord f;
        f.node = r.text("node");
        f.param = r.text("param");
        f.path = r.text("path", true);
        const double size = r.real("size");
        f.size = std::isfinite(size) && size > 0 ? static_cast<std::uint64_t>(size) : 0;
        f.sha256 = r.text("sha256");
        f.modified = r.text("modified");
        f.kind = r.text("kind");
        f.error = r.text("error");
        f.changedDuringRun = r.flag("changed_during_run");
        files.push_back(std::move(f));
    }
    return files;
}

}  // namespace

const NodeRecord* RunRecord::node(const std::string& id) const {
    for (const NodeRecord& n : nodes)
        if (n.id == id)
            return &n;
    return nullptr;
}

const MetricRecord* RunRecord::metric(const std::string& node, const std::string& output,
                                      const std::string& name) const {
    for (const MetricRecord& m : metrics)
        if (m.node == node && m.output == output && m.name == name)
            return &m;
    return nullptr;
}

json RunRecord::paramsOf(const std::string& node) const {
    const auto it = parameters.find(node);
    if (it == parameters.end() || !it->is_object())
        return nullptr;
    return it->value("params", json::object());
}

json toJson(const RunRecord& record) {
    json changes = json::array();
    for (const ParamChange& c : record.changes)
        changes.push_back(
            {{"node", c.node}, {"param", c.param}, {"old", c.oldValue}, {"new", c.newValue}});
    json nodes = json::array();
    for (const NodeRecord& n : record.nodes)
        nodes.push_back({{"id", n.id},
                         {"type", n.type},
                         {"title", n.title},
                         {"status", n.status},
                         {"seconds", number(n.seconds)},
                         {"cached", n.cached},
                         {"message", n.message},
                         {"key", n.key}});
    json metrics = json::array();
    for (const MetricRecord& m : record.metrics)
        metrics.push_back(
            {{"node", m.node}, {"output", m.output}, {"name", m.name}, {"value", number(m.value)}});
    json curves = json::array();
    for (const CurveRecord& c : record.curves) {
        json values = json::array();
        for (double v : c.values)
            values.push_back(number(v));
        curves.push_back(
            {{"node", c.node}, {"name", c.name}, {"steps", c.steps}, {"values", values}});
    }
    return {
        {"format", kRunRecordFormat},
        {"version", kRunRecordVersion},
        {"id", record.id},
        {"started", record.started},
        {"ended", record.ended},
        {"seconds", number(record.seconds)},
        {"source", record.source},
        {"status", record.status},
        {"error", record.error},
        {"run_to", record.runTo ? json(*record.runTo) : json(nullptr)},
        {"pipeline",
         {{"name", record.pipelineName},
          {"file", record.pipelineFile},
          {"sha256", record.pipelineSha256}}},
        {"parameters", record.parameters},
        {"previous", record.previous ? json(*record.previous) : json(nullptr)},
        {"changes", changes},
        {"inputs", filesJson(record.inputs, false)},
        {"produced", filesJson(record.produced, true)},
        {"nodes", nodes},
        {"metrics", metrics},
        {"curves", curves},
        {"context", record.context},
    };
}

RunRecord recordFromJson(const json& document, const std::string& file) {
    const Reader top(document, "record", file);
    if (top.text("format") != kRunRecordFormat)
        top.fail(std::string("not a run record (no \"format\": \"") + kRunRecordFormat + "\")");
    const double version = top.real("version");
    if (!std::isfinite(version) || version < 1 || version != std::floor(version))
        top.fail("record.version should be a whole number from 1");
    if (version > kRunRecordVersion)
        top.fail("written by a newer Sluice (record version " +
                 std::to_string(static_cast<long long>(version)) + ", this build reads up to " +
                 std::to_string(kRunRecordVersion) + ")");

    RunRecord r;
    r.id = top.text("id", true);
    if (r.id.empty())
        top.fail("record.id is empty");
    r.started = top.text("started", true);
    r.ended = top.text("ended");
    r.seconds = top.real("seconds");
    r.source = top.text("source");
    r.status = top.text("status", true);
    r.error = top.text("error");
    if (const std::string runTo = top.text("run_to"); !runTo.empty())
        r.runTo = runTo;
    const json pipeline = top.any("pipeline");
    if (!pipeline.is_null()) {
        const Reader p(pipeline, "record.pipeline", file);
        r.pipelineName = p.text("name");
        r.pipelineFile = p.text("file");
        r.pipelineSha256 = p.text("sha256");
    }
    r.parameters = top.any("parameters");
    if (r.parameters.is_null())
        r.parameters = json::object();
    if (!r.parameters.is_object())
        top.fail("record.parameters should be an object");
    if (const std::string previous = top.text("previous"); !previous.empty())
        r.previous = previous;

    const json& changes = top.array("changes");
    for (std::size_t i = 0; i < changes.size(); ++i) {
        const Reader c(changes[i], "record.changes[" + std::to_string(i) + "]", file);
        r.changes.push_back({c.text("node", true), c.text("param"), c.any("old"), c.any("new")});
    }
    r.inputs = filesFrom(top, "inputs", file);
    r.produced = filesFrom(top, "produced", file);

    const json& nodes = top.array("nodes");
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        const Reader n(nodes[i], "record.nodes[" + std::to_string(i) + "]", file);
        r.nodes.push_back({n.text("id", true), n.text("type"), n.text("title"), n.text("status"),
                           n.real("seconds"), n.flag("cached"), n.text("message"), n.text("key")});
    }
    const json& metrics = top.array("metrics");
    for (std::size_t i = 0; i < metrics.size(); ++i) {
        const Reader m(metrics[i], "record.metrics[" + std::to_string(i) + "]", file);
        r.metrics.push_back(
            {m.text("node", true), m.text("output"), m.text("name", true), m.real("value")});
    }
    const json& curves = top.array("curves");
    for (std::size_t i = 0; i < curves.size(); ++i) {
        const std::string where = "record.curves[" + std::to_string(i) + "]";
        const Reader c(curves[i], where, file);
        CurveRecord curve{c.text("node", true), c.text("name", true), {}, {}};
        const json& steps = c.array("steps");
        const json& values = c.array("values");
        if (steps.size() != values.size())
            c.fail(where + ".steps and .values should have the same length");
        for (std::size_t k = 0; k < steps.size(); ++k) {
            if (!steps[k].is_number_integer())
                c.fail(where + ".steps[" + std::to_string(k) + "] should be a whole number");
            if (!values[k].is_number() && !values[k].is_null())
                c.fail(where + ".values[" + std::to_string(k) + "] should be a number");
            curve.steps.push_back(steps[k].get<int>());
            curve.values.push_back(values[k].is_null() ? std::numeric_limits<double>::quiet_NaN()
                                                       : values[k].get<double>());
        }
        r.curves.push_back(std::move(curve));
    }
    r.context = top.any("context");
    if (r.context.is_null())
        r.context = json::object();
    return r;
}

std::string recordToText(const RunRecord& record) {
    const json document = toJson(record);
    try {
        return renderPipelineJson(document);
    } catch (const json::type_error&) {
        // A node message with bytes that are not UTF-8 (a damaged CSV quoted
        // in an error): keep the record, with those bytes replaced.
        return document.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
    }
}

}  // namespace sluice::history
