#include "io/json_nesting.h"

#include <vector>

namespace sluice {

namespace {

struct Level {
    bool array = false;
    long index = 0;          // arrays: the element being read
    std::string key;         // objects: the last key read
    bool expectKey = false;  // objects: the next string is a key
};

// The first levels by name; a path thousands of "[0]" long would bury the
// message, so the rest is counted.
std::string pathOf(const std::vector<Level>& levels) {
    constexpr std::size_t kNamed = 8;
    std::string path;
    for (std::size_t i = 0; i < levels.size() && i < kNamed; ++i) {
        const Level& level = levels[i];
        if (level.array) {
            path += "[" + std::to_string(level.index) + "]";
        } else if (!level.key.empty()) {
            if (!path.empty())
                path += '.';
            path += level.key;
        }
    }
    if (levels.size() > kNamed)
        path += " and " + std::to_string(levels.size() - kNamed) + " levels inside it";
    return path;
}

std::string messageFor(int line, int column, const std::string& path, int maxDepth) {
    return "JSON nested deeper than " + std::to_string(maxDepth) + " levels at line " +
           std::to_string(line) + ", column " + std::to_string(column) +
           (path.empty() ? std::string() : ", in " + path);
}

}  // namespace

JsonNestingError::JsonNestingError(int line, int column, std::string path, int maxDepth)
    : std::runtime_error(messageFor(line, column, path, maxDepth)),
      line_(line),
      column_(column),
      path_(std::move(path)) {}

void checkJsonNesting(std::string_view text, int maxDepth) {
    std::vector<Level> levels;
    int line = 1, column = 0;
    const std::size_t n = text.size();
    for (std::size_t i = 0; i < n; ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c == '\n') {
            ++line;
            column = 0;
            continue;
        }
        if ((c & 0xC0) != 0x80)
            ++column;
        switch (c) {
            case '{':
            case '[':
                if (static_cast<int>(levels.size()) >= maxDepth)
                    throw JsonNestingError(line, column, pathOf(levels), maxDepth);
                levels.push_back(Level{c == '[', 0, {}, c == '{'});
                break;
            case '}':
            case ']':
                if (!levels.empty())
                    levels.pop_back();
                break;
            case ',':
                if (!levels.empty()) {
                    if (levels.back().array)
                        ++levels.back().index;
                    else
                        levels.back().expectKey = true;
                }
                break;
            case '"': {
                // Skip the string; keep it when it is an object's key. Keys are
                // kept raw (escapes as written): they only name a place. A
                // string broken by a newline or the end is the parser's to report.
                std::size_t j = i + 1;
                while (j < n && text[j] != '"' && text[j] != '\n')
                    j += text[j] == '\\' && j + 1 < n && text[j + 1] != '\n' ? 2 : 1;
                for (std::size_t k = i + 1; k < j; ++k)
                    if ((static_cast<unsigned char>(text[k]) & 0xC0) != 0x80)
                        ++column;
                if (!levels.empty() && levels.back().expectKey) {
                    levels.back().key.assign(text.substr(i + 1, j - i - 1));
                    levels.back().expectKey = false;
                }
                if (j < n && text[j] == '"') {
                    ++column;
                    i = j;
                } else {
                    i = j - 1;  // the loop reads the newline next
                }
                break;
            }
            default:
                break;
        }
    }
}

}  // namespace sluice
