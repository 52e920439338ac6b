#include "assistant/timerange.h"

#include <algorithm>
#include <array>

namespace lakeshore::assistant {

namespace {

constexpr std::array<const char *, 12> kMonthNames = {"January",   "February", "March",    "April",
                                                      "May",       "June",     "July",     "August",
                                                      "September", "October",  "November", "December"};

domain::Date firstOfMonth(domain::Date d)
{
    return domain::Date(d.year(), d.month(), 1);
}

domain::Date lastOfMonth(domain::Date d)
{
    return firstOfMonth(d).addMonths(1).addDays(-1);
}

domain::Date firstOfQuarter(domain::Date d)
{
    return domain::Date(d.year(), (d.month() - 1) / 3 * 3 + 1, 1);
}

std::string plural(int n, const char *unit)
{
    return std::to_string(n) + " " + unit + (n == 1 ? "" : "s");
}

} // namespace

Result<TimeRange> resolveTimeRange(const ModelTimeFilter &filter, const PhraseCaptures &captures,
                                   domain::Date today)
{
    TimeRange range;
    if (filter.kind == TimeKind::Lifetime) {
        range.label = "lifetime";
        return range;
    }
    range.lifetime = false;
    range.to = today;
    const int n = filter.n.value_or(captures.number.value_or(0));
    auto needCount = [&](int most, const char *unit) -> Status {
        if (n < 1 || n > most)
            return makeError(ErrorKind::Invalid, "\"" + std::to_string(n) + " " + unit +
                                                     "s\" is not a range I can use (1 to " +
                                                     std::to_string(most) + ")");
        return okStatus();
    };
    switch (filter.kind) {
    case TimeKind::Lifetime:
        break;
    case TimeKind::LastDays:
        if (Status s = needCount(3660, "day"); !s)
            return s.error();
        range.from = today.addDays(-(n - 1));
        range.byDay = true;
        range.label = "last " + plural(n, "day");
        break;
    case TimeKind::LastMonths:
    case TimeKind::LastYears: {
        const bool years = filter.kind == TimeKind::LastYears;
        if (Status s = needCount(years ? 20 : 240, years ? "year" : "month"); !s)
            return s.error();
        const int months = years ? 12 * n : n;
        range.from = firstOfMonth(today).addMonths(-(months - 1));
        range.label = "last " + plural(n, years ? "year" : "month");
        break;
    }
    case TimeKind::ThisMonth:
        range.from = firstOfMonth(today);
        range.label = "this month";
        break;
    case TimeKind::LastMonth:
        range.from = firstOfMonth(today).addMonths(-1);
        range.to = lastOfMonth(range.from);
        range.label = "last month";
        break;
    case TimeKind::ThisQuarter:
        range.from = firstOfQuarter(today);
        range.label = "this quarter";
        break;
    case TimeKind::LastQuarter:
        range.from = firstOfQuarter(today).addMonths(-3);
        range.to = range.from.addMonths(3).addDays(-1);
        range.label = "last quarter";
        break;
    case TimeKind::ThisYear:
        range.from = domain::Date(today.year(), 1, 1);
        range.label = "this year";
        break;
    case TimeKind::LastYear:
        range.from = domain::Date(today.year() - 1, 1, 1);
        range.to = domain::Date(today.year() - 1, 12, 31);
        range.label = "last year";
        break;
    case TimeKind::Year:
        range.from = domain::Date(captures.year.value_or(0), 1, 1);
        range.to = domain::Date(range.from.year(), 12, 31);
        range.label = std::to_string(range.from.year());
        break;
    case TimeKind::Month:
        range.from =
            domain::Date(captures.year.value_or(0), static_cast<unsigned>(captures.month.value_or(1)), 1);
        range.to = lastOfMonth(range.from);
        range.label =
            std::string(kMonthNames[range.from.month() - 1]) + " " + std::to_string(range.from.year());
        break;
    case TimeKind::Quarter:
        range.from = domain::Date(captures.year.value_or(0),
                                  static_cast<unsigned>(captures.quarter.value_or(1) * 3 - 2), 1);
        range.to = range.from.addMonths(3).addDays(-1);
        range.label =
            "Q" + std::to_string(captures.quarter.value_or(1)) + " " + std::to_string(range.from.year());
        break;
    }
    if (range.from > today)
        return makeError(ErrorKind::Invalid, range.label + " is after the mart's today (" + today.iso() +
                                                 "): it holds only what was invoiced so far");
    range.to = std::min(range.to, today);
    range.span = range.from.iso() + " to " + range.to.iso();
    return range;
}

} // namespace lakeshore::assistant
