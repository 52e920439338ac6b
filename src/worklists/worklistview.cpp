#include "worklists/worklistview.h"

#include "domain/date.h"

#include <algorithm>
#include <charconv>
#include <cctype>
#include <cmath>
#include <unordered_map>

namespace lakeshore::worklists {
namespace {

std::optional<double> parseNumber(std::string_view text)
{
    std::string cleaned;
    for (char c : text)
        if (c != ',' && c != '$' && c != '%' && c != ' ')
            cleaned += c;
    double value = 0;
    const auto *end = cleaned.data() + cleaned.size();
    const auto parsed = std::from_chars(cleaned.data(), end, value);
    if (cleaned.empty() || parsed.ec != std::errc() || parsed.ptr != end || !std::isfinite(value))
        return std::nullopt;
    return value;
}

// A condition made ready to test rows: its value parsed once.
struct Test
{
    std::size_t column;
    FilterOp op;
    bool numeric = false;
    double number = 0;
    std::string text; // folded, or an ISO date for date columns
};

template <class T> int compare(const T &a, const T &b)
{
    return a < b ? -1 : (b < a ? 1 : 0);
}

bool passes(const WorklistTable &table, std::size_t row, const Test &test)
{
    if (test.op == FilterOp::IsEmpty || test.op == FilterOp::IsNotEmpty)
        return table.isEmpty(row, test.column) == (test.op == FilterOp::IsEmpty);
    int order = 0;
    if (test.numeric) {
        const auto value = table.number(row, test.column);
        if (!value)
            return test.op == FilterOp::NotEquals;
        order = std::fabs(*value - test.number) < 0.005 ? 0 : (*value < test.number ? -1 : 1);
    } else {
        const std::string value = foldCase(table.text(row, test.column));
        if (test.op == FilterOp::Contains)
            return value.find(test.text) != std::string::npos;
        if (test.op == FilterOp::NotContains)
            return value.find(test.text) == std::string::npos;
        if (value.empty())
            return test.op == FilterOp::NotEquals; // an empty cell is neither before nor after anything
        order = compare(value, test.text);
    }
    switch (test.op) {
    case FilterOp::Equals:
        return order == 0;
    case FilterOp::NotEquals:
        return order != 0;
    case FilterOp::Less:
        return order < 0;
    case FilterOp::LessOrEqual:
        return order <= 0;
    case FilterOp::Greater:
        return order > 0;
    case FilterOp::GreaterOrEqual:
        return order >= 0;
    case FilterOp::Contains: // numbers: as text
        return table.text(row, test.column).find(test.text) != std::string::npos;
    case FilterOp::NotContains:
        return table.text(row, test.column).find(test.text) == std::string::npos;
    default:
        return false;
    }
}

Result<Test> prepare(const WorklistTable &table, const Condition &condition)
{
    if (condition.column >= table.columns().size())
        return makeError(ErrorKind::Invalid, "a filter names a column the worklist does not have");
    const auto &column = table.columns()[condition.column];
    const std::string &label = column.label.empty() ? column.name : column.label;
    Test test{condition.column, condition.op, false, 0, {}};
    if (condition.op == FilterOp::IsEmpty || condition.op == FilterOp::IsNotEmpty)
        return test;
    if (isNumeric(column.format) && column.queryColumn) {
        const auto number = parseNumber(condition.value);
        if (!number)
            return makeError(ErrorKind::Invalid, "\"" + label + "\" needs a number, not \"" +
                                                     condition.value.substr(0, 40) + "\"");
        test.numeric = true;
        test.number = *number;
        if (condition.op == FilterOp::Contains || condition.op == FilterOp::NotContains)
            test.numeric = false, test.text = condition.value;
        return test;
    }
    if (column.format == ColumnFormat::Date && condition.op != FilterOp::Contains &&
        condition.op != FilterOp::NotContains) {
        const auto date = domain::Date::parse(condition.value);
        if (!date)
            return makeError(ErrorKind::Invalid, "\"" + label + "\" needs a date like 2026-03-31, not \"" +
                                                     condition.value.substr(0, 40) + "\"");
        test.text = date->iso();
        return test;
    }
    test.text = foldCase(condition.value);
    return test;
}

// Totals of one set of rows, per column.
std::vector<Total> totalsOf(const WorklistTable &table, const std::vector<std::uint32_t> &rows)
{
    const auto &columns = table.columns();
    std::vector<Total> totals(columns.size());
    std::vector<double> sums(columns.size(), 0);
    std::vector<bool> any(columns.size(), false);
    for (std::size_t c = 0; c < columns.size(); ++c) {
        const Aggregate aggregate = columns[c].aggregate;
        const bool needed = aggregate != Aggregate::None ||
                            std::any_of(columns.begin(), columns.end(), [c](const TableColumn &other) {
                                return other.aggregate == Aggregate::Ratio &&
                                       (other.numerator == static_cast<int>(c) || other.denominator == static_cast<int>(c));
                            });
        if (!needed || aggregate == Aggregate::Ratio)
            continue;
        const bool textual = columns[c].format == ColumnFormat::Date || !isNumeric(columns[c].format);
        std::optional<double> best;
        std::string bestText;
        for (auto row : rows) {
            if (aggregate == Aggregate::Min || aggregate == Aggregate::Max) {
                if (textual) {
                    std::string value = table.text(row, c);
                    if (!value.empty() && (bestText.empty() || (aggregate == Aggregate::Min ? value < bestText : value > bestText)))
                        bestText = std::move(value);
                    continue;
                }
                const auto value = table.number(row, c);
                if (value && (!best || (aggregate == Aggregate::Min ? *value < *best : *value > *best)))
                    best = value;
                continue;
            }
            if (const auto value = table.number(row, c)) {
                sums[c] += *value;
                any[c] = true;
            }
        }
        if (aggregate == Aggregate::Sum && any[c])
            totals[c].number = sums[c];
        else if (aggregate == Aggregate::Min || aggregate == Aggregate::Max)
            totals[c] = textual ? Total{std::nullopt, bestText} : Total{best, {}};
    }
    for (std::size_t c = 0; c < columns.size(); ++c) {
        const auto &column = columns[c];
        if (column.aggregate != Aggregate::Ratio)
            continue;
        const auto n = static_cast<std::size_t>(column.numerator);
        const auto d = static_cast<std::size_t>(column.denominator);
        if (any[d] && sums[d] != 0)
            totals[c].number = sums[n] / sums[d] * (column.format == ColumnFormat::Percent ? 100.0 : 1.0);
    }
    return totals;
}

} // namespace

bool isNumeric(ColumnFormat format)
{
    return format == ColumnFormat::Integer || format == ColumnFormat::Number || format == ColumnFormat::Money ||
           format == ColumnFormat::Percent;
}

std::vector<FilterOp> operatorsFor(ColumnFormat format)
{
    if (format == ColumnFormat::Text)
        return {FilterOp::Contains, FilterOp::NotContains, FilterOp::Equals, FilterOp::NotEquals, FilterOp::IsEmpty,
                FilterOp::IsNotEmpty};
    return {FilterOp::Equals, FilterOp::NotEquals, FilterOp::Less, FilterOp::LessOrEqual, FilterOp::Greater,
            FilterOp::GreaterOrEqual, FilterOp::IsEmpty, FilterOp::IsNotEmpty};
}

Result<View> buildView(const WorklistTable &table, const ViewSpec &spec)
{
    std::vector<Test> tests;
    for (const auto &condition : spec.conditions) {
        auto test = prepare(table, condition);
        if (!test)
            return test.error();
        tests.push_back(std::move(test.value()));
    }
    if (spec.sortColumn && *spec.sortColumn >= table.columns().size())
        return makeError(ErrorKind::Invalid, "the sort names a column the worklist does not have");

    View view;
    const std::size_t count = table.rowCount();
    auto consider = [&](std::uint32_t row) {
        if (tests.empty()) {
            view.rows.push_back(row);
            return;
        }
        bool keep = spec.matchAll;
        for (const auto &test : tests) {
            const bool ok = passes(table, row, test);
            if (spec.matchAll ? !ok : ok) {
                keep = !spec.matchAll;
                break;
            }
        }
        if (keep)
            view.rows.push_back(row);
    };
    view.rows.reserve(count);
    if (spec.sortColumn) {
        for (auto row : table.order(*spec.sortColumn, spec.descending))
            consider(row);
    } else {
        for (std::size_t row = 0; row < count; ++row)
            consider(static_cast<std::uint32_t>(row));
    }
    view.totals = totalsOf(table, view.rows);

    const auto groupColumn = spec.groupBy ? table.columnOf(*spec.groupBy) : std::nullopt;
    if (!groupColumn) {
        view.lines.reserve(view.rows.size());
        for (auto row : view.rows)
            view.lines.push_back({LineKind::Row, row});
        return view;
    }
    std::unordered_map<std::string, std::size_t> groupOf;
    for (auto row : view.rows) {
        std::string key = table.text(row, *groupColumn);
        auto [at, added] = groupOf.try_emplace(key, view.groups.size());
        if (added)
            view.groups.push_back(Group{std::move(key), {}, {}, false});
        view.groups[at->second].rows.push_back(row);
    }
    std::sort(view.groups.begin(), view.groups.end(), [](const Group &a, const Group &b) {
        if (a.key.empty() != b.key.empty())
            return b.key.empty(); // "not known" last
        const std::string x = foldCase(a.key), y = foldCase(b.key);
        return x != y ? x < y : a.key < b.key;
    });
    view.lines.reserve(view.rows.size() + 2 * view.groups.size());
    for (std::size_t g = 0; g < view.groups.size(); ++g) {
        auto &group = view.groups[g];
        group.totals = totalsOf(table, group.rows);
        group.collapsed = spec.collapsed.count(group.key) > 0;
        view.lines.push_back({LineKind::GroupHeader, static_cast<std::uint32_t>(g)});
        if (!group.collapsed)
            for (auto row : group.rows)
                view.lines.push_back({LineKind::Row, row});
        view.lines.push_back({LineKind::GroupTotal, static_cast<std::uint32_t>(g)});
    }
    return view;
}

} // namespace lakeshore::worklists
