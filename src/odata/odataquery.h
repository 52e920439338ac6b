// OData v4 query options, built into a request URL relative to the service root.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lakeshore::odata {

struct Query
{
    std::string entitySet; // "accounts"
    std::string key;       // a formatted key literal for one entity: stringLiteral("C1") or a GUID
    std::vector<std::string> select;
    std::string filter;               // raw $filter expression; build literals with stringLiteral()
    std::vector<std::string> orderBy; // "name asc", "revenue desc"
    std::optional<int> top;
    std::optional<int> skip;
    bool count = false;
    std::vector<std::string> expand; // "contacts($select=fullname;$top=5)"
    std::optional<int> maxPageSize;  // sent as Prefer: odata.maxpagesize; the server may ignore it

    // "accounts?$select=name&$filter=..." with each option value percent-encoded.
    [[nodiscard]] std::string toRelativeUrl() const;
};

// 'O''Brien' — a string literal with single quotes doubled.
[[nodiscard]] std::string stringLiteral(std::string_view value);

} // namespace lakeshore::odata
