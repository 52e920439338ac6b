// What the worklist screen shows of a table: the rows that pass the filters (all of them, or any),
// sorted by one column, optionally grouped by owner or territory with each group's totals, and the
// totals over every row shown. Plain computation over a WorklistTable, built again on every change.
#pragma once

#include "core/result.h"
#include "worklists/worklisttable.h"

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace lakeshore::worklists {

enum class FilterOp { Contains, NotContains, Equals, NotEquals, Less, LessOrEqual, Greater, GreaterOrEqual,
                      IsEmpty, IsNotEmpty };

// One condition on a column. Number columns (integer, number, money, percent) compare numerically and
// need a number; date columns compare ISO dates and need one; text compares without regard to case.
struct Condition
{
    std::size_t column = 0;
    FilterOp op = FilterOp::Contains;
    std::string value;
};

struct ViewSpec
{
    std::vector<Condition> conditions;
    bool matchAll = true; // AND; false = OR
    std::optional<std::size_t> sortColumn;
    bool descending = false;
    std::optional<CrmField> groupBy;
    std::set<std::string> collapsed; // group keys shown folded
};

// A footer cell: a number (sums, ratios, number min/max) or a text (date min/max); neither = blank.
struct Total
{
    std::optional<double> number;
    std::string text;
};

struct Group
{
    std::string key; // the owner's or territory's name; "" = not known (not joined, not in the CRM, failed)
    std::vector<std::uint32_t> rows;
    std::vector<Total> totals; // per column
    bool collapsed = false;
};

enum class LineKind : std::uint8_t { GroupHeader, Row, GroupTotal };

struct Line
{
    LineKind kind = LineKind::Row;
    std::uint32_t index = 0; // a table row, or a group
};

struct View
{
    std::vector<Line> lines;          // what the table shows, top to bottom
    std::vector<std::uint32_t> rows;  // every row that passed the filters, in order (groups not applied)
    std::vector<Group> groups;        // empty unless grouped
    std::vector<Total> totals;        // per column, over rows
};

// Invalid naming the column for a value the column cannot compare with (a number column given "abc").
[[nodiscard]] Result<View> buildView(const WorklistTable &table, const ViewSpec &spec);

// Which operators a column offers, by its format.
[[nodiscard]] std::vector<FilterOp> operatorsFor(ColumnFormat format);
[[nodiscard]] bool isNumeric(ColumnFormat format);

} // namespace lakeshore::worklists
