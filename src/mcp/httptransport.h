// The Streamable HTTP transport (MCP 2025-11-25), client side. Every message is a POST to one URL; a
// request's reply is one JSON body or an event stream that may carry the server's notifications and
// requests before the response, delivered as each event arrives. It keeps the Mcp-Session-Id the server
// mints, repeats the agreed MCP-Protocol-Version, resumes a stream the server closed early (SSE polling:
// GET with Last-Event-ID after the server's retry delay), fails a refused request by its id, and ends the
// session with DELETE on close. Callbacks run on the transport's HTTP I/O thread.
#pragma once

#include "http/httpclient.h"
#include "mcp/transport.h"

#include <cstddef>
#include <memory>
#include <string>

namespace lakeshore::mcp {

struct HttpServerConfig
{
    std::string url;         // the MCP endpoint, http:// or https://
    http::Headers headers;   // added to every request, e.g. {"Authorization", "Bearer ..."}; never logged
    std::string bearerToken; // set: "Authorization: Bearer <token>" on every request
    std::string sessionId;   // set: carry on a session the server gave earlier (to another transport)
    int connectTimeoutMs = 10000;
    // A request's POST (or resumed stream) may run this long. RpcSession's per-call timeout, which
    // cancels with notifications/cancelled and so stops the POST, normally ends it well before.
    int requestTimeoutMs = 10 * 60 * 1000;
    int notificationTimeoutMs = 30000;        // the POST of a notification or of our response to the server
    int closeTimeoutMs = 3000;                // the DELETE that ends the session
    int maxReconnectDelayMs = 60000;          // a longer "retry:" from the server is shortened to this
    std::size_t maxMessageBytes = 256u << 20; // one JSON reply, or one event of a stream
    bool verifyTls = true;
};

class HttpTransport : public Transport
{
public:
    explicit HttpTransport(HttpServerConfig config);
    ~HttpTransport() override; // closes

    // Checks the URL (http or https, with a host); no I/O.
    Status start(Handlers handlers) override;
    Status send(std::string message) override;
    void close() override;
    void setProtocolVersion(const std::string &version) override;
    // The last few HTTP failures, one line each (what was sent, the status or error, an excerpt).
    [[nodiscard]] std::string diagnostics() const override;

    // The session the server gave us; empty before initialize, for a stateless server, or once it expired.
    [[nodiscard]] std::string sessionId() const;

private:
    struct Impl;
    std::shared_ptr<Impl> m_impl;
};

} // namespace lakeshore::mcp
