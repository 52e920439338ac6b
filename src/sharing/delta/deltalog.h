// Reading a Delta table's transaction log (`_delta_log/<20-digit version>.json`, one action per line):
// the versions with their commit times, and the snapshot at a version by log replay: the latest
// protocol and metaData, and the data files live at that version.
#pragma once

#include "core/result.h"

#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace lakeshore::sharing::delta {

struct DataFile
{
    std::string path; // relative to the table directory, as in the log
    std::int64_t size = 0;
    std::int64_t modificationTime = 0; // epoch ms
    std::string stats;                 // the add's stats JSON string; empty if none
    std::map<std::string, std::string> partitionValues;
    std::int64_t version = 0; // the version that added it
};

struct Snapshot
{
    std::int64_t version = -1;
    std::int64_t timestamp = 0;  // commit time of `version`, epoch ms
    nlohmann::json protocol;     // {"minReaderVersion":1,"minWriterVersion":2}
    nlohmann::json metadata;     // the metaData action's object
    std::vector<DataFile> files; // live at `version`, by path
};

struct VersionInfo
{
    std::int64_t version = 0;
    std::int64_t timestamp = 0; // commitInfo.timestamp, else the log file's modification time (ms)
};

inline constexpr const char *kLogDirectory = "_delta_log";

// "00000000000000000042.json"
[[nodiscard]] std::string logFileName(std::int64_t version);

// Versions present, ascending. A table without a log (or an empty one) is ErrorKind::NotFound; a gap
// in the versions, or a commit without a readable first line, is ErrorKind::Malformed.
[[nodiscard]] Result<std::vector<VersionInfo>> listVersions(const std::string &tableDir);

// The latest version number, or NotFound, without reading any commit (one directory listing).
[[nodiscard]] Result<std::int64_t> latestVersion(const std::string &tableDir);

// The snapshot at `version` (latest when absent). A version past the latest is ErrorKind::NotFound; a
// line that is not a JSON object with one action, or a table without protocol or metaData, is
// ErrorKind::Malformed naming the file and line.
[[nodiscard]] Result<Snapshot> readSnapshot(const std::string &tableDir,
                                            std::optional<std::int64_t> version = std::nullopt);

} // namespace lakeshore::sharing::delta
