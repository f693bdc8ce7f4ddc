// Writing a picture of a widget to a PNG or SVG file, for every "Export"
// in the app (charts, the confusion heatmap), so they agree on formats,
// resolution and messages.
#pragma once

#include <QColor>
#include <QSize>
#include <QString>
#include <functional>

class QPainter;
class QWidget;

namespace sluice {

// Draws the picture into a painter whose logical size is the given size.
using PaintFunction = std::function<void(QPainter& painter, QSize size)>;

// Writes what `paint` draws at logical `size` to `path`: a PNG at twice the
// size on `background` (sharp on high-DPI screens and in documents) or an
// SVG titled `title`, chosen by the suffix. False with `error` saying why
// when the suffix is neither .png nor .svg or the file cannot be written.
bool exportPicture(const QString& path, QSize size, const QColor& background, const QString& title,
                   const PaintFunction& paint, QString* error = nullptr);

// Asks for a PNG or SVG file name (adding the suffix of the chosen filter
// when the name has none), calls `exportTo` with it and shows its error in
// a message box titled `caption`.
void exportPictureWithDialog(QWidget* parent, const QString& caption,
                             const std::function<bool(const QString&, QString*)>& exportTo);

}  // namespace sluice
