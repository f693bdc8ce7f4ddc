// libFuzzer target: the model-file loader (ml::TrainedPipeline::fromText,
// what TrainedPipeline::load runs on a file's bytes). Loading may throw only
// ml::MisuseError or a nlohmann::json exception. A model that loads must predict on a small
// table of its features without crashing (it may refuse with an exception:
// its steps may want columns the table lacks).
#include <cstddef>
#include <cstdint>
#include <exception>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "data/table.h"
#include "fuzz_common.h"
#include "ml/core/ml_errors.h"
#include "ml/pipeline/trained_pipeline.h"

namespace {

void predictSmallTable(const sluice::ml::TrainedPipeline& model) {
    const auto& features = model.features();
    if (features.size() > 64 ||
        std::set<std::string>(features.begin(), features.end()).size() != features.size())
        return;
    std::vector<sluice::Column> columns;
    for (std::size_t j = 0; j < features.size(); ++j)
        columns.push_back(
            sluice::Column::numeric(features[j], {0.0, 1.0, -2.5, static_cast<double>(j) + 0.5}));
    const sluice::TablePtr table = sluice::Table::make(std::move(columns));
    try {
        (void)model.predict(*table);
        (void)model.predictLabels(*table);
    } catch (const std::exception&) {
        // Refusing is fine; crashing is not.
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    std::optional<sluice::ml::TrainedPipeline> model;
    try {
        model.emplace(sluice::ml::TrainedPipeline::fromText(text, "fuzz.json"));
    } catch (const sluice::ml::MisuseError&) {
        return 0;
    } catch (const nlohmann::json::exception&) {
        return 0;
    } catch (const std::exception& e) {
        sluice::fuzz::fail(std::string("fromJson threw an undocumented exception: ") + e.what());
    }
    predictSmallTable(*model);
    return 0;
}
