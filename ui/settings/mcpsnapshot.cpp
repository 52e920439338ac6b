#include "mcpsnapshot.h"

using namespace lakeshore;

mcp::McpServerConfig maskedServer(mcp::McpServerConfig config)
{
    for (auto &entry : config.env)
        entry.second.clear();
    for (auto &entry : config.headers)
        entry.second.clear();
    if (!config.bearerToken.empty())
        config.bearerToken = "*";
    return config;
}

McpSnapshot readSnapshot(store::SettingsStore *store)
{
    McpSnapshot snapshot;
    if (!store) {
        snapshot.problem = "the settings store is not open";
        return snapshot;
    }
    auto servers = store->mcpServers();
    auto connections = store->lakehouseConnections();
    auto active = store->activeLakehouseConnectionId();
    if (!servers)
        snapshot.problem = servers.error().message;
    else if (!connections)
        snapshot.problem = connections.error().message;
    else if (!active)
        snapshot.problem = active.error().message;
    if (!snapshot.problem.empty())
        return snapshot;
    for (auto &server : servers.value().servers) {
        snapshot.summaries[server.id] = mcp::launchSummary(server);
        snapshot.servers.push_back(maskedServer(std::move(server)));
    }
    snapshot.unreadableServers = std::move(servers.value().unreadable);
    for (auto &connection : connections.value().connections) {
        snapshot.connectionHasKey[connection.id] = !connection.llm.apiKey.empty();
        connection.llm.apiKey.clear();
        snapshot.connections.push_back(std::move(connection));
    }
    snapshot.unreadableConnections = std::move(connections.value().unreadable);
    snapshot.activeConnectionId = active.value();
    return snapshot;
}
