// Where the bundled example datasets (resources/datasets) are found.
//
// Candidates, in order: the SLUICE_DATASETS_DIR environment variable; the
// SLUICE_DATASETS_DIR compile-time definition when the library was built
// with one; <directory of the executable>/../share/sluice/datasets (Linux
// only, from /proc/self/exe; the installed layout); the source tree's
// resources/datasets when it exists (builds run from their build folder).
// findDatasetFile()
// returns the first candidate holding `<name>.csv`, or throws NodeError
// listing every place it looked.
#pragma once

#include <string>
#include <vector>

namespace sluice {

std::vector<std::string> datasetSearchDirs();
std::string findDatasetFile(const std::string& name);

}  // namespace sluice
