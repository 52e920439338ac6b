// JSON-RPC 2.0 messages as MCP uses them: parsing with every shape rule checked (a peer's bytes are
// outside input), and writing one message per line. No I/O here; sessions and transports build on it.
#pragma once

#include "core/result.h"

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace lakeshore::mcp::jsonrpc {

// A request id: a string or an integer, never null (MCP forbids null ids).
using Id = std::variant<long long, std::string>;

[[nodiscard]] std::string idText(const Id &id); // for messages and map keys: 7 or "abc"

struct ErrorObject
{
    int code = 0;
    std::string message;
    nlohmann::json data; // null when absent
};

namespace code {
inline constexpr int parseError = -32700;
inline constexpr int invalidRequest = -32600;
inline constexpr int methodNotFound = -32601;
inline constexpr int invalidParams = -32602;
inline constexpr int internalError = -32603;
} // namespace code

struct Request
{
    Id id;
    std::string method;
    nlohmann::json params; // an object, or null when absent
};

struct Notification
{
    std::string method;
    nlohmann::json params;
};

struct Response
{
    std::optional<Id> id;  // absent only on an error about a request whose id could not be read
    nlohmann::json result; // an object on success
    std::optional<ErrorObject> error;

    [[nodiscard]] bool ok() const { return !error; }
};

using Message = std::variant<Request, Notification, Response>;

// One message, or a batch (a JSON array of them, which 2025-03-26 peers may send). Errors are Malformed,
// naming the rule broken.
[[nodiscard]] Result<std::vector<Message>> parse(std::string_view text);

// For a large reply: the integer id of a success response whose "id" (and "jsonrpc") come before its
// "result", read without parsing the result. nullopt for any other layout; the caller then parses the
// whole message. The result itself is not checked here.
[[nodiscard]] std::optional<long long> leadingResponseId(std::string_view text);

// Compact JSON with no newline inside, as the stdio transport needs.
[[nodiscard]] std::string serialize(const Message &message);

} // namespace lakeshore::mcp::jsonrpc
