// A worklist definition: a saved, guarded lakehouse query whose rows are accounts, the column that holds
// each row's account (an account number or a CRM account id), how to show its columns, and an optional
// drill-down query per account. Definitions are what the settings store keeps; the rows never are.
#pragma once

#include "core/result.h"

#include <string>
#include <string_view>
#include <vector>

namespace lakeshore::worklists {

enum class Visibility { Private, Shared };

// How a column's values are shown and exported.
enum class ColumnFormat { Text, Integer, Number, Money, Percent, Date };

// What a column's footer shows for a group of rows: nothing, the sum, the smallest or largest value,
// or a ratio of two other columns' sums (numerator / denominator, × 100 for Percent columns).
enum class Aggregate { None, Sum, Min, Max, Ratio };

struct ColumnHint
{
    std::string column; // as the query names it; matched without regard to case
    std::string label;  // empty = the column's name
    ColumnFormat format = ColumnFormat::Text;
    Aggregate aggregate = Aggregate::None;
    std::string numerator;   // Ratio only: columns of this query
    std::string denominator; // Ratio only
    bool hidden = false;

    bool operator==(const ColumnHint &) const = default;
};

// The period a definition's SQL is asked about, written into {{period_start}} and {{period_end}}.
enum class PeriodKind { None, Last90Days, Last12Months, Custom };

// The ids of the definitions shipped with Lakeshore start with this; they are never stored.
inline constexpr std::string_view kBuiltInIdPrefix = "builtin:";

struct Definition
{
    std::string id;          // empty until stored; "builtin:..." for the ones shipped with Lakeshore
    std::string name;        // 1..120 characters, shown in the list
    std::string description; // optional, up to 2,000 characters
    std::string owner;       // who saved it (the OS login name); empty for built-in definitions
    Visibility visibility = Visibility::Private;
    // A saved lakehouse connection; empty = the one chosen in Settings (or the demo).
    std::string connectionId;
    std::string sql;                 // one SELECT, placeholders allowed (see placeholders.h)
    std::string accountColumn;       // column holding account numbers or CRM account ids
    std::vector<ColumnHint> columns; // columns without a hint are shown as they come
    std::string detailSql;           // per-account drill-down with {{account}}; empty = none
    std::vector<ColumnHint> detailColumns;
    PeriodKind defaultPeriod = PeriodKind::None; // None: the SQL takes no period
    std::string createdAt; // ISO 8601 UTC, set by the store
    std::string updatedAt;

    [[nodiscard]] bool builtIn() const { return id.starts_with(kBuiltInIdPrefix); }
    bool operator==(const Definition &) const = default;
};

inline constexpr std::size_t kMaxNameChars = 120;
inline constexpr std::size_t kMaxDescriptionChars = 2000;
inline constexpr std::size_t kMaxColumnHints = 200;

// Everything about a definition that does not need a lakehouse: a name, SQL within the guard's size
// limit, an account column, hints that name columns once and ratios that name two other columns.
// Invalid with a message naming the field. (The SQL itself is guarded when it runs and when it is saved
// from the GUI, with the connection's dialect.)
[[nodiscard]] Status validate(const Definition &definition);

[[nodiscard]] const char *visibilityName(Visibility visibility); // "private", "shared"
[[nodiscard]] const char *formatName(ColumnFormat format);       // "text", "integer", "number", "money", ...
[[nodiscard]] const char *aggregateName(Aggregate aggregate);    // "none", "sum", "min", "max", "ratio"
// "none", "last-90-days", "last-12-months", "custom"
[[nodiscard]] const char *periodName(PeriodKind period);
[[nodiscard]] Result<Visibility> parseVisibility(std::string_view text);
[[nodiscard]] Result<ColumnFormat> parseFormat(std::string_view text);
[[nodiscard]] Result<Aggregate> parseAggregate(std::string_view text);
[[nodiscard]] Result<PeriodKind> parsePeriod(std::string_view text);

// Column hints as JSON text (an array of objects) and back; reading refuses anything it does not know,
// naming the entry and field.
[[nodiscard]] std::string hintsToJson(const std::vector<ColumnHint> &hints);
[[nodiscard]] Result<std::vector<ColumnHint>> hintsFromJson(std::string_view json);

} // namespace lakeshore::worklists
