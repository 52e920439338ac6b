// HKDF-SHA256 (RFC 5869): derives independent keys (per tenant, per purpose) from one master key.
#pragma once

#include "core/result.h"

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

namespace lakeshore::crypto {

// An empty salt means the RFC's default (a block of zeros). ikm must not be empty and length must be
// 1..8160 (255 blocks); anything else is ErrorKind::Invalid.
[[nodiscard]] Result<std::vector<std::uint8_t>> hkdfSha256(std::span<const std::uint8_t> ikm,
                                                           std::span<const std::uint8_t> salt,
                                                           std::string_view info, std::size_t length);

} // namespace lakeshore::crypto
