#include "crypto/random.h"

#include <climits>
#include <openssl/rand.h>

namespace lakeshore::crypto {

Result<std::vector<std::uint8_t>> randomBytes(std::size_t n)
{
    if (n > static_cast<std::size_t>(INT_MAX))
        return makeError(ErrorKind::Invalid, "randomBytes: too many bytes requested");
    std::vector<std::uint8_t> bytes(n);
    if (n == 0)
        return bytes;
    if (RAND_bytes(bytes.data(), static_cast<int>(n)) != 1)
        return makeError(ErrorKind::Storage, "the system random generator failed");
    return bytes;
}

Result<std::string> randomUuid()
{
    auto bytes = randomBytes(16);
    if (!bytes)
        return bytes.error();
    auto &b = bytes.value();
    b[6] = static_cast<std::uint8_t>((b[6] & 0x0F) | 0x40); // version 4
    b[8] = static_cast<std::uint8_t>((b[8] & 0x3F) | 0x80); // RFC 4122 variant
    static constexpr char kHex[] = "0123456789abcdef";
    std::string text;
    for (std::size_t i = 0; i < 16; ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10)
            text.push_back('-');
        text.push_back(kHex[b[i] >> 4]);
        text.push_back(kHex[b[i] & 0x0F]);
    }
    return text;
}

} // namespace lakeshore::crypto
