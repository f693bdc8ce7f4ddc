// The four bundled datasets read with the right shapes, kinds and known
// figures (published class counts and means), and survive a round trip.
#include <QtTest>
#include <cmath>

#include "data/column_summary.h"
#include "io/csv_reader.h"
#include "io/csv_writer.h"
#include "support/test_registry.h"
#include "test_support.h"

using namespace sluice;

namespace {

std::string dataset(const char* file) {
    return std::string(SLUICE_DATASETS_DIR) + "/" + file;
}

std::size_t countOf(const Column& c, const std::string& level) {
    for (const auto& [name, n] : summarize(c, 100).topLevels)
        if (name == level)
            return n;
    return 0;
}

}  // namespace

class TestDatasets : public QObject {
    Q_OBJECT

private slots:
    void iris() {
        const auto r = readCsvFile(dataset("iris.csv"));
        const Table& t = *r.table;
        QCOMPARE(t.rowCount(), std::size_t{150});
        QCOMPARE(t.columnCount(), std::size_t{5});
        const Column& species = t.column("species");
        QCOMPARE(species.kind(), ColumnKind::Categorical);
        QCOMPARE(species.levels().size(), std::size_t{3});
        QCOMPARE(countOf(species, "setosa"), std::size_t{50});
        // Fisher's data: mean sepal length 5.8433, petal length 3.758
        QVERIFY(std::abs(summarize(t.column("sepal_length")).mean - 5.843333) < 1e-5);
        QVERIFY(std::abs(summarize(t.column("petal_length")).mean - 3.758) < 1e-9);
        QVERIFY(r.warnings.empty());
    }

    void wine() {
        const auto read = readCsvFile(dataset("wine.csv"));
        const Table& t = *read.table;
        QCOMPARE(t.rowCount(), std::size_t{178});
        QCOMPARE(t.columnCount(), std::size_t{14});
        const Column& cultivar = t.column("cultivar");
        QCOMPARE(countOf(cultivar, "class_0"), std::size_t{59});
        QCOMPARE(countOf(cultivar, "class_1"), std::size_t{71});
        QCOMPARE(countOf(cultivar, "class_2"), std::size_t{48});
        QCOMPARE(t.column("alcohol").numbers()[0], 14.23);
    }

    void breastCancer() {
        const auto read = readCsvFile(dataset("breast_cancer.csv"));
        const Table& t = *read.table;
        QCOMPARE(t.rowCount(), std::size_t{569});
        QCOMPARE(t.columnCount(), std::size_t{31});
        QCOMPARE(countOf(t.column("diagnosis"), "benign"), std::size_t{357});
        QCOMPARE(countOf(t.column("diagnosis"), "malignant"), std::size_t{212});
        for (std::size_t j = 0; j < 30; ++j)
            QCOMPARE(t.column(j).kind(), ColumnKind::Numeric);
    }

    void diabetes() {
        const auto read = readCsvFile(dataset("diabetes.csv"));
        const Table& t = *read.table;
        QCOMPARE(t.rowCount(), std::size_t{442});
        QCOMPARE(t.columnCount(), std::size_t{11});
        const auto s = summarize(t.column("progression"));
        QVERIFY(std::abs(s.mean - 152.133484) < 1e-5);
        QCOMPARE(s.min, 25.0);
        QCOMPARE(s.max, 346.0);
    }

    void shop() {
        // scripts/generate_shop_dataset.py's customers and their dated orders.
        const auto customers = readCsvFile(dataset("shop_customers.csv"));
        const Table& c = *customers.table;
        QCOMPARE(c.rowCount(), std::size_t{1000});
        QCOMPARE(c.column("signup").kind(), ColumnKind::DateTime);
        QVERIFY(c.column("signup").dateOnly());
        QCOMPARE(countOf(c.column("churned"), "yes") + countOf(c.column("churned"), "no"),
                 std::size_t{1000});
        QCOMPARE(countOf(c.column("churned"), "yes"), std::size_t{363});
        const auto orders = readCsvFile(dataset("shop_orders.csv"));
        const Table& o = *orders.table;
        QCOMPARE(o.rowCount(), std::size_t{7502});
        QCOMPARE(o.column("placed").kind(), ColumnKind::DateTime);
        QVERIFY(!o.column("placed").dateOnly());
        QCOMPARE(o.column("placed").displayValue(0), std::string("2023-10-13 16:04:30"));
        QVERIFY(o.column("review").isMissing(1));
        QVERIFY(customers.warnings.empty() && orders.warnings.empty());
    }

    void everyDatasetRoundTrips() {
        for (const char* file : {"iris.csv", "wine.csv", "breast_cancer.csv", "diabetes.csv",
                                 "shop_customers.csv", "shop_orders.csv"}) {
            const auto first = readCsvFile(dataset(file));
            const auto again = readCsvText(writeCsvString(*first.table));
            const Table& a = *first.table;
            const Table& b = *again.table;
            QCOMPARE(b.columnNames(), a.columnNames());
            for (std::size_t j = 0; j < a.columnCount(); ++j)
                for (std::size_t r = 0; r < a.rowCount(); ++r)
                    QCOMPARE(b.column(j).displayValue(r), a.column(j).displayValue(r));
        }
    }

    void sourcesAreCredited() {
        QFile sources(QString(SLUICE_DATASETS_DIR) + "/SOURCES.md");
        QVERIFY(sources.open(QIODevice::ReadOnly));
        const QByteArray text = sources.readAll();
        for (const char* file : {"iris.csv", "wine.csv", "breast_cancer.csv", "diabetes.csv",
                                 "shop_customers.csv", "shop_orders.csv"})
            QVERIFY2(text.contains(file), file);
    }
};

SLUICE_TEST_APPLESS_MAIN(TestDatasets)
#include "test_datasets.moc"
