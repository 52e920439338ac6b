// Writes the SQL template of a plan from what the planner understood: picks the first mart table that
// holds every measure, breakdown and time grain asked for, and says plainly why when none does.
#pragma once

#include "assistant/semanticmodel.h"
#include "assistant/semanticplanner.h"
#include "assistant/timerange.h"

#include <optional>
#include <string>
#include <vector>

namespace lakeshore::assistant {

struct QueryRequest
{
    std::vector<const ModelMetric *> metrics;       // at least one
    std::vector<const ModelDimension *> dimensions; // zero to two
    TimeRange time;
    bool accountList = false;           // filter on kAccountListPlaceholder
    std::optional<bool> rankDescending; // set for a top-N question
    int limit = 0;                      // 0 = no LIMIT
};

struct BuiltQuery
{
    std::string sql;
    const ModelTable *table = nullptr;
    ResultHints hints;
};

// Errors are ErrorKind::Invalid reasons for the rep ("churn score cannot be broken down by month").
[[nodiscard]] Result<BuiltQuery> buildQuery(const SemanticModel &model, const QueryRequest &request);

// The metric's aggregate on the table, or empty when the table does not hold it.
[[nodiscard]] std::string metricSql(const SemanticModel &model, const ModelMetric &metric,
                                    const ModelTable &table);

} // namespace lakeshore::assistant
