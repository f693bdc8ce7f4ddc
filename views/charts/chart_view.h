// ChartView: the QChartView every Sluice chart uses. Antialiased, themed from
// the widget's palette (and re-themed when it changes), with a context menu
// and methods to export the chart as PNG or SVG.
#pragma once

#include <QChartView>
#include <QString>

namespace sluice {

class ChartView : public QChartView {
    Q_OBJECT

public:
    // Takes ownership of `chart` (a new empty one when null).
    explicit ChartView(QChart* chart = nullptr, QWidget* parent = nullptr);

    // Writes the chart to `path`: PNG at twice the widget's size (sharp on
    // high-DPI screens and in documents) or SVG, by the file's suffix
    // (.png / .svg). False with `error` set when the suffix is neither or
    // the file cannot be written.
    bool exportTo(const QString& path, QString* error = nullptr);
    // Asks for a file name and exports; reports failures in a message box.
    void exportWithDialog();

    // Re-applies the palette's theme: after series or axes were added.
    void restyle();

protected:
    void contextMenuEvent(QContextMenuEvent* event) override;
    void changeEvent(QEvent* event) override;
};

}  // namespace sluice
