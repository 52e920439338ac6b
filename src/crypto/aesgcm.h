// AES-256-GCM sealing for secrets at rest. A sealed blob is self-describing:
//   1 version byte (0x01) | 12-byte random nonce | ciphertext | 16-byte tag
// The version byte is authenticated along with the caller's aad, which should name what the blob
// belongs to (e.g. "connection:crm") so a blob cannot be moved to another place and still open.
#pragma once

#include "core/result.h"

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace lakeshore::crypto {

inline constexpr std::size_t kAesGcmKeySize = 32;
inline constexpr std::size_t kAesGcmOverhead = 1 + 12 + 16; // version + nonce + tag

[[nodiscard]] Result<std::vector<std::uint8_t>> sealAesGcm(std::span<const std::uint8_t, kAesGcmKeySize> key,
                                                           std::string_view plaintext, std::string_view aad);

// Any blob that is short, of an unknown version, altered, sealed under another key or with other aad
// gives ErrorKind::Storage; the message never contains key, plaintext or blob bytes.
[[nodiscard]] Result<std::string> openAesGcm(std::span<const std::uint8_t, kAesGcmKeySize> key,
                                             std::span<const std::uint8_t> blob, std::string_view aad);

} // namespace lakeshore::crypto
