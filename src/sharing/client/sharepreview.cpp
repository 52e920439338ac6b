#include "sharing/client/sharepreview.h"

#include "http/httpclient.h"

#include <memory>
#include <nlohmann/json.hpp>

namespace lakeshore::sharing::client {
namespace {

using nlohmann::json;
constexpr int kTimeoutMs = 30000;
constexpr int kMaxPages = 1000;

// The walk's state, shared by the chained callbacks.
struct Walk
{
    http::HttpClient &http;
    SharingProfile profile;
    CancelToken cancel;
    std::function<void(Result<SharePreview>)> done;
    SharePreview preview;
    std::vector<std::string> shares;
    std::size_t next = 0; // the table (after listing) or the share (while listing) being read
};

Error replyError(const http::Response &response, const std::string &what)
{
    const json body = json::parse(response.body, nullptr, false);
    std::string message = what + ": HTTP " + std::to_string(response.status);
    Error error = makeError(response.status == 401 || response.status == 403 ? ErrorKind::Auth : ErrorKind::Http,
                            message, response.status);
    if (body.is_object() && body.contains("message") && body["message"].is_string()) {
        error.serviceMessage = body["message"].get<std::string>();
        error.code = body.value("errorCode", "");
        error.kind = error.kind == ErrorKind::Auth ? ErrorKind::Auth : ErrorKind::Service;
    }
    return error;
}

void send(Walk &walk, std::string method, const std::string &path, std::string body,
          std::function<void(Result<http::Response>)> then)
{
    http::Request request;
    request.method = std::move(method);
    request.url = walk.profile.endpoint + path;
    request.headers = {{"Authorization", "Bearer " + walk.profile.bearerToken}};
    if (request.method == "POST")
        request.headers.emplace_back("Content-Type", "application/json");
    request.body = std::move(body);
    request.timeoutMs = kTimeoutMs;
    request.maxResponseBytes = 64u << 20;
    walk.http.send(std::move(request), walk.cancel, std::move(then));
}

// Every item of a list endpoint, page after page.
void listAll(const std::shared_ptr<Walk> &walk, const std::string &path, std::shared_ptr<json> items,
             std::string token, int page, std::function<void(Result<json>)> then)
{
    const std::string target = path + (token.empty() ? "" : "?pageToken=" + token);
    send(*walk, "GET", target, {}, [walk, path, items, page, then](Result<http::Response> reply) {
        if (!reply)
            return then(reply.error());
        if (reply.value().status != 200)
            return then(replyError(reply.value(), "listing " + path));
        const json body = json::parse(reply.value().body, nullptr, false);
        if (!body.is_object())
            return then(makeError(ErrorKind::Malformed, "listing " + path + ": the answer is not a JSON object"));
        if (body.contains("items") && body["items"].is_array())
            for (const json &item : body["items"])
                items->push_back(item);
        const std::string next = body.value("nextPageToken", "");
        if (next.empty() || page + 1 >= kMaxPages)
            return then(*items);
        listAll(walk, path, items, next, page + 1, then);
    });
}

void finish(const std::shared_ptr<Walk> &walk, Result<SharePreview> result)
{
    auto done = std::move(walk->done);
    done(std::move(result));
}

void readTable(const std::shared_ptr<Walk> &walk);

void nextTable(const std::shared_ptr<Walk> &walk)
{
    ++walk->next;
    readTable(walk);
}

void readTable(const std::shared_ptr<Walk> &walk)
{
    if (walk->next >= walk->preview.tables.size())
        return finish(walk, walk->preview);
    PreviewTable &table = walk->preview.tables[walk->next];
    const std::string path = "/shares/" + table.share + "/schemas/" + table.schema + "/tables/" + table.name + "/query";
    send(*walk, "POST", path, "{}", [walk](Result<http::Response> reply) {
        PreviewTable &table = walk->preview.tables[walk->next];
        if (!reply) {
            if (reply.error().kind == ErrorKind::Cancelled)
                return finish(walk, reply.error());
            table.problem = reply.error().message;
            return nextTable(walk);
        }
        if (reply.value().status != 200) {
            const Error error = replyError(reply.value(), "query");
            table.problem = error.serviceMessage.empty() ? error.message : error.serviceMessage;
            return nextTable(walk);
        }
        table.version = std::atoll(reply.value().header("Delta-Table-Version").c_str());
        const std::string &body = reply.value().body;
        std::size_t start = 0;
        while (start < body.size()) {
            std::size_t end = body.find('\n', start);
            if (end == std::string::npos)
                end = body.size();
            const json line = json::parse(body.substr(start, end - start), nullptr, false);
            start = end + 1;
            if (!line.is_object()) {
                table.problem = "the answer has a line that is not JSON";
                break;
            }
            if (line.contains("metaData")) {
                const json schema = json::parse(line["metaData"].value("schemaString", ""), nullptr, false);
                if (schema.is_object() && schema.contains("fields") && schema["fields"].is_array())
                    for (const json &field : schema["fields"])
                        if (field.is_object() && field.contains("name") && field["name"].is_string())
                            table.columns.push_back(
                                {field["name"].get<std::string>(),
                                 field.contains("type") && field["type"].is_string() ? field["type"].get<std::string>()
                                                                                       : std::string("struct")});
            } else if (line.contains("file") && line["file"].is_object()) {
                const json &file = line["file"];
                ++table.files;
                if (file.contains("size") && file["size"].is_number_integer())
                    table.bytes += file["size"].get<std::int64_t>();
                if (file.contains("stats") && file["stats"].is_string()) {
                    const json stats = json::parse(file["stats"].get<std::string>(), nullptr, false);
                    if (stats.is_object() && stats.contains("numRecords") && stats["numRecords"].is_number_integer())
                        table.rows += stats["numRecords"].get<std::int64_t>();
                }
            }
        }
        nextTable(walk);
    });
}

void listShareTables(const std::shared_ptr<Walk> &walk)
{
    if (walk->next >= walk->shares.size()) {
        walk->next = 0;
        return readTable(walk);
    }
    const std::string share = walk->shares[walk->next];
    listAll(walk, "/shares/" + share + "/all-tables", std::make_shared<json>(json::array()), {}, 0,
            [walk, share](Result<json> items) {
                if (!items)
                    return finish(walk, items.error());
                for (const json &item : items.value())
                    if (item.is_object())
                        walk->preview.tables.push_back(
                            {share, item.value("schema", ""), item.value("name", ""), -1, {}, 0, 0, 0, {}});
                ++walk->next;
                listShareTables(walk);
            });
}

} // namespace

Result<SharingProfile> parseProfile(const std::string &text)
{
    const json profile = json::parse(text, nullptr, false);
    if (!profile.is_object())
        return makeError(ErrorKind::Invalid, "the profile is not a JSON object");
    const json version = profile.value("shareCredentialsVersion", json());
    if (!version.is_number_integer() || version.get<int>() < 1 || version.get<int>() > 2)
        return makeError(ErrorKind::Invalid, "the profile's shareCredentialsVersion must be 1 or 2");
    if (version.get<int>() == 2 && profile.value("type", "bearer_token") != "bearer_token")
        return makeError(ErrorKind::Invalid, "only bearer-token profiles can be previewed");
    if (!profile.contains("endpoint") || !profile["endpoint"].is_string() ||
        profile["endpoint"].get<std::string>().rfind("http", 0) != 0)
        return makeError(ErrorKind::Invalid, "the profile has no http(s) endpoint");
    if (!profile.contains("bearerToken") || !profile["bearerToken"].is_string() ||
        profile["bearerToken"].get<std::string>().empty())
        return makeError(ErrorKind::Invalid, "the profile has no bearer token");
    SharingProfile out{profile["endpoint"].get<std::string>(), profile["bearerToken"].get<std::string>()};
    while (!out.endpoint.empty() && out.endpoint.back() == '/')
        out.endpoint.pop_back();
    return out;
}

void previewShares(http::HttpClient &http, const SharingProfile &profile, CancelToken cancel,
                   std::function<void(Result<SharePreview>)> done)
{
    auto walk = std::make_shared<Walk>(Walk{http, profile, cancel, std::move(done), {}, {}, 0});
    listAll(walk, "/shares", std::make_shared<json>(json::array()), {}, 0, [walk](Result<json> items) {
        if (!items)
            return finish(walk, items.error());
        for (const json &item : items.value())
            if (item.is_object() && item.contains("name") && item["name"].is_string())
                walk->shares.push_back(item["name"].get<std::string>());
        listShareTables(walk);
    });
}

} // namespace lakeshore::sharing::client
