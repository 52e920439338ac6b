// The demo CRM: a Dataverse-like OData v4 service over the generated world. Everything is read-only but
// tasks: POST /tasks creates a follow-up task (see CrmTasks::create), kept in memory by the service and
// shown among its account's activitypointers too.
#pragma once

#include "demo/odataservice.h"
#include "demo/world.h"

#include <cstddef>
#include <memory>

namespace lakeshore::demo {

inline constexpr const char *crmRootPath = "/api/data/v9.2";
inline constexpr std::size_t kDefaultMaxTasks = 100000;

// The world must outlive the service. Past maxTasks, creating a task fails with 507.
[[nodiscard]] std::unique_ptr<ODataService> makeCrmService(const World &world,
                                                           std::size_t maxTasks = kDefaultMaxTasks);

} // namespace lakeshore::demo
