// OData system query options ($filter $select $orderby $top $skip $count $expand) parsed and checked
// against an entity set, with $expand's nested options (`nav($select=a,b;$filter=...;$top=5)`).
#pragma once

#include "core/result.h"
#include "demo/entityset.h"
#include "demo/odatafilter.h"
#include "demo/odataurl.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lakeshore::demo::odata {

inline constexpr int kMaxExpandDepth = 4;

struct OrderItem
{
    std::string property;
    ValueType type = ValueType::String;
    bool descending = false;
};

struct ExpandOption;

struct QueryOptions
{
    std::shared_ptr<const Filter> filter; // null: every row
    std::vector<std::string> select;      // empty: every property
    std::vector<OrderItem> orderby;
    std::optional<std::int64_t> top;
    std::int64_t skip = 0;
    bool count = false;
    std::vector<ExpandOption> expand;
};

struct ExpandOption
{
    const NavigationDef *navigation = nullptr;
    const EntitySetDef *target = nullptr;
    QueryOptions options;
};

using SetLookup = std::function<const EntitySetDef *(std::string_view name)>;

// System options of the request. $skiptoken and $format are accepted here and left to the caller;
// options without '$' are custom options and ignored. Errors are 400 BadRequest.
Result<QueryOptions> parseQueryOptions(const QueryList &options, const EntitySetDef &set,
                                       const SetLookup &sets);

// Splits at sep outside quotes and parentheses; 400 when they do not balance.
Result<std::vector<std::string>> splitTopLevel(std::string_view text, char sep, std::string_view what);

} // namespace lakeshore::demo::odata
