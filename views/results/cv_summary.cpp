#include "views/results/cv_summary.h"

#include <algorithm>
#include <cmath>

#include "views/results/metrics_table.h"

namespace sluice {

bool lowerIsBetter(const QString& metric) {
    static const QStringList errors = {QStringLiteral("mse"), QStringLiteral("rmse"),
                                       QStringLiteral("mae"), QStringLiteral("log_loss")};
    return errors.contains(metric.trimmed().toLower());
}

double CvSummary::bestMean(int metric) const {
    const bool lower = lowerIsBetter(metrics[metric]);
    double best = std::numeric_limits<double>::quiet_NaN();
    for (int l = 0; l < learners.size(); ++l) {
        const double m = cell(l, metric).mean;
        if (std::isnan(m))
            continue;
        if (std::isnan(best) || (lower ? m < best : m > best))
            best = m;
    }
    return best;
}

bool CvSummary::isBest(int learner, int metric) const {
    const double m = cell(learner, metric).mean;
    return !std::isnan(m) && m == bestMean(metric);
}

CvSummary summarizeCrossValidation(const Table& table) {
    CvSummary s;
    if (!table.indexOf("learner") || !table.indexOf("metric") || !table.indexOf("mean"))
        return s;
    const Column& learner = table.column("learner");
    const Column& metric = table.column("metric");
    const auto mean = table.column("mean").numbers();
    const bool hasStd = table.indexOf("std").has_value();
    std::vector<std::span<const double>> folds;
    for (const Column& c : table.columns())
        if (c.name().rfind("fold ", 0) == 0 && c.kind() == ColumnKind::Numeric)
            folds.push_back(c.numbers());
    struct Row {
        int learner, metric;
        std::size_t row;
    };
    std::vector<Row> rows;
    for (std::size_t r = 0; r < table.rowCount(); ++r) {
        const QString l = QString::fromStdString(learner.displayValue(r));
        const QString m = QString::fromStdString(metric.displayValue(r));
        if (l.isEmpty() || m.isEmpty())
            continue;
        if (!s.learners.contains(l))
            s.learners << l;
        if (!s.metrics.contains(m))
            s.metrics << m;
        rows.push_back(
            {static_cast<int>(s.learners.indexOf(l)), static_cast<int>(s.metrics.indexOf(m)), r});
    }
    s.cells.assign(static_cast<std::size_t>(s.learners.size()),
                   std::vector<CvCell>(static_cast<std::size_t>(s.metrics.size())));
    for (const Row& row : rows) {
        CvCell& cell =
            s.cells[static_cast<std::size_t>(row.learner)][static_cast<std::size_t>(row.metric)];
        cell.mean = mean[row.row];
        if (hasStd)
            cell.std = table.column("std").numbers()[row.row];
        for (const auto& f : folds)
            if (!std::isnan(f[row.row]))
                cell.folds.push_back(f[row.row]);
    }
    return s;
}

QString meanStdText(const CvCell& cell) {
    if (!cell.present())
        return QStringLiteral("—");
    if (std::isnan(cell.std) || cell.std <= 0)
        return displayNumber(cell.mean) + (cell.std == 0 ? QStringLiteral(" ± 0") : QString());
    // Two significant digits of the spread, and the mean to the same decimal:
    // more digits than the folds agree on would be noise.
    const int decimals = std::clamp(1 - static_cast<int>(std::floor(std::log10(cell.std))), 0, 6);
    return QString::number(cell.mean, 'f', decimals) + QStringLiteral(" ± ") +
           QString::number(cell.std, 'f', decimals);
}

}  // namespace sluice
