// The key that seals secrets in the settings database. It lives in its own file, next to but outside
// the database, so a copy of the database alone (a backup, a bug report) reveals no secret.
//
// Format: exactly 32 raw random bytes; a regular file (not a symlink) owned by the current user with
// no permission bits for group or others. A key file that exists but breaks any of this is refused and
// never repaired or replaced: a new key would orphan every secret sealed under the old one.
#pragma once

#include "core/result.h"

#include <array>
#include <cstdint>
#include <string>

namespace lakeshore::store {

using SecretKey = std::array<std::uint8_t, 32>;

// Reads the key file, or creates it (O_EXCL, mode 0600, written fully and fsynced) when it is missing.
[[nodiscard]] Result<SecretKey> loadOrCreateKeyFile(const std::string &path);

} // namespace lakeshore::store
