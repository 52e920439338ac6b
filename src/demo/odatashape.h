// Turning stored rows into response entities: $expand (one scan per navigation for the whole page),
// $select (the key always stays), and @odata.etag.
#pragma once

#include "core/result.h"
#include "demo/entityset.h"
#include "demo/odataquery.h"

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace lakeshore::demo::odata {

Result<std::vector<nlohmann::json>> shapeRows(std::vector<nlohmann::json> rows, const EntitySetDef &set,
                                              const QueryOptions &options);

// W/"<value of the etag property>", or nothing when the set has none or the row lacks it.
[[nodiscard]] std::optional<std::string> etagOf(const nlohmann::json &row, const EntitySetDef &set);

} // namespace lakeshore::demo::odata
