#include "assistant/jsonscan.h"

#include "assistant/jsonscandetail.h"
#include "core/result.h"

#include <charconv>
#include <clocale>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <limits>

namespace lakeshore::assistant {

namespace {

constexpr std::uint8_t kFirst = 0x80; // stack flag: the container has not had an element yet

inline bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}
// The nearest double of a literal from_chars found out of range: strtod in the C locale (whatever the
// application's locale) gives +-HUGE_VAL on overflow and 0 or a subnormal on underflow.
double outOfRangeValue(std::string_view literal)
{
    static const locale_t cLocale = newlocale(LC_ALL_MASK, "C", nullptr);
    const std::string copy(literal);
    return strtod_l(copy.c_str(), nullptr, cLocale);
}

void convertNumber(std::string_view literal, bool integral, JsonNumber &out)
{
    out.literal = literal;
    const char *first = literal.data();
    const char *last = first + literal.size();
    if (integral) {
        const std::size_t digits = literal.size() - (literal[0] == '-' ? 1 : 0);
        if (digits <= 18) {
            std::int64_t value = 0;
            for (const char *p = first + (literal[0] == '-' ? 1 : 0); p < last; ++p)
                value = value * 10 + (*p - '0');
            out.kind = JsonNumber::Kind::Integer;
            out.integer = literal[0] == '-' ? -value : value;
            out.real = static_cast<double>(out.integer);
            return;
        }
        std::int64_t value = 0;
        const auto parsed = std::from_chars(first, last, value);
        if (parsed.ec == std::errc() && parsed.ptr == last) {
            out.kind = JsonNumber::Kind::Integer;
            out.integer = value;
            out.real = static_cast<double>(value);
            return;
        }
        out.kind = JsonNumber::Kind::BigInteger;
        out.integer = 0;
        if (std::from_chars(first, last, out.real).ec != std::errc())
            out.real = outOfRangeValue(literal);
        return;
    }
    out.integer = 0;
    const auto parsed = std::from_chars(first, last, out.real);
    if (parsed.ec == std::errc()) {
        out.kind = JsonNumber::Kind::Real;
        return;
    }
    // Subnormals are representable (some from_chars report them out of range); infinity and a nonzero
    // literal rounded to zero are not.
    out.real = outOfRangeValue(literal);
    out.kind = std::isinf(out.real) || out.real == 0 ? JsonNumber::Kind::OutOfRange : JsonNumber::Kind::Real;
}

} // namespace

std::string detail::describeJsonByte(char c)
{
    const auto u = static_cast<unsigned char>(c);
    char buf[24];
    if (u >= 0x20 && u < 0x7F)
        std::snprintf(buf, sizeof buf, "'%c'", c);
    else
        std::snprintf(buf, sizeof buf, "byte 0x%02X", u);
    return buf;
}

Error jsonError(const JsonError &error, std::string_view where)
{
    std::string message = "invalid JSON";
    if (!where.empty()) {
        message += ' ';
        message += where;
    }
    message += " at byte " + std::to_string(error.offset) + ": " + error.message;
    return makeError(ErrorKind::Malformed, std::move(message));
}

JsonScanner::JsonScanner(std::string_view text, std::size_t maxDepth)
    : m_begin(text.data()), m_p(text.data()), m_end(text.data() + text.size()), m_maxDepth(maxDepth)
{
}

bool JsonScanner::fail(std::string message)
{
    return failAt(offset(), std::move(message));
}

bool JsonScanner::failAt(std::size_t offset, std::string message)
{
    if (!m_failed) {
        m_failed = true;
        m_error = {offset, std::move(message)};
    }
    return false;
}

void JsonScanner::skipWhitespace()
{
    while (m_p < m_end && (*m_p == ' ' || *m_p == '\n' || *m_p == '\r' || *m_p == '\t'))
        ++m_p;
}

JsonKind JsonScanner::peek()
{
    if (m_failed)
        return JsonKind::Invalid;
    skipWhitespace();
    if (m_p >= m_end) {
        fail("unexpected end of input, expected a value");
        return JsonKind::Invalid;
    }
    switch (*m_p) {
    case '{':
        return JsonKind::Object;
    case '[':
        return JsonKind::Array;
    case '"':
        return JsonKind::String;
    case 't':
        return JsonKind::True;
    case 'f':
        return JsonKind::False;
    case 'n':
        return JsonKind::Null;
    case '-':
        return JsonKind::Number;
    default:
        if (isDigit(*m_p))
            return JsonKind::Number;
        fail("unexpected " + detail::describeJsonByte(*m_p) + ", expected a value");
        return JsonKind::Invalid;
    }
}

bool JsonScanner::push(char closer)
{
    if (m_stack.size() >= m_maxDepth)
        return fail("nesting deeper than " + std::to_string(m_maxDepth) + " levels");
    m_stack.push_back(static_cast<char>(static_cast<std::uint8_t>(closer) | kFirst));
    ++m_p;
    return true;
}

bool JsonScanner::beginObject()
{
    const JsonKind kind = peek();
    if (kind != JsonKind::Object)
        return kind == JsonKind::Invalid ? false : fail("expected an object");
    return push('}');
}

bool JsonScanner::beginArray()
{
    const JsonKind kind = peek();
    if (kind != JsonKind::Array)
        return kind == JsonKind::Invalid ? false : fail("expected an array");
    return push(']');
}

bool JsonScanner::nextKey(std::string_view &key)
{
    if (m_failed)
        return false;
    if (m_stack.empty() || (static_cast<std::uint8_t>(m_stack.back()) & 0x7F) != '}')
        return fail("nextKey outside an object");
    skipWhitespace();
    if (m_p >= m_end)
        return fail("unexpected end of input in an object");
    auto &top = reinterpret_cast<std::uint8_t &>(m_stack.back());
    if (*m_p == '}') {
        ++m_p;
        m_stack.pop_back();
        return false;
    }
    if (top & kFirst) {
        top &= 0x7F;
    } else {
        if (*m_p != ',')
            return fail("unexpected " + detail::describeJsonByte(*m_p) +
                        ", expected ',' or '}' in an object");
        ++m_p;
        skipWhitespace();
        if (m_p >= m_end)
            return fail("unexpected end of input, expected a key");
    }
    if (*m_p != '"')
        return fail("unexpected " + detail::describeJsonByte(*m_p) + ", expected a string key");
    const char *start = m_p + 1;
    bool escaped = false;
    if (!scanString(escaped))
        return false;
    const char *stop = m_p - 1;
    if (!escaped) {
        key = {start, static_cast<std::size_t>(stop - start)};
    } else {
        m_keyScratch.assign(start, stop);
        m_keyScratch.resize(static_cast<std::size_t>(
            unescapeJsonInPlace(m_keyScratch.data(), m_keyScratch.data() + m_keyScratch.size()) -
            m_keyScratch.data()));
        key = m_keyScratch;
    }
    skipWhitespace();
    if (m_p >= m_end)
        return fail("unexpected end of input, expected ':'");
    if (*m_p != ':')
        return fail("unexpected " + detail::describeJsonByte(*m_p) + ", expected ':' after a key");
    ++m_p;
    return true;
}

bool JsonScanner::nextElement()
{
    if (m_failed)
        return false;
    if (m_stack.empty() || (static_cast<std::uint8_t>(m_stack.back()) & 0x7F) != ']')
        return fail("nextElement outside an array");
    skipWhitespace();
    if (m_p >= m_end)
        return fail("unexpected end of input in an array");
    auto &top = reinterpret_cast<std::uint8_t &>(m_stack.back());
    if (*m_p == ']') {
        ++m_p;
        m_stack.pop_back();
        return false;
    }
    if (top & kFirst) {
        top &= 0x7F;
        return true;
    }
    if (*m_p != ',')
        return fail("unexpected " + detail::describeJsonByte(*m_p) + ", expected ',' or ']' in an array");
    ++m_p;
    return true;
}

bool JsonScanner::scanNumber(std::string_view &literal, bool &integral)
{
    const char *start = m_p;
    if (*m_p == '-')
        ++m_p;
    if (m_p >= m_end)
        return fail("unexpected end of input in a number");
    if (*m_p == '0') {
        ++m_p;
    } else if (isDigit(*m_p)) {
        while (m_p < m_end && isDigit(*m_p))
            ++m_p;
    } else {
        return fail("invalid number: expected a digit");
    }
    integral = true;
    if (m_p < m_end && *m_p == '.') {
        ++m_p;
        integral = false;
        if (m_p >= m_end || !isDigit(*m_p))
            return m_p >= m_end ? fail("unexpected end of input in a number")
                                : fail("invalid number: expected a digit after '.'");
        while (m_p < m_end && isDigit(*m_p))
            ++m_p;
    }
    if (m_p < m_end && (*m_p == 'e' || *m_p == 'E')) {
        ++m_p;
        integral = false;
        if (m_p < m_end && (*m_p == '+' || *m_p == '-'))
            ++m_p;
        if (m_p >= m_end || !isDigit(*m_p))
            return m_p >= m_end ? fail("unexpected end of input in a number")
                                : fail("invalid number: expected a digit in the exponent");
        while (m_p < m_end && isDigit(*m_p))
            ++m_p;
    }
    if (m_p < m_end && isDigit(*m_p))
        return fail("invalid number: leading zero");
    literal = {start, static_cast<std::size_t>(m_p - start)};
    return true;
}

bool JsonScanner::readNumber(JsonNumber &out)
{
    if (m_failed || m_p >= m_end || !(*m_p == '-' || isDigit(*m_p))) {
        const JsonKind kind = peek();
        if (kind != JsonKind::Number)
            return kind == JsonKind::Invalid ? false : fail("expected a number");
    }
    std::string_view literal;
    bool integral = true;
    if (!scanNumber(literal, integral))
        return false;
    convertNumber(literal, integral, out);
    return true;
}

bool JsonScanner::skipLiteral(std::string_view word)
{
    if (static_cast<std::size_t>(m_end - m_p) < word.size()) {
        if (std::memcmp(m_p, word.data(), static_cast<std::size_t>(m_end - m_p)) == 0)
            return failAt(static_cast<std::size_t>(m_end - m_begin), "unexpected end of input in a literal");
        return fail("invalid literal, expected " + std::string(word));
    }
    if (std::memcmp(m_p, word.data(), word.size()) != 0)
        return fail("invalid literal, expected " + std::string(word));
    m_p += word.size();
    return true;
}

bool JsonScanner::readBool(bool &out)
{
    const JsonKind kind = peek();
    if (kind == JsonKind::True) {
        out = true;
        return skipLiteral("true");
    }
    if (kind == JsonKind::False) {
        out = false;
        return skipLiteral("false");
    }
    return kind == JsonKind::Invalid ? false : fail("expected true or false");
}

bool JsonScanner::readNull()
{
    const JsonKind kind = peek();
    if (kind != JsonKind::Null)
        return kind == JsonKind::Invalid ? false : fail("expected null");
    return skipLiteral("null");
}

bool JsonScanner::skipValue()
{
    const std::size_t base = m_stack.size();
    std::string_view key;
    for (;;) {
        bool scalarDone = true;
        switch (peek()) {
        case JsonKind::Object:
            if (!push('}'))
                return false;
            if (nextKey(key))
                scalarDone = false; // a member value follows
            break;
        case JsonKind::Array:
            if (!push(']'))
                return false;
            if (nextElement())
                scalarDone = false;
            break;
        case JsonKind::String:
            if (!skipString())
                return false;
            break;
        case JsonKind::Number: {
            std::string_view literal;
            bool integral = true;
            if (!scanNumber(literal, integral))
                return false;
            break;
        }
        case JsonKind::True:
            if (!skipLiteral("true"))
                return false;
            break;
        case JsonKind::False:
            if (!skipLiteral("false"))
                return false;
            break;
        case JsonKind::Null:
            if (!skipLiteral("null"))
                return false;
            break;
        case JsonKind::Invalid:
            return false;
        }
        if (m_failed)
            return false;
        if (!scalarDone)
            continue;
        // A value is complete: close containers until one has another element, or we are back at base.
        for (;;) {
            if (m_stack.size() <= base)
                return true;
            const bool more =
                (static_cast<std::uint8_t>(m_stack.back()) & 0x7F) == '}' ? nextKey(key) : nextElement();
            if (more)
                break;
            if (m_failed)
                return false;
        }
    }
}

bool JsonScanner::rawValue(std::string_view &raw)
{
    if (peek() == JsonKind::Invalid)
        return false;
    const char *start = m_p;
    if (!skipValue())
        return false;
    raw = {start, static_cast<std::size_t>(m_p - start)};
    return true;
}

bool JsonScanner::finish()
{
    if (m_failed)
        return false;
    skipWhitespace();
    if (m_p != m_end)
        return fail("unexpected " + detail::describeJsonByte(*m_p) + " after the JSON value");
    return true;
}

bool parseJsonNumber(std::string_view text, JsonNumber &out)
{
    if (text.empty() || !(text[0] == '-' || isDigit(text[0])))
        return false;
    JsonScanner scanner(text);
    return scanner.readNumber(out) && scanner.offset() == text.size();
}

} // namespace lakeshore::assistant
