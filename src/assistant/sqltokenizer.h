// SQL tokenizer for the query guard: splits query text into words, quoted identifiers, literals, comments
// and punctuation the way each target dialect's own lexer would, and refuses what it cannot classify.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace lakeshore::assistant {

// Generic means "every dialect we target at once": text is accepted only if all of them read it cleanly.
enum class SqlDialect { Generic, Databricks, Snowflake, PostgreSQL, SQLite };

enum class TokenKind {
    Word,             // keyword or unquoted identifier
    QuotedIdentifier, // "x", `x` or [x], quotes included
    String,           // '...', E'...', $$...$$, $tag$...$tag$ (and "..." in Databricks)
    Number,
    Operator, // any other punctuation, one character per token
    LeftParen,
    RightParen,
    Comma,
    Dot,
    Semicolon,
    Comment,
};

struct Token
{
    TokenKind kind = TokenKind::Operator;
    std::size_t offset = 0; // byte offset into the tokenized text
    std::string_view text;  // a view into the tokenized text, quotes and comment markers included
};

struct TokenizeResult
{
    std::vector<Token> tokens; // whitespace dropped, comments kept
    std::string error;         // empty when the whole text was classified
    std::size_t errorOffset = 0;
    [[nodiscard]] bool ok() const { return error.empty(); }
};

// Generic tokenizes as every concrete dialect, fails if any of them fails, and returns the PostgreSQL tokens.
[[nodiscard]] TokenizeResult tokenize(std::string_view sql, SqlDialect dialect);

[[nodiscard]] std::string_view dialectName(SqlDialect dialect);

// The concrete dialects, in the order Generic tries them.
inline constexpr SqlDialect kConcreteDialects[] = {SqlDialect::Databricks, SqlDialect::Snowflake,
                                                   SqlDialect::PostgreSQL, SqlDialect::SQLite};

} // namespace lakeshore::assistant
