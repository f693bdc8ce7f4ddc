#include "app/runner/sweep_report.h"

#include <cmath>
#include <cstdio>

namespace sluice::runner {
std::string formatMetric(double v) {
    if (!std::isfinite(v))
        return "-";
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.4g", v);
    return buf;
}

namespace {

std::string nodeOf(const std::string& column) {
    return column.substr(0, column.find('.'));
}

std::string pad(const std::string& s, std::size_t width, bool right) {
    if (s.size() >= width)
        return s;
    const std::string fill(width - s.size(), ' ');
    return right ? fill + s : s + fill;
}

}  // namespace

std::string sweepTable(const sweep::SweepResult& result, const sweep::SweepGraph& plan,
                       const std::optional<sweep::MetricChoice>& metric,
                       std::optional<std::size_t> best) {
    std::vector<std::string> metrics;
    if (metric) {
        metrics.push_back(metric->column);
        for (const auto& m : result.metrics)
            if (metrics.size() <= kExtraColumns && m != metric->column &&
                nodeOf(m) == nodeOf(metric->column))
                metrics.push_back(m);
    }
    std::vector<std::vector<std::string>> cells;
    std::vector<std::string> header{"#"};
    for (const auto& axis : plan.axes)
        header.push_back(axis.param);
    header.push_back("status");
    for (const auto& m : metrics)
        header.push_back(m);
    cells.push_back(header);
    for (std::size_t r = 0; r < result.rows.size(); ++r) {
        const auto& row = result.rows[r];
        std::vector<std::string> line{std::to_string(r + 1) + (best == r ? "*" : "")};
        for (const auto& v : row.values)
            line.push_back(sweep::valueText(v));
        line.emplace_back(engine::statusName(row.status));
        for (const auto& m : metrics) {
            const auto it = row.metrics.find(m);
            line.push_back(it == row.metrics.end() ? "-" : formatMetric(it->second));
        }
        cells.push_back(std::move(line));
    }
    std::vector<std::size_t> width(header.size(), 0);
    for (const auto& line : cells)
        for (std::size_t c = 0; c < line.size(); ++c)
            width[c] = std::max(width[c], line[c].size());
    const std::size_t firstMetric = header.size() - metrics.size();
    std::string out;
    for (const auto& line : cells) {
        std::string text;
        for (std::size_t c = 0; c < line.size(); ++c)
            text += (c ? "  " : "") + pad(line[c], width[c], c == 0 || c >= firstMetric);
        while (!text.empty() && text.back() == ' ')
            text.pop_back();
        out += text + '\n';
    }
    for (std::size_t r = 0; r < result.rows.size(); ++r)
        if (!result.rows[r].message.empty())
            out += "  row " + std::to_string(r + 1) + ": " + result.rows[r].message + '\n';
    return out;
}

std::string bestLine(const sweep::SweepResult& result, const sweep::SweepGraph& plan,
                     const sweep::MetricChoice& metric, std::size_t best) {
    const auto& row = result.rows.at(best);
    return "best: " + sweep::combinationText(plan.axes, row.values) + " (row " +
           std::to_string(best + 1) + "): " + metric.column + " " +
           formatMetric(row.metrics.at(metric.column)) +
           (metric.goal == sweep::MetricGoal::Maximize ? " (higher is better)"
                                                       : " (lower is better)");
}

nlohmann::json sweepJson(const sweep::SweepResult& result, const sweep::SweepSpec& spec,
                         const std::optional<sweep::MetricChoice>& metric,
                         std::optional<std::size_t> best) {
    auto finite = [](double v) { return std::isfinite(v) ? nlohmann::json(v) : nlohmann::json(); };
    nlohmann::json j;
    const bool random = spec.mode == sweep::SweepMode::Random;
    j["mode"] = random ? "random" : "grid";
    if (random)
        j["seed"] = spec.seed;
    j["axes"] = nlohmann::json::array();
    for (const auto& axis : spec.axes)
        j["axes"].push_back({{"node", axis.node}, {"param", axis.param}, {"values", axis.values}});
    j["metric"] = metric ? nlohmann::json(metric->column) : nlohmann::json();
    j["goal"] = metric ? nlohmann::json(metric->goal == sweep::MetricGoal::Maximize ? "max" : "min")
                       : nlohmann::json();
    j["best"] = best ? nlohmann::json(*best + 1) : nlohmann::json();
    j["rows"] = nlohmann::json::array();
    for (const auto& row : result.rows) {
        nlohmann::json r;
        r["values"] = nlohmann::json::object();
        for (std::size_t a = 0; a < spec.axes.size() && a < row.values.size(); ++a)
            r["values"][spec.axes[a].label()] = row.values[a];
        r["status"] = std::string(engine::statusName(row.status));
        r["message"] = row.message;
        r["seconds"] = row.seconds;
        r["metrics"] = nlohmann::json::object();
        for (const auto& [name, v] : row.metrics)
            r["metrics"][name] = finite(v);
        j["rows"].push_back(std::move(r));
    }
    return j;
}

}  // namespace sluice::runner
