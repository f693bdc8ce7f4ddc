// executeNode: one node, on the worker that picked it up.
#include <chrono>
#include <new>

#include "engine/run_state.h"
#include "ml/core/ml_errors.h"
#include "util/cancellation.h"

namespace sluice::engine {

void emitNodeEvent(EventSink& sink, RunEvent::Kind kind, const std::string& node,
                   std::string text) {
    if (!sink.active())
        return;
    RunEvent event;
    event.kind = kind;
    event.node = node;
    event.text = std::move(text);
    sink.emit(event);
}

namespace {

using Clock = std::chrono::steady_clock;

void fail(RunState& state, Slot& slot, const std::string& why) {
    slot.outcome.status = NodeStatus::Failed;
    slot.outcome.message = nodeLabel(slot) + ": " + why;
    emitNodeEvent(state.sink, RunEvent::Kind::Failed, slot.node->id, slot.outcome.message);
}

void cancelled(RunState& state, Slot& slot) {
    slot.outcome.status = NodeStatus::Cancelled;
    slot.outcome.message = nodeLabel(slot) + ": cancelled";
    emitNodeEvent(state.sink, RunEvent::Kind::Cancelled, slot.node->id);
}

void finished(RunState& state, Slot& slot) {
    slot.outcome.status = NodeStatus::Done;
    if (!state.sink.active())
        return;
    RunEvent event;
    event.kind = RunEvent::Kind::Finished;
    event.node = slot.node->id;
    event.seconds = slot.outcome.seconds;
    event.cached = slot.outcome.cached;
    for (const auto& [port, value] : slot.outcome.outputs)
        event.outputs.push_back({port, describe(value)});
    state.sink.emit(event);
}

// Why the node cannot run at all, before its inputs are looked at.
std::string refusal(const Slot& slot) {
    if (!slot.type)
        return "the node type '" + slot.node->type +
               "' is not part of this version of Sluice, so the node cannot run";
    const auto problems = slot.type->paramProblems(slot.node->params, true);
    if (!problems.empty()) {
        std::string text = "invalid parameter";
        text += problems.size() > 1 ? "s: " : ": ";
        for (std::size_t i = 0; i < problems.size(); ++i)
            text += (i ? "; " : "") + problems[i];
        return text;
    }
    for (const PortSpec& port : slot.type->info().inputs) {
        if (!port.required)
            continue;
        bool connected = false;
        for (const SlotInput& in : slot.inputs)
            connected = connected || in.port == port.name;
        if (!connected)
            return "the input '" + port.name + "' is not connected";
    }
    for (const SlotInput& in : slot.inputs)
        if (in.from < 0)
            return "the input '" + in.port + "' is connected to node '" + in.fromNode +
                   "', which is not in the pipeline";
    return {};
}

// "ran out of memory", with the limit that caused it when the caller said.
std::string outOfMemoryMessage(const RunOptions& options) {
    if (!options.memoryLimit)
        return "ran out of memory: use fewer rows or features, or close other programs";
    const std::uint64_t mb = *options.memoryLimit / (1024 * 1024);
    return "ran out of memory (limit " + std::to_string(mb) + " MB set by " +
           options.memoryLimitSource + "): use fewer rows or raise the limit";
}

// Runs the node's own code; returns the failure message, empty on success.
std::string runNodeCode(RunState& state, Slot& slot, const PortValues& inputs,
                        const nlohmann::json& params) {
    NodeReporter reporter(state.sink, slot.node->id, state.options.throttle);
    {
        std::lock_guard lock(state.reportersMutex);
        state.reporters.insert(&reporter);
    }
    RunContext context;
    context.fit.cancelFlag = &state.cancelFlag;
    context.fit.threads = state.threads;
    context.fit.onProgress = [&](double f, std::string_view text) { reporter.progress(f, text); };
    context.fit.onMetric = [&](std::string_view name, int step, double value) {
        reporter.metric(name, step, value);
    };
    context.onLog = [&](std::string_view line) { reporter.log(line); };
    context.baseDirectory = state.options.baseDirectory;

    // Parallel loops and deep code see the run's flag without a context.
    CancelScope cancelScope(&state.cancelFlag);
    std::string error;
    try {
        slot.outcome.outputs = slot.type->run(inputs, params, context);
    } catch (const Cancelled&) {
        error = "cancelled";
    } catch (const std::bad_alloc&) {
        error = outOfMemoryMessage(state.options);
    } catch (const std::exception& e) {
        error = e.what();
        if (error.empty())
            error = "failed without a message";
    } catch (...) {
        error = "failed with an unknown error";
    }
    {
        std::lock_guard lock(state.reportersMutex);
        state.reporters.erase(&reporter);
    }
    reporter.flush();
    slot.outcome.metrics = reporter.lastMetrics();
    if (!error.empty())
        slot.outcome.outputs.clear();  // nothing partial leaves a failed node
    return error;
}

}  // namespace

void executeNode(RunState& state, int index) {
    Slot& slot = state.slots[static_cast<std::size_t>(index)];
    if (state.cancelFlag.load()) {
        cancelled(state, slot);
        return;
    }
    if (const std::string why = refusal(slot); !why.empty()) {
        fail(state, slot, why);
        return;
    }
    const nlohmann::json params = slot.type->withDefaults(slot.node->params);

    PortValues inputs;
    InputKeys inputKeys;
    for (const SlotInput& in : slot.inputs) {
        const Slot& from = state.slots[static_cast<std::size_t>(in.from)];
        const auto value = from.outcome.outputs.find(in.fromPort);
        if (value == from.outcome.outputs.end()) {
            fail(state, slot,
                 "the input '" + in.port + "' gets nothing: " + nodeLabel(from) +
                     " produced no output '" + in.fromPort + "'");
            return;
        }
        inputs[in.port] = value->second;
        inputKeys[in.port] = inputKey(from.outputKey, in.fromPort);
    }

    slot.outcome.key = nodeKey(slot.node->type, params, inputKeys);
    if (auto hit = state.cache.find(slot.outcome.key,
                                    stampFiles(*slot.type, params, state.options.baseDirectory))) {
        slot.outcome.cached = true;
        slot.outcome.outputs = std::move(hit->outputs);
        slot.outcome.metrics = std::move(hit->metrics);
        slot.outputKey = hit->outputKey;
        finished(state, slot);
        return;
    }

    slot.outcome.status = NodeStatus::Running;
    emitNodeEvent(state.sink, RunEvent::Kind::Started, slot.node->id);
    const auto start = Clock::now();
    const std::string error = runNodeCode(state, slot, inputs, params);
    slot.outcome.seconds = std::chrono::duration<double>(Clock::now() - start).count();
    if (!error.empty()) {
        // Whatever a node throws once cancellation is asked for counts as
        // cancelled: loops often notice the flag as some other error.
        if (state.cancelFlag.load())
            cancelled(state, slot);
        else
            fail(state, slot, error);
        return;
    }

    // Stamps after the run: a node that writes a file records the file it wrote.
    CacheEntry entry;
    entry.nodeId = slot.node->id;
    entry.nodeKey = slot.outcome.key;
    entry.stamps = stampFiles(*slot.type, params, state.options.baseDirectory);
    entry.outputKey = outputKey(entry.nodeKey, entry.stamps);
    entry.outputs = slot.outcome.outputs;
    entry.metrics = slot.outcome.metrics;
    entry.seconds = slot.outcome.seconds;
    slot.outputKey = entry.outputKey;
    state.cache.store(std::move(entry));
    finished(state, slot);
}

}  // namespace sluice::engine
