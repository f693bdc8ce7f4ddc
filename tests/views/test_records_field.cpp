// A Records parameter in the inspector (Group by's aggregations, Formula's
// formulas): a table with a row per record, Add / Remove buttons, a list
// per Choice field, the input's columns per Column field, text otherwise;
// each finished edit one setParam call (one undo step), refusals shown.
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QtTest>

#include "support/test_registry.h"
#include "undoable_document.h"
#include "views/inspector.h"
#include "views/param_field.h"

using namespace sluice;
using sluice::testing::UndoableDocument;

namespace {

Graph groupGraph() {
    Graph g;
    g.addNode({"group", "transform.group_by", "Group", 0, 0, {}});
    g.addNode({"formula", "transform.formula", "Formula", 200, 0, {}});
    return g;
}

struct RecordsFixture {
    UndoableDocument document{groupGraph()};
    Inspector inspector{&document};
    RecordsFixture() {
        inspector.setColumnProvider([](const std::string&, const std::string&) {
            return QStringList{"city", "income"};
        });
        inspector.resize(420, 700);
        inspector.show();
    }
    QTableWidget* table(const char* param) const {
        return qobject_cast<QTableWidget*>(inspector.field(param)->editor());
    }
    QPushButton* button(const char* param, const char* name) const {
        return inspector.field(param)->findChild<QPushButton*>(name);
    }
};

}  // namespace

class TestRecordsField : public QObject {
    Q_OBJECT

private slots:
    void addEditAndRemoveRows() {
        RecordsFixture f;
        QVERIFY(QTest::qWaitForWindowExposed(&f.inspector));
        f.inspector.setNode("group");
        QTableWidget* table = f.table("aggregations");
        QVERIFY(table);
        QCOMPARE(table->rowCount(), 0);
        QCOMPARE(table->horizontalHeaderItem(1)->text(), QString("Function"));

        // Add: a first row on the input's first column, the default function.
        f.button("aggregations", "addRecord")->click();
        QCOMPARE(f.document.paramCalls.size(), std::size_t(1));
        QCOMPARE(f.document.paramCalls[0].value, nlohmann::json::parse(R"([{"column": "city"}])"));
        table = f.table("aggregations");
        QCOMPARE(table->rowCount(), 1);
        auto* function = qobject_cast<QComboBox*>(table->cellWidget(0, 1));
        QCOMPARE(function->currentText(), QString("mean"));

        // Pick a column from the list and a function: one call each.
        auto* column = qobject_cast<QComboBox*>(table->cellWidget(0, 0));
        QCOMPARE(column->count(), 2);
        column->setCurrentIndex(1);  // as a pick in the list: the index, then activated
        emit column->activated(1);
        QCOMPARE(f.document.paramCalls.size(), std::size_t(2));
        QCOMPARE(f.document.paramCalls[1].value[0]["column"], nlohmann::json("income"));
        function = qobject_cast<QComboBox*>(f.table("aggregations")->cellWidget(0, 1));
        function->setCurrentIndex(function->findText("median"));
        emit function->activated(function->currentIndex());
        QCOMPARE(f.document.paramCalls.size(), std::size_t(3));
        QCOMPARE(f.document.paramCalls[2].value,
                 nlohmann::json::parse(R"([{"column": "income", "function": "median"}])"));

        // A name typed and Enter pressed.
        auto* name = qobject_cast<QLineEdit*>(f.table("aggregations")->cellWidget(0, 2));
        name->setFocus();
        QTest::keyClicks(name, "typical");
        QTest::keyClick(name, Qt::Key_Return);
        QCOMPARE(f.document.paramCalls.size(), std::size_t(4));
        QCOMPARE(f.document.paramCalls[3].value[0]["name"], nlohmann::json("typical"));

        // Add copies the selected (here the last) row; Remove takes it away.
        f.button("aggregations", "addRecord")->click();
        QCOMPARE(f.table("aggregations")->rowCount(), 2);
        QCOMPARE(f.document.paramCalls.back().value[1]["function"], nlohmann::json("median"));
        f.table("aggregations")->selectRow(0);
        f.button("aggregations", "removeRecord")->click();
        QCOMPARE(f.table("aggregations")->rowCount(), 1);
        QCOMPARE(f.document.paramCalls.size(), std::size_t(6));

        // Undo brings the row back into the same table.
        QVERIFY(f.document.undo());
        QCOMPARE(f.table("aggregations")->rowCount(), 2);
    }

    void aRefusedRowShowsWhy() {
        RecordsFixture f;
        QVERIFY(QTest::qWaitForWindowExposed(&f.inspector));
        f.inspector.setNode("formula");
        f.button("formulas", "addRecord")->click();
        QCOMPARE(f.table("formulas")->rowCount(), 1);
        auto* name = qobject_cast<QLineEdit*>(f.table("formulas")->cellWidget(0, 0));
        name->setFocus();
        QTest::keyClicks(name, "total");
        QTest::keyClick(name, Qt::Key_Return);
        auto* expression = qobject_cast<QLineEdit*>(f.table("formulas")->cellWidget(0, 1));
        expression->setFocus();
        QTest::keyClicks(expression, "price *");
        QTest::keyClick(expression, Qt::Key_Return);
        // Refused where it is typed, with the place and what was expected.
        const QString why = f.inspector.field("formulas")->problem();
        QVERIFY2(why.contains("character 8") && why.contains("expected a value"), qPrintable(why));
        if (const char* dir = std::getenv("SLUICE_GRAB_DIR"))
            f.inspector.grab().save(QString::fromUtf8(dir) + "/records_field.png");
        QCOMPARE(f.document.graph().node("formula")->params["formulas"][0].value("expression", ""),
                 std::string());
        // What was typed stays to be mended, also when the cell was left.
        QCOMPARE(expression->text(), QString("price *"));
        name->setFocus();
        QCoreApplication::processEvents();
        QCOMPARE(expression->text(), QString("price *"));
        expression->setFocus();
        QTest::keyClick(expression, Qt::Key_End);
        QTest::keyClicks(expression, " qty");
        QTest::keyClick(expression, Qt::Key_Return);
        QCOMPARE(f.document.graph().node("formula")->params["formulas"][0]["expression"],
                 nlohmann::json("price * qty"));
        QVERIFY(f.inspector.field("formulas")->problem().isEmpty());
    }
};

SLUICE_TEST_MAIN(TestRecordsField)
#include "test_records_field.moc"
