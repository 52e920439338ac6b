// The answers for one entity set: a collection page, its /$count, and a single entity by key.
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
    bool loopNextLink = false; // injected fault: the next link points at this very page
};

[[nodiscard]] http::ServerResponse serveCollection(const SetRequest &call);
[[nodiscard]] http::ServerResponse serveCount(const SetRequest &call);
[[nodiscard]] http::ServerResponse serveEntity(const SetRequest &call, const std::string &keyText);

} // namespace lakeshore::demo::odata
