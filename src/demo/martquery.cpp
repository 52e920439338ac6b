#include "demo/martquery.h"

#include "assistant/queryguard.h"
#include "demo/martconnection.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <set>
#include <sqlite3.h>

namespace lakeshore::demo {
namespace {

using Json = nlohmann::json;
using Clock = std::chrono::steady_clock;

constexpr int kInstructionsPerCheck = 1000;
constexpr auto kProgressInterval = std::chrono::milliseconds(500);

// Watches a running statement from sqlite3_progress_handler: the time limit, the cancel flag, and
// progress notifications for a client that asked for them.
struct Watch
{
    const mcp::ToolContext *context = nullptr;
    Clock::time_point started;
    Clock::time_point deadline;
    Clock::time_point nextReport;
    std::size_t rows = 0;
    int reports = 0;
    bool timedOut = false;
    bool cancelled = false;

    static int check(void *self)
    {
        auto &watch = *static_cast<Watch *>(self);
        if (watch.context->cancel.cancelled()) {
            watch.cancelled = true;
            return 1; // interrupts the statement
        }
        const auto now = Clock::now();
        if (now >= watch.deadline) {
            watch.timedOut = true;
            return 1;
        }
        if (watch.context->wantsProgress() && now >= watch.nextReport) {
            watch.nextReport = now + kProgressInterval;
            char message[96];
            std::snprintf(message, sizeof message, "query running for %.1f s, %zu rows so far",
                          std::chrono::duration<double>(now - watch.started).count(), watch.rows);
            watch.context->progress(++watch.reports, std::nullopt, message);
        }
        return 0;
    }
};

std::string upper(std::string text)
{
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    return text;
}

// SQLite's own affinity rules, applied to a declared type; empty when the values must decide.
std::string typeFromDeclaration(const char *declared)
{
    const std::string type = upper(declared ? declared : "");
    if (type.empty())
        return {};
    if (type.find("INT") != std::string::npos)
        return "integer";
    if (type.find("CHAR") != std::string::npos || type.find("CLOB") != std::string::npos ||
        type.find("TEXT") != std::string::npos)
        return "text";
    if (type.find("BLOB") != std::string::npos)
        return "blob";
    if (type.find("REAL") != std::string::npos || type.find("FLOA") != std::string::npos ||
        type.find("DOUB") != std::string::npos)
        return "real";
    return {}; // NUMERIC affinity: integer or real, as stored
}

// A column's type from the values seen, with the declared type as the tie-breaker.
std::string columnType(const std::set<std::string> &seen, const std::string &declared)
{
    if (seen.empty())
        return declared.empty() ? "null" : declared;
    if (seen == std::set<std::string>{"integer"})
        return declared == "real" ? "real" : "integer";
    if (std::all_of(seen.begin(), seen.end(),
                    [](const std::string &t) { return t == "integer" || t == "real"; }))
        return "real";
    if (seen.size() == 1)
        return *seen.begin();
    return seen.count(declared) ? declared : "text"; // mixed storage classes: each value keeps its own
}

std::string hex(const void *data, int size)
{
    static const char digits[] = "0123456789abcdef";
    std::string out;
    const auto *bytes = static_cast<const unsigned char *>(data);
    for (int i = 0; i < size; ++i) {
        out += digits[bytes[i] >> 4];
        out += digits[bytes[i] & 15];
    }
    return out;
}

Json value(sqlite3_stmt *statement, int column, std::set<std::string> &seen, std::size_t &bytes)
{
    switch (sqlite3_column_type(statement, column)) {
    case SQLITE_INTEGER:
        seen.insert("integer");
        bytes += 12;
        return sqlite3_column_int64(statement, column);
    case SQLITE_FLOAT: {
        seen.insert("real");
        bytes += 16;
        const double number = sqlite3_column_double(statement, column);
        return std::isfinite(number) ? Json(number) : Json(); // JSON has no infinity
    }
    case SQLITE_TEXT: {
        seen.insert("text");
        const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(statement, column));
        const int size = sqlite3_column_bytes(statement, column);
        bytes += static_cast<std::size_t>(size) + 4;
        return std::string(text ? text : "", static_cast<std::size_t>(size));
    }
    case SQLITE_BLOB: {
        seen.insert("blob");
        const int size = sqlite3_column_bytes(statement, column);
        bytes += static_cast<std::size_t>(size) * 2 + 4;
        return hex(sqlite3_column_blob(statement, column), size); // blobs travel as lower-case hex
    }
    default:
        bytes += 5;
        return nullptr;
    }
}

struct Statement
{
    sqlite3_stmt *handle = nullptr;
    ~Statement() { sqlite3_finalize(handle); }
};

Error stopped(const Watch &watch, const QueryLimits &limits, sqlite3 *db)
{
    if (watch.cancelled)
        return makeError(ErrorKind::Cancelled, "the query was cancelled");
    if (watch.timedOut)
        return makeError(ErrorKind::Timeout, "the query ran past the time limit of " +
                                                 std::to_string(limits.timeLimitMs) + " ms and was stopped");
    return makeError(ErrorKind::Service, std::string("SQLite: ") + sqlite3_errmsg(db));
}

} // namespace

Result<nlohmann::json> runMartQuery(const std::string &martPath, std::string_view sql,
                                    const QueryLimits &limits, const mcp::ToolContext &context)
{
    const auto started = Clock::now();
    const auto verdict = assistant::checkReadOnlySelect(sql, assistant::SqlDialect::SQLite);
    if (!verdict.admitted)
        return makeError(ErrorKind::Invalid, "the query guard refused the SQL: " + verdict.reason);

    auto connection = MartConnection::open(martPath, MartConnection::Trust::Untrusted);
    if (!connection)
        return connection.error();
    sqlite3 *db = connection.value().handle();
    Watch watch;
    watch.context = &context;
    watch.started = started;
    watch.deadline = limits.timeLimitMs > 0 ? started + std::chrono::milliseconds(limits.timeLimitMs)
                                            : Clock::time_point::max();
    watch.nextReport = started + kProgressInterval;
    sqlite3_progress_handler(db, kInstructionsPerCheck, &Watch::check, &watch);

    Statement statement;
    const char *tail = nullptr;
    if (sqlite3_prepare_v3(db, sql.data(), static_cast<int>(sql.size()), 0, &statement.handle, &tail) !=
        SQLITE_OK)
        return stopped(watch, limits, db);
    if (!statement.handle)
        return makeError(ErrorKind::Invalid, "there is no statement in the SQL");
    // Behind the guard: exactly one statement, and one that cannot write.
    Statement rest;
    const auto consumed = static_cast<std::size_t>(tail - sql.data());
    if (consumed < sql.size() && (sqlite3_prepare_v3(db, tail, static_cast<int>(sql.size() - consumed), 0,
                                                     &rest.handle, nullptr) != SQLITE_OK ||
                                  rest.handle))
        return makeError(ErrorKind::Invalid, "only one SQL statement may be run at a time");
    if (!sqlite3_stmt_readonly(statement.handle))
        return makeError(ErrorKind::Invalid, "only statements that read are allowed");

    const int columnCount = sqlite3_column_count(statement.handle);
    std::vector<std::set<std::string>> seen(static_cast<std::size_t>(columnCount));
    Json rows = Json::array();
    std::size_t bytes = 0;
    bool truncated = false;
    const std::size_t maxRows = static_cast<std::size_t>(std::max(0, limits.maxRows));
    for (;;) {
        const int rc = sqlite3_step(statement.handle);
        if (rc == SQLITE_DONE)
            break;
        if (rc != SQLITE_ROW)
            return stopped(watch, limits, db);
        if (rows.size() >= maxRows || bytes > limits.maxResultBytes) {
            truncated = true; // a row beyond the cap exists
            break;
        }
        Json row = Json::array();
        for (int c = 0; c < columnCount; ++c)
            row.push_back(value(statement.handle, c, seen[static_cast<std::size_t>(c)], bytes));
        rows.push_back(std::move(row));
        watch.rows = rows.size();
    }

    Json columns = Json::array();
    for (int c = 0; c < columnCount; ++c) {
        const char *name = sqlite3_column_name(statement.handle, c);
        columns.push_back(
            {{"name", name ? name : ""},
             {"type", columnType(seen[static_cast<std::size_t>(c)],
                                 typeFromDeclaration(sqlite3_column_decltype(statement.handle, c)))}});
    }
    const auto rowCount = rows.size();
    return Json{
        {"columns", std::move(columns)},
        {"rows", std::move(rows)},
        {"rowCount", rowCount},
        {"truncated", truncated},
        {"elapsedMs",
         std::round(std::chrono::duration<double, std::milli>(Clock::now() - started).count() * 10) / 10}};
}

nlohmann::json martQueryOutputSchema()
{
    return Json::parse(R"({
        "type": "object",
        "properties": {
            "columns": {"type": "array", "items": {"type": "object", "properties": {
                "name": {"type": "string"},
                "type": {"type": "string", "enum": ["integer", "real", "text", "blob", "null"]}},
                "required": ["name", "type"]}},
            "rows": {"type": "array", "items": {"type": "array"}},
            "rowCount": {"type": "integer", "minimum": 0},
            "truncated": {"type": "boolean"},
            "elapsedMs": {"type": "number", "minimum": 0}
        },
        "required": ["columns", "rows", "rowCount", "truncated", "elapsedMs"]
    })");
}

} // namespace lakeshore::demo
