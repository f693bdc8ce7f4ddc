// The few facts about the terminal sluice-run needs, per platform.
#pragma once

#include <cstdio>

namespace sluice::runner {

// Whether `stream` (stdout or stderr) is an interactive terminal.
bool isTerminal(std::FILE* stream);
// Columns of the terminal on stderr; $COLUMNS or 80 when unknown.
int terminalWidth();

}  // namespace sluice::runner
