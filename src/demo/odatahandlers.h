// The answers for one entity set: a collection page, its /$count, a single entity by key, and a POST that
// creates an entity in a set that takes inserts.
#pragma once

#include "demo/entityset.h"
#include "demo/odataquery.h"
#include "demo/odataurl.h"
#include "http/httpserver.h"

#include <string>

namespace lakeshore::demo::odata {

struct SetRequest
{
    const http::ServerRequest &request;
    const EntitySetDef &set;
    const SetLookup &sets;
    QueryList options;      // decoded query options, in request order
    std::string serviceUrl; // "http://host/api/data/v9.2/", or "" for links relative to the service root
    int maxPageSize = 100;
    bool loopNextLink = false;      // injected fault: the next link points at this very page
    std::string absoluteServiceUrl; // for OData-EntityId and Location, absolute even with relative links
};

[[nodiscard]] http::ServerResponse serveCollection(const SetRequest &call);
[[nodiscard]] http::ServerResponse serveCount(const SetRequest &call);
[[nodiscard]] http::ServerResponse serveEntity(const SetRequest &call, const std::string &keyText);
// Needs call.set.insert. 204 with OData-EntityId, or 201 with the entity (shaped by $select) when the
// request prefers return=representation; 415 for a body that is not JSON, 400 for one that is not an object.
[[nodiscard]] http::ServerResponse serveInsert(const SetRequest &call);

} // namespace lakeshore::demo::odata
