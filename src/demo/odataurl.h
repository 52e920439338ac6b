// URL pieces of an OData request: the resource path below the service root, key predicates, query strings.
#pragma once

#include "core/result.h"
#include "demo/entityset.h"
#include "demo/odatafilter.h"

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace lakeshore::demo::odata {

using QueryList = std::vector<std::pair<std::string, std::string>>; // decoded name/value pairs, in order

struct ResourcePath
{
    enum class Kind { ServiceDocument, Metadata, Collection, Count, Entity } kind = Kind::ServiceDocument;
    std::string set;
    std::string keyText; // inside the parentheses of set(...)
};

// path is what follows the service root: "", "/", "/$metadata", "/accounts", "/accounts/$count",
// "/accounts(5f0c...)", "/accounts('A''1')", "/accounts(accountid='x')". Unknown shapes are 404.
Result<ResourcePath> parseResourcePath(std::string_view path);

// The key value of set(...) as a Value of the key property's type; 400 when malformed or mistyped.
Result<Value> parseKeyPredicate(std::string_view keyText, const EntitySetDef &set);

// Encodes what would break a query value; keeps OData's readable punctuation ($ ( ) ' , : / @ *).
[[nodiscard]] std::string percentEncode(std::string_view text);
[[nodiscard]] QueryList parseQueryString(std::string_view raw);
[[nodiscard]] std::string buildQueryString(const QueryList &options);

} // namespace lakeshore::demo::odata
