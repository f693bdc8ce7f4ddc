#include "app/runner/terminal_reporter.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace sluice::runner {
namespace {

using engine::RunEvent;

// Columns a UTF-8 string takes (code points; good enough for titles).
std::size_t columns(const std::string& s) {
    return static_cast<std::size_t>(
        std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

// The longest prefix of `s` taking at most `width` columns.
std::string truncated(const std::string& s, std::size_t width) {
    std::size_t cols = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if ((s[i] & 0xC0) != 0x80 && cols++ == width)
            return s.substr(0, i);
    }
    return s;
}

std::string numberText(double v) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.4g", v);
    return buffer;
}

std::string outputsText(const std::vector<engine::OutputSummary>& outputs) {
    std::string text;
    for (const auto& o : outputs) {
        std::string one = o.text;
        if (!o.port.empty() && one.rfind(o.port + ":", 0) != 0)
            one = o.port + ": " + one;
        text += (text.empty() ? "" : "; ") + one;
    }
    return text;
}

}  // namespace

TerminalReporter::TerminalReporter(std::ostream& out, const Graph& graph, ReporterOptions options,
                                   const NodeRegistry& registry)
    : out_(out), options_(options) {
    for (const auto& node : graph.nodes()) {
        std::string name = node.title;
        if (name.empty()) {
            const NodeType* type = registry.find(node.type);
            name = type ? type->info().displayName : node.type;
        }
        labels_[node.id] = name + " (" + node.id + ")";
    }
    if (options_.quiet)
        options_.interactive = false;
}

std::string TerminalReporter::formatSeconds(double seconds) {
    char buffer[48];
    if (seconds < 1.0)
        std::snprintf(buffer, sizeof buffer, "%d ms",
                      static_cast<int>(std::lround(seconds * 1000)));
    else if (seconds < 10.0)
        std::snprintf(buffer, sizeof buffer, "%.2f s", seconds);
    else if (seconds < 60.0)
        std::snprintf(buffer, sizeof buffer, "%.1f s", seconds);
    else
        std::snprintf(buffer, sizeof buffer, "%d min %02d s", static_cast<int>(seconds) / 60,
                      static_cast<int>(seconds) % 60);
    return buffer;
}

std::string TerminalReporter::label(const std::string& node) const {
    const auto it = labels_.find(node);
    return it == labels_.end() ? node : it->second;
}

std::string TerminalReporter::metricsText(const std::string& node, bool withStep) const {
    const auto it = metrics_.find(node);
    if (it == metrics_.end())
        return {};
    std::string text;
    int step = 0;
    for (const auto& [name, m] : it->second.last) {
        text += (text.empty() ? "" : ", ") + name + " " + numberText(m.value);
        step = std::max(step, m.step);
    }
    if (withStep && !text.empty())
        text = "step " + std::to_string(step) + ": " + text;
    return text;
}

void TerminalReporter::clearProgress() {
    if (drawnLength_ == 0)
        return;
    out_ << '\r' << std::string(drawnLength_, ' ') << '\r';
    drawnLength_ = 0;
}

void TerminalReporter::line(const std::string& text) {
    clearProgress();
    out_ << text << '\n';
    drawProgress();
    out_.flush();
}

std::string TerminalReporter::progressText() const {
    if (running_.empty())
        return {};
    const Running& first = running_.front();
    const auto now = Clock::now();
    std::string text;
    constexpr int kBar = 20;
    if (first.fraction >= 0.0) {
        const double f = std::clamp(first.fraction, 0.0, 1.0);
        const int filled = static_cast<int>(std::lround(f * kBar));
        char percent[8];
        std::snprintf(percent, sizeof percent, "%3d%%", static_cast<int>(std::lround(f * 100)));
        text = "[" + std::string(filled, '#') + std::string(kBar - filled, '.') + "] " + percent;
    } else {
        text = "[" + std::string(kBar, '.') + "]     ";
    }
    text += " " + label(first.node);
    std::string detail = first.text;
    if (const std::string m = metricsText(first.node, true); !m.empty())
        detail += (detail.empty() ? "" : ", ") + m;
    if (!detail.empty())
        text += ": " + detail;
    text += "  " + formatSeconds(std::chrono::duration<double>(now - first.started).count());
    if (running_.size() > 1) {
        text += "  | also running:";
        for (std::size_t i = 1; i < running_.size(); ++i) {
            const Running& r = running_[i];
            text += " " + label(r.node);
            if (r.fraction >= 0.0)
                text += " " + std::to_string(static_cast<int>(std::lround(r.fraction * 100))) + "%";
        }
    }
    return text;
}

void TerminalReporter::drawProgress() {
    if (!options_.interactive || finished_)
        return;
    const std::string text =
        truncated(progressText(), static_cast<std::size_t>(std::max(options_.width - 1, 10)));
    const std::size_t length = columns(text);
    if (length == 0 && drawnLength_ == 0)
        return;
    out_ << '\r' << text;
    if (drawnLength_ > length)
        out_ << std::string(drawnLength_ - length, ' ') << '\r' << text;
    drawnLength_ = length;
    lastDraw_ = Clock::now();
    out_.flush();
}

void TerminalReporter::stopRunning(const std::string& node) {
    running_.erase(std::remove_if(running_.begin(), running_.end(),
                                  [&](const Running& r) { return r.node == node; }),
                   running_.end());
}

void TerminalReporter::onEvent(const RunEvent& event) {
    std::lock_guard lock(mutex_);
    const std::string who = label(event.node);
    switch (event.kind) {
        case RunEvent::Kind::Started:
            running_.push_back({event.node, -1.0, {}, Clock::now()});
            if (!options_.quiet)
                line("started   " + who);
            break;
        case RunEvent::Kind::Progress:
            for (auto& r : running_)
                if (r.node == event.node) {
                    r.fraction = event.fraction;
                    r.text = event.text;
                }
            drawProgress();
            break;
        case RunEvent::Kind::Metrics: {
            NodeMetrics& m = metrics_[event.node];
            for (const auto& p : event.metrics)
                m.last[p.name] = {p.step, p.value};
            const auto now = Clock::now();
            if (!options_.quiet && !event.metrics.empty() &&
                (!m.printedOnce || now - m.printed >= options_.metricInterval)) {
                m.printedOnce = true;
                m.printed = now;
                line("metric    " + who + ": " + metricsText(event.node, true));
            } else {
                drawProgress();
            }
            break;
        }
        case RunEvent::Kind::Log:
            if (!options_.quiet)
                line("log       " + who + ": " + engine::withoutNodeLabel(event.node, event.text));
            break;
        case RunEvent::Kind::Finished: {
            stopRunning(event.node);
            if (options_.quiet)
                break;
            const std::string outputs = outputsText(event.outputs);
            if (event.cached) {
                line("cached    " + who + (outputs.empty() ? "" : ": " + outputs));
            } else {
                std::string text = "done      " + who + " in " + formatSeconds(event.seconds);
                if (!outputs.empty())
                    text += ": " + outputs;
                if (const std::string m = metricsText(event.node, false); !m.empty())
                    text += "; " + m;
                line(text);
            }
            break;
        }
        case RunEvent::Kind::Failed:
            stopRunning(event.node);
            line("FAILED    " + who + ": " + engine::withoutNodeLabel(event.node, event.text));
            break;
        case RunEvent::Kind::Skipped:
            if (!options_.quiet)
                line("skipped   " + who +
                     (event.text.empty()
                          ? ""
                          : ": " + engine::withoutNodeLabel(event.node, event.text)));
            break;
        case RunEvent::Kind::Cancelled:
            stopRunning(event.node);
            if (!options_.quiet)
                line("cancelled " + who);
            break;
        case RunEvent::Kind::RunStarted:
        case RunEvent::Kind::Queued:
        case RunEvent::Kind::RunFinished:
            break;
    }
}

void TerminalReporter::tick() {
    std::lock_guard lock(mutex_);
    if (!options_.interactive || running_.empty())
        return;
    if (Clock::now() - lastDraw_ >= std::chrono::milliseconds(200))
        drawProgress();
}

void TerminalReporter::message(const std::string& text, bool error) {
    std::lock_guard lock(mutex_);
    if (options_.quiet && !error)
        return;
    line(text);
}

void TerminalReporter::finish() {
    std::lock_guard lock(mutex_);
    clearProgress();
    finished_ = true;
    running_.clear();
    out_.flush();
}

}  // namespace sluice::runner
