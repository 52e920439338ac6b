// A generic OData v4.01 JSON server over entity sets whose rows come from scan functions: the engine
// under the demo tenant's CRM (Dataverse-like) and ERP (Business Central-like) services. It answers the
// service document, $metadata, collections with $filter $select $orderby $top $skip $count $expand,
// /$count, single entities by key with ETags, and server-driven paging. Sets are read-only unless they
// have an insert (EntitySetDef::insert), which takes POST to the collection. Faults can be injected per
// entity set, on reads and inserts alike.
#pragma once

#include "core/result.h"
#include "demo/entityset.h"
#include "demo/odatafault.h"
#include "http/httpserver.h"

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace lakeshore::demo {

// Configure (addEntitySet, setMaxPageSize, setRelativeNextLinks) before serving; setFaults,
// requireBearer and requireBasic may change while requests run.
class ODataService
{
public:
    ODataService(std::string schemaNamespace, std::string rootPath); // rootPath like "/api/data/v9.2"
    ~ODataService();
    ODataService(const ODataService &) = delete;
    ODataService &operator=(const ODataService &) = delete;

    void addEntitySet(EntitySetDef set);
    void setMaxPageSize(int rows);             // server-driven paging cap (default 100)
    void setRelativeNextLinks(bool relative);  // default false = absolute links built from the Host header
    void setFaults(std::vector<Fault> faults); // thread-safe, replaces all
    void requireBearer(std::string token);     // empty = no bearer; 401 + WWW-Authenticate otherwise
    // Empty user = no Basic; with a bearer token too, either credential works.
    void requireBasic(std::string user, std::string password);

    // Routes rootPath to handle(). The service must outlive the server.
    void mount(http::HttpServer &server);
    // Thread-safe; used by mount and by tests.
    [[nodiscard]] http::ServerResponse handle(const http::ServerRequest &request) const;
    [[nodiscard]] int requestCount() const; // requests received so far

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace lakeshore::demo
