#include "assistant/sqltokenizer.h"

#include "assistant/sqltextcheck.h"

namespace lakeshore::assistant {

namespace {

enum class Escapes {
    Doubled,   // only a doubled quote escapes the quote ('It''s')
    Backslash, // a backslash escapes the next character too
    Ambiguous, // depends on server settings or version: both readings must end at the same quote
};

constexpr std::size_t npos = std::string_view::npos;

bool isAsciiLetter(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}
bool isHexDigit(char c)
{
    return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

class Lexer
{
public:
    Lexer(std::string_view text, SqlDialect dialect) : m_s(text), m_dialect(dialect) {}

    TokenizeResult run()
    {
        if (const TextProblem problem = checkQueryText(m_s); !problem.clean()) {
            fail(problem.offset, problem.message);
            return std::move(m_result);
        }
        while (m_i < m_s.size() && m_result.ok())
            step();
        return std::move(m_result);
    }

private:
    void fail(std::size_t at, std::string message)
    {
        m_result.error = std::move(message);
        m_result.errorOffset = at;
    }

    void push(TokenKind kind, std::size_t begin, std::size_t end)
    {
        m_result.tokens.push_back({kind, begin, m_s.substr(begin, end - begin)});
        m_i = end;
    }

    char at(std::size_t i) const { return i < m_s.size() ? m_s[i] : '\0'; }

    bool wordContinues(char c) const
    {
        // PostgreSQL and Snowflake allow '$' inside unquoted identifiers; elsewhere '$' is left to fail.
        const bool dollar = m_dialect == SqlDialect::PostgreSQL || m_dialect == SqlDialect::Snowflake;
        return isAsciiLetter(c) || isDigit(c) || c == '_' || (dollar && c == '$');
    }

    void step()
    {
        const char c = m_s[m_i];
        if (isSpace(c)) {
            ++m_i;
        } else if (c == '-' && at(m_i + 1) == '-') {
            lineComment();
        } else if (c == '/' && at(m_i + 1) == '/' && m_dialect == SqlDialect::Snowflake) {
            lineComment();
        } else if (c == '/' && at(m_i + 1) == '*') {
            blockComment();
        } else if (isAsciiLetter(c) || c == '_') {
            word();
        } else if (isDigit(c)) {
            number();
        } else if (c == '\'') {
            quoted(m_i, m_i, '\'', stringEscapes(), TokenKind::String);
        } else if (c == '"') {
            if (m_dialect == SqlDialect::Databricks) // a string unless ANSI mode makes it an identifier
                quoted(m_i, m_i, '"', Escapes::Ambiguous, TokenKind::String);
            else
                quoted(m_i, m_i, '"', Escapes::Doubled, TokenKind::QuotedIdentifier);
        } else if (c == '`') {
            if (m_dialect == SqlDialect::Databricks || m_dialect == SqlDialect::SQLite)
                quoted(m_i, m_i, '`', Escapes::Doubled, TokenKind::QuotedIdentifier);
            else
                fail(m_i, "a backtick, which this dialect does not use for quoting");
        } else if (c == '[' && m_dialect == SqlDialect::SQLite) {
            const std::size_t close = m_s.find(']', m_i + 1);
            if (close == npos)
                fail(m_i, "an unterminated [bracketed] identifier");
            else
                push(TokenKind::QuotedIdentifier, m_i, close + 1);
        } else if (c == '$') {
            dollar();
        } else if (c == '(') {
            push(TokenKind::LeftParen, m_i, m_i + 1);
        } else if (c == ')') {
            push(TokenKind::RightParen, m_i, m_i + 1);
        } else if (c == ',') {
            push(TokenKind::Comma, m_i, m_i + 1);
        } else if (c == '.') {
            push(TokenKind::Dot, m_i, m_i + 1);
        } else if (c == ';') {
            push(TokenKind::Semicolon, m_i, m_i + 1);
        } else if (c == '#') {
            fail(m_i, "'#', which is a comment in some SQL dialects and an operator in others");
        } else if (c == '\\') {
            fail(m_i, "a backslash outside a string");
        } else if (static_cast<unsigned char>(c) >= 0x80) {
            fail(m_i, "a non-ASCII character outside a string, quoted identifier or comment");
        } else {
            push(TokenKind::Operator, m_i, m_i + 1);
        }
    }

    Escapes stringEscapes() const
    {
        switch (m_dialect) {
        case SqlDialect::Databricks:
        case SqlDialect::Snowflake:
            return Escapes::Backslash;
        case SqlDialect::SQLite:
            return Escapes::Doubled;
        default: // PostgreSQL: standard_conforming_strings is a server setting
            return Escapes::Ambiguous;
        }
    }

    void lineComment()
    {
        std::size_t end = m_s.find('\n', m_i);
        if (end == npos)
            end = m_s.size();
        push(TokenKind::Comment, m_i, end);
    }

    void blockComment()
    {
        const bool nests = m_dialect == SqlDialect::PostgreSQL || m_dialect == SqlDialect::Databricks;
        std::size_t depth = 1;
        std::size_t i = m_i + 2;
        while (i < m_s.size()) {
            if (m_s[i] == '*' && at(i + 1) == '/') {
                i += 2;
                if (--depth == 0) {
                    push(TokenKind::Comment, m_i, i);
                    return;
                }
            } else if (m_s[i] == '/' && at(i + 1) == '*') {
                if (!nests) {
                    fail(i, "a '/*' inside a block comment, which dialects read differently");
                    return;
                }
                ++depth;
                i += 2;
            } else {
                ++i;
            }
        }
        fail(m_i, "an unterminated block comment");
    }

    // Index just past the closing quote, or npos when the text ends first.
    std::size_t scanQuoted(std::size_t open, char quote, bool backslash) const
    {
        std::size_t i = open + 1;
        while (i < m_s.size()) {
            const char c = m_s[i];
            if (backslash && c == '\\') {
                i += 2;
            } else if (c == quote) {
                if (at(i + 1) != quote)
                    return i + 1;
                i += 2;
            } else {
                ++i;
            }
        }
        return npos;
    }

    void quoted(std::size_t begin, std::size_t open, char quote, Escapes escapes, TokenKind kind)
    {
        std::size_t end = scanQuoted(open, quote, escapes == Escapes::Backslash);
        if (escapes == Escapes::Ambiguous && scanQuoted(open, quote, true) != end) {
            fail(open, "a backslash before a quote, which ends the literal in one reading and not the other");
            return;
        }
        if (end == npos) {
            fail(open, kind == TokenKind::String ? "an unterminated string literal"
                                                 : "an unterminated quoted identifier");
            return;
        }
        push(kind, begin, end);
    }

    void word()
    {
        std::size_t end = m_i + 1;
        while (end < m_s.size() && wordContinues(m_s[end]))
            ++end;
        const std::string_view text = m_s.substr(m_i, end - m_i);
        const char next = at(end);
        if (next == '\'' || (next == '"' && m_dialect == SqlDialect::Databricks)) {
            if (m_dialect == SqlDialect::PostgreSQL && (text == "E" || text == "e")) {
                quoted(m_i, end, '\'', Escapes::Backslash, TokenKind::String);
                return;
            }
            if (m_dialect == SqlDialect::Databricks && (text == "r" || text == "R")) {
                quoted(m_i, end, next, Escapes::Ambiguous, TokenKind::String); // raw string in newer runtimes
                return;
            }
        }
        push(TokenKind::Word, m_i, end);
    }

    void number()
    {
        std::size_t i = m_i;
        if (m_s[i] == '0' && (at(i + 1) == 'x' || at(i + 1) == 'X') && isHexDigit(at(i + 2))) {
            i += 2;
            while (isHexDigit(at(i)))
                ++i;
        } else {
            while (isDigit(at(i)))
                ++i;
            if (at(i) == '.') {
                ++i;
                while (isDigit(at(i)))
                    ++i;
            }
            if (at(i) == 'e' || at(i) == 'E') {
                std::size_t j = i + 1;
                if (at(j) == '+' || at(j) == '-')
                    ++j;
                if (isDigit(at(j))) {
                    i = j;
                    while (isDigit(at(i)))
                        ++i;
                }
            }
        }
        const char next = at(i);
        if (isAsciiLetter(next) || next == '_' || next == '$' || static_cast<unsigned char>(next) >= 0x80) {
            fail(m_i, "a number that runs into letters, which dialects split differently");
            return;
        }
        push(TokenKind::Number, m_i, i);
    }

    void dollar()
    {
        if (m_dialect == SqlDialect::Snowflake) {
            if (at(m_i + 1) != '$') {
                fail(m_i, "a '$' that does not open a $$ string (variables and positional columns are not "
                          "admitted)");
                return;
            }
            const std::size_t close = m_s.find("$$", m_i + 2);
            if (close == npos)
                fail(m_i, "an unterminated $$ string");
            else
                push(TokenKind::String, m_i, close + 2);
            return;
        }
        if (m_dialect != SqlDialect::PostgreSQL) {
            fail(m_i, "a '$', which this dialect reads as a parameter or variable");
            return;
        }
        std::size_t i = m_i + 1;
        if (isAsciiLetter(at(i)) || at(i) == '_') {
            while (isAsciiLetter(at(i)) || isDigit(at(i)) || at(i) == '_')
                ++i;
        }
        if (at(i) != '$') {
            fail(m_i, "a '$' that does not open a dollar-quoted string (parameters are not admitted)");
            return;
        }
        const std::string_view tag = m_s.substr(m_i, i + 1 - m_i);
        const std::size_t close = m_s.find(tag, i + 1);
        if (close == npos)
            fail(m_i, "an unterminated dollar-quoted string");
        else
            push(TokenKind::String, m_i, close + tag.size());
    }

    std::string_view m_s;
    SqlDialect m_dialect;
    std::size_t m_i = 0;
    TokenizeResult m_result;
};

} // namespace

std::string_view dialectName(SqlDialect dialect)
{
    switch (dialect) {
    case SqlDialect::Databricks:
        return "Databricks SQL";
    case SqlDialect::Snowflake:
        return "Snowflake";
    case SqlDialect::PostgreSQL:
        return "PostgreSQL";
    case SqlDialect::SQLite:
        return "SQLite";
    case SqlDialect::Generic:
        break;
    }
    return "generic SQL";
}

TokenizeResult tokenize(std::string_view sql, SqlDialect dialect)
{
    if (dialect != SqlDialect::Generic)
        return Lexer(sql, dialect).run();
    TokenizeResult postgres;
    for (const SqlDialect concrete : kConcreteDialects) {
        TokenizeResult result = Lexer(sql, concrete).run();
        if (!result.ok()) {
            result.error += " (read as " + std::string(dialectName(concrete)) + ")";
            return result;
        }
        if (concrete == SqlDialect::PostgreSQL)
            postgres = std::move(result);
    }
    return postgres;
}

} // namespace lakeshore::assistant
