#include "pipeline_io/pipeline_file.h"

#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "io/atomic_file.h"
#include "io/json_nesting.h"
#include "pipeline_io/pipeline_json.h"
#include "pipeline_io/pipeline_migrations.h"
#include "pipeline_io/pipeline_paths.h"
#include "pipeline_io/pipeline_reader.h"

namespace sluice {
namespace {

using Json = nlohmann::json;
namespace fs = std::filesystem;

// Whole numbers are written without a fraction ("[120, -40]"), which reads
// better and loads back to the same double.
Json coordinate(double v) {
    if (!std::isfinite(v))
        return 0;
    if (v == std::floor(v) && std::abs(v) <= 9007199254740992.0)  // 2^53
        return static_cast<long long>(v);
    return v;
}

Json toDocument(const Graph& graph, const std::string& baseDirectory,
                const NodeRegistry& registry) {
    Json nodes = Json::array();
    for (const auto& n : graph.nodes())
        nodes.push_back({{"id", n.id},
                         {"type", n.type},
                         {"title", n.title},
                         {"position", Json::array({coordinate(n.x), coordinate(n.y)})},
                         {"params", convertPathParams(registry.find(n.type), n.params,
                                                      baseDirectory, &pathForFile)}});
    Json edges = Json::array();
    for (const auto& e : graph.edges())
        edges.push_back({{"from", Json::array({e.from.node, e.from.port})},
                         {"to", Json::array({e.to.node, e.to.port})}});
    return {{"format", std::string(kPipelineFormatName)},
            {"version", kPipelineFormatVersion},
            {"meta", graph.meta.is_object() ? graph.meta : Json::object()},
            {"nodes", std::move(nodes)},
            {"edges", std::move(edges)}};
}

// Where the text went wrong, for the message of a failed save.
std::string invalidTextPlace(const Graph& graph) {
    auto bad = [](const Json& v) {
        try {
            (void)v.dump();
            return false;
        } catch (const Json::type_error&) {
            return true;
        }
    };
    for (const auto& n : graph.nodes())
        if (bad(n.id) || bad(n.type) || bad(n.title) || bad(n.params))
            return "node '" + n.id + "'";
    return "the pipeline's metadata or edges";
}

// The reason in nlohmann's message, without its own prefix and position
// (which counts differently from ours).
std::string parseReason(const Json::parse_error& e) {
    const std::string what = e.what();
    const auto at = what.find("parse error");
    const auto colon = what.find(": ", at == std::string::npos ? 0 : at);
    return colon == std::string::npos ? what : what.substr(colon + 2);
}

Json parse(std::string_view text, const std::string& name) {
    try {
        checkJsonNesting(text);
        return Json::parse(text);
    } catch (const JsonNestingError& e) {
        throw PipelineFileError("'" + name + "' cannot be read: " + e.what());
    } catch (const Json::parse_error& e) {
        const TextPosition at = textPositionOfByte(text, e.byte);
        throw PipelineFileError("'" + name + "' is not valid JSON (line " +
                                std::to_string(at.line) + ", column " + std::to_string(at.column) +
                                "): " + parseReason(e));
    } catch (const Json::exception& e) {
        // A number too large for a double ("1e400") is an out_of_range, not a
        // parse_error, and carries no position.
        const std::string what = e.what();
        const auto bracket = what.find("] ");
        throw PipelineFileError("'" + name + "' is not valid JSON: " +
                                (bracket == std::string::npos ? what : what.substr(bracket + 2)));
    }
}

// The document's format version; throws for anything that is not a pipeline
// this build can read.
int formatVersion(const Json& doc, const std::string& name) {
    const std::string file = "'" + name + "'";
    if (!doc.is_object())
        throw PipelineFileError(
            file + " is not a Sluice pipeline: expected a JSON object at the top, found " +
            doc.type_name());
    if (!doc.contains("format")) {
        // Version 0 files carried a marker of their own instead.
        const auto legacy = doc.find("sluice_pipeline");
        if (legacy != doc.end() && legacy->is_number_integer() && *legacy == 0)
            return 0;
        throw PipelineFileError(file +
                                " is not a Sluice pipeline: the \"format\" field is missing");
    }
    const Json& format = doc["format"];
    if (!format.is_string() || format.get<std::string>() != kPipelineFormatName)
        throw PipelineFileError(file + " is not a Sluice pipeline: \"format\" is " + format.dump() +
                                ", expected \"" + std::string(kPipelineFormatName) + "\"");
    const auto version = doc.find("version");
    if (version == doc.end())
        throw PipelineFileError(file + " has no \"version\" field, so it cannot be read safely");
    if (!version->is_number_integer())
        throw PipelineFileError(file + ": \"version\" must be a whole number, not " +
                                version->dump());
    // Compared as a double so that huge unsigned values count as newer.
    const double v = version->get<double>();
    if (v > kPipelineFormatVersion)
        throw PipelineFileError(file + " was saved by a newer Sluice (pipeline format version " +
                                version->dump() + "); this build reads versions up to " +
                                std::to_string(kPipelineFormatVersion) + ": please update Sluice");
    if (v < 0)
        throw PipelineFileError(file + ": unknown pipeline format version " + version->dump());
    return static_cast<int>(v);
}

std::string folderOf(const std::string& path) {
    return fs::absolute(fs::path(path)).lexically_normal().parent_path().string();
}

}  // namespace

std::string pipelineToText(const Graph& graph, const std::string& baseDirectory,
                           const NodeRegistry& registry) {
    try {
        return renderPipelineJson(toDocument(graph, baseDirectory, registry));
    } catch (const Json::type_error&) {
        throw PipelineFileError("the text of " + invalidTextPlace(graph) +
                                " is not valid UTF-8, so it cannot be written");
    }
}

void savePipeline(const Graph& graph, const std::string& path, const NodeRegistry& registry) {
    std::string text;
    try {
        // Rendered in full before the file is touched: a graph that cannot
        // be written leaves the old file as it was.
        text = pipelineToText(graph, folderOf(path), registry);
        AtomicFileWriter out(path);
        out.write(text);
        out.commit();
    } catch (const PipelineFileError& e) {
        throw PipelineFileError("cannot save '" + path + "': " + e.what() +
                                " (any previous version of the file is unchanged)");
    } catch (const std::exception& e) {
        throw PipelineFileError(e.what());  // AtomicFileWriter names the path and reason
    }
}

PipelineLoadResult pipelineFromText(std::string_view text, const std::string& baseDirectory,
                                    const NodeRegistry& registry, const std::string& name) {
    Json doc = parse(text, name);
    const int version = formatVersion(doc, name);
    PipelineLoadResult result;
    migratePipeline(doc, version, result.warnings);
    readPipelineDocument(doc, baseDirectory, registry, result);
    return result;
}

PipelineLoadResult loadPipeline(const std::string& path, const NodeRegistry& registry) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        std::error_code ec;
        throw PipelineFileError("cannot open '" + path + "': " +
                                (fs::exists(path, ec) ? "it cannot be read" : "no such file"));
    }
    std::ostringstream bytes;
    bytes << in.rdbuf();
    if (in.bad())
        throw PipelineFileError("cannot read '" + path + "'");
    return pipelineFromText(bytes.str(), folderOf(path), registry, path);
}

}  // namespace sluice
