// SettingsStore's MCP server rows: McpServerConfig to and from the mcp_server table. The env and header
// maps and the bearer token are sealed under the store's key, each bound to its row and column.
#include "crypto/aesgcm.h"
#include "store/rowsupport.h"
#include "store/settingsstore.h"
#include "store/sqlite.h"

#include <nlohmann/json.hpp>

namespace lakeshore::store {

namespace {

constexpr const char *kColumns =
    "id, name, transport, command, args, cwd, url, timeout_ms, enabled, env, headers, bearer_token";

std::string secretLabel(const std::string &id, const char *column)
{
    return "mcp-server:" + id + ":" + column;
}

Error badField(const std::string &name, const std::string &field, const std::string &why)
{
    return makeError(ErrorKind::Invalid,
                     "stored MCP server " + quotedForMessage(name) + ": " + field + " " + why);
}

Result<std::vector<std::string>> readArgs(const std::string &name, const std::string &text)
{
    const auto args = nlohmann::json::parse(text, nullptr, false);
    if (!args.is_array())
        return badField(name, "args", "is not a JSON array");
    std::vector<std::string> out;
    for (const auto &arg : args) {
        if (!arg.is_string())
            return badField(name, "args", "holds a value that is not a string");
        out.push_back(arg.get<std::string>());
    }
    return out;
}

// The row the statement stands on (columns as in kColumns), or why it cannot be read.
Result<mcp::McpServerConfig> readRow(const sqlite::Statement &row, const std::array<std::uint8_t, 32> &key)
{
    mcp::McpServerConfig config;
    config.id = row.columnText(0);
    config.name = row.columnText(1);
    const std::string &name = config.name;
    const std::string transport = row.columnText(2);
    if (!mcp::parseServerTransport(transport, config.transport))
        return badField(name, "transport",
                        quotedForMessage(transport) + " is not a transport this version knows");
    config.command = row.columnText(3);
    auto args = readArgs(name, row.columnText(4));
    if (!args)
        return args.error();
    config.args = std::move(args).value();
    config.cwd = row.columnText(5);
    config.url = row.columnText(6);
    if (row.columnType(7) != sqlite::ColumnType::Integer)
        return badField(name, "timeout_ms", "is not a whole number");
    const std::int64_t timeoutMs = row.columnInt(7);
    if (timeoutMs < mcp::kMinServerTimeoutMs || timeoutMs > mcp::kMaxServerTimeoutMs)
        return badField(name, "timeout_ms", std::to_string(timeoutMs) + " is outside the accepted range");
    config.timeoutMs = static_cast<int>(timeoutMs);
    if (row.columnType(8) != sqlite::ColumnType::Integer || (row.columnInt(8) != 0 && row.columnInt(8) != 1))
        return badField(name, "enabled", "is not 0 or 1");
    config.enabled = row.columnInt(8) == 1;

    const struct
    {
        int column;
        const char *field;
        std::map<std::string, std::string> *map;
    } maps[] = {{9, "env", &config.env}, {10, "headers", &config.headers}};
    for (const auto &entry : maps) {
        const sqlite::ColumnType type = row.columnType(entry.column);
        if (type == sqlite::ColumnType::Null)
            continue;
        if (type != sqlite::ColumnType::Blob)
            return badField(name, entry.field, "is not an encrypted value");
        auto opened =
            openMap(key, row.columnBlob(entry.column), secretLabel(config.id, entry.field), entry.field);
        if (!opened)
            return makeError(opened.error().kind,
                             "stored MCP server " + quotedForMessage(name) + ": " + opened.error().message);
        *entry.map = std::move(opened).value();
    }
    switch (row.columnType(11)) {
    case sqlite::ColumnType::Null:
        break;
    case sqlite::ColumnType::Blob: {
        auto token = crypto::openAesGcm(key, row.columnBlob(11), secretLabel(config.id, "bearer_token"));
        if (!token)
            return makeError(ErrorKind::Storage,
                             "stored MCP server " + quotedForMessage(name) +
                                 ": bearer_token cannot be decrypted with this key file (the "
                                 "key file was replaced, or the database was altered); enter "
                                 "it again");
        config.bearerToken = std::move(token).value();
        break;
    }
    default:
        return badField(name, "bearer_token", "is not an encrypted value");
    }
    if (auto valid = mcp::validateServerConfig(config); !valid)
        return makeError(ErrorKind::Invalid, "stored " + valid.error().message);
    return config;
}

} // namespace

Result<McpServerList> SettingsStore::mcpServers()
{
    auto statement = m_db->prepare(std::string("SELECT ") + kColumns +
                                   " FROM mcp_server ORDER BY name COLLATE NOCASE, id");
    if (!statement)
        return statement.error();
    McpServerList list;
    auto read = readAllRows(
        statement.value(), [&](sqlite::Statement &row) { return readRow(row, m_key); }, list.servers,
        list.unreadable);
    if (!read)
        return read.error();
    return list;
}

Result<std::optional<mcp::McpServerConfig>> SettingsStore::mcpServer(std::string_view id)
{
    return readRowById<mcp::McpServerConfig>(
        *m_db, std::string("SELECT ") + kColumns + " FROM mcp_server WHERE id = ?1", id,
        [this](sqlite::Statement &statement) { return readRow(statement, m_key); });
}

Result<std::string> SettingsStore::saveMcpServer(const mcp::McpServerConfig &config)
{
    if (auto valid = mcp::validateServerConfig(config); !valid)
        return valid.error();
    std::string id = config.id;
    Status saved = inTransaction(*m_db, [&]() -> Status {
        if (id.empty()) {
            auto fresh = newRowId();
            if (!fresh)
                return fresh.error();
            id = fresh.value();
        } else {
            auto existing = m_db->prepare("SELECT 1 FROM mcp_server WHERE id = ?1");
            if (!existing)
                return existing.error();
            if (auto bound = existing.value().bindText(1, id); !bound)
                return bound;
            auto found = existing.value().step();
            if (!found)
                return found.error();
            if (!found.value())
                return makeError(ErrorKind::NotFound, "MCP server " + quotedForMessage(config.name) +
                                                          " is no longer stored (it was removed)");
        }
        auto clash = m_db->prepare("SELECT 1 FROM mcp_server WHERE name = ?1 COLLATE NOCASE AND id <> ?2");
        if (!clash)
            return clash.error();
        Status bound = clash.value().bindText(1, config.name);
        if (bound)
            bound = clash.value().bindText(2, id);
        if (!bound)
            return bound;
        auto taken = clash.value().step();
        if (!taken)
            return taken.error();
        if (taken.value())
            return makeError(ErrorKind::Invalid,
                             "an MCP server named " + quotedForMessage(config.name) + " exists already");

        auto statement = m_db->prepare(
            std::string("INSERT INTO mcp_server (") + kColumns +
            ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12) ON CONFLICT (id) DO UPDATE SET "
            "name = excluded.name, transport = excluded.transport, command = excluded.command, args = "
            "excluded.args, cwd = excluded.cwd, url = excluded.url, timeout_ms = excluded.timeout_ms, "
            "enabled = "
            "excluded.enabled, env = excluded.env, headers = excluded.headers, bearer_token = "
            "excluded.bearer_token");
        if (!statement)
            return statement.error();
        sqlite::Statement &row = statement.value();
        bound = row.bindText(1, id);
        if (bound)
            bound = row.bindText(2, config.name);
        if (bound)
            bound = row.bindText(3, mcp::serverTransportName(config.transport));
        if (bound)
            bound = row.bindText(4, config.command);
        if (bound)
            bound = row.bindText(5, nlohmann::json(config.args).dump());
        if (bound)
            bound = row.bindText(6, config.cwd);
        if (bound)
            bound = row.bindText(7, config.url);
        if (bound)
            bound = row.bindInt(8, config.timeoutMs);
        if (bound)
            bound = row.bindInt(9, config.enabled ? 1 : 0);
        const std::pair<int, const std::map<std::string, std::string> *> maps[] = {{10, &config.env},
                                                                                   {11, &config.headers}};
        for (const auto &[index, map] : maps) {
            if (!bound)
                break;
            auto sealed = sealMap(m_key, *map, secretLabel(id, index == 10 ? "env" : "headers"));
            if (!sealed)
                return sealed.error();
            bound = sealed.value() ? row.bindBlob(index, *sealed.value()) : row.bindNull(index);
        }
        if (bound)
            bound = bindSecret(row, 12, m_key, config.bearerToken, secretLabel(id, "bearer_token"));
        if (!bound)
            return bound;
        auto done = row.step();
        if (!done)
            return done.error();
        return okStatus();
    });
    if (!saved)
        return saved.error();
    return id;
}

Status SettingsStore::removeMcpServer(std::string_view id)
{
    return inTransaction(*m_db, [&]() -> Status {
        auto users = m_db->prepare(
            "SELECT name FROM lakehouse_connection WHERE server_id = ?1 ORDER BY name COLLATE NOCASE");
        if (!users)
            return users.error();
        if (auto bound = users.value().bindText(1, id); !bound)
            return bound;
        std::string names;
        for (;;) {
            auto more = users.value().step();
            if (!more)
                return more.error();
            if (!more.value())
                break;
            names += (names.empty() ? "" : ", ") + quotedForMessage(users.value().columnText(0));
        }
        if (!names.empty())
            return makeError(ErrorKind::Invalid,
                             "the MCP server is used by lakehouse connection " + names +
                                 "; remove that connection or point it at another server first");
        auto statement = m_db->prepare("DELETE FROM mcp_server WHERE id = ?1");
        if (!statement)
            return statement.error();
        if (auto bound = statement.value().bindText(1, id); !bound)
            return bound;
        auto done = statement.value().step();
        if (!done)
            return done.error();
        return okStatus();
    });
}

} // namespace lakeshore::store
