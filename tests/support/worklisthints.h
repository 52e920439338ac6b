// Column hints for worklist tests, the fields given and the others at their defaults (designated
// initializers would warn about the fields left out).
#pragma once

#include "worklists/definition.h"

#include <string>

namespace worklisthints {

inline lakeshore::worklists::ColumnHint hint(const std::string &column,
                                             lakeshore::worklists::ColumnFormat format = lakeshore::worklists::ColumnFormat::Text,
                                             lakeshore::worklists::Aggregate aggregate = lakeshore::worklists::Aggregate::None,
                                             const std::string &label = {})
{
    lakeshore::worklists::ColumnHint out;
    out.column = column;
    out.format = format;
    out.aggregate = aggregate;
    out.label = label;
    return out;
}

inline lakeshore::worklists::ColumnHint ratioHint(const std::string &column, const std::string &label,
                                                  const std::string &numerator, const std::string &denominator)
{
    auto out = hint(column, lakeshore::worklists::ColumnFormat::Percent, lakeshore::worklists::Aggregate::Ratio, label);
    out.numerator = numerator;
    out.denominator = denominator;
    return out;
}

inline lakeshore::worklists::ColumnHint hiddenHint(const std::string &column)
{
    auto out = hint(column);
    out.hidden = true;
    return out;
}

} // namespace worklisthints
