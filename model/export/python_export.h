// Export of a pipeline Graph as a runnable Python 3 script that uses pandas
// and scikit-learn to repeat the same steps, node by node.
//
// Contract:
// - The script starts with a docstring (pipeline name, description, how to
//   run it), the imports it needs, and the helpers of python_prelude.h;
//   then one commented section per node in topological order (the node's
//   id, title and type, what it does, and where scikit-learn cannot match
//   Sluice exactly), and runs top to bottom with `python3 script.py`.
// - Every score an Evaluate node computes (Score, Confusion matrix, ROC
//   curve, Cross-validate) is printed to stdout as one JSON line
//   {"node": id, "title": title, "metric": name, "value": number}, with the
//   metric names `sluice-run --json` uses, so the two can be compared.
//   Feature importances print as {"node", "title", "feature", "importance"}.
// - Parameters are those of the graph with defaults filled in; learners get
//   the same hyperparameters (their LearnerSpec's scikit-learn mapping). Train/test splits and
//   cross-validation folds use a port of Sluice's random generator, so the
//   same seed selects the same rows; model randomness (forests, boosting,
//   networks, k-means) comes from numpy and differs, as the script says.
// - Paths: the graph holds paths as loaded (absolute, or relative to the
//   pipeline's folder). With options.baseDirectory set, the script defines
//   PIPELINE_DIR as that folder and joins every path below it to
//   PIPELINE_DIR, so the script runs from any working directory and the
//   folder can be changed in one place; without it, paths are written as
//   they are. Example datasets are looked up as Sluice does
//   (dataset_locator.h) when exporting, overridable at run time by
//   SLUICE_DATASETS_DIR.
// - Each node's section is written by its type's NodeType::python()
//   (nodes/python_context.h). A node the exporter cannot translate (a type
//   without a translation, a node type unknown to the registry, a required input not connected, a
//   learner without a scikit-learn counterpart) throws PythonExportError whose message names the
//   node's id, title and type; a graph with a cycle throws it too. Nothing is written on failure:
//   the caller gets text or an exception.
#pragma once

#include <stdexcept>
#include <string>

#include "graph/graph.h"
#include "nodes/node_registry.h"

namespace sluice {

class PythonExportError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct PythonExportOptions {
    std::string baseDirectory;  // the pipeline file's folder; empty: unsaved
    std::string sourceName;     // shown in the docstring, e.g. "iris.sluice"
};

std::string exportPython(const Graph& graph, const PythonExportOptions& options,
                         const NodeRegistry& registry = builtinNodes());

// Writes exportPython()'s text to `path` atomically; PythonExportError for
// the graph, std::runtime_error naming the path if it cannot be written.
void exportPythonFile(const Graph& graph, const PythonExportOptions& options,
                      const std::string& path, const NodeRegistry& registry = builtinNodes());

}  // namespace sluice
