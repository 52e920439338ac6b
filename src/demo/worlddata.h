// Internal to the world generator: the immutable state a World shares with its per-account generators,
// and the build steps that fill it. Not part of the demo module's face.
#pragma once

#include "demo/world.h"
#include "demo/worldindustry.h"

#include <array>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace lakeshore::demo::worldgen {

struct StringHash
{
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
using StringIndex = std::unordered_map<std::string, std::uint32_t, StringHash, std::equal_to<>>;

// What the generator knows about an account beyond the CRM record.
struct AccountTraits
{
    std::uint8_t industry = 0;         // market::industries()
    std::uint8_t territory = 0;        // geo::territories()
    std::uint8_t city = 0;             // the territory's cities
    std::uint32_t owner = 0;           // index into owners
    std::int64_t annualSpendCents = 0; // what it buys from the distributor in a typical year
};

// Money is kept in cents so every amount is exact and the same on any machine.
struct ItemEconomics
{
    std::int64_t costCents = 0;
    std::int64_t listCents = 0;
    std::uint8_t category = 0;
};

struct WorldData
{
    WorldOptions options;
    std::vector<domain::Territory> territories; // in geo::territories() order
    std::vector<domain::Owner> owners;
    std::vector<std::vector<std::uint32_t>> repsByTerritory;
    std::vector<std::uint32_t> managers;
    std::vector<domain::Account> accounts;
    std::vector<AccountTraits> traits;
    std::vector<domain::Item> items;
    std::vector<ItemEconomics> economics;
    std::array<std::vector<std::uint32_t>, market::kCategoryCount> itemsByCategory;
    StringIndex accountById;
    StringIndex accountByNumber;
};

struct SizeSpec
{
    std::size_t accounts;
    std::size_t items;
};
[[nodiscard]] SizeSpec sizeSpec(WorldSize size);

void buildCatalog(WorldData &data);   // worldcatalog.cpp
void buildSalesTeam(WorldData &data); // worldpeople.cpp
void buildAccounts(WorldData &data);  // worldaccounts.cpp

[[nodiscard]] inline double money(std::int64_t cents)
{
    return static_cast<double>(cents) / 100.0;
}

// The distributor itself, for reps' e-mail addresses.
inline constexpr std::string_view kDistributorDomain = "northcoastsupply.example";

} // namespace lakeshore::demo::worldgen
