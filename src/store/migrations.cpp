#include "store/migrations.h"

namespace lakeshore::store {

namespace {

// auth_kind holds http::authKindName() and is checked when read rather than by a CHECK constraint, so a
// new kind needs no migration. secret holds an AES-256-GCM blob sealed with aad "connection:<service>".
constexpr const char *kCreateSettingsTables = R"sql(
CREATE TABLE connection (
    service    TEXT PRIMARY KEY NOT NULL,
    base_url   TEXT NOT NULL,
    auth_kind  TEXT NOT NULL,
    username   TEXT NOT NULL DEFAULT '',
    client_id  TEXT NOT NULL DEFAULT '',
    token_url  TEXT NOT NULL DEFAULT '',
    scope      TEXT NOT NULL DEFAULT '',
    timeout_ms INTEGER NOT NULL,
    secret     BLOB
);
CREATE TABLE preference (
    key   TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
);
)sql";

// MCP servers and lakehouse connections. transport, route and dialect are checked when read, like
// auth_kind. env and headers are sealed JSON objects, bearer_token and llm_api_key sealed text, each with
// aad "mcp-server:<id>:<column>" or "lakehouse-connection:<id>:llm_api_key"; NULL when empty.
constexpr const char *kCreateMcpTables = R"sql(
CREATE TABLE mcp_server (
    id           TEXT PRIMARY KEY NOT NULL,
    name         TEXT NOT NULL COLLATE NOCASE UNIQUE,
    transport    TEXT NOT NULL,
    command      TEXT NOT NULL DEFAULT '',
    args         TEXT NOT NULL DEFAULT '[]',
    cwd          TEXT NOT NULL DEFAULT '',
    url          TEXT NOT NULL DEFAULT '',
    timeout_ms   INTEGER NOT NULL,
    enabled      INTEGER NOT NULL DEFAULT 1,
    env          BLOB,
    headers      BLOB,
    bearer_token BLOB
);
CREATE TABLE lakehouse_connection (
    id           TEXT PRIMARY KEY NOT NULL,
    name         TEXT NOT NULL COLLATE NOCASE UNIQUE,
    server_id    TEXT NOT NULL REFERENCES mcp_server (id),
    route        TEXT NOT NULL,
    sql_tool     TEXT NOT NULL DEFAULT '',
    sql_argument TEXT NOT NULL DEFAULT '',
    dialect      TEXT NOT NULL,
    meta         TEXT NOT NULL DEFAULT '{}',
    max_rows     INTEGER NOT NULL,
    llm_base_url TEXT NOT NULL DEFAULT '',
    llm_model    TEXT NOT NULL DEFAULT '',
    llm_api_key  BLOB
);
CREATE INDEX lakehouse_connection_server ON lakehouse_connection (server_id);
)sql";

constexpr Migration kMigrations[] = {
    {1, kCreateSettingsTables},
    {2, kCreateMcpTables},
};

} // namespace

std::span<const Migration> migrations()
{
    return kMigrations;
}

int latestSchemaVersion()
{
    return kMigrations[std::size(kMigrations) - 1].version;
}

} // namespace lakeshore::store
