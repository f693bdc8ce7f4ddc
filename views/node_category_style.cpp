#include "views/node_category_style.h"

namespace sluice {

QColor categoryColor(NodeCategory category) {
    // Mid-tone hues that keep contrast against both a light and a dark window.
    switch (category) {
        case NodeCategory::Data:
            return QColor(0x3b, 0x82, 0xc4);  // blue
        case NodeCategory::Transform:
            return QColor(0x8e, 0x5c, 0xc2);  // violet
        case NodeCategory::Train:
            return QColor(0xd9, 0x7b, 0x29);  // orange
        case NodeCategory::Evaluate:
            return QColor(0x3d, 0xa0, 0x5a);  // green
        case NodeCategory::Visualize:
            return QColor(0x1f, 0xa2, 0xa8);  // teal
        case NodeCategory::Output:
            return QColor(0x8a, 0x8f, 0x98);  // grey
    }
    return QColor(Qt::gray);
}

QString categoryTitle(NodeCategory category) {
    const std::string_view name = categoryName(category);
    return QString::fromUtf8(name.data(), static_cast<qsizetype>(name.size()));
}

}  // namespace sluice
