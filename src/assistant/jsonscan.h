// A small, strict, pull-style JSON scanner over text held in memory, for decoding large tool results
// without building a DOM. It validates as it goes (RFC 8259 grammar, UTF-8, escapes and surrogate pairs,
// a nesting limit) and keeps the first error with the exact byte offset where the text went wrong. Once it
// has failed every call returns false; callers check failed() where "false" could also mean "end".
#pragma once

#include "core/error.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace lakeshore::assistant {

inline constexpr std::size_t kDefaultJsonMaxDepth = 128;

struct JsonError
{
    std::size_t offset = 0; // byte offset into the scanned text
    std::string message;
};

// "invalid JSON at byte N: message" (where, when given, names the text: "in the text block").
[[nodiscard]] Error jsonError(const JsonError &error, std::string_view where = {});

enum class JsonKind : std::uint8_t { Object, Array, String, Number, True, False, Null, Invalid };

struct JsonNumber
{
    enum class Kind : std::uint8_t {
        Integer,    // fits int64: integer holds it exactly
        Real,       // has a fraction or exponent: real holds the correctly rounded double
        BigInteger, // an integer beyond int64: literal is exact, real the nearest double
        OutOfRange, // a real beyond double's range: literal is exact, real is +-infinity or +-0
    };
    Kind kind = Kind::Integer;
    std::int64_t integer = 0;
    double real = 0;
    std::string_view literal; // the number exactly as written, pointing into the scanned text
};

class JsonScanner
{
public:
    explicit JsonScanner(std::string_view text, std::size_t maxDepth = kDefaultJsonMaxDepth);

    [[nodiscard]] bool failed() const { return m_failed; }
    [[nodiscard]] const JsonError &error() const { return m_error; }
    [[nodiscard]] std::size_t offset() const { return static_cast<std::size_t>(m_p - m_begin); }
    [[nodiscard]] std::string_view text() const
    {
        return {m_begin, static_cast<std::size_t>(m_end - m_begin)};
    }
    [[nodiscard]] std::size_t depth() const { return m_stack.size(); }

    // The kind of the next value after whitespace, not consumed. Invalid (and an error) at the end of the
    // text or on a byte no JSON value starts with.
    JsonKind peek();

    bool beginObject();
    bool beginArray();
    // The next member of the innermost object: true with its key (valid until the next call), false at
    // its closing brace (consumed) or on an error.
    bool nextKey(std::string_view &key);
    // The next element of the innermost array: true when one follows, false at ']' (consumed) or on an error.
    bool nextElement();

    bool readString(std::string &out); // replaces out
    bool appendString(std::string &out);
    bool skipString();
    // Validates the string at the current position and unescapes it where it lies: mutableText is a
    // writable copy of (or the very same) text the scanner reads; out views the unescaped bytes in it.
    // One pass, for very large strings (a tool's JSON carried as text).
    bool unescapeStringInPlace(char *mutableText, std::string_view &out);
    bool readNumber(JsonNumber &out);
    bool readBool(bool &out);
    bool readNull();
    // Validates and skips one whole value; rawValue also returns its exact text.
    bool skipValue();
    bool rawValue(std::string_view &raw);
    // Only whitespace may follow.
    bool finish();

    // Records an error (the first one wins) and returns false, for callers' own checks.
    bool fail(std::string message);
    bool failAt(std::size_t offset, std::string message);

private:
    bool scanString(bool &escaped); // validates a string at m_p and moves past it
    bool scanEscape();
    bool hex4(const char *p, char32_t &unit);
    bool scanUtf8();
    bool scanNumber(std::string_view &literal, bool &integral);
    bool skipLiteral(std::string_view word);
    bool push(char closer);
    void skipWhitespace();

    const char *m_begin;
    const char *m_p;
    const char *m_end;
    std::size_t m_maxDepth;
    bool m_failed = false;
    JsonError m_error;
    // One entry per open container: its closing byte, with 0x80 set until its first element was read.
    std::vector<char> m_stack;
    std::string m_keyScratch;
};

// Unescapes, in place, the body (between the quotes) of a JSON string that a JsonScanner has validated;
// returns the new end. The result is never longer than the input.
char *unescapeJsonInPlace(char *first, char *last);

// Appends a validated JSON value without the whitespace between its tokens (strings untouched).
void appendCompactJson(std::string_view validJson, std::string &out);

// Parses text (a whole string's content, no quotes) as a JSON number, strictly: the same grammar and
// result as JsonScanner::readNumber. False for anything else, including surrounding spaces.
[[nodiscard]] bool parseJsonNumber(std::string_view text, JsonNumber &out);

} // namespace lakeshore::assistant
