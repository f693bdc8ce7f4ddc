// Each third-party library the build links does its job: a widget paints,
// a chart renders, an SVG rasterises, Eigen solves, nlohmann-json parses.
// Built alone by scripts/check-fresh-setup.sh to prove the setup script's
// package list (see tests/setup/CMakeLists.txt); also part of the suite.
#include <QApplication>
#include <QChart>
#include <QChartView>
#include <QImage>
#include <QLabel>
#include <QLineSeries>
#include <QPainter>
#include <QSvgRenderer>
#include <QtTest/QtTest>

#include <Eigen/Dense>
#include <nlohmann/json.hpp>

class TestToolchain : public QObject {
    Q_OBJECT

private slots:
    void widgetsPaint() {
        QLabel label("Sluice");
        label.resize(120, 40);
        label.setStyleSheet("background: rgb(10, 200, 30)");
        const QImage image = label.grab().toImage();
        QCOMPARE(image.size(), QSize(120, 40));
        QCOMPARE(image.pixelColor(2, 2), QColor(10, 200, 30));
    }

    void chartRenders() {
        auto* series = new QLineSeries;
        series->append(0, 0);
        series->append(1, 1);
        auto* chart = new QChart;
        chart->addSeries(series);
        chart->createDefaultAxes();
        QChartView view(chart);  // takes the chart
        view.resize(200, 150);
        QCOMPARE(chart->series().size(), 1);
        const QImage image = view.grab().toImage();
        QVERIFY(!image.isNull());
        QCOMPARE(image.size(), QSize(200, 150));
    }

    void svgRasterises() {
        QSvgRenderer svg(
            QByteArray("<svg xmlns='http://www.w3.org/2000/svg' width='10' height='10'>"
                       "<rect width='10' height='10' fill='#ff0000'/></svg>"));
        QVERIFY(svg.isValid());
        QImage image(10, 10, QImage::Format_ARGB32);
        image.fill(Qt::transparent);
        QPainter painter(&image);
        svg.render(&painter);
        painter.end();
        QCOMPARE(image.pixelColor(5, 5), QColor(255, 0, 0));
    }

    void eigenSolves() {
        Eigen::Matrix2d a;
        a << 2, 1, 1, 3;
        const Eigen::Vector2d x = a.ldlt().solve(Eigen::Vector2d(3, 5));
        QCOMPARE(x(0), 0.8);
        QCOMPARE(x(1), 1.4);
    }

    void jsonParses() {
        const auto j = nlohmann::json::parse(R"({"format": "sluice.pipeline", "version": 3})");
        QCOMPARE(j.at("version").get<int>(), 3);
        QCOMPARE(QString::fromStdString(j.dump()),
                 QString(R"({"format":"sluice.pipeline","version":3})"));
    }
};

QTEST_MAIN(TestToolchain)
#include "test_toolchain.moc"
