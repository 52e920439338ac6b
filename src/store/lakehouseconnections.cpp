// SettingsStore's lakehouse connection rows and the active connection preference. The LLM API key is
// sealed under the store's key and bound to its row.
#include "crypto/aesgcm.h"
#include "store/rowsupport.h"
#include "store/settingsstore.h"
#include "store/sqlite.h"

namespace lakeshore::store {

namespace {

constexpr const char *kColumns =
    "id, name, server_id, route, sql_tool, sql_argument, dialect, meta, max_rows, "
    "llm_base_url, llm_model, llm_api_key";

std::string secretLabel(const std::string &id)
{
    return "lakehouse-connection:" + id + ":llm_api_key";
}

Error badField(const std::string &name, const std::string &field, const std::string &why)
{
    return makeError(ErrorKind::Invalid,
                     "stored lakehouse connection " + quotedForMessage(name) + ": " + field + " " + why);
}

Result<mcp::LakehouseConnection> readRow(const sqlite::Statement &row,
                                         const std::array<std::uint8_t, 32> &key)
{
    mcp::LakehouseConnection connection;
    connection.id = row.columnText(0);
    connection.name = row.columnText(1);
    const std::string &name = connection.name;
    connection.serverId = row.columnText(2);
    const std::string route = row.columnText(3);
    if (!mcp::parseRoute(route, connection.route))
        return badField(name, "route", quotedForMessage(route) + " is not a route this version knows");
    connection.sqlTool = row.columnText(4);
    connection.sqlArgument = row.columnText(5);
    const std::string dialect = row.columnText(6);
    if (!mcp::parseDialect(dialect, connection.dialect))
        return badField(name, "dialect", quotedForMessage(dialect) + " is not a dialect this version knows");
    connection.meta = row.columnText(7);
    if (auto meta = mcp::parseMeta(connection.meta); !meta)
        return badField(name, "meta", "is not usable: " + meta.error().message);
    if (row.columnType(8) != sqlite::ColumnType::Integer)
        return badField(name, "max_rows", "is not a whole number");
    const std::int64_t maxRows = row.columnInt(8);
    if (maxRows < 1 || maxRows > mcp::kMaxLakehouseRows)
        return badField(name, "max_rows", std::to_string(maxRows) + " is outside the accepted range");
    connection.maxRows = static_cast<int>(maxRows);
    connection.llm.baseUrl = row.columnText(9);
    connection.llm.model = row.columnText(10);
    switch (row.columnType(11)) {
    case sqlite::ColumnType::Null:
        break;
    case sqlite::ColumnType::Blob: {
        auto apiKey = crypto::openAesGcm(key, row.columnBlob(11), secretLabel(connection.id));
        if (!apiKey)
            return makeError(ErrorKind::Storage,
                             "stored lakehouse connection " + quotedForMessage(name) +
                                 ": llm_api_key cannot be decrypted with this key file (the "
                                 "key file was replaced, or the database was altered); enter "
                                 "it again");
        connection.llm.apiKey = std::move(apiKey).value();
        break;
    }
    default:
        return badField(name, "llm_api_key", "is not an encrypted value");
    }
    if (auto valid = mcp::validateLakehouseConnection(connection); !valid)
        return makeError(ErrorKind::Invalid, "stored " + valid.error().message);
    return connection;
}

// Whether a row with this id exists in table (a constant of this file).
Result<bool> exists(sqlite::Database &db, const char *sql, std::string_view id)
{
    auto statement = db.prepare(sql);
    if (!statement)
        return statement.error();
    if (auto bound = statement.value().bindText(1, id); !bound)
        return bound.error();
    return statement.value().step();
}

} // namespace

Result<LakehouseConnectionList> SettingsStore::lakehouseConnections()
{
    auto statement = m_db->prepare(std::string("SELECT ") + kColumns +
                                   " FROM lakehouse_connection ORDER BY name COLLATE NOCASE, id");
    if (!statement)
        return statement.error();
    LakehouseConnectionList list;
    auto read = readAllRows(
        statement.value(), [&](sqlite::Statement &row) { return readRow(row, m_key); }, list.connections,
        list.unreadable);
    if (!read)
        return read.error();
    return list;
}

Result<std::optional<mcp::LakehouseConnection>> SettingsStore::lakehouseConnection(std::string_view id)
{
    return readRowById<mcp::LakehouseConnection>(
        *m_db, std::string("SELECT ") + kColumns + " FROM lakehouse_connection WHERE id = ?1", id,
        [this](sqlite::Statement &statement) { return readRow(statement, m_key); });
}

Result<std::string> SettingsStore::saveLakehouseConnection(const mcp::LakehouseConnection &connection)
{
    if (auto valid = mcp::validateLakehouseConnection(connection); !valid)
        return valid.error();
    std::string id = connection.id;
    Status saved = inTransaction(*m_db, [&]() -> Status {
        auto server = exists(*m_db, "SELECT 1 FROM mcp_server WHERE id = ?1", connection.serverId);
        if (!server)
            return server.error();
        if (!server.value())
            return makeError(ErrorKind::NotFound,
                             "lakehouse connection " + quotedForMessage(connection.name) +
                                 ": its MCP server is no longer stored (it was removed)");
        if (id.empty()) {
            auto fresh = newRowId();
            if (!fresh)
                return fresh.error();
            id = fresh.value();
        } else {
            auto found = exists(*m_db, "SELECT 1 FROM lakehouse_connection WHERE id = ?1", id);
            if (!found)
                return found.error();
            if (!found.value())
                return makeError(ErrorKind::NotFound, "lakehouse connection " +
                                                          quotedForMessage(connection.name) +
                                                          " is no longer stored (it was removed)");
        }
        auto clash =
            m_db->prepare("SELECT 1 FROM lakehouse_connection WHERE name = ?1 COLLATE NOCASE AND id <> ?2");
        if (!clash)
            return clash.error();
        Status bound = clash.value().bindText(1, connection.name);
        if (bound)
            bound = clash.value().bindText(2, id);
        if (!bound)
            return bound;
        auto taken = clash.value().step();
        if (!taken)
            return taken.error();
        if (taken.value())
            return makeError(ErrorKind::Invalid, "a lakehouse connection named " +
                                                     quotedForMessage(connection.name) + " exists already");

        auto statement = m_db->prepare(
            std::string("INSERT INTO lakehouse_connection (") + kColumns +
            ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12) ON CONFLICT (id) DO UPDATE SET "
            "name = excluded.name, server_id = excluded.server_id, route = excluded.route, sql_tool = "
            "excluded.sql_tool, sql_argument = excluded.sql_argument, dialect = excluded.dialect, meta = "
            "excluded.meta, max_rows = excluded.max_rows, llm_base_url = excluded.llm_base_url, llm_model = "
            "excluded.llm_model, llm_api_key = excluded.llm_api_key");
        if (!statement)
            return statement.error();
        sqlite::Statement &row = statement.value();
        const std::string texts[] = {id,
                                     connection.name,
                                     connection.serverId,
                                     mcp::routeName(connection.route),
                                     connection.sqlTool,
                                     connection.sqlArgument,
                                     mcp::dialectName(connection.dialect),
                                     connection.meta.empty() ? std::string("{}") : connection.meta};
        for (int i = 0; i < 8 && bound; ++i)
            bound = row.bindText(i + 1, texts[i]);
        if (bound)
            bound = row.bindInt(9, connection.maxRows);
        if (bound)
            bound = row.bindText(10, connection.llm.baseUrl);
        if (bound)
            bound = row.bindText(11, connection.llm.model);
        if (bound)
            bound = bindSecret(row, 12, m_key, connection.llm.apiKey, secretLabel(id));
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

Status SettingsStore::removeLakehouseConnection(std::string_view id)
{
    return inTransaction(*m_db, [&]() -> Status {
        auto statement = m_db->prepare("DELETE FROM lakehouse_connection WHERE id = ?1");
        if (!statement)
            return statement.error();
        if (auto bound = statement.value().bindText(1, id); !bound)
            return bound;
        if (auto done = statement.value().step(); !done)
            return done.error();
        // The active connection is gone: back to the demo lakehouse.
        auto clear = m_db->prepare("DELETE FROM preference WHERE key = ?1 AND value = ?2");
        if (!clear)
            return clear.error();
        Status bound = clear.value().bindText(1, kActiveLakehousePreference);
        if (bound)
            bound = clear.value().bindText(2, id);
        if (!bound)
            return bound;
        if (auto done = clear.value().step(); !done)
            return done.error();
        return okStatus();
    });
}

Result<std::string> SettingsStore::activeLakehouseConnectionId()
{
    auto stored = value(kActiveLakehousePreference);
    if (!stored)
        return stored.error();
    return stored.value().value_or(std::string());
}

Status SettingsStore::setActiveLakehouseConnectionId(std::string_view id)
{
    if (id.empty()) {
        auto statement = m_db->prepare("DELETE FROM preference WHERE key = ?1");
        if (!statement)
            return statement.error();
        if (auto bound = statement.value().bindText(1, kActiveLakehousePreference); !bound)
            return bound;
        auto done = statement.value().step();
        if (!done)
            return done.error();
        return okStatus();
    }
    return inTransaction(*m_db, [&]() -> Status {
        auto found = exists(*m_db, "SELECT 1 FROM lakehouse_connection WHERE id = ?1", id);
        if (!found)
            return found.error();
        if (!found.value())
            return makeError(ErrorKind::NotFound,
                             "no lakehouse connection has the id " + quotedForMessage(id));
        return setValue(kActiveLakehousePreference, id);
    });
}

Result<std::optional<ChosenLakehouse>> SettingsStore::chosenLakehouse()
{
    auto id = activeLakehouseConnectionId();
    if (!id)
        return id.error();
    if (id.value().empty())
        return std::optional<ChosenLakehouse>();
    return readLakehouse(id.value(), "the chosen lakehouse connection");
}

Result<std::optional<ChosenLakehouse>> SettingsStore::lakehouseWithServer(std::string_view id)
{
    return readLakehouse(id, "the lakehouse connection");
}

Result<std::optional<ChosenLakehouse>> SettingsStore::readLakehouse(std::string_view id, const char *what)
{
    auto connection = lakehouseConnection(id);
    if (!connection)
        return makeError(connection.error().kind,
                         std::string(what) + " cannot be read: " + connection.error().message);
    if (!connection.value())
        return std::optional<ChosenLakehouse>(); // removed meanwhile (for the chosen one, the preference goes with it)
    ChosenLakehouse chosen;
    chosen.connection = std::move(*connection.value());
    auto server = mcpServer(chosen.connection.serverId);
    if (!server)
        return makeError(server.error().kind, "the MCP server of the lakehouse connection " +
                                                  quotedForMessage(chosen.connection.name) +
                                                  " cannot be read: " + server.error().message);
    if (!server.value())
        return makeError(ErrorKind::NotFound, "the MCP server of the lakehouse connection " +
                                                  quotedForMessage(chosen.connection.name) +
                                                  " is not stored any more");
    chosen.server = std::move(*server.value());
    return std::optional<ChosenLakehouse>(std::move(chosen));
}

} // namespace lakeshore::store
