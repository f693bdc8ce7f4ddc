// How much each feature matters to a trained model, as the Results the
// Feature importance node outputs and the model preview shows: impurity
// decrease for trees, mean absolute coefficient (over outputs) for linear
// models; sorted, largest first (ties keep feature order).
#pragma once

#include <optional>

#include "ml/pipeline/trained_pipeline.h"
#include "nodes/results.h"

namespace sluice {

// kind "importance", table {"feature", measure}; nullopt when the model
// reports neither importances nor coefficients (e.g. k-NN, an MLP).
std::optional<Results> importanceResults(const ml::TrainedPipeline& model);

}  // namespace sluice
