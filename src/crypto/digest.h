// SHA-256 and HMAC-SHA256: token hashes, URL signatures, integrity checks.
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <string_view>

namespace lakeshore::crypto {

using Digest256 = std::array<std::uint8_t, 32>;

[[nodiscard]] Digest256 sha256(std::string_view data);
[[nodiscard]] Digest256 hmacSha256(std::span<const std::uint8_t> key, std::string_view data);
[[nodiscard]] Digest256 hmacSha256(std::string_view key, std::string_view data);

} // namespace lakeshore::crypto
