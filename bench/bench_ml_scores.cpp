// Prints Sluice's 5-fold cross-validated scores for the learner settings in
// a score-config file (see bench/ml_score_configs.json), one JSON object per
// line: {"name", "kind", "dataset", "score", "seconds"} (name: the config's
// "name", its kind when it has none). bench/ml_scores.py runs it
// next to scikit-learn. Usage: bench_ml_scores CONFIGS.json DATASETS_DIR
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>

#include <nlohmann/json.hpp>

#include "io/csv_reader.h"
#include "ml/core/registry.h"
#include "ml/pipeline/labelled_data.h"
#include "ml/selection/cross_validation.h"

using namespace sluice;

int main(int argc, char** argv) {
    if (argc != 3) {
        std::fprintf(stderr, "usage: %s CONFIGS.json DATASETS_DIR\n", argv[0]);
        return 2;
    }
    try {
        std::ifstream in(argv[1]);
        const auto configs = nlohmann::json::parse(in);
        for (const auto& config : configs) {
            const std::string kind = config.at("kind");
            const std::string name = config.value("name", kind);
            const auto learner = ml::MlRegistry::instance().makeLearner(
                kind, config.value("params", nlohmann::json::object()));
            for (const auto& dataset : config.at("datasets")) {
                const auto read =
                    readCsvFile(std::string(argv[2]) + "/" + dataset.get<std::string>());
                const Table& t = *read.table;
                const auto data = ml::labelledData(t, t.column(t.columnCount() - 1).name());
                const bool classify = learner->task() == ml::Task::Classification;
                const auto splits =
                    classify ? ml::stratifiedKFold(data.y, 5) : ml::kFold(data.y.size(), 5);
                const auto t0 = std::chrono::steady_clock::now();
                const auto cv = ml::crossValidate(*learner, data.X, data.y, splits,
                                                  config.value("standardize", false));
                const double s =
                    std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
                std::cout << nlohmann::json{{"name", name},
                                            {"kind", kind},
                                            {"dataset", dataset},
                                            {"score", cv.mean},
                                            {"seconds", s}}
                          << std::endl;
            }
        }
    } catch (const std::exception& e) {
        std::fprintf(stderr, "error: %s\n", e.what());
        return 1;
    }
    return 0;
}
