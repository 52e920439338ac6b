// A saved lakehouse connection and its MCP server turned into the Assistant's setup: the route, the SQL
// tool and dialect, the per-call _meta and row cap, the server's timeouts, and the chat model for the
// LLM route. The semantic route's model is the caller's to add (it ships as a resource).
#pragma once

#include "assistant/assistant.h"
#include "core/result.h"
#include "mcp/lakehouseconfig.h"
#include "mcp/serverconfig.h"

namespace lakeshore::assistant {

// ErrorKind::Invalid naming the connection and what is wrong: a connection or server that does not
// validate, a server that is not the connection's, or a server that is turned off.
[[nodiscard]] Result<LakehouseSetup> setupForConnection(const mcp::LakehouseConnection &connection,
                                                        const mcp::McpServerConfig &server);

[[nodiscard]] Route assistantRoute(mcp::LakehouseRoute route);
[[nodiscard]] SqlDialect assistantDialect(mcp::LakehouseDialect dialect);

} // namespace lakeshore::assistant
