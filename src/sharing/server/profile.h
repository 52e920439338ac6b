// The config.share profile a recipient is handed (Delta Sharing profile format, version 1).
#pragma once

#include <cstdint>
#include <string>

namespace lakeshore::sharing::server {

// {"shareCredentialsVersion":1,"endpoint":...,"bearerToken":...,"expirationTime":"<ISO 8601 UTC>"},
// pretty-printed for a person to read (clients parse it as a whole file).
[[nodiscard]] std::string profileJson(const std::string &endpoint, const std::string &bearerToken,
                                      std::int64_t expiresAtMillis);

} // namespace lakeshore::sharing::server
