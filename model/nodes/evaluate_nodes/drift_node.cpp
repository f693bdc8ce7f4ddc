// evaluate.drift: compares new data (current) with the training data
// (reference) column by column; see ml/stats/column_drift.h for the
// statistics and drift_results.h for what comes out.
//
// Which columns: the listed ones, each of which must be in both tables; by
// default every column of the reference, then those only the current table
// has. A reference column the current table lacks is flagged as drifted (a
// model trained on it cannot run); a column only the current table has is
// listed with a note and not flagged (extra columns harm nothing).
#include "nodes/column_params.h"
#include "nodes/evaluate_nodes/drift_results.h"
#include "nodes/python_context.h"
#include "nodes/results.h"

namespace sluice {
namespace {

class DriftNode : public NodeType {
public:
    DriftNode();
    PortValues run(const PortValues&, const nlohmann::json&, RunContext&) const override;
};

}  // namespace
namespace {

void requireRows(const Table& table, const std::string& port) {
    if (table.columnCount() == 0)
        throw NodeError("input '" + port + "': the table has no columns");
    if (table.rowCount() == 0)
        throw NodeError("input '" + port + "': the table has no rows");
}

void requireListed(const Table& table, const std::string& column, const std::string& side) {
    if (!table.indexOf(column))
        throw NodeError("parameter 'columns': column '" + column + "' not found in the " + side +
                        " table (columns: " + node_params::joinNames(table.columnNames()) + ")");
}

ml::ColumnDrift onlyInOneTable(const std::string& column, bool inReference) {
    ml::ColumnDrift d;
    d.column = column;
    d.note = inReference ? "missing from the current table" : "only in the current table";
    d.drifted = inReference;
    return d;
}

}  // namespace

DriftNode::DriftNode()
    : NodeType({
          .id = "evaluate.drift",
          .displayName = "Data drift",
          .category = NodeCategory::Evaluate,
          .description =
              "Compares new data with the training data column by column: population "
              "stability index, Kolmogorov-Smirnov test for numbers, chi-square test for "
              "categories; flags the columns that drifted and charts both distributions.",
          .inputs = {{"reference", PortType::Table, "Reference", true,
                      "The data the model was trained on."},
                     {"current", PortType::Table, "Current", true,
                      "New data to check against the reference."}},
          .outputs = {{"results", PortType::Results, "Drift", true,
                       "One row per column: PSI, test statistic, p-value, drifted; and each "
                       "column's distribution in both tables."}},
          .params =
              {
                  intParam("bins", "Bins", 10, 2, 100,
                           "Numeric columns are cut into this many bins at the reference's "
                           "quantiles (fewer when values repeat)."),
                  floatParam("psi_threshold", "PSI threshold", 0.2, 0.0, std::nullopt,
                             "A column whose population stability index reaches this has "
                             "drifted (0.1: watch, 0.25: major shift)."),
                  floatParam("alpha", "Significance (alpha)", 0.05, 0.0, 1.0,
                             "A column whose KS or chi-square p-value is below this has "
                             "drifted."),
                  columnsParam("columns", "Columns",
                               "Columns to compare; empty compares every column."),
              },
          .version = 1,
      }) {}

PortValues DriftNode::run(const PortValues& inputs, const nlohmann::json& params,
                          RunContext& context) const {
    const TablePtr reference = inputTable(inputs, "reference");
    const TablePtr current = inputTable(inputs, "current");
    requireRows(*reference, "reference");
    requireRows(*current, "current");
    ml::DriftOptions options;
    options.bins = params.at("bins").get<int>();
    options.psiThreshold = params.at("psi_threshold").get<double>();
    options.alpha = params.at("alpha").get<double>();

    std::vector<std::string> names = node_params::columnList(params, "columns");
    const bool listed = !names.empty();
    if (listed) {
        for (const auto& n : names) {
            requireListed(*reference, n, "reference");
            requireListed(*current, n, "current");
        }
    } else {
        names = reference->columnNames();
        for (const auto& n : current->columnNames())
            if (!reference->indexOf(n))
                names.push_back(n);
    }

    std::vector<ml::ColumnDrift> columns;
    for (std::size_t i = 0; i < names.size(); ++i) {
        context.fit.throwIfCancelled();
        context.fit.progress(static_cast<double>(i) / static_cast<double>(names.size()), names[i]);
        const auto r = reference->indexOf(names[i]), c = current->indexOf(names[i]);
        if (!r || !c)
            columns.push_back(onlyInOneTable(names[i], r.has_value()));
        else
            columns.push_back(
                ml::compareColumns(reference->column(*r), current->column(*c), options));
    }
    // The run log names the drifted columns (the results' summary only
    // counts them).
    std::vector<std::string> drifted;
    for (const auto& c : columns)
        if (c.drifted)
            drifted.push_back(c.column);
    if (!drifted.empty()) {
        constexpr std::size_t kNamed = 8;
        const std::size_t more = drifted.size() > kNamed ? drifted.size() - kNamed : 0;
        drifted.resize(drifted.size() - more);
        context.log("drifted: " + node_params::joinNames(drifted) +
                    (more ? " and " + std::to_string(more) + " more" : std::string()));
    }
    return {{"results", ResultsValue(std::make_shared<Results>(driftResults(columns)))}};
}

// No python(): the binning and tests of drift have no one-call scikit-learn
// equivalent yet, so the exporter refuses graphs holding this node.

std::unique_ptr<NodeType> makeDriftNode() {
    return std::make_unique<DriftNode>();
}

}  // namespace sluice
