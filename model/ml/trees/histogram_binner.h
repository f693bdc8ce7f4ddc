// Quantile binning for histogram-based gradient boosting.
//
// BinMapper::fit learns, per feature, at most maxBins - 1 increasing
// thresholds: the midpoints between consecutive distinct values when there
// are at most maxBins of them, else the quantiles at 1/maxBins, 2/maxBins, ...
// (midpoint interpolation, as scikit-learn's _BinMapper) of the column, or
// of a seeded 200,000-row subsample on larger data. Duplicate quantiles are
// merged, so every bin is reachable.
//
// A value x falls in bin b = the number of thresholds below x, so
// "bin <= b" is the same test as "x <= threshold(f, b)": trees grown on bin
// codes predict raw values with the thresholds and never bin at predict
// time.
//
// BinnedMatrix stores one uint8 code per cell, column-major, so a feature's
// codes are contiguous for histogram building.
#pragma once

#include <Eigen/Core>
#include <cstdint>
#include <vector>

namespace sluice::ml {

struct BinnedMatrix {
    Eigen::Index rows = 0;
    int cols = 0;
    std::vector<std::uint8_t> codes;  // codes[f * rows + i]

    const std::uint8_t* column(int f) const {
        return codes.data() + static_cast<std::size_t>(f) * static_cast<std::size_t>(rows);
    }
};

class BinMapper {
public:
    static constexpr int kMaxBins = 256;  // codes are uint8

    // maxBins in [2, 256]; seed picks the subsample on large data.
    static BinMapper fit(const Eigen::MatrixXd& X, int maxBins, std::uint64_t seed,
                         unsigned threads);

    BinnedMatrix transform(const Eigen::MatrixXd& X, unsigned threads) const;

    int featureCount() const { return static_cast<int>(thresholds_.size()); }
    int binCount(int feature) const {
        return static_cast<int>(thresholds_[static_cast<std::size_t>(feature)].size()) + 1;
    }
    // Rows with bin <= b are those with x <= threshold(feature, b).
    double threshold(int feature, int bin) const {
        return thresholds_[static_cast<std::size_t>(feature)][static_cast<std::size_t>(bin)];
    }

private:
    std::vector<std::vector<double>> thresholds_;
};

}  // namespace sluice::ml
