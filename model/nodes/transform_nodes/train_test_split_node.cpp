// transform.train_test_split: splits a table's rows at random into `train`
// and `test` (ml::trainTestSplit: seeded Rng, same split on every
// platform). The test set has ceil(test_fraction * rows) rows; with
// stratify each class of the target-role column keeps its share in both.
// Rows keep their original order within each output.
#include "data/table_rows.h"
#include "ml/preprocessing/label_encoder.h"
#include "ml/selection/splits.h"
#include "nodes/python_context.h"

namespace sluice {
namespace {

std::vector<std::size_t> asRows(const std::vector<Eigen::Index>& indices) {
    return {indices.begin(), indices.end()};
}

class TrainTestSplitNode : public NodeType {
public:
    TrainTestSplitNode()
        : NodeType({
              .id = "transform.train_test_split",
              .displayName = "Train/test split",
              .category = NodeCategory::Transform,
              .description = "Splits rows at random into a training and a test table, "
                             "optionally keeping class proportions (stratified).",
              .inputs = {{"table", PortType::Table, "Table", true, "The rows to split."}},
              .outputs = {{"train", PortType::Table, "Train", true, "Rows to learn from."},
                          {"test", PortType::Table, "Test", true, "Rows held out for scoring."}},
              .params =
                  {
                      floatParam("test_fraction", "Test fraction", 0.25, 0.01, 0.99,
                                 "The share of rows that go to the test table (rounded up)."),
                      boolParam("stratify", "Stratify", false,
                                "Keep each class's share of rows in both tables, using the "
                                "table's target column."),
                      intParam("seed", "Seed", 0, 0, std::nullopt,
                               "The same seed gives the same split."),
                  },
              .version = 1,
          }) {}

    PortValues run(const PortValues& inputs, const nlohmann::json& params,
                   RunContext& /*context*/) const override {
        const TablePtr table = inputTable(inputs, "table");
        const double fraction = params.at("test_fraction").get<double>();
        const auto seed = params.at("seed").get<std::uint64_t>();
        const auto n = static_cast<Eigen::Index>(table->rowCount());

        std::optional<Eigen::VectorXd> labels;
        if (params.at("stratify").get<bool>()) {
            const auto targets = table->columnsWithRole(ColumnRole::Target);
            if (targets.size() != 1)
                throw NodeError(
                    "parameter 'stratify': the input table needs exactly one target "
                    "column to stratify on (it has " +
                    std::to_string(targets.size()) + "); set one with Select columns");
            const Column& target = table->column(targets.front());
            try {
                labels = ml::LabelEncoder::fit(target).encode(target);
            } catch (const ml::MisuseError& e) {
                throw NodeError("parameter 'stratify': target column '" + target.name() +
                                "': " + e.what());
            }
        }
        ml::Split split;
        try {
            split = ml::trainTestSplit(n, fraction, seed, labels ? &*labels : nullptr);
        } catch (const ml::MisuseError& e) {
            throw NodeError(std::string("input 'table': ") + e.what());
        }
        return {{"train", takeRows(*table, asRows(split.train))},
                {"test", takeRows(*table, asRows(split.test))}};
    }

    std::optional<std::string> python(const PythonContext& c) const override {
        const std::string in = *c.input("table");
        const bool stratify = c.params.value("stratify", false);
        std::string out =
            "# scikit-learn's train_test_split(test_size=" + c.literal("test_fraction") +
            ", random_state=" + c.literal("seed") + (stratify ? ", stratify=y" : "") +
            ") would also\n"
            "# take ceil(fraction * rows) test rows, but numpy's generator would pick other\n"
            "# ones; sluice_train_test_split() draws them with Sluice's generator instead, so\n"
            "# the seed selects the same rows as in Sluice. Rows keep their order.\n";
        out += "strata = " +
               (stratify ? "class_codes(" + in + ".df[" + in + ".target()].to_numpy())[0]"
                         : std::string("None")) +
               "\n";
        out += "train_rows, test_rows = sluice_train_test_split(len(" + in + ".df), " +
               c.literal("test_fraction") + ", " + c.literal("seed") + ", strata)\n";
        out += c.output("train") + " = " + in + ".derive(" + in + ".df.iloc[train_rows])\n";
        out += c.output("test") + " = " + in + ".derive(" + in + ".df.iloc[test_rows])\n";
        return out;
    }
};

}  // namespace

std::unique_ptr<NodeType> makeTrainTestSplitNode() {
    return std::make_unique<TrainTestSplitNode>();
}

}  // namespace sluice
