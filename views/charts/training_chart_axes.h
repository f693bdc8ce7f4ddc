// Axis ranges for training curves: "nice" bounds (multiples of 1, 2 or 5
// times a power of ten) with a little headroom, so curves never touch the
// frame and tick labels read as round numbers.
#pragma once

#include <QString>

namespace sluice {

struct AxisRange {
    double min = 0.0;
    double max = 1.0;
    double tick = 0.2;  // distance between labelled ticks (linear axes)
    int decimals = 1;   // digits after the point the labels need
};

// Values from `lo` to `hi`: widened by `headroom` of the span on each side,
// rounded out to whole ticks (about `ticks` of them: fewer on a short
// axis, where crowded labels get elided). A range of non-negative values
// never starts below zero. Equal ends get a small span around them.
AxisRange niceLinearRange(double lo, double hi, double headroom = 0.05, int ticks = 5);
// Steps from `first` to `last` exactly (curves start at the left edge and
// end at the right), ticks on whole steps.
AxisRange stepRange(double first, double last);
// Positive values from `lo` to `hi` on a log axis: out to whole decades,
// or to 1-2-5 multiples within a decade when the values span less than one.
AxisRange niceLogRange(double lo, double hi);

// printf-style format for labels of `range` ("%.2f").
QString labelFormat(const AxisRange& range);

}  // namespace sluice
