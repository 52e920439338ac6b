// The MCP client role: the initialize handshake with version negotiation, tools/list across pages, and
// tools/call with _meta, progress and cancel, over any transport. A server that forgets our session
// (Streamable HTTP) is re-initialized once, transparently. Callbacks run on the transport's threads.
#pragma once

#include "core/canceltoken.h"
#include "core/result.h"
#include "mcp/rpcsession.h"
#include "mcp/tools.h"
#include "mcp/transport.h"

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace lakeshore::mcp {

// The revisions we speak, newest first; initialize offers the first.
inline const std::vector<std::string> &supportedProtocolVersions()
{
    static const std::vector<std::string> versions{"2025-11-25", "2025-06-18", "2025-03-26", "2024-11-05"};
    return versions;
}

struct ClientOptions
{
    std::string clientName = "lakeshore";
    std::string clientTitle = "Lakeshore";
    std::string clientVersion = "0.1.0";
    int initializeTimeoutMs = 30000;
    int listTimeoutMs = 30000;
    int maxToolPages = 100; // tools/list pages before we call it a loop
};

struct ServerIdentity
{
    std::string name;
    std::string title;
    std::string version;
    std::string protocolVersion; // what was agreed
    nlohmann::json capabilities; // the server's, as sent
    std::string instructions;
};

struct ToolCallOptions
{
    nlohmann::json meta; // an object merged into params._meta (e.g. {"warehouse_id": "..."}), or null
    int timeoutMs = 120000;
    int maxTotalMs = 600000;
    CancelToken cancel;
    std::function<void(const Progress &)> onProgress;
};

class Client
{
public:
    // Makes a fresh transport for each connection (the first, and again after a lost session).
    using TransportFactory = std::function<std::unique_ptr<Transport>()>;

    explicit Client(TransportFactory makeTransport, ClientOptions options = {});
    ~Client(); // closes
    Client(const Client &) = delete;
    Client &operator=(const Client &) = delete;

    // Starts the transport and runs initialize / notifications/initialized.
    void connect(CancelToken cancel, std::function<void(Result<ServerIdentity>)> done);
    // Every tool, following nextCursor to the end.
    void listTools(CancelToken cancel, std::function<void(Result<std::vector<Tool>>)> done);
    // A result with isError is still a result (a model may read it and try again); see toolError().
    void callTool(const std::string &name, nlohmann::json arguments, ToolCallOptions options,
                  std::function<void(Result<ToolResult>)> done);
    // The same call, its reply handed over as the JSON-RPC response's text (no DOM is built for large
    // replies): for results the caller decodes itself, such as a million rows.
    void callToolText(const std::string &name, nlohmann::json arguments, ToolCallOptions options,
                      std::function<void(Result<std::string>)> done);
    void close();

    [[nodiscard]] bool isConnected() const;
    [[nodiscard]] ServerIdentity identity() const;
    [[nodiscard]] std::string diagnostics() const; // the transport's side channel (a child's stderr)

private:
    struct Impl;
    std::shared_ptr<Impl> m_impl;
};

} // namespace lakeshore::mcp
