// RunController: real pipelines run off the GUI thread; badges, metrics, log
// lines and the end of the run arrive as coalesced signals on the GUI thread;
// stop() cancels promptly; edits during and after a run make results stale;
// the GUI event loop keeps ticking during a heavy run. Also the pure parts
// it builds on: lineage keys and the badge book.
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTimer>
#include <QtTest>

#include <map>
#include <memory>
#include <vector>

#include "app/badge_book.h"
#include "app/node_lineage.h"
#include "app/run_controller.h"
#include "pipeline_io/pipeline_file.h"
#include "support/test_registry.h"
#include "support/time_scale.h"

using namespace sluice;
using State = NodeBadge::State;

namespace {

const QString kExamples = QStringLiteral(SLUICE_EXAMPLES_DIR);

Graph example(const char* name) {
    return loadPipeline(std::string(SLUICE_EXAMPLES_DIR) + "/" + name).graph;
}

Graph withParam(Graph graph, const std::string& node, const std::string& name,
                nlohmann::json value) {
    nlohmann::json params = graph.node(node)->params;
    params[name] = std::move(value);
    graph.setParams(node, params);
    return graph;
}

// The MLP example made to train for a while: no early stopping, many epochs.
Graph longMlp(int epochs = 1000) {
    Graph g = example("mlp_synthetic.sluice");
    g = withParam(g, "mlp", "max_iter", epochs);
    g = withParam(g, "mlp", "early_stopping", false);
    g = withParam(g, "mlp", "tol", 0.0);
    return g;
}

const char* stateName(State state) {
    switch (state) {
        case State::Idle:
            return "Idle";
        case State::Stale:
            return "Stale";
        case State::Queued:
            return "Queued";
        case State::Running:
            return "Running";
        case State::Done:
            return "Done";
        case State::Failed:
            return "Failed";
        case State::Skipped:
            return "Skipped";
        case State::Cancelled:
            return "Cancelled";
    }
    return "?";
}

// Everything a controller signals, with times.
struct Recorder {
    explicit Recorder(RunController& controller) {
        clock.start();
        QObject::connect(
            &controller, &RunController::badgeChanged,
            [this](const QString& id, const NodeBadge& badge) { badges[id].push_back(badge); });
        QObject::connect(&controller, &RunController::metricsArrived,
                         [this](const QString& id, const QVector<engine::MetricPoint>& points) {
                             metricSignals[id].push_back(clock.elapsed());
                             metricPoints[id] += points.size();
                         });
        QObject::connect(&controller, &RunController::logLine,
                         [this](const QString& id, const QString& text, bool isError) {
                             logs.push_back({id, text, isError});
                         });
        QObject::connect(&controller, &RunController::runFinished,
                         [this](bool ok_, bool cancelled_) {
                             finished = true;
                             ok = ok_;
                             cancelled = cancelled_;
                             finishedAt = clock.elapsed();
                         });
    }

    // The states a node went through, repeats folded (progress updates).
    QStringList states(const QString& id) const {
        QStringList out;
        const auto it = badges.find(id);
        if (it == badges.end())
            return out;
        for (const NodeBadge& badge : it->second)
            if (out.isEmpty() || out.last() != stateName(badge.state))
                out << stateName(badge.state);
        return out;
    }
    NodeBadge last(const QString& id) const {
        const auto it = badges.find(id);
        return it == badges.end() || it->second.empty() ? NodeBadge{} : it->second.back();
    }
    bool waitFinished(int ms = 120000) {
        QElapsedTimer t;
        t.start();
        while (!finished && t.elapsed() < ms)
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
        return finished;
    }
    bool waitFor(const std::function<bool()>& condition, int ms = 60000) {
        QElapsedTimer t;
        t.start();
        while (!condition() && t.elapsed() < ms)
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 20);
        return condition();
    }

    struct Log {
        QString id, text;
        bool isError;
    };
    QElapsedTimer clock;
    std::map<QString, std::vector<NodeBadge>> badges;
    std::map<QString, std::vector<qint64>> metricSignals;
    std::map<QString, int> metricPoints;
    std::vector<Log> logs;
    bool finished = false, ok = false, cancelled = false;
    qint64 finishedAt = -1;
};

QStringList ids(const Graph& graph) {
    QStringList out;
    for (const GraphNode& node : graph.nodes())
        out << QString::fromStdString(node.id);
    return out;
}

}  // namespace

class TestRunController : public QObject {
    Q_OBJECT

private slots:
    void lineageFollowsParamsAndUpstreamButNotTitles() {
        const Graph iris = example("iris.sluice");
        const auto keys = lineageKeys(iris, builtinNodes());
        QCOMPARE(keys.size(), iris.nodes().size());

        Graph renamed = iris;
        renamed.setTitle("forest", "Another title");
        renamed.setPosition("forest", 5, 5);
        QVERIFY(lineageKeys(renamed, builtinNodes()) == keys);

        // Spelling out a default is no change.
        Graph spelled = withParam(iris, "predict_forest", "nothing", nullptr);
        spelled.setParams("predict_forest", nlohmann::json::object());
        QVERIFY(lineageKeys(spelled, builtinNodes()) == keys);

        const auto edited =
            lineageKeys(withParam(iris, "forest", "n_estimators", 10), builtinNodes());
        for (const char* same :
             {"read", "columns", "split", "scale", "logreg", "predict_logreg", "score_logreg"})
            QVERIFY2(edited.at(same) == keys.at(same), same);
        for (const char* changed : {"forest", "predict_forest", "score_forest", "cv"})
            QVERIFY2(edited.at(changed) != keys.at(changed), changed);
    }

    void badgeBookJudgesRecordsByLineage() {
        BadgeBook book;
        const BadgeBook::Keys keys{{"a", "k1"}, {"b", "k2"}};
        QVERIFY(book.setCurrent(keys, {}).empty());  // all Idle, nothing to say
        book.beginRun(keys);
        NodeBadge running;
        running.state = State::Running;
        QCOMPARE(book.setLive("a", running).size(), std::size_t(1));
        // Edited mid-run: Stale at once, and live news no longer shows.
        auto changes = book.setCurrent({{"a", "k1x"}, {"b", "k2"}}, {});
        QCOMPARE(changes.size(), std::size_t(1));
        QCOMPARE(changes[0].second.state, State::Stale);
        running.progress = 0.5;
        QVERIFY(book.setLive("a", running).empty());
        NodeBadge done;
        done.state = State::Done;
        book.setLive("a", done);
        NodeBadge failed;
        failed.state = State::Failed;
        failed.message = "b: broke";
        book.setLive("b", failed);
        book.endRun({{"a", done}, {"b", failed}});
        changes = book.setCurrent({{"a", "k1x"}, {"b", "k2"}}, {});
        QCOMPARE(book.shown("a").state, State::Stale);
        QCOMPARE(book.shown("b").state, State::Failed);
        // Back to the computed parameters, and the engine still holds them.
        book.setCurrent(keys, {"a"});
        QCOMPARE(book.shown("a").state, State::Done);
        book.setCurrent(keys, {});  // the cache lost it (a file changed)
        QCOMPARE(book.shown("a").state, State::Stale);
        book.setCurrent({{"b", "k2"}, {"c", "k3"}}, {"c"});
        QCOMPARE(book.shown("c").state, State::Done);
        QVERIFY(book.shown("c").cached);
    }

    void irisRunsEveryNodeToDone() {
        const Graph iris = example("iris.sluice");
        RunController controller;
        Recorder rec(controller);
        QSignalSpy started(&controller, &RunController::runStarted);
        QVERIFY(controller.run(iris, kExamples));
        QCOMPARE(started.count(), 1);
        QVERIFY(controller.isRunning());
        QVERIFY(!controller.run(iris, kExamples));  // one at a time
        QVERIFY(rec.waitFinished());
        QVERIFY(rec.ok);
        QVERIFY(!rec.cancelled);
        QVERIFY(!controller.isRunning());
        for (const QString& id : ids(iris)) {
            QCOMPARE(rec.states(id), QStringList({"Queued", "Running", "Done"}));
            QCOMPARE(controller.badge(id).state, State::Done);
            QVERIFY(!controller.badge(id).cached);
        }

        // Results for previews and column pickers.
        const auto outputs = controller.outputs("read");
        QVERIFY(outputs);
        QCOMPARE(std::get<TablePtr>(outputs->at("table"))->rowCount(), std::size_t(150));
        const QStringList columns = controller.columnsOf("columns", "table");
        QVERIFY2(columns.contains("species") && columns.contains("sepal_length"),
                 qPrintable(columns.join(",")));
        QVERIFY(controller.columnsOf("read", "table").isEmpty());  // no such input
        QVERIFY(!controller.outputs("nope"));

        // Log: run start, a line per node, the end; no errors.
        QVERIFY(rec.logs.size() >= std::size_t(iris.nodes().size() + 2));
        QVERIFY(std::none_of(rec.logs.begin(), rec.logs.end(), [](auto& l) { return l.isError; }));
        QVERIFY(rec.logs.back().text.startsWith("Run finished"));

        // Nothing changed: a refresh says nothing; a re-run is all cached.
        rec.badges.clear();
        controller.refreshBadges(iris, kExamples);
        QVERIFY(rec.badges.empty());
        rec.finished = false;
        QVERIFY(controller.run(iris, kExamples));
        QVERIFY(rec.waitFinished());
        for (const QString& id : ids(iris)) {
            QCOMPARE(rec.states(id), QStringList({"Queued", "Done"}));
            QVERIFY(controller.badge(id).cached);
        }
    }

    void editsAfterARunMakeResultsStale() {
        const Graph iris = example("iris.sluice");
        RunController controller;
        Recorder rec(controller);
        controller.run(iris, kExamples);
        QVERIFY(rec.waitFinished());

        rec.badges.clear();
        const Graph edited = withParam(iris, "forest", "n_estimators", 20);
        controller.refreshBadges(edited, kExamples);
        for (const char* id : {"forest", "predict_forest", "score_forest", "cv"})
            QVERIFY2(controller.badge(id).state == State::Stale, id);
        QCOMPARE(rec.badges.size(), std::size_t(4));  // only those changed
        QCOMPARE(controller.badge("logreg").state, State::Done);

        // Undo: the cached results count again.
        controller.refreshBadges(iris, kExamples);
        QCOMPARE(controller.badge("forest").state, State::Done);

        // A node added since the run is Idle; a removed one says nothing.
        Graph grown = iris;
        grown.addNode({"extra", "transform.scale", "Extra", 0, 0, {}});
        grown.removeNode("cv");
        rec.badges.clear();
        controller.refreshBadges(grown, kExamples);
        QCOMPARE(controller.badge("extra").state, State::Idle);
        QVERIFY(rec.badges.empty());
    }

    void failuresAreReportedAndSkipDownstream() {
        Graph iris = withParam(example("iris.sluice"), "read", "path", "/no/such/file.csv");
        iris.setTitle("read", "Data: iris flowers");  // a title with a colon of its own
        RunController controller;
        Recorder rec(controller);
        controller.run(iris, kExamples);
        QVERIFY(rec.waitFinished());
        QVERIFY(!rec.ok);
        QVERIFY(!rec.cancelled);
        QCOMPARE(controller.badge("read").state, State::Failed);
        QVERIFY(controller.badge("read").message.contains("file.csv"));
        QCOMPARE(controller.badge("score_forest").state, State::Skipped);
        QVERIFY(std::any_of(rec.logs.begin(), rec.logs.end(),
                            [](auto& l) { return l.isError && l.id == "read"; }));
        // The log line and the card name the node already; the message does
        // not repeat "Title (read): " (issue 25, item 7).
        for (const auto& l : rec.logs)
            if (l.id == "read" && l.isError)
                QVERIFY2(!l.text.contains("(read)") && !l.text.contains("Data:") &&
                             l.text.contains("file.csv"),
                         qPrintable(l.text));
        QVERIFY2(!controller.badge("read").message.contains("(read)"),
                 qPrintable(controller.badge("read").message));
        // A failure stays while nothing changed...
        controller.refreshBadges(iris, kExamples);
        QCOMPARE(controller.badge("read").state, State::Failed);
        // ...and goes stale once it did.
        controller.refreshBadges(withParam(iris, "read", "path", "/other.csv"), kExamples);
        QCOMPARE(controller.badge("read").state, State::Stale);
    }

    void runToCoversOnlyUpstream() {
        const Graph iris = example("iris.sluice");
        RunController controller;
        Recorder rec(controller);
        controller.run(iris, kExamples, "split");
        QVERIFY(rec.waitFinished());
        QVERIFY(rec.ok);
        for (const char* id : {"read", "columns", "split"})
            QCOMPARE(controller.badge(id).state, State::Done);
        QCOMPARE(controller.badge("scale").state, State::Idle);
        QVERIFY(!rec.badges.count("scale"));

        rec.finished = false;
        controller.run(iris, kExamples, "no such node");
        QVERIFY(rec.waitFinished());
        QVERIFY(!rec.ok);
        QVERIFY(rec.logs.back().isError);
    }

    void metricsArriveCoalesced() {
        // A small network on few rows trains thousands of epochs a second,
        // and the engine is told to batch every millisecond: the controller's
        // ticks are what keeps the signals down.
        Graph g = longMlp(1500);
        g = withParam(g, "data", "n_rows", 3000);
        g = withParam(g, "mlp", "hidden_layer_sizes", "[8]");
        g = withParam(g, "mlp", "batch_size", 1000);
        RunController controller;
        controller.setThrottle(std::chrono::milliseconds(1));
        Recorder rec(controller);
        int lastStep = -1;
        bool ordered = true;
        QObject::connect(&controller, &RunController::metricsArrived,
                         [&](const QString&, const QVector<engine::MetricPoint>& points) {
                             for (const engine::MetricPoint& p : points) {
                                 ordered = ordered && p.step > lastStep;
                                 lastStep = p.step;
                             }
                         });
        controller.run(g, kExamples);
        QVERIFY(rec.waitFinished(300000));
        QVERIFY(rec.ok);
        const auto& times = rec.metricSignals["mlp"];
        QVERIFY(!times.empty());
        const double seconds = std::max((times.back() - times.front()) / 1000.0, 0.001);
        qInfo("MLP: %d metric points in %zu metricsArrived signals over %.2f s (%.1f signals/s)",
              rec.metricPoints["mlp"], times.size(), seconds, (times.size() - 1) / seconds);
        // One signal per tick, plus the last one when the run ends.
        const double bound = seconds * 1000.0 / RunController::kTickMs + 2;
        QVERIFY(times.size() <= bound);
        // Every epoch's point arrives, in order: coalescing drops none.
        QCOMPARE(rec.metricPoints["mlp"], 1500);
        QVERIFY(ordered);
        int running = 0;
        for (const NodeBadge& b : rec.badges["mlp"])
            running += b.state == State::Running;
        QVERIFY(running <= bound);
    }

    void stopCancelsWithinAFewHundredMilliseconds() {
        RunController controller;
        Recorder rec(controller);
        controller.run(longMlp(), kExamples);
        QVERIFY(rec.waitFor([&] { return rec.metricPoints["mlp"] >= 2; }));
        const qint64 stoppedAt = rec.clock.elapsed();
        controller.stop();
        QVERIFY(rec.waitFinished(10000));
        const qint64 took = rec.finishedAt - stoppedAt;
        qInfo("stop() to runFinished(cancelled): %lld ms", took);
        QVERIFY(rec.cancelled);
        QVERIFY(!rec.ok);
        QCOMPARE(controller.badge("mlp").state, State::Cancelled);
        QVERIFY(controller.badge("predict").state == State::Cancelled);
        QCOMPARE(controller.badge("data").state, State::Done);
        QVERIFY2(took < 500 * sluice::testing::timeScale(), "target ~300 ms");

        // The next run works normally (and reuses the cached upstream).
        rec.finished = false;
        controller.run(withParam(longMlp(), "mlp", "max_iter", 1), kExamples);
        QVERIFY(rec.waitFinished());
        QVERIFY(rec.ok);
        QCOMPARE(controller.badge("data").state, State::Done);
        QVERIFY(controller.badge("data").cached);
    }

    void stopRightAfterRunStillCancels() {
        RunController controller;
        Recorder rec(controller);
        controller.run(longMlp(), kExamples);
        controller.stop();  // before the worker thread even reached the engine
        QVERIFY(rec.waitFinished(10000));
        QVERIFY(rec.cancelled);
        QVERIFY(rec.finishedAt < 2000);
    }

    void anEditDuringARunEndsStale() {
        const Graph g = longMlp(6);
        RunController controller;
        Recorder rec(controller);
        controller.run(g, kExamples);
        QVERIFY(rec.waitFor([&] { return controller.badge("mlp").state == State::Running; }));
        const Graph edited = withParam(g, "mlp", "alpha", 0.01);
        controller.refreshBadges(edited, kExamples);
        QCOMPARE(controller.badge("mlp").state, State::Stale);
        QCOMPARE(controller.badge("score").state, State::Stale);
        QVERIFY(rec.waitFinished(300000));
        QVERIFY(rec.ok);
        for (const char* id : {"mlp", "predict", "score"})
            QVERIFY2(controller.badge(id).state == State::Stale, id);
        for (const char* id : {"data", "split", "scale"})
            QVERIFY2(controller.badge(id).state == State::Done, id);
        // After the run, the badges never said Done under the new parameters.
        bool sawDone = false;
        for (const NodeBadge& b : rec.badges["score"])
            sawDone = sawDone || b.state == State::Done;
        QVERIFY(!sawDone);
        // Its results stay available for previews.
        QVERIFY(controller.outputs("mlp"));
    }

    void guiStaysResponsiveDuringAHeavyRun() {
        Graph g = longMlp(3);
        g = withParam(g, "data", "n_rows", 1'000'000);
        RunController controller;
        Recorder rec(controller);
        QElapsedTimer since;
        qint64 longest = 0;
        int ticks = 0;
        QTimer probe;
        probe.setInterval(5);
        QObject::connect(&probe, &QTimer::timeout, [&] {
            if (ticks++ > 0)
                longest = std::max(longest, since.elapsed());
            since.restart();
        });
        controller.run(g, kExamples);
        probe.start();
        since.start();
        // A few seconds of the heavy part are enough to judge.
        QVERIFY(rec.waitFor([&] { return rec.finished || rec.clock.elapsed() > 15000; }, 20000));
        probe.stop();
        const qint64 ran = rec.clock.elapsed();
        controller.stop();
        QVERIFY(rec.waitFinished(10000));
        qInfo("1M-row run: %lld ms watched, %d ticks of 5 ms, longest gap %lld ms", ran, ticks,
              longest);
        QVERIFY2(longest < 100, "target < 50 ms");
    }

    void destroyingDuringARunCancelsAndJoins() {
        auto controller = std::make_unique<RunController>();
        Recorder rec(*controller);
        controller->run(longMlp(), kExamples);
        QVERIFY(rec.waitFor([&] { return controller->badge("mlp").state == State::Running; }));
        QElapsedTimer t;
        t.start();
        controller.reset();
        qInfo("destroyed during a run in %lld ms", t.elapsed());
        QVERIFY(t.elapsed() < 2000 * sluice::testing::timeScale());
        QCoreApplication::processEvents();  // no late signal from a dead controller
        QVERIFY(!rec.finished);
    }
};

SLUICE_TEST_MAIN(TestRunController)
#include "test_run_controller.moc"
