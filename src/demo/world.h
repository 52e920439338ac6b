// The embedded demo tenant's data: a Midwest industrial (MRO) distributor generated deterministically
// from (seed, size, today). Territories, owners, accounts and items are built up front; everything
// about one account (CRM relationships, ERP customer, contract prices, three years of invoices, open
// orders) is generated on demand by detail() from that account's own sub-seed, so the answer is the
// same on any machine, in any call order and from any thread.
#pragma once

#include "domain/crm.h"
#include "domain/date.h"
#include "domain/erp.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string_view>
#include <vector>

namespace lakeshore::demo {

enum class WorldSize { Small, Default, Large };

// "small" | "default" | "large", any letter case.
[[nodiscard]] std::optional<WorldSize> parseWorldSize(std::string_view text);
[[nodiscard]] std::string_view worldSizeName(WorldSize size);

struct WorldOptions
{
    std::uint64_t seed = 1847;
    WorldSize size = WorldSize::Default;
    domain::Date today = domain::Date::today();
};

struct AccountDetail
{
    std::vector<domain::Contact> contacts; // the primary contact first
    std::vector<domain::Opportunity> opportunities;
    std::vector<domain::Activity> activities; // oldest first
    std::vector<domain::Conversation> conversations;
    std::vector<domain::Case> cases;
    domain::Customer customer;
    std::vector<domain::ContractPrice> contractPrices;
    std::vector<domain::Invoice> invoices; // three years up to options.today, oldest first, with lines
    std::vector<domain::SalesOrder> openOrders;
};

namespace worldgen {
struct WorldData;
}

// Immutable once built; copies share the data. All members are safe to call from any thread.
class World
{
public:
    explicit World(WorldOptions options);

    [[nodiscard]] const WorldOptions &options() const;
    [[nodiscard]] const std::vector<domain::Territory> &territories() const;
    [[nodiscard]] const std::vector<domain::Owner> &owners() const; // reps by territory, then managers
    [[nodiscard]] const std::vector<domain::Account> &accounts() const;
    [[nodiscard]] const std::vector<domain::Item> &items() const;

    [[nodiscard]] std::optional<std::size_t> findAccountById(std::string_view crmId) const;
    [[nodiscard]] std::optional<std::size_t> findAccountByNumber(std::string_view number) const;

    // An index out of range gives an empty detail.
    [[nodiscard]] AccountDetail detail(std::size_t accountIndex) const;

private:
    std::shared_ptr<const worldgen::WorldData> m_data;
};

} // namespace lakeshore::demo
