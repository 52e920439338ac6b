// JsonScanner's strings: validation (16 bytes at a time where SSE2 exists), escapes and surrogate pairs,
// UTF-8, and unescaping, also in place.
#include "assistant/jsonscan.h"
#include "assistant/jsonscandetail.h"

#include <cstring>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace lakeshore::assistant {

using detail::describeJsonByte;

namespace {

// String bytes that end a plain run: '"', '\\', controls and anything non-ASCII.
struct StringClass
{
    std::uint8_t table[256] = {};
    constexpr StringClass()
    {
        for (int c = 0; c < 0x20; ++c)
            table[c] = 1;
        for (int c = 0x80; c < 0x100; ++c)
            table[c] = 1;
        table[static_cast<unsigned char>('"')] = 1;
        table[static_cast<unsigned char>('\\')] = 1;
    }
};
constexpr StringClass kStringClass;

// The one-character escapes and what they stand for (0: not one).
struct SimpleEscape
{
    char table[256] = {};
    constexpr SimpleEscape()
    {
        table[static_cast<unsigned char>('"')] = '"';
        table[static_cast<unsigned char>('\\')] = '\\';
        table[static_cast<unsigned char>('/')] = '/';
        table[static_cast<unsigned char>('b')] = '\b';
        table[static_cast<unsigned char>('f')] = '\f';
        table[static_cast<unsigned char>('n')] = '\n';
        table[static_cast<unsigned char>('r')] = '\r';
        table[static_cast<unsigned char>('t')] = '\t';
    }
};
constexpr SimpleEscape kSimpleEscape;
// Eight bytes at a time: the high bit set in (at least) the first byte that is special in a string.
// Borrows can only mark bytes after a real hit, so the lowest set bit is exact.
inline std::uint64_t specialBytes(std::uint64_t x)
{
    constexpr std::uint64_t ones = 0x0101010101010101ull;
    constexpr std::uint64_t highs = 0x8080808080808080ull;
    const std::uint64_t quote = x ^ (ones * '"');
    const std::uint64_t backslash = x ^ (ones * '\\');
    return (((x - ones * 0x20) & ~x) | ((quote - ones) & ~quote) | ((backslash - ones) & ~backslash) | x) &
           highs;
}
char *writeUtf8(char *w, char32_t cp)
{
    if (cp < 0x80) {
        *w++ = static_cast<char>(cp);
    } else if (cp < 0x800) {
        *w++ = static_cast<char>(0xC0 | (cp >> 6));
        *w++ = static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        *w++ = static_cast<char>(0xE0 | (cp >> 12));
        *w++ = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        *w++ = static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        *w++ = static_cast<char>(0xF0 | (cp >> 18));
        *w++ = static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        *w++ = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        *w++ = static_cast<char>(0x80 | (cp & 0x3F));
    }
    return w;
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
} // namespace

bool JsonScanner::scanString(bool &escaped)
{
    const char *p = m_p + 1; // after the opening quote
    const char *const end = m_end;
    escaped = false;
    for (;;) {
#if defined(__SSE2__)
        // Sixteen bytes at a time; the special bytes of a block (quote, backslash, controls, non-ASCII)
        // are walked in order from a bit mask, so dense escapes (JSON inside a JSON string) stay cheap.
        while (end - p >= 16) {
            const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p));
            const __m128i quote = _mm_cmpeq_epi8(v, _mm_set1_epi8('"'));
            const __m128i slash = _mm_cmpeq_epi8(v, _mm_set1_epi8('\\'));
            const __m128i control = _mm_cmpeq_epi8(_mm_max_epu8(v, _mm_set1_epi8(0x1F)), _mm_set1_epi8(0x1F));
            unsigned mask = static_cast<unsigned>(
                _mm_movemask_epi8(_mm_or_si128(_mm_or_si128(quote, slash), control)) | _mm_movemask_epi8(v));
            bool reload = false;
            while (mask) {
                const unsigned i = static_cast<unsigned>(__builtin_ctz(mask));
                const auto c = static_cast<unsigned char>(p[i]);
                if (c == '"') {
                    m_p = p + i + 1;
                    return true;
                }
                if (c == '\\') {
                    escaped = true;
                    if (i < 15 && kSimpleEscape.table[static_cast<unsigned char>(p[i + 1])]) {
                        mask &= ~(3u << i); // the backslash and the character it escapes
                        continue;
                    }
                    m_p = p + i;
                    if (m_end - m_p >= 2 && kSimpleEscape.table[static_cast<unsigned char>(m_p[1])])
                        m_p += 2; // an escape across the block's end
                    else if (!scanEscape())
                        return false;
                } else {
                    m_p = p + i;
                    if (c < 0x20)
                        return fail("unescaped control character " + describeJsonByte(*m_p) + " in a string");
                    if (!scanUtf8())
                        return false;
                }
                p = m_p;
                reload = true;
                break;
            }
            if (!reload)
                p += 16;
        }
#endif
        while (end - p >= 8) {
            std::uint64_t word;
            std::memcpy(&word, p, 8);
            const std::uint64_t special = specialBytes(word);
            if (special) {
                p += __builtin_ctzll(special) / 8;
                break;
            }
            p += 8;
        }
        while (p < end && !kStringClass.table[static_cast<unsigned char>(*p)])
            ++p;
        if (p >= end) {
            m_p = p;
            return fail("unexpected end of input in a string");
        }
        const auto c = static_cast<unsigned char>(*p);
        if (c == '"') {
            m_p = p + 1;
            return true;
        }
        if (c == '\\') {
            escaped = true;
            if (end - p >= 2 && kSimpleEscape.table[static_cast<unsigned char>(p[1])]) {
                p += 2;
                continue;
            }
            m_p = p;
            if (!scanEscape())
                return false;
            p = m_p;
            continue;
        }
        m_p = p;
        if (c < 0x20)
            return fail("unescaped control character " + describeJsonByte(*p) + " in a string");
        if (!scanUtf8())
            return false;
        p = m_p;
    }
}

// Validates a \u escape (with its low surrogate when it is a high one) at m_p and moves past it; the
// one-character escapes are handled by the caller.
bool JsonScanner::scanEscape()
{
    const char *at = m_p;
    if (m_end - m_p < 2)
        return fail("unexpected end of input in an escape");
    if (m_p[1] != 'u')
        return fail("invalid escape \\" + describeJsonByte(m_p[1]) + " in a string");
    char32_t unit = 0;
    if (!hex4(at, unit))
        return false;
    m_p = at + 6;
    if (unit >= 0xDC00 && unit <= 0xDFFF)
        return failAt(static_cast<std::size_t>(at - m_begin), "lone low surrogate in a \\u escape");
    if (unit >= 0xD800 && unit <= 0xDBFF) {
        if (m_end - m_p < 2 || m_p[0] != '\\' || m_p[1] != 'u')
            return failAt(static_cast<std::size_t>(at - m_begin),
                          "high surrogate not followed by a low surrogate");
        char32_t low = 0;
        if (!hex4(m_p, low))
            return false;
        if (low < 0xDC00 || low > 0xDFFF)
            return failAt(static_cast<std::size_t>(at - m_begin),
                          "high surrogate not followed by a low surrogate");
        m_p += 6;
    }
    return true;
}

bool JsonScanner::hex4(const char *p, char32_t &unit)
{
    if (m_end - p < 6)
        return failAt(static_cast<std::size_t>(m_end - m_begin), "unexpected end of input in a \\u escape");
    unit = 0;
    for (int i = 2; i < 6; ++i) {
        const int v = hexValue(p[i]);
        if (v < 0)
            return failAt(static_cast<std::size_t>(p + i - m_begin), "invalid hex digit in a \\u escape");
        unit = (unit << 4) | static_cast<char32_t>(v);
    }
    return true;
}

bool JsonScanner::scanUtf8()
{
    const auto *p = reinterpret_cast<const unsigned char *>(m_p);
    const auto *end = reinterpret_cast<const unsigned char *>(m_end);
    const unsigned char c = p[0];
    std::size_t length = 0;
    unsigned char low = 0x80, high = 0xBF; // the range allowed for the second byte
    if (c >= 0xC2 && c <= 0xDF) {
        length = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
        length = 3;
        if (c == 0xE0)
            low = 0xA0; // no overlongs
        if (c == 0xED)
            high = 0x9F; // no surrogates
    } else if (c >= 0xF0 && c <= 0xF4) {
        length = 4;
        if (c == 0xF0)
            low = 0x90;
        if (c == 0xF4)
            high = 0x8F; // nothing past U+10FFFF
    } else {
        return fail("invalid UTF-8 " + describeJsonByte(*m_p) + " in a string");
    }
    if (static_cast<std::size_t>(end - p) < length)
        return fail("truncated UTF-8 sequence in a string");
    if (p[1] < low || p[1] > high)
        return fail("invalid UTF-8 sequence in a string");
    for (std::size_t i = 2; i < length; ++i)
        if ((p[i] & 0xC0) != 0x80)
            return fail("invalid UTF-8 sequence in a string");
    m_p += length;
    return true;
}

bool JsonScanner::readString(std::string &out)
{
    out.clear();
    return appendString(out);
}

bool JsonScanner::appendString(std::string &out)
{
    if (m_failed || m_p >= m_end || *m_p != '"') {
        const JsonKind kind = peek();
        if (kind != JsonKind::String)
            return kind == JsonKind::Invalid ? false : fail("expected a string");
    }
    const char *first = m_p + 1;
    bool escaped = false;
    if (!scanString(escaped))
        return false;
    const std::size_t old = out.size();
    out.append(first, static_cast<std::size_t>(m_p - 1 - first));
    if (escaped)
        out.resize(static_cast<std::size_t>(unescapeJsonInPlace(out.data() + old, out.data() + out.size()) -
                                            out.data()));
    return true;
}

bool JsonScanner::skipString()
{
    if (m_failed || m_p >= m_end || *m_p != '"') {
        const JsonKind kind = peek();
        if (kind != JsonKind::String)
            return kind == JsonKind::Invalid ? false : fail("expected a string");
    }
    bool escaped = false;
    return scanString(escaped);
}

bool JsonScanner::unescapeStringInPlace(char *mutableText, std::string_view &out)
{
    if (m_failed || m_p >= m_end || *m_p != '"') {
        const JsonKind kind = peek();
        if (kind != JsonKind::String)
            return kind == JsonKind::Invalid ? false : fail("expected a string");
    }
    const char *p = m_p + 1;
    const char *const end = m_end;
    auto writable = [&](const char *q) { return mutableText + (q - m_begin); };
    char *const start = writable(p);
    char *w = start; // never past writable(p): unescaping only shrinks the text
    for (;;) {
#if defined(__SSE2__)
        while (end - p >= 16) {
            const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p));
            const __m128i quote = _mm_cmpeq_epi8(v, _mm_set1_epi8('"'));
            const __m128i slash = _mm_cmpeq_epi8(v, _mm_set1_epi8('\\'));
            const __m128i control = _mm_cmpeq_epi8(_mm_max_epu8(v, _mm_set1_epi8(0x1F)), _mm_set1_epi8(0x1F));
            const unsigned mask = static_cast<unsigned>(
                _mm_movemask_epi8(_mm_or_si128(_mm_or_si128(quote, slash), control)) | _mm_movemask_epi8(v));
            const unsigned run = mask ? static_cast<unsigned>(__builtin_ctz(mask)) : 16;
            char *const here = writable(p);
            if (w != here) {
                if (here - w >= 16)
                    _mm_storeu_si128(reinterpret_cast<__m128i *>(w), v); // cannot reach bytes not yet read
                else
                    std::memmove(w, here, run);
            }
            w += run;
            p += run;
            if (mask)
                break;
        }
#endif
        if (p >= end) {
            m_p = p;
            return fail("unexpected end of input in a string");
        }
        const auto c = static_cast<unsigned char>(*p);
        if (!kStringClass.table[c]) {
            *w++ = static_cast<char>(c);
            ++p;
            continue;
        }
        if (c == '"') {
            m_p = p + 1;
            out = {start, static_cast<std::size_t>(w - start)};
            return true;
        }
        if (c == '\\') {
            if (end - p >= 2 && kSimpleEscape.table[static_cast<unsigned char>(p[1])]) {
                *w++ = kSimpleEscape.table[static_cast<unsigned char>(p[1])];
                p += 2;
                continue;
            }
            m_p = p;
            if (!scanEscape())
                return false;
            char32_t unit = 0;
            for (int i = 2; i < 6; ++i)
                unit = (unit << 4) | static_cast<char32_t>(hexValue(p[i]));
            if (m_p - p == 12) {
                char32_t low = 0;
                for (int i = 8; i < 12; ++i)
                    low = (low << 4) | static_cast<char32_t>(hexValue(p[i]));
                unit = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
            }
            w = writeUtf8(w, unit);
            p = m_p;
            continue;
        }
        m_p = p;
        if (c < 0x20)
            return fail("unescaped control character " + describeJsonByte(*p) + " in a string");
        if (!scanUtf8())
            return false;
        std::memmove(w, writable(p), static_cast<std::size_t>(m_p - p));
        w += m_p - p;
        p = m_p;
    }
}

char *unescapeJsonInPlace(char *first, char *last)
{
    char *w = first;
    const char *p = first;
    while (p < last) {
        std::size_t run; // plain bytes before the next backslash (or the end)
#if defined(__SSE2__)
        if (last - p >= 16) {
            const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p));
            const unsigned slashes =
                static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8('\\'))));
            run = slashes ? static_cast<unsigned>(__builtin_ctz(slashes)) : 16;
            if (w != p) {
                if (p - w >= 16)
                    _mm_storeu_si128(reinterpret_cast<__m128i *>(w), v); // cannot reach bytes not yet read
                else
                    std::memmove(w, p, run);
            }
            p += run;
            w += run;
            if (!slashes)
                continue;
        } else
#endif
        {
            const auto *slash =
                static_cast<const char *>(std::memchr(p, '\\', static_cast<std::size_t>(last - p)));
            run = static_cast<std::size_t>((slash ? slash : last) - p);
            if (w != p)
                std::memmove(w, p, run);
            p += run;
            w += run;
            if (!slash)
                break;
        }
        // p is at a backslash
        const char e = p[1];
        if (e != 'u') {
            *w++ = kSimpleEscape.table[static_cast<unsigned char>(e)];
            p += 2;
            continue;
        }
        char32_t unit = 0;
        for (int i = 2; i < 6; ++i)
            unit = (unit << 4) | static_cast<char32_t>(hexValue(p[i]));
        p += 6;
        if (unit >= 0xD800 && unit <= 0xDBFF) {
            char32_t low = 0;
            for (int i = 2; i < 6; ++i)
                low = (low << 4) | static_cast<char32_t>(hexValue(p[i]));
            p += 6;
            unit = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
        }
        w = writeUtf8(w, unit); // at most 4 bytes where the escape took 6 or 12
    }
    return w;
}

void appendCompactJson(std::string_view validJson, std::string &out)
{
    bool inString = false;
    for (std::size_t i = 0; i < validJson.size(); ++i) {
        const char c = validJson[i];
        if (inString) {
            out.push_back(c);
            if (c == '\\')
                out.push_back(validJson[++i]); // the escaped character, whatever it is
            else if (c == '"')
                inString = false;
        } else if (c == '"') {
            inString = true;
            out.push_back(c);
        } else if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
            out.push_back(c);
        }
    }
}

} // namespace lakeshore::assistant
