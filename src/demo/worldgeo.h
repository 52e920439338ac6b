// The demo distributor's geography: sales territories across the lower Great Lakes, each with its
// region, cities (state, area code, ZIP codes), counties and the local words companies are named after.
#pragma once

#include <cstddef>
#include <span>
#include <string_view>

namespace lakeshore::demo::geo {

struct City
{
    std::string_view name;
    std::string_view state;
    std::string_view areaCode;
    std::string_view zips; // five-digit codes separated by single spaces

    [[nodiscard]] std::size_t zipCount() const { return (zips.size() + 1) / 6; }
    [[nodiscard]] std::string_view zip(std::size_t k) const { return zips.substr(k * 6, 5); }
};

struct Territory
{
    std::string_view name;
    std::string_view region;
    int weight; // share of the customer base
    int reps;
    std::span<const std::string_view> places;   // "Cuyahoga", "Western Reserve"
    std::span<const std::string_view> counties; // without the word "County"
    std::span<const City> cities;
};

[[nodiscard]] std::span<const Territory> territories();

} // namespace lakeshore::demo::geo
