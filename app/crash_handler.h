// When Sluice crashes: a short report beside the recovery copies.
//
// install() sets handlers for SIGSEGV, SIGBUS, SIGFPE, SIGILL and SIGABRT
// (on an alternate stack, so a stack overflow on the main thread is caught
// too). On such a signal the handler writes
//   <dir>/crash-<start time>-<pid>.new.txt
// holding the version and platform given to install(), the signal, the open
// pipeline's name (setPipelineName) and a backtrace, and then lets the signal
// end the process as it would have (the exit status is unchanged). Only
// async-signal-safe calls run in the handler: the path and header are
// formatted at install(), the name is copied into a fixed buffer.
//
// takeNewCrashReports() finds those files at the next start, renames each
// to crash-...txt (so it is told once) and says what each holds, for the
// start-up message. Unix only; on other platforms install() does nothing.
//
// For tests, SLUICE_TEST_CRASH=segv|abort in the environment makes the app
// crash that way right after start-up (crashForTestIfAsked()).
#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

#include <string>
#include <string_view>

namespace sluice::crash {

void install(const QString& dir, const QString& header);
void setPipelineName(std::string_view name);
void crashForTestIfAsked();

struct CrashReport {
    QString path;      // after renaming
    QString signal;    // "SIGSEGV (segmentation fault)"
    QString pipeline;  // "" when none was open
    QDateTime written;
};
QList<CrashReport> takeNewCrashReports(const QString& dir);

}  // namespace sluice::crash
