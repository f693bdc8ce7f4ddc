// Ctrl-C and SIGTERM for a blocking run: the signal handler only counts
// signals in a lock-free atomic; the main thread polls interruptCount() and
// does the work (cancel the engine on the first, quit at once on the second).
#pragma once

namespace sluice::runner {

// Installs the handler for SIGINT and SIGTERM (both count the same).
void installInterruptHandlers();
// Signals received since installation.
int interruptCount();

}  // namespace sluice::runner
