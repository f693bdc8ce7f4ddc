#include "ml/preprocessing/one_hot_encoder.h"

#include <algorithm>
#include <unordered_map>

#include "ml/core/ml_errors.h"

namespace sluice::ml {
namespace {

struct Encoding {
    std::string column;
    std::vector<std::string> levels;  // those present in training, in level order
};

class FittedOneHot : public TableTransform {
public:
    explicit FittedOneHot(std::vector<Encoding> encodings) : encodings_(std::move(encodings)) {}

    std::string_view kind() const override { return "one_hot"; }

    TablePtr apply(const Table& table) const override {
        std::vector<Column> out;
        for (const Column& c : table.columns()) {
            const auto e = std::find_if(encodings_.begin(), encodings_.end(),
                                        [&](const Encoding& x) { return x.column == c.name(); });
            if (e == encodings_.end()) {
                out.push_back(c);
                continue;
            }
            if (c.kind() != ColumnKind::Categorical)
                throw MisuseError("one-hot encoder: column '" + c.name() +
                                  "' is no longer categorical");
            // This table's codes -> training level index (-1: unseen, ignored).
            std::unordered_map<std::string, int> trained;
            for (std::size_t k = 0; k < e->levels.size(); ++k)
                trained[e->levels[k]] = static_cast<int>(k);
            std::vector<int> map(c.levels().size(), -1);
            for (std::size_t k = 0; k < c.levels().size(); ++k)
                if (auto it = trained.find(c.levels()[k]); it != trained.end())
                    map[k] = it->second;
            std::vector<std::vector<double>> hot(e->levels.size(),
                                                 std::vector<double>(c.size(), 0.0));
            const auto codes = c.codes();
            for (std::size_t r = 0; r < codes.size(); ++r) {
                if (codes[r] == Column::kMissingCode)
                    continue;
                const int k = map[static_cast<std::size_t>(codes[r])];
                if (k >= 0)
                    hot[static_cast<std::size_t>(k)][r] = 1.0;
            }
            for (std::size_t k = 0; k < e->levels.size(); ++k)
                out.push_back(
                    Column::numeric(c.name() + "=" + e->levels[k], std::move(hot[k]), c.role()));
        }
        for (const Encoding& e : encodings_)
            if (!table.indexOf(e.column))
                throw MisuseError("one-hot encoder: the table has no column '" + e.column +
                                  "' it was trained on");
        return Table::make(std::move(out));
    }

    nlohmann::json toJson() const override {
        nlohmann::json list = nlohmann::json::array();
        for (const Encoding& e : encodings_)
            list.push_back({{"column", e.column}, {"levels", e.levels}});
        return {{"kind", "one_hot"}, {"columns", std::move(list)}};
    }

private:
    std::vector<Encoding> encodings_;
};

}  // namespace

std::unique_ptr<TableTransform> loadOneHot(const nlohmann::json& j) {
    std::vector<Encoding> encodings;
    for (const auto& e : j.at("columns"))
        encodings.push_back(
            {e.at("column").get<std::string>(), e.at("levels").get<std::vector<std::string>>()});
    return std::make_unique<FittedOneHot>(std::move(encodings));
}

std::unique_ptr<TableTransform> OneHotEncoder::fit(const Table& train) const {
    std::vector<Encoding> encodings;
    for (const auto& name :
         pickColumns(train, columns, {ColumnKind::Categorical}, "one-hot encoder")) {
        const Column& c = train.column(name);
        std::vector<bool> used(c.levels().size(), false);
        for (auto k : c.codes())
            if (k != Column::kMissingCode)
                used[static_cast<std::size_t>(k)] = true;
        Encoding e{name, {}};
        for (std::size_t k = 0; k < used.size(); ++k)
            if (used[k])
                e.levels.push_back(c.levels()[k]);
        encodings.push_back(std::move(e));
    }
    return std::make_unique<FittedOneHot>(std::move(encodings));
}

}  // namespace sluice::ml
