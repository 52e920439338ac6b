// Shared bits of the demo services' schemas: deterministic GUIDs for ERP rows and JSON helpers.
#pragma once

#include <string>
#include <string_view>

namespace lakeshore::demo {

// A stable GUID-formatted id from any text, for ERP rows whose ids the world does not define.
[[nodiscard]] std::string guidFor(std::string_view text);

// Rounds to cents, so Edm.Decimal values serialise without binary noise.
[[nodiscard]] double cents(double value);

} // namespace lakeshore::demo
