// ConfusionHeatmap: a confusion matrix drawn as a grid of coloured cells.
// Rows are true classes, columns predicted classes; a cell's colour is its
// share of its row (so a rare class reads as clearly as a common one) and its
// text gives the count and that row percentage. Hovering a cell explains it.
#pragma once

#include <Eigen/Core>
#include <QString>
#include <QStringList>
#include <QWidget>

class QPaintDevice;

namespace sluice {

class ConfusionHeatmap : public QWidget {
    Q_OBJECT

public:
    // `matrix` is square with one row and column per label.
    ConfusionHeatmap(QStringList labels, Eigen::MatrixXd matrix, QWidget* parent = nullptr);

    int classCount() const { return static_cast<int>(labels_.size()); }
    double count(int row, int column) const { return matrix_(row, column); }
    // Percentage of row `row` in cell (row, column); 0 for an empty row.
    double rowPercent(int row, int column) const;
    // The text drawn in a cell: "48\n96.0%".
    QString cellText(int row, int column) const;
    // The tooltip of a cell: "True setosa, predicted versicolor: 2 (4.0% of setosa)".
    QString cellToolTip(int row, int column) const;
    // The cell under widget point `pos` as (x column, y row), or (-1, -1).
    QPoint cellAt(QPoint pos) const;

    // Writes the heatmap as PNG (twice the widget size) or SVG by the file's
    // suffix. False with `error` set on another suffix or a write failure.
    bool exportTo(const QString& path, QString* error = nullptr);
    void exportWithDialog();

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;
    bool event(QEvent* event) override;
    void contextMenuEvent(QContextMenuEvent* event) override;

private:
    struct Geometry {
        QRectF grid;  // the cells
        double cell = 0;
        QFont labelFont, titleFont, cellFont;
        bool showPercent = true;
    };
    Geometry geometry(QSizeF size) const;
    void paint(QPainter& painter, QSizeF size) const;
    QColor cellColor(double share) const;

    QStringList labels_;
    Eigen::MatrixXd matrix_;
};

}  // namespace sluice
