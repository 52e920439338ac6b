#include "demo/odataurl.h"

#include "http/url.h"

#include "demo/odatafilterlexer.h"

#include <charconv>

namespace lakeshore::demo::odata {
namespace {

Error notFound(const std::string &what)
{
    return makeError(ErrorKind::NotFound, what, 404, "NotFound");
}
Error badKey(const std::string &what)
{
    return makeError(ErrorKind::Invalid, what, 400, "BadRequest");
}

// Position of the ')' closing the '(' at open, skipping quoted strings; npos when unbalanced.
std::size_t closingParen(std::string_view text, std::size_t open)
{
    bool quoted = false;
    for (std::size_t i = open + 1; i < text.size(); ++i) {
        if (text[i] == '\'')
            quoted = !quoted; // '' inside a string toggles twice
        else if (!quoted && text[i] == ')')
            return i;
    }
    return std::string_view::npos;
}

bool keyMatchesType(TokenKind kind, const std::string &text, EdmType type)
{
    switch (type) {
    case EdmType::Guid:
        return kind == TokenKind::Guid;
    case EdmType::String:
        return kind == TokenKind::String;
    case EdmType::Int32:
    case EdmType::Int64:
        return kind == TokenKind::Integer;
    case EdmType::Decimal:
    case EdmType::Double:
        return kind == TokenKind::Integer || kind == TokenKind::Decimal;
    case EdmType::Date:
        return kind == TokenKind::Date;
    case EdmType::DateTimeOffset:
        return kind == TokenKind::DateTimeOffset;
    case EdmType::Boolean:
        return kind == TokenKind::Identifier && (text == "true" || text == "false");
    }
    return false;
}

} // namespace

Result<ResourcePath> parseResourcePath(std::string_view path)
{
    while (!path.empty() && path.front() == '/')
        path.remove_prefix(1);
    ResourcePath out;
    if (path.empty())
        return out;
    if (path == "$metadata") {
        out.kind = ResourcePath::Kind::Metadata;
        return out;
    }
    const std::size_t open = path.find('(');
    const std::size_t slash = path.find('/');
    if (open != std::string_view::npos && (slash == std::string_view::npos || open < slash)) {
        const std::size_t close = closingParen(path, open);
        if (close == std::string_view::npos)
            return badKey("unbalanced parentheses in the key predicate");
        std::string_view rest = path.substr(close + 1);
        if (rest == "/")
            rest = {};
        if (!rest.empty())
            return notFound("unsupported path segment '" + std::string(rest) + "'");
        out.kind = ResourcePath::Kind::Entity;
        out.set = std::string(path.substr(0, open));
        out.keyText = std::string(path.substr(open + 1, close - open - 1));
        return out;
    }
    out.set = std::string(path.substr(0, slash));
    std::string_view rest = slash == std::string_view::npos ? std::string_view() : path.substr(slash);
    if (rest.empty() || rest == "/") {
        out.kind = ResourcePath::Kind::Collection;
    } else if (rest == "/$count" || rest == "/$count/") {
        out.kind = ResourcePath::Kind::Count;
    } else {
        return notFound("unsupported path segment '" + std::string(rest.substr(1)) + "'");
    }
    return out;
}

Result<Value> parseKeyPredicate(std::string_view keyText, const EntitySetDef &set)
{
    std::string_view valueText = keyText;
    bool quoted = false;
    for (std::size_t i = 0; i < keyText.size(); ++i) {
        if (keyText[i] == '\'')
            quoted = !quoted;
        if (!quoted && keyText[i] == '=') {
            std::string_view name = keyText.substr(0, i);
            while (!name.empty() && name.back() == ' ')
                name.remove_suffix(1);
            if (name != set.key)
                return badKey("the key of " + set.name + " is '" + set.key + "', not '" + std::string(name) +
                              "'");
            valueText = keyText.substr(i + 1);
            break;
        }
    }
    auto tokens = tokenizeFilter(valueText);
    if (!tokens.ok())
        return badKey("malformed key predicate: " + tokens.error().message);
    if (tokens.value().size() != 2)
        return badKey("the key predicate must be a single value");
    const Token &token = tokens.value().front();
    const PropertyDef *key = set.property(set.key);
    const EdmType type = key ? key->type : EdmType::String;
    if (!keyMatchesType(token.kind, token.text, type))
        return badKey(std::string("the key of ") + set.name + " is " + edmTypeName(type) + ", got " +
                      tokenKindName(token.kind) + " '" + token.text + "'" +
                      (type == EdmType::String ? " (quote string keys: ('value'))" : ""));
    if (token.kind == TokenKind::Integer || token.kind == TokenKind::Decimal) {
        const char *begin = token.text.data();
        const char *end = begin + token.text.size();
        auto parsed = [&](auto &out) {
            auto [ptr, ec] = std::from_chars(begin, end, out);
            return ec == std::errc() && ptr == end;
        };
        std::int64_t integer = 0;
        if (token.kind == TokenKind::Integer && parsed(integer))
            return Value::ofInt(integer);
        double number = 0;
        if (token.kind == TokenKind::Decimal && parsed(number))
            return Value::ofDouble(number);
        return badKey("key value out of range");
    }
    if (token.kind == TokenKind::Identifier) // Boolean keys
        return Value::ofBool(token.text == "true");
    return Value::ofText(token.text);
}

std::string percentEncode(std::string_view text)
{
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string out;
    out.reserve(text.size() + 8);
    for (unsigned char c : text) {
        const bool plain =
            (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
            std::string_view("-._~$()',:/@*!").find(static_cast<char>(c)) != std::string_view::npos;
        if (plain) {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 0x0F];
        }
    }
    return out;
}

QueryList parseQueryString(std::string_view raw)
{
    QueryList out;
    while (!raw.empty()) {
        const std::size_t amp = raw.find('&');
        std::string_view part = raw.substr(0, amp);
        raw = amp == std::string_view::npos ? std::string_view() : raw.substr(amp + 1);
        if (part.empty())
            continue;
        const std::size_t eq = part.find('=');
        std::string name = http::percentDecode(part.substr(0, eq), true);
        std::string value =
            eq == std::string_view::npos ? std::string() : http::percentDecode(part.substr(eq + 1), true);
        out.emplace_back(std::move(name), std::move(value));
    }
    return out;
}

std::string buildQueryString(const QueryList &options)
{
    std::string out;
    for (const auto &[name, value] : options) {
        if (!out.empty())
            out += '&';
        out += percentEncode(name);
        out += '=';
        out += percentEncode(value);
    }
    return out;
}

} // namespace lakeshore::demo::odata
