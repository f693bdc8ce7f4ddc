// Hands Table columns to Eigen.
//
// Contract:
// - numericMatrix(table, columns) gives a rows x columns matrix of the named
//   numeric columns. When they sit side by side, in order, in one shared
//   column-major block (as the CSV reader lays them out), the result maps that
//   memory directly: no copy, and the view keeps the block alive. Otherwise
//   the values are gathered into an owned matrix. isZeroCopy() says which.
//   A non-numeric column throws std::invalid_argument naming it.
// - codeVector(column): a categorical column's codes (-1 = missing).
// - oneHot(column): one 0/1 column per level, in level order; a missing
//   value is a row of zeros. designMatrix() concatenates numeric columns and
//   one-hot (or code) encodings of categorical ones, with a name per output
//   column ("color=red").
#pragma once

#include <Eigen/Core>
#include <memory>
#include <string>
#include <vector>

#include "data/table.h"

namespace sluice {

class NumericMatrixView {
public:
    using ConstMap = Eigen::Map<const Eigen::MatrixXd>;

    NumericMatrixView(std::shared_ptr<const NumericBlock> block, const double* data,
                      Eigen::Index rows, Eigen::Index cols);
    explicit NumericMatrixView(Eigen::MatrixXd owned);

    // The matrix; valid while this view lives.
    ConstMap matrix() const { return ConstMap(data_, rows_, cols_); }
    bool isZeroCopy() const { return block_ != nullptr; }
    Eigen::Index rows() const { return rows_; }
    Eigen::Index cols() const { return cols_; }

private:
    std::shared_ptr<const NumericBlock> block_;
    Eigen::MatrixXd owned_;
    const double* data_ = nullptr;
    Eigen::Index rows_ = 0;
    Eigen::Index cols_ = 0;
};

NumericMatrixView numericMatrix(const Table& table, const std::vector<std::string>& columns);

Eigen::VectorXi codeVector(const Column& column);
Eigen::MatrixXd oneHot(const Column& column);

enum class CategoricalEncoding { OneHot, Codes };

struct DesignMatrix {
    Eigen::MatrixXd values;
    std::vector<std::string> names;
};

// Numeric columns pass through; categorical ones are encoded; text columns
// throw std::invalid_argument (they need an explicit transform first).
DesignMatrix designMatrix(const Table& table, const std::vector<std::string>& columns,
                          CategoricalEncoding encoding = CategoricalEncoding::OneHot);

}  // namespace sluice
