// What the settings store returns for MCP servers and lakehouse connections: the rows it could read,
// and, beside them, each row it could not (bad JSON, an unknown transport, a secret that does not
// decrypt) with an error naming the field, so one damaged row neither hides the others nor crashes.
#pragma once

#include "mcp/lakehouseconfig.h"
#include "mcp/serverconfig.h"
#include "store/unreadablerow.h"

#include <vector>

namespace lakeshore::store {

struct McpServerList
{
    std::vector<mcp::McpServerConfig> servers; // by name, without regard to case
    std::vector<UnreadableRow> unreadable;
};

struct LakehouseConnectionList
{
    std::vector<mcp::LakehouseConnection> connections; // by name, without regard to case
    std::vector<UnreadableRow> unreadable;
};

// The lakehouse connection the assistant uses, with its MCP server (secrets included).
struct ChosenLakehouse
{
    mcp::LakehouseConnection connection;
    mcp::McpServerConfig server;

    bool operator==(const ChosenLakehouse &) const = default;
};

// The preference that holds the id of the lakehouse connection in use (absent: the demo lakehouse).
inline constexpr const char *kActiveLakehousePreference = "lakehouse.active";

} // namespace lakeshore::store
