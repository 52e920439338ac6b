#include "demo/odatahandlers.h"

#include "demo/odatapaging.h"
#include "demo/odataresponse.h"
#include "demo/odatarows.h"
#include "demo/odatashape.h"

#include <algorithm>
#include <cctype>
#include <exception>
#include <limits>

namespace lakeshore::demo::odata {
namespace {

std::string contextUrl(const SetRequest &call, const QueryOptions &options, bool entity)
{
    std::string url = call.serviceUrl + "$metadata#" + call.set.name;
    if (!options.select.empty()) {
        url += '(';
        for (std::size_t i = 0; i < options.select.size(); ++i)
            url += (i ? "," : "") + options.select[i];
        url += ')';
    }
    if (entity)
        url += "/$entity";
    return url;
}

bool etagMatches(const std::string &ifNoneMatch, const std::string &etag)
{
    auto opaque = [](std::string_view tag) {
        while (!tag.empty() && tag.front() == ' ')
            tag.remove_prefix(1);
        while (!tag.empty() && tag.back() == ' ')
            tag.remove_suffix(1);
        if (tag.rfind("W/", 0) == 0)
            tag.remove_prefix(2);
        return tag;
    };
    std::string_view rest = ifNoneMatch;
    while (!rest.empty()) {
        const std::size_t comma = rest.find(',');
        const std::string_view tag = opaque(rest.substr(0, comma));
        rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
        if (tag == "*" || tag == opaque(etag))
            return true;
    }
    return false;
}

std::string lowerTrimmed(std::string_view text)
{
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
        text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t'))
        text.remove_suffix(1);
    std::string out(text);
    for (auto &c : out)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

// "application/json", with or without parameters (odata.metadata, charset).
bool isJsonContent(const std::string &contentType)
{
    return lowerTrimmed(std::string_view(contentType).substr(0, contentType.find(';'))) == "application/json";
}

bool prefersRepresentation(const std::string &prefer)
{
    std::string_view rest = prefer;
    while (!rest.empty()) {
        const std::size_t comma = rest.find(',');
        if (lowerTrimmed(rest.substr(0, comma)) == "return=representation")
            return true;
        rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
    }
    return false;
}

// The key as it goes between the parentheses of an entity's URL.
std::string keyLiteral(const nlohmann::json &row, const EntitySetDef &set)
{
    const auto it = row.find(set.key);
    if (it == row.end())
        return {};
    if (!it->is_string())
        return it->dump();
    const PropertyDef *key = set.property(set.key);
    std::string text = it->get<std::string>();
    if (key && key->type == EdmType::Guid)
        return text;
    std::string quoted = "'";
    for (char c : text)
        quoted += c == '\'' ? std::string("''") : std::string(1, c);
    return quoted + "'";
}

constexpr std::size_t kMaxInsertBytes = 1u << 20;

} // namespace

http::ServerResponse serveCollection(const SetRequest &call)
{
    auto parsed = parseQueryOptions(call.options, call.set, call.sets);
    if (!parsed.ok())
        return errorResponse(parsed.error());
    const QueryOptions &options = parsed.value();

    std::int64_t offset = 0; // rows of this query already delivered on earlier pages
    for (const auto &[name, value] : call.options) {
        if (name != "$skiptoken")
            continue;
        auto token = readSkipToken(value, call.set.name, call.options);
        if (!token.ok())
            return errorResponse(token.error());
        offset = token.value();
    }

    int pageSize = std::max(1, call.maxPageSize);
    const auto preferred = preferredPageSize(call.request.header("Prefer"));
    const bool honoured = preferred && *preferred <= pageSize;
    if (honoured)
        pageSize = *preferred;

    std::int64_t take = pageSize;
    if (options.top)
        take = std::clamp<std::int64_t>(*options.top - offset, 0, pageSize);
    // Saturate so absurd $skip values cannot overflow the arithmetic below.
    const std::int64_t limit = std::numeric_limits<std::int64_t>::max() / 4;
    const std::int64_t start = std::min(options.skip, limit) + std::min(offset, limit);
    RowQuery query;
    query.filter = options.filter.get();
    query.orderby = &options.orderby;
    query.keep = static_cast<std::size_t>(start + take + 1); // one more tells whether a page follows
    query.countAll = options.count;
    auto selected = selectRows(call.set, query);
    if (!selected.ok())
        return errorResponse(selected.error());
    auto &rows = selected.value().rows;

    const auto available = static_cast<std::int64_t>(rows.size());
    const std::int64_t from = std::min(start, available);
    const std::int64_t to = std::min(start + take, available);
    const bool more = available > start + take && (!options.top || offset + take < *options.top);
    std::vector<nlohmann::json> page(std::make_move_iterator(rows.begin() + from),
                                     std::make_move_iterator(rows.begin() + to));
    auto shaped = shapeRows(std::move(page), call.set, options);
    if (!shaped.ok())
        return errorResponse(shaped.error());

    nlohmann::json body = {{"@odata.context", contextUrl(call, options, false)}};
    if (options.count)
        body["@odata.count"] = selected.value().total;
    body["value"] = std::move(shaped).value();
    if (call.loopNextLink) {
        const std::string query =
            call.request.rawQuery.empty() ? buildQueryString(call.options) : call.request.rawQuery;
        body["@odata.nextLink"] = call.serviceUrl + call.set.name + (query.empty() ? "" : "?" + query);
    } else if (more) {
        const std::string token = makeSkipToken(offset + take, call.set.name, call.options);
        body["@odata.nextLink"] =
            call.serviceUrl + call.set.name + "?" + queryWithSkipToken(call.options, token);
    }
    auto response = jsonResponse(body);
    if (honoured)
        response.setHeader("Preference-Applied", "odata.maxpagesize=" + std::to_string(pageSize));
    return response;
}

http::ServerResponse serveCount(const SetRequest &call)
{
    auto parsed = parseQueryOptions(call.options, call.set, call.sets);
    if (!parsed.ok())
        return errorResponse(parsed.error());
    RowQuery query;
    query.filter = parsed.value().filter.get();
    query.keep = 0;
    query.countAll = true;
    auto selected = selectRows(call.set, query);
    if (!selected.ok())
        return errorResponse(selected.error());
    http::ServerResponse response;
    response.contentType = "text/plain;charset=utf-8";
    response.body = std::to_string(selected.value().total);
    response.setHeader("OData-Version", "4.0");
    return response;
}

http::ServerResponse serveEntity(const SetRequest &call, const std::string &keyText)
{
    auto key = parseKeyPredicate(keyText, call.set);
    if (!key.ok())
        return errorResponse(key.error());
    auto parsed = parseQueryOptions(call.options, call.set, call.sets);
    if (!parsed.ok())
        return errorResponse(parsed.error());

    const PropertyDef *keyProperty = call.set.property(call.set.key);
    const ValueType keyType = valueTypeOf(keyProperty ? keyProperty->type : EdmType::String);
    std::optional<std::string> partition;
    if (call.set.partitionProperty == call.set.key) {
        const Value &k = key.value();
        if (k.kind == Value::Kind::Integer)
            partition = std::to_string(k.integer);
        else if (k.kind == Value::Kind::Text)
            partition = k.text;
    }
    std::optional<nlohmann::json> found;
    Status status = runScan(call.set, partition, [&](nlohmann::json &&row) {
        if (!equalValues(propertyValue(row, call.set.key, keyType), key.value()))
            return true;
        found = std::move(row);
        return false;
    });
    if (!status.ok())
        return errorResponse(status.error());
    if (!found)
        return errorResponse(404, "No " + call.set.entityType + " with key " + keyText + " in " +
                                      call.set.name + ".");

    const std::optional<std::string> etag = etagOf(*found, call.set);
    if (etag && etagMatches(call.request.header("If-None-Match"), *etag)) {
        http::ServerResponse notModified;
        notModified.status = 304;
        notModified.setHeader("ETag", *etag);
        notModified.setHeader("OData-Version", "4.0");
        return notModified;
    }
    std::vector<nlohmann::json> one;
    one.push_back(std::move(*found));
    auto shaped = shapeRows(std::move(one), call.set, parsed.value());
    if (!shaped.ok())
        return errorResponse(shaped.error());
    nlohmann::json body = std::move(shaped.value().front());
    body["@odata.context"] = contextUrl(call, parsed.value(), true);
    auto response = jsonResponse(body);
    if (etag)
        response.setHeader("ETag", *etag);
    return response;
}

http::ServerResponse serveInsert(const SetRequest &call)
{
    if (!isJsonContent(call.request.header("Content-Type")))
        return errorResponse(415, "Send the new " + call.set.entityType + " as application/json.",
                             "UnsupportedMediaType");
    if (call.request.body.size() > kMaxInsertBytes)
        return errorResponse(
            413, "The request body is larger than " + std::to_string(kMaxInsertBytes >> 10) + " KB.",
            "PayloadTooLarge");
    const nlohmann::json body = nlohmann::json::parse(call.request.body, nullptr, false);
    if (!body.is_object())
        return errorResponse(400, "The request body must be a JSON object with the new " +
                                      call.set.entityType + "'s properties.");
    // Checked before the insert, so a bad $select cannot leave a row behind a failed request.
    auto parsed = parseQueryOptions(call.options, call.set, call.sets);
    if (!parsed.ok())
        return errorResponse(parsed.error());

    std::optional<Result<nlohmann::json>> created;
    try {
        created = call.set.insert(body);
    } catch (const std::exception &e) {
        return errorResponse(500, "Creating the " + call.set.entityType + " failed: " + e.what());
    }
    if (!created->ok())
        return errorResponse(created->error());
    nlohmann::json row = std::move(*created).value();
    const std::string entityId =
        call.absoluteServiceUrl + call.set.name + "(" + keyLiteral(row, call.set) + ")";

    if (!prefersRepresentation(call.request.header("Prefer"))) {
        http::ServerResponse response;
        response.status = 204;
        response.setHeader("OData-Version", "4.0");
        response.setHeader("OData-EntityId", entityId);
        return response;
    }
    const std::optional<std::string> etag = etagOf(row, call.set);
    std::vector<nlohmann::json> one;
    one.push_back(std::move(row));
    auto shaped = shapeRows(std::move(one), call.set, parsed.value());
    if (!shaped.ok())
        return errorResponse(shaped.error());
    nlohmann::json entity = std::move(shaped.value().front());
    entity["@odata.context"] = contextUrl(call, parsed.value(), true);
    auto response = jsonResponse(entity, 201);
    response.setHeader("OData-EntityId", entityId);
    response.setHeader("Location", entityId);
    response.setHeader("Preference-Applied", "return=representation");
    if (etag)
        response.setHeader("ETag", *etag);
    return response;
}

} // namespace lakeshore::demo::odata
