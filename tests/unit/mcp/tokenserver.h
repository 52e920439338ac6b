// Our own MCP server (mcp::ToolServer behind mcp::HttpEndpoint) on a loopback port, demanding a bearer
// token: a real endpoint for tests of client-side settings. Kept apart from mcp/client.h users, since the
// server's and the client's Tool types share a namespace.
#pragma once

#include <memory>
#include <string>

namespace mcptest {

class TokenServer
{
public:
    TokenServer(const std::string &serverName, const std::string &token);
    ~TokenServer();
    TokenServer(const TokenServer &) = delete;
    TokenServer &operator=(const TokenServer &) = delete;

    [[nodiscard]] const std::string &url() const; // "http://127.0.0.1:<port>/mcp"

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace mcptest
