// std::string (model/) to QString (views/, app/), in one place: the model
// layer's text is UTF-8.
#pragma once

#include <QString>
#include <string>

namespace sluice {

inline QString qstr(const std::string& s) {
    return QString::fromStdString(s);
}

}  // namespace sluice
