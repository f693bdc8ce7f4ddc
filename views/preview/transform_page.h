// The page OutputPreview shows for a fitted Transform output, where there is
// more to see than its description (e.g. PCA's explained variance).
#pragma once

#include "nodes/port_value.h"

class QWidget;

namespace sluice {

// Null when the transform has no page of its own (the preview then shows
// its one-line description).
QWidget* makeTransformPage(const TransformValue& transform, QWidget* parent);

}  // namespace sluice
