// Soak of the editor (issue 24): the app, offscreen, opens a copy of the MLP
// example and runs it N times (default 200), changing the network's seed
// before each run (an undoable edit, so every run retrains). It prints, at
// run 1, after the warm-up (run 10) and every 20 runs after: resident
// memory, threads and open file descriptors (from /proc/self), then checks
// that the run history holds N whole records (every node with a status,
// the score's metrics). Targets: memory grows < 5% after warm-up; threads
// and descriptors end where they were after warm-up. Prints figures and
// exits 1 when a target is missed; not part of ctest (about 12 minutes).
// Usage: QT_QPA_PLATFORM=offscreen soak_app [--runs N]
#include <QApplication>
#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QUndoStack>
#include <cstdio>
#include <cstring>

#include "app/document.h"
#include "app/main_window.h"
#include "app/run_controller.h"
#include "history/run_history.h"
#include "process_stats.h"
#include "views/charts/training_charts_panel.h"
#include "views/history/runs_panel.h"
#include "views/run_log.h"

using namespace sluice;

int main(int argc, char** argv) {
    int runs = 200;
    for (int i = 1; i < argc; ++i)
        if (!std::strcmp(argv[i], "--runs") && i + 1 < argc)
            runs = std::atoi(argv[++i]);
    QApplication app(argc, argv);
    QTemporaryDir dir;
    const QString pipeline = dir.filePath("mlp_synthetic.sluice");
    if (!QFile::copy(SLUICE_EXAMPLES_DIR "/mlp_synthetic.sluice", pipeline))
        return 2;

    MainWindow window;
    window.resize(1280, 800);
    window.show();
    if (!window.openFile(pipeline, true))
        return 2;
    QSignalSpy finished(window.runner(), &RunController::runFinished);
    const int warmUp = std::min(10, runs);
    bench::ProcessStats atWarmUp;
    bench::ProcessStats last;
    bool allOk = true;
    std::printf("%5s %10s %10s %8s %5s\n", "run", "RSS (KB)", "heap (KB)", "threads", "fds");
    for (int i = 1; i <= runs; ++i) {
        window.document()->setParam("mlp", "random_state", i);
        window.runPipeline();
        if (!finished.wait(600000)) {
            std::printf("run %d did not finish\n", i);
            return 1;
        }
        allOk = allOk && finished.last().at(0).toBool();
        QApplication::processEvents();  // the history record and the badges
        last = bench::processStats();
        if (i == warmUp)
            atWarmUp = last;
        if (i == 1 || i == warmUp || i % 20 == 0 || i == runs)
            std::printf("%5d %10ld %10ld %8d %5d\n", i, last.rssKb, last.heapKb, last.threads,
                        last.fds);
        std::fflush(stdout);
    }
    const auto listing = history::RunHistory(pipeline.toStdString()).list();
    int whole = 0;
    for (const auto& record : listing.runs) {
        bool ok = record.status == "ok" && record.nodes.size() == 6 && !record.metrics.empty();
        for (const auto& node : record.nodes)
            ok = ok && node.status == "done";
        whole += ok ? 1 : 0;
    }
    const double growth = 100.0 * double(last.rssKb - atWarmUp.rssKb) / double(atWarmUp.rssKb);
    const double heapGrowth =
        100.0 * double(last.heapKb - atWarmUp.heapKb) / double(std::max(1L, atWarmUp.heapKb));
    std::printf(
        "after warm-up (run %d): RSS %+.1f%%, heap in use %+.1f%%, threads %+d, fds %+d; "
        "history: %zu records, %d whole, %zu unreadable; every run ok: %s\n",
        warmUp, growth, heapGrowth, last.threads - atWarmUp.threads, last.fds - atWarmUp.fds,
        listing.runs.size(), whole, listing.warnings.size(), allOk ? "yes" : "no");
    // Where the heap's growth lives: what the session keeps on purpose
    // (the Runs list's records, the log's lines, the undo steps), let go
    // one by one.
    auto heapNow = [] {
        QApplication::processEvents();
        return bench::processStats().heapKb;
    };
    const long before = heapNow();
    window.findChild<RunsPanel*>()->setPipelinePath(QString());
    const long afterRuns = heapNow();
    window.findChild<RunLog*>()->clearLog();
    const long afterLog = heapNow();
    window.document()->undoStack()->clear();
    const long afterUndo = heapNow();
    window.findChild<TrainingChartsPanel*>()->clearAll();
    const long afterCharts = heapNow();
    window.runner()->forgetResults();
    const long afterResults = heapNow();
    std::printf(
        "heap held (KB): Runs list %ld, run log %ld, undo steps %ld, charts %ld, last "
        "results %ld; left %ld (at warm-up %ld)\n",
        before - afterRuns, afterRuns - afterLog, afterLog - afterUndo, afterUndo - afterCharts,
        afterCharts - afterResults, afterResults, atWarmUp.heapKb);
    const bool met = growth < 5.0 && last.threads <= atWarmUp.threads && last.fds <= atWarmUp.fds &&
                     whole == runs && allOk;
    std::printf("%s\n", met ? "targets met" : "TARGET MISSED");
    return met ? 0 : 1;
}
