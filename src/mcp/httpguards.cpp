#include "mcp/httpguards.h"

#include "crypto/secrets.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>

namespace lakeshore::mcp::httpguards {
namespace {

std::string lower(std::string_view text)
{
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

std::string_view trim(std::string_view text)
{
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
        text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t'))
        text.remove_suffix(1);
    return text;
}

bool isIpv4Loopback(std::string_view host)
{
    // 127.a.b.c with four decimal parts
    int parts = 0;
    std::size_t start = 0;
    while (start <= host.size()) {
        std::size_t end = host.find('.', start);
        if (end == std::string_view::npos)
            end = host.size();
        const std::string_view part = host.substr(start, end - start);
        if (part.empty() || part.size() > 3 ||
            !std::all_of(part.begin(), part.end(), [](char c) { return c >= '0' && c <= '9'; }))
            return false;
        if (std::atoi(std::string(part).c_str()) > 255 || (parts == 0 && part != "127"))
            return false;
        ++parts;
        start = end + 1;
    }
    return parts == 4;
}

// "name:port", "[v6]:port" or "name" → "name" / "v6"; empty when the port part is not digits.
std::string hostName(std::string_view hostAndPort)
{
    if (!hostAndPort.empty() && hostAndPort.front() == '[') {
        const auto close = hostAndPort.find(']');
        if (close == std::string_view::npos)
            return {};
        const std::string_view rest = hostAndPort.substr(close + 1);
        if (!rest.empty() &&
            (rest.front() != ':' || rest.size() == 1 ||
             !std::all_of(rest.begin() + 1, rest.end(), [](char c) { return c >= '0' && c <= '9'; })))
            return {};
        return std::string(hostAndPort.substr(1, close - 1));
    }
    const auto colon = hostAndPort.find(':');
    if (colon == std::string_view::npos)
        return std::string(hostAndPort);
    const std::string_view port = hostAndPort.substr(colon + 1);
    if (port.empty() || !std::all_of(port.begin(), port.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return {};
    return std::string(hostAndPort.substr(0, colon));
}

bool listed(std::string_view value, const std::vector<std::string> &allowed)
{
    const std::string wanted = lower(value);
    return std::any_of(allowed.begin(), allowed.end(),
                       [&](const std::string &a) { return lower(a) == wanted; });
}

} // namespace

bool isLoopbackHost(std::string_view host)
{
    if (host.size() >= 2 && host.front() == '[' && host.back() == ']')
        host = host.substr(1, host.size() - 2);
    const std::string name = lower(host);
    return name == "localhost" || name == "::1" || isIpv4Loopback(name);
}

bool originAllowed(std::string_view origin, const std::vector<std::string> &allowed)
{
    origin = trim(origin);
    if (origin.empty())
        return true;
    if (listed(origin, allowed))
        return true;
    const std::string text = lower(origin);
    std::string_view rest;
    if (text.rfind("http://", 0) == 0)
        rest = std::string_view(text).substr(7);
    else if (text.rfind("https://", 0) == 0)
        rest = std::string_view(text).substr(8);
    else
        return false; // "null" (sandboxed frames, file://) included
    if (rest.find('/') != std::string_view::npos || rest.find('@') != std::string_view::npos)
        return false;
    const std::string name = hostName(rest);
    return !name.empty() && isLoopbackHost(name);
}

bool hostAllowed(std::string_view host, const std::vector<std::string> &allowed)
{
    host = trim(host);
    if (host.empty())
        return true;
    const std::string name = hostName(host);
    if (name.empty())
        return false;
    return isLoopbackHost(name) || listed(name, allowed);
}

bool acceptsJsonAndEventStream(std::string_view accept)
{
    bool json = false;
    bool eventStream = false;
    std::size_t start = 0;
    while (start <= accept.size()) {
        std::size_t end = accept.find(',', start);
        if (end == std::string_view::npos)
            end = accept.size();
        std::string_view range = accept.substr(start, end - start);
        start = end + 1;
        std::string_view params;
        if (auto semicolon = range.find(';'); semicolon != std::string_view::npos) {
            params = range.substr(semicolon + 1);
            range = range.substr(0, semicolon);
        }
        const std::string type = lower(trim(range));
        // q=0 means "not acceptable".
        bool refused = false;
        for (std::size_t p = 0; p <= params.size();) {
            std::size_t q = params.find(';', p);
            if (q == std::string_view::npos)
                q = params.size();
            const std::string param = lower(trim(params.substr(p, q - p)));
            if (param.rfind("q=", 0) == 0 && std::strtod(param.c_str() + 2, nullptr) <= 0)
                refused = true;
            p = q + 1;
        }
        if (refused)
            continue;
        json = json || type == "application/json" || type == "application/*" || type == "*/*";
        eventStream = eventStream || type == "text/event-stream" || type == "text/*" || type == "*/*";
    }
    return json && eventStream;
}

bool isJsonContentType(std::string_view contentType)
{
    const auto semicolon = contentType.find(';');
    return lower(trim(contentType.substr(0, semicolon))) == "application/json";
}

bool bearerMatches(std::string_view authorization, std::string_view token)
{
    authorization = trim(authorization);
    if (authorization.size() < 7 || lower(authorization.substr(0, 7)) != "bearer ")
        return false;
    return crypto::constantTimeEqual(trim(authorization.substr(7)), token);
}

} // namespace lakeshore::mcp::httpguards
