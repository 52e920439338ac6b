#include "mcp/serverconfig.h"

#include <algorithm>
#include <cctype>

namespace lakeshore::mcp {

namespace {

// Headers the HTTP transport sets itself; a configured copy would contradict it.
constexpr std::string_view kTransportHeaders[] = {"accept",        "content-type",     "content-length",
                                                  "host",          "mcp-session-id",   "mcp-protocol-version",
                                                  "last-event-id", "transfer-encoding"};

std::string lower(std::string_view text)
{
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
    return out;
}

bool hasControl(std::string_view text)
{
    return std::any_of(text.begin(), text.end(), [](unsigned char c) { return c < 0x20 || c == 0x7f; });
}

bool hasNul(std::string_view text)
{
    return text.find('\0') != std::string_view::npos;
}

std::size_t utf8Length(std::string_view text)
{
    return static_cast<std::size_t>(
        std::count_if(text.begin(), text.end(), [](unsigned char c) { return (c & 0xC0) != 0x80; }));
}

// RFC 9110 token characters, the only ones a header name may use.
bool isHeaderName(std::string_view name)
{
    static constexpr std::string_view extra = "!#$%&'*+-.^_`|~";
    return !name.empty() && std::all_of(name.begin(), name.end(), [](unsigned char c) {
        return std::isalnum(c) || extra.find(static_cast<char>(c)) != std::string_view::npos;
    });
}

// Shown in messages: short and printable.
std::string shown(std::string_view text)
{
    std::string out;
    for (char c : text.substr(0, 60))
        out.push_back(static_cast<unsigned char>(c) >= 0x20 && c != 0x7f ? c : '?');
    return "'" + out + (text.size() > 60 ? "...'" : "'");
}

Error invalid(const McpServerConfig &config, const std::string &what)
{
    const std::string who = config.name.empty() ? "MCP server" : "MCP server " + shown(config.name);
    return makeError(ErrorKind::Invalid, who + ": " + what);
}

Status validateStdio(const McpServerConfig &config)
{
    if (config.command.empty())
        return invalid(config, "command is empty; enter the program to start (e.g. npx, uvx, docker)");
    if (hasControl(config.command))
        return invalid(config, "command contains a control character");
    for (std::size_t i = 0; i < config.args.size(); ++i)
        if (hasNul(config.args[i]))
            return invalid(config, "argument " + std::to_string(i + 1) + " contains a NUL character");
    for (const auto &[name, value] : config.env) {
        if (name.empty())
            return invalid(config, "an environment variable has an empty name");
        if (name.find('=') != std::string::npos || hasControl(name))
            return invalid(config, "environment variable name " + shown(name) +
                                       " must not contain '=' or control characters");
        if (hasNul(value))
            return invalid(config,
                           "the value of environment variable " + shown(name) + " contains a NUL character");
    }
    if (!config.cwd.empty() && (!config.cwd.starts_with('/') || hasControl(config.cwd)))
        return invalid(config, "working directory " + shown(config.cwd) + " must be an absolute path");
    return okStatus();
}

Status validateHttp(const McpServerConfig &config)
{
    if (const std::string problem = httpUrlProblem(config.url, "url"); !problem.empty())
        return invalid(config, problem);
    for (const auto &[name, value] : config.headers) {
        if (!isHeaderName(name))
            return invalid(config, "header name " + shown(name) + " is not a valid HTTP header name");
        const std::string low = lower(name);
        if (std::find(std::begin(kTransportHeaders), std::end(kTransportHeaders), low) !=
            std::end(kTransportHeaders))
            return invalid(config, "header " + name + " is set by Lakeshore itself and cannot be configured");
        if (low == "authorization" && !config.bearerToken.empty())
            return invalid(config, "set either the bearer token or an Authorization header, not both");
        if (value.find_first_of(std::string_view("\r\n\0", 3)) != std::string::npos)
            return invalid(config, "the value of header " + name + " contains a line break or NUL");
    }
    if (hasControl(config.bearerToken) || config.bearerToken.find(' ') != std::string::npos)
        return invalid(config, "bearer token contains spaces or control characters (enter the token "
                               "alone, without \"Bearer \")");
    return okStatus();
}

// The bytes of a UTF-8 bidi control (U+202A..U+202E, U+2066..U+2069) starting at i, else 0: they can
// make a command read differently from what runs.
std::size_t bidiControlAt(std::string_view text, std::size_t i)
{
    if (i + 2 >= text.size() || static_cast<unsigned char>(text[i]) != 0xE2)
        return 0;
    const auto b1 = static_cast<unsigned char>(text[i + 1]);
    const auto b2 = static_cast<unsigned char>(text[i + 2]);
    if ((b1 == 0x80 && b2 >= 0xAA && b2 <= 0xAE) || (b1 == 0x81 && b2 >= 0xA6 && b2 <= 0xA9))
        return 3;
    return 0;
}

} // namespace

const char *serverTransportName(ServerTransport transport)
{
    return transport == ServerTransport::Http ? "http" : "stdio";
}

bool parseServerTransport(std::string_view text, ServerTransport &transport)
{
    if (text == "stdio")
        transport = ServerTransport::Stdio;
    else if (text == "http")
        transport = ServerTransport::Http;
    else
        return false;
    return true;
}

std::string httpUrlProblem(std::string_view url, std::string_view fieldName)
{
    const std::string field(fieldName);
    if (url.empty())
        return field + " is empty";
    if (hasControl(url) || url.find(' ') != std::string_view::npos)
        return field + " contains spaces or control characters";
    const std::string low = lower(url);
    std::size_t rest = 0;
    if (low.starts_with("https://"))
        rest = 8;
    else if (low.starts_with("http://"))
        rest = 7;
    else
        return field + " " + shown(url) + " must start with http:// or https://";
    const std::string_view authority = url.substr(rest, url.find_first_of("/?#", rest) - rest);
    if (authority.find('@') != std::string_view::npos)
        return field +
               " must not carry a user name or password; put credentials in a header or the bearer token";
    const std::string_view host =
        authority.substr(0, authority.starts_with('[') ? authority.find(']') + 1 : authority.find(':'));
    if (host.empty() || host == "[]")
        return field + " " + shown(url) + " names no host";
    return {};
}

Status validateServerConfig(const McpServerConfig &config)
{
    if (config.name.empty() || config.name.find_first_not_of(" \t") == std::string::npos)
        return invalid(config, "name is empty");
    if (utf8Length(config.name) > kMaxServerNameChars)
        return invalid(config, "name is longer than " + std::to_string(kMaxServerNameChars) + " characters");
    if (hasControl(config.name))
        return invalid(config, "name contains a control character");
    if (config.timeoutMs < kMinServerTimeoutMs || config.timeoutMs > kMaxServerTimeoutMs)
        return invalid(config, "timeout " + std::to_string(config.timeoutMs) + " ms is outside " +
                                   std::to_string(kMinServerTimeoutMs) + ".." +
                                   std::to_string(kMaxServerTimeoutMs) + " ms");
    return config.transport == ServerTransport::Stdio ? validateStdio(config) : validateHttp(config);
}

StdioServerConfig toStdioConfig(const McpServerConfig &config)
{
    StdioServerConfig stdio;
    stdio.command = config.command;
    stdio.args = config.args;
    stdio.env = config.env;
    stdio.workingDirectory = config.cwd;
    return stdio;
}

HttpServerConfig toHttpConfig(const McpServerConfig &config)
{
    HttpServerConfig http;
    http.url = config.url;
    for (const auto &[name, value] : config.headers)
        http.headers.emplace_back(name, value);
    http.bearerToken = config.bearerToken;
    http.connectTimeoutMs = std::min(config.timeoutMs, http.connectTimeoutMs);
    return http;
}

Client::TransportFactory transportFactory(const McpServerConfig &config)
{
    if (config.transport == ServerTransport::Stdio)
        return [stdio = toStdioConfig(config)]() -> std::unique_ptr<Transport> {
            return std::make_unique<StdioTransport>(stdio);
        };
    return [http = toHttpConfig(config)]() -> std::unique_ptr<Transport> {
        return std::make_unique<HttpTransport>(http);
    };
}

ClientOptions clientOptions(const McpServerConfig &config)
{
    ClientOptions options;
    options.initializeTimeoutMs = config.timeoutMs;
    options.listTimeoutMs = config.timeoutMs;
    return options;
}

std::string shellQuote(std::string_view word)
{
    static constexpr std::string_view plain = "@%+=:,./-_";
    const bool bare = !word.empty() && std::all_of(word.begin(), word.end(), [](unsigned char c) {
        return std::isalnum(c) || plain.find(static_cast<char>(c)) != std::string_view::npos;
    });
    if (bare)
        return std::string(word);
    std::string out = "'";
    for (std::size_t i = 0; i < word.size(); ++i) {
        const auto c = static_cast<unsigned char>(word[i]);
        if (const std::size_t bidi = bidiControlAt(word, i)) {
            static constexpr char hex[] = "0123456789ABCDEF";
            const unsigned code = ((c & 0x0F) << 12) |
                                  ((static_cast<unsigned char>(word[i + 1]) & 0x3F) << 6) |
                                  (static_cast<unsigned char>(word[i + 2]) & 0x3F);
            out += "\\u";
            for (int shift = 12; shift >= 0; shift -= 4)
                out.push_back(hex[(code >> shift) & 0xF]);
            i += bidi - 1;
        } else if (c < 0x20 || c == 0x7f) {
            static constexpr char hex[] = "0123456789ABCDEF";
            out += "\\x";
            out.push_back(hex[c >> 4]);
            out.push_back(hex[c & 0xF]);
        } else if (c == '\'') {
            out += "'\\''";
        } else {
            out.push_back(static_cast<char>(c));
        }
    }
    return out + "'";
}

std::string launchSummary(const McpServerConfig &config)
{
    std::string text;
    if (config.transport == ServerTransport::Http) {
        text = "Streamable HTTP " + shellQuote(config.url);
        std::string names;
        if (!config.bearerToken.empty())
            names = "Authorization=***";
        for (const auto &entry : config.headers)
            names += (names.empty() ? "" : ", ") + shellQuote(entry.first) + "=***";
        return names.empty() ? text : text + " (headers: " + names + ")";
    }
    for (const auto &entry : config.env)
        text += shellQuote(entry.first) + "=*** ";
    text += shellQuote(config.command);
    for (const auto &arg : config.args)
        text += " " + shellQuote(arg);
    if (!config.cwd.empty())
        text += " (in " + shellQuote(config.cwd) + ")";
    return text;
}

} // namespace lakeshore::mcp
