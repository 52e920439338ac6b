// Looking at the settings database file before SQLite touches it, so that a file which is not ours to
// change (not SQLite, damaged, unreadable, a folder) is refused without a single byte written.
#pragma once

#include "core/result.h"

#include <string>
#include <string_view>

namespace lakeshore::store {

enum class DatabaseFileState {
    Missing,  // nothing at the path
    Empty,    // a zero-length regular file: no bytes to lose, so it is set up as a new database
    Existing, // a regular file with a plausible SQLite header
};

[[nodiscard]] Result<DatabaseFileState> inspectDatabaseFile(const std::string &path);

// Creates a zero-length file readable by the owner only; SQLite gives its -wal and -shm files the same mode.
Status createEmptyDatabaseFile(const std::string &path);

// The error for a database we refuse to use: names the path and says it was not changed.
[[nodiscard]] Error leftUntouched(const std::string &path, std::string_view reason);

} // namespace lakeshore::store
