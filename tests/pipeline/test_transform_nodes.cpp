// The Transform family on tiny tables with known answers: select, filter,
// impute, scale, one-hot, split and PCA; learning transforms fit on `train`
// only (nothing in `apply` changes what they learn).
#include <QtTest>
#include <algorithm>
#include <cmath>
#include <set>

#include "ml/core/registry.h"
#include "ml/preprocessing/pca_transform.h"
#include "model/test_support.h"
#include "run_node.h"
#include "support/test_registry.h"

using namespace sluice;
using namespace sluice::testing;

namespace {

const double NaN = std::nan("");

const NodeRegistry& transformNodes() {
    static const NodeRegistry registry = [] {
        NodeRegistry r;
        registerTransformNodes(r);
        return r;
    }();
    return registry;
}

NodeRun run(const std::string& id, const PortValues& inputs, const nlohmann::json& params = {}) {
    return runNode(transformNodes(), id, inputs, params);
}

// id 0..4, x 1..5 (row 4 missing in y), c categorical, s text
TablePtr five() {
    return Table::make(
        {Column::numeric("id", {0, 1, 2, 3, 4}, ColumnRole::Meta),
         Column::numeric("x", {1, 2, 3, 4, 5}), Column::numeric("y", {10, 20, 30, 40, NaN}),
         Column::categorical("c", {0, 1, 2, -1, 0}, {"a", "b", "z"}),
         Column::text("s", {"p", "q", "r", "p", "t"}),
         Column::categorical("label", {0, 0, 1, 1, 1}, {"no", "yes"}, ColumnRole::Target)});
}

std::vector<double> filteredIds(const nlohmann::json& params, const TablePtr& in = five()) {
    return numbers(*run("transform.filter_rows", {{"table", in}}, params).table(), "id");
}

TransformValue transformOf(const NodeRun& r) {
    return std::get<TransformValue>(r.outputs.at("transform"));
}

}  // namespace

class TestTransformNodes : public QObject {
    Q_OBJECT

private slots:
    void catalogFollowsTheContract() {
        // The family's registration list is the source: every node in it
        // follows the contract, and the long-standing ones are there (a
        // fixed count would make each new node edit this test too).
        const auto all = transformNodes().all();
        for (const char* id : {"transform.select_columns", "transform.filter_rows",
                               "transform.impute", "transform.scale", "transform.one_hot",
                               "transform.train_test_split", "transform.pca"})
            QVERIFY2(transformNodes().find(id), id);
        for (const NodeType* t : all) {
            QVERIFY2(t->id().rfind("transform.", 0) == 0, t->id().c_str());
            QCOMPARE(t->info().category, NodeCategory::Transform);
            QVERIFY(!t->info().description.empty());
            QVERIFY2(t->paramProblems({}).empty(), t->id().c_str());  // defaults are valid
            for (const auto& p : t->info().params)
                QVERIFY2(!p.label.empty() && !p.help.empty(), p.name.c_str());
        }
        for (const char* id :
             {"transform.impute", "transform.scale", "transform.one_hot", "transform.pca"}) {
            const NodeType* t = transformNodes().find(id);
            QVERIFY(t->input("train")->required && !t->input("apply")->required);
            QCOMPARE(t->output("transform")->type, PortType::Transform);
        }
    }

    void selectKeepsDropsAndSetsRoles() {
        const TablePtr in = five();
        const auto t = run("transform.select_columns", {{"table", in}},
                           {{"keep", {"c", "x", "label", "id"}},
                            {"drop", {"id"}},
                            {"target", "c"},
                            {"meta", {"x"}}})
                           .table();
        QCOMPARE(t->columnNames(), (std::vector<std::string>{"c", "x", "label"}));
        QCOMPARE(t->column("c").role(), ColumnRole::Target);
        QCOMPARE(t->column("x").role(), ColumnRole::Meta);
        QCOMPARE(t->column("label").role(), ColumnRole::Feature);  // the old target
        // Storage is shared, not copied.
        QCOMPARE(t->column("x").block(), in->column("x").block());
        const auto all = run("transform.select_columns", {{"table", five()}}).table();
        QCOMPARE(all->columnNames(), five()->columnNames());
        QCOMPARE(all->column("label").role(), ColumnRole::Target);  // empty target: roles kept
    }

    void selectNamesUnknownColumns() {
        const std::string error = nodeError([] {
            run("transform.select_columns", {{"table", five()}}, {{"drop", {"age"}}});
        });
        QCOMPARE(error, std::string("parameter 'drop': column 'age' not found in the input table "
                                    "(columns: id, x, y, c, s, label)"));
        QVERIFY(contains(nodeError([] {
                             run("transform.select_columns", {{"table", five()}},
                                 {{"drop", {"x"}}, {"target", "x"}});
                         }),
                         "'target'"));
    }

    void filterNumericComparisons() {
        QCOMPARE(filteredIds({{"column", "x"}, {"operator", ">"}, {"value", "2"}}),
                 (std::vector<double>{2, 3, 4}));
        QCOMPARE(filteredIds({{"column", "x"}, {"operator", "<="}, {"value", "2"}}),
                 (std::vector<double>{0, 1}));
        QCOMPARE(filteredIds({{"column", "x"}, {"operator", "!="}, {"value", "3"}}),
                 (std::vector<double>{0, 1, 3, 4}));
        QCOMPARE(filteredIds({{"column", "x"}, {"operator", "in"}, {"value", "1, 5,9"}}),
                 (std::vector<double>{0, 4}));
        // A missing y fails every comparison, even !=.
        QCOMPARE(filteredIds({{"column", "y"}, {"operator", "!="}, {"value", "10"}}),
                 (std::vector<double>{1, 2, 3}));
        QCOMPARE(filteredIds({{"column", "y"}, {"operator", ">="}, {"value", "1e1"}}),
                 (std::vector<double>{0, 1, 2, 3}));
    }

    void filterCategoriesTextAndMissing() {
        QCOMPARE(filteredIds({{"column", "c"}, {"operator", "in"}, {"value", "a,z"}}),
                 (std::vector<double>{0, 2, 4}));
        QCOMPARE(filteredIds({{"column", "c"}, {"operator", "not_in"}, {"value", "a"}}),
                 (std::vector<double>{1, 2}));  // row 3 is missing: dropped
        QCOMPARE(filteredIds({{"column", "s"}, {"operator", "=="}, {"value", "p"}}),
                 (std::vector<double>{0, 3}));
        QCOMPARE(filteredIds({{"column", "c"}, {"operator", "is_missing"}}),
                 (std::vector<double>{3}));
        QCOMPARE(filteredIds({{"column", "y"}, {"operator", "not_missing"}}),
                 (std::vector<double>{0, 1, 2, 3}));
        QCOMPARE(filteredIds({{"drop_missing", true}}), (std::vector<double>{0, 1, 2}));
        QCOMPARE(filteredIds(
                     {{"column", "x"}, {"operator", ">"}, {"value", "1"}, {"drop_missing", true}}),
                 (std::vector<double>{1, 2}));
        const auto kept = run("transform.filter_rows", {{"table", five()}},
                              {{"column", "c"}, {"operator", "=="}, {"value", "b"}})
                              .table();
        QCOMPARE(kept->column("c").levels(), (std::vector<std::string>{"a", "b", "z"}));
        QCOMPARE(texts(*kept, "s"), (std::vector<std::string>{"q"}));
    }

    void filterRejectsBadValuesAndOperators() {
        const std::string notNumber = nodeError([] {
            filteredIds({{"column", "x"}, {"operator", ">"}, {"value", "two"}});
        });
        QVERIFY2(contains(notNumber, "'value'") && contains(notNumber, "'two'") &&
                     contains(notNumber, "'x'"),
                 notNumber.c_str());
        const std::string order = nodeError([] {
            filteredIds({{"column", "c"}, {"operator", "<"}, {"value", "b"}});
        });
        QVERIFY2(contains(order, "'c'") && contains(order, "categorical"), order.c_str());
        QVERIFY(contains(nodeError([] {
                             filteredIds({{"column", "age"}});
                         }),
                         "column 'age' not found in the input table"));
    }

    void imputeFitsOnTrainOnly() {
        const TablePtr train = Table::make({Column::numeric("x", {1, NaN, 3})});
        const TablePtr apply = Table::make({Column::numeric("x", {NaN, 100})});
        const TablePtr otherApply = Table::make({Column::numeric("x", {NaN, -1e6})});
        const auto r = run("transform.impute", {{"train", train}, {"apply", apply}});
        QCOMPARE(numbers(*r.table("train"), "x"), (std::vector<double>{1, 2, 3}));
        QCOMPARE(numbers(*r.table("apply"), "x"), (std::vector<double>{2, 100}));
        // Other apply data: the same fitted transform and train output.
        const auto r2 = run("transform.impute", {{"train", train}, {"apply", otherApply}});
        QCOMPARE(transformOf(r2)->toJson().dump(), transformOf(r)->toJson().dump());
        QCOMPARE(numbers(*r2.table("apply"), "x"), (std::vector<double>{2, -1e6}));
        // Without an apply input there is no apply output.
        const auto alone = run("transform.impute", {{"train", train}},
                               {{"strategy", "constant"}, {"fill_value", -7}});
        QVERIFY(!alone.outputs.count("apply"));
        QCOMPARE(numbers(*alone.table("train"), "x"), (std::vector<double>{1, -7, 3}));
    }

    void imputeCategoricalAndBadColumns() {
        const TablePtr train = Table::make({Column::categorical("c", {0, -1, 1, 1}, {"a", "b"})});
        const auto r = run("transform.impute", {{"train", train}}, {{"strategy", "most_frequent"}});
        QCOMPARE(texts(*r.table("train"), "c"), (std::vector<std::string>{"a", "b", "b", "b"}));
        const std::string error = nodeError([&] {
            run("transform.impute", {{"train", train}}, {{"columns", {"nope"}}});
        });
        QVERIFY2(contains(error, "column 'nope' not found in the input table (columns: c)"),
                 error.c_str());
        QVERIFY(contains(nodeError([] { run("transform.impute", {}); }), "'train'"));
    }

    void scaleLearnsOnTrainAndAppliesToApply() {
        const TablePtr train =
            Table::make({Column::numeric("x", {1, 2, 3}), Column::numeric("k", {0, 5, 10})});
        const TablePtr apply =
            Table::make({Column::numeric("x", {2, 5}), Column::numeric("k", {100, 200})});
        const auto r =
            run("transform.scale", {{"train", train}, {"apply", apply}}, {{"columns", {"x"}}});
        const double sd = std::sqrt(2.0 / 3.0);
        const auto scaled = numbers(*r.table("apply"), "x");
        QCOMPARE(scaled[0], 0.0);
        QVERIFY(std::abs(scaled[1] - 3.0 / sd) < 1e-12);
        QCOMPARE(numbers(*r.table("apply"), "k"), (std::vector<double>{100, 200}));  // untouched
        const auto minMax =
            run("transform.scale", {{"train", train}, {"apply", apply}}, {{"method", "min_max"}});
        QCOMPARE(numbers(*minMax.table("train"), "k"), (std::vector<double>{0, 0.5, 1}));
        QCOMPARE(numbers(*minMax.table("apply"), "k"), (std::vector<double>{10, 20}));
        // Wildly different apply data changes nothing learnt.
        const TablePtr wild =
            Table::make({Column::numeric("x", {1e9, -1e9}), Column::numeric("k", {7, 7})});
        const auto r2 =
            run("transform.scale", {{"train", train}, {"apply", wild}}, {{"method", "min_max"}});
        QCOMPARE(transformOf(r2)->toJson().dump(), transformOf(minMax)->toJson().dump());
        QCOMPARE(numbers(*r2.table("train"), "k"), numbers(*minMax.table("train"), "k"));
    }

    void scaleApplyMissingAColumnNamesTheInput() {
        const TablePtr train = Table::make({Column::numeric("x", {1, 2, 3})});
        const TablePtr apply = Table::make({Column::numeric("w", {1})});
        const std::string error = nodeError([&] {
            run("transform.scale", {{"train", train}, {"apply", apply}});
        });
        QVERIFY2(contains(error, "input 'apply'") && contains(error, "'x'"), error.c_str());
    }

    void oneHotUsesTrainLevels() {
        const TablePtr train = Table::make(
            {Column::categorical("c", {0, 1, 0}, {"a", "b"}), Column::numeric("n", {1, 2, 3})});
        const TablePtr apply = Table::make(
            {Column::categorical("c", {2, 1}, {"a", "b", "new"}), Column::numeric("n", {4, 5})});
        const auto r = run("transform.one_hot", {{"train", train}, {"apply", apply}});
        QCOMPARE(r.table("train")->columnNames(), (std::vector<std::string>{"c=a", "c=b", "n"}));
        QCOMPARE(numbers(*r.table("train"), "c=a"), (std::vector<double>{1, 0, 1}));
        QCOMPARE(r.table("apply")->columnNames(), (std::vector<std::string>{"c=a", "c=b", "n"}));
        QCOMPARE(numbers(*r.table("apply"), "c=a"), (std::vector<double>{0, 0}));  // unseen
        QCOMPARE(numbers(*r.table("apply"), "c=b"), (std::vector<double>{0, 1}));
    }

    void splitSizesAreDisjointAndSeeded() {
        std::vector<double> ids(20);
        for (int i = 0; i < 20; ++i)
            ids[static_cast<std::size_t>(i)] = i;
        const TablePtr t = Table::make({Column::numeric("id", ids)});
        const auto r = run("transform.train_test_split", {{"table", t}}, {{"seed", 5}});
        const auto train = numbers(*r.table("train"), "id");
        const auto test = numbers(*r.table("test"), "id");
        QCOMPARE(test.size(), std::size_t{5});  // ceil(0.25 * 20)
        QCOMPARE(train.size(), std::size_t{15});
        std::set<double> all(train.begin(), train.end());
        all.insert(test.begin(), test.end());
        QCOMPARE(all.size(), std::size_t{20});  // disjoint and complete
        QVERIFY(std::is_sorted(train.begin(), train.end()));
        QCOMPARE(
            numbers(*run("transform.train_test_split", {{"table", t}}, {{"seed", 5}}).table("test"),
                    "id"),
            test);
        QVERIFY(
            numbers(*run("transform.train_test_split", {{"table", t}}, {{"seed", 6}}).table("test"),
                    "id") != test);
        const auto third =
            run("transform.train_test_split", {{"table", t}}, {{"test_fraction", 0.3}});
        QCOMPARE(third.table("test")->rowCount(), std::size_t{6});
    }

    void splitStratifiesOnTheTarget() {
        // 12 of class a, 8 of class b: a test set of 5 holds 3 a and 2 b.
        std::vector<std::int32_t> codes;
        for (int i = 0; i < 20; ++i)
            codes.push_back(i % 5 < 3 ? 0 : 1);
        const TablePtr t =
            Table::make({Column::numeric("x", std::vector<double>(20, 1.0)),
                         Column::categorical("y", codes, {"a", "b"}, ColumnRole::Target)});
        for (int seed = 0; seed < 5; ++seed) {
            const auto r = run("transform.train_test_split", {{"table", t}},
                               {{"stratify", true}, {"seed", seed}});
            const auto test = r.table("test")->column("y").codes();
            QCOMPARE(std::count(test.begin(), test.end(), 0), std::ptrdiff_t{3});
            QCOMPARE(std::count(test.begin(), test.end(), 1), std::ptrdiff_t{2});
            const auto train = r.table("train")->column("y").codes();
            QCOMPARE(std::count(train.begin(), train.end(), 0), std::ptrdiff_t{9});
        }
        const TablePtr noTarget = Table::make({Column::numeric("x", {1, 2, 3, 4})});
        QVERIFY(contains(
            nodeError([&] {
                run("transform.train_test_split", {{"table", noTarget}}, {{"stratify", true}});
            }),
            "'stratify'"));
        const TablePtr tiny = Table::make({Column::numeric("x", {1})});
        QVERIFY(contains(nodeError([&] {
                             run("transform.train_test_split", {{"table", tiny}});
                         }),
                         "too few"));
    }

    void pcaProjectsOnTheMainAxis() {
        const auto kinds = ml::MlRegistry::instance().learnerKinds();
        if (std::find(kinds.begin(), kinds.end(), "pca") == kinds.end())
            QSKIP("no pca learner in this build");
        // Points on the line b = 2a: one component carries everything.
        const TablePtr train = Table::make(
            {Column::numeric("a", {-2, -1, 0, 1, 2}), Column::numeric("b", {-4, -2, 0, 2, 4}),
             Column::text("name", {"p", "q", "r", "s", "t"}),
             Column::categorical("y", {0, 1, 0, 1, 0}, {"u", "v"}, ColumnRole::Target)});
        const TablePtr apply = Table::make(
            {Column::numeric("a", {11}), Column::numeric("b", {22}), Column::text("name", {"z"}),
             Column::categorical("y", {1}, {"u", "v"}, ColumnRole::Target)});
        const auto r =
            run("transform.pca", {{"train", train}, {"apply", apply}}, {{"n_components", 1}});
        QCOMPARE(r.table("train")->columnNames(), (std::vector<std::string>{"pc1", "name", "y"}));
        QCOMPARE(r.table("train")->column("y").role(), ColumnRole::Target);
        const auto pc = numbers(*r.table("train"), "pc1");
        const double sign = pc[4] > 0 ? 1.0 : -1.0;
        for (int i = 0; i < 5; ++i)
            QVERIFY(std::abs(pc[static_cast<std::size_t>(i)] - sign * (i - 2) * std::sqrt(5.0)) <
                    1e-9);
        const double applied = numbers(*r.table("apply"), "pc1")[0];
        QVERIFY(std::abs(applied - sign * 11 * std::sqrt(5.0)) < 1e-9);
        // The fitted transform reloads from its JSON and gives the same scores.
        const auto reloaded =
            loadPcaTransform(nlohmann::json::parse(transformOf(r)->toJson().dump()));
        QCOMPARE(numbers(*reloaded->apply(*apply), "pc1")[0], applied);
        // Other apply data: same fitted transform.
        const TablePtr other = Table::make(
            {Column::numeric("a", {-50}), Column::numeric("b", {3}), Column::text("name", {"w"}),
             Column::categorical("y", {0}, {"u", "v"}, ColumnRole::Target)});
        const auto r2 =
            run("transform.pca", {{"train", train}, {"apply", other}}, {{"n_components", 1}});
        QCOMPARE(transformOf(r2)->toJson().dump(), transformOf(r)->toJson().dump());
    }

    void pcaRejectsWhatItCannotUse() {
        const auto kinds = ml::MlRegistry::instance().learnerKinds();
        if (std::find(kinds.begin(), kinds.end(), "pca") == kinds.end())
            QSKIP("no pca learner in this build");
        const TablePtr train =
            Table::make({Column::numeric("a", {1, 2, 3}), Column::numeric("b", {3, 1, 2})});
        const std::string tooMany = nodeError([&] {
            run("transform.pca", {{"train", train}}, {{"n_components", 3}});
        });
        QVERIFY2(contains(tooMany, "'n_components'"), tooMany.c_str());
        const TablePtr categorical = Table::make(
            {Column::numeric("a", {1, 2, 3}), Column::categorical("c", {0, 1, 0}, {"p", "q"})});
        const std::string error = nodeError([&] {
            run("transform.pca", {{"train", categorical}}, {{"n_components", 1}});
        });
        QVERIFY2(contains(error, "'c'") && contains(error, "categorical"), error.c_str());
    }
};

SLUICE_TEST_APPLESS_MAIN(TestTransformNodes)
#include "test_transform_nodes.moc"
