// transform.join: the rows of two tables side by side where their key
// columns agree (issue 18), as SQL joins them.
//
// - Keys: one or more columns of the left table and as many of the right
//   ("Right keys" empty: the same names). A pair compares numbers as
//   numbers and categories or text by the text shown, so categorical keys
//   whose level sets differ still meet; a number never equals a text (the
//   pair is refused, naming both columns). A row with a missing key part
//   matches nothing, as in SQL (pandas would match NaN with NaN).
// - How: inner (matching pairs), left (and unmatched left rows), right (and
//   unmatched right rows), outer (both), semi (left rows that match, once
//   each, left columns only), anti (left rows that match nothing).
// - Rows: left order, each left row's matches in right order; a right join
//   follows the right table instead; an outer join appends the unmatched
//   right rows in their order.
// - Columns: the left table's, then the right table's. A right key with
//   its left key's name is merged into it (filled from the right row where
//   there is no left row). Other names both sides have get the suffixes
//   ("_x", "_y" as in pandas); a suffixed name that still clashes is
//   refused. Values of a side with no row are missing. Roles are kept.
// - The run log says how many rows of each side matched and, when a key
//   matched several rows on both sides (many-to-many), how many rows that
//   made.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <map>
#include <optional>
#include <set>
#include <span>

#include "data/level_union.h"
#include "data/table_rows.h"
#include "nodes/column_params.h"
#include "nodes/python_context.h"
#include "nodes/transform_nodes/key_groups.h"
#include "nodes/transform_nodes/row_groups.h"
#include "nodes/transform_nodes/row_keys.h"

namespace sluice {
namespace {

constexpr std::size_t kNone = kNoRow;

// The rows of one table grouped by equal keys (KeyGroups), each group's
// rows in row order, found by another table's rows.
class KeyIndex {
public:
    KeyIndex(const RowKeys& keys, std::size_t rows) : groups_(keys, rows, false) {
        groupRowLists(groups_.groupOf, groups_.count(), rows_, offsets_);
    }

    std::size_t count() const { return groups_.count(); }
    // The group whose key equals that of `row` of `probe` (a missing part
    // matches nothing), or -1.
    std::int32_t find(const RowKeys& probe, std::size_t row) const {
        return groups_.find(probe, row);
    }
    std::span<const std::size_t> rows(std::int32_t group) const {
        const auto g = static_cast<std::size_t>(group);
        return {rows_.data() + offsets_[g], offsets_[g + 1] - offsets_[g]};
    }

private:
    KeyGroups groups_;
    std::vector<std::size_t> rows_, offsets_;
};

// A merged key: the left value, else the right one. Numbers stay numbers;
// two categorical columns give one with both level sets; else text.
Column mergeKey(const Column& left, const std::vector<std::size_t>& lrows, const Column& right,
                const std::vector<std::size_t>& rrows) {
    const std::size_t n = lrows.size();
    const auto from = [&](std::size_t i) -> std::pair<const Column*, std::size_t> {
        if (lrows[i] != kNone)
            return {&left, lrows[i]};
        return {&right, rrows[i]};
    };
    if (left.holdsDoubles()) {  // numbers or dates, as the right key (checked)
        std::vector<double> values(n);
        for (std::size_t i = 0; i < n; ++i) {
            const auto [c, row] = from(i);
            values[i] = row == kNone ? std::numeric_limits<double>::quiet_NaN() : c->doubles()[row];
        }
        return Column::ofDoubles(left.kind(), left.name(), std::move(values), left.role());
    }
    if (left.kind() == ColumnKind::Categorical && right.kind() == ColumnKind::Categorical) {
        LevelUnion levels;
        levels.add(left.levels());  // the left codes stay as they are
        const std::vector<std::int32_t> rightCode = levels.add(right.levels());
        std::vector<std::int32_t> codes(n, Column::kMissingCode);
        for (std::size_t i = 0; i < n; ++i) {
            const auto [c, row] = from(i);
            if (row == kNone || c->isMissing(row))
                continue;
            const std::int32_t k = c->codes()[row];
            codes[i] = c == &left ? k : rightCode[static_cast<std::size_t>(k)];
        }
        return Column::categorical(left.name(), std::move(codes), levels.levels(), left.role());
    }
    std::vector<std::string> values(n);
    std::vector<bool> missing(n, true);
    for (std::size_t i = 0; i < n; ++i) {
        const auto [c, row] = from(i);
        if (row != kNone && !c->isMissing(row)) {
            values[i] = c->displayValue(row);
            missing[i] = false;
        }
    }
    return Column::text(left.name(), std::move(values), std::move(missing), left.role());
}

class JoinNode : public NodeType {
public:
    JoinNode()
        : NodeType({
              .id = "transform.join",
              .displayName = "Join",
              .category = NodeCategory::Transform,
              .description = "Puts the rows of two tables side by side where their key "
                             "columns agree: inner, left, right, outer, semi or anti, as SQL "
                             "does (a missing key matches nothing).",
              .inputs = {{"left", PortType::Table, "Left", true, "The left table."},
                         {"right", PortType::Table, "Right", true, "The right table."}},
              .outputs = {{"table", PortType::Table, "Table", true, "The joined rows."}},
              .params = {columnsParam("left_keys", "Left keys",
                                      "The key columns of the left table, most "
                                      "significant first."),
                         columnsParam("right_keys", "Right keys",
                                      "The key columns of the right table, in the same "
                                      "order; empty uses the left keys' names."),
                         choiceParam("how", "Join",
                                     {"inner", "left", "right", "outer", "semi", "anti"}, "inner",
                                     "inner: matching pairs; left/right: and the unmatched "
                                     "rows of that side; outer: and both sides' unmatched "
                                     "rows; semi: left rows that match; anti: left rows "
                                     "that do not."),
                         stringParam("left_suffix", "Left suffix", "_x",
                                     "Added to a left column whose name the right table "
                                     "has too."),
                         stringParam("right_suffix", "Right suffix", "_y",
                                     "Added to a right column whose name the left table "
                                     "has too.")},
              .version = 1,
          }) {}

    PortValues run(const PortValues& inputs, const nlohmann::json& params,
                   RunContext& context) const override {
        const TablePtr left = inputTable(inputs, "left");
        const TablePtr right = inputTable(inputs, "right");
        const std::vector<std::string> leftNames = node_params::columnList(params, "left_keys");
        std::vector<std::string> rightNames = node_params::columnList(params, "right_keys");
        if (leftNames.empty())
            throw NodeError(
                "parameter 'left_keys': name at least one key column of the left "
                "table");
        if (rightNames.empty())
            rightNames = leftNames;
        if (rightNames.size() != leftNames.size())
            throw NodeError("parameter 'right_keys': " + std::to_string(rightNames.size()) +
                            " right keys for " + std::to_string(leftNames.size()) +
                            " left keys; name one right key per left key");
        const RowKeys leftKeys(*left, leftNames, "left_keys");
        const RowKeys rightKeys(*right, rightNames, "right_keys");
        for (std::size_t k = 0; k < leftNames.size(); ++k) {
            // Numbers, dates and texts (categories or text) never meet each other.
            const auto family = [](const Column* c) {
                return c->kind() == ColumnKind::Numeric    ? "numbers"
                       : c->kind() == ColumnKind::DateTime ? "dates"
                                                           : "text";
            };
            const std::string l = family(leftKeys.columns()[k]);
            const std::string r = family(rightKeys.columns()[k]);
            if (l != r)
                throw NodeError("keys '" + leftNames[k] + "' (left, " + l + ") and '" +
                                rightNames[k] + "' (right, " + r +
                                ") never match; give both the same kind");
        }
        const std::string how = params.at("how").get<std::string>();
        context.fit.throwIfCancelled();

        std::vector<std::size_t> lrows, rrows;
        lrows.reserve(std::max(left->rowCount(), right->rowCount()));
        rrows.reserve(lrows.capacity());
        std::vector<bool> rightMatched(right->rowCount(), false);
        std::size_t leftMatched = 0, manyToMany = 0;
        // How many probing rows met each indexed key: with its own count of
        // rows, what many-to-many keys made.
        std::optional<KeyIndex> index;
        std::vector<std::size_t> probes;
        if (how == "right") {
            index.emplace(leftKeys, left->rowCount());
            probes.assign(index->count(), 0);
            for (std::size_t r = 0; r < right->rowCount(); ++r) {
                const std::int32_t match = index->find(rightKeys, r);
                if (match < 0) {
                    lrows.push_back(kNone);
                    rrows.push_back(r);
                    continue;
                }
                rightMatched[r] = true;
                ++probes[static_cast<std::size_t>(match)];
                for (std::size_t l : index->rows(match)) {
                    lrows.push_back(l);
                    rrows.push_back(r);
                }
            }
            std::vector<bool> leftSeen(left->rowCount(), false);
            for (std::size_t l : lrows)
                if (l != kNone && !leftSeen[l]) {
                    leftSeen[l] = true;
                    ++leftMatched;
                }
        } else {
            index.emplace(rightKeys, right->rowCount());
            probes.assign(index->count(), 0);
            std::vector<std::size_t> kept;  // semi and anti: left rows only
            for (std::size_t l = 0; l < left->rowCount(); ++l) {
                const std::int32_t hits = index->find(leftKeys, l);
                const bool match = hits >= 0;
                leftMatched += match;
                if (how == "semi" || how == "anti") {
                    if (match == (how == "semi"))
                        kept.push_back(l);
                    continue;
                }
                if (!match) {
                    if (how == "left" || how == "outer") {
                        lrows.push_back(l);
                        rrows.push_back(kNone);
                    }
                    continue;
                }
                ++probes[static_cast<std::size_t>(hits)];
                for (std::size_t r : index->rows(hits)) {
                    rightMatched[r] = true;
                    lrows.push_back(l);
                    rrows.push_back(r);
                }
            }
            if (how == "semi" || how == "anti") {
                context.log(std::to_string(leftMatched) + " of " +
                            std::to_string(left->rowCount()) + " left rows matched; kept " +
                            std::to_string(kept.size()));
                return {{"table", takeRows(*left, kept)}};
            }
            if (how == "outer")
                for (std::size_t r = 0; r < right->rowCount(); ++r)
                    if (!rightMatched[r]) {
                        lrows.push_back(kNone);
                        rrows.push_back(r);
                    }
        }
        context.fit.throwIfCancelled();

        // Many-to-many: keys that matched several rows on both sides.
        for (std::size_t g = 0; g < probes.size(); ++g) {
            const std::size_t size = index->rows(static_cast<std::int32_t>(g)).size();
            if (probes[g] > 1 && size > 1)
                manyToMany += probes[g] * size;
        }
        const auto rightCount =
            static_cast<std::size_t>(std::count(rightMatched.begin(), rightMatched.end(), true));
        std::string line = std::to_string(leftMatched) + " of " + std::to_string(left->rowCount()) +
                           " left rows and " + std::to_string(rightCount) + " of " +
                           std::to_string(right->rowCount()) + " right rows matched; " +
                           std::to_string(lrows.size()) + " rows";
        if (manyToMany > 0)
            line += "; many-to-many keys made " + std::to_string(manyToMany) + " of them";
        context.log(line);
        return {{"table", assemble(*left, *right, leftKeys, rightKeys, lrows, rrows, params)}};
    }

    std::optional<std::string> python(const PythonContext& c) const override {
        return c.output("table") + " = join_tables(" + *c.input("left") + ", " + *c.input("right") +
               ", " + c.columnsLiteral("left_keys") + ", " + c.columnsLiteral("right_keys") + ", " +
               c.literal("how") + ", " + c.literal("left_suffix") + ", " +
               c.literal("right_suffix") + ")\n";
    }

private:
    static TablePtr assemble(const Table& left, const Table& right, const RowKeys& leftKeys,
                             const RowKeys& rightKeys, const std::vector<std::size_t>& lrows,
                             const std::vector<std::size_t>& rrows, const nlohmann::json& params) {
        // Right keys named like their left key merge into it.
        std::map<const Column*, const Column*> merged;  // left key -> right key
        std::set<const Column*> mergedRight;
        for (std::size_t k = 0; k < leftKeys.columns().size(); ++k)
            if (leftKeys.columns()[k]->name() == rightKeys.columns()[k]->name()) {
                merged[leftKeys.columns()[k]] = rightKeys.columns()[k];
                mergedRight.insert(rightKeys.columns()[k]);
            }
        std::set<std::string> leftNames, rightNames;
        for (const Column& c : left.columns())
            leftNames.insert(c.name());
        for (const Column& c : right.columns())
            if (!mergedRight.count(&c))
                rightNames.insert(c.name());
        const std::string leftSuffix = params.value("left_suffix", "_x");
        const std::string rightSuffix = params.value("right_suffix", "_y");

        std::vector<Column> out;
        std::set<std::string> taken;
        const auto add = [&](Column column) {
            if (!taken.insert(column.name()).second)
                throw NodeError("the joined table would have two columns named '" + column.name() +
                                "'; choose other suffixes");
            out.push_back(std::move(column));
        };
        for (const Column& c : left.columns()) {
            if (const auto m = merged.find(&c); m != merged.end()) {
                add(mergeKey(c, lrows, *m->second, rrows));
                continue;
            }
            add(gatherRows(c, lrows,
                           rightNames.count(c.name()) ? c.name() + leftSuffix : c.name()));
        }
        for (const Column& c : right.columns()) {
            if (mergedRight.count(&c))
                continue;
            add(gatherRows(c, rrows,
                           leftNames.count(c.name()) ? c.name() + rightSuffix : c.name()));
        }
        return Table::make(std::move(out));
    }
};

}  // namespace

std::unique_ptr<NodeType> makeJoinNode() {
    return std::make_unique<JoinNode>();
}

}  // namespace sluice
