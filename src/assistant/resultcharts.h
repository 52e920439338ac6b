// Whether and how an answer's rows make a chart: a line over months or dates, or bars by category, with
// at most a few measures. The spec is what the chart pane draws (resources/web/assistant-chart.js).
#pragma once

#include "assistant/answer.h"

#include <cstddef>
#include <nlohmann/json.hpp>

namespace lakeshore::assistant {

// For rows no planner described: the first text or date-like column as the category, up to three numeric
// columns as measures; a line when the category reads as time. None when nothing fits.
[[nodiscard]] ChartHint chartFor(const ResultSet &rows);

struct ChartLimits
{
    std::size_t maxBars = 40;    // more categories: the first maxBars rows in their order
    std::size_t maxPoints = 500; // a line with more points is not drawn
};

// {"kind":"bar"|"line","labels":[...],"series":[{"name","values"}],"format":"currency"|"percent"|"number",
//  "horizontal":bool,"shown":n,"of":m}; null when the hint is None or the rows do not fit it (fewer than two
// rows, a line over too many points, a measure with no numbers).
[[nodiscard]] nlohmann::json chartSpec(const ResultSet &rows, const ChartHint &hint,
                                       const std::map<std::string, MetricFormat> &formats,
                                       const ChartLimits &limits = {});

} // namespace lakeshore::assistant
