#include "views/charts/training_chart_axes.h"

#include <algorithm>
#include <cmath>

namespace sluice {
namespace {

constexpr int kTargetTicks = 5;

// The smallest 1, 2 or 5 times a power of ten that is at least `raw`.
double niceStep(double raw) {
    if (!(raw > 0) || !std::isfinite(raw))
        return 1.0;
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    const double fraction = raw / magnitude;
    const double nice = fraction <= 1.0   ? 1.0
                        : fraction <= 2.0 ? 2.0
                        : fraction <= 5.0 ? 5.0
                                          : 10.0;
    return nice * magnitude;
}

int decimalsFor(double step) {
    if (!(step > 0))
        return 0;
    return std::clamp(static_cast<int>(std::ceil(-std::log10(step) - 1e-9)), 0, 8);
}

}  // namespace

AxisRange niceLinearRange(double lo, double hi, double headroom, int ticks) {
    if (!std::isfinite(lo) || !std::isfinite(hi)) {
        lo = 0.0;
        hi = 1.0;
    }
    if (lo > hi)
        std::swap(lo, hi);
    double span = hi - lo;
    if (span <= std::abs(hi) * 1e-12) {
        // A flat curve: centre it in a span that still shows ticks.
        const double pad = hi == 0.0 ? 1.0 : std::abs(hi) * 0.1;
        lo -= pad;
        hi += pad;
        span = hi - lo;
    }
    const bool nonNegative = lo >= 0.0;
    lo -= span * headroom;
    hi += span * headroom;
    if (nonNegative)
        lo = std::max(lo, 0.0);
    const double step = niceStep((hi - lo) / std::max(ticks, 1));
    AxisRange r;
    r.min = std::floor(lo / step) * step;
    r.max = std::ceil(hi / step) * step;
    r.tick = step;
    r.decimals = decimalsFor(step);
    return r;
}

AxisRange stepRange(double first, double last) {
    if (first > last)
        std::swap(first, last);
    if (last - first < 1.0)
        last = first + 1.0;
    AxisRange r;
    r.min = first;
    r.max = last;
    r.tick = std::max(1.0, niceStep((last - first) / kTargetTicks));
    r.decimals = 0;
    return r;
}

AxisRange niceLogRange(double lo, double hi) {
    if (!(lo > 0) || !std::isfinite(lo))
        lo = hi > 0 ? hi / 10 : 0.1;
    if (!(hi > 0) || !std::isfinite(hi))
        hi = lo * 10;
    if (lo > hi)
        std::swap(lo, hi);
    AxisRange r;
    const double mLo = std::pow(10.0, std::floor(std::log10(lo)));
    const double mHi = std::pow(10.0, std::floor(std::log10(hi)));
    if (hi / lo >= 10.0) {
        r.min = mLo;
        r.max = hi > mHi ? mHi * 10 : mHi;
    } else {
        // Less than a decade: 1-2-5 multiples keep the curve from shrinking
        // into a corner of a whole decade.
        const double a = lo / mLo;
        const double b = hi / mHi;
        r.min = (a >= 5 ? 5 : a >= 2 ? 2 : 1) * mLo;
        r.max = (b <= 1 ? 1 : b <= 2 ? 2 : b <= 5 ? 5 : 10) * mHi;
    }
    if (r.max <= r.min)
        r.max = r.min * 10;
    r.tick = 0;
    r.decimals = decimalsFor(r.min);
    return r;
}

QString labelFormat(const AxisRange& range) {
    return QStringLiteral("%.%1f").arg(range.decimals);
}

}  // namespace sluice
