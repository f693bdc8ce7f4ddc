// One conformance suite over every registered node type: well-formed ids,
// ports and parameters; a run on a tiny input; and a clear error, naming
// the port, when a required input is missing or of the wrong type.
#include <QTemporaryDir>
#include <QtTest>
#include <cctype>
#include <set>

#include "ml/core/registry.h"
#include "node_test_support.h"
#include "nodes/results.h"
#include "support/test_registry.h"

using namespace sluice;
using sluice::testing::datasetTable;

namespace {

QTemporaryDir& scratch() {
    static QTemporaryDir dir;
    return dir;
}

// Parameters a node cannot run without (files to read or write, a column).
nlohmann::json tinyParams(const std::string& id) {
    const std::string out = scratch().path().toStdString();
    if (id == "data.read_csv")
        return {{"path", std::string(SLUICE_DATASETS_DIR) + "/iris.csv"}};
    if (id == "data.write_csv")
        return {{"path", out + "/table.csv"}};
    if (id == "output.write_predictions")
        return {{"path", out + "/predictions.csv"}};
    if (id == "output.save_model")
        return {{"path", out + "/model.json"}};
    if (id == "transform.join")  // iris with itself by species: 3 x 50 x 50 rows
        return {{"left_keys", {"species"}}};
    if (id == "transform.filter_rows")
        return {{"column", "sepal_length"}, {"operator", ">"}, {"value", "5"}};
    if (id == "transform.group_by")
        return {{"keys", {"species"}},
                {"aggregations", {{{"column", "sepal_length"}, {"function", "median"}}}}};
    if (id == "transform.pivot")  // one row per species, one column per petal width
        return {{"index", {"species"}}, {"columns", "petal_width"}, {"values", "sepal_length"}};
    if (id == "transform.formula")
        return {{"formulas", {{{"name", "area"}, {"expression", "petal_length * petal_width"}}}}};
    if (id == "transform.select_rows")
        return {{"expression", "sepal_length > 5 and species != 'setosa'"}};
    return nlohmann::json::object();
}

// What each kind of input port receives in the tiny run.
PortValue tinyInput(const NodeType& type, const PortSpec& port) {
    static const TablePtr iris = datasetTable("iris.csv");
    static const TablePtr diabetes = datasetTable("diabetes.csv");
    static const ModelValue model = std::get<ModelValue>(
        testing::runNode("train.logistic_regression", {{"train", iris}}).at("model"));
    switch (port.type) {
        case PortType::Table: {
            if (port.name == "predictions")
                return testing::runNode("evaluate.predict", {{"model", model}, {"table", iris}})
                    .at("predictions");
            if (type.info().category == NodeCategory::Train) {
                const std::string kind = type.id().substr(std::string("train.").size());
                const auto task = ml::MlRegistry::instance().makeLearner(kind)->task();
                return task == ml::Task::Regression ? diabetes : iris;
            }
            return iris;
        }
        case PortType::Model:
            return model;
        case PortType::Learner:
            return testing::runNode("train.logistic_regression", {{"train", iris}}).at("learner");
        case PortType::Transform:
        case PortType::Results:
            return {};
    }
    return {};
}

void addTypes() {
    QTest::addColumn<QString>("id");
    for (const NodeType* t : builtinNodes().all())
        QTest::newRow(t->id().c_str()) << QString::fromStdString(t->id());
}

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

}  // namespace

class TestNodeConformance : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        // Where the example-dataset node finds the bundled files in a build tree.
        qputenv("SLUICE_DATASETS_DIR", SLUICE_DATASETS_DIR);
    }

    void catalogCoversEveryCategoryButVisualize() {
        for (NodeCategory c : {NodeCategory::Data, NodeCategory::Transform, NodeCategory::Train,
                               NodeCategory::Evaluate, NodeCategory::Output})
            QVERIFY2(!builtinNodes().inCategory(c).empty(), std::string(categoryName(c)).c_str());
    }

    void describesItselfFully_data() { addTypes(); }
    void describesItselfFully() {
        QFETCH(QString, id);
        const NodeType& t = testing::nodeType(id.toStdString());
        const NodeInfo& info = t.info();
        QCOMPARE(QString::fromStdString(info.id.substr(0, info.id.find('.'))),
                 QString::fromStdString(lower(categoryName(info.category))));
        QVERIFY(!info.displayName.empty());
        QVERIFY(!info.description.empty());
        QVERIFY(info.version >= 1);
        QVERIFY(!info.outputs.empty());
        std::set<std::string> names;
        for (const auto* ports : {&info.inputs, &info.outputs})
            for (const PortSpec& p : *ports) {
                QVERIFY(!p.name.empty() && !p.label.empty());
                QVERIFY2(names.insert((ports == &info.inputs ? "in:" : "out:") + p.name).second,
                         p.name.c_str());
            }
        for (const ParamSpec& p : info.params) {
            QVERIFY2(!p.label.empty() && !p.help.empty(), p.name.c_str());
            QVERIFY2(!p.defaultValue.is_null(), p.name.c_str());
            const bool mustBeFilled =
                p.kind == ParamKind::Path || (p.kind == ParamKind::Column && !p.optional);
            if (!mustBeFilled)
                QVERIFY2(!p.problemWith(p.defaultValue),
                         (p.name + ": " + p.problemWith(p.defaultValue).value_or("")).c_str());
            if (p.kind == ParamKind::Choice)
                QVERIFY(!p.choices.empty());
        }
    }

    void runsOnATinyInput_data() { addTypes(); }
    void runsOnATinyInput() {
        QFETCH(QString, id);
        const NodeType& t = testing::nodeType(id.toStdString());
        PortValues inputs;
        for (const PortSpec& p : t.info().inputs)
            if (p.required)
                inputs[p.name] = tinyInput(t, p);
        const nlohmann::json params = t.withDefaults(tinyParams(t.id()));
        const auto problems = t.paramProblems(params);
        QVERIFY2(problems.empty(), problems.empty() ? "" : problems.front().c_str());
        RunContext context;
        context.baseDirectory = scratch().path().toStdString();
        PortValues out;
        try {
            out = t.run(inputs, params, context);
        } catch (const std::exception& e) {
            QFAIL((t.id() + " failed: " + e.what()).c_str());
        }
        for (const PortSpec& p : t.info().outputs) {
            if (!p.required)
                continue;
            const auto it = out.find(p.name);
            QVERIFY2(it != out.end(), (t.id() + " gave no '" + p.name + "'").c_str());
            QCOMPARE(typeOf(it->second), std::optional<PortType>(p.type));
        }
    }

    void refusesMissingOrWrongInputsByName_data() { addTypes(); }
    void refusesMissingOrWrongInputsByName() {
        QFETCH(QString, id);
        const NodeType& t = testing::nodeType(id.toStdString());
        const nlohmann::json params = t.withDefaults(tinyParams(t.id()));
        for (const PortSpec& p : t.info().inputs) {
            if (!p.required)
                continue;
            PortValues inputs;
            for (const PortSpec& q : t.info().inputs)
                if (q.required && q.name != p.name)
                    inputs[q.name] = tinyInput(t, q);
            RunContext context;
            for (const PortValue& wrong :
                 {PortValue{}, PortValue{ResultsValue(std::make_shared<Results>())}}) {
                inputs[p.name] = wrong;
                try {
                    t.run(inputs, params, context);
                    QFAIL((t.id() + " ran without its input '" + p.name + "'").c_str());
                } catch (const NodeError& e) {
                    QVERIFY2(std::string(e.what()).find("'" + p.name + "'") != std::string::npos,
                             e.what());
                }
            }
        }
    }
};

SLUICE_TEST_APPLESS_MAIN(TestNodeConformance)
#include "test_node_conformance.moc"
