// The command line of sluice-run, parsed into a struct. Pure: no file is
// opened and nothing is printed, so every case is unit-testable.
//
//   sluice-run PIPELINE.sluice [--set NODE.PARAM=VALUE ...] [--run-to NODE]
//              [--threads N] [--memory-limit SIZE] [--json OUT.json] [--quiet]
//              [--no-history] [--watch [--watch-interval SECONDS]]
//              [--sweep NODE.PARAM=VALUES ... [--sweep-random N] [--sweep-seed S]
//               [--sweep-metric NAME]]
//   sluice-run predict MODEL.json DATA.csv [-o OUT.csv]
//   sluice-run export-python PIPELINE.sluice [-o OUT.py]
//   sluice-run nodes [--json]
//   sluice-run --help | --version
//
// Contract:
// - Long options take their value as the next argument or after '='
//   (--threads 2, --threads=2); the short -o takes the next argument. A
//   repeated option other than --set: the last one wins. "--" ends the
//   options: what follows is positional even if it starts with '-'.
// - The first positional argument "predict" selects the predict command,
//   "export-python" the Python export (pipeline in `pipeline`, -o in
//   outputPath); a pipeline file of either name is run as ./predict.
// - "nodes" as the first argument lists the node catalog; it takes only
//   --json (a flag there, not a file), and anything else is a UsageError.
// - --help or --version anywhere wins over everything else (even errors).
// - Any problem throws UsageError with a one-line message that names the
//   option or argument at fault; the caller prints it and exits with
//   kExitBadInput. A --set is only split here (NODE.PARAM=VALUE, split at the
//   first '=' and at the last '.' before it); whether the node and parameter
//   exist is checked against the loaded graph (graph_settings.h).
// - --sweep is split the same way (VALUES parsed later, sweep/sweep_axis.h);
//   --sweep-random, --sweep-seed and --sweep-metric need a --sweep, and a
//   sweep does not combine with --run-to.
#pragma once

#include <chrono>
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
    enum class Command { Run, Predict, ExportPython, Nodes, Help, Version };
    Command command = Command::Run;

    // Run
    std::string pipeline;
    std::vector<ParamSetting> settings;        // in command-line order
    std::optional<std::string> runTo;          // id or title, as typed
    unsigned threads = 0;                      // 0: one per core
    std::optional<std::uint64_t> memoryLimit;  // bytes (--memory-limit)
    std::optional<std::string> jsonPath;
    bool quiet = false;
    bool history = true;  // record the run (history/run_history.h); --no-history
    std::string historySource = "sluice-run";  // RunRecord::source ("watch" when watching)
    bool watch = false;                        // --watch (watch_command.h)
    std::chrono::milliseconds watchInterval = std::chrono::seconds(5);  // --watch-interval

    // Sweep (sweep_command.h): one or more --sweep make the run a sweep.
    std::vector<ParamSetting> sweeps;        // value: the VALUES text
    std::optional<std::size_t> sweepRandom;  // --sweep-random N: samples
    std::uint64_t sweepSeed = 0;
    std::string sweepMetric;  // empty: chosen by the sweep

    // Nodes
    bool nodesJson = false;  // nodes --json

    // Predict
    std::string modelPath;
    std::string dataPath;
    std::optional<std::string> outputPath;  // absent: CSV (or Python) to stdout
};

// `args` excludes the program name.
RunnerOptions parseArguments(const std::vector<std::string>& args);

// The upper bound of --threads.
inline constexpr unsigned kMaxThreads = 1024;

// Text of --help (ends with a newline) and --version.
std::string helpText();
std::string versionText();

}  // namespace sluice::runner
