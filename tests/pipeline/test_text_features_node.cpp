// transform.text_features against scikit-learn 1.2's vectorizers on a
// corpus small enough to read (values printed by TfidfVectorizer and
// CountVectorizer on the same texts, a missing text as ""): TF-IDF weights,
// n-grams with a minimum document count, binary presence with a vocabulary
// limit, a maximum document share, words unseen in training, a saved model's
// vectorizer, and the refusals.
#include <QtTest>

#include <cmath>

#include "ml/preprocessing/table_transform.h"
#include "nodes/node_registry.h"
#include "run_node.h"
#include "support/test_registry.h"

using namespace sluice;
using sluice::testing::columnNames;
using sluice::testing::nodeError;
using sluice::testing::NodeRun;

namespace {

TablePtr notes() {
    return Table::make(
        {Column::text("note", {"The cat sat", "the cat and the hat", "A dog!", "", "cat-dog"},
                      {false, false, false, true, false}),
         Column::numeric("label", {1, 0, 1, 0, 1}, ColumnRole::Target)});
}

NodeRun vectorize(const nlohmann::json& params, const TablePtr& apply = nullptr) {
    PortValues inputs{{"train", notes()}};
    if (apply)
        inputs["apply"] = apply;
    return sluice::testing::runNode(builtinNodes(), "transform.text_features", inputs, params);
}

std::vector<double> row(const Table& t, std::size_t r) {
    std::vector<double> out;
    for (const Column& c : t.columns())
        if (c.name() != "label")
            out.push_back(c.numbers()[r]);
    return out;
}

}  // namespace

class TestTextFeaturesNode : public QObject {
    Q_OBJECT

private slots:
    void tfIdfAsScikitLearn() {
        const TablePtr t = vectorize({}).table("train");
        QCOMPARE(columnNames(*t), (QStringList{"note:and", "note:cat", "note:dog", "note:hat",
                                               "note:sat", "note:the", "label"}));
        const std::vector<std::vector<double>> expected = {
            {0, 0.46220770413113277, 0, 0, 0.6901592662889631, 0.5568161504458247},
            {0.4448982295027494, 0.29795352938777175, 0, 0.4448982295027494, 0, 0.7178821805115434},
            {0, 0, 1, 0, 0, 0},
            {0, 0, 0, 0, 0, 0},
            {0, 0.6387105775654869, 0.7694470729725092, 0, 0, 0}};
        for (std::size_t r = 0; r < expected.size(); ++r) {
            const std::vector<double> got = row(*t, r);
            for (std::size_t k = 0; k < got.size(); ++k)
                QVERIFY2(std::abs(got[k] - expected[r][k]) < 1e-12,
                         qPrintable(QString("row %1 term %2: %3").arg(r).arg(k).arg(got[k])));
        }
        QCOMPARE(t->column("note:cat").role(), ColumnRole::Feature);
    }

    void countsOfWordPairs() {
        const TablePtr t =
            vectorize({{"weighting", "counts"}, {"ngrams", "1-2"}, {"min_df", 2}}).table("train");
        QCOMPARE(columnNames(*t),
                 (QStringList{"note:cat", "note:dog", "note:the", "note:the cat", "label"}));
        QCOMPARE(row(*t, 1), (std::vector<double>{1, 0, 2, 1}));
        QCOMPARE(row(*t, 4), (std::vector<double>{1, 1, 0, 0}));
    }

    void presenceWithALimitAndUnseenWords() {
        const TablePtr apply = Table::make(
            {Column::text("note", {"cat cat dog hat zebra"}), Column::numeric("label", {1})});
        const NodeRun run = vectorize({{"weighting", "binary"}, {"max_features", 2}}, apply);
        // cat is in 3 texts, dog and the in 2: the tie goes to dog, as in scikit-learn.
        QCOMPARE(columnNames(*run.table("apply")), (QStringList{"note:cat", "note:dog", "label"}));
        QCOMPARE(row(*run.table("apply"), 0), (std::vector<double>{1, 1}));
        // A word in more than half the texts goes.
        QCOMPARE(
            columnNames(*vectorize({{"max_df", 0.5}}).table("train")),
            (QStringList{"note:and", "note:dog", "note:hat", "note:sat", "note:the", "label"}));
    }

    void aSavedVectorizerAppliesTheSame() {
        const NodeRun run = vectorize({});
        const auto transform = std::get<TransformValue>(run.outputs.at("transform"));
        const auto again = ml::loadTransform(transform->toJson());
        const TablePtr a = transform->apply(*notes());
        const TablePtr b = again->apply(*notes());
        for (std::size_t r = 0; r < 5; ++r)
            QCOMPARE(row(*b, r), row(*a, r));
    }

    void refusals() {
        std::string why = nodeError([] { vectorize({{"columns", {"label"}}}); });
        QVERIFY2(
            why.find("'label'") != std::string::npos && why.find("not text") != std::string::npos,
            why.c_str());
        why = nodeError([] { vectorize({{"columns", {"memo"}}}); });
        QVERIFY2(why.find("'memo'") != std::string::npos, why.c_str());
        // A learner meeting a raw text column says what to do.
        why = nodeError([] {
            sluice::testing::runNode(builtinNodes(), "train.logistic_regression",
                                     {{"train", notes()->withRole("note", ColumnRole::Feature)}},
                                     {{"target", "label"}});
        });
        QVERIFY2(why.find("Text features") != std::string::npos, why.c_str());
    }
};

SLUICE_TEST_GUILESS_MAIN(TestTextFeaturesNode)
#include "test_text_features_node.moc"
