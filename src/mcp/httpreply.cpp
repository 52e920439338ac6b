#include "mcp/httpreply.h"

#include <algorithm>
#include <cctype>
#include <nlohmann/json.hpp>
#include <optional>

namespace lakeshore::mcp::httpreply {
namespace {

using Json = nlohmann::json;

std::string lower(std::string_view text)
{
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

// Walks a message (or a batch) and keeps only what answering needs: each message's id and whether it
// carries a result or an error. Nested values (a huge result) are scanned, never built.
struct IdCollector : nlohmann::json_sax<Json>
{
    std::vector<jsonrpc::Id> ids;
    int depth = 0;
    int messageDepth = 1; // 2 inside a batch
    std::string field;    // the last key at message level
    std::optional<jsonrpc::Id> id;
    bool answer = false;
    bool call = false;

    void scalar(std::optional<jsonrpc::Id> value)
    {
        if (depth == messageDepth && field == "id")
            id = std::move(value);
    }
    bool null() override { return scalar(std::nullopt), true; }
    bool boolean(bool) override { return scalar(std::nullopt), true; }
    bool number_integer(number_integer_t value) override { return scalar(jsonrpc::Id(value)), true; }
    bool number_unsigned(number_unsigned_t value) override
    {
        scalar(value <= 9223372036854775807ULL ? std::optional<jsonrpc::Id>(static_cast<long long>(value))
                                               : std::nullopt);
        return true;
    }
    bool number_float(number_float_t, const string_t &) override { return scalar(std::nullopt), true; }
    bool string(string_t &value) override { return scalar(jsonrpc::Id(value)), true; }
    bool binary(binary_t &) override { return true; }
    bool start_object(std::size_t) override
    {
        ++depth;
        if (depth == messageDepth) {
            id.reset();
            answer = call = false;
            field.clear();
        }
        return true;
    }
    bool key(string_t &name) override
    {
        if (depth == messageDepth) {
            field = name;
            if (name == "result" || name == "error")
                answer = true;
            else if (name == "method")
                call = true;
        }
        return true;
    }
    bool end_object() override
    {
        if (depth == messageDepth && answer && !call && id)
            ids.push_back(*id);
        --depth;
        return true;
    }
    bool start_array(std::size_t) override
    {
        if (depth == 0)
            messageDepth = 2;
        ++depth;
        return true;
    }
    bool end_array() override { return --depth, true; }
    bool parse_error(std::size_t, const std::string &, const nlohmann::detail::exception &) override
    {
        return false;
    }
};

bool looksLikeHtml(std::string_view body)
{
    const auto start = body.find_first_not_of(" \t\r\n");
    if (start == std::string_view::npos || body[start] != '<')
        return false;
    const std::string head = lower(body.substr(start, 512));
    return head.find("<html") != std::string::npos || head.find("<!doctype html") != std::string::npos ||
           head.find("<body") != std::string::npos || head.find("<head") != std::string::npos ||
           head.find("<title") != std::string::npos || head.find("<h1") != std::string::npos;
}

// The text of an HTML page: tags dropped, script and style skipped, the common entities decoded.
std::string htmlText(std::string_view html)
{
    std::string out;
    const std::string folded = lower(html);
    std::size_t pos = 0;
    while (pos < html.size() && out.size() < 4096) {
        if (html[pos] == '<') {
            for (const char *skipped : {"<script", "<style"}) {
                if (folded.compare(pos, std::char_traits<char>::length(skipped), skipped) == 0) {
                    const std::string closing = std::string("</") + (skipped + 1);
                    const auto end = folded.find(closing, pos);
                    pos = end == std::string::npos ? html.size() : end;
                    break;
                }
            }
            const auto close = html.find('>', pos);
            pos = close == std::string_view::npos ? html.size() : close + 1;
            out.push_back(' ');
            continue;
        }
        if (html[pos] == '&') {
            static const std::pair<std::string_view, char> entities[] = {{"&amp;", '&'},  {"&lt;", '<'},
                                                                         {"&gt;", '>'},   {"&quot;", '"'},
                                                                         {"&#39;", '\''}, {"&nbsp;", ' '}};
            bool decoded = false;
            for (const auto &[entity, character] : entities) {
                if (folded.compare(pos, entity.size(), entity) == 0) {
                    out.push_back(character);
                    pos += entity.size();
                    decoded = true;
                    break;
                }
            }
            if (decoded)
                continue;
        }
        out.push_back(html[pos++]);
    }
    return out;
}

} // namespace

std::string mediaType(std::string_view contentType)
{
    const auto semicolon = contentType.find(';');
    std::string type = lower(contentType.substr(0, semicolon));
    const auto begin = type.find_first_not_of(" \t");
    if (begin == std::string::npos)
        return {};
    const auto end = type.find_last_not_of(" \t");
    return type.substr(begin, end - begin + 1);
}

Result<std::vector<jsonrpc::Id>> answeredIds(std::string_view text)
{
    IdCollector collector;
    if (!Json::sax_parse(text, &collector))
        return makeError(ErrorKind::Malformed,
                         "the server sent something that is not JSON: " + excerpt(text, 80));
    return std::move(collector.ids);
}

std::string excerpt(std::string_view body, std::size_t maxBytes)
{
    const bool html = looksLikeHtml(body);
    const std::string text = html ? htmlText(body) : std::string(body.substr(0, maxBytes * 4));
    bool more = !html && body.size() > text.size();
    std::string out;
    bool blank = true; // drops leading blanks
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (static_cast<unsigned char>(c) <= 0x20 || c == 0x7f) {
            if (!blank)
                out.push_back(' ');
            blank = true;
            continue;
        }
        if (out.size() >= maxBytes) {
            more = true;
            break;
        }
        blank = false;
        out.push_back(c);
    }
    if (more) {
        // Never end inside a UTF-8 sequence.
        std::size_t lead = out.size();
        while (lead > 0 && (static_cast<unsigned char>(out[lead - 1]) & 0xC0) == 0x80)
            --lead;
        if (lead > 0 && static_cast<unsigned char>(out[lead - 1]) >= 0xC0) {
            const auto first = static_cast<unsigned char>(out[--lead]);
            const std::size_t length = first >= 0xF0 ? 4 : first >= 0xE0 ? 3 : 2;
            if (out.size() - lead < length)
                out.resize(lead);
        }
    }
    while (!out.empty() && out.back() == ' ')
        out.pop_back();
    return more ? out + "…" : out;
}

std::string jsonRpcErrorMessage(std::string_view body)
{
    if (body.size() > (1u << 20))
        return {};
    const Json json = Json::parse(body, nullptr, false);
    if (!json.is_object())
        return {};
    const auto error = json.find("error");
    if (error == json.end() || !error->is_object())
        return {};
    const auto message = error->find("message");
    return message != error->end() && message->is_string() ? message->get<std::string>() : std::string();
}

bool saysSessionUnknown(std::string_view body)
{
    const std::string text = lower(body.substr(0, 4096));
    if (text.find("session") == std::string::npos)
        return false;
    for (const char *words : {"not found", "no valid", "invalid", "unknown", "expired", "terminated",
                              "does not exist", "no such", "missing"})
        if (text.find(words) != std::string::npos)
            return true;
    return false;
}

Error statusError(const http::Response &response)
{
    const int status = response.status;
    const std::string serviceWords = jsonRpcErrorMessage(response.body);
    const std::string body = excerpt(serviceWords.empty() ? std::string_view(response.body) : serviceWords);
    Error error;
    error.httpStatus = status;
    error.serviceMessage = serviceWords;
    if (status == 401 || status == 403) {
        error.kind = ErrorKind::Auth;
        error.message = status == 401 ? "the MCP server wants credentials it accepts (HTTP 401)"
                                      : "the MCP server refused access (HTTP 403)";
        const std::string challenge = excerpt(response.header("WWW-Authenticate"), 300);
        if (!challenge.empty())
            error.message += "; it asks for: " + challenge;
        else if (!body.empty())
            error.message += ": " + body;
        return error;
    }
    error.kind = status == 429 || status == 503 ? ErrorKind::RateLimited : ErrorKind::Http;
    error.message = "the MCP server answered HTTP " + std::to_string(status);
    if (!body.empty())
        error.message += ": " + body;
    return error;
}

} // namespace lakeshore::mcp::httpreply
