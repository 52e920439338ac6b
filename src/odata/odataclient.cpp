#include "odata/odataclient.h"

#include "http/authenticator.h"
#include "http/httpclient.h"
#include "http/url.h"
#include "odata/odataerror.h"

#include <set>

namespace lakeshore::odata {
namespace {

using Json = nlohmann::json;
using Reply = std::function<void(Result<http::Response>)>;

Result<Json> parseJson(const std::string &body)
{
    try {
        return Json::parse(body);
    } catch (const Json::parse_error &error) {
        return makeError(ErrorKind::Malformed, "the reply is not valid JSON (byte " +
                                                   std::to_string(error.byte) + " of " +
                                                   std::to_string(body.size()) + ")");
    }
}

// The error a reply stands for, unless it is a 200.
std::optional<Error> failureOf(const Result<http::Response> &result)
{
    if (!result)
        return result.error();
    if (result.value().status != 200)
        return errorFromResponse(result.value());
    return std::nullopt;
}

// The key inside an entity URL's last parentheses: "…/tasks(5f0c…)" -> "5f0c…", "…(id='A''1')" -> "A'1".
std::string keyOf(const std::string &entityId)
{
    const std::size_t open = entityId.rfind('(');
    if (open == std::string::npos || entityId.back() != ')')
        return {};
    std::string key = http::percentDecode(entityId.substr(open + 1, entityId.size() - open - 2), false);
    const std::size_t equals = key.find('=');
    if (equals != std::string::npos && key.find('\'') > equals)
        key = key.substr(equals + 1);
    if (key.size() < 2 || key.front() != '\'' || key.back() != '\'')
        return key;
    std::string text;
    for (std::size_t i = 1; i + 1 < key.size(); ++i) {
        text += key[i];
        if (key[i] == '\'' && key[i + 1] == '\'')
            ++i;
    }
    return text;
}

Result<Created> createdFrom(const http::Response &response)
{
    Created created;
    if (response.body.find_first_not_of(" \t\r\n") != std::string::npos) {
        auto json = parseJson(response.body);
        if (!json)
            return json.error();
        if (!json.value().is_object())
            return makeError(ErrorKind::Malformed, "the reply to the create is not an entity");
        created.row = std::move(json.value());
    }
    std::string id = response.header("OData-EntityId");
    if (id.empty())
        id = response.header("Location");
    if (id.empty() && created.row.contains("@odata.id") && created.row["@odata.id"].is_string())
        id = created.row["@odata.id"].get<std::string>();
    if (!id.empty()) {
        auto resolved = http::resolveUrl(response.url, id);
        created.entityId = resolved ? resolved.value() : id;
        created.key = keyOf(created.entityId);
    }
    if (created.row.is_null() && created.entityId.empty())
        return makeError(ErrorKind::Malformed, "the service answered HTTP " +
                                                   std::to_string(response.status) +
                                                   " with neither the new entity nor its OData-EntityId: it "
                                                   "may have created it, but its id is unknown");
    return created;
}

Result<Page> pageFrom(const http::Response &response)
{
    auto json = parseJson(response.body);
    if (!json)
        return json.error();
    Json &root = json.value();
    if (!root.is_object() || !root.contains("value") || !root["value"].is_array())
        return makeError(ErrorKind::Malformed, "the reply has no \"value\" array of entities");
    Page page;
    page.url = response.url;
    for (auto &row : root["value"]) {
        if (!row.is_object())
            return makeError(ErrorKind::Malformed,
                             "the reply's \"value\" holds something that is not an entity");
        page.rows.push_back(std::move(row));
    }
    if (root.contains("@odata.count")) {
        const Json &count = root["@odata.count"];
        if (count.is_number_integer())
            page.count = count.get<long long>();
        else if (count.is_string()) // IEEE754Compatible servers send it as a string
            page.count = std::atoll(count.get<std::string>().c_str());
    }
    if (root.contains("@odata.nextLink")) {
        if (!root["@odata.nextLink"].is_string())
            return makeError(ErrorKind::Malformed, "@odata.nextLink is not a string");
        auto resolved = http::resolveUrl(response.url, root["@odata.nextLink"].get<std::string>());
        if (!resolved)
            return resolved.error();
        page.nextLink = resolved.value();
    }
    return page;
}

} // namespace

struct Client::State : std::enable_shared_from_this<State>
{
    http::HttpClient &http;
    ClientConfig config;
    http::Authenticator authenticator;

    State(http::HttpClient &h, ClientConfig c)
        : http(h), config(std::move(c)), authenticator(h, config.auth, config.timeoutMs)
    {
    }

    struct Call
    {
        std::string method = "GET";
        std::string url;
        http::Headers extra;
        std::string body;
    };

    // A request with the OData headers and authorization; one fresh token and retry after a 401 on OAuth2
    // (a 401 was refused, so even a POST may go again). Anything but a GET is sent as not idempotent.
    void send(Call call, CancelToken cancel, Reply done, bool mayRenewToken = true)
    {
        auto self = shared_from_this();
        authenticator.authorization([self, call = std::move(call), cancel, done = std::move(done),
                                     mayRenewToken](Result<std::string> auth) {
            if (!auth) {
                done(auth.error());
                return;
            }
            http::Request request;
            request.method = call.method;
            request.url = call.url;
            request.body = call.body;
            request.idempotent = call.method == "GET";
            request.timeoutMs = self->config.timeoutMs;
            request.maxResponseBytes = self->config.maxPageBytes;
            request.headers = {{"Accept", "application/json;odata.metadata=minimal"},
                               {"OData-Version", "4.0"},
                               {"OData-MaxVersion", "4.0"}};
            if (!auth.value().empty())
                request.headers.emplace_back("Authorization", auth.value());
            request.headers.insert(request.headers.end(), call.extra.begin(), call.extra.end());
            self->http.send(std::move(request), cancel,
                            [self, call, cancel, done, mayRenewToken](Result<http::Response> result) {
                                const bool oauth =
                                    self->config.auth.kind == http::AuthKind::OAuth2ClientCredentials;
                                if (result && result.value().status == 401 && oauth && mayRenewToken) {
                                    self->authenticator.invalidate();
                                    self->send(call, cancel, done, false);
                                    return;
                                }
                                done(std::move(result));
                            });
        });
    }

    void get(std::string url, http::Headers extra, CancelToken cancel, Reply done)
    {
        send({"GET", std::move(url), std::move(extra), {}}, cancel, std::move(done));
    }

    void readPage(std::string url, std::optional<int> maxPageSize, CancelToken cancel,
                  std::function<void(Result<Page>)> done)
    {
        http::Headers extra;
        if (maxPageSize)
            extra.emplace_back("Prefer", "odata.maxpagesize=" + std::to_string(*maxPageSize));
        get(std::move(url), std::move(extra), cancel,
            [done = std::move(done)](Result<http::Response> result) {
                if (auto failure = failureOf(result)) {
                    done(*failure);
                    return;
                }
                done(pageFrom(result.value()));
            });
    }

    // Some servers (SAP's fe-mockserver) answer the service root with the AtomPub XML document whatever
    // the Accept header says, and JSON only to $format=json: so a non-JSON reply is asked for once more.
    void readServiceDocument(std::string url, bool mayAskForJson, CancelToken cancel,
                             std::function<void(Result<std::vector<std::string>>)> done)
    {
        auto self = shared_from_this();
        get(url, {}, cancel,
            [self, url, mayAskForJson, cancel, done = std::move(done)](Result<http::Response> result) {
                if (auto failure = failureOf(result)) {
                    done(*failure);
                    return;
                }
                auto json = parseJson(result.value().body);
                if (!json && mayAskForJson) {
                    self->readServiceDocument(url + "?$format=json", false, cancel, done);
                    return;
                }
                if (!json) {
                    done(json.error());
                    return;
                }
                const Json &root = json.value();
                if (!root.is_object() || !root.contains("value") || !root["value"].is_array()) {
                    done(makeError(ErrorKind::Malformed,
                                   "not an OData service document (no \"value\" array)"));
                    return;
                }
                std::vector<std::string> names;
                for (const auto &entry : root["value"])
                    if (entry.is_object() && entry.contains("name") && entry["name"].is_string())
                        names.push_back(entry["name"].get<std::string>());
                done(std::move(names));
            });
    }

    struct Walk
    {
        Collection collection;
        std::set<std::string> seen;
        std::optional<int> maxPageSize;
        PagingLimits limits;
        CancelToken cancel;
        std::function<void(Result<Collection>)> done;
    };

    void walk(std::shared_ptr<Walk> state, std::string url)
    {
        state->seen.insert(url);
        auto self = shared_from_this();
        readPage(url, state->maxPageSize, state->cancel, [self, state](Result<Page> result) {
            if (!result) {
                state->done(result.error());
                return;
            }
            Page &page = result.value();
            Collection &collection = state->collection;
            ++collection.pages;
            if (page.count && !collection.count)
                collection.count = page.count;
            for (auto &row : page.rows) {
                if (collection.rows.size() >= state->limits.maxRows) {
                    collection.truncated = true;
                    break;
                }
                collection.rows.push_back(std::move(row));
            }
            if (page.nextLink.empty() || collection.truncated) {
                state->done(std::move(collection));
                return;
            }
            if (state->seen.count(page.nextLink)) {
                state->done(makeError(ErrorKind::Loop, "the service's next-page link points back to a page "
                                                       "already read (" +
                                                           page.nextLink + ")"));
                return;
            }
            if (collection.pages >= state->limits.maxPages) {
                collection.truncated = true;
                state->done(std::move(collection));
                return;
            }
            self->walk(state, page.nextLink);
        });
    }
};

Client::Client(http::HttpClient &http, ClientConfig config)
    : m_state(std::make_shared<State>(http, std::move(config)))
{
}

Client::~Client() = default;

const ClientConfig &Client::config() const
{
    return m_state->config;
}

void Client::page(const Query &query, CancelToken cancel, std::function<void(Result<Page>)> done)
{
    m_state->readPage(http::joinUrl(m_state->config.serviceRoot, query.toRelativeUrl()), query.maxPageSize,
                      cancel, std::move(done));
}

void Client::nextPage(const std::string &nextLink, CancelToken cancel, std::function<void(Result<Page>)> done,
                      std::optional<int> maxPageSize)
{
    m_state->readPage(nextLink, maxPageSize, cancel, std::move(done));
}

void Client::all(const Query &query, CancelToken cancel, std::function<void(Result<Collection>)> done,
                 PagingLimits limits)
{
    auto walk = std::make_shared<State::Walk>();
    walk->maxPageSize = query.maxPageSize;
    walk->limits = limits;
    walk->cancel = cancel;
    walk->done = std::move(done);
    m_state->walk(walk, http::joinUrl(m_state->config.serviceRoot, query.toRelativeUrl()));
}

void Client::entity(const Query &query, const std::string &etag, CancelToken cancel,
                    std::function<void(Result<Entity>)> done)
{
    http::Headers extra;
    if (!etag.empty())
        extra.emplace_back("If-None-Match", etag);
    m_state->get(http::joinUrl(m_state->config.serviceRoot, query.toRelativeUrl()), std::move(extra), cancel,
                 [done = std::move(done)](Result<http::Response> result) {
                     if (!result) {
                         done(result.error());
                         return;
                     }
                     const http::Response &response = result.value();
                     Entity entity;
                     entity.etag = response.header("ETag");
                     if (response.status == 304) {
                         entity.notModified = true;
                         done(std::move(entity));
                         return;
                     }
                     if (response.status != 200) {
                         done(errorFromResponse(response));
                         return;
                     }
                     auto json = parseJson(response.body);
                     if (!json) {
                         done(json.error());
                         return;
                     }
                     if (!json.value().is_object()) {
                         done(makeError(ErrorKind::Malformed, "the reply is not an entity"));
                         return;
                     }
                     entity.row = std::move(json.value());
                     if (entity.etag.empty() && entity.row.contains("@odata.etag") &&
                         entity.row["@odata.etag"].is_string())
                         entity.etag = entity.row["@odata.etag"].get<std::string>();
                     done(std::move(entity));
                 });
}

void Client::create(const std::string &entitySet, const nlohmann::json &body, CancelToken cancel,
                    std::function<void(Result<Created>)> done)
{
    State::Call call;
    call.method = "POST";
    call.url = http::joinUrl(m_state->config.serviceRoot, http::percentEncode(entitySet));
    call.extra = {{"Content-Type", "application/json"}, {"Prefer", "return=representation"}};
    call.body = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    m_state->send(std::move(call), cancel, [done = std::move(done)](Result<http::Response> result) {
        if (!result) {
            done(result.error());
            return;
        }
        const int status = result.value().status;
        if (status < 200 || status >= 300) {
            done(errorFromResponse(result.value()));
            return;
        }
        done(createdFrom(result.value()));
    });
}

void Client::serviceDocument(CancelToken cancel, std::function<void(Result<std::vector<std::string>>)> done)
{
    std::string root = m_state->config.serviceRoot;
    if (root.empty() || root.back() != '/')
        root += '/';
    m_state->readServiceDocument(root, true, cancel, std::move(done));
}

} // namespace lakeshore::odata
