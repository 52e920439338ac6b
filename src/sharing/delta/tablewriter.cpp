#include "sharing/delta/tablewriter.h"

#include "crypto/random.h"
#include "sharing/delta/deltalog.h"
#include "sharing/delta/deltaschema.h"
#include "sharing/delta/logpublish.h"

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sys/stat.h>

namespace lakeshore::sharing::delta {

using nlohmann::json;
namespace fs = std::filesystem;

namespace {

struct WrittenFile
{
    std::string path; // relative
    std::int64_t size = 0;
    std::int64_t rows = 0;
    std::string stats;
};

void removeFiles(const std::string &tableDir, const std::vector<WrittenFile> &files)
{
    std::error_code ignored;
    for (const WrittenFile &file : files)
        fs::remove(fs::path(tableDir) / file.path, ignored);
}

Result<std::vector<WrittenFile>> writeDataFiles(const std::string &tableDir, const TableContent &content,
                                                const OverwriteOptions &options)
{
    std::vector<WrittenFile> written;
    const std::size_t rows = content.columns->empty() ? 0 : content.columns->front().size();
    const std::size_t perFile = std::max<std::size_t>(1, options.rowsPerFile);
    std::size_t begin = 0;
    do {
        const std::size_t end = std::min(rows, begin + perFile);
        auto uuid = crypto::randomUuid();
        if (!uuid)
            return uuid.error();
        char prefix[32];
        std::snprintf(prefix, sizeof prefix, "part-%05zu-", written.size());
        const std::string name =
            prefix + uuid.value() + "-c000." + parquet::codecName(options.parquet.codec) + ".parquet";
        auto writer = parquet::ParquetWriter::create((fs::path(tableDir) / name).string(), content.schema,
                                                     options.parquet);
        if (!writer) {
            removeFiles(tableDir, written);
            return writer.error();
        }
        Status status = writer.value()->write(*content.columns, begin, end);
        auto summary = status ? writer.value()->finish() : Result<parquet::FileSummary>(status.error());
        if (!summary) {
            written.push_back({name, 0, 0, {}});
            removeFiles(tableDir, written);
            return summary.error();
        }
        written.push_back(
            {name, summary.value().bytes, summary.value().rows, statsJson(content.schema, summary.value())});
        begin = end;
    } while (begin < rows);
    if (auto synced = syncDirectory(tableDir); !synced) {
        removeFiles(tableDir, written);
        return synced.error();
    }
    return written;
}

json metadataAction(const std::string &id, const TableContent &content, std::int64_t createdTime)
{
    return {{"id", id},
            {"name", content.name},
            {"description", content.description},
            {"format", {{"provider", "parquet"}, {"options", json::object()}}},
            {"schemaString", schemaString(content.schema)},
            {"partitionColumns", json::array()},
            {"configuration", json::object()},
            {"createdTime", createdTime}};
}

std::string commitText(const Snapshot *previous, const TableContent &content,
                       const std::vector<WrittenFile> &files, const std::string &tableId, std::int64_t now,
                       const OverwriteOptions &options)
{
    std::string out;
    auto line = [&out](const json &action) {
        out += action.dump();
        out += '\n';
    };
    json commitInfo = {
        {"timestamp", now},
        {"operation", previous ? "WRITE" : "CREATE TABLE AS SELECT"},
        {"operationParameters", {{"mode", previous ? "Overwrite" : "ErrorIfExists"}, {"partitionBy", "[]"}}},
        {"isBlindAppend", previous == nullptr},
        {"engineInfo", options.engineInfo}};
    if (previous)
        commitInfo["readVersion"] = previous->version;
    line({{"commitInfo", commitInfo}});
    if (!previous)
        line({{"protocol", {{"minReaderVersion", 1}, {"minWriterVersion", 2}}}});
    const json metadata =
        metadataAction(tableId, content, previous ? previous->metadata.value("createdTime", now) : now);
    const bool metadataChanged = !previous ||
                                 previous->metadata.value("schemaString", "") != metadata["schemaString"] ||
                                 previous->metadata.value("name", "") != content.name ||
                                 previous->metadata.value("description", "") != content.description;
    if (metadataChanged)
        line({{"metaData", metadata}});
    for (const WrittenFile &file : files)
        line({{"add",
               {{"path", file.path},
                {"partitionValues", json::object()},
                {"size", file.size},
                {"modificationTime", now},
                {"dataChange", true},
                {"stats", file.stats}}}});
    if (previous)
        for (const DataFile &file : previous->files)
            line({{"remove",
                   {{"path", file.path},
                    {"deletionTimestamp", now},
                    {"dataChange", true},
                    {"extendedFileMetadata", true},
                    {"partitionValues", json::object()},
                    {"size", file.size}}}});
    return out;
}

} // namespace

std::int64_t systemMillis()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

Result<OverwriteResult> overwrite(const std::string &tableDir, const TableContent &content,
                                  const OverwriteOptions &options)
{
    if (content.columns == nullptr)
        return makeError(ErrorKind::Invalid, "no columns to write");
    if (auto status = parquet::checkSchema(content.schema); !status)
        return status.error();
    std::error_code error;
    fs::create_directories(fs::path(tableDir) / kLogDirectory, error);
    if (error)
        return makeError(ErrorKind::Storage, "cannot create " + tableDir + ": " + error.message());

    auto files = writeDataFiles(tableDir, content, options);
    if (!files)
        return files.error();
    const auto now = [&options] { return options.nowMillis ? options.nowMillis() : systemMillis(); };

    for (int attempt = 0; attempt < std::max(1, options.maxAttempts); ++attempt) {
        auto previous = readSnapshot(tableDir);
        if (!previous && previous.error().kind != ErrorKind::NotFound) {
            removeFiles(tableDir, files.value());
            return previous.error();
        }
        const Snapshot *before = previous ? &previous.value() : nullptr;
        std::string tableId;
        if (before) {
            tableId = before->metadata.value("id", "");
        } else {
            auto uuid = crypto::randomUuid();
            if (!uuid) {
                removeFiles(tableDir, files.value());
                return uuid.error();
            }
            tableId = uuid.value();
        }
        const std::int64_t version = before ? before->version + 1 : 0;
        const std::string text = commitText(before, content, files.value(), tableId, now(), options);
        auto published = publishCommit(tableDir, version, text);
        if (!published) {
            removeFiles(tableDir, files.value());
            return published.error();
        }
        if (published.value() == Publish::VersionTaken)
            continue; // another writer committed this version: read its result and go after it
        OverwriteResult result;
        result.version = version;
        result.filesAdded = static_cast<int>(files.value().size());
        result.filesRemoved = before ? static_cast<int>(before->files.size()) : 0;
        for (const WrittenFile &file : files.value()) {
            result.rows += file.rows;
            result.bytes += file.size;
        }
        return result;
    }
    removeFiles(tableDir, files.value());
    return makeError(ErrorKind::Storage, "other writers took every version of " + tableDir + " for " +
                                             std::to_string(options.maxAttempts) + " attempts");
}

Result<VacuumResult> vacuum(const std::string &tableDir, std::int64_t retentionMillis, std::int64_t nowMillis)
{
    auto latest = readSnapshot(tableDir);
    if (!latest)
        return latest.error();
    std::map<std::string, bool> live;
    for (const DataFile &file : latest.value().files)
        live[file.path] = true;
    // When each file stopped being live: its remove's deletionTimestamp (the commit time otherwise).
    std::map<std::string, std::int64_t> removedAt;
    for (std::int64_t version = 0; version <= latest.value().version; ++version) {
        const fs::path commit = fs::path(tableDir) / kLogDirectory / logFileName(version);
        std::ifstream in(commit);
        for (std::string line; std::getline(in, line);) {
            const json action = json::parse(line, nullptr, false);
            if (action.is_object() && action.contains("remove") && action["remove"].is_object() &&
                action["remove"].contains("path") && action["remove"]["path"].is_string())
                removedAt[action["remove"]["path"].get<std::string>()] =
                    action["remove"].value("deletionTimestamp", latest.value().timestamp);
        }
    }
    const std::int64_t cutoff = nowMillis - retentionMillis;
    auto modified = [](const fs::path &file) {
        struct stat info
        {
        };
        if (::stat(file.c_str(), &info) != 0)
            return std::int64_t{0};
        return static_cast<std::int64_t>(info.st_mtim.tv_sec) * 1000 + info.st_mtim.tv_nsec / 1000000;
    };
    VacuumResult result;
    std::error_code error;
    auto erase = [&](const fs::path &file) {
        const auto size = static_cast<std::int64_t>(fs::file_size(file, error));
        if (fs::remove(file, error)) {
            ++result.filesDeleted;
            result.bytesDeleted += error ? 0 : size;
        }
    };
    for (fs::directory_iterator it(tableDir, error), end; !error && it != end; it.increment(error)) {
        const std::string name = it->path().filename().string();
        if (!it->is_regular_file() || name.size() < 9 || name.compare(name.size() - 8, 8, ".parquet") != 0 ||
            live.count(name))
            continue;
        const auto removed = removedAt.find(name);
        const std::int64_t since = removed != removedAt.end() ? removed->second : modified(it->path());
        if (since < cutoff)
            erase(it->path());
    }
    error.clear();
    const fs::path logDir = fs::path(tableDir) / kLogDirectory;
    for (fs::directory_iterator it(logDir, error), end; !error && it != end; it.increment(error)) {
        const std::string name = it->path().filename().string();
        if (name.size() > 4 && name.front() == '.' && name.compare(name.size() - 4, 4, ".tmp") == 0 &&
            modified(it->path()) < cutoff)
            erase(it->path());
    }
    return result;
}

} // namespace lakeshore::sharing::delta
