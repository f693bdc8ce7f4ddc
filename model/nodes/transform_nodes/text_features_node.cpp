// transform.text_features: bag of words or TF-IDF from text columns, learnt
// on `train` (ml::TextVectorizer, text_vectorizer.h), so a learner can
// classify short texts.
#include <cctype>

#include "ml/preprocessing/text_vectorizer.h"
#include "nodes/column_params.h"
#include "nodes/python_context.h"
#include "nodes/transform_nodes/learning_transform_node.h"
#include "util/one_piece.h"

namespace sluice {
namespace {

using namespace node_params;

class TextFeaturesNode : public LearningTransformNode {
public:
    TextFeaturesNode()
        : LearningTransformNode({
              .id = "transform.text_features",
              .displayName = "Text features",
              .category = NodeCategory::Transform,
              .description = "Turns text columns into one number per word (or word pair): "
                             "TF-IDF, counts or presence, with the vocabulary learnt on the "
                             "train table.",
              .inputs = {},
              .outputs = {},
              .params =
                  {
                      columnsParam("columns", "Columns",
                                   "The text columns to turn into words; empty takes every "
                                   "text column."),
                      choiceParam("weighting", "Weighting", {"tf-idf", "counts", "binary"},
                                  "tf-idf",
                                  "tf-idf: counts weighted by how rare the word is across "
                                  "the train texts, each row scaled to length 1; counts: how "
                                  "often; binary: whether it occurs."),
                      choiceParam("ngrams", "Words", {"1", "1-2", "2"}, "1",
                                  "Single words, single words and pairs of neighbours, or "
                                  "pairs only."),
                      boolParam("lowercase", "Lower-case", true,
                                "Treat \"Great\" and \"great\" as one word."),
                      floatParam("min_df", "Minimum documents", 1, 0, std::nullopt,
                                 "Leave out words in fewer texts than this (below 1: a "
                                 "fraction of the texts)."),
                      floatParam("max_df", "Maximum documents", 1.0, 0, std::nullopt,
                                 "Leave out words in more texts than this (up to 1: a "
                                 "fraction of the texts), such as 0.9 for very common words."),
                      intParam("max_features", "Max terms", 1000, 0, std::nullopt,
                               "Keep the most frequent words only (0: all). Each kept word "
                               "is a column."),
                  },
              .version = 1,
          }) {}

protected:
    std::unique_ptr<ml::TableTransform> fit(const Table& train, const nlohmann::json& params,
                                            RunContext& /*context*/) const override {
        ml::TextVectorizer spec;
        spec.columns = columnList(params, "columns");
        requireColumns(train, spec.columns, "columns");
        const std::string w = params.at("weighting").get<std::string>();
        spec.weighting = w == "counts"   ? ml::TextVectorizer::Weighting::Counts
                         : w == "binary" ? ml::TextVectorizer::Weighting::Binary
                                         : ml::TextVectorizer::Weighting::TfIdf;
        const std::string n = params.at("ngrams").get<std::string>();
        spec.ngramMin = n == "2" ? 2 : 1;
        spec.ngramMax = n == "1" ? 1 : 2;
        spec.lowercase = params.at("lowercase").get<bool>();
        spec.minDf = params.at("min_df").get<double>();
        spec.maxDf = params.at("max_df").get<double>();
        spec.maxFeatures = params.at("max_features").get<std::size_t>();
        return spec.fit(train);
    }

    std::optional<std::string> python(const PythonContext& c) const override;
};

// In one piece: util/one_piece.h says why.
SLUICE_ONE_PIECE
std::optional<std::string> TextFeaturesNode::python(const PythonContext& c) const {
    c.define("TextFeaturesStep", R"PY(class TextFeaturesStep:
    """Sluice's Text features: scikit-learn's vectorizers with Sluice's
    token rule (runs of word characters, two or more long) and column
    names "<column>:<term>"; a missing text is an empty document."""

    def __init__(self, columns, weighting, ngrams, lowercase, min_df, max_df, max_features):
        self.columns, self.weighting = columns, weighting
        self.options = dict(ngram_range=ngrams, lowercase=lowercase,
                            token_pattern=r"(?u)\b\w\w+\b",
                            min_df=math.ceil(min_df) if min_df >= 1 else min_df,
                            max_df=int(max_df) if max_df > 1 else max_df,
                            max_features=max_features or None)

    def fit(self, table):
        from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer
        # Sluice's text columns: not numbers, and too varied to be categories
        # (the CSV reader's rule: more than 20 distinct values, and more than
        # half as many as present ones).
        def is_text(s):
            distinct, present = s.nunique(), s.notna().sum()
            return s.dtype == object and distinct > 20 and 2 * distinct > present
        self.columns = self.columns or [c for c in table.df.columns if is_text(table.df[c])]
        self.vectorizers = {}
        for c in self.columns:
            v = (TfidfVectorizer(**self.options) if self.weighting == "tf-idf" else
                 CountVectorizer(binary=self.weighting == "binary", **self.options))
            self.vectorizers[c] = v.fit(table.df[c].fillna("").astype(str))
        return self

    def apply(self, table):
        df, roles = table.df, dict(table.roles)
        parts = []
        for c in df.columns:
            if c not in self.vectorizers:
                parts.append(df[[c]])
                continue
            v = self.vectorizers[c]
            m = v.transform(df[c].fillna("").astype(str)).toarray().astype(float)
            names = [f"{c}:{t}" for t in v.get_feature_names_out()]
            parts.append(pd.DataFrame(m, columns=names, index=df.index))
            roles.pop(c, None)
            roles.update({n: "feature" for n in names})
        return Table(pd.concat(parts, axis=1), roles)
)PY");
    const std::string n = c.text("ngrams");
    const std::string ngrams = n == "1" ? "(1, 1)" : n == "2" ? "(2, 2)" : "(1, 2)";
    return learningTransformPython(
        c,
        "TextFeaturesStep(" + c.columnsLiteral("columns") + ", " + c.literal("weighting") + ", " +
            ngrams + ", " + (c.params.value("lowercase", true) ? "True" : "False") + ", " +
            c.literal("min_df") + ", " + c.literal("max_df") + ", " + c.literal("max_features") +
            ")",
        "# scikit-learn breaks ties between equally frequent words at Max terms in its own\n"
        "# order; Sluice takes the word first in byte order.\n");
}

}  // namespace

std::unique_ptr<NodeType> makeTextFeaturesNode() {
    return std::make_unique<TextFeaturesNode>();
}

}  // namespace sluice
