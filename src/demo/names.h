// Word lists the demo world builds people and company names from, and the small text helpers that use
// them. Midwest flavoured: the surnames of the region's old industrial neighbourhoods.
#pragma once

#include "demo/random.h"

#include <span>
#include <string>
#include <string_view>

namespace lakeshore::demo::names {

[[nodiscard]] std::span<const std::string_view> firstNames();
[[nodiscard]] std::span<const std::string_view> surnames();
// "Allied", "Superior", "Great Lakes": words that open a company name anywhere in the region.
[[nodiscard]] std::span<const std::string_view> companyAdjectives();
// "Accu" + "form": invented brand names.
[[nodiscard]] std::span<const std::string_view> coinedHeads();
[[nodiscard]] std::span<const std::string_view> coinedTails();
// "Inc.", "LLC", ... ; the empty string means none.
[[nodiscard]] std::string_view corporateSuffix(Rng &rng);
[[nodiscard]] std::span<const std::string_view> streetNames();
[[nodiscard]] std::span<const std::string_view> streetTypes();

// "Mary O'Brien" -> "mary.obrien": letters and digits only, lower case, dot between the parts.
[[nodiscard]] std::string emailLocalPart(std::string_view first, std::string_view last);
// Letters and digits of text, lower case.
[[nodiscard]] std::string slug(std::string_view text);

} // namespace lakeshore::demo::names
