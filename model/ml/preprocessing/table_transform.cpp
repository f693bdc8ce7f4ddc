#include "ml/preprocessing/table_transform.h"

#include <algorithm>

#include "ml/core/ml_errors.h"

namespace sluice::ml {

std::unique_ptr<TableTransform> loadImputer(const nlohmann::json& j);
std::unique_ptr<TableTransform> loadScaler(const nlohmann::json& j);
std::unique_ptr<TableTransform> loadOneHot(const nlohmann::json& j);
std::unique_ptr<TableTransform> loadDiscretizer(const nlohmann::json& j);
std::unique_ptr<TableTransform> loadTextVectorizer(const nlohmann::json& j);
std::unique_ptr<TableTransform> loadFeatureSelection(const nlohmann::json& j);

}  // namespace sluice::ml

namespace sluice {
std::unique_ptr<ml::TableTransform> loadPcaTransform(const nlohmann::json& j);
}  // namespace sluice

namespace sluice::ml {

std::unique_ptr<TableTransform> loadTransform(const nlohmann::json& j) {
    const std::string kind = j.value("kind", "");
    try {
        if (kind == "imputer")
            return loadImputer(j);
        if (kind == "scaler")
            return loadScaler(j);
        if (kind == "one_hot")
            return loadOneHot(j);
        if (kind == "discretizer")
            return loadDiscretizer(j);
        if (kind == "text_vectorizer")
            return loadTextVectorizer(j);
        if (kind == "feature_selection")
            return loadFeatureSelection(j);
        if (kind == "pca")
            return loadPcaTransform(j);
    } catch (const nlohmann::json::exception& e) {
        throw MisuseError("model file: preprocessing step '" + kind +
                          "' is malformed: " + e.what());
    }
    throw MisuseError("model file: unknown preprocessing step '" + kind + "'");
}

std::vector<std::string> pickColumns(const Table& table, const std::vector<std::string>& named,
                                     std::vector<ColumnKind> accepted, std::string_view who) {
    auto ok = [&](ColumnKind k) {
        return std::find(accepted.begin(), accepted.end(), k) != accepted.end();
    };
    std::vector<std::string> out;
    if (named.empty()) {
        for (const Column& c : table.columns())
            if (c.role() == ColumnRole::Feature && ok(c.kind()))
                out.push_back(c.name());
        return out;
    }
    for (const auto& name : named) {
        const auto index = table.indexOf(name);
        if (!index)
            throw MisuseError(std::string(who) + ": the table has no column '" + name + "'");
        const Column& c = table.column(*index);
        if (!ok(c.kind()))
            throw MisuseError(std::string(who) + ": column '" + name + "' is " +
                              std::string(kindName(c.kind())) + ", which this step cannot use");
        out.push_back(name);
    }
    return out;
}

}  // namespace sluice::ml
