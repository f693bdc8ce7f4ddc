// The one exception type of CSV reading and writing. Its what() is a complete
// sentence for the user: file, line and column (when known), what was found
// and what was expected.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>

namespace sluice {

class CsvError : public std::runtime_error {
public:
    // line and column are 1-based; 0 means "not about a particular place".
    CsvError(std::string file, std::size_t line, std::size_t column, std::string columnName,
             const std::string& problem);

    const std::string& file() const { return file_; }
    std::size_t line() const { return line_; }
    std::size_t column() const { return column_; }
    const std::string& columnName() const { return columnName_; }
    const std::string& problem() const { return problem_; }

private:
    std::string file_;
    std::size_t line_;
    std::size_t column_;
    std::string columnName_;
    std::string problem_;
};

}  // namespace sluice
