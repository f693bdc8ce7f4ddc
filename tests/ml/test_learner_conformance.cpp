// One conformance suite run over every learner in the registry: whatever a
// learner is, it must honour the contract in ml/core/model.h.
#include <QtTest>

#include <atomic>
#include <cmath>

#include "ml/core/ml_errors.h"
#include "ml/core/random.h"
#include "ml/core/registry.h"
#include "support/test_registry.h"

using namespace sluice::ml;

namespace {

std::unique_ptr<Learner> make(const std::string& kind) {
    // Small settings, declared with the learner, so the suite stays quick.
    const auto& registry = MlRegistry::instance();
    return registry.makeLearner(kind, registry.spec(kind)->quickParams);
}

// Three classes in 4 dimensions, or a noisy linear target.
struct Data {
    Eigen::MatrixXd X;
    Eigen::VectorXd y;
};

Data dataFor(Task task, int n = 90, std::uint64_t seed = 3) {
    Rng rng(seed);
    Data d{Eigen::MatrixXd(n, 4), Eigen::VectorXd(n)};
    for (int i = 0; i < n; ++i) {
        const int c = i % 3;
        for (int j = 0; j < 4; ++j)
            d.X(i, j) = rng.normal() + (j == c ? 4.0 : 0.0);
        d.y(i) = task == Task::Regression ? d.X.row(i).sum() * 1.5 + rng.normal() * 0.1 : c;
    }
    if (task == Task::Clustering || task == Task::Transform)
        d.y.resize(0);
    return d;
}

void addKinds() {
    QTest::addColumn<QString>("kind");
    for (const auto& kind : MlRegistry::instance().learnerKinds())
        QTest::newRow(kind.c_str()) << QString::fromStdString(kind);
}

}  // namespace

class TestLearnerConformance : public QObject {
    Q_OBJECT

private slots:
    void registryHasLearners() { QVERIFY(MlRegistry::instance().learnerKinds().size() >= 2); }

    void fitsAndPredictsWithTheRightShapes_data() { addKinds(); }
    void fitsAndPredictsWithTheRightShapes() {
        QFETCH(QString, kind);
        const auto learner = make(kind.toStdString());
        const Data d = dataFor(learner->task());
        const auto model = learner->fit(d.X, d.y);
        QCOMPARE(model->featureCount(), d.X.cols());
        QCOMPARE(model->task(), learner->task());
        if (learner->task() == Task::Transform) {
            const Eigen::MatrixXd t = model->transform(d.X);
            QCOMPARE(t.rows(), d.X.rows());
            QVERIFY(t.allFinite());
            QVERIFY_THROWS_EXCEPTION(MisuseError, model->predict(d.X));
            return;
        }
        QVERIFY_THROWS_EXCEPTION(MisuseError, model->transform(d.X));
        const Eigen::VectorXd p = model->predict(d.X);
        QCOMPARE(p.size(), d.X.rows());
        QVERIFY(p.allFinite());
        if (learner->task() == Task::Classification) {
            const Eigen::MatrixXd proba = model->predictProba(d.X);
            QCOMPARE(proba.rows(), d.X.rows());
            QCOMPARE(proba.cols(), Eigen::Index{3});
            QCOMPARE(model->classCount(), 3);
            QVERIFY((proba.array() >= 0).all() && (proba.array() <= 1).all());
            QVERIFY(((proba.rowwise().sum().array() - 1.0).abs() < 1e-9).all());
            for (Eigen::Index i = 0; i < proba.rows(); ++i) {
                Eigen::Index best;
                proba.row(i).maxCoeff(&best);
                QCOMPARE(p(i), static_cast<double>(best));
            }
            // the easy three-class problem is learnt
            QVERIFY((p.array() == d.y.array()).cast<double>().mean() > 0.8);
        } else {
            QVERIFY_THROWS_EXCEPTION(MisuseError, model->predictProba(d.X));
        }
    }

    void jsonRoundTripPredictsIdentically_data() { addKinds(); }
    void jsonRoundTripPredictsIdentically() {
        QFETCH(QString, kind);
        const auto learner = make(kind.toStdString());
        const Data d = dataFor(learner->task());
        const auto model = learner->fit(d.X, d.y);
        const auto loaded =
            MlRegistry::instance().loadModel(nlohmann::json::parse(model->toJson().dump()));
        QCOMPARE(loaded->kind(), model->kind());
        const Data fresh = dataFor(learner->task(), 40, 99);
        if (learner->task() == Task::Transform) {
            QVERIFY(loaded->transform(fresh.X) == model->transform(fresh.X));
            return;
        }
        QVERIFY(loaded->predict(fresh.X) == model->predict(fresh.X));
        if (learner->task() == Task::Classification)
            QVERIFY(loaded->predictProba(fresh.X) == model->predictProba(fresh.X));
        QCOMPARE(loaded->status.converged, model->status.converged);
    }

    void sameModelWhateverTheThreadCount_data() { addKinds(); }
    void sameModelWhateverTheThreadCount() {
        QFETCH(QString, kind);
        const auto learner = make(kind.toStdString());
        const Data d = dataFor(learner->task());
        FitContext one, two;
        one.threads = 1;
        two.threads = 2;
        const auto a = learner->fit(d.X, d.y, one), b = learner->fit(d.X, d.y, two);
        if (learner->task() == Task::Transform) {
            QVERIFY(a->transform(d.X) == b->transform(d.X));
        } else {
            QVERIFY(a->predict(d.X) == b->predict(d.X));
        }
    }

    void cancellationStopsTraining_data() { addKinds(); }
    void cancellationStopsTraining() {
        QFETCH(QString, kind);
        const auto learner = make(kind.toStdString());
        const Data d = dataFor(learner->task());
        std::atomic<bool> cancel{true};
        FitContext raised;
        raised.cancelFlag = &cancel;
        QVERIFY_THROWS_EXCEPTION(FitCancelled, learner->fit(d.X, d.y, raised));

        // Raised from inside training: a learner that reports any progress
        // before it is done must notice the flag and stop.
        std::atomic<bool> later{false};
        bool reportedMidway = false;
        FitContext midway;
        midway.cancelFlag = &later;
        midway.onProgress = [&](double f, std::string_view) {
            if (f < 1.0) {
                reportedMidway = true;
                later = true;
            }
        };
        midway.onMetric = [&](std::string_view, int, double) {
            reportedMidway = true;
            later = true;
        };
        bool cancelled = false;
        try {
            learner->fit(d.X, d.y, midway);
        } catch (const FitCancelled&) {
            cancelled = true;
        }
        // Reporting before the end means honouring the flag raised there...
        QVERIFY2(cancelled == reportedMidway,
                 reportedMidway ? "reported progress, was cancelled, and still finished"
                                : "stopped without having reported anything");
        // ...and the spec says which kind of learner this is, so a learner
        // that never reports cannot pass this check by saying nothing.
        QVERIFY2(cancelled == MlRegistry::instance().spec(kind.toStdString())->cancelsMidFit,
                 cancelled ? "stops mid-fit but its LearnerSpec says cancelsMidFit = false"
                           : "its LearnerSpec says cancelsMidFit, but it reported no progress "
                             "before the end, so it cannot be stopped mid-fit");
    }

    void misuseGetsAnExplainingError_data() { addKinds(); }
    void misuseGetsAnExplainingError() {
        QFETCH(QString, kind);
        const auto learner = make(kind.toStdString());
        const Data d = dataFor(learner->task());
        const auto model = learner->fit(d.X, d.y);
        const bool transforms = learner->task() == Task::Transform;
        auto apply = [&](const Eigen::MatrixXd& X) {
            if (transforms) {
                (void)model->transform(X);
            } else {
                (void)model->predict(X);
            }
        };
        QVERIFY_THROWS_EXCEPTION(MisuseError, apply(Eigen::MatrixXd::Zero(3, 5)));
        Eigen::MatrixXd holes = d.X;
        holes(5, 2) = std::nan("");
        QVERIFY_THROWS_EXCEPTION(MisuseError, apply(holes));
        QVERIFY_THROWS_EXCEPTION(MisuseError, learner->fit(holes, d.y));
        QVERIFY_THROWS_EXCEPTION(MisuseError,
                                 learner->fit(Eigen::MatrixXd(0, 4), Eigen::VectorXd(0)));
        if (learner->task() == Task::Classification) {
            QVERIFY_THROWS_EXCEPTION(MisuseError,
                                     learner->fit(d.X, Eigen::VectorXd::Zero(d.X.rows())));
            Eigen::VectorXd notClasses = d.y;
            notClasses(0) = 0.5;
            QVERIFY_THROWS_EXCEPTION(MisuseError, learner->fit(d.X, notClasses));
        }
        if (learner->task() == Task::Regression || learner->task() == Task::Classification)
            QVERIFY_THROWS_EXCEPTION(MisuseError, learner->fit(d.X, d.y.head(10)));
    }

    void parametersRoundTrip_data() { addKinds(); }
    void parametersRoundTrip() {
        QFETCH(QString, kind);
        const auto learner = make(kind.toStdString());
        const auto again =
            MlRegistry::instance().makeLearner(kind.toStdString(), learner->params());
        QCOMPARE(QString::fromStdString(again->params().dump()),
                 QString::fromStdString(learner->params().dump()));
        QCOMPARE(again->kind(), learner->kind());
    }

    void unknownKindsAreRefused() {
        QVERIFY_THROWS_EXCEPTION(MisuseError, MlRegistry::instance().makeLearner("flux_capacitor"));
        QVERIFY_THROWS_EXCEPTION(MisuseError, MlRegistry::instance().loadModel({{"kind", "nope"}}));
        QVERIFY_THROWS_EXCEPTION(MisuseError,
                                 MlRegistry::instance().loadModel(nlohmann::json::array()));
    }
};

SLUICE_TEST_APPLESS_MAIN(TestLearnerConformance)
#include "test_learner_conformance.moc"
