// sluice-run export-python PIPELINE.sluice [-o OUT.py]: the pipeline as a
// Python script using pandas and scikit-learn (model/export/python_export.h).
//
// Contract: paths in the script are relative to the pipeline's folder
// (PIPELINE_DIR, set to that folder's absolute path). The script goes to
// OUT.py (written atomically) or to `out`. Load warnings go to `err` as
// "sluice-run: warning: ..." lines. A pipeline that cannot be loaded, or
// a node that cannot be exported (the error names it), exits kExitBadInput
// with nothing written; an output that cannot be written exits kExitFailed.
#pragma once

#include <ostream>

#include "app/runner/runner_options.h"

namespace sluice::runner {

int runExportPythonCommand(const RunnerOptions& options, std::ostream& out, std::ostream& err);

}  // namespace sluice::runner
