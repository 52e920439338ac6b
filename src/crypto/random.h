// Cryptographically strong random bytes from OpenSSL's DRBG.
#pragma once

#include "core/result.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace lakeshore::crypto {

// n == 0 gives an empty vector; a failing or unseeded generator is an error, never weak bytes.
[[nodiscard]] Result<std::vector<std::uint8_t>> randomBytes(std::size_t n);

// A random (version 4) UUID in its lower-case 8-4-4-4-12 text form.
[[nodiscard]] Result<std::string> randomUuid();

} // namespace lakeshore::crypto
