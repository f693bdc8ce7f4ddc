#include "app/runner/runner_options.h"

#include <charconv>

#include "app/runner/memory_limit.h"

namespace sluice::runner {
namespace {

bool isOption(const std::string& arg) {
    return arg.size() > 1 && arg[0] == '-';
}

// Options that take a value, and which command they belong to.
enum class Scope { Run, Predict };

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
    {"-o", Scope::Predict, "OUT.csv"},
    {"--output", Scope::Predict, "OUT.csv"},
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

ParamSetting parseSetting(const std::string& text) {
    const auto eq = text.find('=');
    if (eq == std::string::npos)
        throw UsageError("--set '" + text + "' has no '=': write NODE.PARAM=VALUE");
    const std::string target = text.substr(0, eq);
    const auto dot = target.rfind('.');
    if (dot == std::string::npos || dot == 0 || dot + 1 == target.size())
        throw UsageError("--set '" + text +
                         "' does not name a node and a parameter: write NODE.PARAM=VALUE");
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
    options.command = predict ? RunnerOptions::Command::Predict : RunnerOptions::Command::Run;
    const Scope scope = predict ? Scope::Predict : Scope::Run;
    for (const auto& [option, value] : values) {
        if (option->scope != scope)
            throw UsageError(std::string("option ") + option->name +
                             (option->scope == Scope::Predict
                                  ? " belongs to the predict command"
                                  : " does not apply to the predict command"));
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
        else
            options.outputPath = value;
    }

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
    if (positional.empty())
        throw UsageError("no pipeline file given: sluice-run PIPELINE.sluice");
    if (positional.size() > 1)
        throw UsageError("unexpected argument '" + positional[1] + "'");
    options.pipeline = positional.front();
    if (options.pipeline.empty())
        throw UsageError("the pipeline file name is empty");
    return options;
}

std::string versionText() {
    return std::string("sluice-run ") + SLUICE_RUN_VERSION;
}

std::string helpText() {
    return R"HELP(Usage:
  sluice-run PIPELINE.sluice [--set NODE.PARAM=VALUE ...] [--run-to NODE]
             [--threads N] [--memory-limit SIZE] [--json OUT.json] [--quiet]
  sluice-run predict MODEL.json DATA.csv [-o OUT.csv]
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
  --help, -h              Show this help.
  --version               Show the version.

predict: applies a model file (written by a Save model node) to the rows of
a CSV file and writes them with a "prediction" column (and, for classifiers,
one "p(LABEL)" probability column per class) to OUT.csv, or to stdout.

Exit codes:
  0    success
  1    the work failed: a node failed, or an output file could not be written
  2    bad input, nothing ran: a usage error (unknown option, bad --set,
       unknown --run-to node, bad --threads) or an input file that cannot be
       used (missing, not valid JSON, not a pipeline or model file, a CSV
       without the columns the model needs)
  130  interrupted (Ctrl-C, SIGTERM) after cancelling the run; press Ctrl-C
       twice to quit at once
)HELP";
}

}  // namespace sluice::runner
