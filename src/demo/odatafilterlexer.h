// Tokens of an OData $filter expression (also used for key predicates): identifiers, literals, parentheses.
#pragma once

#include "core/result.h"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace lakeshore::demo::odata {

enum class TokenKind {
    Identifier,     // property, function, operator or keyword (true, false, null)
    String,         // 'it''s' arrives unescaped: it's
    Integer,        // 42, -7
    Decimal,        // 3.5, -1e3
    Guid,           // lower-cased
    Date,           // 2026-01-31
    DateTimeOffset, // 2026-01-31T10:00:00Z, 2026-01-31T10:00:00.5+02:00
    OpenParen,
    CloseParen,
    Comma,
    End,
};

struct Token
{
    TokenKind kind = TokenKind::End;
    std::string text;
    std::size_t position = 0; // 1-based character offset in the expression
};

[[nodiscard]] const char *tokenKindName(TokenKind kind);

Result<std::vector<Token>> tokenizeFilter(std::string_view text);

} // namespace lakeshore::demo::odata
