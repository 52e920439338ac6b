#include "demo/world.h"

#include "demo/worlddata.h"
#include "demo/worldplan.h"

namespace lakeshore::demo {

namespace worldgen {

SizeSpec sizeSpec(WorldSize size)
{
    switch (size) {
    case WorldSize::Small:
        return {120, 60};
    case WorldSize::Large:
        return {100'000, 5'000};
    case WorldSize::Default:
        break;
    }
    return {2'000, 800};
}

} // namespace worldgen

std::optional<WorldSize> parseWorldSize(std::string_view text)
{
    std::string lower;
    for (char c : text)
        lower += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    if (lower == "small")
        return WorldSize::Small;
    if (lower == "default")
        return WorldSize::Default;
    if (lower == "large")
        return WorldSize::Large;
    return std::nullopt;
}

std::string_view worldSizeName(WorldSize size)
{
    switch (size) {
    case WorldSize::Small:
        return "small";
    case WorldSize::Large:
        return "large";
    case WorldSize::Default:
        break;
    }
    return "default";
}

World::World(WorldOptions options)
{
    auto data = std::make_shared<worldgen::WorldData>();
    data->options = options;
    worldgen::buildCatalog(*data);
    worldgen::buildSalesTeam(*data);
    worldgen::buildAccounts(*data);
    m_data = std::move(data);
}

const WorldOptions &World::options() const
{
    return m_data->options;
}
const std::vector<domain::Territory> &World::territories() const
{
    return m_data->territories;
}
const std::vector<domain::Owner> &World::owners() const
{
    return m_data->owners;
}
const std::vector<domain::Account> &World::accounts() const
{
    return m_data->accounts;
}
const std::vector<domain::Item> &World::items() const
{
    return m_data->items;
}

std::optional<std::size_t> World::findAccountById(std::string_view crmId) const
{
    const auto it = m_data->accountById.find(crmId);
    if (it == m_data->accountById.end())
        return std::nullopt;
    return it->second;
}

std::optional<std::size_t> World::findAccountByNumber(std::string_view number) const
{
    const auto it = m_data->accountByNumber.find(number);
    if (it == m_data->accountByNumber.end())
        return std::nullopt;
    return it->second;
}

AccountDetail World::detail(std::size_t accountIndex) const
{
    AccountDetail detail;
    if (accountIndex >= m_data->accounts.size())
        return detail;
    const worldgen::AccountPlan plan = worldgen::makePlan(*m_data, accountIndex);
    worldgen::fillErp(*m_data, accountIndex, plan, detail);
    worldgen::fillCrm(*m_data, accountIndex, plan, detail);
    return detail;
}

} // namespace lakeshore::demo
