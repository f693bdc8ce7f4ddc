// PortValue: a value on an edge. Values are immutable and shared: one output
// feeds any number of inputs without copies, and the engine can cache them.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <variant>

#include "data/table.h"
#include "ml/core/model.h"
#include "ml/pipeline/trained_pipeline.h"
#include "ml/preprocessing/table_transform.h"
#include "nodes/port_type.h"

namespace sluice {

struct Results;  // nodes/results.h: include it where its members are used

// An unfitted learner with a name to show (e.g. in cross-validation tables).
struct LearnerValue {
    std::shared_ptr<const ml::Learner> learner;
    std::string title;
};

using ModelValue = std::shared_ptr<const ml::TrainedPipeline>;
using TransformValue = std::shared_ptr<const ml::TableTransform>;
using ResultsValue = std::shared_ptr<const Results>;

using PortValue =
    std::variant<std::monostate, TablePtr, LearnerValue, ModelValue, TransformValue, ResultsValue>;

// Port name -> value. Inputs that are not connected are absent.
using PortValues = std::map<std::string, PortValue>;

// The PortType a value carries (nullopt for an empty value).
std::optional<PortType> typeOf(const PortValue& value);
// One-line description for logs and run results: "150 rows x 5 columns".
std::string describe(const PortValue& value);

}  // namespace sluice
