// "Test connection": read the service document and check the entity sets a connector needs are there.
#pragma once

#include "core/canceltoken.h"
#include "core/result.h"
#include "odata/odataclient.h"
#include "sources/done.h"

#include <functional>
#include <string>
#include <vector>

namespace lakeshore::sources {

struct ServiceProbe
{
    std::vector<std::string> entitySets;
    double elapsedMs = 0;
};

void probeService(odata::Client &client, std::vector<std::string> requiredSets, std::string serviceLabel,
                  CancelToken cancel, Done<ServiceProbe> done);

} // namespace lakeshore::sources
