#include "ml/preprocessing/feature_selection.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <numeric>

#include "ml/core/ml_errors.h"
#include "ml/core/random.h"
#include "ml/stats/special_functions.h"

namespace sluice::ml {
namespace {

constexpr double kNoP = std::numeric_limits<double>::quiet_NaN();

// Class index per row of a categorical or text target.
std::vector<std::size_t> classesOf(const Column& y, std::size_t& count) {
    std::map<std::string, std::size_t> index;
    std::vector<std::size_t> out(y.size());
    for (std::size_t r = 0; r < y.size(); ++r)
        out[r] = index.try_emplace(y.displayValue(r), index.size()).first->second;
    count = index.size();
    return out;
}

}  // namespace

FeatureSelection::FeatureSelection(std::vector<FeatureScore> scores) : scores_(std::move(scores)) {
    for (const FeatureScore& s : scores_)
        if (!s.selected)
            dropped_.push_back(s.feature);
}

TablePtr FeatureSelection::apply(const Table& table) const {
    std::vector<Column> kept;
    for (const Column& c : table.columns())
        if (std::find(dropped_.begin(), dropped_.end(), c.name()) == dropped_.end())
            kept.push_back(c);
    return Table::make(std::move(kept));
}

nlohmann::json FeatureSelection::toJson() const {
    return {{"kind", "feature_selection"}, {"dropped", dropped_}};
}

std::unique_ptr<TableTransform> loadFeatureSelection(const nlohmann::json& j) {
    // The file holds the choice only: the dropped features, without scores.
    std::vector<FeatureScore> scores;
    for (const std::string& name : j.at("dropped").get<std::vector<std::string>>())
        scores.push_back({name, kNoP, kNoP, false});
    return std::make_unique<FeatureSelection>(std::move(scores));
}

double mutualInformation(std::span<const double> x, const std::vector<std::size_t>& classes,
                         int neighbours) {
    const std::size_t n = x.size();
    std::size_t count = 0;
    for (std::size_t c : classes)
        count = std::max(count, c + 1);
    std::vector<std::vector<double>> byClass(count);
    for (std::size_t r = 0; r < n; ++r)
        byClass[classes[r]].push_back(x[r]);
    for (auto& values : byClass)
        std::sort(values.begin(), values.end());
    // Rows of classes with a single row are left out, as scikit-learn does.
    std::vector<double> kept;
    for (std::size_t r = 0; r < n; ++r)
        if (byClass[classes[r]].size() > 1)
            kept.push_back(x[r]);
    std::sort(kept.begin(), kept.end());
    const double m = static_cast<double>(kept.size());
    if (kept.size() < 2)
        return 0;
    double sumK = 0, sumLabels = 0, sumM = 0;
    for (std::size_t r = 0; r < n; ++r) {
        const std::vector<double>& mine = byClass[classes[r]];
        if (mine.size() < 2)
            continue;
        const std::size_t k =
            std::min<std::size_t>(static_cast<std::size_t>(neighbours), mine.size() - 1);
        // The k-th nearest distance within the class: walk out from the row's
        // place in the sorted values, the nearer side first.
        const auto at = static_cast<std::size_t>(std::lower_bound(mine.begin(), mine.end(), x[r]) -
                                                 mine.begin());
        std::ptrdiff_t left = static_cast<std::ptrdiff_t>(at) - 1;
        std::size_t right = at + 1;
        double distance = 0;
        for (std::size_t step = 0; step < k; ++step) {
            const double dl = left >= 0 ? x[r] - mine[static_cast<std::size_t>(left)]
                                        : std::numeric_limits<double>::infinity();
            const double dr =
                right < mine.size() ? mine[right] - x[r] : std::numeric_limits<double>::infinity();
            if (dl <= dr) {
                distance = dl;
                --left;
            } else {
                distance = dr;
                ++right;
            }
        }
        // Points of any class strictly closer than that (the radius just
        // below the distance), the row itself included.
        const double radius = std::nextafter(distance, 0.0);
        // x ± radius rounds (the radius can be 1e-10 next to values near 1),
        // so the bounds are mended by the distances themselves.
        const auto within = [&](double v) { return std::abs(v - x[r]) <= radius; };
        auto lo = std::lower_bound(kept.begin(), kept.end(), x[r] - radius);
        auto hi = std::upper_bound(kept.begin(), kept.end(), x[r] + radius);
        while (lo != kept.begin() && within(*(lo - 1)))
            --lo;
        while (lo != hi && !within(*lo))
            ++lo;
        while (hi != kept.end() && within(*hi))
            ++hi;
        while (hi != lo && !within(*(hi - 1)))
            --hi;
        sumK += digamma(static_cast<double>(k));
        sumLabels += digamma(static_cast<double>(mine.size()));
        sumM += digamma(static_cast<double>(hi - lo));
    }
    const double mi = digamma(m) + sumK / m - sumLabels / m - sumM / m;
    return std::max(0.0, mi);
}

std::vector<FeatureScore> scoreFeatures(const Table& train,
                                        const std::vector<std::string>& features,
                                        const std::string& target, SelectionMethod method,
                                        double threshold, std::size_t k, std::uint64_t seed) {
    const std::size_t n = train.rowCount();
    std::vector<FeatureScore> scores;
    std::vector<std::span<const double>> x;
    for (const std::string& name : features) {
        const Column& c = train.column(name);
        if (c.kind() != ColumnKind::Numeric)
            throw MisuseError("select features: column '" + name + "' is " +
                              std::string(kindName(c.kind())) + ", not numeric");
        for (std::size_t r = 0; r < n; ++r)
            if (std::isnan(c.numbers()[r]))
                throw MisuseError("select features: column '" + name +
                                  "' has missing values (row " + std::to_string(r + 1) +
                                  "); impute them first");
        x.push_back(c.numbers());
        scores.push_back({name, 0, kNoP, false});
    }
    if (n < 2)
        throw MisuseError("select features: the table has " + std::to_string(n) +
                          " rows; at least 2 are needed");

    if (method == SelectionMethod::Variance) {
        for (std::size_t j = 0; j < x.size(); ++j) {
            const double mean = std::accumulate(x[j].begin(), x[j].end(), 0.0) / double(n);
            double ss = 0;
            for (double v : x[j])
                ss += (v - mean) * (v - mean);
            scores[j].score = ss / double(n);
            scores[j].selected = scores[j].score > threshold;
        }
        return scores;
    }

    const auto targetAt = train.indexOf(target);
    if (!targetAt)
        throw MisuseError("select features: the table has no target column '" + target + "'");
    const Column& y = train.column(*targetAt);
    for (std::size_t r = 0; r < n; ++r)
        if (y.isMissing(r))
            throw MisuseError("select features: the target '" + target +
                              "' has missing values (row " + std::to_string(r + 1) + ")");
    const bool classes = y.kind() != ColumnKind::Numeric;
    if ((method == SelectionMethod::ChiSquare || method == SelectionMethod::MutualInformation) &&
        !classes)
        throw MisuseError(
            std::string("select features: ") +
            (method == SelectionMethod::ChiSquare ? "chi-square" : "mutual information") +
            " needs a class target; '" + target + "' is numeric (use anova_f)");

    if (classes) {
        std::size_t count = 0;
        const std::vector<std::size_t> cls = classesOf(y, count);
        if (count < 2)
            throw MisuseError("select features: the target '" + target + "' has one class");
        std::vector<double> size(count, 0);
        for (std::size_t c : cls)
            size[c] += 1;
        if (method == SelectionMethod::MutualInformation) {
            Rng rng(seed);
            for (std::size_t j = 0; j < x.size(); ++j) {
                // Unit variance (no centring), then a jitter that breaks ties.
                const double mean = std::accumulate(x[j].begin(), x[j].end(), 0.0) / double(n);
                double ss = 0, absolute = 0;
                for (double v : x[j])
                    ss += (v - mean) * (v - mean);
                const double sd = std::sqrt(ss / double(n));
                std::vector<double> scaled(x[j].begin(), x[j].end());
                for (double& v : scaled) {
                    if (sd > 0)
                        v /= sd;
                    absolute += std::abs(v);
                }
                const double noise = 1e-10 * std::max(1.0, absolute / double(n));
                for (double& v : scaled)
                    v += noise * rng.normal();
                scores[j].score = mutualInformation(scaled, cls);
            }
        }
        for (std::size_t j = 0; j < x.size() && method != SelectionMethod::MutualInformation; ++j) {
            std::vector<double> sum(count, 0);
            double total = 0;
            for (std::size_t r = 0; r < n; ++r) {
                if (method == SelectionMethod::ChiSquare && x[j][r] < 0)
                    throw MisuseError("select features: chi-square needs values of at least 0; '" +
                                      features[j] + "' has " + std::to_string(x[j][r]) +
                                      " in row " + std::to_string(r + 1));
                sum[cls[r]] += x[j][r];
                total += x[j][r];
            }
            if (method == SelectionMethod::ChiSquare) {
                double chi = 0;
                for (std::size_t c = 0; c < count; ++c) {
                    const double expected = size[c] / double(n) * total;
                    if (expected > 0)
                        chi += (sum[c] - expected) * (sum[c] - expected) / expected;
                }
                scores[j].score = chi;
                scores[j].pValue = chiSquareSurvival(chi, double(count - 1));
                continue;
            }
            const double mean = total / double(n);
            double between = 0, within = 0;
            for (std::size_t c = 0; c < count; ++c)
                between += size[c] * (sum[c] / size[c] - mean) * (sum[c] / size[c] - mean);
            for (std::size_t r = 0; r < n; ++r) {
                const double d = x[j][r] - sum[cls[r]] / size[cls[r]];
                within += d * d;
            }
            const double d1 = double(count - 1), d2 = double(n - count);
            const double f = (between / d1) / (within / d2);
            scores[j].score = f;
            scores[j].pValue = fSurvival(f, d1, d2);
        }
    } else {
        const std::span<const double> t = y.numbers();
        const double tm = std::accumulate(t.begin(), t.end(), 0.0) / double(n);
        double tss = 0;
        for (double v : t)
            tss += (v - tm) * (v - tm);
        for (std::size_t j = 0; j < x.size(); ++j) {
            const double xm = std::accumulate(x[j].begin(), x[j].end(), 0.0) / double(n);
            double xy = 0, xss = 0;
            for (std::size_t r = 0; r < n; ++r) {
                xy += (x[j][r] - xm) * (t[r] - tm);
                xss += (x[j][r] - xm) * (x[j][r] - xm);
            }
            const double corr = xy / std::sqrt(xss * tss);
            const double f = corr * corr / (1 - corr * corr) * double(n - 2);
            scores[j].score = f;
            scores[j].pValue = fSurvival(f, 1, double(n - 2));
        }
    }
    // The k highest, ties to the later feature (a stable ascending sort, then
    // the last k), NaN scores lowest.
    std::vector<std::size_t> order(scores.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        const double x1 = scores[a].score, x2 = scores[b].score;
        if (std::isnan(x1) || std::isnan(x2))
            return std::isnan(x1) && !std::isnan(x2);
        return x1 < x2;
    });
    const std::size_t keep = std::min(k, order.size());
    for (std::size_t i = order.size() - keep; i < order.size(); ++i)
        scores[order[i]].selected = true;
    return scores;
}

}  // namespace sluice::ml
