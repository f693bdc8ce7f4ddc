// The inspector: one editor per parameter kind for real node types, one
// setParam per committed edit, refusals shown inline, refresh on undo, the
// Column picker fed by the provider, placeholders read-only.
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPlainTextEdit>
#include <QSpinBox>
#include <QToolButton>
#include <QtTest>

#include "support/test_registry.h"
#include "undoable_document.h"
#include "views/inspector.h"
#include "views/param_field.h"

using namespace sluice;
using sluice::testing::UndoableDocument;

namespace {

Graph sampleGraph() {
    Graph g;
    g.addNode({"read", "data.read_csv", "Iris", 0, 0, {{"path", "/data/iris.csv"}}});
    g.addNode({"forest", "train.random_forest_classifier", "Forest", 200, 0, {}});
    g.addNode({"split", "transform.train_test_split", "Split", 100, 0, {}});
    g.addNode({"scale", "transform.scale", "Scale", 150, 0, {}});
    g.addNode({"mystery", "plugin.mystery", "Mystery", 300, 0, {{"alpha", 1}, {"mode", "x"}}});
    return g;
}

template <typename T>
T* editorOf(const Inspector& inspector, const char* param) {
    ParamField* field = inspector.field(QString::fromLatin1(param));
    return field ? qobject_cast<T*>(field->editor()) : nullptr;
}

// Types into a focused line edit and presses Enter, as a user would.
void typeAndEnter(QWidget* editor, const QString& text) {
    editor->setFocus();
    if (auto* line = qobject_cast<QLineEdit*>(editor))
        line->selectAll();
    else if (auto* spin = qobject_cast<QAbstractSpinBox*>(editor))
        spin->selectAll();
    if (text.isEmpty())
        QTest::keyClick(editor, Qt::Key_Delete);
    QTest::keyClicks(editor, text);
    QTest::keyClick(editor, Qt::Key_Return);
}

struct Fixture {
    UndoableDocument document{sampleGraph()};
    Inspector inspector{&document};
    Fixture() {
        inspector.resize(420, 700);
        inspector.show();
    }
};

}  // namespace

class TestInspector : public QObject {
    Q_OBJECT

private slots:
    void emptySelectionShowsHint() {
        Fixture f;
        QVERIFY(QTest::qWaitForWindowExposed(&f.inspector));
        auto* hint = f.inspector.findChild<QLabel*>("inspectorHint");
        QVERIFY(hint && hint->isVisible());
        QVERIFY(hint->text().contains("Select a node"));
        f.inspector.setNode("read");
        QVERIFY(!hint->isVisible());
        f.inspector.setNode({});
        QVERIFY(hint->isVisible());
        f.inspector.setNode("no such node");
        QVERIFY(hint->isVisible());
        QVERIFY(f.inspector.node().isEmpty());
    }

    void buildsTheEditorPerKind() {
        Fixture f;
        f.inspector.setNode("read");
        // Path: a line edit with a browse button; Choice: a fixed combo box;
        // Int with an open range: a line edit; String: a line edit.
        auto* path = editorOf<QLineEdit>(f.inspector, "path");
        QVERIFY(path);
        QCOMPARE(path->text(), QString("/data/iris.csv"));
        QVERIFY(f.inspector.field("path")->findChild<QToolButton*>("browse"));
        auto* delimiter = editorOf<QComboBox>(f.inspector, "delimiter");
        QVERIFY(delimiter && !delimiter->isEditable());
        QCOMPARE(delimiter->currentText(), QString("auto"));
        auto* maxRows = editorOf<QLineEdit>(f.inspector, "max_rows");
        QVERIFY(maxRows);
        QCOMPARE(maxRows->text(), QString("0"));
        QVERIFY(editorOf<QLineEdit>(f.inspector, "missing_tokens"));
        QCOMPARE(path->toolTip(), QString("The CSV file to read."));

        f.inspector.setNode("forest");
        auto* trees = editorOf<QSpinBox>(f.inspector, "n_estimators");
        QVERIFY(trees);
        QCOMPARE(trees->minimum(), 1);
        QCOMPARE(trees->maximum(), 100000);
        QCOMPARE(trees->value(), 100);
        auto* bootstrap = editorOf<QCheckBox>(f.inspector, "bootstrap");
        QVERIFY(bootstrap && bootstrap->isChecked());
        auto* criterion = editorOf<QComboBox>(f.inspector, "criterion");
        QVERIFY(criterion && criterion->findText("entropy") >= 0);
        auto* target = editorOf<QComboBox>(f.inspector, "target");
        QVERIFY(target && target->isEditable());
        QVERIFY(!target->toolTip().isEmpty());

        f.inspector.setNode("split");
        auto* fraction = editorOf<QDoubleSpinBox>(f.inspector, "test_fraction");
        QVERIFY(fraction);
        QCOMPARE(fraction->minimum(), 0.01);
        QCOMPARE(fraction->maximum(), 0.99);
        QCOMPARE(fraction->value(), 0.25);
        QCOMPARE(fraction->text(), QString("0.25"));

        f.inspector.setNode("scale");
        QVERIFY(editorOf<QLineEdit>(f.inspector, "columns"));
        QVERIFY(f.inspector.field("columns")->findChild<QToolButton*>("pickColumns"));
    }

    void anEditCallsSetParamOnce() {
        Fixture f;
        QVERIFY(QTest::qWaitForWindowExposed(&f.inspector));
        f.inspector.setNode("forest");
        auto* trees = editorOf<QSpinBox>(f.inspector, "n_estimators");
        typeAndEnter(trees, "250");
        QCOMPARE(f.document.paramCalls.size(), std::size_t(1));
        QCOMPARE(f.document.paramCalls[0].name, std::string("n_estimators"));
        QCOMPARE(f.document.paramCalls[0].value, nlohmann::json(250));
        QVERIFY(f.document.paramCalls[0].value.is_number_integer());
        // Leaving the field commits nothing new.
        f.inspector.field("bootstrap")->editor()->setFocus();
        QCoreApplication::processEvents();
        QCOMPARE(f.document.paramCalls.size(), std::size_t(1));
        QCOMPARE(f.document.graph().node("forest")->params["n_estimators"], nlohmann::json(250));

        // A click on a check box is an edit; a pick in a combo box too.
        editorOf<QCheckBox>(f.inspector, "bootstrap")->click();
        QCOMPARE(f.document.paramCalls.size(), std::size_t(2));
        QCOMPARE(f.document.paramCalls[1].value, nlohmann::json(false));
        auto* criterion = editorOf<QComboBox>(f.inspector, "criterion");
        emit criterion->activated(criterion->findText("entropy"));
        QCOMPARE(f.document.paramCalls.size(), std::size_t(3));
        QCOMPARE(f.document.paramCalls[2].value, nlohmann::json("entropy"));

        // Floats in a spin box and in a line edit (open range).
        f.inspector.setNode("split");
        typeAndEnter(editorOf<QDoubleSpinBox>(f.inspector, "test_fraction"), "0.3");
        QCOMPARE(f.document.paramCalls.size(), std::size_t(4));
        QCOMPARE(f.document.paramCalls[3].value.get<double>(), 0.3);
        f.inspector.setNode("read");
        typeAndEnter(editorOf<QLineEdit>(f.inspector, "max_rows"), "500");
        QCOMPARE(f.document.paramCalls.size(), std::size_t(5));
        QCOMPARE(f.document.paramCalls[4].value, nlohmann::json(500));
        // Typing without Enter commits nothing until the field is left.
        auto* tokens = editorOf<QLineEdit>(f.inspector, "missing_tokens");
        tokens->setFocus();
        QTest::keyClick(tokens, Qt::Key_End);
        QTest::keyClicks(tokens, ",none");
        QCOMPARE(f.document.paramCalls.size(), std::size_t(5));
        f.inspector.findChild<QLineEdit*>("inspectorTitle")->setFocus();
        QCOMPARE(f.document.paramCalls.size(), std::size_t(6));
        QCOMPARE(f.document.paramCalls[5].value, nlohmann::json("NA,N/A,NaN,null,?,none"));
    }

    void theWheelChangesOnlyAFocusedValue() {
        Fixture f;
        QVERIFY(QTest::qWaitForWindowExposed(&f.inspector));
        f.inspector.setNode("forest");
        auto* trees = editorOf<QSpinBox>(f.inspector, "n_estimators");
        const auto wheel = [&] {
            const QPointF at(trees->width() / 2.0, trees->height() / 2.0);
            QWheelEvent event(at, trees->mapToGlobal(at), {}, {0, 120}, Qt::NoButton,
                              Qt::NoModifier, Qt::NoScrollPhase, false);
            QApplication::sendEvent(trees, &event);
        };
        f.inspector.findChild<QLineEdit*>("inspectorTitle")->setFocus();
        wheel();  // scrolling the form past the field
        QCOMPARE(trees->value(), 100);
        QVERIFY(f.document.paramCalls.empty());
        trees->setFocus();
        wheel();
        QCOMPARE(trees->value(), 101);
        QCOMPARE(f.document.paramCalls.size(), std::size_t(1));
    }

    void columnsAreCommaSeparatedNames() {
        Fixture f;
        QVERIFY(QTest::qWaitForWindowExposed(&f.inspector));
        f.inspector.setNode("scale");
        typeAndEnter(editorOf<QLineEdit>(f.inspector, "columns"), "petal_width, sepal_length");
        QCOMPARE(f.document.paramCalls.size(), std::size_t(1));
        QCOMPARE(f.document.paramCalls[0].value,
                 nlohmann::json::array({"petal_width", "sepal_length"}));
    }

    void titleEditRenamesOnce() {
        Fixture f;
        QVERIFY(QTest::qWaitForWindowExposed(&f.inspector));
        f.inspector.setNode("read");
        auto* title = f.inspector.findChild<QLineEdit*>("inspectorTitle");
        QCOMPARE(title->text(), QString("Iris"));
        typeAndEnter(title, "Iris flowers");
        QCOMPARE(f.document.renameCalls, std::vector<std::string>{"Iris flowers"});
        QCOMPARE(f.document.graph().node("read")->title, std::string("Iris flowers"));
        f.inspector.field("path")->editor()->setFocus();
        QCOMPARE(f.document.renameCalls.size(), std::size_t(1));
    }

    void aRefusedValueShowsTheReasonAndReverts() {
        Fixture f;
        QVERIFY(QTest::qWaitForWindowExposed(&f.inspector));
        f.inspector.setNode("read");
        const Graph before = f.document.graph();
        auto* maxRows = editorOf<QLineEdit>(f.inspector, "max_rows");
        typeAndEnter(maxRows, "-5");
        QCOMPARE(f.document.paramCalls.size(), std::size_t(1));
        ParamField* field = f.inspector.field("max_rows");
        QVERIFY2(field->problem().contains("must be at least 0"), qPrintable(field->problem()));
        auto* problem = field->findChild<QLabel*>("problem");
        QVERIFY(problem && problem->isVisible());
        QVERIFY(problem->palette().color(QPalette::WindowText).red() > 150);
        QCOMPARE(maxRows->text(), QString("0"));
        QCOMPARE(f.document.graph().node("read")->params, before.node("read")->params);

        typeAndEnter(maxRows, "lots");
        QVERIFY2(field->problem().contains("whole number"), qPrintable(field->problem()));
        QCOMPARE(maxRows->text(), QString("0"));

        // A required path may not be emptied.
        typeAndEnter(editorOf<QLineEdit>(f.inspector, "path"), "");
        QVERIFY(f.inspector.field("path")->problem().contains("must not be empty"));
        QCOMPARE(editorOf<QLineEdit>(f.inspector, "path")->text(), QString("/data/iris.csv"));

        // A good value clears the message.
        typeAndEnter(maxRows, "10");
        QVERIFY(field->problem().isEmpty());
        QVERIFY(!problem->isVisible());
        QCOMPARE(f.document.graph().node("read")->params["max_rows"], nlohmann::json(10));
    }

    void optionalParamsAcceptEmpty() {
        Fixture f;
        QVERIFY(QTest::qWaitForWindowExposed(&f.inspector));
        f.inspector.setNode("forest");
        auto* target = editorOf<QComboBox>(f.inspector, "target");
        typeAndEnter(target, "species");
        QCOMPARE(f.document.graph().node("forest")->params["target"], nlohmann::json("species"));
        target->setFocus();
        target->lineEdit()->selectAll();
        QTest::keyClick(target, Qt::Key_Delete);
        QTest::keyClick(target, Qt::Key_Return);
        QCOMPARE(f.document.graph().node("forest")->params["target"], nlohmann::json(""));
        QVERIFY(f.inspector.field("target")->problem().isEmpty());
    }

    void undoRefreshesTheFormInPlace() {
        Fixture f;
        QVERIFY(QTest::qWaitForWindowExposed(&f.inspector));
        f.inspector.setNode("forest");
        auto* trees = editorOf<QSpinBox>(f.inspector, "n_estimators");
        typeAndEnter(trees, "300");
        QCOMPARE(trees->value(), 300);
        auto* seed = editorOf<QLineEdit>(f.inspector, "random_state");
        QVERIFY(seed);
        seed->setFocus();
        QVERIFY(f.document.undo());
        // Same editor widgets, new values, focus where it was.
        QCOMPARE(editorOf<QSpinBox>(f.inspector, "n_estimators"), trees);
        QCOMPARE(trees->value(), 100);
        QVERIFY(seed->hasFocus());
        QCOMPARE(f.document.paramCalls.size(), std::size_t(1));  // the refresh commits nothing

        // A rename elsewhere (undo of it too) updates the title.
        f.document.renameNode("forest", "Big forest");
        QCOMPARE(f.inspector.findChild<QLineEdit*>("inspectorTitle")->text(),
                 QString("Big forest"));
        f.document.undo();
        QCOMPARE(f.inspector.findChild<QLineEdit*>("inspectorTitle")->text(), QString("Forest"));
    }

    void aFieldBeingTypedInIsLeftAlone() {
        Fixture f;
        QVERIFY(QTest::qWaitForWindowExposed(&f.inspector));
        f.inspector.setNode("read");
        auto* tokens = editorOf<QLineEdit>(f.inspector, "missing_tokens");
        tokens->setFocus();
        tokens->selectAll();
        QTest::keyClicks(tokens, "half typed");
        f.document.setParam("read", "max_rows", 7);  // an edit from elsewhere
        QCOMPARE(editorOf<QLineEdit>(f.inspector, "max_rows")->text(), QString("7"));
        QCOMPARE(tokens->text(), QString("half typed"));
    }

    void columnPickerIsFilledFromTheProvider() {
        Fixture f;
        QVERIFY(QTest::qWaitForWindowExposed(&f.inspector));
        std::vector<std::pair<std::string, std::string>> asked;
        f.inspector.setColumnProvider([&](const std::string& node, const std::string& param) {
            asked.emplace_back(node, param);
            return QStringList{"sepal_length", "petal_width", "species"};
        });
        f.inspector.setNode("forest");
        auto* target = editorOf<QComboBox>(f.inspector, "target");
        QCOMPARE(target->count(), 3);
        QCOMPARE(target->itemText(2), QString("species"));
        QVERIFY(std::find(asked.begin(), asked.end(),
                          std::pair<std::string, std::string>("forest", "target")) != asked.end());
        QVERIFY(target->currentText().isEmpty());  // the value, not the first column

        emit target->activated(2);
        QCOMPARE(f.document.paramCalls.size(), std::size_t(1));
        QCOMPARE(f.document.paramCalls[0].value, nlohmann::json("species"));
        QCOMPARE(target->currentText(), QString("species"));
    }

    void columnsMenuTicksNamesFromTheProvider() {
        Fixture f;
        f.inspector.setColumnProvider([](const std::string&, const std::string&) {
            return QStringList{"sepal_length", "petal_width", "species"};
        });
        f.inspector.setNode("scale");
        auto* pick = f.inspector.field("columns")->findChild<QToolButton*>("pickColumns");
        QVERIFY(pick && pick->menu());
        emit pick->menu()->aboutToShow();
        const QList<QAction*> actions = pick->menu()->actions();
        QCOMPARE(actions.size(), 3);
        QVERIFY(actions[0]->isCheckable() && !actions[0]->isChecked());
        actions[2]->setChecked(true);
        actions[0]->setChecked(true);
        QCOMPARE(f.document.paramCalls.size(), std::size_t(2));
        QCOMPARE(f.document.paramCalls[1].value,
                 nlohmann::json::array({"species", "sepal_length"}));
        QCOMPARE(editorOf<QLineEdit>(f.inspector, "columns")->text(),
                 QString("species, sepal_length"));
        // Reopened, the menu shows what is chosen.
        emit pick->menu()->aboutToShow();
        QVERIFY(pick->menu()->actions()[2]->isChecked());
        QVERIFY(!pick->menu()->actions()[1]->isChecked());
    }

    void placeholdersShowRawParamsReadOnly() {
        Fixture f;
        f.inspector.setNode("mystery");
        auto* raw = f.inspector.findChild<QPlainTextEdit*>("rawParams");
        QVERIFY(raw);
        QVERIFY(raw->isReadOnly());
        QVERIFY2(raw->toPlainText().contains("\"alpha\": 1"), qPrintable(raw->toPlainText()));
        QVERIFY(f.inspector.findChild<QLabel*>("inspectorType")->text().contains("plugin.mystery"));
        QVERIFY(!f.inspector.field("alpha"));
    }

    void removedOrResetNodeClears() {
        Fixture f;
        f.inspector.setNode("split");
        f.document.removeItems({"split"}, {});
        QVERIFY(f.inspector.node().isEmpty());
        QVERIFY(f.inspector.findChild<QLabel*>("inspectorHint")->isVisible());

        f.inspector.setNode("read");
        Graph other;
        other.addNode({"read", "transform.scale", "Now a scaler", 0, 0, {}});
        f.document.reset(other);
        // Same id, other type: the form follows the new node.
        QCOMPARE(f.inspector.node(), QString("read"));
        QVERIFY(editorOf<QComboBox>(f.inspector, "method"));
        QVERIFY(!f.inspector.field("path"));
        f.document.reset(Graph{});
        QVERIFY(f.inspector.node().isEmpty());
    }
};

SLUICE_TEST_MAIN(TestInspector)
#include "test_inspector.moc"
