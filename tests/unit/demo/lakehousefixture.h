// Shared by the demo lakehouse MCP server tests: a raw Streamable HTTP client over our HttpClient (no MCP
// client library in between, so every status and header is visible), a direct read-only SQLite read of a
// mart for comparing rows, and JSON helpers.
#pragma once

#include "http/httpclient.h"

#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <QTest>
#include <sqlite3.h>
#include <string>
#include <vector>

// QCOMPARE cannot take nlohmann::json (its conversions confuse QTest's overloads).
#ifndef JSON_COMPARE
#define JSON_COMPARE(actual, expected)                                                                       \
    do {                                                                                                     \
        const nlohmann::json actualValue_ = (actual);                                                        \
        const nlohmann::json expectedValue_ = (expected);                                                    \
        if (actualValue_ != expectedValue_)                                                                  \
            QFAIL(("JSON differs: " + actualValue_.dump() + " != " + expectedValue_.dump()).c_str());        \
    } while (false)
#endif

namespace lakehousefixture {

using Json = nlohmann::json;
using namespace std::chrono_literals;

inline const char *kLongQuery =
    "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 1000000000) "
    "SELECT count(*) FROM c";

// One HTTP exchange's outcome, waited for with a deadline.
struct Pending
{
    std::mutex mutex;
    std::condition_variable changed;
    std::optional<lakeshore::Result<lakeshore::http::Response>> value;

    bool wait(std::chrono::seconds timeout = 30s)
    {
        std::unique_lock lock(mutex);
        return changed.wait_for(lock, timeout, [&] { return value.has_value(); });
    }

    bool done()
    {
        std::lock_guard lock(mutex);
        return value.has_value();
    }
};

// A raw MCP client over Streamable HTTP: POSTs whole messages and keeps the session id.
class McpHttp
{
public:
    explicit McpHttp(std::string url, std::string token = {})
        : m_url(std::move(url)), m_token(std::move(token))
    {
    }

    // Sends one message; the callback-side state is shared, so a late answer after a failed test is harmless.
    std::shared_ptr<Pending> postAsync(const Json &message, lakeshore::http::Headers extra = {},
                                       const std::string &method = "POST")
    {
        lakeshore::http::Request request;
        request.method = method;
        request.url = m_url;
        request.headers = {{"Content-Type", "application/json"},
                           {"Accept", "application/json, text/event-stream"}};
        if (!m_session.empty())
            request.headers.emplace_back("Mcp-Session-Id", m_session);
        if (!m_version.empty())
            request.headers.emplace_back("MCP-Protocol-Version", m_version);
        if (!m_token.empty())
            request.headers.emplace_back("Authorization", "Bearer " + m_token);
        // An extra header replaces a default one of the same name (an empty value removes it).
        for (auto &header : extra) {
            std::erase_if(request.headers, [&](const auto &existing) {
                return QString::fromStdString(existing.first)
                           .compare(QString::fromStdString(header.first), Qt::CaseInsensitive) == 0;
            });
            request.headers.push_back(std::move(header));
        }
        request.body = message.is_null() ? std::string() : message.dump();
        request.maxRetries = 0;
        request.timeoutMs = 60000;
        auto pending = std::make_shared<Pending>();
        m_client->send(request, {}, [pending](lakeshore::Result<lakeshore::http::Response> result) {
            std::lock_guard lock(pending->mutex);
            pending->value = std::move(result);
            pending->changed.notify_all();
        });
        return pending;
    }

    lakeshore::http::Response post(const Json &message, lakeshore::http::Headers extra = {},
                                   const std::string &method = "POST")
    {
        auto pending = postAsync(message, std::move(extra), method);
        if (!pending->wait() || !pending->value->ok())
            return lakeshore::http::Response{}; // status 0: the test's comparison shows it
        return pending->value->value();
    }

    // initialize + notifications/initialized; returns the initialize result.
    Json initialize(const std::string &version = "2025-11-25")
    {
        const Json params = {{"protocolVersion", version},
                             {"capabilities", Json::object()},
                             {"clientInfo", {{"name", "tst"}, {"version", "1"}}}};
        auto response = post({{"jsonrpc", "2.0"}, {"id", 0}, {"method", "initialize"}, {"params", params}});
        if (response.status != 200)
            return Json();
        m_session = response.header("Mcp-Session-Id");
        m_version = version;
        (void)post({{"jsonrpc", "2.0"}, {"method", "notifications/initialized"}});
        return Json::parse(response.body)["result"];
    }

    // tools/call; returns the CallToolResult (or the whole reply when it is not a result).
    Json call(const std::string &tool, Json arguments = Json::object())
    {
        auto response = post(request(tool, std::move(arguments)));
        if (response.status != 200)
            return Json{{"httpStatus", response.status}, {"body", response.body}};
        Json reply = Json::parse(response.body);
        return reply.contains("result") ? reply["result"] : reply;
    }

    Json request(const std::string &tool, Json arguments, Json id = nullptr)
    {
        return {{"jsonrpc", "2.0"},
                {"id", id.is_null() ? Json(++m_nextId) : id},
                {"method", "tools/call"},
                {"params", {{"name", tool}, {"arguments", std::move(arguments)}}}};
    }

    void closeConnections() { m_client.reset(); }
    [[nodiscard]] const std::string &session() const { return m_session; }

private:
    std::string m_url;
    std::string m_token;
    std::string m_session;
    std::string m_version;
    int m_nextId = 0;
    std::unique_ptr<lakeshore::http::HttpClient> m_client = std::make_unique<lakeshore::http::HttpClient>();
};

inline std::string text(const Json &result)
{
    return result.contains("content") && !result["content"].empty() ? result["content"][0].value("text", "")
                                                                    : "";
}

inline bool isError(const Json &result)
{
    return result.value("isError", false);
}

// The rows of sql read straight from the mart file, in the JSON execute_sql uses.
inline Json directRows(const std::string &path, const std::string &sql)
{
    sqlite3 *db = nullptr;
    Json rows = Json::array();
    if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
        sqlite3_close(db);
        return Json("cannot open " + path);
    }
    sqlite3_stmt *statement = nullptr;
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &statement, nullptr) == SQLITE_OK) {
        while (sqlite3_step(statement) == SQLITE_ROW) {
            Json row = Json::array();
            for (int c = 0; c < sqlite3_column_count(statement); ++c) {
                switch (sqlite3_column_type(statement, c)) {
                case SQLITE_INTEGER:
                    row.push_back(sqlite3_column_int64(statement, c));
                    break;
                case SQLITE_FLOAT:
                    row.push_back(sqlite3_column_double(statement, c));
                    break;
                case SQLITE_TEXT:
                    row.push_back(
                        std::string(reinterpret_cast<const char *>(sqlite3_column_text(statement, c))));
                    break;
                default:
                    row.push_back(nullptr);
                }
            }
            rows.push_back(std::move(row));
        }
    } else {
        rows = Json(std::string("cannot prepare: ") + sqlite3_errmsg(db));
    }
    sqlite3_finalize(statement);
    sqlite3_close(db);
    return rows;
}

} // namespace lakehousefixture
