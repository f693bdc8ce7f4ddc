#include "ml/preprocessing/discretizer.h"

#include <algorithm>
#include <cmath>

#include "data/number_text.h"
#include "ml/core/ml_errors.h"
#include "ml/stats/bin_labels.h"
#include "ml/stats/quantile.h"

namespace sluice::ml {
namespace {

struct Cuts {
    std::string column;
    std::vector<double> inner;  // increasing; k edges make k + 1 bins
};

class FittedDiscretizer : public TableTransform {
public:
    FittedDiscretizer(std::vector<Cuts> cuts, bool ordinal)
        : cuts_(std::move(cuts)), ordinal_(ordinal) {}

    std::string_view kind() const override { return "discretizer"; }

    TablePtr apply(const Table& table) const override {
        std::vector<Column> columns = table.columns();
        for (const Cuts& cut : cuts_) {
            const auto index = table.indexOf(cut.column);
            if (!index)
                throw MisuseError("discretize: the table has no column '" + cut.column +
                                  "' it was trained on");
            const Column& c = table.column(*index);
            if (c.kind() != ColumnKind::Numeric)
                throw MisuseError("discretize: column '" + cut.column + "' is no longer numeric");
            std::vector<std::int32_t> codes(c.size(), Column::kMissingCode);
            const std::span<const double> x = c.numbers();
            for (std::size_t r = 0; r < x.size(); ++r)
                if (!std::isnan(x[r]))
                    codes[r] = static_cast<std::int32_t>(
                        std::upper_bound(cut.inner.begin(), cut.inner.end(), x[r]) -
                        cut.inner.begin());
            if (ordinal_) {
                std::vector<double> bins(codes.size());
                for (std::size_t r = 0; r < codes.size(); ++r)
                    bins[r] = codes[r] < 0 ? std::nan("") : codes[r];
                columns[*index] = Column::numeric(c.name(), std::move(bins), c.role());
            } else {
                columns[*index] = Column::categorical(
                    c.name(), std::move(codes), binLabels(cut.inner, BinsClosed::Left), c.role());
            }
        }
        return Table::make(std::move(columns));
    }

    nlohmann::json toJson() const override {
        nlohmann::json cuts = nlohmann::json::array();
        for (const Cuts& c : cuts_)
            cuts.push_back({{"column", c.column}, {"edges", c.inner}});
        return {{"kind", "discretizer"}, {"ordinal", ordinal_}, {"cuts", std::move(cuts)}};
    }

private:
    std::vector<Cuts> cuts_;
    bool ordinal_;
};

}  // namespace

std::unique_ptr<TableTransform> loadDiscretizer(const nlohmann::json& j) {
    std::vector<Cuts> cuts;
    for (const auto& c : j.at("cuts"))
        cuts.push_back(
            {c.at("column").get<std::string>(), c.at("edges").get<std::vector<double>>()});
    return std::make_unique<FittedDiscretizer>(std::move(cuts), j.value("ordinal", false));
}

std::unique_ptr<TableTransform> Discretizer::fit(const Table& train) const {
    if (method == Method::Custom) {
        if (edges.empty())
            throw MisuseError("discretize: give at least one edge");
        for (std::size_t i = 1; i < edges.size(); ++i)
            if (!(edges[i] > edges[i - 1]))
                throw MisuseError("discretize: the edges must increase, and " +
                                  formatNumber(edges[i]) + " comes after " +
                                  formatNumber(edges[i - 1]));
    }
    std::vector<Cuts> cuts;
    for (const auto& name : pickColumns(train, columns, {ColumnKind::Numeric}, "discretize")) {
        Cuts cut{name, {}};
        if (method == Method::Custom) {
            cut.inner = edges;
            cuts.push_back(std::move(cut));
            continue;
        }
        std::vector<double> v;
        for (double x : train.column(name).numbers())
            if (!std::isnan(x))
                v.push_back(x);
        if (v.empty())
            throw MisuseError("discretize: column '" + name + "' has no value to learn bins from");
        std::sort(v.begin(), v.end());
        std::vector<double> all;
        for (int i = 0; i <= bins; ++i) {
            const double q = static_cast<double>(i) / bins;
            all.push_back(method == Method::Quantile ? sortedQuantile(v, q)
                                                     : v.front() + q * (v.back() - v.front()));
        }
        all.erase(std::unique(all.begin(), all.end()), all.end());
        // The outer edges only bound the training range; the end bins are open.
        if (all.size() > 2)
            cut.inner.assign(all.begin() + 1, all.end() - 1);
        cuts.push_back(std::move(cut));
    }
    return std::make_unique<FittedDiscretizer>(std::move(cuts), ordinal);
}

}  // namespace sluice::ml
