// The pages OutputPreview shows for a trained Model output (what the model
// is: type, task, target and its classes, features, how training ended; and
// where the model reports them, its feature importances or coefficients as
// a sorted bar chart) and for an unfitted Learner (its hyperparameters).
#pragma once

#include "nodes/port_value.h"

class QWidget;

namespace sluice {

// objectNames: "modelSummary" (the text), "importanceBars" (when the
// model has importances or coefficients).
QWidget* makeModelPage(const ModelValue& model, QWidget* parent);

// The page for an unfitted Learner output: its type and hyperparameters
// (objectName "learnerParams"), as cross-validation will fit it.
QWidget* makeLearnerPage(const LearnerValue& learner, QWidget* parent);

}  // namespace sluice
