// Where the shared Delta tables live on disk: <tables root>/<tenant>/<entity>, one folder per CRM
// entity per tenant. The snapshotter writes there and the share server reads there.
#pragma once

#include <string>
#include <string_view>

namespace lakeshore::sharing::snapshot {

// A tenant names a folder and a URL path segment: 1..64 of [A-Za-z0-9._-], not starting with '.'.
// Empty when fine, else why.
[[nodiscard]] std::string tenantNameProblem(std::string_view tenant);

// The tenant the demo CRM's tables are published under.
inline constexpr const char *kDemoTenant = "demo";

// A tenant name for a CRM service root: its host, lower-cased ("https://contoso.crm.example/api" ->
// "contoso.crm.example"), or "crm" when there is none.
[[nodiscard]] std::string tenantForServiceRoot(std::string_view serviceRoot);

// The tables root inside a data folder (next to the settings database): <data folder>/shared-tables.
[[nodiscard]] std::string tablesRootIn(const std::string &dataDirectory);

// <root>/<tenant>/<entity>. The caller has checked the tenant and that entity is shareable.
[[nodiscard]] std::string tableDirectory(const std::string &root, const std::string &tenant,
                                         const std::string &entity);

} // namespace lakeshore::sharing::snapshot
