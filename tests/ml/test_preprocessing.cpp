// Fitted preprocessing: statistics by hand, learnt on training data only,
// applied unchanged elsewhere, and saved/loaded losslessly.
#include <QtTest>
#include <cmath>

#include "ml/core/ml_errors.h"
#include "ml/preprocessing/imputer.h"
#include "ml/preprocessing/label_encoder.h"
#include "ml/preprocessing/one_hot_encoder.h"
#include "ml/preprocessing/scaler.h"
#include "support/test_registry.h"

using namespace sluice;
using namespace sluice::ml;

namespace {

const double NaN = std::nan("");

std::vector<double> values(const Table& t, const std::string& c) {
    const auto v = t.column(c).numbers();
    return {v.begin(), v.end()};
}

TablePtr reload(const TableTransform& fitted, const Table& t) {
    return loadTransform(nlohmann::json::parse(fitted.toJson().dump()))->apply(t);
}

}  // namespace

class TestPreprocessing : public QObject {
    Q_OBJECT

private slots:
    void imputerStrategiesByHand() {
        const Table train({Column::numeric("x", {1, NaN, 2, 9, 2}),
                           Column::categorical("c", {1, -1, 1, 0, 0}, {"a", "b"})});
        Imputer mean;
        QCOMPARE(values(*mean.fit(train)->apply(train), "x"),
                 (std::vector<double>{1, 3.5, 2, 9, 2}));
        Imputer median;
        median.strategy = Imputer::Strategy::Median;
        QCOMPARE(values(*median.fit(train)->apply(train), "x")[1], 2.0);
        Imputer frequent;
        frequent.strategy = Imputer::Strategy::MostFrequent;
        const auto f = frequent.fit(train)->apply(train);
        QCOMPARE(values(*f, "x")[1], 2.0);
        // a and b tie with 2 each: the earliest level wins
        QCOMPARE(f->column("c").displayValue(1), std::string("a"));
        Imputer constant;
        constant.strategy = Imputer::Strategy::Constant;
        constant.fillNumber = -1;
        constant.fillLevel = "unknown";
        const auto k = constant.fit(train)->apply(train);
        QCOMPARE(values(*k, "x")[1], -1.0);
        QCOMPARE(k->column("c").displayValue(1), std::string("unknown"));
        QCOMPARE(k->column("c").levels().size(), std::size_t{3});
    }

    void imputerUsesTrainingStatisticsOnOtherTables() {
        const Table train({Column::numeric("x", {1, 3})});
        const Table test({Column::numeric("x", {NaN, 100, NaN})});
        Imputer mean;
        const auto fitted = mean.fit(train);
        QCOMPARE(values(*fitted->apply(test), "x"), (std::vector<double>{2, 100, 2}));
        QCOMPARE(values(*reload(*fitted, test), "x"), (std::vector<double>{2, 100, 2}));
        QVERIFY_THROWS_EXCEPTION(MisuseError, fitted->apply(Table({Column::numeric("y", {1})})));
        QVERIFY_THROWS_EXCEPTION(MisuseError, mean.fit(Table({Column::numeric("x", {NaN})})));
    }

    void standardScalerUsesPopulationStd() {
        const Table train({Column::numeric("x", {1, 2, 3, 4}), Column::numeric("k", {5, 5, 5, 5})});
        const auto fitted = Scaler{}.fit(train);
        const auto t = fitted->apply(train);
        const double sd = std::sqrt(1.25);
        QCOMPARE(values(*t, "x"), (std::vector<double>{-1.5 / sd, -0.5 / sd, 0.5 / sd, 1.5 / sd}));
        QCOMPARE(values(*t, "k"), (std::vector<double>{0, 0, 0, 0}));  // constant: centred only
        const Table test({Column::numeric("x", {2.5, NaN}), Column::numeric("k", {6, 5})});
        const auto applied = reload(*fitted, test);
        QCOMPARE(values(*applied, "x")[0], 0.0);
        QVERIFY(std::isnan(values(*applied, "x")[1]));
        QCOMPARE(values(*applied, "k")[0], 1.0);
    }

    void minMaxAndRobustScalers() {
        const Table train({Column::numeric("x", {2, 4, 6, 10, NaN})});
        Scaler minmax;
        minmax.method = Scaler::Method::MinMax;
        QCOMPARE(values(*minmax.fit(train)->apply(train), "x")[1], 0.25);
        Scaler robust;
        robust.method = Scaler::Method::Robust;
        // median 5, q25 3.5, q75 7 (linear interpolation) -> (4 - 5) / 3.5
        QCOMPARE(values(*robust.fit(train)->apply(train), "x")[1], -1.0 / 3.5);
    }

    void oneHotReplacesColumnsInPlaceAndIgnoresUnknownLevels() {
        const Table train({Column::numeric("x", {1, 2, 3}),
                           Column::categorical("c", {0, 2, -1}, {"red", "unused", "blue"}),
                           Column::numeric("z", {0, 0, 0})});
        const auto fitted = OneHotEncoder{}.fit(train);
        const auto t = fitted->apply(train);
        QCOMPARE(t->columnNames(), (std::vector<std::string>{"x", "c=red", "c=blue", "z"}));
        QCOMPARE(values(*t, "c=blue"), (std::vector<double>{0, 1, 0}));
        QCOMPARE(values(*t, "c=red")[2], 0.0);  // missing: all zeros

        const Table test({Column::numeric("x", {1, 1}),
                          Column::categorical("c", {0, 1}, {"green", "blue"}),
                          Column::numeric("z", {0, 0})});
        const auto applied = reload(*fitted, test);
        QCOMPARE(values(*applied, "c=red"), (std::vector<double>{0, 0}));   // green: unseen
        QCOMPARE(values(*applied, "c=blue"), (std::vector<double>{0, 1}));  // matched by name
    }

    void labelEncoderSortsAndRefusesUnseenLabels() {
        const Column y = Column::categorical("y", {0, 1, 0, 2}, {"zebra", "ant", "moth"});
        const auto e = LabelEncoder::fit(y);
        QCOMPARE(e.labels(), (std::vector<std::string>{"ant", "moth", "zebra"}));
        Eigen::VectorXd expected(4);
        expected << 2, 0, 2, 1;
        QCOMPARE(e.encode(y), expected);
        QVERIFY_THROWS_EXCEPTION(MisuseError, e.encode(Column::categorical("y", {0}, {"bee"})));
        QVERIFY_THROWS_EXCEPTION(MisuseError, e.encode(Column::categorical("y", {-1}, {"ant"})));
        const auto numeric = LabelEncoder::fit(Column::numeric("y", {3, 1, 3, NaN}));
        QCOMPARE(numeric.labels(), (std::vector<std::string>{"1", "3"}));
        QCOMPARE(LabelEncoder::fromJson(e.toJson()).labels(), e.labels());
    }

    void wrongKindsAreRefusedByName() {
        const Table t({Column::categorical("c", {0}, {"a"}), Column::text("t", {"x"})});
        Scaler s;
        s.columns = {"c"};
        try {
            s.fit(t);
            QFAIL("expected MisuseError");
        } catch (const MisuseError& e) {
            QVERIFY(std::string(e.what()).find("'c' is categorical") != std::string::npos);
        }
        Imputer mean;
        mean.columns = {"nope"};
        QVERIFY_THROWS_EXCEPTION(MisuseError, mean.fit(t));
    }
};

SLUICE_TEST_APPLESS_MAIN(TestPreprocessing)
#include "test_preprocessing.moc"
