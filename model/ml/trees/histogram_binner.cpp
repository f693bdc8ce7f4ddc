#include "ml/trees/histogram_binner.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "ml/core/random.h"
#include "util/parallel_for.h"

namespace sluice::ml {
namespace {

// Above this many rows the quantiles come from a subsample: the thresholds
// barely move and sorting every column of a large table would dominate.
constexpr Eigen::Index kSubsample = 200000;

std::vector<double> thresholdsOf(std::vector<double> values, int maxBins) {
    std::sort(values.begin(), values.end());
    std::vector<double> distinct;
    for (double v : values)
        if (distinct.empty() || v != distinct.back())
            distinct.push_back(v);
    std::vector<double> out;
    if (static_cast<int>(distinct.size()) <= maxBins) {
        for (std::size_t k = 1; k < distinct.size(); ++k)
            out.push_back(0.5 * (distinct[k - 1] + distinct[k]));
        return out;
    }
    // numpy.percentile(values, 100 * q / maxBins, method="midpoint").
    const double last = static_cast<double>(values.size() - 1);
    for (int q = 1; q < maxBins; ++q) {
        const double position = static_cast<double>(q) / maxBins * last;
        const auto lo = static_cast<std::size_t>(std::floor(position));
        const auto hi = static_cast<std::size_t>(std::ceil(position));
        const double t = 0.5 * (values[lo] + values[hi]);
        // A threshold at the maximum would leave its upper bin empty.
        if ((out.empty() || t > out.back()) && t < distinct.back())
            out.push_back(t);
    }
    return out;
}

}  // namespace

BinMapper BinMapper::fit(const Eigen::MatrixXd& X, int maxBins, std::uint64_t seed,
                         unsigned threads) {
    std::vector<Eigen::Index> rows(static_cast<std::size_t>(X.rows()));
    std::iota(rows.begin(), rows.end(), Eigen::Index{0});
    if (X.rows() > kSubsample) {
        Rng rng(seed);
        // Partial Fisher-Yates: the first kSubsample entries are a uniform
        // sample without replacement.
        for (std::size_t i = 0; i < static_cast<std::size_t>(kSubsample); ++i)
            std::swap(rows[i], rows[i + rng.below(rows.size() - i)]);
        rows.resize(static_cast<std::size_t>(kSubsample));
    }
    BinMapper m;
    m.thresholds_.resize(static_cast<std::size_t>(X.cols()));
    parallelFor(static_cast<std::size_t>(X.cols()), threads, [&](std::size_t f) {
        std::vector<double> values(rows.size());
        for (std::size_t k = 0; k < rows.size(); ++k)
            values[k] = X(rows[k], static_cast<Eigen::Index>(f));
        m.thresholds_[f] = thresholdsOf(std::move(values), maxBins);
    });
    return m;
}

BinnedMatrix BinMapper::transform(const Eigen::MatrixXd& X, unsigned threads) const {
    BinnedMatrix b;
    b.rows = X.rows();
    b.cols = static_cast<int>(X.cols());
    b.codes.resize(static_cast<std::size_t>(X.rows() * X.cols()));
    parallelFor(static_cast<std::size_t>(X.cols()), threads, [&](std::size_t f) {
        const std::vector<double>& t = thresholds_[f];
        std::uint8_t* out = b.codes.data() + f * static_cast<std::size_t>(b.rows);
        const double* in = X.col(static_cast<Eigen::Index>(f)).data();
        for (Eigen::Index i = 0; i < b.rows; ++i)
            out[i] =
                static_cast<std::uint8_t>(std::lower_bound(t.begin(), t.end(), in[i]) - t.begin());
    });
    return b;
}

}  // namespace sluice::ml
