// Server-driven paging: the opaque $skiptoken, `Prefer: odata.maxpagesize`, and the links that carry them.
#pragma once

#include "core/result.h"
#include "demo/odataurl.h"

#include <cstdint>
#include <optional>
#include <string>

namespace lakeshore::demo::odata {

// The token for "rows already delivered = offset" of this query; it is bound to the set and the other
// query options, so a token pasted onto a different query is rejected.
[[nodiscard]] std::string makeSkipToken(std::int64_t offset, const std::string &set,
                                        const QueryList &options);
// The offset a token stands for; 400 when it is not one of ours for this query.
Result<std::int64_t> readSkipToken(const std::string &token, const std::string &set,
                                   const QueryList &options);

// odata.maxpagesize from a Prefer header ("odata.maxpagesize=50, return=minimal"); none when absent or
// invalid.
[[nodiscard]] std::optional<int> preferredPageSize(const std::string &prefer);

// options with $skiptoken replaced by token, as a query string.
[[nodiscard]] std::string queryWithSkipToken(const QueryList &options, const std::string &token);

} // namespace lakeshore::demo::odata
