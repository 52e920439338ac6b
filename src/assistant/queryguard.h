// The query guard: admits exactly one read-only SELECT (WITH ... SELECT allowed) and nothing else. It runs on
// every piece of SQL before it leaves the client, and it is strict: what it cannot classify, it refuses.
//
// Decisions: a bare top-level VALUES list is refused (VALUES is fine inside FROM or a CTE); '#' is refused
// everywhere (a comment in some dialects, an operator in others); FOR UPDATE/SHARE/NO KEY/KEY locks are
// refused; bind parameters and variables ($1, $var, ${x}) are refused; Generic admits only what every
// concrete dialect admits.
#pragma once

#include "assistant/sqltokenizer.h"

#include <cstddef>
#include <string>
#include <string_view>

namespace lakeshore::assistant {

inline constexpr std::size_t kMaxGuardedQueryBytes = 100 * 1024;

struct GuardVerdict
{
    bool admitted = false;
    std::string reason;     // user-facing, English; names the offending token and its offset
    std::size_t offset = 0; // byte offset of the offending token
};

[[nodiscard]] GuardVerdict checkReadOnlySelect(std::string_view sql,
                                               SqlDialect dialect = SqlDialect::Generic);

} // namespace lakeshore::assistant
