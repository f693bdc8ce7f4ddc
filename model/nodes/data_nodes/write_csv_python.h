// The Python statements that write a table as CSV: data.write_csv's
// translation, shared by output.write_predictions (same ports, same
// parameters). Defined in write_csv_node.cpp.
#pragma once

#include <string>

#include "nodes/python_context.h"

namespace sluice {

std::string writeCsvPython(const PythonContext& context);

}  // namespace sluice
