// Text forms for bytes: lower-case hex for digests and keys, unpadded base64url (RFC 4648 §5) for
// tokens and signatures that travel in URLs and headers.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace lakeshore::crypto {

[[nodiscard]] std::string toHex(std::span<const std::uint8_t> bytes);
// Either case; an odd length or any non-hex character gives nullopt.
[[nodiscard]] std::optional<std::vector<std::uint8_t>> fromHex(std::string_view text);

[[nodiscard]] std::string base64UrlEncode(std::span<const std::uint8_t> bytes);
[[nodiscard]] std::string base64UrlEncode(std::string_view bytes);
// Strict: no padding, no whitespace, no '+' or '/', and unused trailing bits must be zero, so each
// byte string has exactly one accepted text (tokens compare by text).
[[nodiscard]] std::optional<std::vector<std::uint8_t>> base64UrlDecode(std::string_view text);

// The bytes of a string, for calls that take a byte span.
[[nodiscard]] inline std::span<const std::uint8_t> asBytes(std::string_view text)
{
    return {reinterpret_cast<const std::uint8_t *>(text.data()), text.size()};
}

} // namespace lakeshore::crypto
