#include "app/crash_handler.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstring>

#if defined(__unix__) || defined(__APPLE__)
#define SLUICE_CRASH_HANDLER 1
#include <execinfo.h>
#include <fcntl.h>
#include <unistd.h>
#endif

namespace sluice::crash {
namespace {

constexpr int kSignals[] = {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT};

// Filled at install() and by setPipelineName(); read by the handler, which
// may not allocate.
char reportPath_[4096];
char header_[1024];
char pipeline_[512];

const char* describe(int signal) {
    switch (signal) {
        case SIGSEGV:
            return "SIGSEGV (segmentation fault: a bad memory access)";
        case SIGBUS:
            return "SIGBUS (bus error: a bad memory access)";
        case SIGFPE:
            return "SIGFPE (arithmetic error)";
        case SIGILL:
            return "SIGILL (illegal instruction)";
        case SIGABRT:
            return "SIGABRT (aborted)";
        default:
            return "an unexpected signal";
    }
}

void copyInto(char* buffer, std::size_t size, std::string_view text) {
    const std::size_t n = std::min(text.size(), size - 1);
    std::memcpy(buffer, text.data(), n);
    buffer[n] = '\0';
}

#ifdef SLUICE_CRASH_HANDLER
void put(int fd, const char* text) {
    std::size_t left = std::strlen(text);
    while (left > 0) {
        const ssize_t n = ::write(fd, text, left);
        if (n <= 0)
            return;
        text += n;
        left -= static_cast<std::size_t>(n);
    }
}

void onCrash(int signal) {
    // One report, even if writing it faults again.
    static std::atomic<bool> writing{false};
    const int savedErrno = errno;
    if (!writing.exchange(true)) {
        const int fd = ::open(reportPath_, O_WRONLY | O_CREAT | O_TRUNC, 0600);
        if (fd >= 0) {
            put(fd, header_);
            put(fd, "signal: ");
            put(fd, describe(signal));
            put(fd, "\npipeline: ");
            put(fd, pipeline_);
            put(fd, "\nbacktrace:\n");
            void* frames[64];
            const int count = ::backtrace(frames, 64);
            ::backtrace_symbols_fd(frames, count, fd);
            ::close(fd);
        }
    }
    errno = savedErrno;
    // The default action, so the exit status (and a core dump) stay as they
    // would have been without us.
    std::signal(signal, SIG_DFL);
    std::raise(signal);
}
#endif

}  // namespace

void install(const QString& dir, const QString& header) {
#ifdef SLUICE_CRASH_HANDLER
    QDir().mkpath(dir);
    const QString path =
        QDir(dir).filePath(QStringLiteral("crash-%1-%2.new.txt")
                               .arg(QDateTime::currentDateTime().toString("yyyyMMdd-HHmmss"))
                               .arg(::getpid()));
    copyInto(reportPath_, sizeof reportPath_, path.toLocal8Bit().toStdString());
    copyInto(header_, sizeof header_, (header + QLatin1Char('\n')).toUtf8().toStdString());
    // backtrace() loads libgcc on first use, which allocates: do it now.
    void* warm[1];
    ::backtrace(warm, 1);

    static char altStack[64 * 1024];
    stack_t stack{};
    stack.ss_sp = altStack;
    stack.ss_size = sizeof altStack;
    ::sigaltstack(&stack, nullptr);
    struct sigaction action {};
    action.sa_handler = onCrash;
    action.sa_flags = SA_ONSTACK;
    sigemptyset(&action.sa_mask);
    for (int signal : kSignals)
        ::sigaction(signal, &action, nullptr);
#else
    (void)dir;
    (void)header;
#endif
}

void setPipelineName(std::string_view name) {
    copyInto(pipeline_, sizeof pipeline_, name);
}

void crashForTestIfAsked() {
    const QByteArray how = qgetenv("SLUICE_TEST_CRASH");
    if (how == "segv")
        std::raise(SIGSEGV);
    else if (how == "abort")
        std::abort();
}

QList<CrashReport> takeNewCrashReports(const QString& dir) {
    QList<CrashReport> reports;
    const QFileInfoList found =
        QDir(dir).entryInfoList({QStringLiteral("crash-*.new.txt")}, QDir::Files, QDir::Time);
    for (const QFileInfo& file : found) {
        QString path = file.absoluteFilePath();
        const QDateTime written = file.lastModified();  // before the rename
        const QString told = path.left(path.size() - int(sizeof(".new.txt") - 1)) + ".txt";
        if (QFile::rename(path, told))
            path = told;
        CrashReport report;
        report.path = path;
        report.written = written;
        QFile text(path);
        if (text.open(QIODevice::ReadOnly)) {
            for (const QByteArray& line : text.readAll().split('\n')) {
                if (line.startsWith("signal: "))
                    report.signal = QString::fromUtf8(line.mid(8));
                else if (line.startsWith("pipeline: "))
                    report.pipeline = QString::fromUtf8(line.mid(10));
            }
        }
        reports << report;
    }
    return reports;
}

}  // namespace sluice::crash
