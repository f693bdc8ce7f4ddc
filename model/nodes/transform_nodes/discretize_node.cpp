// transform.discretize: numeric columns cut into bins learnt on `train`
// (ml::Discretizer, discretizer.h): equal width, quantiles or custom edges;
// intervals as categories, or bin numbers.
#include <cmath>

#include "io/number_parse.h"
#include "ml/preprocessing/discretizer.h"
#include "nodes/column_params.h"
#include "nodes/python_context.h"
#include "nodes/transform_nodes/learning_transform_node.h"
#include "util/one_piece.h"

namespace sluice {
namespace {

using namespace node_params;

// The custom edges of "0, 18, 65" or a NodeError naming the bad item.
std::vector<double> discretizeEdges(const std::string& text) {
    std::vector<double> edges;
    for (const std::string& item : splitList(text)) {
        double v = 0;
        if (parseNumber(item, false, v) != NumberParse::Ok || !std::isfinite(v))
            throw NodeError("parameter 'edges': '" + item + "' is not a number");
        edges.push_back(v);
    }
    return edges;
}

// The exported script's Discretize: the same edges, bins and labels.
const char* const kDiscretizeStepPython = R"PY(class DiscretizeStep:
    """Sluice's Discretize: edges from the train table (numpy's quantiles
    without repeats, or equal widths), open end bins, intervals as text."""

    def __init__(self, method, bins, edges, ordinal, columns):
        self.method, self.bins, self.edges = method, bins, edges
        self.ordinal, self.columns = ordinal, columns

    def fit(self, table):
        self.columns = columns_or(table, self.columns, is_numeric)
        self.cuts = {}
        for c in self.columns:
            v = table.df[c].dropna().to_numpy(float)
            if self.method == "custom":
                self.cuts[c] = list(self.edges)
                continue
            q = np.linspace(0, 1, self.bins + 1)
            e = np.quantile(v, q) if self.method == "quantile" else v.min() + q * (v.max() - v.min())
            e = sorted(set(e.tolist()))
            self.cuts[c] = e[1:-1] if len(e) > 2 else []
        return self

    @staticmethod
    def edge(v, digits):
        m = abs(v)
        if 1 <= m < 1e9:
            whole = int(math.floor(math.log10(m))) + 1
            t = f"{v:.{max(0, digits - whole)}f}"
            return t.rstrip("0").rstrip(".") if "." in t else t
        return f"{v:.{digits}g}"

    @staticmethod
    def labels(inner):
        if not inner:
            return ["all values"]
        for digits in range(3, 18):
            shown = [DiscretizeStep.edge(e, digits) for e in inner]
            if len(set(shown)) == len(shown):
                break
        return (["< " + shown[0]] + [f"[{a}, {b})" for a, b in zip(shown, shown[1:])]
                + ["\u2265 " + shown[-1]])

    def apply(self, table):
        df = table.df.copy()
        for c, inner in self.cuts.items():
            x = df[c].to_numpy(float)
            bins = np.searchsorted(np.asarray(inner, float), x, side="right").astype(float)
            bins[np.isnan(x)] = np.nan
            if self.ordinal:
                df[c] = bins
            else:
                names = self.labels(inner)
                df[c] = [names[int(b)] if b == b else None for b in bins]
        return table.derive(df)
)PY";

class DiscretizeNode : public LearningTransformNode {
public:
    DiscretizeNode()
        : LearningTransformNode({
              .id = "transform.discretize",
              .displayName = "Discretize",
              .category = NodeCategory::Transform,
              .description = "Cuts numeric columns into bins (equal width, quantiles or your "
                             "own edges) learnt on the train table: intervals or bin numbers.",
              .inputs = {},
              .outputs = {},
              .params =
                  {
                      choiceParam("method", "Method", {"quantile", "equal_width", "custom"},
                                  "quantile",
                                  "quantile: bins with about as many train values each; "
                                  "equal_width: bins of equal width between the train "
                                  "minimum and maximum; custom: the edges below."),
                      intParam("bins", "Bins", 5, 2, 1000,
                               "How many bins (quantile, equal_width); repeated quantiles "
                               "make fewer."),
                      stringParam("edges", "Edges", "",
                                  "custom: the inner edges, increasing, such as \"18, 65\" "
                                  "(three bins: below 18, 18 to 65, 65 and above)."),
                      choiceParam("output", "Output", {"intervals", "bin number"}, "intervals",
                                  "intervals: a category per bin, such as \"[18, 65)\"; bin "
                                  "number: 0, 1, ... as numbers."),
                      columnsParam("columns", "Columns",
                                   "The numeric columns to cut; empty cuts every numeric "
                                   "feature column."),
                  },
              .version = 1,
          }) {}

protected:
    std::unique_ptr<ml::TableTransform> fit(const Table& train, const nlohmann::json& params,
                                            RunContext& /*context*/) const override {
        ml::Discretizer spec;
        const std::string method = params.at("method").get<std::string>();
        spec.method = method == "custom"        ? ml::Discretizer::Method::Custom
                      : method == "equal_width" ? ml::Discretizer::Method::EqualWidth
                                                : ml::Discretizer::Method::Quantile;
        spec.bins = params.at("bins").get<int>();
        if (spec.method == ml::Discretizer::Method::Custom) {
            spec.edges = discretizeEdges(params.at("edges").get<std::string>());
            if (spec.edges.empty())
                throw NodeError("parameter 'edges': custom bins need at least one edge");
        }
        spec.ordinal = params.at("output").get<std::string>() == "bin number";
        spec.columns = columnList(params, "columns");
        requireColumns(train, spec.columns, "columns");
        return spec.fit(train);
    }

    std::optional<std::string> python(const PythonContext& c) const override;
};

// In one piece: util/one_piece.h says why.
SLUICE_ONE_PIECE std::optional<std::string> DiscretizeNode::python(const PythonContext& c) const {
    c.define("DiscretizeStep", kDiscretizeStepPython);
    std::string edges = "[]";
    if (c.text("method") == "custom") {
        edges = "[";
        for (double e : discretizeEdges(c.text("edges")))
            edges += (edges.size() > 1 ? ", " : "") + python_export::pyValue(e);
        edges += "]";
    }
    return learningTransformPython(c,
                                   "DiscretizeStep(" + c.literal("method") + ", " +
                                       c.literal("bins") + ", " + edges + ", " +
                                       (c.text("output") == "bin number" ? "True" : "False") +
                                       ", columns=" + c.columnsLiteral("columns") + ")",
                                   "");
}

}  // namespace

std::unique_ptr<NodeType> makeDiscretizeNode() {
    return std::make_unique<DiscretizeNode>();
}

}  // namespace sluice
