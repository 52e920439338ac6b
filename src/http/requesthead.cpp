#include "http/requesthead.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <strings.h>

namespace lakeshore::http {
namespace {

std::string_view trim(std::string_view text)
{
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
        text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r'))
        text.remove_suffix(1);
    return text;
}

bool equalsNoCase(std::string_view a, std::string_view b)
{
    return a.size() == b.size() && strncasecmp(a.data(), b.data(), a.size()) == 0;
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

// "%41b+c" -> "Ab c" (plus as space only when plusIsSpace). Unlike url.h's percentDecode, which keeps a
// broken escape as it is, nullopt for one: a request with a broken escape is answered 400.
std::optional<std::string> strictPercentDecode(std::string_view text, bool plusIsSpace)
{
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '%') {
            const int high = i + 1 < text.size() ? hexValue(text[i + 1]) : -1;
            const int low = i + 2 < text.size() ? hexValue(text[i + 2]) : -1;
            if (high < 0 || low < 0)
                return std::nullopt;
            out.push_back(static_cast<char>(high * 16 + low));
            i += 2;
        } else if (text[i] == '+' && plusIsSpace) {
            out.push_back(' ');
        } else {
            out.push_back(text[i]);
        }
    }
    return out;
}

} // namespace

std::variant<RequestHead, HeadProblem> parseRequestHead(std::string_view head)
{
    RequestHead out;
    const std::size_t lineEnd = head.find("\r\n");
    const std::string_view line = head.substr(0, lineEnd);
    const std::size_t firstSpace = line.find(' ');
    const std::size_t lastSpace = line.rfind(' ');
    if (firstSpace == std::string_view::npos || lastSpace == firstSpace)
        return HeadProblem{400, "malformed request line"};
    const std::string_view method = line.substr(0, firstSpace);
    const std::string_view target = line.substr(firstSpace + 1, lastSpace - firstSpace - 1);
    const std::string_view version = line.substr(lastSpace + 1);
    if (method.empty() ||
        !std::all_of(method.begin(), method.end(), [](unsigned char c) { return std::isupper(c); }))
        return HeadProblem{400, "malformed method"};
    if (version != "HTTP/1.1" && version != "HTTP/1.0")
        return HeadProblem{505, "only HTTP/1.0 and HTTP/1.1 are served"};
    if (target.empty() || target.front() != '/')
        return HeadProblem{400, "the request target must be a path"};
    out.keepAlive = version == "HTTP/1.1";
    out.request.method = std::string(method);

    const std::size_t question = target.find('?');
    auto path = strictPercentDecode(target.substr(0, question), false);
    if (!path || path->find('\0') != std::string::npos)
        return HeadProblem{400, "malformed path"};
    out.request.path = std::move(*path);
    if (question != std::string_view::npos) {
        std::string_view query = target.substr(question + 1);
        out.request.rawQuery = std::string(query);
        while (!query.empty()) {
            const std::size_t amp = query.find('&');
            const std::string_view pair = query.substr(0, amp);
            const std::size_t equals = pair.find('=');
            auto key = strictPercentDecode(pair.substr(0, equals), true);
            auto value = strictPercentDecode(
                equals == std::string_view::npos ? std::string_view() : pair.substr(equals + 1), true);
            if (!key || !value)
                return HeadProblem{400, "malformed query string"};
            if (!key->empty())
                out.request.params.emplace(std::move(*key), std::move(*value));
            if (amp == std::string_view::npos)
                break;
            query.remove_prefix(amp + 1);
        }
    }

    bool sawLength = false;
    std::string_view rest = lineEnd == std::string_view::npos ? std::string_view() : head.substr(lineEnd + 2);
    while (!rest.empty()) {
        const std::size_t end = rest.find("\r\n");
        const std::string_view header = rest.substr(0, end);
        rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 2);
        const std::size_t colon = header.find(':');
        if (colon == std::string_view::npos || colon == 0 || header.front() == ' ' || header.front() == '\t')
            return HeadProblem{400, "malformed header line"};
        const std::string_view name = header.substr(0, colon);
        const std::string_view value = trim(header.substr(colon + 1));
        if (equalsNoCase(name, "Content-Length")) {
            std::size_t length = 0;
            auto [stop, error] = std::from_chars(value.data(), value.data() + value.size(), length);
            if (value.empty() || error != std::errc() || stop != value.data() + value.size() ||
                (sawLength && length != out.bodyLength))
                return HeadProblem{400, "malformed Content-Length"};
            out.bodyLength = length;
            sawLength = true;
        } else if (equalsNoCase(name, "Transfer-Encoding")) {
            return HeadProblem{411, "send the body with a Content-Length"};
        } else if (equalsNoCase(name, "Connection")) {
            if (equalsNoCase(value, "close"))
                out.keepAlive = false;
            else if (equalsNoCase(value, "keep-alive"))
                out.keepAlive = true;
        }
        out.request.headers.emplace_back(std::string(name), std::string(value));
    }
    return out;
}

const char *reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 206:
        return "Partial Content";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 408:
        return "Request Timeout";
    case 411:
        return "Length Required";
    case 413:
        return "Content Too Large";
    case 416:
        return "Range Not Satisfiable";
    case 431:
        return "Request Header Fields Too Large";
    case 500:
        return "Internal Server Error";
    case 501:
        return "Not Implemented";
    case 503:
        return "Service Unavailable";
    case 505:
        return "HTTP Version Not Supported";
    default:
        return "Status";
    }
}

} // namespace lakeshore::http
