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

constexpr Migration kMigrations[] = {
    {1, kCreateSettingsTables},
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
