// Runs one client SELECT on a mart file for execute_sql: the query guard first (SQLite dialect), then a
// read-only connection with a row cap, a result-size cap and a time limit (sqlite3_progress_handler, which
// also stops the query when the call is cancelled and sends progress while it runs). The result is the
// structured JSON execute_sql returns: columns with types, rows, rowCount, truncated, elapsedMs.
#pragma once

#include "core/result.h"
#include "mcp/server.h"

#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace lakeshore::demo {

struct QueryLimits
{
    int maxRows = 10000;
    int timeLimitMs = 30000;
    std::size_t maxResultBytes = 32u << 20; // a rough measure of the JSON; past it the rows are cut off
};

// Errors: Invalid (the guard refused; the message is its reason), Service (SQLite refused or failed),
// Timeout, Cancelled, Storage (the mart cannot be opened).
[[nodiscard]] Result<nlohmann::json> runMartQuery(const std::string &martPath, std::string_view sql,
                                                  const QueryLimits &limits, const mcp::ToolContext &context);

// The JSON Schema of runMartQuery's result, for the tool's outputSchema.
[[nodiscard]] nlohmann::json martQueryOutputSchema();

} // namespace lakeshore::demo
