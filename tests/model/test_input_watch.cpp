// InputWatch: which files a watched pipeline re-runs for, and when.
#include <QTemporaryDir>
#include <QtTest>

#include <chrono>
#include <filesystem>
#include <fstream>

#include "graph/graph.h"
#include "nodes/node_registry.h"
#include "support/test_registry.h"
#include "watch/input_watch.h"

using namespace std::chrono_literals;
using sluice::InputWatch;

namespace {

void writeFile(const std::string& path, const std::string& text) {
    std::ofstream(path, std::ios::binary | std::ios::trunc) << text;
}

// Moves the file's modification time so a rewrite of the same size is a
// change even on file systems with coarse timestamps.
void touchLater(const std::string& path, int seconds) {
    const auto t = std::filesystem::last_write_time(path);
    std::filesystem::last_write_time(path, t + std::chrono::seconds(seconds));
}

}  // namespace

class TestInputWatch : public QObject {
    Q_OBJECT

private slots:
    void watchesReadersButNotWriters() {
        sluice::Graph graph;
        graph.addNode({"read", "data.read_csv", "Read", 0, 0, {{"path", "data/iris.csv"}}});
        graph.addNode({"read2", "data.read_csv", "Read again", 0, 0, {{"path", "data/iris.csv"}}});
        graph.addNode({"write", "data.write_csv", "Write", 0, 0, {{"path", "out.csv"}}});
        graph.addNode({"save", "output.save_model", "Save", 0, 0, {{"path", "model.json"}}});
        graph.addNode({"abs", "data.read_csv", "Absolute", 0, 0, {{"path", "/srv/x.csv"}}});
        const auto paths = sluice::inputFilePaths(graph, sluice::builtinNodes(), "/base");
        // Resolved against the pipeline's folder, each file once, writers left out.
        QCOMPARE(paths, (std::vector<std::string>{"/base/data/iris.csv", "/srv/x.csv"}));
    }

    void changeTriggersOnceSettledAndAfterTheMinimumInterval() {
        QTemporaryDir dir;
        const std::string file = dir.filePath("a.csv").toStdString();
        writeFile(file, "x\n1\n");
        const auto t0 = InputWatch::Clock::time_point{} + 100s;
        InputWatch watch({file}, {.minInterval = 10s, .settle = 1s}, t0);
        watch.runStarted(t0);
        QVERIFY(!watch.poll(t0 + 20s));  // nothing changed

        writeFile(file, "x\n1\n2\n");
        QVERIFY(!watch.poll(t0 + 2s));      // seen moving: settle first
        QVERIFY(!watch.poll(t0 + 2500ms));  // quiet for 0.5 s only
        QVERIFY(!watch.poll(t0 + 3500ms));  // settled, but 10 s have not passed
        const auto due = watch.poll(t0 + 10s);
        QVERIFY(due.has_value());
        QCOMPARE(*due, std::vector<std::string>{file});

        // The run reads the file as it now is: no second trigger.
        watch.runStarted(t0 + 10s);
        QVERIFY(!watch.poll(t0 + 30s));
    }

    void fileStillBeingWrittenWaits() {
        QTemporaryDir dir;
        const std::string file = dir.filePath("a.csv").toStdString();
        writeFile(file, "x\n");
        const auto t0 = InputWatch::Clock::time_point{} + 100s;
        InputWatch watch({file}, {.minInterval = 0s, .settle = 1s}, t0);
        std::string text = "x\n";
        for (int i = 1; i <= 5; ++i) {  // grows every 0.6 s: never settles
            text += std::to_string(i) + "\n";
            writeFile(file, text);
            QVERIFY(!watch.poll(t0 + i * 600ms));
        }
        QVERIFY(watch.poll(t0 + 3000ms + 1s).has_value());
    }

    void creationDeletionAndSameSizeRewriteAreChanges() {
        QTemporaryDir dir;
        const std::string a = dir.filePath("a.csv").toStdString();
        const std::string b = dir.filePath("b.csv").toStdString();
        writeFile(a, "x\n1\n");
        auto t = InputWatch::Clock::time_point{} + 100s;
        InputWatch watch({a, b}, {.minInterval = 0s, .settle = 0s}, t);

        writeFile(b, "y\n");  // created
        QVERIFY(!watch.poll(t += 1s));
        QCOMPARE(*watch.poll(t += 1s), std::vector<std::string>{b});
        watch.runStarted(t);

        writeFile(a, "x\n9\n");  // same size, later time
        touchLater(a, 5);
        QVERIFY(!watch.poll(t += 1s));
        QCOMPARE(*watch.poll(t += 1s), std::vector<std::string>{a});
        watch.runStarted(t);

        std::filesystem::remove(a);  // deleted: the run will say so
        QVERIFY(!watch.poll(t += 1s));
        QCOMPARE(*watch.poll(t += 1s), std::vector<std::string>{a});
    }

    void changeDuringARunIsReportedAfterIt() {
        QTemporaryDir dir;
        const std::string file = dir.filePath("a.csv").toStdString();
        writeFile(file, "x\n1\n");
        auto t = InputWatch::Clock::time_point{} + 100s;
        InputWatch watch({file}, {.minInterval = 0s, .settle = 0s}, t);
        watch.runStarted(t);
        writeFile(file, "x\n1\n2\n");  // the run read the old file
        QVERIFY(!watch.poll(t += 1s));
        QVERIFY(watch.poll(t += 1s).has_value());
    }

    void describesChangedFiles() {
        QCOMPARE(sluice::describeChangedFiles({"/d/iris.csv"}), std::string("iris.csv"));
        QCOMPARE(sluice::describeChangedFiles({"/d/a.csv", "/d/b.csv"}),
                 std::string("a.csv and 1 more file"));
        QCOMPARE(sluice::describeChangedFiles({"/d/a.csv", "/d/b.csv", "/c.csv"}),
                 std::string("a.csv and 2 more files"));
    }
};

SLUICE_TEST_GUILESS_MAIN(TestInputWatch)
#include "test_input_watch.moc"
