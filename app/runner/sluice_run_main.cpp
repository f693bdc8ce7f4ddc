// sluice-run: runs Sluice pipelines and applies saved models without the
// desktop app. See runner_options.h for the command line and exit_codes.h
// for what the exit status means.
#include <exception>
#include <iostream>
#include <string>
#include <vector>

#include "app/runner/exit_codes.h"
#include "app/runner/export_command.h"
#include "app/runner/nodes_command.h"
#include "app/runner/predict_command.h"
#include "app/runner/run_command.h"
#include "app/runner/runner_options.h"
#include "app/runner/watch_command.h"

int main(int argc, char** argv) {
    using namespace sluice::runner;
    try {
        RunnerOptions options;
        try {
            options = parseArguments(std::vector<std::string>(argv + 1, argv + argc));
        } catch (const UsageError& e) {
            std::cerr << "sluice-run: " << e.what() << "\nTry 'sluice-run --help'.\n";
            return kExitBadInput;
        }
        switch (options.command) {
            case RunnerOptions::Command::Help:
                std::cout << helpText();
                return kExitOk;
            case RunnerOptions::Command::Version:
                std::cout << versionText() << '\n';
                return kExitOk;
            case RunnerOptions::Command::Predict:
                return runPredictCommand(options, std::cout, std::cerr);
            case RunnerOptions::Command::Nodes:
                return runNodesCommand(options, std::cout);
            case RunnerOptions::Command::ExportPython:
                return runExportPythonCommand(options, std::cout, std::cerr);
            case RunnerOptions::Command::Run:
                return options.watch ? watchPipelineCommand(options) : runPipelineCommand(options);
        }
    } catch (const std::exception& e) {
        std::cerr << "sluice-run: unexpected error: " << e.what() << '\n';
    }
    return kExitFailed;
}
