// The demo CRM: a Dataverse-like OData v4 service over the generated world.
#pragma once

#include "demo/odataservice.h"
#include "demo/world.h"

#include <memory>

namespace lakeshore::demo {

inline constexpr const char *crmRootPath = "/api/data/v9.2";

// The world must outlive the service.
[[nodiscard]] std::unique_ptr<ODataService> makeCrmService(const World &world);

} // namespace lakeshore::demo
