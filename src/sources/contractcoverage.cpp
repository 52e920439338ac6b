#include "sources/contractcoverage.h"

#include <cmath>
#include <map>
#include <set>
#include <string>

namespace lakeshore::sources {

ContractCoverage computeContractCoverage(const std::vector<domain::ContractPrice> &contracts,
                                         const std::vector<domain::InvoiceLine> &lines, domain::Date today)
{
    ContractCoverage coverage;
    std::multimap<std::string, const domain::ContractPrice *> byItem;
    std::set<std::string> contractedToday;
    for (const auto &contract : contracts) {
        byItem.emplace(contract.itemNumber, &contract);
        if (contract.validFrom <= today && today <= contract.validTo) {
            contractedToday.insert(contract.itemNumber);
            if (!coverage.hasValidContract || contract.validTo < coverage.nearestExpiry)
                coverage.nearestExpiry = contract.validTo;
            coverage.hasValidContract = true;
            if (contract.validTo.days() - today.days() <= 90)
                ++coverage.expiringWithin90Days;
        }
    }
    coverage.contractedItems = static_cast<int>(contractedToday.size());

    for (const auto &line : lines) {
        coverage.spend += line.amount;
        const domain::ContractPrice *valid = nullptr;
        auto [begin, end] = byItem.equal_range(line.itemNumber);
        for (auto it = begin; it != end; ++it) {
            const auto *contract = it->second;
            // When several apply, the lowest price is the customer's entitlement.
            if (contract->validFrom <= line.invoiceDate && line.invoiceDate <= contract->validTo &&
                (!valid || contract->unitPrice < valid->unitPrice))
                valid = contract;
        }
        if (!valid) {
            coverage.offContractSpend += line.amount;
            ++coverage.offContractLines;
            continue;
        }
        const double difference = std::round((line.unitPrice - valid->unitPrice) * 100) / 100;
        if (difference == 0) {
            coverage.onContractSpend += line.amount;
        } else if (difference < 0) {
            coverage.leakage += -difference * line.quantity;
            ++coverage.mispricedLines;
        } else {
            coverage.overbilling += difference * line.quantity;
            ++coverage.mispricedLines;
        }
    }
    return coverage;
}

} // namespace lakeshore::sources
