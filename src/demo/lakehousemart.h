// The demo lakehouse mart: a separate SQLite file standing in for the customer's warehouse, generated
// from the same world as the demo CRM and ERP (invoice-line facts with cost and freight, account and item
// dimensions, contract prices, monthly account aggregates, propensity scores). It deliberately has no
// territory or owner column: those live only in the CRM, and binding them is the assistant's job.
#pragma once

#include "core/result.h"
#include "demo/world.h"

#include <cstddef>
#include <string>

namespace lakeshore::demo {

struct MartSummary
{
    std::size_t accounts = 0;
    std::size_t items = 0;
    std::size_t invoiceLines = 0;
    std::size_t contractPrices = 0;
    std::size_t monthlyRows = 0; // agg_account_month rows
    double elapsedMs = 0;
};

// Writes a new SQLite file at path (refuses to overwrite an existing file) holding the demo mart for the
// world. On failure the partly written file is removed.
Result<MartSummary> buildLakehouseMart(const World &world, const std::string &path);

} // namespace lakeshore::demo
