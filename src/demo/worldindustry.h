// The demo distributor's market: product categories it sells and the customer industries it sells
// to, with what each industry buys, how big it tends to be, and who signs for the purchases.
#pragma once

#include <array>
#include <span>
#include <string_view>

namespace lakeshore::demo::market {

inline constexpr std::size_t kCategoryCount = 14;
[[nodiscard]] std::span<const std::string_view> categories(); // index = category id

// How an account of the industry is named.
enum class Style { Company, Hospital, Government, School };

struct Trade
{
    std::string_view word;   // "Tool & Die"
    bool takesSuffix = true; // "Inc.", "LLC" may follow
    bool placeOnly = false;  // named after a place, never a family ("Maumee Valley Water Authority")
};

struct Industry
{
    std::string_view name;
    Style style;
    int weight; // share of the customer base
    std::span<const Trade> trades;
    std::array<int, kCategoryCount> categoryWeights; // what its storeroom buys
    int revenueMedianK;                              // annual revenue (or budget), $ thousands
    int revenuePerEmployeeK;
    int spendBpLo, spendBpHi; // yearly spend with the distributor, basis points of revenue
    std::span<const std::string_view> contactTitles; // the first three are typical primary contacts
};

[[nodiscard]] std::span<const Industry> industries();

} // namespace lakeshore::demo::market
