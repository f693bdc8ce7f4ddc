// Times fit and predict of learners on a benchmark CSV, after the same
// preprocessing scikit-learn gets in bench/ml_speed.py: the first 80% of the
// rows train, the rest test; numeric columns mean-imputed and standardized,
// categorical ones one-hot encoded (missing -> zeros). Only the learner's
// fit and predict are timed. Prints one JSON object per learner:
// {"kind", "fit_seconds", "predict_seconds", "score"} (accuracy or R^2).
// Usage: bench_ml_fit CONFIGS.json DATA_DIR [--threads N] [--only KIND]
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <limits>
#include <map>

#include <nlohmann/json.hpp>

#include "io/csv_reader.h"
#include "ml/core/registry.h"
#include "ml/metrics/classification_metrics.h"
#include "ml/metrics/regression_metrics.h"
#include "ml/pipeline/labelled_data.h"
#include "ml/preprocessing/imputer.h"
#include "ml/preprocessing/one_hot_encoder.h"
#include "ml/preprocessing/scaler.h"

using namespace sluice;
using Clock = std::chrono::steady_clock;

namespace {

double since(Clock::time_point t0) {
    return std::chrono::duration<double>(Clock::now() - t0).count();
}

TablePtr rows(const Table& t, std::size_t from, std::size_t to) {
    std::vector<Column> cols;
    for (const Column& c : t.columns()) {
        switch (c.kind()) {
            case ColumnKind::Numeric:
                cols.push_back(
                    Column::numeric(c.name(),
                                    {c.numbers().begin() + static_cast<std::ptrdiff_t>(from),
                                     c.numbers().begin() + static_cast<std::ptrdiff_t>(to)},
                                    c.role()));
                break;
            case ColumnKind::Categorical:
                cols.push_back(
                    Column::categorical(c.name(),
                                        {c.codes().begin() + static_cast<std::ptrdiff_t>(from),
                                         c.codes().begin() + static_cast<std::ptrdiff_t>(to)},
                                        c.levels(), c.role()));
                break;
            case ColumnKind::Text:
            case ColumnKind::DateTime:
                throw std::runtime_error("text and date columns are not benchmarked");
        }
    }
    return Table::make(std::move(cols));
}

struct Prepared {
    ml::LabelledData train, test;
};

Prepared prepare(const std::string& path, const std::string& target) {
    const auto read = readCsvFile(path);
    const TablePtr all = read.table->withRole(target, ColumnRole::Target);
    const std::size_t cut = all->rowCount() * 8 / 10;
    TablePtr train = rows(*all, 0, cut), test = rows(*all, cut, all->rowCount());
    const std::vector<std::shared_ptr<ml::TransformSpec>> steps = {
        std::make_shared<ml::Imputer>(), std::make_shared<ml::OneHotEncoder>(),
        std::make_shared<ml::Scaler>()};
    for (const auto& step : steps) {
        const auto fitted = step->fit(*train);
        train = fitted->apply(*train);
        test = fitted->apply(*test);
    }
    // The scaler runs after one-hot encoding, so the 0/1 columns are
    // standardized too; ml_speed.py does exactly the same.
    return {ml::labelledData(*train, target), ml::labelledData(*test, target)};
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 3) {
        std::fprintf(stderr, "usage: %s CONFIGS.json DATA_DIR [--threads N] [--only KIND]\n",
                     argv[0]);
        return 2;
    }
    unsigned threads = 0;
    std::string only;
    for (int i = 3; i + 1 < argc; i += 2) {
        if (!std::strcmp(argv[i], "--threads"))
            threads = static_cast<unsigned>(std::atoi(argv[i + 1]));
        if (!std::strcmp(argv[i], "--only"))
            only = argv[i + 1];
    }
    try {
        std::ifstream in(argv[1]);
        const auto configs = nlohmann::json::parse(in);
        std::map<std::string, Prepared> cache;
        for (const auto& config : configs) {
            const std::string kind = config.at("kind");
            if (!only.empty() && kind != only)
                continue;
            const std::string data = config.at("data");
            if (!cache.count(data))
                cache[data] = prepare(std::string(argv[2]) + "/" + data, config.at("target"));
            const Prepared& p = cache[data];
            const auto learner = ml::MlRegistry::instance().makeLearner(
                kind, config.value("params", nlohmann::json::object()));
            ml::FitContext context;
            context.threads = threads;
            auto t0 = Clock::now();
            const auto model = learner->fit(p.train.X, p.train.y, context);
            const double fitSeconds = since(t0);
            t0 = Clock::now();
            const Eigen::VectorXd predicted = model->predict(p.test.X);
            const double predictSeconds = since(t0);
            // Clusters have no true labels to score against here.
            const ml::Task task = learner->task();
            const double score =
                task == ml::Task::Classification ? ml::accuracy(p.test.y, predicted)
                : task == ml::Task::Regression   ? ml::r2Score(p.test.y, predicted)
                                                 : std::numeric_limits<double>::quiet_NaN();
            std::cout << nlohmann::json{{"kind", kind},
                                        {"fit_seconds", fitSeconds},
                                        {"predict_seconds", predictSeconds},
                                        {"score", score}}
                      << std::endl;
        }
    } catch (const std::exception& e) {
        std::fprintf(stderr, "error: %s\n", e.what());
        return 1;
    }
    return 0;
}
