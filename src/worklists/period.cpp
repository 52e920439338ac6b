#include "worklists/period.h"

namespace lakeshore::worklists {

Result<Period> resolvePeriod(PeriodKind kind, domain::Date today, domain::Date customFrom, domain::Date customTo)
{
    switch (kind) {
    case PeriodKind::None:
        return makeError(ErrorKind::Invalid, "choose a period");
    case PeriodKind::Last90Days:
        return Period{kind, today.addDays(-89), today};
    case PeriodKind::Last12Months:
        return Period{kind, today.addMonths(-12).addDays(1), today};
    case PeriodKind::Custom:
        break;
    }
    if (customFrom.year() < 1900 || customTo.year() > 2999)
        return makeError(ErrorKind::Invalid, "the period must lie between the years 1900 and 2999");
    if (customFrom > customTo)
        return makeError(ErrorKind::Invalid, "the period starts (" + customFrom.iso() + ") after it ends (" +
                                                 customTo.iso() + ")");
    if (customTo.days() - customFrom.days() > 20 * 366)
        return makeError(ErrorKind::Invalid, "the period spans more than 20 years");
    return Period{kind, customFrom, customTo};
}

} // namespace lakeshore::worklists
