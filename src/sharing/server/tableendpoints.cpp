// The table endpoints: version, metadata and query (NDJSON with a Delta-Table-Version header), and
// changes, which this server does not offer (its tables record no change data).
#include "crypto/digest.h"
#include "crypto/encoding.h"
#include "http/url.h"
#include "sharing/delta/deltaschema.h"
#include "sharing/server/filepruning.h"
#include "sharing/server/isotime.h"
#include "sharing/server/pagetoken.h"
#include "sharing/server/protocollines.h"
#include "sharing/server/queryrequest.h"
#include "sharing/server/servercontext.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <nlohmann/json.hpp>

namespace lakeshore::sharing::server {
namespace {

using nlohmann::json;
using TableRef = std::shared_ptr<const TableVersion>;

constexpr std::int64_t kPageTokenLifetime = 3LL * 24 * 3600 * 1000;
constexpr std::int64_t kRefreshTokenLifetime = 3600LL * 1000;
constexpr std::size_t kStreamChunk = 64 * 1024;
constexpr std::int64_t kLinkExpiryStep = 60 * 1000; // links expire on whole minutes (querycache.h)
constexpr std::size_t kMaxCachedFiles = 5000;       // larger answers stream without being kept

std::string lowerTrimmed(std::string text)
{
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
    const auto first = text.find_first_not_of(" \t");
    const auto last = text.find_last_not_of(" \t");
    return first == std::string::npos ? std::string() : text.substr(first, last - first + 1);
}

// The response format and the fileidhash header: answers 400 for what this server cannot give.
std::optional<Capabilities> negotiate(const Call &call, http::ServerResponse &response)
{
    const Capabilities capabilities = parseCapabilities(call.request.header("delta-sharing-capabilities"));
    if (!capabilities.parquetAccepted) {
        answerError(
            response, 400, "UNSUPPORTED_OPERATION",
            "This server answers in the parquet response format only: ask for responseformat=parquet.");
        return std::nullopt;
    }
    bool hasHash = false;
    for (const auto &[key, value] : call.request.headers)
        if (sameName(key, "fileidhash"))
            hasHash = true;
    if (hasHash) {
        const std::string hash = lowerTrimmed(call.request.header("fileidhash"));
        if (hash != "parquet" && hash != "delta") {
            answerError(response, 400, "INVALID_PARAMETER_VALUE", "fileidhash must be parquet or delta.");
            return std::nullopt;
        }
        response.setHeader("fileidhash", hash);
    }
    std::string echoed = "responseformat=parquet";
    if (capabilities.endStreamAction)
        echoed += ";includeendstreamaction=true";
    response.setHeader("delta-sharing-capabilities", echoed);
    return capabilities;
}

std::optional<std::int64_t> wholeNumber(const std::string &text)
{
    std::int64_t value = 0;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || error != std::errc() || end != text.data() + text.size())
        return std::nullopt;
    return value;
}

// The latest version, answering 404 while the table has not been published.
std::optional<TableRef> latestOf(ServerContext &context, const Call &call, const ResolvedTable &resolved,
                                 http::ServerResponse &response)
{
    auto latest = context.tables->latest(call.route.tenant, resolved.table.entity);
    if (latest)
        return latest.value();
    if (latest.error().kind == ErrorKind::NotFound)
        answerError(response, 404, "RESOURCE_DOES_NOT_EXIST",
                    "The table \"" + resolved.table.name + "\" has not been published yet.");
    else
        answerError(response, 500, "INTERNAL_ERROR", "");
    return std::nullopt;
}

// The version at or before `timestamp` (the latest when it is later than every commit).
std::optional<TableRef> versionAsOf(ServerContext &context, const Call &call, const ResolvedTable &resolved,
                                    std::optional<std::int64_t> version,
                                    std::optional<std::int64_t> timestamp, http::ServerResponse &response)
{
    auto latest = latestOf(context, call, resolved, response);
    if (!latest)
        return std::nullopt;
    if (timestamp) {
        auto versions = context.tables->versions(call.route.tenant, resolved.table.entity);
        if (!versions) {
            answerError(response, 500, "INTERNAL_ERROR", "");
            return std::nullopt;
        }
        for (const delta::VersionInfo &info : versions.value())
            if (info.timestamp <= *timestamp)
                version = info.version;
        if (!version) {
            answerError(response, 400, "INVALID_PARAMETER_VALUE",
                        "The timestamp is before the table's first version (" +
                            delta::isoMillis(versions.value().front().timestamp) + ").");
            return std::nullopt;
        }
    }
    if (!version)
        return latest;
    auto at = context.tables->at(call.route.tenant, resolved.table.entity, *version);
    if (!at) {
        if (at.error().kind == ErrorKind::NotFound)
            answerError(response, 400, "INVALID_PARAMETER_VALUE",
                        "The table \"" + resolved.table.name + "\" cannot be read at " + at.error().message +
                            ".");
        else
            answerError(response, 500, "INTERNAL_ERROR", "");
        return std::nullopt;
    }
    return at.value();
}

void startNdjson(http::ServerResponse &response, std::int64_t version)
{
    response.status = 200;
    response.contentType = "application/x-ndjson; charset=utf-8";
    response.setHeader("Delta-Table-Version", std::to_string(version));
}

// What a query is bound to: page tokens carry it and must come back with the same.
std::string queryChecksum(const Call &call, const ResolvedTable &resolved, const QueryRequest &request)
{
    const json scope = {{"share", resolved.share.id},
                        {"schema", resolved.table.schema},
                        {"table", resolved.table.name},
                        {"recipient", call.recipient->recipient.id},
                        {"predicateHints", request.predicateHints},
                        {"jsonPredicateHints", request.jsonPredicateHints.value_or("")},
                        {"limitHint", request.limitHint.value_or(-1)}};
    return crypto::toHex(crypto::sha256(scope.dump()));
}

// Files left after the predicate hints and limitHint, in log order.
std::vector<std::size_t> selectFiles(const TableVersion &table, const QueryRequest &request)
{
    auto predicate =
        bothPredicates(request.jsonPredicateHints ? jsonPredicate(*request.jsonPredicateHints) : nullptr,
                       sqlPredicate(request.predicateHints));
    std::vector<std::size_t> out;
    std::int64_t records = 0;
    for (std::size_t i = 0; i < table.files.size(); ++i) {
        if (request.limitHint && records >= *request.limitHint)
            break;
        const ServedFile &file = table.files[i];
        if (predicate && !mayMatch(*predicate, file.stats))
            continue;
        out.push_back(i);
        if (file.numRecords >= 0)
            records += file.numRecords;
    }
    return out;
}

struct QueryAnswer
{
    TableRef table;
    std::vector<std::size_t> files; // the page's
    bool timeTravel = false;
    std::string urlPrefix; // ".../files/<recipient>/<entity>/"
    FileReference reference;
    SigningKey key{};
    std::int64_t expiresAt = 0;
    bool endStream = false;
    std::optional<std::string> nextPageToken;
    std::optional<std::string> refreshToken;
};

// protocol, metaData and the file lines, handed to `write` in chunks of about kStreamChunk.
bool writeLines(const QueryAnswer &answer, const std::function<bool(std::string_view)> &write)
{
    const delta::Snapshot &snapshot = answer.table->snapshot;
    std::string chunk =
        protocolLine() + "\n" +
        metadataLine(snapshot, answer.timeTravel ? std::optional(snapshot.version) : std::nullopt) + "\n";
    FileReference reference = answer.reference;
    for (std::size_t index : answer.files) {
        const ServedFile &served = answer.table->files[index];
        reference.file = served.file->path;
        FileLineFields fields;
        fields.url = answer.urlPrefix + http::percentEncode(served.file->path) + "?" +
                     signFileQuery(answer.key, reference, answer.expiresAt);
        fields.id = served.id;
        fields.expiresAt = answer.expiresAt;
        if (answer.timeTravel) {
            fields.version = snapshot.version;
            fields.timestamp = snapshot.timestamp;
        }
        chunk += fileLine(*served.file, fields);
        chunk += '\n';
        if (chunk.size() >= kStreamChunk) {
            if (!write(chunk))
                return false;
            chunk.clear();
        }
    }
    return write(chunk);
}

bool writeQuery(const QueryAnswer &answer, const std::function<bool(std::string_view)> &write)
{
    if (!writeLines(answer, write))
        return false;
    if (!answer.endStream)
        return true;
    return write(endStreamLine(answer.nextPageToken, answer.refreshToken,
                               answer.files.empty() ? std::nullopt : std::optional(answer.expiresAt)) +
                 "\n");
}

} // namespace

void tableVersion(ServerContext &context, Call &call, http::ServerResponse &response)
{
    auto resolved = resolveTable(context, call, response);
    if (!resolved)
        return;
    auto latest = latestOf(context, call, *resolved, response);
    if (!latest)
        return;
    std::int64_t version = (*latest)->snapshot.version;
    if (call.request.hasParam("startingTimestamp")) {
        auto timestamp = parseIsoMillis(call.request.param("startingTimestamp"));
        if (!timestamp)
            return answerError(response, 400, "INVALID_PARAMETER_VALUE",
                               "startingTimestamp is not an ISO 8601 time such as 2024-05-01T00:00:00Z.");
        auto versions = context.tables->versions(call.route.tenant, resolved->table.entity);
        if (!versions)
            return answerError(response, 500, "INTERNAL_ERROR", "");
        auto first =
            std::find_if(versions.value().begin(), versions.value().end(),
                         [&](const delta::VersionInfo &info) { return info.timestamp >= *timestamp; });
        if (first == versions.value().end())
            return answerError(response, 400, "INVALID_PARAMETER_VALUE",
                               "startingTimestamp is after the table's latest version (" +
                                   delta::isoMillis(versions.value().back().timestamp) + ").");
        version = first->version;
    }
    call.audit.version = version;
    response.status = 200;
    response.contentType = "application/json; charset=utf-8";
    response.setHeader("Delta-Table-Version", std::to_string(version));
}

void tableMetadata(ServerContext &context, Call &call, http::ServerResponse &response)
{
    auto resolved = resolveTable(context, call, response);
    if (!resolved || !negotiate(call, response))
        return;
    std::optional<std::int64_t> version, timestamp;
    if (call.request.hasParam("version")) {
        version = wholeNumber(call.request.param("version"));
        if (!version || *version < 0)
            return answerError(response, 400, "INVALID_PARAMETER_VALUE",
                               "version must be a whole number >= 0.");
    }
    if (call.request.hasParam("timestamp")) {
        timestamp = parseIsoMillis(call.request.param("timestamp"));
        if (!timestamp)
            return answerError(response, 400, "INVALID_PARAMETER_VALUE",
                               "timestamp is not an ISO 8601 time such as 2024-05-01T00:00:00Z.");
    }
    if (version && timestamp)
        return answerError(response, 400, "INVALID_PARAMETER_VALUE", "Send version or timestamp, not both.");
    auto table = versionAsOf(context, call, *resolved, version, timestamp, response);
    if (!table)
        return;
    const delta::Snapshot &snapshot = (*table)->snapshot;
    call.audit.version = snapshot.version;
    startNdjson(response, snapshot.version);
    response.body =
        protocolLine() + "\n" +
        metadataLine(snapshot, version || timestamp ? std::optional(snapshot.version) : std::nullopt) + "\n";
}

void tableQuery(ServerContext &context, Call &call, http::ServerResponse &response)
{
    auto resolved = resolveTable(context, call, response);
    if (!resolved)
        return;
    auto capabilities = negotiate(call, response);
    if (!capabilities)
        return;
    auto parsed = parseQueryRequest(call.request.body);
    if (!parsed)
        return answerError(response, parsed.error());
    const QueryRequest &request = parsed.value();
    if (request.startingVersion)
        return answerError(response, 400, "UNSUPPORTED_OPERATION",
                           "Reading changes from startingVersion is not offered for this table; query a "
                           "version or a timestamp instead.");

    const SigningKey &tokenKey = context.tokenKey(call.route.tenant);
    const std::string checksum = queryChecksum(call, *resolved, request);
    std::optional<std::int64_t> version = request.version;
    std::size_t start = 0;
    if (request.pageToken) {
        auto payload = decodeToken(tokenKey, *request.pageToken);
        if (!payload || payload->value("kind", "") != "query" || payload->value("checksum", "") != checksum ||
            !(*payload)["version"].is_number_integer() || !(*payload)["start"].is_number_unsigned() ||
            payload->value("expires", std::int64_t(0)) <= call.now)
            return answerError(
                response, 400, "INVALID_PARAMETER_VALUE",
                "The pageToken is not valid for this query (expired, altered, or sent with other "
                "query parameters); start the query again without it.");
        version = (*payload)["version"].get<std::int64_t>();
        start = (*payload)["start"].get<std::size_t>();
    }
    if (request.refreshToken) {
        auto payload = decodeToken(tokenKey, *request.refreshToken);
        if (!payload || payload->value("kind", "") != "refresh" ||
            payload->value("checksum", "") != checksum || !(*payload)["version"].is_number_integer() ||
            payload->value("expires", std::int64_t(0)) <= call.now)
            return answerError(response, 400, "INVALID_PARAMETER_VALUE",
                               "The refreshToken is not valid for this query (expired or altered).");
        version = (*payload)["version"].get<std::int64_t>();
    }
    auto table = versionAsOf(context, call, *resolved, version, request.timestamp, response);
    if (!table)
        return;

    QueryAnswer answer;
    answer.table = *table;
    answer.timeTravel = request.version || request.timestamp;
    std::vector<std::size_t> selected = selectFiles(**table, request);
    start = std::min(start, selected.size());
    std::size_t end = selected.size();
    if (request.maxFiles)
        end = std::min(end, start + static_cast<std::size_t>(
                                        std::min(*request.maxFiles, context.options.maxFilesPerPage)));
    else if (request.pageToken)
        end = std::min(end, start + static_cast<std::size_t>(context.options.maxFilesPerPage));
    answer.files.assign(selected.begin() + static_cast<std::ptrdiff_t>(start),
                        selected.begin() + static_cast<std::ptrdiff_t>(end));
    const std::int64_t tableVersionNumber = (*table)->snapshot.version;
    if (end < selected.size())
        answer.nextPageToken = encodeToken(tokenKey, {{"kind", "query"},
                                                      {"checksum", checksum},
                                                      {"version", tableVersionNumber},
                                                      {"start", end},
                                                      {"expires", call.now + kPageTokenLifetime}});
    if (request.includeRefreshToken)
        answer.refreshToken = encodeToken(tokenKey, {{"kind", "refresh"},
                                                     {"checksum", checksum},
                                                     {"version", tableVersionNumber},
                                                     {"expires", call.now + kRefreshTokenLifetime}});
    answer.endStream = request.maxFiles || request.pageToken || request.includeRefreshToken ||
                       request.refreshToken || capabilities->endStreamAction;
    answer.urlPrefix = context.publicUrl + std::string(kSharingPrefix) + call.route.tenant + "/files/" +
                       http::percentEncode(call.recipient->recipient.id) + "/" + resolved->table.entity + "/";
    answer.reference = {call.route.tenant, resolved->table.entity, "", call.recipient->recipient.id};
    answer.key = context.fileKey(call.route.tenant);
    answer.expiresAt = (call.now + context.options.urlLifetimeMillis) / kLinkExpiryStep * kLinkExpiryStep;

    call.audit.version = tableVersionNumber;
    call.audit.files = static_cast<std::int64_t>(answer.files.size());
    for (std::size_t index : answer.files)
        call.audit.bytes += (*table)->files[index].file->size;
    startNdjson(response, tableVersionNumber);
    std::shared_ptr<const std::string> cached;
    if (answer.files.size() <= kMaxCachedFiles) {
        const std::string key = checksum + "\n" + call.route.tenant + "\n" + resolved->table.entity + "\n" +
                                std::to_string(tableVersionNumber) + "\n" + (answer.timeTravel ? "t" : "l") +
                                "\n" + std::to_string(start) + "\n" + std::to_string(end) + "\n" +
                                std::to_string(answer.expiresAt);
        cached = context.queries.find(key);
        if (!cached) {
            auto lines = std::make_shared<std::string>();
            writeLines(answer, [&lines](std::string_view part) {
                lines->append(part);
                return true;
            });
            cached = std::move(lines);
            context.queries.keep(key, cached);
        }
    }
    if (cached) {
        // Sent straight from the kept bytes, then the end-of-stream line when asked for.
        response.sharedBody = cached;
        if (answer.endStream)
            response.body =
                endStreamLine(answer.nextPageToken, answer.refreshToken,
                              answer.files.empty() ? std::nullopt : std::optional(answer.expiresAt)) +
                "\n";
        return;
    }
    response.stream = [answer = std::move(answer)](const std::function<bool(std::string_view)> &write) {
        return writeQuery(answer, write);
    };
}

void tableChanges(ServerContext &context, Call &call, http::ServerResponse &response)
{
    if (!resolveTable(context, call, response))
        return;
    answerError(response, 400, "UNSUPPORTED_OPERATION",
                "This table does not record change data (cdf is not enabled); read versions with query.");
}

} // namespace lakeshore::sharing::server
