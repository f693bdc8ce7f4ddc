// Exceptions of model/ml.
//
// - MisuseError: the caller did something the learner cannot do (predict
//   before fit, wrong column count, NaN in the input, one class only). The
//   message says what went wrong and what to do about it.
// - FitCancelled: the FitContext's cancellation flag was seen between
//   iterations; no partial model is returned. It is a sluice::Cancelled, as
//   is what a parallel loop throws when the engine cancels a run.
// Numeric trouble (no convergence, a singular matrix) is not an exception:
// the fitted model's FitStatus reports it with statistics.
#pragma once

#include <stdexcept>
#include <string>

#include "util/cancellation.h"

namespace sluice::ml {

class MisuseError : public std::invalid_argument {
public:
    using std::invalid_argument::invalid_argument;
};

class FitCancelled : public Cancelled {
public:
    FitCancelled() : Cancelled("training was cancelled") {}
};

}  // namespace sluice::ml
