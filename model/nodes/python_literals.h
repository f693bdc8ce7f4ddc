// Python source spelling of values, for node types' Python translations
// (python_context.h) and the exporter.
//
// - pyValue: a JSON value as a Python literal (None, True/False, numbers as
//   JSON writes them, which Python reads back the same, strings in double
//   quotes with JSON escapes, which Python reads the same; lists and dicts).
// - pyString: a text as a Python string literal.
// - pyIdentifier: a text made a valid identifier ("n1-b" -> "n1_b"; a
//   leading digit gets a '_' in front).
// - pyWrappedCall: "name = Call(a, b, ...)" broken after commas that sit
//   directly inside the call's parentheses, when longer than `width`, with
//   the arguments indented by four spaces.
// - pyComment: a text as comment lines "# ...", wrapped at `width`, with no
//   line break inside a comment that would end it.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

namespace sluice::python_export {

std::string pyValue(const nlohmann::json& value);
std::string pyString(const std::string& text);
std::string pyIdentifier(const std::string& text);
std::string pyComment(const std::string& text, std::size_t width = 78);
std::string pyWrappedCall(const std::string& line, std::size_t width = 88);

}  // namespace sluice::python_export
