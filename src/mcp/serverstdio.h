// Serves a ToolServer over a pair of file descriptors, the stdio transport's server side: one JSON-RPC
// message per line each way, nothing else on the output. One connection is one session.
#pragma once

#include "core/result.h"
#include "mcp/server.h"

#include <cstddef>
#include <memory>

namespace lakeshore::mcp {

struct StdioServeOptions
{
    std::size_t maxMessageBytes = 16u << 20; // a longer line is skipped and answered with -32600
};

class StdioServer
{
public:
    // The descriptors stay the caller's: they are neither closed nor made non-blocking.
    StdioServer(std::shared_ptr<ToolServer> server, int inFd, int outFd, StdioServeOptions options = {});
    ~StdioServer();
    StdioServer(const StdioServer &) = delete;
    StdioServer &operator=(const StdioServer &) = delete;

    // Serves until the input ends (running calls then finish and answer), stop() (they are cancelled)
    // or the output breaks. Blocks the calling thread. An error says why reading or writing failed.
    Status run();
    // From any thread, before or during run().
    void stop();

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace lakeshore::mcp
