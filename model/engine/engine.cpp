// Engine: the worker pool and the scheduler around executeNode().
//
// Workers wait on one queue of ready slots. A worker that finishes a node
// resolves its dependents under the engine's mutex and, if one became ready,
// picks it up itself without a thread hand-off, so a chain of small nodes
// costs a few atomic operations per node, not a context switch. The thread
// that called run() only waits: every throttle interval it wakes to flush
// metric batches of running nodes.
#include "engine/engine.h"

#include <condition_variable>
#include <deque>
#include <stdexcept>
#include <thread>

#include "engine/run_state.h"
#include "util/cpu_budget.h"
#include "util/parallel_for.h"

namespace sluice::engine {

bool RunResult::ok() const {
    return !cancelled && count(NodeStatus::Failed) == 0 && count(NodeStatus::Cancelled) == 0 &&
           count(NodeStatus::Skipped) == 0;
}

int RunResult::count(NodeStatus status) const {
    int n = 0;
    for (const auto& [id, outcome] : nodes)
        n += outcome.status == status;
    return n;
}

struct Engine::Impl {
    explicit Impl(const NodeRegistry& r) : registry(r) {}

    void startWorkers(unsigned count);
    void stopWorkers();
    void workerLoop();
    // Called with `mutex` held after slot `first` resolved; queues the
    // dependents now ready and collects those it resolves without running
    // (skipped or cancelled).
    void resolved(RunState& state, int first, std::vector<std::pair<int, bool>>& unrunnable);

    const NodeRegistry& registry;
    NodeCache cache;
    std::atomic<bool> cancelFlag{false};
    std::atomic<bool> busy{false};

    std::mutex mutex;
    std::condition_variable workReady;
    std::condition_variable runDone;
    std::deque<int> ready;
    RunState* current = nullptr;
    int inFlight = 0;  // workers holding a slot of `current`
    bool stopping = false;
    std::vector<std::thread> workers;
    std::unique_ptr<CpuBudget> budget;
};

void Engine::Impl::startWorkers(unsigned count) {
    if (workers.size() == count)
        return;
    stopWorkers();
    budget = std::make_unique<CpuBudget>(static_cast<int>(count));
    stopping = false;
    for (unsigned i = 0; i < count; ++i)
        workers.emplace_back([this] { workerLoop(); });
}

void Engine::Impl::stopWorkers() {
    {
        std::lock_guard lock(mutex);
        stopping = true;
    }
    workReady.notify_all();
    for (auto& worker : workers)
        worker.join();
    workers.clear();
}

void Engine::Impl::workerLoop() {
    BudgetScope scope(budget.get());
    std::unique_lock lock(mutex);
    while (true) {
        workReady.wait(lock, [&] { return stopping || !ready.empty(); });
        if (ready.empty())
            return;  // stopping
        const int index = ready.front();
        ready.pop_front();
        if (!ready.empty())
            workReady.notify_one();
        RunState& state = *current;
        ++inFlight;
        lock.unlock();

        budget->claim();
        executeNode(state, index);
        budget->give(1);

        std::vector<std::pair<int, bool>> unrunnable;
        lock.lock();
        resolved(state, index, unrunnable);
        lock.unlock();
        for (const auto& [slot, wasCancelled] : unrunnable) {
            const Slot& s = state.slots[static_cast<std::size_t>(slot)];
            emitNodeEvent(state.sink,
                          wasCancelled ? RunEvent::Kind::Cancelled : RunEvent::Kind::Skipped,
                          s.node->id, s.outcome.message);
        }
        lock.lock();
        // run() returns (and frees the state) only once no worker touches it.
        if (--inFlight == 0 && state.remaining == 0)
            runDone.notify_all();
    }
}

void Engine::Impl::resolved(RunState& state, int first,
                            std::vector<std::pair<int, bool>>& unrunnable) {
    // A worklist, not recursion: a failure at the head of a 20,000-node chain
    // skips the whole chain, which recursion would walk 20,000 frames deep.
    std::vector<int> todo{first};
    while (!todo.empty()) {
        const int index = todo.back();
        todo.pop_back();
        --state.remaining;
        const Slot& slot = state.slots[static_cast<std::size_t>(index)];
        const bool done = slot.outcome.status == NodeStatus::Done;
        for (const int d : slot.dependents) {
            Slot& dependent = state.slots[static_cast<std::size_t>(d)];
            if (!done && dependent.blockedBy.empty())
                dependent.blockedBy = nodeLabel(slot);
            if (--dependent.waiting > 0)
                continue;
            if (dependent.blockedBy.empty()) {
                ready.push_back(d);
                continue;
            }
            const bool wasCancelled = cancelFlag.load();
            dependent.outcome.status = wasCancelled ? NodeStatus::Cancelled : NodeStatus::Skipped;
            dependent.outcome.message =
                nodeLabel(dependent) +
                (wasCancelled ? ": cancelled"
                              : ": skipped because " + dependent.blockedBy + " did not finish");
            unrunnable.emplace_back(d, wasCancelled);
            todo.push_back(d);
        }
    }
    // No wake-up here: the worker that resolved these takes the first ready
    // node itself when it loops, and wakes another only if more are ready.
    // Waking one now made every step of a chain hop between threads (three
    // times the cost per node on 2 workers).
}

Engine::Engine(const NodeRegistry& registry) : impl_(std::make_unique<Impl>(registry)) {}

Engine::~Engine() {
    impl_->stopWorkers();
}

void Engine::cancel() {
    impl_->cancelFlag.store(true);
}

void Engine::clearCache() {
    impl_->cache.clear();
}

std::size_t Engine::cacheSize() const {
    return impl_->cache.size();
}

RunResult Engine::run(const Graph& graph, const RunOptions& options, RunObserver* observer) {
    Impl& impl = *impl_;
    if (impl.busy.exchange(true))
        throw std::logic_error("Engine::run: this engine is already running a graph");
    struct Release {
        std::atomic<bool>& flag;
        ~Release() { flag.store(false); }
    } release{impl.busy};
    impl.cancelFlag.store(false);

    using Clock = std::chrono::steady_clock;
    const auto start = Clock::now();
    EventSink sink(observer);
    RunState state(graph, options, sink, impl.cache, impl.cancelFlag);
    state.threads = options.threads ? options.threads : defaultThreadCount();
    RunResult result;

    try {
        planRun(state, impl.registry);
    } catch (const std::logic_error& cycle) {
        if (dynamic_cast<const std::invalid_argument*>(&cycle))
            throw;  // a bad runTo is the caller's mistake
        // A cycle (only a hand-edited file can hold one): no node can run.
        for (const GraphNode& node : graph.nodes()) {
            NodeOutcome& outcome = result.nodes[node.id];
            outcome.status = NodeStatus::Failed;
            outcome.message = std::string("cannot run: ") + cycle.what();
            emitNodeEvent(sink, RunEvent::Kind::Failed, node.id, outcome.message);
        }
        return result;
    }

    if (sink.active()) {
        RunEvent started;
        started.kind = RunEvent::Kind::RunStarted;
        started.text = std::to_string(state.slots.size());
        sink.emit(started);
        for (const Slot& slot : state.slots)
            emitNodeEvent(sink, RunEvent::Kind::Queued, slot.node->id);
    }

    if (!state.slots.empty()) {
        impl.startWorkers(state.threads);
        std::unique_lock lock(impl.mutex);
        impl.current = &state;
        for (std::size_t i = 0; i < state.slots.size(); ++i)
            if (state.slots[i].waiting == 0)
                impl.ready.push_back(static_cast<int>(i));
        impl.workReady.notify_all();
        const auto finished = [&] { return state.remaining == 0 && impl.inFlight == 0; };
        while (!finished()) {
            impl.runDone.wait_for(lock, options.throttle);
            if (finished())
                break;
            lock.unlock();
            {
                std::lock_guard reporters(state.reportersMutex);
                for (NodeReporter* reporter : state.reporters)
                    reporter->flushDue();
            }
            lock.lock();
        }
        impl.current = nullptr;
    }

    for (Slot& slot : state.slots)
        result.nodes.emplace(slot.node->id, std::move(slot.outcome));
    result.cancelled = impl.cancelFlag.load();
    result.seconds = std::chrono::duration<double>(Clock::now() - start).count();
    if (sink.active()) {
        RunEvent finished;
        finished.kind = RunEvent::Kind::RunFinished;
        finished.seconds = result.seconds;
        sink.emit(finished);
    }
    return result;
}

std::set<std::string> Engine::cachedNodes(const Graph& graph,
                                          const std::string& baseDirectory) const {
    std::set<std::string> fresh;
    std::vector<std::string> order;
    try {
        order = graph.topologicalOrder();
    } catch (const std::logic_error&) {
        return fresh;
    }
    std::map<std::string, std::string> outputKeys;  // node id -> output key
    for (const std::string& id : order) {
        const GraphNode* node = graph.node(id);
        const NodeType* type = impl_->registry.find(node->type);
        if (!type)
            continue;
        InputKeys inputs;
        bool known = true;
        for (const GraphEdge& edge : graph.edgesInto(id)) {
            const auto up = outputKeys.find(edge.from.node);
            if (up == outputKeys.end()) {
                known = false;
                break;
            }
            inputs[edge.to.port] = inputKey(up->second, edge.from.port);
        }
        if (!known)
            continue;
        const nlohmann::json params = type->withDefaults(node->params);
        const auto hit = impl_->cache.find(nodeKey(node->type, params, inputs),
                                           stampFiles(*type, params, baseDirectory));
        if (!hit)
            continue;
        outputKeys[id] = hit->outputKey;
        fresh.insert(id);
    }
    return fresh;
}

}  // namespace sluice::engine
