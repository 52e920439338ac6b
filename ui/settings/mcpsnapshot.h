// What Settings → Lakehouse shows of the store, read on the disk thread in one go: servers and lakehouse
// connections with their secret values already removed (names and "has one" flags remain).
#pragma once

#include "store/settingsstore.h"

#include <map>
#include <string>
#include <vector>

struct McpSnapshot
{
    std::vector<lakeshore::mcp::McpServerConfig> servers; // masked
    std::map<std::string, std::string> summaries;         // server id -> launchSummary (masked anyway)
    std::vector<lakeshore::store::UnreadableRow> unreadableServers;
    std::vector<lakeshore::mcp::LakehouseConnection> connections; // without the API key
    std::map<std::string, bool> connectionHasKey;
    std::vector<lakeshore::store::UnreadableRow> unreadableConnections;
    std::string activeConnectionId;
    std::string problem; // the store could not be read at all
};

// store may be null (it could not be opened): the snapshot then says so in problem.
[[nodiscard]] McpSnapshot readSnapshot(lakeshore::store::SettingsStore *store);
// Env and header values emptied, the bearer token "*" when there is one.
[[nodiscard]] lakeshore::mcp::McpServerConfig maskedServer(lakeshore::mcp::McpServerConfig config);
