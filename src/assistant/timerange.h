// A time filter of the semantic model made concrete against the mart's "today": the dates it covers and
// how to say so.
#pragma once

#include "assistant/questionwords.h"
#include "assistant/semanticmodel.h"
#include "domain/date.h"

#include <optional>
#include <string>

namespace lakeshore::assistant {

struct TimeRange
{
    bool lifetime = true;
    domain::Date from;  // inclusive; always the first of a month unless byDay
    domain::Date to;    // inclusive; never after today
    bool byDay = false; // needs a table with a date column ("last 90 days")
    std::string label;  // "last 12 months", "2024", "Q1 2025", "lifetime"
    std::string span;   // "2024-07-01 to 2025-06-30"; empty for lifetime
};

// Errors (ErrorKind::Invalid) for a count of zero or too large, and for a range after today.
[[nodiscard]] Result<TimeRange> resolveTimeRange(const ModelTimeFilter &filter,
                                                 const PhraseCaptures &captures, domain::Date today);

} // namespace lakeshore::assistant
