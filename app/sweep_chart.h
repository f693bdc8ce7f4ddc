#pragma once

#include <functional>
#include <optional>

#include "sweep/sweep_result.h"
#include "views/charts/chart_view.h"

namespace sluice {

// The chart at the end of a sweep: the chosen metric against the first
// axis. One axis: one line; two or more: one line per value of the second
// axis (further axes are fixed at the best row's values, so each line is a
// real slice of the grid). A numeric axis is a value axis (logarithmic when
// it was given as a log range); a choice or true/false axis places its
// values evenly, labelled. The best row is marked with a larger point.
class SweepChart : public ChartView {
    Q_OBJECT

public:
    explicit SweepChart(QWidget* parent = nullptr);

    // `title` names a "node.name" column (an axis or a metric) for people;
    // without it the columns are shown as they are.
    using ColumnTitle = std::function<QString(const std::string&)>;
    void showResult(const sweep::SweepResult& result, const std::vector<sweep::Axis>& axes,
                    const std::optional<sweep::MetricChoice>& metric,
                    std::optional<std::size_t> best, const ColumnTitle& title = {});
    // Lines drawn by the last showResult (for tests).
    int lineCount() const { return lines_; }

private:
    int lines_ = 0;
};

}  // namespace sluice
