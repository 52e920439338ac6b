#include "assistant/sqltextcheck.h"

#include <cstdio>

namespace lakeshore::assistant {

namespace {

std::string codePointName(char32_t cp)
{
    char buf[16];
    std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(cp));
    return buf;
}

// Characters that are invisible or reorder text; in a query they can only hide what a reader would see.
bool isDeceptive(char32_t cp)
{
    return (cp >= 0x80 && cp <= 0x9F)                        // C1 controls
           || cp == 0x061C || cp == 0x200E || cp == 0x200F   // bidi marks
           || (cp >= 0x202A && cp <= 0x202E)                 // bidi embeddings and overrides
           || (cp >= 0x2066 && cp <= 0x2069)                 // bidi isolates
           || (cp >= 0x200B && cp <= 0x200D) || cp == 0x2060 // zero-width characters
           || cp == 0xFEFF                                   // byte order mark / zero-width no-break space
           || cp == 0x2028 || cp == 0x2029;                  // line and paragraph separators
}

} // namespace

TextProblem checkQueryText(std::string_view text)
{
    const std::size_t n = text.size();
    std::size_t i = 0;
    while (i < n) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c < 0x80) {
            if (c == 0)
                return {"a NUL byte", i};
            if (c == '\r' && (i + 1 >= n || text[i + 1] != '\n'))
                return {
                    "a carriage return not followed by a line feed (dialects end comments differently there)",
                    i};
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') || c == 0x7F)
                return {"a control character " + codePointName(c), i};
            ++i;
            continue;
        }
        std::size_t length = 0;
        char32_t cp = 0;
        char32_t minimum = 0;
        if ((c & 0xE0) == 0xC0) {
            length = 2, cp = c & 0x1F, minimum = 0x80;
        } else if ((c & 0xF0) == 0xE0) {
            length = 3, cp = c & 0x0F, minimum = 0x800;
        } else if ((c & 0xF8) == 0xF0) {
            length = 4, cp = c & 0x07, minimum = 0x10000;
        } else {
            return {"invalid UTF-8", i};
        }
        if (i + length > n)
            return {"invalid UTF-8 (truncated sequence)", i};
        for (std::size_t k = 1; k < length; ++k) {
            const auto cc = static_cast<unsigned char>(text[i + k]);
            if ((cc & 0xC0) != 0x80)
                return {"invalid UTF-8", i};
            cp = (cp << 6) | (cc & 0x3F);
        }
        if (cp < minimum || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return {"invalid UTF-8 (overlong or out-of-range sequence)", i};
        if (isDeceptive(cp))
            return {"an invisible or direction-changing character " + codePointName(cp), i};
        i += length;
    }
    return {};
}

} // namespace lakeshore::assistant
