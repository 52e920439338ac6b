// Internal to the world generator: one account's commercial situation (what it buys, the contracts it
// has had, how it pays) and the pricing of invoice and order lines under it. Built from the account's
// own sub-seed, so it is the same whenever and wherever detail() asks for it.
#pragma once

#include "demo/random.h"
#include "demo/worlddata.h"

#include <string>
#include <vector>

namespace lakeshore::demo::worldgen {

struct BasketItem
{
    std::uint32_t item = 0; // index into items
    int weight = 0;         // how often it is bought
};

struct Agreement
{
    std::string id; // "K-C10042-2025"
    domain::Date from;
    domain::Date to;
    std::vector<std::int64_t> priceCents; // per basket slot; 0 where the item is not on this contract
    std::vector<domain::Date> itemTo;     // per basket slot; before `to` when an item was dropped mid-term

    [[nodiscard]] bool covers(std::size_t slot, domain::Date date) const
    {
        return priceCents[slot] > 0 && date >= from && date <= itemTo[slot];
    }
};

struct AccountPlan
{
    int tier = 0; // 0..4 by yearly spend
    std::int64_t annualSpendCents = 0;
    std::vector<BasketItem> basket;    // most bought first
    std::vector<Agreement> agreements; // oldest first, never overlapping
    int invoicesPerYear = 0;
    int offContractPermille = 0; // share of lines for items the running contract does not cover
    int belowPermille = 0;       // contract lines billed below the contract price (leakage)
    int abovePermille = 0;       // contract lines billed above it (overbilling)
    int paymentTermsDays = 30;
    int payDelayMeanDays = 0; // relative to the due date
    int growthPermillePerYear = 0;
    domain::Date firstPurchase;
    domain::Date lastPurchase;
};

[[nodiscard]] AccountPlan makePlan(const WorldData &data, std::size_t accountIndex);

struct PricedLine
{
    std::size_t slot = 0; // basket slot
    std::int64_t quantity = 0;
    std::int64_t unitCents = 0;
};

// The lines of one invoice or order dated `date`, each for a different item.
[[nodiscard]] std::vector<PricedLine> drawLines(const WorldData &data, const AccountPlan &plan,
                                                domain::Date date, int lineCount, Rng &rng);

// prefix + number zero-padded to width digits: ("INV-", 104233, 7) -> "INV-0104233".
[[nodiscard]] std::string numbered(std::string_view prefix, std::int64_t number, int width);

void fillErp(const WorldData &data, std::size_t accountIndex, const AccountPlan &plan, AccountDetail &detail);
void fillCrm(const WorldData &data, std::size_t accountIndex, const AccountPlan &plan, AccountDetail &detail);

} // namespace lakeshore::demo::worldgen
