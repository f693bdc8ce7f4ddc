#include "nodes/results.h"

#include <cstdio>

namespace sluice {

std::string Results::summary() const {
    std::string out;
    for (const auto& [name, value] : metrics) {
        char buf[64];
        std::snprintf(buf, sizeof buf, "%.4g", value);
        out += (out.empty() ? "" : ", ") + name + " " + buf;
    }
    if (out.empty() && table)
        out = std::to_string(table->rowCount()) + " rows";
    return out.empty() ? kind : out;
}

}  // namespace sluice
