// ColumnPeek (app/column_peek.h), what column pickers list before a run: the
// columns a peek at the data gives through readers and transforms, nothing
// behind a learner, and never a file written on the way.
#include <QTemporaryDir>
#include <QtTest>

#include <fstream>
#include <sstream>

#include "app/column_peek.h"
#include "nodes/node_registry.h"
#include "support/file_bytes.h"
#include "support/test_registry.h"

using namespace sluice;

namespace {

GraphNode node(const std::string& id, const std::string& type, nlohmann::json params = {}) {
    GraphNode n;
    n.id = id;
    n.type = type;
    n.title = id;
    n.params = params.is_null() ? nlohmann::json::object() : std::move(params);
    return n;
}

}  // namespace

class TestColumnPeek : public QObject {
    Q_OBJECT

private slots:
    void readersAndTransformsArePeekedThrough() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        {
            std::ofstream csv(dir.filePath("big.csv").toStdString());
            csv << "height,weight,kind\n";
            for (int i = 0; i < 5000; ++i)
                csv << i << ',' << i * 2 << ',' << (i % 2 ? "a" : "b") << '\n';
        }
        Graph g;
        g.addNode(node("read", "data.read_csv", {{"path", "big.csv"}}));
        g.addNode(node("scale", "transform.scale"));
        g.addNode(node("forest", "train.random_forest_classifier"));
        g.addNode(node("predict", "evaluate.predict"));
        g.addNode(node("score", "evaluate.score"));
        g.addEdge({{"read", "table"}, {"scale", "train"}});
        g.addEdge({{"scale", "train"}, {"forest", "train"}});
        g.addEdge({{"forest", "model"}, {"predict", "model"}});
        g.addEdge({{"scale", "train"}, {"predict", "table"}});
        g.addEdge({{"predict", "predictions"}, {"score", "predictions"}});
        const Graph before = g;
        ColumnPeek peek(builtinNodes());
        const std::string base = dir.path().toStdString();

        const auto atScale = peek.columns(g, {"scale", "train"}, base);
        QVERIFY(atScale);
        QCOMPARE(*atScale, (QStringList{"height", "weight", "kind"}));
        QCOMPARE(peek.columns(g, {"forest", "train"}, base), atScale);  // through Scale
        // Behind a learner: not known without training, so not guessed.
        QVERIFY(!peek.columns(g, {"score", "predictions"}, base));
        // Not connected, or a file that is not there: nothing.
        QVERIFY(!peek.columns(g, {"predict", "nothing"}, base));
        g.setParams("read", {{"path", "missing.csv"}});
        QVERIFY(!peek.columns(g, {"scale", "train"}, base));
        g.setParams("read", before.node("read")->params);
        // The graph given is never changed (the peek lowers max_rows on a copy).
        QCOMPARE(g.node("read")->params, before.node("read")->params);
    }

    // A Write CSV upstream would write its file if run: the peek stops there
    // and the user's file keeps every byte.
    void aWriterUpstreamIsNeverRun() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        {
            std::ofstream csv(dir.filePath("in.csv").toStdString());
            csv << "x,y\n1,2\n3,4\n";
        }
        const QString out = dir.filePath("results.csv");
        const QByteArray precious = "a,b\nthe user's,own file\n";
        sluice::testing::writeAll(out, precious);
        Graph g;
        g.addNode(node("read", "data.read_csv", {{"path", "in.csv"}}));
        g.addNode(node("write", "data.write_csv", {{"path", "results.csv"}}));
        g.addNode(node("scale", "transform.scale"));
        g.addEdge({{"read", "table"}, {"write", "table"}});
        g.addEdge({{"write", "table"}, {"scale", "train"}});
        ColumnPeek peek(builtinNodes());
        QVERIFY(!peek.columns(g, {"scale", "train"}, dir.path().toStdString()));
        QCOMPARE(sluice::testing::readAll(out), precious);
    }
};

SLUICE_TEST_MAIN(TestColumnPeek)
#include "test_column_peek.moc"
