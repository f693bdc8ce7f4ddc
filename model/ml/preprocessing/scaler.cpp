#include "ml/preprocessing/scaler.h"

#include <algorithm>
#include <cmath>

#include "ml/core/ml_errors.h"
#include "ml/stats/quantile.h"

namespace sluice::ml {
namespace {

struct Scale {
    std::string column;
    double center = 0.0;
    double spread = 1.0;
};

const char* methodName(Scaler::Method m) {
    switch (m) {
        case Scaler::Method::Standard:
            return "standard";
        case Scaler::Method::MinMax:
            return "min_max";
        case Scaler::Method::Robust:
            return "robust";
    }
    return "standard";
}

class FittedScaler : public TableTransform {
public:
    FittedScaler(std::string method, std::vector<Scale> scales)
        : method_(std::move(method)), scales_(std::move(scales)) {}

    std::string_view kind() const override { return "scaler"; }

    TablePtr apply(const Table& table) const override {
        std::vector<Column> columns = table.columns();
        for (const Scale& s : scales_) {
            const auto index = table.indexOf(s.column);
            if (!index)
                throw MisuseError("scaler: the table has no column '" + s.column +
                                  "' it was trained on");
            const Column& c = table.column(*index);
            if (c.kind() != ColumnKind::Numeric)
                throw MisuseError("scaler: column '" + s.column + "' is no longer numeric");
            std::vector<double> v(c.numbers().begin(), c.numbers().end());
            for (double& x : v)
                x = (x - s.center) / s.spread;
            columns[*index] = Column::numeric(c.name(), std::move(v), c.role());
        }
        return Table::make(std::move(columns));
    }

    nlohmann::json toJson() const override {
        nlohmann::json scales = nlohmann::json::array();
        for (const Scale& s : scales_)
            scales.push_back({{"column", s.column}, {"center", s.center}, {"spread", s.spread}});
        return {{"kind", "scaler"}, {"method", method_}, {"scales", std::move(scales)}};
    }

private:
    std::string method_;
    std::vector<Scale> scales_;
};

}  // namespace

std::unique_ptr<TableTransform> loadScaler(const nlohmann::json& j) {
    std::vector<Scale> scales;
    for (const auto& s : j.at("scales"))
        scales.push_back({s.at("column").get<std::string>(), s.at("center").get<double>(),
                          s.at("spread").get<double>()});
    return std::make_unique<FittedScaler>(j.value("method", "standard"), std::move(scales));
}

std::unique_ptr<TableTransform> Scaler::fit(const Table& train) const {
    std::vector<Scale> scales;
    for (const auto& name : pickColumns(train, columns, {ColumnKind::Numeric}, "scaler")) {
        std::vector<double> v;
        for (double x : train.column(name).numbers())
            if (!std::isnan(x))
                v.push_back(x);
        Scale s{name, 0.0, 1.0};
        if (v.empty()) {
            scales.push_back(s);  // nothing to learn: identity
            continue;
        }
        if (method == Method::Standard) {
            double mean = 0;
            for (double x : v)
                mean += x;
            mean /= static_cast<double>(v.size());
            double ss = 0;
            for (double x : v)
                ss += (x - mean) * (x - mean);
            s.center = mean;
            s.spread = std::sqrt(ss / static_cast<double>(v.size()));
        } else {
            std::sort(v.begin(), v.end());
            if (method == Method::MinMax) {
                s.center = v.front();
                s.spread = v.back() - v.front();
            } else {
                s.center = sortedQuantile(v, 0.5);
                s.spread = sortedQuantile(v, 0.75) - sortedQuantile(v, 0.25);
            }
        }
        if (!(s.spread > 0) || !std::isfinite(s.spread))
            s.spread = 1.0;  // constant column
        scales.push_back(s);
    }
    return std::make_unique<FittedScaler>(methodName(method), std::move(scales));
}

}  // namespace sluice::ml
