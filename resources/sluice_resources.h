#pragma once

// Access to the files compiled into the binary by resources/CMakeLists.txt, so
// the resource paths are spelled in one place only.

class QIcon;
class QString;

namespace sluice::resources {

/// The application icon (resources/icons/sluice.svg). Scalable; it renders only
/// when Qt's SVG icon engine plugin is deployed, otherwise the icon is null.
QIcon appIcon();

/// The text of resources/datasets/SOURCES.md: origin and license of every
/// bundled dataset, as a Markdown table. Empty if the resource is missing, which
/// means the binary was linked without sluice_resources.
QString datasetSourcesMarkdown();

}  // namespace sluice::resources
