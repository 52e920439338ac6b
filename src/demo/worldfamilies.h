// The demo distributor's product families: description patterns with their variant axes, unit of
// measure and cost range, from which the item catalog is drawn.
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <string_view>

namespace lakeshore::demo::market {

struct ItemFamily
{
    std::uint8_t category;                // categories() index
    std::string_view pattern;             // "{0}".."{3}" stand for one value of each axis
    std::array<std::string_view, 4> axes; // values separated by '|', cheapest first on the cost axis
    std::string_view unitOfMeasure;
    int costLoCents;
    int costHiCents;
    std::uint8_t costAxis; // the axis that drives the cost
};

[[nodiscard]] std::span<const ItemFamily> itemFamilies();
// How many items of each category a catalog of a given size should hold, before capacity limits.
[[nodiscard]] std::span<const int> catalogCategoryWeights();

} // namespace lakeshore::demo::market
