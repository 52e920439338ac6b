#include "domain/date.h"

#include <charconv>
#include <cstdio>

namespace lakeshore::domain {
namespace ch = std::chrono;
namespace {

bool readInt(std::string_view text, std::size_t pos, std::size_t len, int &out)
{
    if (pos + len > text.size())
        return false;
    for (std::size_t i = pos; i < pos + len; ++i)
        if (text[i] < '0' || text[i] > '9')
            return false;
    std::from_chars(text.data() + pos, text.data() + pos + len, out);
    return true;
}

} // namespace

Date::Date(int y, unsigned m, unsigned d)
    : m_days(
          ch::sys_days{ch::year_month_day{ch::year{y}, ch::month{m}, ch::day{d}}}.time_since_epoch().count())
{
}

Date Date::fromDays(std::int64_t n)
{
    Date date;
    date.m_days = n;
    return date;
}

Date Date::today()
{
    return fromDays(ch::floor<ch::days>(ch::system_clock::now()).time_since_epoch().count());
}

std::optional<Date> Date::parse(std::string_view iso)
{
    int y = 0, m = 0, d = 0;
    if (iso.size() < 10 || iso[4] != '-' || iso[7] != '-' || !readInt(iso, 0, 4, y) ||
        !readInt(iso, 5, 2, m) || !readInt(iso, 8, 2, d))
        return std::nullopt;
    const ch::year_month_day ymd{ch::year{y}, ch::month{static_cast<unsigned>(m)},
                                 ch::day{static_cast<unsigned>(d)}};
    if (!ymd.ok())
        return std::nullopt;
    return Date(y, static_cast<unsigned>(m), static_cast<unsigned>(d));
}

static ch::year_month_day ymdOf(std::int64_t n)
{
    return ch::year_month_day{ch::sys_days{ch::days{n}}};
}

int Date::year() const
{
    return static_cast<int>(ymdOf(m_days).year());
}
unsigned Date::month() const
{
    return static_cast<unsigned>(ymdOf(m_days).month());
}
unsigned Date::day() const
{
    return static_cast<unsigned>(ymdOf(m_days).day());
}

std::string Date::iso() const
{
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", year(), month(), day());
    return buffer;
}

Date Date::addMonths(int n) const
{
    ch::year_month_day ymd = ymdOf(m_days);
    ch::year_month target = ch::year_month{ymd.year(), ymd.month()} + ch::months{n};
    auto last = ch::year_month_day_last{target.year(), ch::month_day_last{target.month()}}.day();
    auto d = ymd.day() > last ? last : ymd.day();
    return fromDays(
        ch::sys_days{ch::year_month_day{target.year(), target.month(), d}}.time_since_epoch().count());
}

Timestamp Timestamp::now()
{
    return Timestamp(ch::floor<ch::seconds>(ch::system_clock::now()).time_since_epoch().count());
}

Timestamp Timestamp::at(Date date, int hour, int minute, int second)
{
    return Timestamp(date.days() * 86400 + hour * 3600 + minute * 60 + second);
}

std::optional<Timestamp> Timestamp::parse(std::string_view iso)
{
    auto date = Date::parse(iso);
    if (!date)
        return std::nullopt;
    if (iso.size() == 10)
        return at(*date, 0, 0, 0);
    int h = 0, m = 0, s = 0;
    if (iso.size() < 20 || iso[10] != 'T' || iso[13] != ':' || iso[16] != ':' || !readInt(iso, 11, 2, h) ||
        !readInt(iso, 14, 2, m) || !readInt(iso, 17, 2, s) || h > 23 || m > 59 || s > 60)
        return std::nullopt;
    // Fractional seconds are dropped; only UTC ("Z" or +00:00) is accepted.
    std::string_view rest = iso.substr(19);
    if (!rest.empty() && rest[0] == '.') {
        std::size_t i = 1;
        while (i < rest.size() && rest[i] >= '0' && rest[i] <= '9')
            ++i;
        rest = rest.substr(i);
    }
    if (rest != "Z" && rest != "+00:00")
        return std::nullopt;
    return at(*date, h, m, s);
}

Date Timestamp::date() const
{
    std::int64_t d = m_seconds / 86400;
    if (m_seconds < 0 && m_seconds % 86400 != 0)
        --d;
    return Date::fromDays(d);
}

std::string Timestamp::iso() const
{
    const std::int64_t secondsOfDay = m_seconds - date().days() * 86400;
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%sT%02d:%02d:%02dZ", date().iso().c_str(),
                  static_cast<int>(secondsOfDay / 3600), static_cast<int>(secondsOfDay / 60 % 60),
                  static_cast<int>(secondsOfDay % 60));
    return buffer;
}

} // namespace lakeshore::domain
