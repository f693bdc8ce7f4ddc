// The page of a fitted PCA transform: how much of the variance each
// principal component explains.
#pragma once

class QWidget;

namespace sluice {

class PcaTransform;

// Components drawn at most; the note says how many more there are.
inline constexpr int kMaxPcaBars = 20;

// A chart (ChartView) of the explained variance ratio per component as bars
// in percent (one QBarSet "explained variance", categories "PC1\n72.9 %"),
// the cumulative ratio as a line ("cumulative"), and a note (QLabel
// "pcaNote") with the total the kept components explain.
QWidget* makePcaPage(const PcaTransform& pca, QWidget* parent);

}  // namespace sluice
