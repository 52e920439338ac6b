// Errors as values: what failed, in words a caller can show, never an exception across a module's face.
#pragma once

#include <string>

namespace lakeshore {

enum class ErrorKind {
    Network,     // could not connect, DNS, TLS, connection reset
    Timeout,     // the request ran past its deadline
    Cancelled,   // the caller cancelled
    Http,        // an HTTP status the caller did not expect, with no usable error body
    Service,     // the service answered with its own error body (OData error JSON, ...)
    Auth,        // 401 or 403, or a failed token request
    RateLimited, // 429/503 still failing after the retries we allow
    Malformed,   // a reply we could not parse, or that breaks the protocol
    TooLarge,    // a reply over the size we accept
    Loop,        // a paging link that points back to a page already read
    Storage,     // the local settings database or key file
    Invalid,     // bad input from the caller or a settings value
    NotFound,
};

struct Error
{
    ErrorKind kind = ErrorKind::Invalid;
    std::string message; // one line, English, for logs and as detail under a translated summary
    int httpStatus = 0;
    std::string code;           // service-defined error code, if any
    std::string serviceMessage; // the service's own words, when it sent any (shown to the user as such)

    [[nodiscard]] std::string describe() const;
};

[[nodiscard]] const char *errorKindName(ErrorKind kind);

} // namespace lakeshore
