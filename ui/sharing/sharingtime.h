// Epoch-millisecond times of the sharing screens as the user reads them (locale, local time zone).
#pragma once

#include <cstdint>
#include <QString>

namespace lakeshore::ui {

[[nodiscard]] QString sharingDate(std::int64_t epochMillis);     // "Mar 3, 2027"
[[nodiscard]] QString sharingDateTime(std::int64_t epochMillis); // "Mar 3, 2027, 2:05 PM"

} // namespace lakeshore::ui
