#include "ml/pipeline/trained_pipeline.h"

#include <fstream>
#include <sstream>

#include "data/number_text.h"
#include "io/atomic_file.h"
#include "io/json_nesting.h"
#include "ml/core/eigen_json.h"
#include "ml/core/ml_errors.h"
#include "ml/core/registry.h"
#include "ml/pipeline/labelled_data.h"

namespace sluice::ml {
namespace {

constexpr int kFormatVersion = 1;

std::vector<std::string> featureColumns(const Table& t, const std::string& target) {
    std::vector<std::string> out;
    for (const Column& c : t.columns()) {
        if (c.role() != ColumnRole::Feature || c.name() == target)
            continue;
        if (c.kind() != ColumnKind::Numeric)
            throw MisuseError(nonNumericFeature(c));
        out.push_back(c.name());
    }
    if (out.empty())
        throw MisuseError("the table has no numeric feature columns to train on");
    return out;
}

}  // namespace

TablePtr TrainedPipeline::transformed(const Table& table) const {
    TablePtr t = std::make_shared<const Table>(table);
    for (const auto& step : steps_)
        t = step->apply(*t);
    return t;
}

TrainedPipeline TrainedPipeline::fit(const Table& train, const PipelineSpec& spec,
                                     const FitContext& context) {
    if (!spec.learner)
        throw MisuseError("a pipeline needs a learner");
    TrainedPipeline p;
    p.target_ = spec.target;
    // The target takes the Target role first, so no step learns from it or
    // expects it in the tables the model later predicts on.
    TablePtr t = p.target_.empty() ? std::make_shared<const Table>(train)
                                   : train.withRole(p.target_, ColumnRole::Target);
    for (const auto& step : spec.steps) {
        context.throwIfCancelled();
        std::shared_ptr<const TableTransform> fitted = step->fit(*t);
        t = fitted->apply(*t);
        p.steps_.push_back(std::move(fitted));
    }
    p.features_ = featureColumns(*t, p.target_);
    // Encoding the target and copying the features into a matrix take a
    // noticeable time on big tables (half a second for 400k x 20 under
    // AddressSanitizer): a cancel during them must not wait for the fit.
    context.throwIfCancelled();
    Eigen::VectorXd y;
    const Task task = spec.learner->task();
    if (task == Task::Classification || task == Task::Regression) {
        if (p.target_.empty())
            throw MisuseError(std::string(spec.learner->kind()) + " needs a target column");
        const Column& target = t->column(p.target_);
        if (task == Task::Classification) {
            p.labels_ = LabelEncoder::fit(target);
            y = p.labels_->encode(target);
        } else {
            if (target.kind() != ColumnKind::Numeric)
                throw MisuseError("target column '" + p.target_ +
                                  "' is not numeric; a regressor needs numbers");
            const auto v = target.numbers();
            y = Eigen::Map<const Eigen::VectorXd>(v.data(), static_cast<Eigen::Index>(v.size()));
        }
    }
    context.throwIfCancelled();
    Eigen::MatrixXd X = p.matrixOf(*t);
    context.throwIfCancelled();
    p.model_ = spec.learner->fit(X, y, context);
    return p;
}

Eigen::MatrixXd TrainedPipeline::featureMatrix(const Table& table) const {
    return matrixOf(*transformed(table));
}

Eigen::MatrixXd TrainedPipeline::matrixOf(const Table& transformedTable) const {
    const Table* t = &transformedTable;
    Eigen::MatrixXd X(static_cast<Eigen::Index>(t->rowCount()),
                      static_cast<Eigen::Index>(features_.size()));
    for (std::size_t j = 0; j < features_.size(); ++j) {
        const auto index = t->indexOf(features_[j]);
        if (!index)
            throw MisuseError("the table lacks the feature column '" + features_[j] +
                              "' the model was trained on");
        const Column& c = t->column(*index);
        if (c.kind() != ColumnKind::Numeric)
            throw MisuseError(nonNumericFeature(c));
        X.col(static_cast<Eigen::Index>(j)) =
            Eigen::Map<const Eigen::VectorXd>(c.numbers().data(), X.rows());
    }
    return X;
}

Eigen::VectorXd TrainedPipeline::predict(const Table& table) const {
    return model_->predict(featureMatrix(table));
}

Eigen::MatrixXd TrainedPipeline::predictProba(const Table& table) const {
    return model_->predictProba(featureMatrix(table));
}

std::vector<std::string> TrainedPipeline::predictLabels(const Table& table) const {
    const Eigen::VectorXd raw = predict(table);
    std::vector<std::string> out;
    out.reserve(static_cast<std::size_t>(raw.size()));
    for (Eigen::Index i = 0; i < raw.size(); ++i)
        out.push_back(labels_ ? labels_->label(static_cast<int>(raw(i))) : formatNumber(raw(i)));
    return out;
}

Eigen::VectorXd TrainedPipeline::encodeTarget(const Table& table) const {
    const Column& target = table.column(target_);
    if (labels_)
        return labels_->encode(target);
    const auto v = target.numbers();
    return Eigen::Map<const Eigen::VectorXd>(v.data(), static_cast<Eigen::Index>(v.size()));
}

TrainedPipeline TrainedPipeline::withLeadingSteps(
    const std::vector<std::shared_ptr<const TableTransform>>& steps) const {
    TrainedPipeline p = *this;
    p.steps_.insert(p.steps_.begin(), steps.begin(), steps.end());
    return p;
}

nlohmann::json TrainedPipeline::toJson() const {
    nlohmann::json steps = nlohmann::json::array();
    for (const auto& s : steps_)
        steps.push_back(s->toJson());
    nlohmann::json j = {{"format", "sluice.model"},
                        {"version", kFormatVersion},
                        {"steps", std::move(steps)},
                        {"features", features_},
                        {"model", model_->toJson()}};
    if (!target_.empty()) {
        j["target"] = {{"column", target_}};
        if (labels_)
            j["target"]["labels"] = labels_->labels();
    }
    return j;
}

TrainedPipeline TrainedPipeline::fromJson(const nlohmann::json& j) {
    if (!j.is_object() || j.value("format", "") != "sluice.model")
        throw MisuseError("not a Sluice model file (no \"format\": \"sluice.model\")");
    const int version = integerOr(j, "version", 0);
    if (version < 1 || version > kFormatVersion)
        throw MisuseError("model file version " + std::to_string(version) +
                          " is not supported by this version of Sluice (it reads 1 to " +
                          std::to_string(kFormatVersion) + ")");
    TrainedPipeline p;
    try {
        for (const auto& s : j.at("steps"))
            p.steps_.push_back(loadTransform(s));
        p.features_ = j.at("features").get<std::vector<std::string>>();
        if (j.contains("target")) {
            p.target_ = j["target"].at("column").get<std::string>();
            if (j["target"].contains("labels"))
                p.labels_ = LabelEncoder::fromJson(j["target"]);
        }
    } catch (const nlohmann::json::exception& e) {
        throw MisuseError(std::string("model file is malformed: ") + e.what());
    }
    p.model_ = MlRegistry::instance().loadModel(j.at("model"));
    if (p.model_->featureCount() != static_cast<Eigen::Index>(p.features_.size()))
        throw MisuseError("model file is inconsistent: " + std::to_string(p.features_.size()) +
                          " feature names for a model of " +
                          std::to_string(p.model_->featureCount()) + " features");
    return p;
}

void TrainedPipeline::save(const std::string& path) const {
    AtomicFileWriter file(path);
    file.write(toJson().dump(1));
    file.write("\n");
    file.commit();
}

TrainedPipeline TrainedPipeline::load(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw MisuseError("cannot open the model file '" + path + "'");
    std::ostringstream text;
    text << in.rdbuf();
    return fromText(text.str(), "model file '" + path + "'");
}

TrainedPipeline TrainedPipeline::fromText(std::string_view text, const std::string& source) {
    nlohmann::json j;
    try {
        checkJsonNesting(text);
        j = nlohmann::json::parse(text);
    } catch (const JsonNestingError& e) {
        throw MisuseError(source + ": " + e.what());
    } catch (const nlohmann::json::exception& e) {  // parse_error, or out_of_range for "1e400"
        throw MisuseError(source + " is not valid JSON (" + e.what() + ")");
    }
    try {
        return fromJson(j);
    } catch (const MisuseError& e) {
        throw MisuseError(source + ": " + e.what());
    }
}

}  // namespace sluice::ml
