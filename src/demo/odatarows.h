// Reading an entity set: run its scan, keep the rows that pass the filter, order them, and keep only as
// many as the answer needs.
#pragma once

#include "core/result.h"
#include "demo/entityset.h"
#include "demo/odatafilter.h"
#include "demo/odataquery.h"

#include <cstdint>
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace lakeshore::demo::odata {

// Runs set.scan, handing rows to sink until it returns false. A scan that throws becomes a 500 error.
Status runScan(const EntitySetDef &set, const std::optional<std::string> &partition,
               const std::function<bool(nlohmann::json &&row)> &sink);

struct RowQuery
{
    const Filter *filter = nullptr; // null: every row
    const std::vector<OrderItem> *orderby = nullptr;
    std::optional<std::size_t> keep; // the first rows of the ordered result that are needed; none: all
    bool countAll = false;           // total must count every match even past `keep`
};

struct RowSelection
{
    std::vector<nlohmann::json> rows; // ordered, at most `keep`
    std::int64_t total = 0;           // matches seen; every match when countAll or keep is unset
};

Result<RowSelection> selectRows(const EntitySetDef &set, const RowQuery &query);

// Orders rows in place by orderby; ties keep their present order.
void sortRows(std::vector<nlohmann::json> &rows, const std::vector<OrderItem> &orderby);

} // namespace lakeshore::demo::odata
