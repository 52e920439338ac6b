#include "demo/worldplan.h"

#include <algorithm>
#include <cstdio>

namespace lakeshore::demo::worldgen {
namespace {

using domain::Date;

constexpr std::int64_t kTierFloorsCents[] = {2'500'000, 7'500'000, 20'000'000, 50'000'000}; // $25k .. $500k
constexpr int kBasketRange[5][2] = {{8, 20}, {15, 35}, {25, 55}, {40, 80}, {60, 120}};
constexpr int kInvoicesPerYear[5][2] = {{6, 10}, {10, 20}, {18, 32}, {28, 45}, {40, 60}};
constexpr int kContractPercent[5] = {50, 80, 94, 97, 98};
// Share of the year's buying by month: summer shutdowns and the holidays are slow.
constexpr int kSeasonPermille[12] = {960, 980, 1050, 1040, 1030, 1000, 900, 1000, 1060, 1080, 990, 860};

Date monthStart(Date date)
{
    return Date(date.year(), date.month(), 1);
}

std::int64_t contractPriceFor(const ItemEconomics &item, std::int64_t discountBp)
{
    std::int64_t price = item.listCents * (10'000 - discountBp) / 10'000;
    price = std::max(price, item.costCents * 106 / 100);
    return std::min(price, item.listCents * 97 / 100);
}

void chooseBasket(const WorldData &data, const market::Industry &industry, AccountPlan &plan, Rng &rng)
{
    std::array<int, market::kCategoryCount> weights = industry.categoryWeights;
    for (std::size_t c = 0; c < weights.size(); ++c)
        if (data.itemsByCategory[c].empty())
            weights[c] = 0;
    const std::size_t limit = std::max<std::size_t>(3, data.items.size() * 6 / 10);
    const auto size = std::min(
        limit, static_cast<std::size_t>(rng.between(kBasketRange[plan.tier][0], kBasketRange[plan.tier][1])));
    std::vector<char> taken(data.items.size(), 0);
    for (std::size_t attempt = 0; attempt < size * 8 && plan.basket.size() < size; ++attempt) {
        const auto &pool = data.itemsByCategory[rng.weighted(weights)];
        const std::uint32_t item = pool[rng.below(pool.size())];
        if (taken[item])
            continue;
        taken[item] = 1;
        const auto rank = static_cast<int>(plan.basket.size());
        plan.basket.push_back({item, 1000 / (rank + 2) + static_cast<int>(rng.between(0, 20))});
    }
}

Agreement firstAgreement(const WorldData &data, const AccountPlan &plan, std::int64_t discountBp, Rng &rng)
{
    Agreement agreement;
    agreement.priceCents.assign(plan.basket.size(), 0);
    const auto core = plan.basket.size() * static_cast<std::size_t>(rng.between(55, 85)) / 100;
    for (std::size_t s = 0; s < core; ++s)
        if (rng.percent(92))
            agreement.priceCents[s] =
                contractPriceFor(data.economics[plan.basket[s].item], discountBp + rng.between(-400, 400));
    return agreement;
}

Agreement renewal(const WorldData &data, const AccountPlan &plan, const Agreement &previous,
                  std::int64_t discountBp, Rng &rng)
{
    Agreement agreement;
    agreement.priceCents.assign(plan.basket.size(), 0);
    for (std::size_t s = 0; s < plan.basket.size(); ++s) {
        const ItemEconomics &item = data.economics[plan.basket[s].item];
        const bool hadIt = previous.priceCents[s] > 0 && previous.itemTo[s] == previous.to;
        if (hadIt && !rng.percent(5))
            agreement.priceCents[s] =
                std::min(rng.scaled(previous.priceCents[s], 1020, 1060), item.listCents * 97 / 100);
        else if (!hadIt && rng.percent(25))
            agreement.priceCents[s] = contractPriceFor(item, discountBp + rng.between(-400, 400));
    }
    return agreement;
}

void dateAgreement(Agreement &agreement, Date from, const std::string &accountNumber, Rng &rng)
{
    static constexpr int kTermWeights[] = {30, 40, 30};
    const int months = 12 * (1 + static_cast<int>(rng.weighted(kTermWeights)));
    agreement.from = from;
    agreement.to = from.addMonths(months).addDays(-1);
    agreement.id = "K-" + accountNumber + "-" + std::to_string(from.year());
    const std::int64_t length = agreement.to.days() - from.days();
    agreement.itemTo.assign(agreement.priceCents.size(), agreement.to);
    for (std::size_t s = 0; s < agreement.priceCents.size(); ++s)
        if (agreement.priceCents[s] > 0 && rng.percent(4))
            agreement.itemTo[s] = from.addDays(rng.between(90, std::max<std::int64_t>(90, length - 30)));
}

void chooseAgreements(const WorldData &data, const std::string &accountNumber, AccountPlan &plan, Rng &rng)
{
    const Date today = data.options.today;
    if (!rng.percent(kContractPercent[plan.tier]))
        return;
    const std::int64_t discountBp = rng.between(1000, 2400);
    Date start;
    if (plan.firstPurchase > today.addMonths(-36))
        start = monthStart(plan.firstPurchase.addDays(rng.between(0, 120)));
    else if (rng.percent(8))
        start = monthStart(today.addMonths(-static_cast<int>(rng.between(3, 33))));
    else
        start = monthStart(today.addMonths(-36 - static_cast<int>(rng.between(0, 30))));

    while (start <= today && plan.agreements.size() < 12) {
        Agreement next = plan.agreements.empty()
                             ? firstAgreement(data, plan, discountBp, rng)
                             : renewal(data, plan, plan.agreements.back(), discountBp, rng);
        dateAgreement(next, start, accountNumber, rng);
        // One renewal in five is signed late, leaving the account off contract for a while.
        const std::int64_t gap = rng.percent(20) ? rng.between(15, 120) : 0;
        start = next.to.addDays(1 + gap);
        plan.agreements.push_back(std::move(next));
    }
    if (!plan.agreements.empty()) {
        const Agreement &last = plan.agreements.back();
        if (last.to >= today && last.to < today.addDays(120) && rng.percent(55)) {
            Agreement signedAhead = renewal(data, plan, last, discountBp, rng);
            dateAgreement(signedAhead, last.to.addDays(1), accountNumber, rng);
            plan.agreements.push_back(std::move(signedAhead));
        }
    }
}

} // namespace

std::string numbered(std::string_view prefix, std::int64_t number, int width)
{
    char digits[32];
    std::snprintf(digits, sizeof digits, "%0*lld", width, static_cast<long long>(number));
    return std::string(prefix) + digits;
}

AccountPlan makePlan(const WorldData &data, std::size_t accountIndex)
{
    const domain::Account &account = data.accounts[accountIndex];
    const AccountTraits &traits = data.traits[accountIndex];
    const market::Industry &industry = market::industries()[traits.industry];
    const Date today = data.options.today;
    Rng rng(deriveSeed(data.options.seed, accountIndex, streamTag("plan")));

    AccountPlan plan;
    plan.annualSpendCents = std::max<std::int64_t>(traits.annualSpendCents, 500'000);
    while (plan.tier < 4 && plan.annualSpendCents >= kTierFloorsCents[plan.tier])
        ++plan.tier;
    chooseBasket(data, industry, plan, rng);
    plan.invoicesPerYear =
        static_cast<int>(rng.between(kInvoicesPerYear[plan.tier][0], kInvoicesPerYear[plan.tier][1]));
    plan.offContractPermille =
        static_cast<int>(rng.percent(10) ? rng.between(200, 400) : rng.between(20, 180));
    plan.belowPermille = static_cast<int>(rng.percent(15) ? rng.between(60, 140) : rng.between(0, 50));
    plan.abovePermille = static_cast<int>(rng.percent(8) ? rng.between(40, 100) : rng.between(0, 30));
    static constexpr int kSmallTerms[] = {85, 10, 5};
    static constexpr int kLargeTerms[] = {55, 25, 20};
    plan.paymentTermsDays =
        30 + 15 * static_cast<int>(rng.weighted(plan.tier < 2 ? std::span<const int>(kSmallTerms)
                                                              : std::span<const int>(kLargeTerms)));
    plan.payDelayMeanDays = static_cast<int>(rng.percent(15) ? rng.between(15, 50) : rng.between(-8, 6));
    plan.growthPermillePerYear = static_cast<int>(rng.between(-120, 180));

    const Date windowStart = today.addMonths(-36);
    plan.firstPurchase = rng.percent(10) ? windowStart.addDays(rng.between(30, 700)) : windowStart;
    plan.lastPurchase = account.active ? today : today.addDays(-rng.between(120, 540));
    if (plan.lastPurchase <= plan.firstPurchase)
        plan.firstPurchase = windowStart;
    chooseAgreements(data, account.accountNumber, plan, rng);
    return plan;
}

namespace {

const Agreement *agreementOn(const AccountPlan &plan, Date date)
{
    for (const Agreement &agreement : plan.agreements)
        if (date >= agreement.from && date <= agreement.to)
            return &agreement;
    return nullptr;
}

std::int64_t unitPrice(const WorldData &data, const AccountPlan &plan, const Agreement *agreement,
                       std::size_t slot, Date date, Rng &rng)
{
    const ItemEconomics &item = data.economics[plan.basket[slot].item];
    if (!agreement || !agreement->covers(slot, date))
        return std::max<std::int64_t>(1, rng.scaled(item.listCents, 930, 1030)); // off contract: near list
    const std::int64_t contract = agreement->priceCents[slot];
    const auto roll = static_cast<int>(rng.below(1000));
    if (roll < plan.belowPermille && contract > 1) {
        // Often a stale price from the previous contract, otherwise a rep's override.
        std::int64_t price = rng.scaled(contract, 850, 970);
        if (agreement != plan.agreements.data() && rng.percent(40)) {
            const std::int64_t stale = (agreement - 1)->priceCents[slot];
            if (stale > 0 && stale < contract)
                price = stale;
        }
        return std::clamp<std::int64_t>(price, 1, contract - 1);
    }
    if (roll < plan.belowPermille + plan.abovePermille) {
        const std::int64_t price =
            item.listCents > contract && rng.percent(50) ? item.listCents : rng.scaled(contract, 1030, 1150);
        return std::max(price, contract + 1);
    }
    return contract;
}

} // namespace

std::vector<PricedLine> drawLines(const WorldData &data, const AccountPlan &plan, Date date, int lineCount,
                                  Rng &rng)
{
    std::vector<PricedLine> lines;
    if (plan.basket.empty())
        return lines;
    const Agreement *agreement = agreementOn(plan, date);
    std::vector<int> covered(plan.basket.size(), 0);
    std::vector<int> uncovered(plan.basket.size(), 0);
    bool anyCovered = false, anyUncovered = false;
    for (std::size_t s = 0; s < plan.basket.size(); ++s) {
        if (agreement && agreement->covers(s, date)) {
            covered[s] = plan.basket[s].weight;
            anyCovered = true;
        } else {
            uncovered[s] = plan.basket[s].weight;
            anyUncovered = true;
        }
    }

    const std::int64_t target = plan.annualSpendCents * 10 / (std::int64_t{plan.invoicesPerYear} * 35);
    const std::int64_t daysFromMiddle = date.days() - data.options.today.addDays(-548).days();
    const std::int64_t trend = 1000 + std::int64_t{plan.growthPermillePerYear} * daysFromMiddle / 365;
    const std::int64_t seasonal = target * kSeasonPermille[date.month() - 1] / 1000 * trend / 1000;

    for (int k = 0; k < lineCount; ++k) {
        const bool onContract =
            anyCovered && (!anyUncovered || static_cast<int>(rng.below(1000)) >= plan.offContractPermille);
        const auto &weights = onContract ? covered : uncovered;
        const auto taken = [&](std::size_t slot) {
            return std::any_of(lines.begin(), lines.end(),
                               [&](const PricedLine &l) { return l.slot == slot; });
        };
        std::size_t slot = rng.weighted(weights);
        for (int retry = 0; retry < 4 && taken(slot); ++retry)
            slot = rng.weighted(weights);
        if (taken(slot))
            continue;
        const std::int64_t list = data.economics[plan.basket[slot].item].listCents;
        const std::int64_t value = rng.scaled(seasonal, 250, 2200);
        PricedLine line;
        line.slot = slot;
        line.quantity = std::clamp<std::int64_t>((value + list / 2) / list, 1, 5000);
        line.unitCents = unitPrice(data, plan, agreement, slot, date, rng);
        lines.push_back(line);
    }
    return lines;
}

} // namespace lakeshore::demo::worldgen
