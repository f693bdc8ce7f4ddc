#pragma once

// Access to the files compiled into the binary by resources/CMakeLists.txt, so
// the resource paths are spelled in one place only.

class QColor;
class QIcon;
class QString;

namespace sluice::resources {

/// The application icon (resources/icons/sluice.svg). Scalable; it renders only
/// when Qt's SVG icon engine plugin is deployed, otherwise the icon is null.
QIcon appIcon();

/// An action icon from resources/icons/actions/<name>.svg (drawn in black),
/// rendered in `color` (the palette's button text, so it suits light and dark
/// themes) at 16 to 48 px and twice that for high-DPI screens, plus a faded
/// disabled state. Null for an unknown name.
QIcon actionIcon(const QString& name, const QColor& color);

/// The text of resources/datasets/SOURCES.md: origin and license of every
/// bundled dataset, as a Markdown table. Empty if the resource is missing, which
/// means the binary was linked without sluice_resources.
QString datasetSourcesMarkdown();

}  // namespace sluice::resources
