// PcaTransform: a fitted PCA (ml::PCAModel) as a TableTransform, so the PCA
// node can hand it on like the other fitted preprocessing steps.
//
// apply(table): the named numeric feature columns are replaced by the
// scores pc1..pcK (first, in one shared block) followed by every other
// column of the table, unchanged and in order. A missing feature column,
// a non-numeric one or a missing value is an ml::MisuseError naming it.
// toJson(): {"kind": "pca", "features": [...], "model": <PCAModel JSON>};
// loadPcaTransform() reads it back (for ml::loadTransform to call on kind
// "pca").
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "ml/decomposition/pca.h"
#include "ml/preprocessing/table_transform.h"

namespace sluice {

class PcaTransform : public ml::TableTransform {
public:
    PcaTransform(std::vector<std::string> features, std::shared_ptr<const ml::PCAModel> model);

    std::string_view kind() const override { return "pca"; }
    TablePtr apply(const Table& table) const override;
    nlohmann::json toJson() const override;

    const std::vector<std::string>& features() const { return features_; }
    const ml::PCAModel& model() const { return *model_; }

private:
    std::vector<std::string> features_;
    std::shared_ptr<const ml::PCAModel> model_;
};

std::unique_ptr<ml::TableTransform> loadPcaTransform(const nlohmann::json& j);

}  // namespace sluice
