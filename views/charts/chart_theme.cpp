#include "views/charts/chart_theme.h"

#include <QAbstractAxis>
#include <QChart>
#include <QLegend>
#include <QPalette>
#include <QPen>

namespace sluice {

bool isDarkPalette(const QPalette& palette) {
    return palette.color(QPalette::Window).lightness() < 128;
}

void styleChartAxes(QChart* chart, const QPalette& palette) {
    const QColor text = palette.color(QPalette::WindowText);
    QColor grid = text;
    grid.setAlpha(isDarkPalette(palette) ? 40 : 30);
    QColor line = text;
    line.setAlpha(120);
    for (QAbstractAxis* axis : chart->axes()) {
        axis->setLabelsColor(text);
        axis->setTitleBrush(text);
        axis->setLinePenColor(line);
        axis->setGridLineColor(grid);
        QColor minor = grid;
        minor.setAlpha(grid.alpha() / 2);
        axis->setMinorGridLineColor(minor);
    }
}

void applyChartTheme(QChart* chart, const QPalette& palette) {
    chart->setBackgroundBrush(palette.color(QPalette::Base));
    chart->setBackgroundPen(Qt::NoPen);
    chart->setPlotAreaBackgroundVisible(false);
    chart->setTitleBrush(palette.color(QPalette::WindowText));
    chart->legend()->setLabelColor(palette.color(QPalette::WindowText));
    chart->setBackgroundRoundness(0);
    chart->setMargins(QMargins(4, 4, 4, 4));
    styleChartAxes(chart, palette);
}

QColor seriesColor(int index, const QPalette& palette) {
    // Okabe & Ito's qualitative palette, ordered so the first colours differ
    // most; black replaced by grey so it shows on dark backgrounds too.
    static const QRgb base[] = {0x0072B2, 0xE69F00, 0x009E73, 0xD55E00,
                                0xCC79A7, 0x56B4E9, 0xF0E442, 0x7F7F7F};
    QColor c = QColor::fromRgb(base[static_cast<unsigned>(index) % 8]);
    if (isDarkPalette(palette))
        c = c.lighter(125);
    return c;
}

QColor fadedColor(const QColor& color, const QPalette& palette) {
    const QColor bg = palette.color(QPalette::Base);
    const double keep = 0.40;
    return QColor::fromRgbF(static_cast<float>(color.redF() * keep + bg.redF() * (1 - keep)),
                            static_cast<float>(color.greenF() * keep + bg.greenF() * (1 - keep)),
                            static_cast<float>(color.blueF() * keep + bg.blueF() * (1 - keep)));
}

}  // namespace sluice
