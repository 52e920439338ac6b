// The period a worklist is read for, made concrete against "today": the dates written into a definition's
// {{period_start}} and {{period_end}} placeholders.
#pragma once

#include "core/result.h"
#include "domain/date.h"
#include "worklists/definition.h"

namespace lakeshore::worklists {

struct Period
{
    PeriodKind kind = PeriodKind::Last90Days;
    domain::Date from; // inclusive
    domain::Date to;   // inclusive
};

// Last90Days: the 90 days ending today; Last12Months: the 12 months ending today (the day after the same
// date a year ago through today). Custom takes from and to as given and must have from <= to, both within
// 1900..2999 and spanning at most 20 years. None is not a period: Invalid.
[[nodiscard]] Result<Period> resolvePeriod(PeriodKind kind, domain::Date today, domain::Date customFrom = {},
                                           domain::Date customTo = {});

} // namespace lakeshore::worklists
