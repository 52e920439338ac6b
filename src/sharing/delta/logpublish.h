// Publishing a Delta commit so that readers see all of it or none of it, and two writers can never
// both own a version: the commit is written to a hidden temp file in _delta_log, synced, then linked to
// its final name with link(2), which fails if the name exists. A crash at any point leaves either no
// commit file or a complete one (a stray temp file is ignored by readers and removed by vacuum).
#pragma once

#include "core/result.h"

#include <cstdint>
#include <string>

namespace lakeshore::sharing::delta {

enum class Publish { Published, VersionTaken };

[[nodiscard]] Result<Publish> publishCommit(const std::string &tableDir, std::int64_t version,
                                            const std::string &contents);

// fsync of a directory, so a new or renamed entry in it survives a power cut.
[[nodiscard]] Status syncDirectory(const std::string &dir);

} // namespace lakeshore::sharing::delta
