// Sweep axes: which parameter of which node a sweep varies, and over which
// values. No Qt: the GUI, sluice-run and tests share it.
//
// Text syntax of an axis's values (parseAxisValues), the same in the GUI's
// Sweep dialog and in `sluice-run --sweep NODE.PARAM=VALUES`:
//   1,2,4              a list; each item is read as JSON when it parses,
//   gini,entropy       else as plain text (so choices need no quotes)
//   1..10:4            FROM..TO with a count: 4 evenly spaced values
//   0.001..0.1:log:5   5 values evenly spaced on a log scale
//   2..20:step:3       FROM, FROM+3, ... up to TO (TO included when hit)
//   1..1000:log:step:10  FROM, FROM*10, ... up to TO
// Contract:
// - Every problem throws SweepError with a message that names the text (and,
//   from makeAxis, the node and parameter) at fault.
// - makeAxis checks the values against the parameter's ParamSpec: only int,
//   float, choice and bool parameters can be axes; a range only for int and
//   float; a range over an int parameter is rounded to whole numbers
//   (duplicates dropped), a listed value must already be whole. Values keep
//   their order, duplicates are dropped, at most kMaxAxisValues.
#pragma once

#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "graph/graph.h"
#include "nodes/node_registry.h"

namespace sluice::sweep {

class SweepError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

inline constexpr std::size_t kMaxAxisValues = 1000;

enum class RangeScale { Linear, Log };

// FROM..TO with either a count (>= 1) or a step (> 0; a factor > 1 on a log
// scale).
struct ValueRange {
    double from = 0, to = 0;
    RangeScale scale = RangeScale::Linear;
    int count = 0;
    double step = 0;
};

// What was typed for an axis: a list, or a range.
struct AxisValues {
    std::vector<nlohmann::json> list;
    std::optional<ValueRange> range;
};

AxisValues parseAxisValues(std::string_view text);
// The range's values, FROM first. Throws SweepError for a log range that
// touches zero or negatives, a bad count or step, or too many values.
std::vector<double> rangeValues(const ValueRange& range);

struct Axis {
    std::string node;   // node id
    std::string param;  // parameter name
    std::vector<nlohmann::json> values;
    std::optional<ValueRange> range;  // given as a range: random sweeps sample inside it
    bool integer = false;             // an int parameter: samples are rounded

    std::string label() const { return node + "." + param; }
};

Axis makeAxis(const Graph& graph, const NodeRegistry& registry, const std::string& node,
              const std::string& param, const AxisValues& values);

// A value as the tables show it: 3, 0.01, gini, true.
std::string valueText(const nlohmann::json& value);

}  // namespace sluice::sweep
