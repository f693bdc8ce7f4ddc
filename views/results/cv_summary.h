// The cross-validation comparison reshaped for display: the node writes a long
// table (learner, metric, mean, std, fold 1..k); views want learners x metrics
// with every cell's folds at hand, and which learner is best per metric.
#pragma once

#include <QString>
#include <QStringList>
#include <limits>
#include <vector>

#include "data/table.h"

namespace sluice {

struct CvCell {
    double mean = std::numeric_limits<double>::quiet_NaN();
    double std = std::numeric_limits<double>::quiet_NaN();
    std::vector<double> folds;
    bool present() const { return mean == mean; }
};

struct CvSummary {
    QStringList learners;                    // in order of first appearance
    QStringList metrics;                     // likewise
    std::vector<std::vector<CvCell>> cells;  // [learner][metric]

    const CvCell& cell(int learner, int metric) const {
        return cells[static_cast<std::size_t>(learner)][static_cast<std::size_t>(metric)];
    }
    // The best mean of `metric` over the learners (NaN when none has one).
    double bestMean(int metric) const;
    // True for the learner(s) whose mean equals the best.
    bool isBest(int learner, int metric) const;
};

// Error metrics (mse, rmse, mae, log_loss): lower is better. Every other
// metric: higher is better.
bool lowerIsBetter(const QString& metric);

// Pivots the long cross-validation table. Rows without a learner or metric
// name are skipped; an empty summary when the columns are not there.
CvSummary summarizeCrossValidation(const Table& table);

// "0.953 ± 0.021" for a cell's mean and standard deviation.
QString meanStdText(const CvCell& cell);

}  // namespace sluice
