#pragma once
// A nesting limit for JSON text from outside the program: pipeline files,
// model files, run records, the clipboard, command-line values. nlohmann's
// parser accepts any depth, but copying, printing or destroying the value it
// builds recurses once per level, so text nested a few hundred thousand deep
// overflows the stack. checkJsonNesting scans the text once, before any
// parser sees it, and refuses it with the place where it went too deep.
//
// The scan only counts brackets outside strings; it does not validate the
// JSON (the parser does that next), and malformed text never makes it throw
// anything but JsonNestingError.
#include <stdexcept>
#include <string>
#include <string_view>

namespace sluice {

// Deep enough for any document Sluice writes (pipelines nest about six
// levels) and far from the stack's limit on every platform.
inline constexpr int kJsonMaxDepth = 512;

class JsonNestingError : public std::runtime_error {
public:
    JsonNestingError(int line, int column, std::string path, int maxDepth);
    // 1-based; columns count characters (UTF-8 continuation bytes add none).
    int line() const { return line_; }
    int column() const { return column_; }
    // Where the nesting went too deep, as keys and indexes from the top:
    // "nodes[0].params.path" ("" for nesting at the top itself).
    const std::string& path() const { return path_; }

private:
    int line_;
    int column_;
    std::string path_;
};

// Throws JsonNestingError when arrays and objects nest deeper than maxDepth.
// what() reads e.g. "JSON nested deeper than 512 levels at line 1, column 530,
// in nodes[0].params.path"; callers prefix the file or field it came from.
void checkJsonNesting(std::string_view text, int maxDepth = kJsonMaxDepth);

}  // namespace sluice
