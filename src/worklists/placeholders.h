// A definition's SQL made ready to run: {{period_start}}, {{period_end}} and {{account}} replaced by
// string literals of the connection's dialect, then the whole text through the query guard.
#pragma once

#include "assistant/sqltokenizer.h"
#include "core/result.h"
#include "worklists/period.h"

#include <optional>
#include <string>
#include <string_view>

namespace lakeshore::worklists {

struct SqlValues
{
    std::optional<Period> period;
    std::optional<std::string> account; // the drill-down's account
};

// Which placeholders the SQL uses. A "{{" that does not open one of the three is reported by renderSql.
[[nodiscard]] bool usesPeriod(std::string_view sql);
[[nodiscard]] bool usesAccount(std::string_view sql);

// Invalid naming the problem: an unknown or unclosed placeholder, a value the SQL needs that is missing,
// a value that cannot be written as a literal in the dialect, or SQL the query guard refuses (its reason).
[[nodiscard]] Result<std::string> renderSql(std::string_view sql, const SqlValues &values,
                                            assistant::SqlDialect dialect);

} // namespace lakeshore::worklists
