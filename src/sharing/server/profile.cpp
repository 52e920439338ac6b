#include "sharing/server/profile.h"

#include "sharing/delta/deltaschema.h"

#include <nlohmann/json.hpp>

namespace lakeshore::sharing::server {

std::string profileJson(const std::string &endpoint, const std::string &bearerToken,
                        std::int64_t expiresAtMillis)
{
    const nlohmann::ordered_json profile = {{"shareCredentialsVersion", 1},
                                            {"endpoint", endpoint},
                                            {"bearerToken", bearerToken},
                                            {"expirationTime", delta::isoMillis(expiresAtMillis)}};
    return profile.dump(2) + "\n";
}

} // namespace lakeshore::sharing::server
