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

// Outbound Delta Sharing: shares (tables chosen per share), recipients with their grants and optional
// IP allow-list, bearer tokens stored only as SHA-256 hashes, and an audit row per share-server request.
// Times are epoch milliseconds. A tenant names whose CRM tables a share publishes.
constexpr const char *kCreateSharingTables = R"sql(
CREATE TABLE share (
    id         TEXT PRIMARY KEY NOT NULL,
    tenant     TEXT NOT NULL,
    name       TEXT NOT NULL COLLATE NOCASE,
    comment    TEXT NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL,
    UNIQUE (tenant, name)
);
CREATE TABLE share_table (
    share_id    TEXT NOT NULL REFERENCES share (id) ON DELETE CASCADE,
    schema_name TEXT NOT NULL COLLATE NOCASE,
    table_name  TEXT NOT NULL COLLATE NOCASE,
    entity      TEXT NOT NULL,
    PRIMARY KEY (share_id, schema_name, table_name)
);
CREATE TABLE recipient (
    id            TEXT PRIMARY KEY NOT NULL,
    tenant        TEXT NOT NULL,
    name          TEXT NOT NULL COLLATE NOCASE,
    comment       TEXT NOT NULL DEFAULT '',
    ip_allow_list TEXT NOT NULL DEFAULT '[]',
    created_at    INTEGER NOT NULL,
    UNIQUE (tenant, name)
);
CREATE TABLE recipient_share (
    recipient_id TEXT NOT NULL REFERENCES recipient (id) ON DELETE CASCADE,
    share_id     TEXT NOT NULL REFERENCES share (id) ON DELETE CASCADE,
    PRIMARY KEY (recipient_id, share_id)
);
CREATE TABLE recipient_token (
    id           TEXT PRIMARY KEY NOT NULL,
    recipient_id TEXT NOT NULL REFERENCES recipient (id) ON DELETE CASCADE,
    token_hash   BLOB NOT NULL UNIQUE,
    created_at   INTEGER NOT NULL,
    expires_at   INTEGER NOT NULL,
    revoked_at   INTEGER
);
CREATE INDEX recipient_token_recipient ON recipient_token (recipient_id);
CREATE TABLE audit_event (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    at             INTEGER NOT NULL,
    tenant         TEXT NOT NULL DEFAULT '',
    recipient_id   TEXT NOT NULL DEFAULT '',
    recipient_name TEXT NOT NULL DEFAULT '',
    remote_address TEXT NOT NULL DEFAULT '',
    method         TEXT NOT NULL DEFAULT '',
    endpoint       TEXT NOT NULL DEFAULT '',
    share          TEXT NOT NULL DEFAULT '',
    schema_name    TEXT NOT NULL DEFAULT '',
    table_name     TEXT NOT NULL DEFAULT '',
    version        INTEGER,
    files          INTEGER NOT NULL DEFAULT 0,
    bytes          INTEGER NOT NULL DEFAULT 0,
    status         INTEGER NOT NULL,
    user_agent     TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_event_at ON audit_event (at);
)sql";

// Worklist definitions (worklists/definition.h); never their rows. visibility and default_period hold
// their names and are checked when read, like auth_kind; columns and detail_columns hold column hints as
// JSON. Two definitions may have the same name (case ignored) only when both are private and belong to
// different users, so the list one user sees never shows a name twice: UNIQUE (owner, name) backs the
// per-owner half, the store checks the rest. connection_id is no foreign key: removing a lakehouse
// connection must not be blocked by the definitions that name it (they report it missing when run).
// Times are ISO 8601 UTC.
constexpr const char *kCreateWorklistTables = R"sql(
CREATE TABLE worklist_definition (
    id             TEXT PRIMARY KEY NOT NULL,
    name           TEXT NOT NULL COLLATE NOCASE,
    description    TEXT NOT NULL DEFAULT '',
    owner          TEXT NOT NULL,
    visibility     TEXT NOT NULL,
    connection_id  TEXT NOT NULL DEFAULT '',
    sql            TEXT NOT NULL,
    account_column TEXT NOT NULL,
    columns        TEXT NOT NULL DEFAULT '[]',
    detail_sql     TEXT NOT NULL DEFAULT '',
    detail_columns TEXT NOT NULL DEFAULT '[]',
    default_period TEXT NOT NULL,
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    UNIQUE (owner, name)
);
CREATE INDEX worklist_definition_visibility ON worklist_definition (visibility, name);
)sql";

constexpr Migration kMigrations[] = {
    {1, kCreateSettingsTables},
    {2, kCreateMcpTables},
    {3, kCreateSharingTables},
    {4, kCreateWorklistTables},
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
