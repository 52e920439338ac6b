// The JSON lines of the Delta Sharing protocol's NDJSON answers (metadata, query), in the parquet
// response format, each a single line with no pretty-printing, and the protocol's error body.
#pragma once

#include "sharing/delta/deltalog.h"

#include <cstdint>
#include <optional>
#include <string>

namespace lakeshore::sharing::server {

// {"protocol":{"minReaderVersion":1}}
[[nodiscard]] std::string protocolLine();

// {"metaData":{id, name, description?, format, schemaString, partitionColumns, configuration, version?,
// size, numFiles}} for the snapshot; `version` is set on time-travel answers.
[[nodiscard]] std::string metadataLine(const delta::Snapshot &snapshot,
                                       std::optional<std::int64_t> version = {});

struct FileLineFields
{
    std::string url;                       // pre-signed, absolute
    std::string id;                        // stable for the same file
    std::int64_t expiresAt = 0;            // of the URL, epoch ms
    std::optional<std::int64_t> version;   // on version/timestamp queries
    std::optional<std::int64_t> timestamp; // ditto: the version's commit time
};

// {"file":{url, id, partitionValues, size, stats?, expirationTimestamp, version?, timestamp?}}
[[nodiscard]] std::string fileLine(const delta::DataFile &file, const FileLineFields &fields);

// A file's id: SHA-256 hex of tenant, table and path, the same on every request.
[[nodiscard]] std::string fileId(const std::string &tenant, const std::string &table,
                                 const std::string &path);

// {"endStreamAction":{nextPageToken?, refreshToken?, minUrlExpirationTimestamp?}}
[[nodiscard]] std::string endStreamLine(const std::optional<std::string> &nextPageToken,
                                        const std::optional<std::string> &refreshToken,
                                        std::optional<std::int64_t> minUrlExpiration);

// {"errorCode":"...","message":"..."}
[[nodiscard]] std::string errorBody(const std::string &code, const std::string &message);

} // namespace lakeshore::sharing::server
