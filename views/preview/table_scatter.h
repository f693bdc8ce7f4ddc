// The "Scatter" view of a table: two numeric columns against each other,
// coloured by a categorical column, with a legend, optional group centres
// and even sampling of large tables (scatter_data.h has the numbers).
#pragma once

#include <QWidget>

#include "data/table.h"
#include "views/preview/scatter_data.h"

class QCheckBox;
class QComboBox;
class QLabel;

namespace sluice {

class ChartView;

class TableScatter : public QWidget {
    Q_OBJECT

public:
    // Picks the defaults of defaultScatterAxes / defaultScatterColour.
    explicit TableScatter(TablePtr table, QWidget* parent = nullptr);

    // Chooses the plotted columns by name (colour "" = none); false, and
    // nothing changed, when a name is unknown or unsuitable.
    bool setColumns(const QString& x, const QString& y, const QString& colour);
    void setShowCentres(bool show);

    QString xColumn() const;
    QString yColumn() const;
    QString colourColumn() const;  // "" when none
    // What is drawn now: one series per group (objectName "group:<i>"),
    // and when centres are shown one single-point series per group
    // ("centre:<i>") hidden from the legend.
    const ScatterData& data() const { return data_; }
    ChartView* chartView() const { return chartView_; }
    // "Showing 5,000 of N points" when sampled; hidden otherwise.
    QLabel* sampleNote() const { return note_; }

protected:
    void changeEvent(QEvent* event) override;

private:
    void rebuild();

    TablePtr table_;
    QComboBox* x_;
    QComboBox* y_;
    QComboBox* colour_;
    QCheckBox* centres_;
    QLabel* note_;
    ChartView* chartView_;
    ScatterData data_;
    bool rebuilding_ = false;
};

}  // namespace sluice
