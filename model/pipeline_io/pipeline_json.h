// JSON text helpers for pipeline files: a stable, diff-friendly writer and
// the position of a parse error.
//
// renderPipelineJson(): objects one key per line in sorted order (as
// nlohmann::json keeps them), 2-space indentation, arrays holding only plain
// values (numbers, strings, booleans, null) on one line, everything else
// expanded; scalars use nlohmann's shortest round-trip form; a trailing
// newline. Equal documents give equal bytes on every platform. Throws
// nlohmann::json::type_error for strings that are not valid UTF-8.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace sluice {

std::string renderPipelineJson(const nlohmann::json& document);

struct TextPosition {
    std::size_t line = 1;    // 1-based
    std::size_t column = 1;  // 1-based, in characters (UTF-8 sequences count once)
};

// The position of the byte nlohmann's parse_error::byte points at (the
// 1-based count of bytes read when the error was found).
TextPosition textPositionOfByte(std::string_view text, std::size_t byte);

}  // namespace sluice
