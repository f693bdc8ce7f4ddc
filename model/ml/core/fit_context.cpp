#include "ml/core/fit_context.h"

#include "util/parallel_for.h"

namespace sluice::ml {

unsigned FitContext::threadCount() const {
    return threads ? threads : defaultThreadCount();
}

}  // namespace sluice::ml
