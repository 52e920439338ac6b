// Page and refresh tokens the share server hands out: a JSON payload and its HMAC-SHA256, both
// base64url, so a recipient can carry them but not forge or alter them (unlike the reference server's
// plain protobuf tokens). The payload binds the token to what it pages through.
#pragma once

#include "sharing/server/urlsigning.h"

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace lakeshore::sharing::server {

[[nodiscard]] std::string encodeToken(const SigningKey &key, const nlohmann::json &payload);

// nullopt for anything not made by encodeToken under this key (including altered or truncated tokens).
[[nodiscard]] std::optional<nlohmann::json> decodeToken(const SigningKey &key, std::string_view token);

} // namespace lakeshore::sharing::server
