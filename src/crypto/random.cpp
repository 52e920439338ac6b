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

} // namespace lakeshore::crypto
