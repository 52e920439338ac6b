// Checking that an MCP server works, for the Test buttons: start it (or reach it), initialize, list its
// tools, close. Runs on a thread of its own, bounded by the server's timeout and a cancel token, since
// closing a child process may wait a few seconds; never on the GUI or the disk thread.
#pragma once

#include "core/canceltoken.h"
#include "core/result.h"
#include "mcp/client.h"
#include "mcp/serverconfig.h"

#include <functional>
#include <memory>
#include <vector>

namespace lakeshore {
class WorkQueue;
}

struct McpProbeResult
{
    lakeshore::mcp::ServerIdentity identity;
    std::vector<lakeshore::mcp::Tool> tools;
    double elapsedMs = 0;
};

class McpProbe
{
public:
    McpProbe();
    ~McpProbe(); // waits for the probe that runs, if any (cancel it first)
    McpProbe(const McpProbe &) = delete;
    McpProbe &operator=(const McpProbe &) = delete;

    // done runs on the probe thread, once.
    void run(lakeshore::mcp::McpServerConfig config, lakeshore::CancelToken cancel,
             std::function<void(lakeshore::Result<McpProbeResult>)> done);

private:
    std::unique_ptr<lakeshore::WorkQueue> m_queue;
};
