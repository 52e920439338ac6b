// The demo lakehouse MCP server: three read-only tools over a mart file (list_tables, describe_table,
// execute_sql), standing in for a warehouse's SQL MCP server. The mart may still be being built when
// calls arrive: they wait for it (with progress) instead of failing. Serve toolServer() with
// mcp::StdioServer or mcp::HttpEndpoint.
#pragma once

#include "core/result.h"
#include "mcp/server.h"

#include <cstddef>
#include <functional>
#include <memory>
#include <string>

namespace lakeshore::demo {

struct LakehouseOptions
{
    int maxRows = 10000;     // execute_sql's row cap; max_rows may ask for fewer, never more
    int timeLimitMs = 30000; // per execute_sql
    int latencyMs = 0;       // added to every tool call (demo knob)
    std::string sqlFault;    // not empty: execute_sql fails with this message (demo knob)
    int martWaitMs = 600000; // how long a call waits for a mart still being built
    std::size_t maxResultBytes = 32u << 20;
    int toolsPageSize = 50;
    // One line per tool call and its outcome (no SQL text, no values), e.g. to stderr; may be empty.
    std::function<void(const std::string &line)> log;
};

class LakehouseServer
{
public:
    explicit LakehouseServer(LakehouseOptions options = {});
    ~LakehouseServer();
    LakehouseServer(const LakehouseServer &) = delete;
    LakehouseServer &operator=(const LakehouseServer &) = delete;

    // The mart is ready at path (opened read-only per call), or could not be built. Until one of them is
    // called, tool calls wait.
    void setMart(std::string path);
    void setMartFailed(Error why);

    [[nodiscard]] std::shared_ptr<mcp::ToolServer> toolServer() const;
    [[nodiscard]] const LakehouseOptions &options() const;

private:
    struct State;
    std::shared_ptr<State> m_state;
    std::shared_ptr<mcp::ToolServer> m_server;
};

} // namespace lakeshore::demo
