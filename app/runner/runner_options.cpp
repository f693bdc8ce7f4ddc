#include "app/runner/runner_options.h"

#include <charconv>

#include "app/runner/memory_limit.h"

namespace sluice::runner {
namespace {

bool isOption(const std::string& arg) {
    return arg.size() > 1 && arg[0] == '-';
}

// Options that take a value, and which command they belong to (Output: -o,
// shared by predict and export-python).
enum class Scope { Run, Predict, Output };

struct ValueOption {
    const char* name;
    Scope scope;
    const char* valueName;
};

constexpr ValueOption kValueOptions[] = {
    {"--set", Scope::Run, "NODE.PARAM=VALUE"},
    {"--run-to", Scope::Run, "NODE"},
    {"--threads", Scope::Run, "N"},
    {"--memory-limit", Scope::Run, "SIZE"},
    {"--json", Scope::Run, "OUT.json"},
    {"--watch-interval", Scope::Run, "SECONDS"},
    {"--sweep", Scope::Run, "NODE.PARAM=VALUES"},
    {"--sweep-random", Scope::Run, "N"},
    {"--sweep-seed", Scope::Run, "SEED"},
    {"--sweep-metric", Scope::Run, "NAME"},
    {"-o", Scope::Output, "OUT"},
    {"--output", Scope::Output, "OUT"},
};

const ValueOption* findValueOption(const std::string& name) {
    for (const auto& o : kValueOptions)
        if (name == o.name)
            return &o;
    return nullptr;
}

unsigned parseThreads(const std::string& text) {
    unsigned long n = 0;
    const char* end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, n);
    if (text.empty() || ec != std::errc() || ptr != end || n > kMaxThreads)
        throw UsageError("--threads needs a whole number from 0 (one per core) to " +
                         std::to_string(kMaxThreads) + ", not '" + text + "'");
    return static_cast<unsigned>(n);
}

// --watch-interval: seconds, fractions allowed, from 0 to a day.
std::chrono::milliseconds parseWatchInterval(const std::string& text) {
    double seconds = -1;
    const char* end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, seconds);
    if (ec != std::errc() || ptr != end || !(seconds >= 0 && seconds <= 86400))
        throw UsageError("--watch-interval needs seconds from 0 to 86400, not '" + text + "'");
    return std::chrono::milliseconds(static_cast<long long>(seconds * 1000 + 0.5));
}

// A whole number for --sweep-random / --sweep-seed.
std::uint64_t parseCount(const std::string& option, const std::string& text, std::uint64_t min) {
    std::uint64_t n = 0;
    const char* end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, n);
    if (text.empty() || ec != std::errc() || ptr != end || n < min)
        throw UsageError(option + " needs a whole number" +
                         (min > 0 ? " of at least " + std::to_string(min) : std::string()) +
                         ", not '" + text + "'");
    return n;
}

ParamSetting parseSetting(const std::string& text, const std::string& option = "--set",
                          const std::string& form = "NODE.PARAM=VALUE") {
    const auto eq = text.find('=');
    if (eq == std::string::npos)
        throw UsageError(option + " '" + text + "' has no '=': write " + form);
    const std::string target = text.substr(0, eq);
    const auto dot = target.rfind('.');
    if (dot == std::string::npos || dot == 0 || dot + 1 == target.size())
        throw UsageError(option + " '" + text + "' does not name a node and a parameter: write " +
                         form);
    return {target.substr(0, dot), target.substr(dot + 1), text.substr(eq + 1)};
}

}  // namespace

RunnerOptions parseArguments(const std::vector<std::string>& args) {
    RunnerOptions options;
    // --help and --version answer whatever else is wrong with the line.
    for (const auto& arg : args) {
        if (arg == "--")
            break;
        if (arg == "--help" || arg == "-h") {
            options.command = RunnerOptions::Command::Help;
            return options;
        }
        if (arg == "--version") {
            options.command = RunnerOptions::Command::Version;
            return options;
        }
    }

    if (!args.empty() && args.front() == "nodes") {
        options.command = RunnerOptions::Command::Nodes;
        for (std::size_t i = 1; i < args.size(); ++i) {
            if (args[i] != "--json")
                throw UsageError(isOption(args[i]) ? "option '" + args[i] +
                                                         "' does not apply to the nodes "
                                                         "command (only --json does)"
                                                   : "unexpected argument '" + args[i] + "'");
            options.nodesJson = true;
        }
        return options;
    }

    std::vector<std::string> positional;
    std::vector<std::pair<const ValueOption*, std::string>> values;
    bool endOfOptions = false;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        if (endOfOptions || !isOption(arg)) {
            positional.push_back(arg);
            continue;
        }
        if (arg == "--") {
            endOfOptions = true;
            continue;
        }
        std::string name = arg;
        std::optional<std::string> inlineValue;
        if (arg.rfind("--", 0) == 0) {
            if (const auto eq = arg.find('='); eq != std::string::npos) {
                name = arg.substr(0, eq);
                inlineValue = arg.substr(eq + 1);
            }
        }
        if (name == "--no-history") {
            if (inlineValue)
                throw UsageError("option --no-history takes no value");
            options.history = false;
            continue;
        }
        if (name == "--watch") {
            if (inlineValue)
                throw UsageError("option --watch takes no value");
            options.watch = true;
            continue;
        }
        if (name == "--quiet" || name == "-q") {
            if (inlineValue)
                throw UsageError("option " + name + " takes no value");
            options.quiet = true;
            continue;
        }
        const ValueOption* option = findValueOption(name);
        if (!option)
            throw UsageError("unknown option '" + name + "'");
        if (!inlineValue) {
            if (i + 1 >= args.size())
                throw UsageError("option " + name + " needs a value: " + name + " " +
                                 option->valueName);
            inlineValue = args[++i];
        }
        values.emplace_back(option, *inlineValue);
    }

    const bool predict = !positional.empty() && positional.front() == "predict";
    const bool exportPython = !positional.empty() && positional.front() == "export-python";
    options.command = predict        ? RunnerOptions::Command::Predict
                      : exportPython ? RunnerOptions::Command::ExportPython
                                     : RunnerOptions::Command::Run;
    const Scope scope = predict || exportPython ? Scope::Output : Scope::Run;
    const char* command = predict ? "predict" : "export-python";
    for (const auto& [option, value] : values) {
        if (option->scope != scope && !(option->scope == Scope::Predict && predict))
            throw UsageError(std::string("option ") + option->name +
                             (option->scope == Scope::Run
                                  ? std::string(" does not apply to the ") + command + " command"
                              : option->scope == Scope::Output
                                  ? " belongs to the predict and export-python commands"
                                  : " belongs to the predict command"));
        const std::string name = option->name;
        // --set and --threads say what an empty value lacks in their own words.
        if (value.empty() && name != "--set" && name != "--threads")
            throw UsageError("option " + name + " needs a value: " + name + " " +
                             option->valueName);
        if (name == "--set")
            options.settings.push_back(parseSetting(value));
        else if (name == "--run-to")
            options.runTo = value;
        else if (name == "--threads")
            options.threads = parseThreads(value);
        else if (name == "--memory-limit")
            options.memoryLimit = parseMemorySize(value);
        else if (name == "--json")
            options.jsonPath = value;
        else if (name == "--watch-interval")
            options.watchInterval = parseWatchInterval(value);
        else if (name == "--sweep")
            options.sweeps.push_back(parseSetting(value, name, "NODE.PARAM=VALUES"));
        else if (name == "--sweep-random")
            options.sweepRandom = parseCount(name, value, 1);
        else if (name == "--sweep-seed")
            options.sweepSeed = parseCount(name, value, 0);
        else if (name == "--sweep-metric")
            options.sweepMetric = value;
        else
            options.outputPath = value;
    }

    if (options.watch && (predict || exportPython))
        throw UsageError(std::string("option --watch does not apply to the ") + command +
                         " command");
    if (options.watch && !options.sweeps.empty())
        throw UsageError("--watch and --sweep cannot be combined: watch a pipeline or sweep it");
    if (predict) {
        if (positional.size() < 3)
            throw UsageError(positional.size() == 1
                                 ? "predict needs a model file and a CSV file: predict "
                                   "MODEL.json DATA.csv"
                                 : "predict needs a CSV file after the model file: predict "
                                   "MODEL.json DATA.csv");
        if (positional.size() > 3)
            throw UsageError("unexpected argument '" + positional[3] + "'");
        options.modelPath = positional[1];
        options.dataPath = positional[2];
        return options;
    }
    if (exportPython) {
        if (positional.size() < 2)
            throw UsageError("export-python needs a pipeline file: export-python PIPELINE.sluice");
        if (positional.size() > 2)
            throw UsageError("unexpected argument '" + positional[2] + "'");
        options.pipeline = positional[1];
        if (options.pipeline.empty())
            throw UsageError("the pipeline file name is empty");
        return options;
    }
    if (positional.empty())
        throw UsageError("no pipeline file given: sluice-run PIPELINE.sluice");
    if (positional.size() > 1)
        throw UsageError("unexpected argument '" + positional[1] + "'");
    options.pipeline = positional.front();
    if (options.pipeline.empty())
        throw UsageError("the pipeline file name is empty");
    if (options.sweeps.empty()) {
        for (const auto& [option, value] : values) {
            const std::string name = option->name;
            if (name.rfind("--sweep-", 0) == 0)
                throw UsageError("option " + name + " needs a --sweep NODE.PARAM=VALUES");
        }
    } else if (options.runTo) {
        throw UsageError("--run-to does not combine with --sweep: a sweep runs the whole pipeline");
    }
    return options;
}

std::string versionText() {
    return std::string("sluice-run ") + SLUICE_RUN_VERSION;
}

std::string helpText() {
    return R"HELP(Usage:
  sluice-run PIPELINE.sluice [--set NODE.PARAM=VALUE ...] [--run-to NODE]
             [--threads N] [--memory-limit SIZE] [--json OUT.json] [--quiet]
             [--no-history] [--watch [--watch-interval SECONDS]]
             [--sweep NODE.PARAM=VALUES ... [--sweep-random N] [--sweep-seed S]
              [--sweep-metric NAME]]
  sluice-run predict MODEL.json DATA.csv [-o OUT.csv]
  sluice-run export-python PIPELINE.sluice [-o OUT.py]
  sluice-run nodes [--json]
  sluice-run --help | --version

Runs a Sluice pipeline without the desktop app. One line per node event
(started, finished with time and outputs, cached, failed, skipped, log
lines, metrics now and then) goes to stderr; on a terminal a progress line
shows the running nodes instead.

Options:
  --set NODE.PARAM=VALUE  Change a parameter before the run (repeatable).
                          NODE is a node id or a unique node title; PARAM a
                          parameter of its type. VALUE is read as JSON when it
                          parses (2, 0.5, true, [64,32], "text"), else as text.
                          A relative path is taken from the current directory.
  --run-to NODE           Run only NODE and the nodes it depends on.
  --threads N             Worker threads (0, the default: one per core).
  --memory-limit SIZE     Limit the process's memory to SIZE (512M, 2G; K, M,
                          G, T are binary). A node that needs more fails alone
                          with "ran out of memory"; the rest of the run goes
                          on. On Linux and macOS this limits the whole
                          process's address space (threads' stacks and
                          memory-mapped input files count too); elsewhere it
                          is ignored with a warning.
  --json OUT.json         Write the results: status, time, parameters as run,
                          and per node its status, time, metrics and outputs.
  --quiet, -q             Print errors only.
  --no-history            Do not record the run. By default every run is
                          recorded beside the pipeline, in
                          .sluice-runs/<pipeline name>/ (one JSON file per run:
                          parameters and what changed since the last run,
                          input and model file hashes, statuses, times and
                          metrics), which the app's Runs panel lists.
                          SLUICE_RUN_HISTORY=off in the environment turns
                          recording off for sluice-run and the app alike.
  --watch                 After the run, keep watching the pipeline file and
                          the files its readers read, and run again when one
                          changes (once it has been quiet for 0.5 s); files
                          the pipeline writes do not count. Unchanged parts
                          come from the cache. Each run is recorded as a
                          "watch" run. Ctrl-C stops; the exit code is the
                          last run's.
  --watch-interval SECONDS
                          With --watch: at most one run per SECONDS (default
                          5; fractions allowed).
  --sweep NODE.PARAM=VALUES
                          Run the pipeline once per value (repeatable: every
                          combination of the values; at most 1000). PARAM is
                          a number, choice or true/false parameter. VALUES is
                          a list (1,2,4 or gini,entropy) or a range:
                            FROM..TO:N             N evenly spaced values
                            FROM..TO:log:N         N values on a log scale
                            FROM..TO:step:S        FROM, FROM+S, ... up to TO
                            FROM..TO:log:step:F    FROM, FROM*F, ... up to TO
                          A range over a whole-number parameter is rounded.
                          Nodes that do not depend on a swept node run once
                          and are shared. Prints one row per combination and
                          the best; --json adds the table ("sweep").
  --sweep-random N        Run N random combinations instead of all of them
                          (a range is sampled anywhere inside it).
  --sweep-seed S          Seed of --sweep-random (default 0): the same seed
                          gives the same combinations.
  --sweep-metric NAME     The metric that picks the best combination: NAME or
                          NODE.NAME, e.g. accuracy or score.rmse; add :max or
                          :min when the direction is not clear from the name
                          (accuracy, r2, auc: higher is better; mse, rmse,
                          mae, log_loss: lower). Default: accuracy, r2 or
                          roc_auc, whichever the pipeline produces.
  --help, -h              Show this help.
  --version               Show the version.

predict: applies a model file (written by a Save model node) to the rows of
a CSV file and writes them with a "prediction" column (and, for classifiers,
one "p(LABEL)" probability column per class) to OUT.csv, or to stdout.

export-python: writes the pipeline as a Python 3 script that repeats its
steps with pandas and scikit-learn (same parameters, same split and fold
rows; learners' own randomness differs) and prints every score as a JSON
line, to OUT.py, or to stdout. A node it cannot translate is named in the
error (exit code 2).

nodes: lists every node type by category with its ports and parameters
(kind, default, range or choices, help); with --json, the same catalog as
JSON for programs.

Exit codes:
  0    success
  1    the work failed: a node failed, or an output file could not be written
  2    bad input, nothing ran: a usage error (unknown option, bad --set,
       bad --sweep, unknown --run-to node, bad --threads) or an input file that cannot be
       used (missing, not valid JSON, not a pipeline or model file, a CSV
       without the columns the model needs)
  130  interrupted (Ctrl-C, SIGTERM) after cancelling the run; press Ctrl-C
       twice to quit at once
)HELP";
}

}  // namespace sluice::runner
