#pragma once

#include <QString>
#include <QStringList>

namespace sluice {

// What the user asked for on the command line.
//
// Parsing is kept apart from acting on the result so main() can answer
// --version and --help before a QApplication (and so a display) exists, and
// so tests can check the rules without starting a process.
class CommandLine {
public:
    enum class Action {
        RunGui,        ///< open the main window, with pipelinePath() if not empty
        PrintAndExit,  ///< write output() to stdout, exit with exitCode() (0)
        Fail,          ///< write output() to stderr, exit with exitCode() (non-zero)
    };

    // Parses a full argument list, program name first (as QCoreApplication::arguments()).
    // Never touches the file system: whether the pipeline file exists is the
    // window's business, so a missing file still opens the app.
    static CommandLine parse(const QStringList& arguments);

    Action action() const { return action_; }
    QString output() const { return output_; }
    int exitCode() const { return exitCode_; }
    QString pipelinePath() const { return pipelinePath_; }

    // True when the action is Fail because of options this parser does not
    // know. They may be Qt's own (-platform, -style ...), which only
    // QApplication understands and removes, so such a failure is not final
    // until the arguments have been through QApplication.
    bool hasUnknownOptions() const { return hasUnknownOptions_; }

private:
    Action action_ = Action::RunGui;
    QString output_;
    int exitCode_ = 0;
    QString pipelinePath_;
    bool hasUnknownOptions_ = false;
};

}  // namespace sluice
