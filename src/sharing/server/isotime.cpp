#include "sharing/server/isotime.h"

#include "domain/date.h"

#include <cctype>

namespace lakeshore::sharing::server {
namespace {

// Reads exactly `digits` decimal digits at pos.
bool number(std::string_view text, std::size_t &pos, int digits, int &out)
{
    if (pos + digits > text.size())
        return false;
    out = 0;
    for (int i = 0; i < digits; ++i) {
        const char c = text[pos + i];
        if (!std::isdigit(static_cast<unsigned char>(c)))
            return false;
        out = out * 10 + (c - '0');
    }
    pos += digits;
    return true;
}

bool expect(std::string_view text, std::size_t &pos, char c)
{
    if (pos >= text.size() || text[pos] != c)
        return false;
    ++pos;
    return true;
}

} // namespace

std::optional<std::int64_t> parseIsoMillis(std::string_view text)
{
    std::size_t pos = 0;
    int year = 0, month = 0, day = 0; // validated again by Date::parse
    if (!number(text, pos, 4, year) || !expect(text, pos, '-') || !number(text, pos, 2, month) ||
        !expect(text, pos, '-') || !number(text, pos, 2, day))
        return std::nullopt;
    const auto date = domain::Date::parse(text.substr(0, 10));
    if (!date)
        return std::nullopt;
    std::int64_t millis = static_cast<std::int64_t>(date->days()) * 86400000;
    if (pos == text.size())
        return millis;
    if (text[pos] != 'T' && text[pos] != 't' && text[pos] != ' ')
        return std::nullopt;
    ++pos;
    int hour = 0, minute = 0, second = 0;
    if (!number(text, pos, 2, hour) || !expect(text, pos, ':') || !number(text, pos, 2, minute))
        return std::nullopt;
    if (pos < text.size() && text[pos] == ':' && (++pos, !number(text, pos, 2, second)))
        return std::nullopt;
    if (hour > 23 || minute > 59 || second > 60)
        return std::nullopt;
    millis += (hour * 3600LL + minute * 60LL + second) * 1000;
    if (pos < text.size() && text[pos] == '.') {
        ++pos;
        int scale = 100, digits = 0;
        while (pos < text.size() && std::isdigit(static_cast<unsigned char>(text[pos]))) {
            millis += (text[pos] - '0') * scale;
            scale /= 10;
            ++pos;
            ++digits;
        }
        if (digits == 0)
            return std::nullopt;
    }
    if (pos == text.size())
        return millis;
    if ((text[pos] == 'Z' || text[pos] == 'z') && pos + 1 == text.size())
        return millis;
    if (text[pos] != '+' && text[pos] != '-')
        return std::nullopt;
    const int sign = text[pos] == '+' ? 1 : -1;
    ++pos;
    int offsetHours = 0, offsetMinutes = 0;
    if (!number(text, pos, 2, offsetHours))
        return std::nullopt;
    if (pos < text.size() && text[pos] == ':')
        ++pos;
    if (!number(text, pos, 2, offsetMinutes) || pos != text.size() || offsetHours > 23 || offsetMinutes > 59)
        return std::nullopt;
    return millis - sign * (offsetHours * 3600LL + offsetMinutes * 60LL) * 1000;
}

} // namespace lakeshore::sharing::server
