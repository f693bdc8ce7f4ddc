// Handing columns to Eigen: zero-copy where the layout allows, correct
// values always, and encodings of categorical columns.
#include <QtTest>
#include <cmath>

#include "data/eigen_view.h"
#include "io/csv_reader.h"
#include "support/test_registry.h"

using namespace sluice;

class TestEigenView : public QObject {
    Q_OBJECT

private slots:
    void readerColumnsMapWithoutCopy() {
        const auto r = readCsvText("a,b,label,c\n1,2,x,3\n4,5,y,6\n7,8,x,9\n");
        const Table& t = *r.table;
        const auto view = numericMatrix(t, {"a", "b"});
        QVERIFY(view.isZeroCopy());
        QCOMPARE(view.matrix().data(), t.column("a").numbers().data());
        QCOMPARE(view.matrix()(2, 1), 8.0);

        // "c" follows "b" in the block even though "label" sits between them
        // in the table: numeric columns are packed side by side.
        const auto bc = numericMatrix(t, {"b", "c"});
        QVERIFY(bc.isZeroCopy());
        QCOMPARE(bc.matrix()(1, 1), 6.0);
    }

    void outOfOrderColumnsAreGathered() {
        const auto r = readCsvText("a,b\n1,2\n3,4\n");
        const auto view = numericMatrix(*r.table, {"b", "a"});
        QVERIFY(!view.isZeroCopy());
        Eigen::MatrixXd expected(2, 2);
        expected << 2, 1, 4, 3;
        QCOMPARE(Eigen::MatrixXd(view.matrix()), expected);
    }

    void viewKeepsDataAliveAfterTableIsGone() {
        NumericMatrixView view = [] {
            const auto r = readCsvText("a,b\n1,2\n3,4\n");
            return numericMatrix(*r.table, {"a", "b"});
        }();
        QCOMPARE(view.matrix()(1, 0), 3.0);
    }

    void nonNumericColumnIsRefusedByName() {
        const auto r = readCsvText("a,color\n1,red\n2,blue\n");
        try {
            (void)numericMatrix(*r.table, {"a", "color"});
            QFAIL("expected an exception");
        } catch (const std::invalid_argument& e) {
            QVERIFY(std::string(e.what()).find("color") != std::string::npos);
        }
    }

    void oneHotAndCodes() {
        const Column c = Column::categorical("c", {1, 0, -1, 1}, {"a", "b"});
        Eigen::MatrixXd expected(4, 2);
        expected << 0, 1, 1, 0, 0, 0, 0, 1;
        QCOMPARE(oneHot(c), expected);
        Eigen::VectorXi codes(4);
        codes << 1, 0, -1, 1;
        QCOMPARE(codeVector(c), codes);
    }

    void designMatrixEncodesAndNamesColumns() {
        const Table t(
            {Column::numeric("x", {0.5, 1.5}), Column::categorical("c", {1, -1}, {"lo", "hi"})});
        const auto hot = designMatrix(t, {"x", "c"});
        QCOMPARE(hot.names, (std::vector<std::string>{"x", "c=lo", "c=hi"}));
        Eigen::MatrixXd expected(2, 3);
        expected << 0.5, 0, 1, 1.5, 0, 0;
        QCOMPARE(hot.values, expected);

        const auto coded = designMatrix(t, {"c"}, CategoricalEncoding::Codes);
        QCOMPARE(coded.values(0, 0), 1.0);
        QVERIFY(std::isnan(coded.values(1, 0)));  // a missing code is never a level

        const Table withText({Column::text("t", {"a", "b"})});
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, designMatrix(withText, {"t"}));
    }
};

SLUICE_TEST_APPLESS_MAIN(TestEigenView)
#include "test_eigen_view.moc"
