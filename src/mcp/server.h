// The MCP server role, independent of any transport: the initialize handshake with version negotiation,
// ping, tools/list with cursor pagination, tools/call with argument checks against the input schema,
// progress notifications and cancellation. Tool handlers run on their own threads, so ping and
// notifications/cancelled are handled while a call runs. serverstdio.h and serverhttp.h carry the bytes.
#pragma once

#include "core/canceltoken.h"
#include "core/result.h"
#include "mcp/jsonrpc.h"

#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

// The server role's Tool and ToolResult are not the client's (tools.h): an inline namespace keeps their
// symbols apart in a binary that holds both roles (the app runs the demo lakehouse server and the client).
namespace lakeshore::mcp {
inline namespace serving {

inline constexpr const char *kLatestProtocolVersion = "2025-11-25";
// Newest first: 2025-11-25, 2025-06-18, 2025-03-26, 2024-11-05.
[[nodiscard]] const std::vector<std::string> &supportedProtocolVersions();
[[nodiscard]] bool isSupportedProtocolVersion(std::string_view version);

// What a handler knows of its call besides the arguments.
struct ToolContext
{
    CancelToken cancel; // cancelled by notifications/cancelled or when the session ends
    // Sends notifications/progress when the client asked for it (params._meta.progressToken); does
    // nothing otherwise, after the call has answered, or for a value that does not increase.
    std::function<void(double progress, std::optional<double> total, const std::string &message)> progress;
    nlohmann::json meta; // params._meta as the client sent it; null when absent

    [[nodiscard]] bool wantsProgress() const { return !meta.is_null() && meta.contains("progressToken"); }
};

struct ToolResult
{
    nlohmann::json content = nlohmann::json::array(); // content blocks
    nlohmann::json structuredContent;                 // an object, or null when the tool has none
    bool isError = false;

    [[nodiscard]] static ToolResult text(std::string text);
    // A tool execution error (isError:true): the model sees the message and may correct its call.
    [[nodiscard]] static ToolResult error(std::string message);
    // structuredContent, and the same JSON as a text block for clients that read only content.
    [[nodiscard]] static ToolResult structured(nlohmann::json object);

    [[nodiscard]] nlohmann::json toJson() const;
};

// Runs on a worker thread of its own. Should return soon after context.cancel fires (the answer is then
// dropped). An exception becomes an isError result.
using ToolHandler = std::function<ToolResult(const nlohmann::json &arguments, const ToolContext &context)>;

struct Tool
{
    std::string name; // 1-64 characters of [A-Za-z0-9_.-]
    std::string title;
    std::string description;
    nlohmann::json inputSchema;  // an object schema; null = no arguments at all
    nlohmann::json outputSchema; // null = none
    nlohmann::json annotations;  // e.g. {"readOnlyHint":true}; null = none
    ToolHandler handler;
};

struct ServerOptions
{
    std::string name = "lakeshore";
    std::string version = "0.1.0";
    std::string title;
    std::string instructions;    // sent in the initialize result when not empty
    int pageSize = 50;           // tools per tools/list page
    int maxConcurrentCalls = 16; // per session; a call beyond it is refused with a JSON-RPC error
};

// A message text read the way a server reads it: one message or a batch, or the JSON-RPC error to
// answer (-32700 when it is not JSON, -32600 when it is JSON but not a valid message).
struct Incoming
{
    std::vector<jsonrpc::Message> messages;
    bool batch = false;
};
[[nodiscard]] std::variant<Incoming, jsonrpc::ErrorObject> readIncoming(std::string_view text);
// An error response with id null, for input whose id could not be known.
[[nodiscard]] std::string errorWithoutId(const jsonrpc::ErrorObject &error);

// Where what one incoming message text leads to goes. Both may be called from worker threads.
struct Replies
{
    // Progress notifications for the requests in it, in order; empty = dropped.
    std::function<void(std::string message)> notify;
    // The answer: one response, an array of them for a batch, or nullopt when nothing is to be sent after
    // all (every request in it was cancelled). Called exactly once when receive() returned true.
    std::function<void(std::optional<std::string> message)> answer;
};

namespace detail {
struct ToolRegistry;
}

class ToolSession
{
public:
    ~ToolSession(); // close()
    ToolSession(const ToolSession &) = delete;
    ToolSession &operator=(const ToolSession &) = delete;

    // Handles one message text (a stdio line, a POST body). True when an answer follows through
    // replies.answer, at once or later from a call's worker thread.
    bool receive(std::string_view text, Replies replies);
    bool receive(Incoming incoming, Replies replies);

    // Ends the session: with cancelRunning the running calls are cancelled (their answers dropped),
    // otherwise they finish and answer first. Waits for their handlers to return. Later requests are
    // answered with an error.
    void close(bool cancelRunning = true);

    [[nodiscard]] bool isInitialized() const;
    [[nodiscard]] bool isClosed() const;
    [[nodiscard]] std::string protocolVersion() const; // agreed in initialize; empty before
    [[nodiscard]] std::size_t runningCalls() const;

private:
    friend class ToolServer;
    struct Impl;
    explicit ToolSession(std::shared_ptr<Impl> impl);
    std::shared_ptr<Impl> m_impl;
};

class ToolServer
{
public:
    explicit ToolServer(ServerOptions options = {});
    ~ToolServer();
    ToolServer(const ToolServer &) = delete;
    ToolServer &operator=(const ToolServer &) = delete;

    // Refuses a bad name, a duplicate, a missing handler or a non-object schema.
    Status addTool(Tool tool);
    // One client connection. Sessions share the tools; each has its own handshake state and calls.
    [[nodiscard]] std::unique_ptr<ToolSession> openSession();

    [[nodiscard]] const ServerOptions &options() const;
    [[nodiscard]] std::vector<std::string> toolNames() const;

private:
    std::shared_ptr<detail::ToolRegistry> m_registry;
};

} // namespace serving
} // namespace lakeshore::mcp
