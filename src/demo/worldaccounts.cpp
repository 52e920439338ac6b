// The customer base: CRM accounts spread over the territories, each with the traits its detail grows from.
#include "demo/names.h"
#include "demo/random.h"
#include "demo/worldaccountnames.h"
#include "demo/worlddata.h"
#include "demo/worldgeo.h"

#include <unordered_set>

namespace lakeshore::demo::worldgen {
namespace {

// Institutions and place-named utilities run out of plausible names long before companies do.
bool scarceNames(const market::Industry &industry)
{
    return industry.style != market::Style::Company || industry.trades.empty() ||
           industry.trades.front().placeOnly;
}

std::vector<int> industryWeights(bool plentifulNamesOnly)
{
    std::vector<int> weights;
    for (const auto &industry : market::industries())
        weights.push_back(plentifulNamesOnly && scarceNames(industry) ? 0 : industry.weight);
    return weights;
}

// Exact shares per territory (so even a small world has its Cleveland book), in shuffled order.
std::vector<std::uint8_t> territoryPerAccount(const WorldData &data, std::size_t count)
{
    std::vector<int> weights;
    for (const auto &territory : geo::territories())
        weights.push_back(territory.weight);
    const auto quotas = apportion(weights, count, 1);
    std::vector<std::uint8_t> out;
    out.reserve(count);
    for (std::size_t t = 0; t < quotas.size(); ++t)
        out.insert(out.end(), quotas[t], static_cast<std::uint8_t>(t));
    Rng rng(deriveSeed(data.options.seed, streamTag("territories")));
    rng.shuffle(std::span(out));
    return out;
}

std::int64_t revenueDollars(Rng &rng, const market::Industry &industry)
{
    // A product of independent factors is log-normal-ish, and stays in exact integers.
    std::int64_t revenue = std::int64_t{industry.revenueMedianK} * 1000;
    for (int i = 0; i < 5; ++i)
        revenue = rng.scaled(revenue, 560, 1560);
    if (rng.percent(3))
        revenue *= rng.between(3, 6);
    revenue = std::max<std::int64_t>(revenue, 750'000);
    return (revenue + 5'000) / 10'000 * 10'000;
}

std::string phoneNumber(Rng &rng, std::string_view areaCode)
{
    // 555-0100..0199 is the range set aside for fiction.
    const auto line = rng.between(100, 199);
    return "(" + std::string(areaCode) + ") 555-0" + std::to_string(line);
}

// One draw per statement: operands of + and function arguments have no evaluation order.
std::string streetAddress(Rng &rng)
{
    const std::int64_t number = rng.between(1, 299) * 100;
    const std::int64_t unit = rng.between(0, 99);
    const std::string_view street = rng.pick(names::streetNames());
    const std::string_view type = rng.pick(names::streetTypes());
    return std::to_string(number + unit) + " " + std::string(street) + " " + std::string(type);
}

domain::Timestamp pastTimestamp(Rng &rng, domain::Date today)
{
    const domain::Date date = today.addDays(-rng.between(1, 365));
    const auto hour = static_cast<int>(rng.between(12, 21));
    const auto minute = static_cast<int>(rng.below(60));
    const auto second = static_cast<int>(rng.below(60));
    return domain::Timestamp::at(date, hour, minute, second);
}

} // namespace

void buildAccounts(WorldData &data)
{
    const std::size_t count = sizeSpec(data.options.size).accounts;
    const auto territories = geo::territories();
    const auto industries = market::industries();
    const auto allIndustries = industryWeights(false);
    const auto plentifulIndustries = industryWeights(true);
    const auto territoryOf = territoryPerAccount(data, count);
    const domain::Date today = data.options.today;

    Rng numbers(deriveSeed(data.options.seed, streamTag("account-numbers")));
    std::int64_t nextNumber = 10000;
    std::unordered_set<std::string> usedNames;
    usedNames.reserve(count * 2);
    data.accounts.reserve(count);
    data.traits.reserve(count);
    data.accountById.reserve(count);
    data.accountByNumber.reserve(count);

    for (std::size_t i = 0; i < count; ++i) {
        Rng rng(deriveSeed(data.options.seed, i, streamTag("account")));
        AccountTraits traits;
        traits.territory = territoryOf[i];
        const geo::Territory &territory = territories[traits.territory];
        traits.city = static_cast<std::uint8_t>(rng.below(territory.cities.size()));
        const geo::City &city = territory.cities[traits.city];
        traits.industry = static_cast<std::uint8_t>(rng.weighted(allIndustries));

        AccountName name;
        for (int attempt = 0;; ++attempt) {
            if (attempt == 8 && scarceNames(industries[traits.industry]))
                traits.industry = static_cast<std::uint8_t>(rng.weighted(plentifulIndustries));
            name = makeAccountName(rng, industries[traits.industry], territory, city);
            if (attempt >= 16)
                name.name +=
                    " - " + std::string(city.name) + (attempt > 16 ? " " + std::to_string(attempt - 15) : "");
            if (usedNames.insert(name.name).second)
                break;
        }
        const market::Industry &industry = industries[traits.industry];

        domain::Account account;
        account.id = guidFor(data.options.seed, streamTag("account-id"), i);
        nextNumber += numbers.between(1, 4);
        account.accountNumber = "C" + std::to_string(nextNumber);
        account.name = std::move(name.name);
        account.industry = std::string(industry.name);
        account.street = streetAddress(rng);
        account.city = std::string(city.name);
        account.state = std::string(city.state);
        account.postalCode = std::string(city.zip(rng.below(city.zipCount())));
        account.phone = phoneNumber(rng, city.areaCode);
        account.website = "www." + name.domain;
        const std::int64_t revenue = revenueDollars(rng, industry);
        account.annualRevenue = static_cast<double>(revenue);
        account.employees = static_cast<int>(std::max<std::int64_t>(
            4, rng.scaled(revenue / (std::int64_t{industry.revenuePerEmployeeK} * 1000), 800, 1250)));
        account.active = !rng.percent(5);
        account.territoryId = data.territories[traits.territory].id;
        const auto &reps = data.repsByTerritory[traits.territory];
        traits.owner = reps[rng.below(reps.size())];
        account.ownerId = data.owners[traits.owner].id;
        account.modifiedOn = pastTimestamp(rng, today);
        traits.annualSpendCents = revenue * rng.between(industry.spendBpLo, industry.spendBpHi) / 100;

        data.accountById.emplace(account.id, static_cast<std::uint32_t>(i));
        data.accountByNumber.emplace(account.accountNumber, static_cast<std::uint32_t>(i));
        data.accounts.push_back(std::move(account));
        data.traits.push_back(traits);
    }
}

} // namespace lakeshore::demo::worldgen
