// OData v4 client: reads entity sets and entities from one service root over the shared HttpClient, and
// creates entities. Server-driven paging (absolute and relative @odata.nextLink), Prefer:
// odata.maxpagesize, $count, ETags with If-None-Match, the OData error JSON mapped to a typed Error,
// unknown properties kept. Callbacks run on the HttpClient's I/O thread.
#pragma once

#include "core/canceltoken.h"
#include "core/result.h"
#include "http/authconfig.h"
#include "odata/odataquery.h"

#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace lakeshore::http {
class HttpClient;
}

namespace lakeshore::odata {

struct ClientConfig
{
    std::string serviceRoot; // absolute, e.g. "http://127.0.0.1:40123/api/data/v9.2/"
    http::AuthConfig auth;
    int timeoutMs = 15000;
    std::size_t maxPageBytes = 16u << 20;
};

struct Page
{
    std::vector<nlohmann::json> rows;
    std::optional<long long> count; // @odata.count, when asked for
    std::string nextLink;           // absolute; empty on the last page
    std::string url;                // the URL read
};

struct Collection
{
    std::vector<nlohmann::json> rows;
    std::optional<long long> count;
    int pages = 0;
    bool truncated = false; // stopped at maxRows with more to read
};

struct Entity
{
    nlohmann::json row;
    std::string etag;
    bool notModified = false; // 304 to an If-None-Match: row is empty, keep the copy you have
};

struct Created
{
    nlohmann::json row;   // the new entity as the service returned it (201); null when it sent none (204)
    std::string entityId; // its absolute URL: OData-EntityId, else Location, else @odata.id; may be empty
    std::string key;      // the key from entityId's parentheses (a GUID, or a string unquoted); may be empty
};

struct PagingLimits
{
    int maxPages = 100;
    std::size_t maxRows = 50000;
};

class Client
{
public:
    Client(http::HttpClient &http, ClientConfig config);
    ~Client();

    // One page of a collection.
    void page(const Query &query, CancelToken cancel, std::function<void(Result<Page>)> done);
    // The page a nextLink points to. Pass the first page's maxPageSize again: the Prefer header is not
    // part of the link, and without it the service falls back to its own (often much larger) page size.
    void nextPage(const std::string &nextLink, CancelToken cancel, std::function<void(Result<Page>)> done,
                  std::optional<int> maxPageSize = std::nullopt);
    // Every page, following nextLinks; a link already read is a Loop error.
    void all(const Query &query, CancelToken cancel, std::function<void(Result<Collection>)> done,
             PagingLimits limits = {});
    // One entity by key (query.key set); etag non-empty sends If-None-Match.
    void entity(const Query &query, const std::string &etag, CancelToken cancel,
                std::function<void(Result<Entity>)> done);
    // POSTs body to the entity set with Prefer: return=representation, and takes either answer: 201 with
    // the entity, or 204 with only OData-EntityId (a service may ignore the preference). A create is not
    // idempotent, so it is never retried after a 5xx, a timeout or a lost connection (it may have been
    // done): only a 429, which says it was refused unprocessed, and a 401 on OAuth2 (one fresh token).
    void create(const std::string &entitySet, const nlohmann::json &body, CancelToken cancel,
                std::function<void(Result<Created>)> done);
    // The entity set names in the service document: a cheap "is this an OData service I can read" probe.
    void serviceDocument(CancelToken cancel, std::function<void(Result<std::vector<std::string>>)> done);

    [[nodiscard]] const ClientConfig &config() const;

private:
    struct State;
    std::shared_ptr<State> m_state;
};

} // namespace lakeshore::odata
