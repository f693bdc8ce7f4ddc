// The canvas at a device pixel ratio of 2 (QT_SCALE_FACTOR=2, set before the
// application starts): node cards painted through their device-coordinate
// cache must be as sharp as painted directly, i.e. the cache is rendered at
// the device resolution and never scaled up. Saves /tmp/canvas_hidpi.png.
#include <QApplication>
#include <QTest>

#include "canvas_test_support.h"

using namespace sluice;
using namespace sluice::test;

class TestCanvasHiDpi : public QObject {
    Q_OBJECT

private slots:
    void cachedCardsAreCrisp();
};

void TestCanvasHiDpi::cachedCardsAreCrisp() {
    Canvas canvas(sampleGraph(), QSize(700, 360));
    canvas.view.fitToView();
    canvas.scene.setBadge("logreg", NodeBadge{.state = NodeBadge::State::Running, .progress = 0.5});
    QCOMPARE(canvas.view.devicePixelRatio(), 2.0);

    const QImage cached = canvas.viewport()->grab().toImage();
    QCOMPARE(cached.devicePixelRatio(), 2.0);
    QCOMPARE(cached.width(), canvas.viewport()->width() * 2);
    QVERIFY(cached.save(QStringLiteral("/tmp/canvas_hidpi.png")));

    // The grab above really went through the cache: change the card colour
    // behind the items' back (no update()), and the cards do not change.
    auto& style = const_cast<CanvasStyle&>(canvas.scene.style());
    const QColor card = style.colors.card;
    style.colors.card = Qt::magenta;
    const QPoint inside =
        canvas.view.mapFromScene(canvas.scene.nodeItem("read")->mapToScene(QPointF(60, 50)));
    QCOMPARE(canvas.viewport()->grab().toImage().pixelColor(inside * 2),
             cached.pixelColor(inside * 2));
    canvas.scene.nodeItem("read")->update();  // now it repaints, in magenta
    QCOMPARE(canvas.viewport()->grab().toImage().pixelColor(inside * 2), QColor(Qt::magenta));
    style.colors.card = card;
    canvas.scene.nodeItem("read")->update();

    for (NodeItem* node : canvas.scene.nodeItems()) {
        node->setCacheMode(QGraphicsItem::NoCache);
    }
    const QImage direct = canvas.viewport()->grab().toImage();
    // Text and curves through a pixmap may differ in a few antialiased
    // pixels, but an upscaled (blurry) cache would change thousands.
    int differing = 0;
    for (int y = 0; y < cached.height(); ++y) {
        for (int x = 0; x < cached.width(); ++x) {
            const QColor a = cached.pixelColor(x, y), b = direct.pixelColor(x, y);
            differing += std::abs(a.red() - b.red()) + std::abs(a.green() - b.green()) +
                             std::abs(a.blue() - b.blue()) >
                         60;
        }
    }
    qInfo("pixels differing between cached and direct painting at 2x: %d of %lld", differing,
          static_cast<long long>(cached.width()) * cached.height());
    QVERIFY2(differing < 200, qPrintable(QString::number(differing)));
}

int main(int argc, char** argv) {
    qputenv("QT_SCALE_FACTOR", "2");
    QApplication app(argc, argv);
    TestCanvasHiDpi test;
    return QTest::qExec(&test, argc, argv);
}

#include "test_canvas_hidpi.moc"
