// The settings schema as an ordered list of steps. A step is never edited once released: a change to
// the schema is a new step at the end, and PRAGMA user_version records the last step applied.
#pragma once

#include <cstdint>
#include <span>

namespace lakeshore::store {

struct Migration
{
    int version;     // 1, 2, 3, ... in order, no gaps
    const char *sql; // constant SQL, run in one transaction with the user_version bump
};

[[nodiscard]] std::span<const Migration> migrations();
[[nodiscard]] int latestSchemaVersion();

// PRAGMA application_id of a Lakeshore settings file: "LKSH".
inline constexpr std::int32_t kApplicationId = 0x4C4B5348;

} // namespace lakeshore::store
