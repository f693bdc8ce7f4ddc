// The helpers every exported Python script starts with: a Table (a pandas
// data frame plus Sluice's column roles), Sluice's random generator
// (std::mt19937_64 with its bounded-integer and shuffle algorithms) so that
// splits and folds select the same rows as in Sluice, one fit/apply class
// per learning transform, prediction and the score functions of the
// Evaluate nodes, and report(), which prints one score as a JSON line.
//
// Contract: the text is plain Python 3 needing numpy, pandas and
// scikit-learn (tested with Debian 12's 1.24 / 1.5 / 1.2). The generated
// steps (NodeType::python, nodes/python_context.h) call only the names defined here, plus the
// scikit-learn estimators they import themselves.
#pragma once

#include <string>

namespace sluice::python_export {

std::string preludeText();

}  // namespace sluice::python_export
