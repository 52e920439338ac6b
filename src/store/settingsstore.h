// The store module: Lakeshore's local settings in one SQLite file in the user's data folder —
// connections, preferences, MCP servers, lakehouse connections, worklist definitions, and the sharing
// registry and its audit records. Never ERP, CRM or lakehouse records: those are read live and stay in
// memory.
//
// Secrets (tokens, passwords, client secrets) are sealed with AES-256-GCM under a key kept in a
// separate file: exactly 32 random bytes, mode 0600 (keyfile.h). A database or key file that is
// damaged, foreign, from a newer Lakeshore or not accessible is refused with ErrorKind::Storage and
// left as it is; a key file is never replaced, since that would orphan every saved secret.
//
// Every call does disk I/O and may wait up to a few seconds for a lock held by lakeshore-server: call
// it from a WorkQueue, never from the GUI thread. One SettingsStore is for one thread at a time; the
// GUI and the server each open their own over the same files.
#pragma once

#include "core/result.h"
#include "sources/connectionsettings.h"
#include "store/mcpsettings.h"
#include "store/paths.h"
#include "store/worklistsettings.h"

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace lakeshore::store {

namespace sqlite {
class Database;
}

// The range a connection timeout must fall in, when saved and when read back.
inline constexpr int kMinTimeoutMs = 1000;
inline constexpr int kMaxTimeoutMs = 300000;

class SettingsStore
{
public:
    // Creates missing folders (0700), the database (0600) and the key file (0600) as needed, then
    // migrates the database to the latest schema. A zero-length database file counts as new.
    [[nodiscard]] static Result<std::unique_ptr<SettingsStore>> open(const std::string &databasePath,
                                                                     const std::string &keyPath);
    ~SettingsStore();
    SettingsStore(const SettingsStore &) = delete;
    SettingsStore &operator=(const SettingsStore &) = delete;

    // nullopt when the service has no saved connection. A stored row this build cannot accept (unknown
    // auth kind, timeout out of range, a secret that does not decrypt) is an error naming the field.
    [[nodiscard]] Result<std::optional<sources::ConnectionSettings>> connection(sources::Service service);
    // Insert or replace; an empty secret is stored as NULL. Invalid when the timeout is out of range.
    Status saveConnection(const sources::ConnectionSettings &settings);
    Status removeConnection(sources::Service service);

    // App preferences as text. Keys are 1..256 bytes.
    [[nodiscard]] Result<std::optional<std::string>> value(std::string_view key);
    Status setValue(std::string_view key, std::string_view value);

    // MCP servers (mcpservers.cpp). Secrets (env and header values, bearer token) are sealed per row.
    [[nodiscard]] Result<McpServerList> mcpServers();
    [[nodiscard]] Result<std::optional<mcp::McpServerConfig>> mcpServer(std::string_view id);
    // Validates, then inserts (a new id when config.id is empty) or replaces the row with config.id
    // (NotFound when it was removed). Invalid when another server has the name (case ignored). The id.
    [[nodiscard]] Result<std::string> saveMcpServer(const mcp::McpServerConfig &config);
    // Invalid, naming them, while lakehouse connections use the server.
    Status removeMcpServer(std::string_view id);

    // Lakehouse connections (lakehouseconnections.cpp); the LLM API key is sealed per row.
    [[nodiscard]] Result<LakehouseConnectionList> lakehouseConnections();
    [[nodiscard]] Result<std::optional<mcp::LakehouseConnection>> lakehouseConnection(std::string_view id);
    // As saveMcpServer; NotFound when its server is not stored.
    [[nodiscard]] Result<std::string> saveLakehouseConnection(const mcp::LakehouseConnection &connection);
    // Also clears the active connection when it was this one.
    Status removeLakehouseConnection(std::string_view id);
    // The connection the assistant uses; empty = none chosen (the demo lakehouse).
    [[nodiscard]] Result<std::string> activeLakehouseConnectionId();
    // NotFound for an id that is not stored; empty clears.
    Status setActiveLakehouseConnectionId(std::string_view id);
    // The active connection and its server in one read; nullopt when none is chosen. An error when either
    // cannot be read (a damaged row, a secret that does not decrypt), naming the connection.
    [[nodiscard]] Result<std::optional<ChosenLakehouse>> chosenLakehouse();
    // Any stored connection with its server, read the same way (a worklist saved on another connection).
    [[nodiscard]] Result<std::optional<ChosenLakehouse>> lakehouseWithServer(std::string_view id);

    // Worklist definitions (worklistdefinitions.cpp), for user (the OS login name). A user sees the shared
    // definitions and their own private ones; another user's private definition reads as absent. Two
    // definitions may have the same name (case ignored) only when both are private and belong to
    // different users, so no user sees a name twice. Built-in definitions ("builtin:...") are not stored.
    [[nodiscard]] Result<WorklistDefinitionList> worklistDefinitions(std::string_view user);
    [[nodiscard]] Result<std::optional<worklists::Definition>> worklistDefinition(std::string_view id,
                                                                                 std::string_view user);
    // Validates, then inserts (a new id, owner = user, when definition.id is empty) or replaces the row
    // with definition.id (NotFound when it was removed or is another user's private one). Invalid when
    // another user owns it (only the owner may change a shared definition), for a built-in id, or when
    // the name is taken. The owner and created_at of a stored row are kept; the store sets
    // created_at/updated_at (ISO 8601 UTC). The id.
    [[nodiscard]] Result<std::string> saveWorklistDefinition(const worklists::Definition &definition,
                                                             std::string_view user);
    // Only its owner may remove it: Invalid for another user's shared definition, NotFound when absent.
    Status removeWorklistDefinition(std::string_view id, std::string_view user);

    // A 32-byte key for one purpose ("delta sharing url signing"), derived with HKDF-SHA256 from the
    // store's secret key, which itself never leaves the store.
    [[nodiscard]] Result<std::array<std::uint8_t, 32>> derivedKey(std::string_view purpose) const;

    [[nodiscard]] int schemaVersion() const { return m_schemaVersion; }
    [[nodiscard]] const std::string &path() const { return m_path; }

private:
    // A connection and its server; `what` names it in errors ("the chosen lakehouse connection").
    [[nodiscard]] Result<std::optional<ChosenLakehouse>> readLakehouse(std::string_view id, const char *what);

    friend class SharingStore; // sharingstore.cpp: the sharing tables in the same database

    SettingsStore(std::unique_ptr<sqlite::Database> db, std::string path, std::string keyPath,
                  const std::array<std::uint8_t, 32> &key, int schemaVersion);

    std::unique_ptr<sqlite::Database> m_db;
    std::string m_path;
    std::string m_keyPath;
    std::array<std::uint8_t, 32> m_key;
    int m_schemaVersion;
};

} // namespace lakeshore::store
