// Contract coverage of one customer: how much of the last twelve months' spend was billed at a valid
// contract price, off contract (no valid contract), below it (leakage) or above it (overbilling).
#pragma once

#include "domain/erp.h"

#include <vector>

namespace lakeshore::sources {

struct ContractCoverage
{
    int contractedItems = 0; // items with a contract valid today
    int expiringWithin90Days = 0;
    domain::Date nearestExpiry; // of the contracts valid today; default when none
    bool hasValidContract = false;
    double spend = 0;            // all lines in the window
    double onContractSpend = 0;  // billed exactly at the valid contract price
    double offContractSpend = 0; // no valid contract for (item, invoice date)
    double leakage = 0;          // Σ (contract − billed) × qty where billed below contract
    double overbilling = 0;      // Σ (billed − contract) × qty where billed above contract
    int offContractLines = 0;
    int mispricedLines = 0;

    [[nodiscard]] double onContractShare() const { return spend > 0 ? onContractSpend / spend : 0; }
};

[[nodiscard]] ContractCoverage computeContractCoverage(const std::vector<domain::ContractPrice> &contracts,
                                                       const std::vector<domain::InvoiceLine> &lines,
                                                       domain::Date today);

} // namespace lakeshore::sources
