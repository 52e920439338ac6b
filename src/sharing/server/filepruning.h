// Best-effort filtering of a query's files with the recipient's predicate hints and each file's stats
// (min, max, null count): a file is left out only when its stats prove that no row in it can match. A
// hint that cannot be read is ignored and every file stays, as the protocol asks; clients filter the
// rows themselves in any case.
#pragma once

#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace lakeshore::sharing::server {

struct FilePredicate;

// A jsonPredicateHints tree (op: column literal isNull equal lessThan lessThanOrEqual greaterThan
// greaterThanOrEqual and or not; valueType: bool int long string date float double timestamp). Null for
// anything else, a tree deeper than 100 or a text over 1 MiB.
[[nodiscard]] std::shared_ptr<const FilePredicate> jsonPredicate(std::string_view hints);

// The deprecated SQL-like predicateHints, AND-ed: "<column> <op> <literal>" with = <> != < <= > >=, and
// "<column> IS [NOT] NULL". Hints that cannot be read are left out; null when none can.
[[nodiscard]] std::shared_ptr<const FilePredicate> sqlPredicate(const std::vector<std::string> &hints);

// Both (either may be null); null when both are.
[[nodiscard]] std::shared_ptr<const FilePredicate> bothPredicates(std::shared_ptr<const FilePredicate> a,
                                                                  std::shared_ptr<const FilePredicate> b);

// False only when the stats ({"numRecords", "minValues", "maxValues", "nullCount"}) rule every row out.
[[nodiscard]] bool mayMatch(const FilePredicate &predicate, const nlohmann::json &stats);

} // namespace lakeshore::sharing::server
