#include "app/runner/predict_command.h"

#include <set>

#include "app/runner/exit_codes.h"
#include "io/csv_reader.h"
#include "io/csv_writer.h"
#include "nodes/evaluate_nodes/prediction_columns.h"

namespace sluice::runner {

TablePtr predictionsTable(const ml::TrainedPipeline& model, const Table& table) {
    const Eigen::MatrixXd X = model.featureMatrix(table);
    const Eigen::VectorXd raw = model.model().predict(X);
    const ml::LabelEncoder* labels = model.labels();

    std::set<std::string> added = {kPredictionColumn};
    if (labels)
        for (const auto& label : labels->labels())
            added.insert(probabilityColumn(label));
    std::vector<Column> columns;
    for (const Column& c : table.columns())
        if (!added.count(c.name()))
            columns.push_back(c);

    if (!labels) {
        columns.push_back(Column::numeric(kPredictionColumn,
                                          std::vector<double>(raw.data(), raw.data() + raw.size()),
                                          ColumnRole::Meta));
        return Table::make(std::move(columns));
    }
    std::vector<std::int32_t> codes(static_cast<std::size_t>(raw.size()));
    for (Eigen::Index i = 0; i < raw.size(); ++i)
        codes[static_cast<std::size_t>(i)] = static_cast<std::int32_t>(raw(i));
    columns.push_back(Column::categorical(kPredictionColumn, std::move(codes), labels->labels(),
                                          ColumnRole::Meta));
    const Eigen::MatrixXd proba = model.model().predictProba(X);
    for (int k = 0; k < labels->classCount() && k < proba.cols(); ++k) {
        std::vector<double> p(proba.col(k).data(), proba.col(k).data() + proba.rows());
        columns.push_back(
            Column::numeric(probabilityColumn(labels->label(k)), std::move(p), ColumnRole::Meta));
    }
    return Table::make(std::move(columns));
}

int runPredictCommand(const RunnerOptions& options, std::ostream& out, std::ostream& err) {
    auto fail = [&](const std::string& message, int code) {
        err << "sluice-run: " << message << '\n';
        return code;
    };
    const std::string& modelPath = options.modelPath;
    const std::string& dataPath = options.dataPath;

    std::optional<ml::TrainedPipeline> model;
    try {
        model = ml::TrainedPipeline::load(modelPath);
    } catch (const std::exception& e) {
        // The loader names the file in most messages; say it in every one.
        const std::string what = e.what();
        return fail(what.find(modelPath) != std::string::npos
                        ? what
                        : "model file '" + modelPath + "': " + what,
                    kExitBadInput);
    }

    CsvReadResult data;
    try {
        data = readCsvFile(dataPath);
    } catch (const std::exception& e) {
        return fail(e.what(), kExitBadInput);
    }
    for (const auto& warning : data.warnings)
        err << "sluice-run: warning: " << warning << '\n';

    TablePtr predictions;
    try {
        predictions = predictionsTable(*model, *data.table);
    } catch (const std::exception& e) {
        return fail("'" + dataPath + "' does not suit the model '" + modelPath + "': " + e.what(),
                    kExitBadInput);
    }

    try {
        if (options.outputPath) {
            writeCsvFile(*predictions, *options.outputPath);
        } else {
            writeCsv(*predictions, out);
            out.flush();
            if (!out)
                return fail("cannot write the predictions to standard output", kExitFailed);
        }
    } catch (const std::exception& e) {
        return fail(e.what(), kExitFailed);
    }
    return kExitOk;
}

}  // namespace sluice::runner
