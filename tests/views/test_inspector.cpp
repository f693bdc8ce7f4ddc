// The inspector: one editor per parameter kind for real node types, one
// setParam per committed edit, refusals shown inline, refresh on undo, the
// Column picker fed by the provider, placeholders read-only.
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPlainTextEdit>
#include <QScrollArea>
#include <QSpinBox>
#include <QToolButton>
#include <QtTest>

#include "support/test_registry.h"
#include "undoable_document.h"
#include "views/inspector.h"
#include "views/middle_elided_edit.h"
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
    g.addNode({"mlp", "train.mlp_classifier", "Network", 400, 0, {}});
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
        // The whole path first (the field may elide it), then the help.
        QCOMPARE(path->toolTip(), QString("/data/iris.csv\n\nThe CSV file to read."));

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

    // Issue 25, item 4: a learner's text parameter is checked when entered,
    // as the numbers are, and refused in the words the inspector shows.
    void aLearnerTextValueIsCheckedWhenEntered() {
        Fixture f;
        QVERIFY(QTest::qWaitForWindowExposed(&f.inspector));
        f.inspector.setNode("forest");
        auto* features = editorOf<QLineEdit>(f.inspector, "max_features");
        QVERIFY(features);
        const QString before = features->text();
        typeAndEnter(features, "banana");
        ParamField* field = f.inspector.field("max_features");
        const QString problem = field->problem();
        QVERIFY2(problem.contains("Features per split") && problem.contains("sqrt"),
                 qPrintable(problem));
        QVERIFY2(!problem.contains("max_features") && !problem.contains("random_forest"),
                 qPrintable(problem));
        QCOMPARE(features->text(), before);
        QVERIFY(!f.document.graph().node("forest")->params.contains("max_features"));

        // Every form the learner takes is accepted: a name, a fraction, a count.
        for (const QString good : {"log2", "0.5", "3"}) {
            typeAndEnter(features, good);
            QVERIFY2(field->problem().isEmpty(), qPrintable(good + ": " + field->problem()));
            QCOMPARE(f.document.graph().node("forest")->params["max_features"],
                     nlohmann::json(good.toStdString()));
        }
        typeAndEnter(features, "1.5");
        QVERIFY2(field->problem().contains("(0, 1]"), qPrintable(field->problem()));

        // JSON text too: a layer size no network can have is refused at once.
        f.inspector.setNode("mlp");
        auto* layers = editorOf<QLineEdit>(f.inspector, "hidden_layer_sizes");
        QVERIFY(layers);
        typeAndEnter(layers, "[64, 1e20]");
        const QString refused = f.inspector.field("hidden_layer_sizes")->problem();
        QVERIFY2(refused.startsWith("Hidden layers: ") && refused.contains("whole number"),
                 qPrintable(refused));
        typeAndEnter(layers, "[64, 32]");
        QVERIFY(f.inspector.field("hidden_layer_sizes")->problem().isEmpty());
        QCOMPARE(f.document.graph().node("mlp")->params["hidden_layer_sizes"],
                 nlohmann::json("[64, 32]"));
    }

    // Issue 25, item 10: the MLP form listed Adam's betas before Hidden layers
    // (the JSON's A to Z). Parameters come in the order their learner
    // declares them, most important first, and the fine-tuning ones fold
    // under a closed "Advanced" toggle.
    void parametersComeByImportanceWithAdvancedFolded() {
        Fixture f;
        QVERIFY(QTest::qWaitForWindowExposed(&f.inspector));
        f.inspector.setNode("mlp");
        auto* form = f.inspector.findChild<QFormLayout*>();
        QVERIFY(form);
        QStringList order;
        for (int r = 0; r < form->rowCount(); ++r)
            if (auto* field = qobject_cast<ParamField*>(
                    form->itemAt(r, QFormLayout::FieldRole)
                        ? form->itemAt(r, QFormLayout::FieldRole)->widget()
                        : nullptr))
                order << QString::fromStdString(field->spec().name);
        QCOMPARE(order.mid(0, 3), (QStringList{"target", "hidden_layer_sizes", "activation"}));
        for (const char* advanced : {"beta_1", "beta_2", "epsilon", "tol"}) {
            QVERIFY2(!order.contains(advanced), advanced);
            ParamField* field = f.inspector.field(advanced);
            QVERIFY2(field && !field->isVisible(), advanced);  // folded away
        }
        auto* toggle = f.inspector.findChild<QToolButton*>("advancedToggle");
        QVERIFY(toggle && !toggle->isChecked());
        QVERIFY2(toggle->text().startsWith("Advanced ("), qPrintable(toggle->text()));
        toggle->click();
        QVERIFY(f.inspector.field("beta_1")->isVisible());
        // A node without advanced settings has no toggle.
        f.inspector.setNode("read");
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);  // the old form
        QVERIFY(!f.inspector.findChild<QToolButton*>("advancedToggle"));
        // Open stays open for the next node shown, until closed.
        f.inspector.setNode("mlp");
        auto* again = f.inspector.findChild<QToolButton*>("advancedToggle");
        QVERIFY(again);
        QVERIFY(again->isChecked());
        QVERIFY(f.inspector.field("tol")->isVisible());
        again->click();
        QVERIFY(!f.inspector.field("tol")->isVisible());
    }

    // Issue 25, item 2: the form never scrolls sideways; a long path shows
    // its start and file name with the middle elided, the full path in the
    // tooltip, and a refusal wraps within the panel.
    void theFormFitsANarrowPanel() {
        Fixture f;
        f.inspector.resize(260, 600);
        QVERIFY(QTest::qWaitForWindowExposed(&f.inspector));
        const std::string longPath =
            "/home/analyst/projects/customer-churn-2026/data/raw/exports/wine_quality_red.csv";
        QVERIFY(!f.document.setParam("read", "path", longPath));
        for (const char* node : {"read", "forest", "mlp", "scale"}) {
            f.inspector.setNode(node);
            QCoreApplication::processEvents();
            auto* scroll = f.inspector.findChild<QScrollArea*>();
            QVERIFY(scroll);
            QCOMPARE(scroll->horizontalScrollBarPolicy(), Qt::ScrollBarAlwaysOff);
            QTRY_VERIFY2(scroll->widget()->width() <= scroll->viewport()->width(), node);
            for (ParamField* field : f.inspector.findChildren<ParamField*>())
                if (field->isVisible())
                    QVERIFY2(field->geometry().right() <= scroll->widget()->width(),
                             qPrintable(QString::fromStdString(field->spec().name)));
        }
        f.inspector.setNode("read");
        QCoreApplication::processEvents();
        auto* path = qobject_cast<MiddleElidedEdit*>(f.inspector.field("path")->editor());
        QVERIFY(path);
        QCOMPARE(path->text(), QString::fromStdString(longPath));
        const QString shown = path->shownText();
        QVERIFY2(
            shown.contains(QChar(0x2026)) && shown.startsWith("/home") && shown.endsWith("red.csv"),
            qPrintable(shown + QString(" width %1").arg(path->width())));
        QVERIFY(path->toolTip().startsWith(QString::fromStdString(longPath)));
        // A long refusal wraps instead of widening the form.
        typeAndEnter(editorOf<QLineEdit>(f.inspector, "max_rows"), "-123456789");
        auto* problem = f.inspector.field("max_rows")->findChild<QLabel*>("problem");
        QVERIFY(problem->isVisible() && problem->wordWrap());
        QVERIFY(problem->width() <= f.inspector.width());
        if (const QByteArray dir = qgetenv("SLUICE_GRAB_DIR"); !dir.isEmpty())
            f.inspector.grab().save(QString::fromLocal8Bit(dir) + "/inspector_narrow.png");
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
