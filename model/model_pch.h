// Precompiled header of sluice_model (CMake: target_precompile_headers).
// Parsing Eigen and nlohmann-json took about 1.5 s of every model source's
// 3-5 s compile; compiling them once per build saves minutes on two cores.
// Only headers that most model sources include belong here: anything in
// this list is visible to every model source, so a source must still
// include what it uses (the PCH is an optimisation, never a dependency).
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <functional>
#include <limits>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <Eigen/Core>
#include <nlohmann/json.hpp>
