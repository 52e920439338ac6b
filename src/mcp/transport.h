// How MCP messages travel: a transport carries whole JSON-RPC messages (one per line on stdio, one per
// POST or SSE event over HTTP) and reports what arrives. The session above it knows nothing of pipes or HTTP.
#pragma once

#include "core/result.h"
#include "mcp/jsonrpc.h"

#include <functional>
#include <string>

namespace lakeshore::mcp {

class Transport
{
public:
    struct Handlers
    {
        std::function<void(std::string message)> onMessage; // one JSON text, from the transport's own thread
        std::function<void(Error reason)> onClosed; // once, when the peer went away or close() was called
        // A request that could not be delivered or was refused on the way (an HTTP status, a lost
        // session), for transports that see each request's fate; stdio never calls it.
        std::function<void(const jsonrpc::Id &id, Error reason)> onRequestFailed;
    };

    // Error::code of an onRequestFailed reason when the server forgot our session (HTTP 404, or 400
    // after we sent a session id): the client starts over with a new initialize.
    static constexpr const char *kSessionExpired = "mcp-session-expired";

    virtual ~Transport() = default;

    // Connects (starts the child, or checks the URL). Handlers must be set before anything can arrive.
    virtual Status start(Handlers handlers) = 0;
    // Queues one message; never blocks on the peer. Fails once the transport is closed.
    virtual Status send(std::string message) = 0;
    // Ends the connection; onClosed runs (with ErrorKind::Cancelled) unless it already did.
    virtual void close() = 0;
    // The protocol version agreed in initialize, for transports that repeat it on every message.
    virtual void setProtocolVersion(const std::string &version) { (void)version; }
    // What the peer said on the side (a child's stderr), for diagnostics; the last few kilobytes.
    [[nodiscard]] virtual std::string diagnostics() const = 0;
};

} // namespace lakeshore::mcp
