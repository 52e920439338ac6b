// Serves a ToolServer over Streamable HTTP on a path of an http::HttpServer: POST with whole-body JSON
// answers (never SSE, so progress notifications are not delivered over HTTP), 202 for notifications and
// responses, sessions by Mcp-Session-Id (random, minted on initialize), MCP-Protocol-Version and Accept
// checks, Origin/Host checks against DNS rebinding, an optional bearer token, a body size bound.
// GET is 405 (no server-initiated stream); DELETE ends a session.
#pragma once

#include "mcp/server.h"

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

namespace lakeshore::http {
class HttpServer;
}

namespace lakeshore::mcp {

struct HttpEndpointOptions
{
    std::string bearerToken;                 // empty: no authentication
    std::size_t maxBodyBytes = 1u << 20;     // a larger POST body is answered 413
    std::vector<std::string> allowedOrigins; // exact origins accepted beside loopback ones
    std::vector<std::string> allowedHosts;   // Host names accepted beside loopback ones
    std::size_t maxSessions = 256;           // an initialize beyond it is answered 503
    int sessionIdleMs = 30 * 60 * 1000;      // a session idle this long (no call running) is ended
};

class HttpEndpoint
{
public:
    explicit HttpEndpoint(std::shared_ptr<ToolServer> server, HttpEndpointOptions options = {});
    ~HttpEndpoint(); // closeAll()
    HttpEndpoint(const HttpEndpoint &) = delete;
    HttpEndpoint &operator=(const HttpEndpoint &) = delete;

    // Routes path (exactly; "/mcp" by default) of server here. The endpoint must outlive the routing,
    // or closeAll() must have run: requests after it are answered 503.
    void mount(http::HttpServer &server, const std::string &path = "/mcp");
    // Ends every session, cancelling running calls, and refuses new ones. Call before stopping the
    // HTTP server, so no worker waits for a long call.
    void closeAll();

    [[nodiscard]] std::size_t sessionCount() const;

private:
    struct Impl;
    std::shared_ptr<Impl> m_impl;
};

} // namespace lakeshore::mcp
