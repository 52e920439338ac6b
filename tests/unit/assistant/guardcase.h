// One row of the query guard's tables: a statement and the dialect it is checked in.
#pragma once

#include "assistant/sqltokenizer.h"

#include <string_view>

namespace guardcases {

using lakeshore::assistant::SqlDialect;
using namespace std::string_view_literals; // "..."sv keeps embedded NUL bytes

inline constexpr SqlDialect G = SqlDialect::Generic;
inline constexpr SqlDialect D = SqlDialect::Databricks;
inline constexpr SqlDialect S = SqlDialect::Snowflake;
inline constexpr SqlDialect P = SqlDialect::PostgreSQL;
inline constexpr SqlDialect L = SqlDialect::SQLite;

struct GuardCase
{
    std::string_view name;
    std::string_view sql;
    SqlDialect dialect;
};

} // namespace guardcases
