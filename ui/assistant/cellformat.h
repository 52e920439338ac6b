// How one result cell reads in the table: money, percentages, counts and scores in the user's locale from
// the answer's formats, other numbers as numbers, booleans as words, text as it came.
#pragma once

#include "assistant/resultset.h"
#include "assistant/semanticmodel.h"

#include <cstddef>
#include <optional>
#include <QLocale>
#include <QString>

namespace lakeshore::ui {

// The shown text of a non-null cell ("" for null: the view shows its own mark).
[[nodiscard]] QString formatCell(const assistant::ResultSet &rows, std::size_t row, std::size_t column,
                                 std::optional<assistant::MetricFormat> format, const QLocale &locale);

// A number as the table shows it in that format (totals, worklist cells); integer: written without decimals
// when no format says otherwise.
[[nodiscard]] QString formatNumber(double value, std::optional<assistant::MetricFormat> format, bool integer,
                                   const QLocale &locale);

} // namespace lakeshore::ui
