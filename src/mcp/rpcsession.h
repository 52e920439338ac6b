// The JSON-RPC layer of an MCP connection, over any Transport: request/response correlation, per-request
// timeouts (extended by progress, up to a ceiling), progress notifications, cancellation with
// notifications/cancelled, answers to the peer's ping, and failing every open request when the peer goes.
// Callbacks run on the transport's or the timer's thread.
#pragma once

#include "core/canceltoken.h"
#include "core/result.h"
#include "mcp/jsonrpc.h"
#include "mcp/transport.h"

#include <functional>
#include <memory>
#include <optional>
#include <string>

namespace lakeshore::mcp {

struct Progress
{
    double progress = 0;
    std::optional<double> total;
    std::string message;
};

struct CallOptions
{
    int timeoutMs = 60000;   // without a reply or progress for this long, the call times out
    int maxTotalMs = 600000; // progress extends the deadline, never past this
    CancelToken cancel;
    std::function<void(const Progress &)> onProgress; // set: the request asks for progress
};

class RpcSession
{
public:
    explicit RpcSession(std::unique_ptr<Transport> transport);
    ~RpcSession(); // closes

    Status start();
    // result is the JSON-RPC "result" object; a JSON-RPC error arrives as ErrorKind::Service with its
    // code in Error::code and message in Error::serviceMessage.
    void request(std::string method, nlohmann::json params, CallOptions options,
                 std::function<void(Result<nlohmann::json>)> done);
    // The same, also handing over a JSON-RPC error's data member (null when absent).
    void requestRaw(std::string method, nlohmann::json params, CallOptions options,
                    std::function<void(Result<nlohmann::json>, nlohmann::json errorData)> done);
    // The same, but a success arrives as the whole reply's JSON text, for results too large to hold as a
    // DOM (the caller decodes the text itself); errors arrive as they do for request().
    void requestText(std::string method, nlohmann::json params, CallOptions options,
                     std::function<void(Result<std::string>)> done);
    Status notify(std::string method, nlohmann::json params);
    // Notifications other than progress (e.g. notifications/tools/list_changed, notifications/message).
    void onNotification(std::function<void(const jsonrpc::Notification &)> handler);
    void close();
    // After initialize: the agreed version, for transports that send it with every message.
    void setProtocolVersion(const std::string &version);

    [[nodiscard]] bool isOpen() const;
    [[nodiscard]] std::string diagnostics() const; // the transport's side channel (a child's stderr)

private:
    struct Impl;
    std::shared_ptr<Impl> m_impl;
};

} // namespace lakeshore::mcp
