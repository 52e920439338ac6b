// The demo ERP: a Business Central-like OData v4 service over the generated world.
#pragma once

#include "demo/odataservice.h"
#include "demo/world.h"

#include <memory>

namespace lakeshore::demo {

inline constexpr const char *erpRootPath = "/api/v2.0/companies(5d1a3f3e-7c55-4e42-9a39-1b2f8e0c0001)";

// The world must outlive the service.
[[nodiscard]] std::unique_ptr<ODataService> makeErpService(const World &world);

} // namespace lakeshore::demo
