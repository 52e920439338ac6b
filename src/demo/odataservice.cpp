#include "demo/odataservice.h"

#include "demo/odataauth.h"
#include "demo/odatafaultbook.h"
#include "demo/odatahandlers.h"
#include "demo/odatametadata.h"
#include "demo/odataresponse.h"
#include "demo/odataurl.h"

#include <atomic>
#include <chrono>
#include <mutex>
#include <optional>
#include <thread>

namespace lakeshore::demo {

using namespace odata;

namespace {

http::ServerResponse faultStatusResponse(const Fault &fault, const AuthPolicy &auth)
{
    auto response = errorResponse(fault.status, "Injected fault: HTTP " + std::to_string(fault.status) + ".");
    if ((fault.status == 429 || fault.status == 503) && fault.retryAfterSeconds >= 0)
        response.setHeader("Retry-After", std::to_string(fault.retryAfterSeconds));
    if (fault.status == 401)
        auth.challenge(response);
    return response;
}

// Cut the body in half and end it with bytes no JSON or XML parser accepts there.
void garble(http::ServerResponse &response)
{
    response.body.resize(response.body.size() / 2);
    response.body += "<!--\x01";
}

void pad(http::ServerResponse &response, std::size_t targetBytes)
{
    if (response.body.size() >= targetBytes)
        return;
    const std::size_t fill = targetBytes - response.body.size();
    if (!response.body.empty() && response.body.front() == '{') {
        const std::string head = "\"@lakeshore.padding\":\"";
        const std::size_t overhead = head.size() + 2;
        const bool more = response.body.size() > 1 && response.body[1] != '}';
        response.body.insert(1, head + std::string(fill > overhead ? fill - overhead : 0, 'x') +
                                    (more ? "\"," : "\""));
    } else if (response.contentType.find("xml") != std::string::npos) {
        response.body += "<!--" + std::string(fill, 'x') + "-->\n";
    }
}

} // namespace

struct ODataService::Impl
{
    std::string schemaNamespace;
    std::string rootPath;
    std::vector<EntitySetDef> sets;
    std::string metadata;
    int maxPageSize = 100;
    bool relativeLinks = false;
    std::atomic<int> requests{0};

    std::mutex mutex; // guards faults and auth
    std::shared_ptr<FaultBook> faults;
    AuthPolicy auth;

    const EntitySetDef *findSet(std::string_view name) const
    {
        for (const auto &set : sets)
            if (set.name == name)
                return &set;
        return nullptr;
    }

    http::ServerResponse serve(const http::ServerRequest &request)
    {
        const std::string &path = request.path;
        if (path.rfind(rootPath, 0) != 0 || (path.size() > rootPath.size() && path[rootPath.size()] != '/'))
            return errorResponse(404, "No resource at " + path + ".");
        auto resource = parseResourcePath(std::string_view(path).substr(rootPath.size()));
        if (!resource.ok())
            return errorResponse(resource.error());

        std::shared_ptr<FaultBook> faultBook;
        AuthPolicy policy;
        {
            std::lock_guard lock(mutex);
            faultBook = faults;
            policy = auth;
        }
        if (!policy.allows(request)) {
            auto response = errorResponse(401, "Authentication required.");
            policy.challenge(response);
            return response;
        }
        const ResourcePath &target = resource.value();
        if (auto refusal = refuseMethod(request.method, target))
            return *refusal;

        const std::string faultTarget =
            target.kind == ResourcePath::Kind::Metadata ? "$metadata" : target.set;
        std::optional<Fault> fault;
        if (faultBook)
            fault = faultBook->take(faultTarget);
        if (fault && fault->latencyMs > 0)
            std::this_thread::sleep_for(std::chrono::milliseconds(fault->latencyMs));
        if (fault && fault->status != 0)
            return faultStatusResponse(*fault, policy);
        if (fault && fault->body == Fault::Body::ODataError)
            return detailedErrorResponse(faultTarget);

        auto response = route(request, target, fault && fault->body == Fault::Body::NextLinkLoop);
        if (fault && (response.status == 200 || response.status == 201)) {
            if (fault->body == Fault::Body::Malformed)
                garble(response);
            else if (fault->body == Fault::Body::Huge)
                pad(response, fault->hugeBytes);
        }
        return response;
    }

    // Reads everywhere; POST only to the collection of a set that takes inserts.
    std::optional<http::ServerResponse> refuseMethod(const std::string &method,
                                                     const ResourcePath &target) const
    {
        if (method == "GET" || method == "HEAD")
            return std::nullopt;
        const EntitySetDef *set =
            target.kind == ResourcePath::Kind::Collection ? findSet(target.set) : nullptr;
        if (target.kind == ResourcePath::Kind::Collection && !set)
            return errorResponse(404, "No entity set named '" + target.set + "'.");
        const bool insertable = set && set->insert;
        if (method == "POST" && insertable)
            return std::nullopt;
        auto response = errorResponse(
            405, "Method " + method + " is not supported here; " +
                     (insertable ? target.set + " takes GET and POST." : "this resource is read-only."));
        response.setHeader("Allow", insertable ? "GET, HEAD, POST" : "GET, HEAD");
        return response;
    }

    std::string absoluteServiceUrl(const http::ServerRequest &request) const
    {
        std::string host = request.header("Host");
        if (host.empty())
            host = "localhost";
        return "http://" + host + rootPath + "/";
    }

    std::string serviceUrl(const http::ServerRequest &request) const
    {
        return relativeLinks ? std::string() : absoluteServiceUrl(request);
    }

    http::ServerResponse route(const http::ServerRequest &request, const ResourcePath &target,
                               bool loopNextLink)
    {
        if (target.kind == ResourcePath::Kind::ServiceDocument)
            return jsonResponse(serviceDocument(serviceUrl(request) + "$metadata", sets));
        if (target.kind == ResourcePath::Kind::Metadata) {
            http::ServerResponse response;
            response.contentType = "application/xml;charset=utf-8";
            response.body = metadata;
            response.setHeader("OData-Version", "4.0");
            return response;
        }
        const EntitySetDef *set = findSet(target.set);
        if (!set)
            return errorResponse(404, "No entity set named '" + target.set + "'.");

        const SetLookup lookup = [this](std::string_view name) { return findSet(name); };
        // The raw query keeps the client's order, so next links read like the request.
        QueryList options;
        if (!request.rawQuery.empty())
            options = parseQueryString(request.rawQuery);
        else
            options.assign(request.params.begin(), request.params.end());
        SetRequest call{request,
                        *set,
                        lookup,
                        std::move(options),
                        serviceUrl(request),
                        maxPageSize,
                        loopNextLink,
                        absoluteServiceUrl(request)};
        if (request.method == "POST")
            return serveInsert(call);
        switch (target.kind) {
        case ResourcePath::Kind::Count:
            return serveCount(call);
        case ResourcePath::Kind::Entity:
            return serveEntity(call, target.keyText);
        default:
            return serveCollection(call);
        }
    }
};

ODataService::ODataService(std::string schemaNamespace, std::string rootPath)
    : m_impl(std::make_unique<Impl>())
{
    while (!rootPath.empty() && rootPath.back() == '/')
        rootPath.pop_back();
    m_impl->schemaNamespace = std::move(schemaNamespace);
    m_impl->rootPath = std::move(rootPath);
    m_impl->metadata = metadataXml(m_impl->schemaNamespace, m_impl->sets);
}

ODataService::~ODataService() = default;

void ODataService::addEntitySet(EntitySetDef set)
{
    m_impl->sets.push_back(std::move(set));
    m_impl->metadata = metadataXml(m_impl->schemaNamespace, m_impl->sets);
}

void ODataService::setMaxPageSize(int rows)
{
    m_impl->maxPageSize = rows > 0 ? rows : 1;
}

void ODataService::setRelativeNextLinks(bool relative)
{
    m_impl->relativeLinks = relative;
}

void ODataService::setFaults(std::vector<Fault> faults)
{
    auto book = faults.empty() ? nullptr : std::make_shared<FaultBook>(std::move(faults));
    std::lock_guard lock(m_impl->mutex);
    m_impl->faults = std::move(book);
}

void ODataService::requireBearer(std::string token)
{
    std::lock_guard lock(m_impl->mutex);
    m_impl->auth.bearerToken = std::move(token);
}

void ODataService::requireBasic(std::string user, std::string password)
{
    std::lock_guard lock(m_impl->mutex);
    m_impl->auth.basicCredentials = user.empty() ? std::string() : base64(user + ":" + password);
}

void ODataService::mount(http::HttpServer &server)
{
    server.route(m_impl->rootPath, [this](const http::ServerRequest &request,
                                          http::ServerResponse &response) { response = handle(request); });
}

http::ServerResponse ODataService::handle(const http::ServerRequest &request) const
{
    m_impl->requests.fetch_add(1);
    return m_impl->serve(request);
}

int ODataService::requestCount() const
{
    return m_impl->requests.load();
}

} // namespace lakeshore::demo
