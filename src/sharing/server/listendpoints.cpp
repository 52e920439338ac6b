// The list endpoints (shares, schemas, tables, all tables) and get share: one-line JSON with items and,
// when more remain, a signed nextPageToken bound to what it pages through.
#include "sharing/server/pagetoken.h"
#include "sharing/server/servercontext.h"

#include <charconv>
#include <nlohmann/json.hpp>
#include <set>

namespace lakeshore::sharing::server {
namespace {

using nlohmann::json;

constexpr int kMaxResults = 500;

struct Page
{
    std::size_t begin = 0;
    std::size_t end = 0;
    std::string next; // empty on the last page
};

// The slice of `total` items the request's maxResults and pageToken ask for; answers 400 otherwise.
std::optional<Page> pageOf(ServerContext &context, const Call &call, std::size_t total, const json &scope,
                           http::ServerResponse &response)
{
    int maxResults = kMaxResults;
    if (call.request.hasParam("maxResults")) {
        const std::string text = call.request.param("maxResults");
        auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), maxResults);
        if (text.empty() || error != std::errc() || end != text.data() + text.size() || maxResults < 0 ||
            maxResults > kMaxResults) {
            answerError(response, 400, "INVALID_PARAMETER_VALUE",
                        "maxResults must be a whole number from 0 to " + std::to_string(kMaxResults) + ".");
            return std::nullopt;
        }
    }
    Page page;
    if (const std::string token = call.request.param("pageToken"); !token.empty()) {
        auto payload = decodeToken(context.tokenKey(call.route.tenant), token);
        if (!payload || payload->value("scope", json()) != scope ||
            !(*payload)["start"].is_number_unsigned()) {
            answerError(response, 400, "INVALID_PARAMETER_VALUE",
                        "The pageToken is not valid for this list; start again without it.");
            return std::nullopt;
        }
        page.begin = std::min<std::size_t>((*payload)["start"].get<std::size_t>(), total);
    }
    page.end = std::min(total, page.begin + static_cast<std::size_t>(maxResults));
    if (page.end < total)
        page.next = encodeToken(context.tokenKey(call.route.tenant), {{"scope", scope}, {"start", page.end}});
    return page;
}

void answerItems(http::ServerResponse &response, json items, const Page &page)
{
    json body = {{"items", std::move(items)}};
    if (!page.next.empty())
        body["nextPageToken"] = page.next;
    response.status = 200;
    response.contentType = "application/json; charset=utf-8";
    response.body = body.dump();
}

json shareItem(const store::Share &share)
{
    return {{"name", share.name}, {"id", share.id}};
}

json tableItem(const store::Share &share, const store::SharedTable &table)
{
    return {{"name", table.name}, {"schema", table.schema}, {"share", share.name}, {"shareId", share.id}};
}

std::vector<std::string> schemasOf(const store::Share &share)
{
    std::set<std::string> names;
    for (const auto &table : share.tables)
        names.insert(table.schema);
    return {names.begin(), names.end()};
}

} // namespace

void listShares(ServerContext &context, Call &call, http::ServerResponse &response)
{
    auto shares = context.access->sharesOf(*call.recipient);
    if (!shares)
        return answerError(response, 500, "INTERNAL_ERROR", "");
    auto page = pageOf(context, call, shares.value().size(),
                       {{"list", "shares"}, {"recipient", call.recipient->recipient.id}}, response);
    if (!page)
        return;
    json items = json::array();
    for (std::size_t i = page->begin; i < page->end; ++i)
        items.push_back(shareItem(shares.value()[i]));
    answerItems(response, std::move(items), *page);
}

void getShare(ServerContext &context, Call &call, http::ServerResponse &response)
{
    auto share = resolveShare(context, call, response);
    if (!share)
        return;
    json body = {{"share", shareItem(*share)}};
    response.status = 200;
    response.contentType = "application/json; charset=utf-8";
    response.body = body.dump();
}

void listSchemas(ServerContext &context, Call &call, http::ServerResponse &response)
{
    auto share = resolveShare(context, call, response);
    if (!share)
        return;
    const std::vector<std::string> schemas = schemasOf(*share);
    auto page = pageOf(context, call, schemas.size(), {{"list", "schemas"}, {"share", share->id}}, response);
    if (!page)
        return;
    json items = json::array();
    for (std::size_t i = page->begin; i < page->end; ++i)
        items.push_back({{"name", schemas[i]}, {"share", share->name}});
    answerItems(response, std::move(items), *page);
}

void listTables(ServerContext &context, Call &call, http::ServerResponse &response)
{
    auto share = resolveShare(context, call, response);
    if (!share)
        return;
    std::vector<const store::SharedTable *> tables;
    std::string schemaName;
    for (const auto &table : share->tables)
        if (sameName(table.schema, call.route.schema)) {
            tables.push_back(&table);
            schemaName = table.schema;
        }
    if (tables.empty())
        return answerError(response, 404, "RESOURCE_DOES_NOT_EXIST",
                           "The share \"" + share->name + "\" has no schema \"" + call.route.schema + "\".");
    auto page = pageOf(context, call, tables.size(),
                       {{"list", "tables"}, {"share", share->id}, {"schema", schemaName}}, response);
    if (!page)
        return;
    json items = json::array();
    for (std::size_t i = page->begin; i < page->end; ++i)
        items.push_back(tableItem(*share, *tables[i]));
    answerItems(response, std::move(items), *page);
}

void listAllTables(ServerContext &context, Call &call, http::ServerResponse &response)
{
    auto share = resolveShare(context, call, response);
    if (!share)
        return;
    auto page =
        pageOf(context, call, share->tables.size(), {{"list", "all-tables"}, {"share", share->id}}, response);
    if (!page)
        return;
    json items = json::array();
    for (std::size_t i = page->begin; i < page->end; ++i)
        items.push_back(tableItem(*share, share->tables[i]));
    answerItems(response, std::move(items), *page);
}

} // namespace lakeshore::sharing::server
