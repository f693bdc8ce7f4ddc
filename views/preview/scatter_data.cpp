#include "views/preview/scatter_data.h"

#include <QObject>
#include <algorithm>
#include <cmath>

#include "data/number_text.h"

namespace sluice {

namespace {

// Distinct present values of a numeric or text column, sorted; nullopt as
// soon as there are more than kMaxColourGroups (so a long column with many
// values is rejected after a few rows).
template <class T, class Get>
std::optional<std::vector<T>> fewDistinct(const Column& column, Get get) {
    std::vector<T> distinct;
    for (std::size_t r = 0; r < column.size(); ++r) {
        if (column.isMissing(r))
            continue;
        const T& v = get(r);
        const auto it = std::lower_bound(distinct.begin(), distinct.end(), v);
        if (it != distinct.end() && *it == v)
            continue;
        if (distinct.size() == kMaxColourGroups)
            return std::nullopt;
        distinct.insert(it, v);
    }
    return distinct;
}

// Group labels and the group of every row (-1 = missing colour value).
struct Grouping {
    std::vector<QString> labels;
    std::vector<int> groupOf;
};

Grouping groupRows(const Column& column) {
    Grouping g;
    g.groupOf.assign(column.size(), -1);
    switch (column.kind()) {
        case ColumnKind::Categorical: {
            for (const auto& level : column.levels())
                g.labels.push_back(QString::fromStdString(level));
            const auto codes = column.codes();
            for (std::size_t r = 0; r < codes.size(); ++r)
                g.groupOf[r] = codes[r];
            break;
        }
        case ColumnKind::Numeric: {
            const auto values = column.numbers();
            const auto distinct = fewDistinct<double>(
                column, [&](std::size_t r) -> const double& { return values[r]; });
            if (!distinct)
                break;
            for (double v : *distinct)
                g.labels.push_back(QString::fromStdString(formatNumber(v)));
            for (std::size_t r = 0; r < values.size(); ++r)
                if (!std::isnan(values[r]))
                    g.groupOf[r] = static_cast<int>(
                        std::lower_bound(distinct->begin(), distinct->end(), values[r]) -
                        distinct->begin());
            break;
        }
        case ColumnKind::Text: {
            const auto& texts = column.texts();
            const auto distinct = fewDistinct<std::string>(
                column, [&](std::size_t r) -> const std::string& { return texts[r]; });
            if (!distinct)
                break;
            for (const auto& v : *distinct)
                g.labels.push_back(QString::fromStdString(v));
            for (std::size_t r = 0; r < texts.size(); ++r)
                if (!column.isMissing(r))
                    g.groupOf[r] = static_cast<int>(
                        std::lower_bound(distinct->begin(), distinct->end(), texts[r]) -
                        distinct->begin());
            break;
        }
        case ColumnKind::DateTime:
            break;  // never a colour (isColourColumn)
    }
    return g;
}

}  // namespace

bool isColourColumn(const Column& column) {
    switch (column.kind()) {
        case ColumnKind::Categorical:
            return column.levels().size() <= kMaxColourGroups;
        case ColumnKind::Numeric: {
            const auto values = column.numbers();
            return fewDistinct<double>(column,
                                       [&](std::size_t r) -> const double& { return values[r]; })
                .has_value();
        }
        case ColumnKind::Text: {
            const auto& texts = column.texts();
            return fewDistinct<std::string>(
                       column, [&](std::size_t r) -> const std::string& { return texts[r]; })
                .has_value();
        }
        case ColumnKind::DateTime:
            return false;  // dates rarely repeat enough to colour by
    }
    return false;
}

ScatterData scatterData(const Table& table, std::size_t x, std::size_t y,
                        std::optional<std::size_t> colour, std::size_t maxPoints) {
    const auto xs = table.column(x).numbers();
    const auto ys = table.column(y).numbers();
    Grouping grouping;
    if (colour)
        grouping = groupRows(table.column(*colour));
    else
        grouping.labels = {QObject::tr("all rows")};
    const std::size_t missingGroup = grouping.labels.size();
    const auto groupOf = [&](std::size_t r) -> std::size_t {
        if (!colour)
            return 0;
        const int g = grouping.groupOf[r];
        return g < 0 ? missingGroup : static_cast<std::size_t>(g);
    };

    std::vector<std::size_t> rows;  // rows with both coordinates
    rows.reserve(table.rowCount());
    for (std::size_t r = 0; r < table.rowCount(); ++r)
        if (!std::isnan(xs[r]) && !std::isnan(ys[r]))
            rows.push_back(r);

    std::vector<ScatterGroup> groups(grouping.labels.size() + 1);
    for (std::size_t g = 0; g < grouping.labels.size(); ++g)
        groups[g].label = grouping.labels[g];
    groups[missingGroup].label = QObject::tr("missing");
    groups[missingGroup].missing = true;
    std::vector<double> sumX(groups.size(), 0.0), sumY(groups.size(), 0.0);
    for (std::size_t r : rows) {
        const std::size_t g = groupOf(r);
        ++groups[g].count;
        sumX[g] += xs[r];
        sumY[g] += ys[r];
    }

    ScatterData data;
    data.total = rows.size();
    const std::size_t draw = std::min(rows.size(), std::max<std::size_t>(maxPoints, 1));
    // Sampled per group, not over all rows: one stride over rows whose
    // classes cycle (row i in class i mod 5, as synthetic data is) would land
    // on one class only. Each group gets its share of the points (largest
    // remainders settle the rounding), spread evenly over its own rows.
    std::vector<std::vector<std::size_t>> rowsOf(groups.size());
    for (std::size_t r : rows)
        rowsOf[groupOf(r)].push_back(r);
    std::vector<std::size_t> quota(groups.size());
    std::vector<std::pair<std::size_t, std::size_t>> remainders;  // (remainder, group)
    std::size_t given = 0;
    for (std::size_t g = 0; g < groups.size(); ++g) {
        const std::size_t share = rowsOf[g].size() * draw;
        quota[g] = share / rows.size();
        given += quota[g];
        remainders.push_back({share % rows.size(), g});
    }
    std::stable_sort(remainders.begin(), remainders.end(),
                     [](const auto& a, const auto& b) { return a.first > b.first; });
    for (std::size_t i = 0; given < draw && i < remainders.size(); ++i, ++given)
        ++quota[remainders[i].second];
    for (std::size_t g = 0; g < groups.size(); ++g)
        for (std::size_t k = 0; k < quota[g]; ++k) {
            // Evenly spaced over the group's rows: k * n / quota, exact in integers.
            const std::size_t r = rowsOf[g][k * rowsOf[g].size() / quota[g]];
            groups[g].points.append(QPointF(xs[r], ys[r]));
        }
    data.shown = draw;
    for (std::size_t g = 0; g < groups.size(); ++g) {
        if (groups[g].count == 0)
            continue;
        const auto n = static_cast<double>(groups[g].count);
        groups[g].mean = QPointF(sumX[g] / n, sumY[g] / n);
        data.groups.push_back(std::move(groups[g]));
    }
    return data;
}

std::vector<std::size_t> defaultScatterAxes(const Table& table) {
    std::vector<std::size_t> axes;
    for (int pass = 0; pass < 2 && axes.size() < 2; ++pass)
        for (std::size_t c = 0; c < table.columnCount() && axes.size() < 2; ++c) {
            const Column& column = table.column(c);
            const bool wanted = column.kind() == ColumnKind::Numeric &&
                                (pass == 1 || column.role() == ColumnRole::Feature);
            if (wanted && std::find(axes.begin(), axes.end(), c) == axes.end())
                axes.push_back(c);
        }
    return axes;
}

std::optional<std::size_t> defaultScatterColour(const Table& table) {
    if (const auto p = table.indexOf("prediction"); p && isColourColumn(table.column(*p)))
        return p;
    for (std::size_t c : table.columnsWithRole(ColumnRole::Target))
        if (isColourColumn(table.column(c)))
            return c;
    return std::nullopt;
}

}  // namespace sluice
