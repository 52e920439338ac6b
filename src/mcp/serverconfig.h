// An MCP server as the user configures it: a child process on stdio or a Streamable HTTP endpoint,
// with its secrets (env values, header values, bearer token). Validation names the field at fault;
// conversion gives the transport configs; launchSummary() is the one line a consent prompt shows.
#pragma once

#include "core/result.h"
#include "mcp/client.h"
#include "mcp/httptransport.h"
#include "mcp/stdiotransport.h"

#include <cstddef>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace lakeshore::mcp {

enum class ServerTransport { Stdio, Http };

[[nodiscard]] const char *serverTransportName(ServerTransport transport); // "stdio", "http"
[[nodiscard]] bool parseServerTransport(std::string_view text, ServerTransport &transport);

inline constexpr std::size_t kMaxServerNameChars = 100;
inline constexpr int kMinServerTimeoutMs = 1000;
inline constexpr int kMaxServerTimeoutMs = 600000;

struct McpServerConfig
{
    std::string id; // chosen by the settings store; empty until saved
    std::string name;
    ServerTransport transport = ServerTransport::Stdio;
    // stdio
    std::string command;
    std::vector<std::string> args;
    std::map<std::string, std::string> env; // values are secrets
    std::string cwd;                        // empty = inherit
    // http
    std::string url;
    std::map<std::string, std::string> headers; // values are secrets
    std::string bearerToken;                    // secret
    // Each MCP request (initialize, tools/list, a tool call's silence between progress) may take this long.
    int timeoutMs = 60000;
    bool enabled = true;

    bool operator==(const McpServerConfig &) const = default;
};

// Ok, or ErrorKind::Invalid with a message that names the server and the field.
[[nodiscard]] Status validateServerConfig(const McpServerConfig &config);

[[nodiscard]] StdioServerConfig toStdioConfig(const McpServerConfig &config);
[[nodiscard]] HttpServerConfig toHttpConfig(const McpServerConfig &config);
// A fresh transport per call, for mcp::Client. The config must have passed validateServerConfig().
[[nodiscard]] Client::TransportFactory transportFactory(const McpServerConfig &config);
[[nodiscard]] ClientOptions clientOptions(const McpServerConfig &config);

// What will run, on one line: "API_KEY=*** npx -y '@scope/server' 'two words'" for stdio (values
// masked, arguments quoted as a shell would need, control and bidi characters made visible), or
// "Streamable HTTP https://host/mcp (headers: Authorization=***)" for http.
[[nodiscard]] std::string launchSummary(const McpServerConfig &config);

// Empty when url is an absolute http(s) URL with a host and no user:password; else why not, naming field.
[[nodiscard]] std::string httpUrlProblem(std::string_view url, std::string_view field);

// A printable, shell-style quoting of one word (exposed for tests and the editor's preview).
[[nodiscard]] std::string shellQuote(std::string_view word);

} // namespace lakeshore::mcp
