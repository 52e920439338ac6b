// The header checks an MCP server over HTTP makes before reading a message: Origin and Host against DNS
// rebinding, Accept and Content-Type as Streamable HTTP requires them, and the bearer token.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace lakeshore::mcp::httpguards {

// True for a loopback host: localhost, 127.0.0.0/8, ::1 (brackets optional).
[[nodiscard]] bool isLoopbackHost(std::string_view host);
// An absent Origin (a non-browser client) passes; "null" and anything but http(s)://<loopback>[:port] or
// an allowed origin (compared without letter case) fail.
[[nodiscard]] bool originAllowed(std::string_view origin, const std::vector<std::string> &allowed);
// The Host header's name, port removed, must be loopback or allowed; an absent Host passes.
[[nodiscard]] bool hostAllowed(std::string_view host, const std::vector<std::string> &allowed);
// Accept must admit both application/json and text/event-stream (wildcards count; q=0 excludes).
[[nodiscard]] bool acceptsJsonAndEventStream(std::string_view accept);
[[nodiscard]] bool isJsonContentType(std::string_view contentType);
// "Bearer <token>" (scheme in any case), compared in constant time.
[[nodiscard]] bool bearerMatches(std::string_view authorization, std::string_view token);

} // namespace lakeshore::mcp::httpguards
