// The distributor's sales team: territories, their reps and the sales managers above them.
#include "demo/names.h"
#include "demo/random.h"
#include "demo/worlddata.h"
#include "demo/worldgeo.h"

#include <set>

namespace lakeshore::demo::worldgen {
namespace {

constexpr std::string_view kManagerTitles[] = {
    "Regional Sales Manager, Northeast Ohio",
    "Regional Sales Manager, Central & Southern Ohio",
    "Regional Sales Manager, Michigan & Indiana",
    "Regional Sales Manager, Pennsylvania & New York",
    "Vice President, Sales",
};

domain::Owner makeOwner(const WorldData &data, Rng &rng, std::set<std::string> &taken)
{
    const auto firsts = names::firstNames();
    const auto lasts = names::surnames();
    std::string_view first, last;
    do {
        first = rng.pick(firsts);
        last = rng.pick(lasts);
    } while (!taken.insert(std::string(first) + ' ' + std::string(last)).second);
    domain::Owner owner;
    owner.id = guidFor(data.options.seed, streamTag("owner"), data.owners.size());
    owner.fullName = std::string(first) + ' ' + std::string(last);
    owner.email = names::emailLocalPart(first, last) + '@' + std::string(kDistributorDomain);
    return owner;
}

} // namespace

void buildSalesTeam(WorldData &data)
{
    Rng rng(deriveSeed(data.options.seed, streamTag("sales-team")));
    std::set<std::string> taken;
    const auto territories = geo::territories();
    data.repsByTerritory.resize(territories.size());
    for (std::size_t t = 0; t < territories.size(); ++t) {
        domain::Territory territory;
        territory.id = guidFor(data.options.seed, streamTag("territory"), t);
        territory.name = std::string(territories[t].name);
        territory.region = std::string(territories[t].region);
        data.territories.push_back(territory);

        for (int r = 0; r < territories[t].reps; ++r) {
            domain::Owner rep = makeOwner(data, rng, taken);
            rep.title = territories[t].reps == 1 ? "Territory Sales Representative"
                        : r == 0                 ? "Senior Account Manager"
                                                 : "Account Manager";
            rep.territoryId = territory.id;
            data.repsByTerritory[t].push_back(static_cast<std::uint32_t>(data.owners.size()));
            data.owners.push_back(std::move(rep));
        }
    }
    for (std::string_view title : kManagerTitles) {
        domain::Owner manager = makeOwner(data, rng, taken);
        manager.title = std::string(title);
        manager.isManager = true;
        data.managers.push_back(static_cast<std::uint32_t>(data.owners.size()));
        data.owners.push_back(std::move(manager));
    }
}

} // namespace lakeshore::demo::worldgen
