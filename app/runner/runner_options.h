// The command line of sluice-run, parsed into a struct. Pure: no file is
// opened and nothing is printed, so every case is unit-testable.
//
//   sluice-run PIPELINE.sluice [--set NODE.PARAM=VALUE ...] [--run-to NODE]
//              [--threads N] [--memory-limit SIZE] [--json OUT.json] [--quiet]
//   sluice-run predict MODEL.json DATA.csv [-o OUT.csv]
//   sluice-run --help | --version
//
// Contract:
// - Long options take their value as the next argument or after '='
//   (--threads 2, --threads=2); the short -o takes the next argument. A
//   repeated option other than --set: the last one wins. "--" ends the
//   options: what follows is positional even if it starts with '-'.
// - The first positional argument "predict" selects the predict command;
//   a pipeline file called predict is run as ./predict.
// - --help or --version anywhere wins over everything else (even errors).
// - Any problem throws UsageError with a one-line message that names the
//   option or argument at fault; the caller prints it and exits with
//   kExitBadInput. A --set is only split here (NODE.PARAM=VALUE, split at the
//   first '=' and at the last '.' before it); whether the node and parameter
//   exist is checked against the loaded graph (graph_settings.h).
#pragma once

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace sluice::runner {

class UsageError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// One --set NODE.PARAM=VALUE, split but not yet checked.
struct ParamSetting {
    std::string node;   // id or title, as typed
    std::string param;  // parameter name
    std::string value;  // the raw text after '='
};

struct RunnerOptions {
    enum class Command { Run, Predict, Help, Version };
    Command command = Command::Run;

    // Run
    std::string pipeline;
    std::vector<ParamSetting> settings;        // in command-line order
    std::optional<std::string> runTo;          // id or title, as typed
    unsigned threads = 0;                      // 0: one per core
    std::optional<std::uint64_t> memoryLimit;  // bytes (--memory-limit)
    std::optional<std::string> jsonPath;
    bool quiet = false;

    // Predict
    std::string modelPath;
    std::string dataPath;
    std::optional<std::string> outputPath;  // absent: CSV to stdout
};

// `args` excludes the program name.
RunnerOptions parseArguments(const std::vector<std::string>& args);

// The upper bound of --threads.
inline constexpr unsigned kMaxThreads = 1024;

// Text of --help (ends with a newline) and --version.
std::string helpText();
std::string versionText();

}  // namespace sluice::runner
