// The item catalog: a random but exact-sized subset of every product family's variants.
#include "demo/random.h"
#include "demo/worlddata.h"
#include "demo/worldfamilies.h"

#include <algorithm>
#include <numeric>

namespace lakeshore::demo::worldgen {
namespace {

struct Variants
{
    const market::ItemFamily *family = nullptr;
    std::array<std::vector<std::string_view>, 4> values;
    std::uint32_t combos = 1;
};

std::vector<std::string_view> splitAxis(std::string_view axis)
{
    std::vector<std::string_view> values;
    std::size_t start = 0;
    for (;;) {
        const std::size_t bar = axis.find('|', start);
        values.push_back(
            axis.substr(start, bar == std::string_view::npos ? std::string_view::npos : bar - start));
        if (bar == std::string_view::npos)
            return values;
        start = bar + 1;
    }
}

std::string describe(const Variants &v, const std::array<std::size_t, 4> &digits)
{
    std::string out;
    const std::string_view pattern = v.family->pattern;
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        if (pattern[i] == '{' && i + 2 < pattern.size() && pattern[i + 2] == '}') {
            const auto axis = static_cast<std::size_t>(pattern[i + 1] - '0');
            out += v.values[axis][digits[axis]];
            i += 2;
        } else {
            out += pattern[i];
        }
    }
    return out;
}

// Caps each category at what its families can offer and hands the excess to categories with room.
std::vector<std::size_t> categoryQuotas(std::size_t wanted, const std::vector<std::size_t> &capacity)
{
    const auto weights = market::catalogCategoryWeights();
    std::vector<std::size_t> quota = apportion(weights, wanted, 1);
    std::size_t excess = 0;
    for (std::size_t c = 0; c < quota.size(); ++c) {
        if (quota[c] > capacity[c]) {
            excess += quota[c] - capacity[c];
            quota[c] = capacity[c];
        }
    }
    std::vector<std::size_t> order(quota.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return weights[a] > weights[b]; });
    bool room = true;
    while (excess > 0 && room) {
        room = false;
        for (std::size_t c : order) {
            if (excess > 0 && quota[c] < capacity[c]) {
                ++quota[c];
                --excess;
                room = true;
            }
        }
    }
    return quota;
}

} // namespace

void buildCatalog(WorldData &data)
{
    Rng rng(deriveSeed(data.options.seed, streamTag("catalog")));
    const auto families = market::itemFamilies();
    std::array<std::vector<Variants>, market::kCategoryCount> byCategory;
    std::vector<std::size_t> capacity(market::kCategoryCount, 0);
    for (const auto &family : families) {
        Variants v;
        v.family = &family;
        for (std::size_t a = 0; a < 4; ++a) {
            v.values[a] = splitAxis(family.axes[a]);
            v.combos *= static_cast<std::uint32_t>(v.values[a].size());
        }
        capacity[family.category] += v.combos;
        byCategory[family.category].push_back(std::move(v));
    }

    const auto quotas = categoryQuotas(sizeSpec(data.options.size).items, capacity);
    const auto categoryNames = market::categories();
    for (std::size_t c = 0; c < market::kCategoryCount; ++c) {
        // A partial Fisher-Yates over the category's variant space picks distinct variants.
        std::vector<std::uint32_t> pool(capacity[c]);
        std::iota(pool.begin(), pool.end(), 0u);
        for (std::size_t k = 0; k < quotas[c]; ++k)
            std::swap(pool[k], pool[k + rng.below(pool.size() - k)]);
        pool.resize(quotas[c]);
        std::sort(pool.begin(), pool.end());

        std::int64_t running = 100;
        for (std::uint32_t index : pool) {
            std::size_t f = 0;
            while (index >= byCategory[c][f].combos)
                index -= byCategory[c][f++].combos;
            const Variants &v = byCategory[c][f];
            std::array<std::size_t, 4> digits{};
            for (std::size_t a = 4; a-- > 0;) {
                digits[a] = index % v.values[a].size();
                index /= static_cast<std::uint32_t>(v.values[a].size());
            }
            const market::ItemFamily &family = *v.family;
            const auto steps = static_cast<std::int64_t>(v.values[family.costAxis].size() - 1);
            const auto position = static_cast<std::int64_t>(digits[family.costAxis]);
            const std::int64_t base =
                family.costLoCents +
                (steps > 0 ? (family.costHiCents - family.costLoCents) * position / steps : 0);
            ItemEconomics economics;
            economics.costCents = std::max<std::int64_t>(25, rng.scaled(base, 850, 1150));
            economics.listCents = rng.scaled(economics.costCents, 1350, 1950);
            economics.category = static_cast<std::uint8_t>(c);

            running += rng.between(1, 9);
            domain::Item item;
            item.number = "IT-" + std::to_string(static_cast<std::int64_t>(c + 1) * 10000 + running);
            item.description = describe(v, digits);
            item.category = std::string(categoryNames[c]);
            item.unitOfMeasure = std::string(family.unitOfMeasure);
            item.unitCost = money(economics.costCents);
            item.listPrice = money(economics.listCents);

            data.itemsByCategory[c].push_back(static_cast<std::uint32_t>(data.items.size()));
            data.items.push_back(std::move(item));
            data.economics.push_back(economics);
        }
    }
}

} // namespace lakeshore::demo::worldgen
