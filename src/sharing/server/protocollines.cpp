#include "sharing/server/protocollines.h"

#include "crypto/digest.h"
#include "crypto/encoding.h"

#include <nlohmann/json.hpp>

namespace lakeshore::sharing::server {

using nlohmann::json;

std::string protocolLine()
{
    return R"({"protocol":{"minReaderVersion":1}})";
}

std::string metadataLine(const delta::Snapshot &snapshot, std::optional<std::int64_t> version)
{
    const json &meta = snapshot.metadata;
    json out = {{"id", meta.value("id", "")},
                {"format", {{"provider", "parquet"}}},
                {"schemaString", meta.value("schemaString", "")},
                {"partitionColumns", meta.value("partitionColumns", json::array())},
                {"configuration", json::object()}};
    if (const std::string name = meta.value("name", ""); !name.empty())
        out["name"] = name;
    if (const std::string description = meta.value("description", ""); !description.empty())
        out["description"] = description;
    if (version)
        out["version"] = *version;
    std::int64_t size = 0;
    for (const delta::DataFile &file : snapshot.files)
        size += file.size;
    out["size"] = size;
    out["numFiles"] = snapshot.files.size();
    return json{{"metaData", out}}.dump();
}

std::string fileLine(const delta::DataFile &file, const FileLineFields &fields)
{
    json partitionValues = json::object();
    for (const auto &[key, value] : file.partitionValues)
        partitionValues[key] = value;
    json out = {{"url", fields.url},
                {"id", fields.id},
                {"partitionValues", partitionValues},
                {"size", file.size},
                {"expirationTimestamp", fields.expiresAt}};
    if (!file.stats.empty())
        out["stats"] = file.stats;
    if (fields.version)
        out["version"] = *fields.version;
    if (fields.timestamp)
        out["timestamp"] = *fields.timestamp;
    return json{{"file", out}}.dump();
}

std::string fileId(const std::string &tenant, const std::string &table, const std::string &path)
{
    return crypto::toHex(crypto::sha256(tenant + "\n" + table + "\n" + path));
}

std::string endStreamLine(const std::optional<std::string> &nextPageToken,
                          const std::optional<std::string> &refreshToken,
                          std::optional<std::int64_t> minUrlExpiration)
{
    json out = json::object();
    if (nextPageToken)
        out["nextPageToken"] = *nextPageToken;
    if (refreshToken)
        out["refreshToken"] = *refreshToken;
    if (minUrlExpiration)
        out["minUrlExpirationTimestamp"] = *minUrlExpiration;
    return json{{"endStreamAction", out}}.dump();
}

std::string errorBody(const std::string &code, const std::string &message)
{
    return json{{"errorCode", code}, {"message", message}}.dump(-1, ' ', false,
                                                                json::error_handler_t::replace);
}

} // namespace lakeshore::sharing::server
