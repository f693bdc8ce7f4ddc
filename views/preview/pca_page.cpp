#include "views/preview/pca_page.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QEvent>
#include <QLabel>
#include <QLegend>
#include <QLineSeries>
#include <QVBoxLayout>
#include <QValueAxis>
#include <cmath>

#include "ml/preprocessing/pca_transform.h"
#include "views/charts/chart_theme.h"
#include "views/charts/chart_view.h"

namespace sluice {

namespace {

QString percent(double ratio) {
    return QStringLiteral("%1 %").arg(100.0 * ratio, 0, 'f', 1);
}

class PcaPage : public QWidget {
public:
    PcaPage(const PcaTransform& pca, QWidget* parent)
        : QWidget(parent),
          ratios_(pca.model().explainedVarianceRatio()),
          features_(static_cast<int>(pca.features().size())),
          chartView_(new ChartView(nullptr, this)),
          note_(new QLabel(this)) {
        note_->setObjectName(QStringLiteral("pcaNote"));
        note_->setWordWrap(true);
        auto* layout = new QVBoxLayout(this);
        layout->setContentsMargins(6, 6, 6, 6);
        layout->addWidget(chartView_, 1);
        layout->addWidget(note_);
        build();
    }

protected:
    void changeEvent(QEvent* event) override {
        QWidget::changeEvent(event);
        if (event->type() == QEvent::PaletteChange)
            build();  // bar and line colours come from the palette
    }

private:
    void build() {
        QChart* chart = chartView_->chart();
        chart->removeAllSeries();
        for (QAbstractAxis* axis : chart->axes()) {
            chart->removeAxis(axis);
            delete axis;
        }
        const QPalette palette = chartView_->palette();
        const int shown = std::min<int>(static_cast<int>(ratios_.size()), kMaxPcaBars);

        auto* bars = new QBarSet(tr("explained variance"));
        bars->setColor(seriesColor(0, palette));
        bars->setBorderColor(seriesColor(0, palette));
        auto* cumulative = new QLineSeries;
        cumulative->setName(tr("cumulative"));
        QStringList categories;
        double sum = 0.0;
        for (int i = 0; i < shown; ++i) {
            const double r = ratios_(i);
            sum += r;
            bars->append(100.0 * r);
            // Rounded to the 0.1 % the label shows (QXYSeries prints six
            // digits otherwise); far below what a pixel can show.
            cumulative->append(i, std::round(1000.0 * sum) / 10.0);
            categories << QStringLiteral("PC%1\n%2").arg(i + 1).arg(percent(r));
        }
        auto* barSeries = new QBarSeries;
        barSeries->append(bars);
        barSeries->setBarWidth(0.6);
        chart->addSeries(barSeries);
        QPen line(seriesColor(1, palette), 2.5);
        cumulative->setPen(line);
        cumulative->setPointsVisible(true);
        cumulative->setMarkerSize(6);
        cumulative->setPointLabelsVisible(true);
        cumulative->setPointLabelsFormat(QStringLiteral("Σ @yPoint %"));
        cumulative->setPointLabelsColor(palette.color(QPalette::WindowText));
        cumulative->setPointLabelsClipping(false);
        chart->addSeries(cumulative);

        auto* axisX = new QBarCategoryAxis;
        axisX->append(categories);
        axisX->setTitleText(tr("principal component"));
        auto* axisY = new QValueAxis;
        axisY->setRange(0, 110);  // room for the label of a cumulative 100 %
        axisY->setTickCount(6);
        axisY->setTickInterval(20);
        axisY->setTickType(QValueAxis::TicksDynamic);
        axisY->setTickAnchor(0);
        axisY->setLabelFormat(QStringLiteral("%.0f"));
        axisY->setTitleText(tr("variance explained (%)"));
        chart->addAxis(axisX, Qt::AlignBottom);
        chart->addAxis(axisY, Qt::AlignLeft);
        for (QAbstractSeries* s : chart->series()) {
            s->attachAxis(axisX);
            s->attachAxis(axisY);
        }
        chart->setTitle(tr("Explained variance by principal component"));
        chart->legend()->setVisible(true);
        chart->legend()->setAlignment(Qt::AlignBottom);
        chartView_->restyle();

        double total = 0.0;
        for (Eigen::Index i = 0; i < ratios_.size(); ++i)
            total += ratios_(i);
        const QString kept = ratios_.size() == 1
                                 ? tr("The kept component explains")
                                 : tr("The %1 kept components explain").arg(ratios_.size());
        QString note = tr("%1 %2 of the variance of the %3 features.")
                           .arg(kept, percent(total))
                           .arg(features_);
        if (shown < ratios_.size())
            note += QLatin1Char(' ') + tr("The chart shows the first %1.").arg(shown);
        note_->setText(note);
    }

    Eigen::VectorXd ratios_;
    int features_;
    ChartView* chartView_;
    QLabel* note_;
};

}  // namespace

QWidget* makePcaPage(const PcaTransform& pca, QWidget* parent) {
    return new PcaPage(pca, parent);
}

}  // namespace sluice
