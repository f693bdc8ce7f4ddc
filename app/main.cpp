// Entry point of the sluice executable; everything testable lives in sluice_app.

#include "app/command_line.h"
#include "app/crash_handler.h"
#include "app/file_controller.h"
#include "app/main_window.h"
#include "app/version.h"
#include "resources/sluice_resources.h"

#include <QApplication>
#include <QDateTime>
#include <QIcon>
#include <QStringList>
#include <QSysInfo>
#include <QTimer>

#include <cstdio>

namespace {

int finish(const sluice::CommandLine& commandLine) {
    const QByteArray text = commandLine.output().toLocal8Bit();
    std::FILE* stream = commandLine.action() == sluice::CommandLine::Action::Fail ? stderr : stdout;
    std::fputs(text.constData(), stream);
    std::fflush(stream);
    return commandLine.exitCode();
}

}  // namespace

int main(int argc, char* argv[]) {
    // Answer --version, --help and usage errors before QApplication exists:
    // they must work without a display (over ssh, in packaging scripts). Only
    // a failure on unknown options waits, since those may be Qt's own
    // (-platform, -style ...), which QApplication understands and removes.
    QStringList rawArguments;
    for (int i = 0; i < argc; ++i) {
        rawArguments.append(QString::fromLocal8Bit(argv[i]));
    }
    const auto early = sluice::CommandLine::parse(rawArguments);
    if (early.action() != sluice::CommandLine::Action::RunGui && !early.hasUnknownOptions()) {
        return finish(early);
    }

    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Sluice"));
    QApplication::setOrganizationName(QStringLiteral("Sluice"));
    QApplication::setApplicationVersion(QLatin1String(sluice::kVersion));
    QApplication::setDesktopFileName(QStringLiteral("sluice"));  // matches sluice.desktop
    QApplication::setWindowIcon(sluice::resources::appIcon());

    const auto commandLine = sluice::CommandLine::parse(QApplication::arguments());
    if (commandLine.action() != sluice::CommandLine::Action::RunGui) {
        return finish(commandLine);
    }

    // Beside the recovery copies, so the next start finds both together.
    sluice::crash::install(sluice::FileController::standardRecoveryDirectory(),
                           QStringLiteral("Sluice %1\nplatform: %2 (%3), Qt %4\nstarted: %5")
                               .arg(QLatin1String(sluice::kVersion), QSysInfo::prettyProductName(),
                                    QSysInfo::currentCpuArchitecture(), QLatin1String(qVersion()),
                                    QDateTime::currentDateTime().toString(Qt::ISODate)));

    sluice::MainWindow window;
    if (!commandLine.pipelinePath().isEmpty()) {
        window.requestPipeline(commandLine.pipelinePath());
    }
    window.show();
    // After the window is up, so the question has a parent to sit on.
    QTimer::singleShot(0, &window, [&window] {
        window.offerRecovery();
        sluice::crash::crashForTestIfAsked();
    });
    return QApplication::exec();
}
