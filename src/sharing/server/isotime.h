// ISO 8601 times as recipients send them ("2024-05-01T12:00:00Z", "2024-05-01T12:00:00.250+02:00",
// "2024-05-01 12:00:00", "2024-05-01") to epoch milliseconds. No zone means UTC. Unlike
// domain::Timestamp::parse (whole seconds, UTC only) it keeps milliseconds and zone offsets, which stats
// bounds and recipients' timestamps carry.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace lakeshore::sharing::server {

[[nodiscard]] std::optional<std::int64_t> parseIsoMillis(std::string_view text);

} // namespace lakeshore::sharing::server
