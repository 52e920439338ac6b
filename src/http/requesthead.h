// Reading an HTTP/1.1 request head (request line and headers) for EventServer: the method, the decoded
// path and query parameters, the headers, how long the body is, and whether the connection stays open.
#pragma once

#include "http/httpserver.h"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

namespace lakeshore::http {

struct RequestHead
{
    ServerRequest request; // without body and remote address
    std::size_t bodyLength = 0;
    bool keepAlive = true;
};

// What is wrong with a head: the status to answer (400, 411, 501, 505) and why.
struct HeadProblem
{
    int status = 400;
    std::string message;
};

// head: everything before the blank line that ends it (without that line).
[[nodiscard]] std::variant<RequestHead, HeadProblem> parseRequestHead(std::string_view head);

[[nodiscard]] const char *reasonPhrase(int status);

} // namespace lakeshore::http
