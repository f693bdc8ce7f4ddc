#include "app/command_line.h"

#include "app/version.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QStringList>

namespace sluice {

namespace {

// The usual exit status for a command-line usage error, as in most GNU tools.
constexpr int kUsageError = 2;

}  // namespace

CommandLine CommandLine::parse(const QStringList& arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "CommandLine", "Build, run and watch machine-learning pipelines visually."));
    // Our own options rather than addHelpOption()/addVersionOption(): those make
    // process() print and call exit(), and the version line must be "sluice X.Y.Z"
    // whatever the application name is.
    const QCommandLineOption help(
        {QStringLiteral("h"), QStringLiteral("help")},
        QCoreApplication::translate("CommandLine", "Show this help and exit."));
    const QCommandLineOption version(
        QStringLiteral("version"),
        QCoreApplication::translate("CommandLine", "Show the version and exit."));
    parser.addOption(help);
    parser.addOption(version);
    parser.addPositionalArgument(
        QStringLiteral("pipeline"),
        QCoreApplication::translate("CommandLine", "Pipeline file (.sluice) to open."),
        QStringLiteral("[pipeline]"));

    CommandLine result;
    if (!parser.parse(arguments)) {
        result.action_ = Action::Fail;
        result.exitCode_ = kUsageError;
        result.hasUnknownOptions_ = !parser.unknownOptionNames().isEmpty();
        result.output_ = parser.errorText() + QLatin1Char('\n') +
                         QCoreApplication::translate("CommandLine", "Try 'sluice --help'.") +
                         QLatin1Char('\n');
        return result;
    }
    if (parser.isSet(help)) {
        result.action_ = Action::PrintAndExit;
        // Before QApplication exists Qt cannot know the program name and
        // writes a placeholder; users type "sluice", so say that.
        result.output_ =
            parser.helpText().replace(QLatin1String("<executable_name>"), QLatin1String("sluice"));
        return result;
    }
    if (parser.isSet(version)) {
        result.action_ = Action::PrintAndExit;
        result.output_ = QStringLiteral("sluice %1\n").arg(QLatin1String(kVersion));
        return result;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.size() > 1) {
        result.action_ = Action::Fail;
        result.exitCode_ = kUsageError;
        result.output_ = QCoreApplication::translate(
                             "CommandLine", "Only one pipeline file can be opened, got %1.\n")
                             .arg(positional.size());
        return result;
    }
    if (!positional.isEmpty()) {
        result.pipelinePath_ = positional.first();
    }
    return result;
}

}  // namespace sluice
