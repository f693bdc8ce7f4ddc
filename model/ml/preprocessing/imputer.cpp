#include "ml/preprocessing/imputer.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "ml/core/ml_errors.h"

namespace sluice::ml {
namespace {

// What to put in the holes of one column.
struct Fill {
    std::string column;
    bool numeric = true;
    double number = 0.0;
    std::string level;
};

double median(std::vector<double> v) {
    const std::size_t mid = v.size() / 2;
    std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(mid), v.end());
    const double upper = v[mid];
    if (v.size() % 2)
        return upper;
    return (*std::max_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(mid)) + upper) / 2;
}

class FittedImputer : public TableTransform {
public:
    explicit FittedImputer(std::vector<Fill> fills) : fills_(std::move(fills)) {}

    std::string_view kind() const override { return "imputer"; }

    TablePtr apply(const Table& table) const override {
        std::vector<Column> columns = table.columns();
        for (const Fill& f : fills_) {
            const auto index = table.indexOf(f.column);
            if (!index)
                throw MisuseError("imputer: the table has no column '" + f.column +
                                  "' it was trained on");
            const Column& c = table.column(*index);
            if (f.numeric) {
                if (c.kind() != ColumnKind::Numeric)
                    throw MisuseError("imputer: column '" + f.column + "' is no longer numeric");
                std::vector<double> v(c.numbers().begin(), c.numbers().end());
                for (double& x : v)
                    if (std::isnan(x))
                        x = f.number;
                columns[*index] = Column::numeric(c.name(), std::move(v), c.role());
            } else {
                if (c.kind() != ColumnKind::Categorical)
                    throw MisuseError("imputer: column '" + f.column +
                                      "' is no longer categorical");
                std::vector<std::string> levels = c.levels();
                auto at = std::find(levels.begin(), levels.end(), f.level);
                const auto code = static_cast<std::int32_t>(at - levels.begin());
                if (at == levels.end())
                    levels.push_back(f.level);
                std::vector<std::int32_t> codes(c.codes().begin(), c.codes().end());
                for (auto& k : codes)
                    if (k == Column::kMissingCode)
                        k = code;
                columns[*index] =
                    Column::categorical(c.name(), std::move(codes), std::move(levels), c.role());
            }
        }
        return Table::make(std::move(columns));
    }

    nlohmann::json toJson() const override {
        nlohmann::json fills = nlohmann::json::array();
        for (const Fill& f : fills_) {
            nlohmann::json j = {{"column", f.column}, {"numeric", f.numeric}};
            if (f.numeric) {
                j["value"] = f.number;
            } else {
                j["level"] = f.level;
            }
            fills.push_back(std::move(j));
        }
        return {{"kind", "imputer"}, {"fills", std::move(fills)}};
    }

private:
    std::vector<Fill> fills_;
};

}  // namespace

std::unique_ptr<TableTransform> loadImputer(const nlohmann::json& j) {
    std::vector<Fill> fills;
    for (const auto& f : j.at("fills")) {
        Fill fill;
        fill.column = f.at("column").get<std::string>();
        fill.numeric = f.at("numeric").get<bool>();
        if (fill.numeric) {
            fill.number = f.at("value").get<double>();
        } else {
            fill.level = f.at("level").get<std::string>();
        }
        fills.push_back(std::move(fill));
    }
    return std::make_unique<FittedImputer>(std::move(fills));
}

std::unique_ptr<TableTransform> Imputer::fit(const Table& train) const {
    const bool numericOnly = strategy == Strategy::Mean || strategy == Strategy::Median;
    std::vector<ColumnKind> kinds = {ColumnKind::Numeric};
    if (!numericOnly)
        kinds.push_back(ColumnKind::Categorical);
    std::vector<Fill> fills;
    for (const auto& name : pickColumns(train, columns, kinds, "imputer")) {
        const Column& c = train.column(name);
        Fill f;
        f.column = name;
        f.numeric = c.kind() == ColumnKind::Numeric;
        if (strategy == Strategy::Constant) {
            f.number = fillNumber;
            f.level = fillLevel;
            fills.push_back(std::move(f));
            continue;
        }
        if (f.numeric) {
            std::vector<double> present;
            for (double x : c.numbers())
                if (!std::isnan(x))
                    present.push_back(x);
            if (present.empty())
                throw MisuseError("imputer: column '" + name +
                                  "' has no values in the training data to learn a fill from; "
                                  "use a constant fill or drop it");
            if (strategy == Strategy::Mean) {
                double sum = 0;
                for (double x : present)
                    sum += x;
                f.number = sum / static_cast<double>(present.size());
            } else if (strategy == Strategy::Median) {
                f.number = median(std::move(present));
            } else {
                std::map<double, std::size_t> counts;  // ordered: ties go to the smallest
                for (double x : present)
                    ++counts[x];
                f.number = std::max_element(counts.begin(), counts.end(), [](auto& a, auto& b) {
                               return a.second < b.second;
                           })->first;
            }
        } else {
            std::vector<std::size_t> counts(c.levels().size(), 0);
            for (auto k : c.codes())
                if (k != Column::kMissingCode)
                    ++counts[static_cast<std::size_t>(k)];
            const auto best = std::max_element(counts.begin(), counts.end());
            if (best == counts.end() || *best == 0)
                throw MisuseError("imputer: column '" + name +
                                  "' has no values in the training data to learn a fill from");
            f.level = c.levels()[static_cast<std::size_t>(best - counts.begin())];
        }
        fills.push_back(std::move(f));
    }
    return std::make_unique<FittedImputer>(std::move(fills));
}

}  // namespace sluice::ml
