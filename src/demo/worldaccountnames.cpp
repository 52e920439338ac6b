#include "demo/worldaccountnames.h"

#include "demo/names.h"

namespace lakeshore::demo::worldgen {
namespace {

constexpr std::string_view kTld = ".example"; // reserved (RFC 2606): no demo address is a real company's

constexpr std::string_view kSaints[] = {
    "St. Vincent", "St. Joseph", "St. Elizabeth", "Mercy",    "St. Luke's",  "St. Mary's",   "Good Samaritan",
    "Holy Cross",  "St. John",   "Providence",    "St. Anne", "St. Francis", "Sacred Heart", "Trinity"};
constexpr std::string_view kHospitalKinds[] = {"Hospital", "Medical Center", "Health Center"};
constexpr std::string_view kCityHospitalKinds[] = {"Community Hospital",      "Regional Medical Center",
                                                   "General Hospital",        "Memorial Hospital",
                                                   "Rehabilitation Hospital", "Surgical Center"};
constexpr std::string_view kHospitalDepartments[] = {"Facilities", "Plant Operations",
                                                     "Engineering & Maintenance", "Environmental Services"};
constexpr std::string_view kCityDepartments[] = {
    "Public Works",       "Water Department",  "Wastewater Treatment Plant", "Street Department",
    "Service Department", "Fleet Maintenance", "Parks & Recreation",         "Water Pollution Control"};
constexpr std::string_view kCountyDepartments[] = {"Engineer's Office", "Sanitary Engineers",
                                                   "Facilities Management", "Highway Department",
                                                   "Fleet Services"};

std::string join(std::initializer_list<std::string_view> parts)
{
    std::string out;
    for (std::string_view part : parts) {
        if (part.empty())
            continue;
        if (!out.empty())
            out += ' ';
        out += part;
    }
    return out;
}

// The first words of a name, as a domain label short enough to type.
std::string domainOf(std::string_view core)
{
    std::string label;
    std::size_t words = 0;
    std::size_t start = 0;
    while (start < core.size() && words < 3) {
        std::size_t end = core.find(' ', start);
        if (end == std::string_view::npos)
            end = core.size();
        const std::string word = names::slug(core.substr(start, end - start));
        if (!word.empty() && (label.size() + word.size() <= 22 || words == 0)) {
            label += word;
            ++words;
        } else if (!word.empty()) {
            break;
        }
        start = end + 1;
    }
    return label + std::string(kTld);
}

std::string_view place(Rng &rng, const geo::Territory &territory)
{
    return rng.percent(65) ? rng.pick(territory.places) : rng.pick(names::companyAdjectives());
}

AccountName companyName(Rng &rng, const market::Industry &industry, const geo::Territory &territory,
                        const geo::City &city)
{
    const market::Trade &trade = rng.pick(industry.trades);
    std::string core;
    static constexpr int kPatternWeights[] = {30, 22, 16, 8, 6, 10, 4};
    std::size_t pattern = rng.weighted(kPatternWeights);
    if (trade.placeOnly && pattern != 6)
        pattern = 1;
    const auto surnames = names::surnames();
    switch (pattern) {
    case 0:
        core = join({rng.pick(surnames), trade.word});
        break;
    case 1:
        core = join({place(rng, territory), trade.word});
        break;
    case 2:
        core = join({rng.pick(names::companyAdjectives()), trade.word});
        break;
    case 3: {
        const std::string_view first = rng.pick(surnames);
        const std::string_view second = rng.percent(40) ? std::string_view("Sons") : rng.pick(surnames);
        core = join({first, "&", second, trade.word});
        break;
    }
    case 4: {
        const char initials[] = {static_cast<char>('A' + rng.below(26)), '&',
                                 static_cast<char>('A' + rng.below(26)), 0};
        core = join({initials, trade.word});
        break;
    }
    case 5:
        core = rng.pick(names::coinedHeads());
        core += rng.pick(names::coinedTails());
        if (rng.percent(60))
            core = join({core, trade.word});
        break;
    default:
        core = join({city.name, trade.word});
        break;
    }
    const std::string_view suffix = trade.takesSuffix ? names::corporateSuffix(rng) : std::string_view();
    return {join({core, suffix}), domainOf(core)};
}

AccountName hospitalName(Rng &rng, const geo::Territory &territory, const geo::City &city)
{
    std::string core;
    switch (rng.below(3)) {
    case 0:
        core = join({rng.pick(kSaints), rng.pick(kHospitalKinds)});
        if (rng.percent(50))
            core = join({core, city.name});
        break;
    case 1:
        core = join({city.name, rng.pick(kCityHospitalKinds)});
        break;
    default:
        core = join({rng.pick(territory.places), "Health", "-", city.name, "Campus"});
        break;
    }
    return {core + " - " + std::string(rng.pick(kHospitalDepartments)), domainOf(core)};
}

AccountName governmentName(Rng &rng, const geo::Territory &territory, const geo::City &city)
{
    if (rng.percent(70)) {
        return {"City of " + std::string(city.name) + " - " + std::string(rng.pick(kCityDepartments)),
                "cityof" + names::slug(city.name) + std::string(kTld)};
    }
    const std::string_view county = rng.pick(territory.counties);
    return {join({county, "County", rng.pick(kCountyDepartments)}),
            names::slug(county) + "county" + std::string(kTld)};
}

AccountName schoolName(Rng &rng, const geo::Territory &territory, const geo::City &city)
{
    switch (rng.below(4)) {
    case 0:
        return {std::string(city.name) + " City Schools - Facilities",
                names::slug(city.name) + "schools" + std::string(kTld)};
    case 1:
        return {std::string(city.name) + " Public Schools - Maintenance",
                names::slug(city.name) + "schools" + std::string(kTld)};
    case 2: {
        const std::string_view county = rng.pick(territory.counties);
        return {join({county, "County Career Center"}),
                names::slug(county) + "careercenter" + std::string(kTld)};
    }
    default: {
        const std::string core =
            join({rng.pick(territory.places), rng.percent(50) ? "Community College" : "Technical College"});
        return {core + " - Facilities", domainOf(core)};
    }
    }
}

} // namespace

AccountName makeAccountName(Rng &rng, const market::Industry &industry, const geo::Territory &territory,
                            const geo::City &city)
{
    switch (industry.style) {
    case market::Style::Hospital:
        return hospitalName(rng, territory, city);
    case market::Style::Government:
        return governmentName(rng, territory, city);
    case market::Style::School:
        return schoolName(rng, territory, city);
    case market::Style::Company:
        break;
    }
    return companyName(rng, industry, territory, city);
}

} // namespace lakeshore::demo::worldgen
