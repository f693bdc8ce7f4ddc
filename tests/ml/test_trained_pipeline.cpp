// A pipeline of preprocessing and a model trains on a raw table, predicts on
// raw tables, and predicts the same numbers after a save and a load.
#include <QTemporaryDir>
#include <QtTest>
#include <cmath>

#include "io/csv_reader.h"
#include "ml/core/ml_errors.h"
#include "ml/linear/least_squares.h"
#include "ml/pipeline/trained_pipeline.h"
#include "ml/preprocessing/imputer.h"
#include "ml/preprocessing/one_hot_encoder.h"
#include "ml/preprocessing/scaler.h"
#include "support/test_registry.h"

using namespace sluice;
using namespace sluice::ml;

namespace {

// y = 2x + 10 for red, 2x - 10 for blue; some x and colours missing.
TablePtr housePrices() {
    return readCsvText(
               "x,color,y\n1,red,12\n2,blue,-6\n3,red,16\n,red,\n4,blue,-2\n5,,\n6,red,22\n"
               "7,blue,4\n8,red,26\n9,blue,8\n",
               {})
        .table;
}

PipelineSpec fullSpec() {
    PipelineSpec spec;
    spec.steps = {std::make_shared<Imputer>(), std::make_shared<OneHotEncoder>(),
                  std::make_shared<Scaler>()};
    spec.learner = std::make_shared<LinearRegression>();
    spec.target = "y";
    return spec;
}

TablePtr dropMissingTargets(const Table& t) {
    std::vector<double> x, y;
    std::vector<std::int32_t> c;
    for (std::size_t r = 0; r < t.rowCount(); ++r) {
        if (t.column("y").isMissing(r))
            continue;
        x.push_back(t.column("x").numbers()[r]);
        c.push_back(t.column("color").codes()[r]);
        y.push_back(t.column("y").numbers()[r]);
    }
    return Table::make({Column::numeric("x", x),
                        Column::categorical("color", c, t.column("color").levels()),
                        Column::numeric("y", y)});
}

}  // namespace

class TestTrainedPipeline : public QObject {
    Q_OBJECT

private slots:
    void trainsOnRawDataAndRecoversTheRelation() {
        const auto train = dropMissingTargets(*housePrices());
        const auto p = TrainedPipeline::fit(*train, fullSpec());
        QCOMPARE(p.features(), (std::vector<std::string>{"x", "color=red", "color=blue"}));
        const auto newRows = readCsvText("x,color\n10,red\n10,blue\n").table;
        const Eigen::VectorXd predicted = p.predict(*newRows);
        QVERIFY(std::abs(predicted(0) - 30) < 1e-9);
        QVERIFY(std::abs(predicted(1) - 10) < 1e-9);
    }

    void savedModelPredictsIdenticallyAfterLoading() {
        const auto train = dropMissingTargets(*housePrices());
        const auto p = TrainedPipeline::fit(*train, fullSpec());
        QTemporaryDir dir;
        const std::string path = dir.filePath("model.json").toStdString();
        p.save(path);
        const auto loaded = TrainedPipeline::load(path);
        const auto raw = housePrices();                    // with missing x and colour
        QVERIFY(loaded.predict(*raw) == p.predict(*raw));  // bit for bit
        QCOMPARE(loaded.features(), p.features());
        QCOMPARE(loaded.model().kind(), std::string_view("linear_regression"));
    }

    void categoricalFeatureWithoutEncodingIsExplained() {
        PipelineSpec spec;
        spec.learner = std::make_shared<LinearRegression>();
        spec.target = "y";
        spec.steps = {std::make_shared<Imputer>()};
        try {
            TrainedPipeline::fit(*dropMissingTargets(*housePrices()), spec);
            QFAIL("expected MisuseError");
        } catch (const MisuseError& e) {
            QVERIFY(std::string(e.what()).find("'color'") != std::string::npos);
            QVERIFY(std::string(e.what()).find("one-hot") != std::string::npos);
        }
    }

    void badModelFilesGetClearMessages() {
        QTemporaryDir dir;
        auto write = [&](const std::string& text) {
            const std::string path = dir.filePath("m.json").toStdString();
            QFile f(QString::fromStdString(path));
            f.open(QIODevice::WriteOnly);
            f.write(text.c_str());
            return path;
        };
        auto messageOf = [&](const std::string& text) {
            try {
                TrainedPipeline::load(write(text));
            } catch (const MisuseError& e) {
                return std::string(e.what());
            }
            return std::string("no error");
        };
        QVERIFY(messageOf("{not json").find("not valid JSON") != std::string::npos);
        QVERIFY(messageOf("{\"a\": 1}").find("not a Sluice model file") != std::string::npos);
        QVERIFY(messageOf(R"({"format":"sluice.model","version":99})").find("version 99") !=
                std::string::npos);
        QVERIFY(messageOf(R"({"format":"sluice.model","version":1,"steps":[],"features":["x"],)"
                          R"("model":{"kind":"warp_drive"}})")
                    .find("unknown model kind 'warp_drive'") != std::string::npos);
        QVERIFY(messageOf(R"({"format":"sluice.model","version":1,"steps":[],"features":["x"],)"
                          R"("model":{"kind":"ridge","coef":[1,2],"intercept":0}})")
                    .find("inconsistent") != std::string::npos);
        QVERIFY_THROWS_EXCEPTION(MisuseError, TrainedPipeline::load("/no/such/model.json"));
    }
};

SLUICE_TEST_APPLESS_MAIN(TestTrainedPipeline)
#include "test_trained_pipeline.moc"
