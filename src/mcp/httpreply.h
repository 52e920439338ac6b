// Reading an MCP server's HTTP replies for the Streamable HTTP transport: the media type, which requests a
// JSON-RPC body answers (read without building the document), what a refused request's status means, and
// a short one-line excerpt of an error body (HTML reduced to its text) for messages and diagnostics.
#pragma once

#include "core/result.h"
#include "http/httpclient.h"
#include "mcp/jsonrpc.h"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace lakeshore::mcp::httpreply {

// "application/json" from "Application/JSON; charset=utf-8"; empty when absent.
[[nodiscard]] std::string mediaType(std::string_view contentType);

// The ids of the responses (result or error) in one JSON-RPC message or a batch; requests and
// notifications are skipped. Malformed when the text is not JSON.
[[nodiscard]] Result<std::vector<jsonrpc::Id>> answeredIds(std::string_view text);

// A body in one line: HTML reduced to its text, control characters and runs of blanks made one space,
// cut to about maxBytes on a character boundary.
[[nodiscard]] std::string excerpt(std::string_view body, std::size_t maxBytes = 200);

// The error.message of a JSON-RPC error body (the -32000 "Bad Request: ..." servers send with a 400);
// empty when the body is not one.
[[nodiscard]] std::string jsonRpcErrorMessage(std::string_view body);

// True when an error body says the server does not know the session we named ("No valid session ID
// provided", "Session not found").
[[nodiscard]] bool saysSessionUnknown(std::string_view body);

// What a non-2xx reply means: 401/403 Auth (with the WWW-Authenticate challenge), 429/503 RateLimited,
// anything else Http; each with the status and an excerpt of the body.
[[nodiscard]] Error statusError(const http::Response &response);

} // namespace lakeshore::mcp::httpreply
