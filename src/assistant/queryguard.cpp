#include "assistant/queryguard.h"

#include "assistant/sqldenylist.h"

#include <utility>
#include <vector>

namespace lakeshore::assistant {

namespace {

constexpr std::size_t kMaxParenDepth = 64;
constexpr std::size_t kNoMatch = static_cast<std::size_t>(-1);

std::string lower(std::string_view text)
{
    std::string out(text);
    for (char &c : out) {
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
}

// The identifier inside "x", `x` or [x], doubled quotes undone.
std::string unquote(std::string_view quoted)
{
    std::string out;
    const char close = quoted.front() == '[' ? ']' : quoted.front();
    for (std::size_t i = 1; i + 1 < quoted.size(); ++i) {
        out += quoted[i];
        if (quoted[i] == close && quoted[i + 1] == close)
            ++i;
    }
    return out;
}

std::string quoteForReason(std::string_view text)
{
    constexpr std::size_t kLongest = 40;
    if (text.size() > kLongest)
        return "'" + std::string(text.substr(0, kLongest)) + "...'";
    return "'" + std::string(text) + "'";
}

GuardVerdict reject(const Token &token, const std::string &why)
{
    return {false, quoteForReason(token.text) + " at offset " + std::to_string(token.offset) + " " + why,
            token.offset};
}

class Checker
{
public:
    explicit Checker(std::vector<Token> tokens) : m_t(std::move(tokens)) {}

    GuardVerdict run()
    {
        if (GuardVerdict v = matchParens(); !v.reason.empty())
            return v;
        if (GuardVerdict v = scanWords(); !v.reason.empty())
            return v;
        return topLevel();
    }

private:
    bool isWord(std::size_t i, std::string_view lowerWord) const
    {
        return i < m_t.size() && m_t[i].kind == TokenKind::Word && lower(m_t[i].text) == lowerWord;
    }
    bool is(std::size_t i, TokenKind kind) const { return i < m_t.size() && m_t[i].kind == kind; }

    GuardVerdict matchParens()
    {
        m_match.assign(m_t.size(), kNoMatch);
        std::vector<std::size_t> open;
        for (std::size_t i = 0; i < m_t.size(); ++i) {
            if (m_t[i].kind == TokenKind::LeftParen) {
                if (open.size() >= kMaxParenDepth)
                    return reject(m_t[i], "nests parentheses deeper than " + std::to_string(kMaxParenDepth));
                open.push_back(i);
            } else if (m_t[i].kind == TokenKind::RightParen) {
                if (open.empty())
                    return reject(m_t[i], "closes a parenthesis that was never opened");
                m_match[open.back()] = i;
                open.pop_back();
            }
        }
        if (!open.empty())
            return reject(m_t[open.back()], "opens a parenthesis that is never closed");
        return {};
    }

    GuardVerdict scanWords() const
    {
        for (std::size_t i = 0; i < m_t.size(); ++i) {
            const Token &token = m_t[i];
            const bool called = is(i + 1, TokenKind::LeftParen);
            std::string name;
            if (token.kind == TokenKind::Word) {
                name = lower(token.text);
                if (isForbiddenKeyword(name) && !(called && isAllowedAsFunctionCall(name)))
                    return reject(token, "is not allowed in a read-only query");
                if (name == "for" && (isWord(i + 1, "update") || isWord(i + 1, "share") ||
                                      isWord(i + 1, "no") || isWord(i + 1, "key")))
                    return reject(token, "starts a row-locking clause, which a read-only query may not take");
            } else if (token.kind == TokenKind::QuotedIdentifier) {
                name = lower(unquote(token.text));
            } else {
                continue;
            }
            if (isSideEffectFunction(name) || (called && hasSideEffectPrefix(name)))
                return reject(token, "names a function with side effects");
        }
        return {};
    }

    // Skips opening parentheses: "((SELECT 1)) UNION ..." starts with SELECT.
    std::size_t skipOpen(std::size_t i, std::size_t end) const
    {
        while (i < end && m_t[i].kind == TokenKind::LeftParen)
            ++i;
        return i;
    }

    GuardVerdict topLevel() const
    {
        const std::size_t i = skipOpen(0, m_t.size());
        if (i >= m_t.size())
            return reject(m_t.back(), "ends the query before any SELECT");
        if (isWord(i, "select"))
            return {true, {}, 0};
        if (isWord(i, "with"))
            return withClause(i + 1, m_t.size());
        if (isWord(i, "values"))
            return reject(m_t[i], "starts a bare VALUES list; only SELECT (or WITH ... SELECT) is admitted");
        return reject(m_t[i], "starts the statement; only SELECT (or WITH ... SELECT) is admitted");
    }

    // A CTE body: SELECT, VALUES or a nested WITH, between tokens [begin, end).
    GuardVerdict cteBody(std::size_t begin, std::size_t end) const
    {
        const std::size_t i = skipOpen(begin, end);
        if (i >= end)
            return reject(m_t[begin == end ? begin : end - 1], "leaves a WITH clause body empty");
        if (isWord(i, "select") || isWord(i, "values"))
            return {true, {}, 0};
        if (isWord(i, "with"))
            return withClause(i + 1, end);
        return reject(m_t[i], "starts a WITH clause body; only SELECT or VALUES may appear there");
    }

    // After WITH: [RECURSIVE] name [(cols)] AS [[NOT] MATERIALIZED] (body) [, ...] then a SELECT.
    GuardVerdict withClause(std::size_t i, std::size_t end) const
    {
        if (isWord(i, "recursive"))
            ++i;
        for (;;) {
            if (i >= end || !(is(i, TokenKind::Word) || is(i, TokenKind::QuotedIdentifier)))
                return reject(m_t[i < end ? i : end - 1], "is where a WITH clause name was expected");
            ++i;
            if (is(i, TokenKind::LeftParen) && i < end)
                i = m_match[i] + 1;
            if (i >= end || !isWord(i, "as"))
                return reject(m_t[i < end ? i : end - 1], "is where AS was expected in a WITH clause");
            ++i;
            if (isWord(i, "not"))
                ++i;
            if (isWord(i, "materialized"))
                ++i;
            if (i >= end || !is(i, TokenKind::LeftParen))
                return reject(m_t[i < end ? i : end - 1],
                              "is where a parenthesised WITH clause body was expected");
            const std::size_t close = m_match[i];
            if (GuardVerdict v = cteBody(i + 1, close); !v.admitted)
                return v;
            i = close + 1;
            if (i < end && is(i, TokenKind::Comma)) {
                ++i;
                continue;
            }
            break;
        }
        const std::size_t first = skipOpen(i, end);
        if (first >= end)
            return reject(m_t[end - 1], "ends the WITH clause without a SELECT");
        if (!isWord(first, "select"))
            return reject(m_t[first], "follows the WITH clause; only a SELECT may follow it");
        return {true, {}, 0};
    }

    std::vector<Token> m_t;
    std::vector<std::size_t> m_match;
};

GuardVerdict checkOne(std::string_view sql, SqlDialect dialect)
{
    TokenizeResult lexed = tokenize(sql, dialect);
    if (!lexed.ok())
        return {false,
                "cannot classify the query: " + lexed.error + " at offset " +
                    std::to_string(lexed.errorOffset),
                lexed.errorOffset};
    std::vector<Token> tokens;
    for (const Token &token : lexed.tokens) {
        if (token.kind != TokenKind::Comment)
            tokens.push_back(token);
    }
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        if (tokens[i].kind != TokenKind::Semicolon)
            continue;
        if (i + 1 < tokens.size())
            return reject(tokens[i + 1], "follows a ';'; only one statement is admitted");
        if (i == 0)
            return reject(tokens[i], "ends an empty statement");
        tokens.pop_back(); // the one trailing ';'
    }
    if (tokens.empty())
        return {false, "the query is empty", 0};
    return Checker(std::move(tokens)).run();
}

} // namespace

GuardVerdict checkReadOnlySelect(std::string_view sql, SqlDialect dialect)
{
    if (sql.size() > kMaxGuardedQueryBytes)
        return {false,
                "the query is " + std::to_string(sql.size()) + " bytes, over the " +
                    std::to_string(kMaxGuardedQueryBytes) + "-byte limit",
                kMaxGuardedQueryBytes};
    if (dialect != SqlDialect::Generic)
        return checkOne(sql, dialect);
    for (const SqlDialect concrete : kConcreteDialects) {
        GuardVerdict verdict = checkOne(sql, concrete);
        if (!verdict.admitted) {
            verdict.reason += " (read as " + std::string(dialectName(concrete)) + ")";
            return verdict;
        }
    }
    return {true, {}, 0};
}

} // namespace lakeshore::assistant
