#include "sweep/sweep_plan.h"

#include <cmath>
#include <cstdio>
#include <random>
#include <set>

namespace sluice::sweep {
namespace {

// mt19937_64's output is fixed by the standard; the mapping to numbers is ours.
double unit(std::mt19937_64& rng) {
    return static_cast<double>(rng() >> 11) * 0x1.0p-53;
}

std::size_t below(std::mt19937_64& rng, std::size_t n) {
    return static_cast<std::size_t>(unit(rng) * static_cast<double>(n)) % n;
}

std::string tooMany(double n, std::size_t cap) {
    char count[32];
    std::snprintf(count, sizeof count, "%.0f", n);
    return std::string("the sweep would run ") + count + " combinations; the limit is " +
           std::to_string(cap) + " (use fewer values, or a random sweep with fewer samples)";
}

// The grid point with row-major index `i` (first axis slowest).
Combination gridPoint(const std::vector<Axis>& axes, std::size_t i) {
    Combination c(axes.size());
    for (std::size_t a = axes.size(); a-- > 0;) {
        const std::size_t n = axes[a].values.size();
        c[a] = axes[a].values[i % n];
        i /= n;
    }
    return c;
}

nlohmann::json sample(const Axis& axis, std::mt19937_64& rng) {
    if (!axis.range)
        return axis.values[below(rng, axis.values.size())];
    const ValueRange& r = *axis.range;
    const double u = unit(rng);
    double v = r.scale == RangeScale::Log
                   ? std::exp(std::log(r.from) + u * (std::log(r.to) - std::log(r.from)))
                   : r.from + u * (r.to - r.from);
    if (axis.integer)
        return static_cast<long long>(std::llround(v));
    return v;
}

}  // namespace

std::vector<Combination> combinations(const SweepSpec& spec) {
    if (spec.axes.empty())
        throw SweepError("a sweep needs at least one parameter to vary");
    std::set<std::string> seen;
    for (const auto& axis : spec.axes)
        if (!seen.insert(axis.label()).second)
            throw SweepError("sweep " + axis.label() + " is given twice; list its values once");

    // The grid size, stopping as soon as it passes the cap (no overflow).
    std::size_t grid = 1;
    double exact = 1;  // for the message only
    bool huge = false;
    for (const auto& axis : spec.axes) {
        exact *= static_cast<double>(axis.values.size());
        grid *= axis.values.size();
        if (grid > spec.maxCombinations) {
            huge = true;
            grid = spec.maxCombinations + 1;
        }
    }

    if (spec.mode == SweepMode::Grid) {
        if (huge)
            throw SweepError(tooMany(exact, spec.maxCombinations));
        std::vector<Combination> out;
        for (std::size_t i = 0; i < grid; ++i)
            out.push_back(gridPoint(spec.axes, i));
        return out;
    }

    if (spec.samples == 0)
        throw SweepError("a random sweep needs a number of samples above 0");
    if (spec.samples > spec.maxCombinations)
        throw SweepError(tooMany(static_cast<double>(spec.samples), spec.maxCombinations));
    std::mt19937_64 rng(spec.seed);
    std::vector<Combination> out;
    bool continuous = false;
    for (const auto& axis : spec.axes)
        continuous = continuous || axis.range.has_value();
    if (!continuous && !huge) {
        // Distinct grid points: a partial Fisher-Yates shuffle of the indices.
        std::vector<std::size_t> order(grid);
        for (std::size_t i = 0; i < grid; ++i)
            order[i] = i;
        const std::size_t n = std::min(spec.samples, grid);
        for (std::size_t i = 0; i < n; ++i) {
            std::swap(order[i], order[i + below(rng, grid - i)]);
            out.push_back(gridPoint(spec.axes, order[i]));
        }
        return out;
    }
    for (std::size_t i = 0; i < spec.samples; ++i) {
        Combination c;
        for (const auto& axis : spec.axes)
            c.push_back(sample(axis, rng));
        out.push_back(std::move(c));
    }
    return out;
}

std::string combinationText(const std::vector<Axis>& axes, const Combination& values) {
    std::string text;
    for (std::size_t a = 0; a < axes.size() && a < values.size(); ++a) {
        bool clash = false;
        for (std::size_t b = 0; b < axes.size(); ++b)
            clash = clash || (b != a && axes[b].param == axes[a].param);
        text += (text.empty() ? "" : ", ") + (clash ? axes[a].label() : axes[a].param) + "=" +
                valueText(values[a]);
    }
    return text;
}

}  // namespace sluice::sweep
