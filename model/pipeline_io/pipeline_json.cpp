#include "pipeline_io/pipeline_json.h"

#include <algorithm>

namespace sluice {
namespace {

bool isPlain(const nlohmann::json& v) {
    return !v.is_object() && !v.is_array();
}

std::string scalar(const nlohmann::json& v) {
    return v.dump(-1, ' ', false, nlohmann::json::error_handler_t::strict);
}

void render(const nlohmann::json& v, std::size_t indent, std::string& out) {
    const std::string inner(indent + 2, ' ');
    if (v.is_object()) {
        if (v.empty()) {
            out += "{}";
            return;
        }
        out += "{\n";
        bool first = true;
        for (const auto& [key, value] : v.items()) {
            out += first ? "" : ",\n";
            first = false;
            out += inner + scalar(nlohmann::json(key)) + ": ";
            render(value, indent + 2, out);
        }
        out += "\n" + std::string(indent, ' ') + "}";
    } else if (v.is_array()) {
        if (v.empty()) {
            out += "[]";
            return;
        }
        // Short lists of values (positions, endpoints, column lists) read
        // best on one line; nested structure gets a line per element.
        const bool oneLine = std::all_of(v.begin(), v.end(), isPlain);
        out += oneLine ? "[" : "[\n";
        bool first = true;
        for (const auto& element : v) {
            out += first ? "" : (oneLine ? ", " : ",\n");
            first = false;
            if (!oneLine)
                out += inner;
            render(element, indent + 2, out);
        }
        out += oneLine ? "]" : "\n" + std::string(indent, ' ') + "]";
    } else {
        out += scalar(v);
    }
}

}  // namespace

std::string renderPipelineJson(const nlohmann::json& document) {
    std::string out;
    render(document, 0, out);
    out += '\n';
    return out;
}

TextPosition textPositionOfByte(std::string_view text, std::size_t byte) {
    TextPosition at;
    const std::size_t end = std::min(byte > 0 ? byte - 1 : 0, text.size());
    for (std::size_t i = 0; i < end; ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c == '\n') {
            ++at.line;
            at.column = 1;
        } else if ((c & 0xC0) != 0x80) {  // UTF-8 continuation bytes add no column
            ++at.column;
        }
    }
    return at;
}

}  // namespace sluice
