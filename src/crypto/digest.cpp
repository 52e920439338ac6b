#include "crypto/digest.h"

#include <climits>
#include <cstdlib>
#include <openssl/evp.h>
#include <openssl/hmac.h>

namespace lakeshore::crypto {

namespace {

// Hashing in memory fails only if OpenSSL itself is broken (no SHA-256, no memory). Returning any
// digest then could make a forged MAC compare equal, so we stop instead.
[[noreturn]] void digestFailed()
{
    std::abort();
}

// OpenSSL wants a real pointer even for zero bytes.
const unsigned char *bytesOrEmpty(const void *data)
{
    static const unsigned char empty = 0;
    return data ? static_cast<const unsigned char *>(data) : &empty;
}

} // namespace

Digest256 sha256(std::string_view data)
{
    Digest256 out{};
    unsigned int length = 0;
    if (EVP_Digest(bytesOrEmpty(data.data()), data.size(), out.data(), &length, EVP_sha256(), nullptr) != 1 ||
        length != out.size())
        digestFailed();
    return out;
}

Digest256 hmacSha256(std::span<const std::uint8_t> key, std::string_view data)
{
    if (key.size() > static_cast<std::size_t>(INT_MAX)) {
        // HMAC replaces any key longer than a block by its hash, so doing it here changes nothing.
        const Digest256 hashed =
            sha256(std::string_view(reinterpret_cast<const char *>(key.data()), key.size()));
        return hmacSha256(std::span<const std::uint8_t>(hashed), data);
    }
    Digest256 out{};
    unsigned int length = 0;
    if (!HMAC(EVP_sha256(), bytesOrEmpty(key.data()), static_cast<int>(key.size()), bytesOrEmpty(data.data()),
              data.size(), out.data(), &length) ||
        length != out.size())
        digestFailed();
    return out;
}

Digest256 hmacSha256(std::string_view key, std::string_view data)
{
    return hmacSha256(std::span(reinterpret_cast<const std::uint8_t *>(key.data()), key.size()), data);
}

} // namespace lakeshore::crypto
