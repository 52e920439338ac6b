// The stdio transport: the MCP server is a child process; messages are lines on its stdin and stdout,
// and its stderr is kept (the last 16 KB) for diagnostics. Closing follows the spec: close stdin, wait,
// SIGTERM, wait, SIGKILL.
#pragma once

#include "mcp/transport.h"

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace lakeshore::mcp {

struct StdioServerConfig
{
    std::string command; // looked up on PATH
    std::vector<std::string> args;
    std::map<std::string, std::string> env;  // added to (and overriding) the inherited environment
    std::string workingDirectory;            // empty = inherit
    // A longer line closes the transport with TooLarge. 256 MB holds a 1,000,000-row x 8-column result.
    std::size_t maxMessageBytes = 256u << 20;
};

class StdioTransport : public Transport
{
public:
    explicit StdioTransport(StdioServerConfig config);
    ~StdioTransport() override; // closes

    Status start(Handlers handlers) override;
    Status send(std::string message) override;
    void close() override;
    [[nodiscard]] std::string diagnostics() const override;

    [[nodiscard]] int processId() const;

private:
    struct Impl;
    std::shared_ptr<Impl> m_impl;
};

} // namespace lakeshore::mcp
