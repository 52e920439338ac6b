// Handling secret bytes in memory: compare them without timing leaks, wipe them before release.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

namespace lakeshore::crypto {

// Different lengths compare unequal at once: the length of a token or MAC is not a secret.
[[nodiscard]] bool constantTimeEqual(std::string_view a, std::string_view b);

// Zeroes the bytes in a way the compiler may not drop as a dead store.
void wipe(std::span<std::uint8_t> bytes);

} // namespace lakeshore::crypto
