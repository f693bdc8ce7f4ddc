// Shared helpers for model tests: readable QCOMPARE output for model enums
// and small files written to a temporary folder.
#pragma once

#include <QTemporaryDir>
#include <QtTest>
#include <fstream>
#include <string>

#include "data/column.h"

namespace sluice {

// Found by QTest through argument-dependent lookup.
inline char* toString(ColumnKind k) {
    return qstrdup(std::string(kindName(k)).c_str());
}
inline char* toString(ColumnRole r) {
    return qstrdup(std::string(roleName(r)).c_str());
}

}  // namespace sluice

namespace sluice::testing {

// Writes `bytes` to `name` inside `dir` and returns the full path.
inline std::string writeFile(const QTemporaryDir& dir, const std::string& name,
                             const std::string& bytes) {
    const std::string path = dir.filePath(QString::fromStdString(name)).toStdString();
    std::ofstream out(path, std::ios::binary);
    out << bytes;
    return path;
}

inline bool contains(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
}

}  // namespace sluice::testing
