#include "sharing/delta/deltalog.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sys/stat.h>

namespace lakeshore::sharing::delta {

using nlohmann::json;
namespace fs = std::filesystem;

namespace {

std::optional<std::int64_t> versionOfName(const std::string &name)
{
    if (name.size() != 25 || name.compare(20, 5, ".json") != 0)
        return std::nullopt;
    std::int64_t version = 0;
    for (int i = 0; i < 20; ++i) {
        if (name[i] < '0' || name[i] > '9')
            return std::nullopt;
        version = version * 10 + (name[i] - '0');
    }
    return version;
}

// Versions found in the log directory, ascending; checked to run 0, 1, 2, ... without a gap.
Result<std::vector<std::int64_t>> versionNumbers(const std::string &tableDir)
{
    const fs::path logDir = fs::path(tableDir) / kLogDirectory;
    std::error_code error;
    std::vector<std::int64_t> versions;
    for (fs::directory_iterator it(logDir, error), end; !error && it != end; it.increment(error))
        if (auto version = versionOfName(it->path().filename().string()))
            versions.push_back(*version);
    if (error && error != std::errc::no_such_file_or_directory)
        return makeError(ErrorKind::Storage, "cannot list " + logDir.string() + ": " + error.message());
    if (versions.empty())
        return makeError(ErrorKind::NotFound, "no Delta log in " + tableDir);
    std::sort(versions.begin(), versions.end());
    for (std::size_t i = 0; i < versions.size(); ++i)
        if (versions[i] != static_cast<std::int64_t>(i))
            return makeError(ErrorKind::Malformed,
                             "the Delta log of " + tableDir + " misses version " + std::to_string(i));
    return versions;
}

std::int64_t modificationMillis(const fs::path &file)
{
    struct stat info
    {
    };
    if (::stat(file.c_str(), &info) != 0)
        return 0;
    return static_cast<std::int64_t>(info.st_mtim.tv_sec) * 1000 + info.st_mtim.tv_nsec / 1000000;
}

// A path from an add or remove: relative, inside the table, not into the log.
bool safeRelativePath(const std::string &path)
{
    if (path.empty() || path.front() == '/' || path.find('\\') != std::string::npos ||
        path.find('%') != std::string::npos)
        return false;
    for (const auto &part : fs::path(path))
        if (part == ".." || part == "." || part.string().rfind("_delta_log", 0) == 0)
            return false;
    return true;
}

struct CommitReader
{
    std::string file;
    std::map<std::string, DataFile> live;
    json protocol;
    json metadata;
    std::optional<std::int64_t> commitTimestamp;

    Status apply(const std::string &line, int lineNumber, std::int64_t version)
    {
        const std::string where = file + " line " + std::to_string(lineNumber);
        json action = json::parse(line, nullptr, false);
        if (action.is_discarded() || !action.is_object() || action.size() != 1)
            return makeError(ErrorKind::Malformed, where + " is not a JSON object holding one action");
        const auto &[kind, body] = *action.items().begin();
        if (!body.is_object())
            return makeError(ErrorKind::Malformed, where + ": the " + kind + " action is not an object");
        try {
            if (kind == "protocol") {
                protocol = body;
            } else if (kind == "metaData") {
                if (!body.contains("id") || !body.contains("schemaString"))
                    return makeError(ErrorKind::Malformed, where + ": metaData without id or schemaString");
                metadata = body;
            } else if (kind == "commitInfo") {
                if (body.contains("timestamp"))
                    commitTimestamp = body.at("timestamp").get<std::int64_t>();
            } else if (kind == "add" || kind == "remove") {
                const std::string path = body.at("path").get<std::string>();
                if (!safeRelativePath(path))
                    return makeError(ErrorKind::Malformed,
                                     where + ": the path '" + path + "' is not a file of the table");
                if (kind == "remove") {
                    live.erase(path);
                    return okStatus();
                }
                DataFile data;
                data.path = path;
                data.size = body.at("size").get<std::int64_t>();
                data.modificationTime = body.value("modificationTime", std::int64_t{0});
                data.version = version;
                if (body.contains("stats") && body.at("stats").is_string())
                    data.stats = body.at("stats").get<std::string>();
                if (body.contains("partitionValues"))
                    for (const auto &[key, value] : body.at("partitionValues").items())
                        data.partitionValues[key] =
                            value.is_null() ? std::string() : value.get<std::string>();
                if (data.size < 0)
                    return makeError(ErrorKind::Malformed, where + ": negative file size");
                live[path] = std::move(data);
            }
        } catch (const json::exception &e) {
            return makeError(ErrorKind::Malformed, where + ": " + e.what());
        }
        return okStatus();
    }
};

Result<std::vector<std::string>> readLines(const fs::path &file)
{
    std::ifstream in(file, std::ios::binary);
    if (!in)
        return makeError(ErrorKind::Storage, "cannot read " + file.string());
    std::vector<std::string> lines;
    for (std::string line; std::getline(in, line);)
        if (!line.empty())
            lines.push_back(std::move(line));
    return lines;
}

} // namespace

std::string logFileName(std::int64_t version)
{
    char name[32];
    std::snprintf(name, sizeof name, "%020lld.json", static_cast<long long>(version));
    return name;
}

Result<std::int64_t> latestVersion(const std::string &tableDir)
{
    auto versions = versionNumbers(tableDir);
    if (!versions)
        return versions.error();
    return versions.value().back();
}

Result<std::vector<VersionInfo>> listVersions(const std::string &tableDir)
{
    auto versions = versionNumbers(tableDir);
    if (!versions)
        return versions.error();
    std::vector<VersionInfo> out;
    for (const std::int64_t version : versions.value()) {
        const fs::path file = fs::path(tableDir) / kLogDirectory / logFileName(version);
        VersionInfo info{version, modificationMillis(file)};
        std::ifstream in(file, std::ios::binary);
        std::string first;
        if (!in || !std::getline(in, first))
            return makeError(ErrorKind::Malformed, "cannot read the first line of " + file.string());
        const json action = json::parse(first, nullptr, false);
        if (action.is_object() && action.contains("commitInfo") && action["commitInfo"].is_object() &&
            action["commitInfo"].contains("timestamp") &&
            action["commitInfo"]["timestamp"].is_number_integer())
            info.timestamp = action["commitInfo"]["timestamp"].get<std::int64_t>();
        out.push_back(info);
    }
    return out;
}

Result<Snapshot> readSnapshot(const std::string &tableDir, std::optional<std::int64_t> version)
{
    auto versions = versionNumbers(tableDir);
    if (!versions)
        return versions.error();
    const std::int64_t latest = versions.value().back();
    const std::int64_t target = version.value_or(latest);
    if (target < 0 || target > latest)
        return makeError(ErrorKind::NotFound, "version " + std::to_string(target) +
                                                  " does not exist (latest is " + std::to_string(latest) +
                                                  ")");
    CommitReader reader;
    Snapshot snapshot;
    for (std::int64_t v = 0; v <= target; ++v) {
        const fs::path file = fs::path(tableDir) / kLogDirectory / logFileName(v);
        auto lines = readLines(file);
        if (!lines)
            return lines.error();
        reader.file = file.string();
        reader.commitTimestamp.reset();
        int number = 0;
        for (const std::string &line : lines.value())
            if (auto status = reader.apply(line, ++number, v); !status)
                return status.error();
        if (v == target)
            snapshot.timestamp = reader.commitTimestamp.value_or(modificationMillis(file));
    }
    if (reader.protocol.is_null() || reader.metadata.is_null())
        return makeError(ErrorKind::Malformed, "the Delta log of " + tableDir +
                                                   " has no protocol or metaData up to version " +
                                                   std::to_string(target));
    snapshot.version = target;
    snapshot.protocol = std::move(reader.protocol);
    snapshot.metadata = std::move(reader.metadata);
    for (auto &[path, file] : reader.live)
        snapshot.files.push_back(std::move(file));
    return snapshot;
}

} // namespace lakeshore::sharing::delta
