#include "demo/odatafilterlexer.h"

#include <cctype>

namespace lakeshore::demo::odata {
namespace {

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}
bool isHex(char c)
{
    return std::isxdigit(static_cast<unsigned char>(c)) != 0;
}
bool isIdentStart(char c)
{
    return std::isalpha(static_cast<unsigned char>(c)) != 0 || c == '_';
}
bool isIdentChar(char c)
{
    return isIdentStart(c) || isDigit(c);
}

Error lexError(std::size_t position, const std::string &what)
{
    return makeError(ErrorKind::Invalid, what + " at position " + std::to_string(position + 1), 400,
                     "BadRequest");
}

class Lexer
{
public:
    explicit Lexer(std::string_view text) : m_text(text) {}

    Result<std::vector<Token>> run()
    {
        std::vector<Token> tokens;
        while (true) {
            while (m_pos < m_text.size() && (m_text[m_pos] == ' ' || m_text[m_pos] == '\t'))
                ++m_pos;
            if (m_pos >= m_text.size())
                break;
            auto token = next();
            if (!token.ok())
                return token.error();
            tokens.push_back(std::move(token).value());
        }
        tokens.push_back(Token{TokenKind::End, {}, m_text.size() + 1});
        return tokens;
    }

private:
    std::string_view m_text;
    std::size_t m_pos = 0;

    [[nodiscard]] char at(std::size_t i) const { return i < m_text.size() ? m_text[i] : '\0'; }

    bool digitsAt(std::size_t from, std::size_t count) const
    {
        for (std::size_t i = 0; i < count; ++i)
            if (!isDigit(at(from + i)))
                return false;
        return true;
    }

    Token make(TokenKind kind, std::size_t start, std::string text) const
    {
        return Token{kind, std::move(text), start + 1};
    }

    Result<Token> next()
    {
        const std::size_t start = m_pos;
        const char c = m_text[m_pos];
        switch (c) {
        case '(':
            ++m_pos;
            return make(TokenKind::OpenParen, start, "(");
        case ')':
            ++m_pos;
            return make(TokenKind::CloseParen, start, ")");
        case ',':
            ++m_pos;
            return make(TokenKind::Comma, start, ",");
        case '\'':
            return string();
        default:
            break;
        }
        if (guidAt(start))
            return guid();
        if (digitsAt(start, 4) && at(start + 4) == '-')
            return temporal();
        if (isDigit(c) || (c == '-' && isDigit(at(start + 1))))
            return number();
        if (isIdentStart(c))
            return identifier();
        return lexError(start, std::string("unexpected character '") + c + "'");
    }

    Result<Token> string()
    {
        const std::size_t start = m_pos++;
        std::string value;
        while (m_pos < m_text.size()) {
            const char c = m_text[m_pos++];
            if (c != '\'') {
                value += c;
                continue;
            }
            if (at(m_pos) == '\'') { // '' is an escaped quote
                value += '\'';
                ++m_pos;
                continue;
            }
            return make(TokenKind::String, start, std::move(value));
        }
        return lexError(start, "unterminated string literal");
    }

    bool guidAt(std::size_t from) const
    {
        static constexpr std::size_t groups[] = {8, 4, 4, 4, 12};
        std::size_t i = from;
        for (std::size_t g = 0; g < 5; ++g) {
            for (std::size_t n = 0; n < groups[g]; ++n, ++i)
                if (!isHex(at(i)))
                    return false;
            if (g < 4 && at(i++) != '-')
                return false;
        }
        return !isIdentChar(at(i)) && at(i) != '-';
    }

    Result<Token> guid()
    {
        const std::size_t start = m_pos;
        std::string text(m_text.substr(start, 36));
        for (auto &ch : text)
            ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        m_pos += 36;
        return make(TokenKind::Guid, start, std::move(text));
    }

    // yyyy-mm-dd, optionally followed by Thh:mm[:ss[.fraction]] and a zone (Z or +hh:mm / -hh:mm).
    Result<Token> temporal()
    {
        const std::size_t start = m_pos;
        if (!(digitsAt(start + 5, 2) && at(start + 7) == '-' && digitsAt(start + 8, 2)))
            return lexError(start, "malformed date literal (expected yyyy-mm-dd)");
        const int month = (at(start + 5) - '0') * 10 + (at(start + 6) - '0');
        const int day = (at(start + 8) - '0') * 10 + (at(start + 9) - '0');
        if (month < 1 || month > 12 || day < 1 || day > 31)
            return lexError(start, "date literal out of range");
        m_pos = start + 10;
        if (at(m_pos) != 'T') {
            if (isIdentChar(at(m_pos)))
                return lexError(start, "malformed date literal");
            return make(TokenKind::Date, start, std::string(m_text.substr(start, 10)));
        }
        ++m_pos;
        if (!(digitsAt(m_pos, 2) && at(m_pos + 2) == ':' && digitsAt(m_pos + 3, 2)))
            return lexError(start, "malformed time in DateTimeOffset literal (expected hh:mm)");
        m_pos += 5;
        if (at(m_pos) == ':') {
            if (!digitsAt(m_pos + 1, 2))
                return lexError(start, "malformed seconds in DateTimeOffset literal");
            m_pos += 3;
            if (at(m_pos) == '.') {
                ++m_pos;
                if (!isDigit(at(m_pos)))
                    return lexError(start, "malformed fraction in DateTimeOffset literal");
                while (isDigit(at(m_pos)))
                    ++m_pos;
            }
        }
        if (at(m_pos) == 'Z') {
            ++m_pos;
        } else if ((at(m_pos) == '+' || at(m_pos) == '-') && digitsAt(m_pos + 1, 2) && at(m_pos + 3) == ':' &&
                   digitsAt(m_pos + 4, 2)) {
            m_pos += 6;
        } else {
            return lexError(start, "DateTimeOffset literal needs a time zone, Z or +hh:mm (send '+' as %2B)");
        }
        if (isIdentChar(at(m_pos)))
            return lexError(start, "malformed DateTimeOffset literal");
        return make(TokenKind::DateTimeOffset, start, std::string(m_text.substr(start, m_pos - start)));
    }

    Result<Token> number()
    {
        const std::size_t start = m_pos;
        bool decimal = false;
        if (at(m_pos) == '-')
            ++m_pos;
        while (isDigit(at(m_pos)))
            ++m_pos;
        if (at(m_pos) == '.') {
            decimal = true;
            ++m_pos;
            if (!isDigit(at(m_pos)))
                return lexError(start, "malformed number (digits expected after '.')");
            while (isDigit(at(m_pos)))
                ++m_pos;
        }
        if (at(m_pos) == 'e' || at(m_pos) == 'E') {
            decimal = true;
            ++m_pos;
            if (at(m_pos) == '+' || at(m_pos) == '-')
                ++m_pos;
            if (!isDigit(at(m_pos)))
                return lexError(start, "malformed number (digits expected in the exponent)");
            while (isDigit(at(m_pos)))
                ++m_pos;
        }
        if (isIdentChar(at(m_pos)))
            return lexError(start, "malformed number");
        return make(decimal ? TokenKind::Decimal : TokenKind::Integer, start,
                    std::string(m_text.substr(start, m_pos - start)));
    }

    Result<Token> identifier()
    {
        const std::size_t start = m_pos;
        while (isIdentChar(at(m_pos)))
            ++m_pos;
        if (at(m_pos) == '/')
            return lexError(start, "property paths with '/' are not supported");
        return make(TokenKind::Identifier, start, std::string(m_text.substr(start, m_pos - start)));
    }
};

} // namespace

const char *tokenKindName(TokenKind kind)
{
    switch (kind) {
    case TokenKind::Identifier:
        return "identifier";
    case TokenKind::String:
        return "string";
    case TokenKind::Integer:
        return "integer";
    case TokenKind::Decimal:
        return "number";
    case TokenKind::Guid:
        return "GUID";
    case TokenKind::Date:
        return "date";
    case TokenKind::DateTimeOffset:
        return "timestamp";
    case TokenKind::OpenParen:
        return "'('";
    case TokenKind::CloseParen:
        return "')'";
    case TokenKind::Comma:
        return "','";
    case TokenKind::End:
        return "end of expression";
    }
    return "token";
}

Result<std::vector<Token>> tokenizeFilter(std::string_view text)
{
    return Lexer(text).run();
}

} // namespace lakeshore::demo::odata
