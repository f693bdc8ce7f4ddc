#include "data/eigen_view.h"

#include <limits>
#include <stdexcept>

namespace sluice {

NumericMatrixView::NumericMatrixView(std::shared_ptr<const NumericBlock> block, const double* data,
                                     Eigen::Index rows, Eigen::Index cols)
    : block_(std::move(block)), data_(data), rows_(rows), cols_(cols) {}

NumericMatrixView::NumericMatrixView(Eigen::MatrixXd owned)
    : owned_(std::move(owned)), data_(owned_.data()), rows_(owned_.rows()), cols_(owned_.cols()) {}

namespace {

const Column& requireNumeric(const Table& table, const std::string& name) {
    const Column& c = table.column(name);
    if (c.kind() != ColumnKind::Numeric)
        throw std::invalid_argument("column '" + name + "' is " + std::string(kindName(c.kind())) +
                                    "; a numeric matrix needs numeric columns (encode it first)");
    return c;
}

// True when the columns are consecutive, in order, in one shared block.
bool contiguousInOneBlock(const std::vector<const Column*>& cols) {
    if (cols.empty() || !cols.front()->block())
        return false;
    const NumericBlock* block = cols.front()->block();
    for (std::size_t i = 0; i < cols.size(); ++i) {
        if (cols[i]->block() != block || cols[i]->blockIndex() != cols.front()->blockIndex() + i)
            return false;
    }
    return true;
}

}  // namespace

NumericMatrixView numericMatrix(const Table& table, const std::vector<std::string>& columns) {
    std::vector<const Column*> cols;
    cols.reserve(columns.size());
    for (const auto& name : columns)
        cols.push_back(&requireNumeric(table, name));

    const auto rows = static_cast<Eigen::Index>(table.rowCount());
    if (contiguousInOneBlock(cols)) {
        const Column& first = *cols.front();
        return NumericMatrixView(first.sharedBlock(), first.numbers().data(), rows,
                                 static_cast<Eigen::Index>(cols.size()));
    }
    Eigen::MatrixXd m(rows, static_cast<Eigen::Index>(cols.size()));
    for (std::size_t j = 0; j < cols.size(); ++j) {
        const auto values = cols[j]->numbers();
        m.col(static_cast<Eigen::Index>(j)) =
            Eigen::Map<const Eigen::VectorXd>(values.data(), rows);
    }
    return NumericMatrixView(std::move(m));
}

Eigen::VectorXi codeVector(const Column& column) {
    const auto codes = column.codes();  // throws on the wrong kind
    return Eigen::Map<const Eigen::VectorXi>(codes.data(), static_cast<Eigen::Index>(codes.size()));
}

Eigen::MatrixXd oneHot(const Column& column) {
    const auto codes = column.codes();
    Eigen::MatrixXd m = Eigen::MatrixXd::Zero(static_cast<Eigen::Index>(codes.size()),
                                              static_cast<Eigen::Index>(column.levels().size()));
    for (std::size_t row = 0; row < codes.size(); ++row)
        if (codes[row] != Column::kMissingCode)
            m(static_cast<Eigen::Index>(row), codes[row]) = 1.0;
    return m;
}

DesignMatrix designMatrix(const Table& table, const std::vector<std::string>& columns,
                          CategoricalEncoding encoding) {
    std::vector<const Column*> cols;
    Eigen::Index width = 0;
    for (const auto& name : columns) {
        const Column& c = table.column(name);
        if (c.kind() == ColumnKind::Text)
            throw std::invalid_argument("column '" + name +
                                        "' is text; it cannot enter a numeric design matrix");
        const bool expand =
            c.kind() == ColumnKind::Categorical && encoding == CategoricalEncoding::OneHot;
        width += expand ? static_cast<Eigen::Index>(c.levels().size()) : 1;
        cols.push_back(&c);
    }
    DesignMatrix out;
    out.values.resize(static_cast<Eigen::Index>(table.rowCount()), width);
    Eigen::Index at = 0;
    for (const Column* c : cols) {
        if (c->kind() == ColumnKind::Numeric) {
            out.values.col(at++) =
                Eigen::Map<const Eigen::VectorXd>(c->numbers().data(), out.values.rows());
            out.names.push_back(c->name());
        } else if (encoding == CategoricalEncoding::Codes) {
            // Missing codes (-1) become NaN so they cannot pass for a level.
            out.values.col(at++) = codeVector(*c).cast<double>().unaryExpr(
                [](double v) { return v < 0 ? std::numeric_limits<double>::quiet_NaN() : v; });
            out.names.push_back(c->name());
        } else {
            const Eigen::MatrixXd hot = oneHot(*c);
            out.values.middleCols(at, hot.cols()) = hot;
            at += hot.cols();
            for (const auto& level : c->levels())
                out.names.push_back(c->name() + "=" + level);
        }
    }
    return out;
}

}  // namespace sluice
