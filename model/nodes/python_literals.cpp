#include "nodes/python_literals.h"

#include <cctype>
#include <sstream>

namespace sluice::python_export {

std::string pyValue(const nlohmann::json& value) {
    if (value.is_null())
        return "None";
    if (value.is_boolean())
        return value.get<bool>() ? "True" : "False";
    if (value.is_string())
        return pyString(value.get<std::string>());
    if (value.is_array()) {
        std::string out = "[";
        for (std::size_t i = 0; i < value.size(); ++i)
            out += (i ? ", " : "") + pyValue(value[i]);
        return out + "]";
    }
    if (value.is_object()) {
        std::string out = "{";
        bool first = true;
        for (const auto& [key, v] : value.items()) {
            out += (first ? "" : ", ") + pyString(key) + ": " + pyValue(v);
            first = false;
        }
        return out + "}";
    }
    // Numbers: JSON's spelling is Python's too (1, 0.25, 1e-07); a float
    // that JSON would write without a point keeps one, so it stays a float.
    std::string text = value.dump();
    if (value.is_number_float() && text.find_first_of(".eEn") == std::string::npos)
        text += ".0";
    return text;
}

std::string pyString(const std::string& text) {
    return nlohmann::json(text).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string pyIdentifier(const std::string& text) {
    std::string out;
    for (unsigned char c : text)
        out += std::isalnum(c) || c == '_' ? static_cast<char>(c) : '_';
    if (out.empty() || std::isdigit(static_cast<unsigned char>(out.front())))
        out.insert(out.begin(), '_');
    return out;
}

std::string pyWrappedCall(const std::string& line, std::size_t width) {
    if (line.size() <= width)
        return line;
    std::string out, current;
    int depth = 0;
    bool quoted = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        current += c;
        if (c == '"' && (i == 0 || line[i - 1] != '\\'))
            quoted = !quoted;
        if (quoted)
            continue;
        depth += c == '(' || c == '[' ? 1 : c == ')' || c == ']' ? -1 : 0;
        // Break after the call's own "(" and after its top-level commas.
        if ((c == '(' && depth == 1 && out.empty()) ||
            (c == ',' && depth == 1 && i + 1 < line.size() && line[i + 1] == ' ')) {
            out += current + "\n    ";
            current.clear();
            if (c == ',')
                ++i;  // the space after the comma
        }
    }
    return out + current;
}

std::string pyComment(const std::string& text, std::size_t width) {
    std::string out, line = "#";
    std::istringstream words(text);
    std::string word;
    while (words >> word) {
        if (line.size() > 1 && line.size() + 1 + word.size() > width) {
            out += line + "\n";
            line = "#";
        }
        line += " " + word;
    }
    return out + line + "\n";
}

}  // namespace sluice::python_export
