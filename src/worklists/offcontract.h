// "Off-contract purchases", the worklist shipped with Lakeshore: per account, what it bought in the period,
// how much of it no running contract covered, what was billed below (leakage) or above (overbilling) the
// contract price, and when its running contract ends; drilled down to account x item. Written for the
// demo lakehouse's mart (fact_invoice_line, contract_price, dim_account, dim_item) in SQL that SQLite,
// DuckDB, Databricks and Snowflake all read alike.
#pragma once

#include "worklists/definition.h"

namespace lakeshore::worklists {

inline constexpr const char *kOffContractId = "builtin:off-contract-purchases";

[[nodiscard]] Definition offContractPurchases();

// The definitions shipped with Lakeshore, listed before the saved ones.
[[nodiscard]] std::vector<Definition> builtInDefinitions();

} // namespace lakeshore::worklists
