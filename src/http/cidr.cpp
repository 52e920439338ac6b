#include "http/cidr.h"

#include <arpa/inet.h>
#include <charconv>
#include <cstring>

namespace lakeshore::http {

namespace {

// Parses an address into 16 bytes (IPv4 in the first 4); false if it is neither form.
bool parseAddress(std::string_view text, bool &v6, std::array<std::uint8_t, 16> &bytes)
{
    if (text.empty() || text.size() > 45)
        return false;
    const std::string copy(text);
    bytes.fill(0);
    if (inet_pton(AF_INET, copy.c_str(), bytes.data()) == 1) {
        v6 = false;
        return true;
    }
    if (inet_pton(AF_INET6, copy.c_str(), bytes.data()) == 1) {
        v6 = true;
        return true;
    }
    return false;
}

bool prefixMatches(const std::array<std::uint8_t, 16> &a, const std::array<std::uint8_t, 16> &b, int bits)
{
    const int whole = bits / 8;
    if (std::memcmp(a.data(), b.data(), static_cast<std::size_t>(whole)) != 0)
        return false;
    const int rest = bits % 8;
    if (rest == 0)
        return true;
    const auto mask = static_cast<std::uint8_t>(0xFF << (8 - rest));
    return (a[whole] & mask) == (b[whole] & mask);
}

} // namespace

Result<CidrRange> parseCidr(std::string_view text)
{
    const auto invalid = [&] {
        return makeError(ErrorKind::Invalid,
                         "'" + std::string(text.substr(0, 60)) +
                             "' is not an IP address or CIDR range (like 203.0.113.0/24)");
    };
    CidrRange range;
    const std::size_t slash = text.find('/');
    if (!parseAddress(text.substr(0, slash), range.v6, range.address))
        return invalid();
    const int maxLength = range.v6 ? 128 : 32;
    range.prefixLength = maxLength;
    if (slash != std::string_view::npos) {
        const std::string_view digits = text.substr(slash + 1);
        int length = -1;
        auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), length);
        if (digits.empty() || error != std::errc() || end != digits.data() + digits.size() || length < 0 ||
            length > maxLength)
            return invalid();
        range.prefixLength = length;
    }
    for (int bit = range.prefixLength; bit < maxLength; ++bit)
        range.address[static_cast<std::size_t>(bit / 8)] &= static_cast<std::uint8_t>(~(0x80 >> (bit % 8)));
    return range;
}

bool CidrRange::contains(std::string_view peerAddress) const
{
    bool peerV6 = false;
    std::array<std::uint8_t, 16> peer{};
    if (!parseAddress(peerAddress, peerV6, peer))
        return false;
    static constexpr std::uint8_t kMapped[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF};
    if (peerV6 && !v6 && std::memcmp(peer.data(), kMapped, 12) == 0) {
        std::memmove(peer.data(), peer.data() + 12, 4);
        std::memset(peer.data() + 4, 0, 12);
        peerV6 = false;
    }
    if (peerV6 != v6)
        return false;
    return prefixMatches(peer, address, prefixLength);
}

std::string CidrRange::text() const
{
    char buffer[INET6_ADDRSTRLEN] = {};
    inet_ntop(v6 ? AF_INET6 : AF_INET, address.data(), buffer, sizeof buffer);
    return std::string(buffer) + "/" + std::to_string(prefixLength);
}

} // namespace lakeshore::http
