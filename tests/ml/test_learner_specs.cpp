// Every registered learner's LearnerSpec against the learner itself: the
// declaration is the one source of names, ranges and scikit-learn keywords,
// so it must describe exactly the hyperparameters params() has, with
// defaults inside their own ranges, and the checks made from it must both
// accept the edge of each range and refuse what lies beyond.
#include <QtTest>
#include <set>

#include "ml/core/learner_spec.h"
#include "ml/core/ml_errors.h"
#include "ml/core/registry.h"
#include "support/test_registry.h"

using namespace sluice::ml;

namespace {

void addKinds() {
    QTest::addColumn<QString>("kind");
    for (const auto& kind : MlRegistry::instance().learnerKinds())
        QTest::newRow(kind.c_str()) << QString::fromStdString(kind);
}

const LearnerSpec& specOf(const QString& kind) {
    return *MlRegistry::instance().spec(kind.toStdString());
}

bool refused(const LearnerSpec& spec, const nlohmann::json& params) {
    try {
        checkHyperparameters(spec, params);
        return false;
    } catch (const MisuseError&) {
        return true;
    }
}

}  // namespace

class TestLearnerSpecs : public QObject {
    Q_OBJECT

private slots:
    void declaresExactlyTheLearnersHyperparameters_data() { addKinds(); }
    void declaresExactlyTheLearnersHyperparameters() {
        QFETCH(QString, kind);
        const LearnerSpec& spec = specOf(kind);
        QCOMPARE(QString::fromStdString(spec.kind), kind);
        QVERIFY(!spec.displayName.empty() && !spec.description.empty());
        const nlohmann::json params = MlRegistry::instance().makeLearner(spec.kind)->params();
        std::set<std::string> declared;
        for (const auto& h : spec.hyperparameters) {
            QVERIFY2(declared.insert(h.name).second, ("declared twice: " + h.name).c_str());
            QVERIFY2(params.contains(h.name), ("not in params(): " + h.name).c_str());
            QVERIFY2(!h.label.empty() && !h.help.empty(), h.name.c_str());
        }
        for (const auto& [name, value] : params.items())
            QVERIFY2(declared.count(name), ("undeclared: " + name).c_str());
    }

    void defaultsLieInsideTheirRanges_data() { addKinds(); }
    void defaultsLieInsideTheirRanges() {
        QFETCH(QString, kind);
        const LearnerSpec& spec = specOf(kind);
        const nlohmann::json params = MlRegistry::instance().makeLearner(spec.kind)->params();
        checkHyperparameters(spec, params);  // throws (and fails) if not
        for (const auto& h : spec.hyperparameters) {
            const nlohmann::json& def = params.at(h.name);
            if (def.is_string() && !h.choices.empty())
                QVERIFY2(std::find(h.choices.begin(), h.choices.end(), def.get<std::string>()) !=
                             h.choices.end(),
                         h.name.c_str());
        }
    }

    // Two-sided: the bound itself passes (unless exclusive), one step
    // beyond it is refused, by the spec check and by makeLearner.
    void rangesAreEnforcedAtTheirEdges_data() { addKinds(); }
    void rangesAreEnforcedAtTheirEdges() {
        QFETCH(QString, kind);
        const LearnerSpec& spec = specOf(kind);
        const nlohmann::json defaults = MlRegistry::instance().makeLearner(spec.kind)->params();
        int checked = 0;
        for (const auto& h : spec.hyperparameters) {
            const nlohmann::json& def = defaults.at(h.name);
            if (!def.is_number() || def.is_boolean())
                continue;
            const bool integer = def.is_number_integer();
            const double step = integer ? 1.0 : 1e-6;
            auto with = [&](double v) {
                nlohmann::json p = defaults;
                p[h.name] = integer ? nlohmann::json(static_cast<long long>(v)) : nlohmann::json(v);
                return p;
            };
            if (h.min) {
                QVERIFY2(refused(spec, with(*h.min - step)), (h.name + " below min").c_str());
                QCOMPARE(refused(spec, with(*h.min)), h.exclusiveMin);
                QVERIFY_THROWS_EXCEPTION(MisuseError, MlRegistry::instance().makeLearner(
                                                          spec.kind, with(*h.min - step)));
                ++checked;
            }
            if (h.max) {
                QVERIFY2(!refused(spec, with(*h.max)), (h.name + " at max").c_str());
                QVERIFY2(refused(spec, with(*h.max + step)), (h.name + " above max").c_str());
                ++checked;
            }
        }
        for (const auto& h : spec.hyperparameters)
            if (!h.choices.empty()) {
                nlohmann::json p = defaults;
                p[h.name] = "no_such_choice";
                QVERIFY2(refused(spec, p), h.name.c_str());
                ++checked;
            }
        if (!spec.hyperparameters.empty() && spec.kind != "linear_regression")
            QVERIFY2(checked > 0, "no range or choice declared at all");
    }

    void messagesNameLearnerParameterAndRule() {
        const LearnerSpec& kmeans = *MlRegistry::instance().spec("kmeans");
        try {
            checkHyperparameters(kmeans, {{"n_clusters", 0}});
            QFAIL("n_clusters 0 accepted");
        } catch (const MisuseError& e) {
            QCOMPARE(std::string(e.what()),
                     std::string("kmeans: n_clusters must be 1 or more, not 0"));
        }
        const LearnerSpec& net = *MlRegistry::instance().spec("elastic_net");
        try {
            checkHyperparameters(net, {{"l1_ratio", 1.5}});
            QFAIL("l1_ratio 1.5 accepted");
        } catch (const MisuseError& e) {
            QCOMPARE(std::string(e.what()),
                     std::string("elastic_net: l1_ratio must be between 0 and 1, not 1.5"));
        }
        QVERIFY(refused(net, {{"alpha", std::numeric_limits<double>::infinity()}}));
        QVERIFY(refused(net, {{"alpha", std::nan("")}}));
    }

    void everyLearnerWithANodeHasAScikitLearnCounterpart() {
        for (const auto& kind : MlRegistry::instance().learnerKinds()) {
            const LearnerSpec& spec = *MlRegistry::instance().spec(kind);
            if (spec.hasTrainNode)
                QVERIFY2(spec.sklearn && !spec.sklearn->className.empty(), kind.c_str());
        }
    }
};

SLUICE_TEST_APPLESS_MAIN(TestLearnerSpecs)
#include "test_learner_specs.moc"
