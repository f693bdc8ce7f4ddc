// SLUICE_ONE_PIECE: keeps a function's code in one piece under GCC 12.
//
// GCC 12 (-O2, Debian 12) splits some functions into hot and cold parts
// whose unwind information is wrong: an exception thrown through such a
// function ended in abort() inside libgcc instead of reaching its handler
// (seen in the Python translations of the learnt-transform nodes, which
// throw for an unconnected input). Marking the function
// no-reorder-blocks-and-partition avoids the split; other compilers need
// nothing. tests/export/test_python_export.cpp exports every node type
// without its inputs and would abort again.
#pragma once

#if defined(__GNUC__) && !defined(__clang__)
#define SLUICE_ONE_PIECE __attribute__((optimize("no-reorder-blocks-and-partition")))
#else
#define SLUICE_ONE_PIECE
#endif
