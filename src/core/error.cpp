#include "core/error.h"

namespace lakeshore {

const char *errorKindName(ErrorKind kind)
{
    switch (kind) {
    case ErrorKind::Network:
        return "network";
    case ErrorKind::Timeout:
        return "timeout";
    case ErrorKind::Cancelled:
        return "cancelled";
    case ErrorKind::Http:
        return "http";
    case ErrorKind::Service:
        return "service";
    case ErrorKind::Auth:
        return "auth";
    case ErrorKind::RateLimited:
        return "rate-limited";
    case ErrorKind::Malformed:
        return "malformed";
    case ErrorKind::TooLarge:
        return "too-large";
    case ErrorKind::Loop:
        return "loop";
    case ErrorKind::Storage:
        return "storage";
    case ErrorKind::Invalid:
        return "invalid";
    case ErrorKind::NotFound:
        return "not-found";
    }
    return "unknown";
}

std::string Error::describe() const
{
    std::string text = errorKindName(kind);
    if (httpStatus != 0)
        text += " (HTTP " + std::to_string(httpStatus) + ")";
    if (!code.empty())
        text += " [" + code + "]";
    if (!message.empty())
        text += ": " + message;
    return text;
}

} // namespace lakeshore
