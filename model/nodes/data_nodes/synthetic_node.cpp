// data.synthetic: generated tables with known structure, for trying
// pipelines and for tests. Seeded through ml::Rng, so a seed gives the same
// table on every platform.
//
// - blobs: n_classes Gaussian clusters in n_features dimensions. Centres
//   are drawn uniformly in [-10, 10]^d and redrawn (up to 100 times) while
//   closer than 4 to an earlier centre; row i belongs to class i mod
//   n_classes; the spread around a centre is `noise` (standard deviation).
// - moons: two interleaving half circles in 2-D (as scikit-learn's
//   make_moons): the first half of the rows on the upper moon (class_0),
//   the rest on the lower one (class_1), plus Gaussian noise of sd `noise`.
// - linear_regression: features standard normal; target = X w + noise * e,
//   with weights w drawn uniformly in [-10, 10] and e standard normal.
// Features are x1..xd; the target column "target" has the Target role
// (categorical class_0, class_1... for blobs and moons, numeric for
// regression).
#include <cmath>
#include <numbers>

#include "ml/core/random.h"
#include "nodes/python_context.h"

namespace sluice {
namespace {

// Features are written straight into one column-major block, so the table
// hands them to Eigen without a copy.
struct Generated {
    std::shared_ptr<NumericBlock> features = std::make_shared<NumericBlock>();
    std::size_t featureCount = 0;
    std::vector<double> numericTarget;
    std::vector<std::int32_t> classTarget;
    int classes = 0;

    Generated(std::size_t rows, std::size_t columns) : featureCount(columns) {
        features->rows = rows;
        features->values.resize(rows * columns);
    }
    double& at(std::size_t column, std::size_t row) {
        return features->values[column * features->rows + row];
    }
};

Generated blobs(std::size_t n, std::size_t d, int k, double noise, ml::Rng& rng,
                const ml::FitContext& fit) {
    std::vector<std::vector<double>> centres;
    for (int c = 0; c < k; ++c) {
        std::vector<double> centre(d);
        for (int attempt = 0; attempt < 100; ++attempt) {
            for (double& x : centre)
                x = -10.0 + 20.0 * rng.uniform();
            bool farEnough = true;
            for (const auto& other : centres) {
                double dist2 = 0;
                for (std::size_t j = 0; j < d; ++j)
                    dist2 += (centre[j] - other[j]) * (centre[j] - other[j]);
                farEnough = farEnough && dist2 >= 16.0;
            }
            if (farEnough)
                break;
        }
        centres.push_back(centre);
    }
    Generated g(n, d);
    g.classes = k;
    g.classTarget.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
        if (i % 65536 == 0)
            fit.throwIfCancelled();
        const auto c = static_cast<std::int32_t>(i % static_cast<std::size_t>(k));
        g.classTarget[i] = c;
        for (std::size_t j = 0; j < d; ++j)
            g.at(j, i) = centres[static_cast<std::size_t>(c)][j] + noise * rng.normal();
    }
    return g;
}

Generated moons(std::size_t n, double noise, ml::Rng& rng, const ml::FitContext& fit) {
    const std::size_t outer = n / 2, inner = n - outer;
    // Evenly spaced angles over [0, pi], as numpy.linspace (a lone point at 0).
    auto angle = [](std::size_t i, std::size_t count) {
        return count < 2
                   ? 0.0
                   : std::numbers::pi * static_cast<double>(i) / static_cast<double>(count - 1);
    };
    Generated g(n, 2);
    g.classes = 2;
    g.classTarget.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
        if (i % 65536 == 0)
            fit.throwIfCancelled();
        double x, y;
        if (i < outer) {
            const double t = angle(i, outer);
            x = std::cos(t);
            y = std::sin(t);
        } else {
            const double t = angle(i - outer, inner);
            x = 1.0 - std::cos(t);
            y = 0.5 - std::sin(t);
        }
        g.at(0, i) = x + noise * rng.normal();
        g.at(1, i) = y + noise * rng.normal();
        g.classTarget[i] = i < outer ? 0 : 1;
    }
    return g;
}

Generated linear(std::size_t n, std::size_t d, double noise, ml::Rng& rng,
                 const ml::FitContext& fit) {
    std::vector<double> w(d);
    for (double& x : w)
        x = -10.0 + 20.0 * rng.uniform();
    Generated g(n, d);
    g.numericTarget.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
        if (i % 65536 == 0)
            fit.throwIfCancelled();
        double y = 0;
        for (std::size_t j = 0; j < d; ++j) {
            const double x = rng.normal();
            g.at(j, i) = x;
            y += w[j] * x;
        }
        g.numericTarget[i] = y + noise * rng.normal();
    }
    return g;
}

class SyntheticNode : public NodeType {
public:
    SyntheticNode()
        : NodeType({
              .id = "data.synthetic",
              .displayName = "Synthetic data",
              .category = NodeCategory::Data,
              .description = "Generated data with known structure: Gaussian blobs, two moons "
                             "or a noisy linear relation.",
              .inputs = {},
              .outputs = {{"table", PortType::Table, "Table", true,
                           "Features x1, x2... and the column 'target'."}},
              .params =
                  {
                      choiceParam("kind", "Kind", {"blobs", "moons", "linear_regression"}, "blobs",
                                  "blobs: clusters to classify; moons: two interleaving half "
                                  "circles (2 features, 2 classes); linear_regression: a "
                                  "numeric target linear in the features."),
                      intParam("n_rows", "Rows", 100, 1, 10'000'000, "How many rows to make."),
                      intParam("n_features", "Features", 2, 1, 1000,
                               "How many feature columns (blobs and linear_regression)."),
                      intParam("n_classes", "Classes", 3, 2, 100,
                               "How many clusters (blobs only)."),
                      floatParam("noise", "Noise", 0.1, 0.0, 1000.0,
                                 "Standard deviation of the Gaussian noise: the blobs' spread, "
                                 "the moons' jitter, the regression's error."),
                      intParam("seed", "Seed", 0, 0, std::nullopt,
                               "The same seed gives the same table."),
                  },
              .version = 1,
          }) {}

    PortValues run(const PortValues& /*inputs*/, const nlohmann::json& params,
                   RunContext& context) const override {
        const std::string kind = params.at("kind").get<std::string>();
        const auto n = params.at("n_rows").get<std::size_t>();
        const auto d = params.at("n_features").get<std::size_t>();
        const int k = params.at("n_classes").get<int>();
        const double noise = params.at("noise").get<double>();
        ml::Rng rng(params.at("seed").get<std::uint64_t>());

        context.fit.progress(0.0, "generating");
        Generated g = kind == "moons"   ? moons(n, noise, rng, context.fit)
                      : kind == "blobs" ? blobs(n, d, k, noise, rng, context.fit)
                                        : linear(n, d, noise, rng, context.fit);
        std::vector<Column> columns;
        const std::shared_ptr<const NumericBlock> block = g.features;
        for (std::size_t j = 0; j < g.featureCount; ++j)
            columns.push_back(Column::numericInBlock("x" + std::to_string(j + 1), block, j));
        if (g.classes > 0) {
            std::vector<std::string> levels;
            for (int c = 0; c < g.classes; ++c)
                levels.push_back("class_" + std::to_string(c));
            columns.push_back(Column::categorical("target", std::move(g.classTarget),
                                                  std::move(levels), ColumnRole::Target));
        } else {
            columns.push_back(
                Column::numeric("target", std::move(g.numericTarget), ColumnRole::Target));
        }
        context.fit.progress(1.0);
        return {{"table", Table::make(std::move(columns))}};
    }

    std::optional<std::string> python(const PythonContext& c) const override {
        return c.output("table") + " = synthetic(" + python_export::pyString(c.text("kind")) +
               ", n_rows=" + c.literal("n_rows") + ", n_features=" + c.literal("n_features") +
               ", n_classes=" + c.literal("n_classes") + ", noise=" + c.literal("noise") +
               ", seed=" + c.literal("seed") + ")\n";
    }
};

}  // namespace

std::unique_ptr<NodeType> makeSyntheticNode() {
    return std::make_unique<SyntheticNode>();
}

}  // namespace sluice
