#include "io/csv_error.h"

namespace sluice {
namespace {

std::string describe(const std::string& file, std::size_t line, std::size_t column,
                     const std::string& columnName, const std::string& problem) {
    std::string where = file;
    if (line > 0)
        where += ", line " + std::to_string(line);
    if (column > 0) {
        where += ", column " + std::to_string(column);
        if (!columnName.empty())
            where += " ('" + columnName + "')";
    }
    return where + ": " + problem;
}

}  // namespace

CsvError::CsvError(std::string file, std::size_t line, std::size_t column, std::string columnName,
                   const std::string& problem)
    : std::runtime_error(describe(file, line, column, columnName, problem)),
      file_(std::move(file)),
      line_(line),
      column_(column),
      columnName_(std::move(columnName)),
      problem_(problem) {}

}  // namespace sluice
