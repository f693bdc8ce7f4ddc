// sluice-run predict MODEL.json DATA.csv [-o OUT.csv]: a saved model
// (TrainedPipeline file, as the Save model node writes it) applied to the
// rows of a CSV file.
//
// Contract:
// - The output is the input table with a "prediction" column appended:
//   class labels for classifiers, numbers otherwise (cluster indices for
//   clustering). Classifiers also get one "p(LABEL)" probability column per
//   class, in the model's label order. Input columns of those names are
//   replaced, so predicting on an earlier output works. The same columns the
//   Predict node adds (prediction_columns.h).
// - Written as CSV atomically to OUT.csv, or to `out` without -o.
// - Errors go to `err` as one line naming the file at fault: a model file
//   that is missing or invalid, a CSV file that is missing or malformed, or
//   rows the model cannot take (a feature column missing, a value it cannot
//   use) exit kExitBadInput; an output file that cannot be written exits
//   kExitFailed (exit_codes.h).
#pragma once

#include <ostream>

#include "app/runner/runner_options.h"
#include "data/table.h"
#include "ml/pipeline/trained_pipeline.h"

namespace sluice::runner {

// The predictions table; throws ml::MisuseError when the model cannot
// predict on `table` (the message says why).
TablePtr predictionsTable(const ml::TrainedPipeline& model, const Table& table);

// Returns the exit code.
int runPredictCommand(const RunnerOptions& options, std::ostream& out, std::ostream& err);

}  // namespace sluice::runner
