// IP address ranges in CIDR form ("203.0.113.0/24", "2001:db8::/32", or one address), for IP
// allow-lists: parsed once, then matched against a peer's address.
#pragma once

#include "core/result.h"

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace lakeshore::http {

struct CidrRange
{
    bool v6 = false;
    std::array<std::uint8_t, 16> address{}; // v4 uses the first 4 bytes
    int prefixLength = 0;

    // text as written; an IPv4-mapped IPv6 peer ("::ffff:10.0.0.1") matches IPv4 ranges.
    [[nodiscard]] bool contains(std::string_view peerAddress) const;
    [[nodiscard]] std::string text() const; // canonical: "203.0.113.0/24"
};

// ErrorKind::Invalid naming the text for anything else (a prefix past 32/128, host bits set below the
// prefix are allowed and cleared, stray characters refused).
[[nodiscard]] Result<CidrRange> parseCidr(std::string_view text);

} // namespace lakeshore::http
