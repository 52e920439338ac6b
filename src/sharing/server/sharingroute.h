// Which Delta Sharing endpoint a request path names. Everything lives under
// /delta-sharing/<tenant>/: the protocol's endpoints below it, and the signed file links at
// /delta-sharing/<tenant>/files/<recipient>/<table>/<file>.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace lakeshore::sharing::server {

inline constexpr std::string_view kSharingPrefix = "/delta-sharing/";

enum class Endpoint {
    ListShares,    // GET  shares
    GetShare,      // GET  shares/{share}
    ListSchemas,   // GET  shares/{share}/schemas
    ListTables,    // GET  shares/{share}/schemas/{schema}/tables
    ListAllTables, // GET  shares/{share}/all-tables
    TableVersion,  // GET  .../tables/{table}/version, or the deprecated HEAD .../tables/{table}
    Metadata,      // GET  .../tables/{table}/metadata
    Query,         // POST .../tables/{table}/query
    Changes,       // GET  .../tables/{table}/changes
    File,          // GET/HEAD files/{recipient}/{table}/{file}
};

struct SharingRoute
{
    Endpoint endpoint = Endpoint::ListShares;
    std::string tenant;
    std::string share;
    std::string schema;
    std::string table;     // a protocol table name, or (files) the table's folder
    std::string recipient; // files only
    std::string file;      // files only
};

// nullopt for a path that names no endpoint. The method is checked by the caller.
[[nodiscard]] std::optional<SharingRoute> parseSharingRoute(std::string_view path, std::string_view method);

// How the audit trail and error messages name an endpoint: "list shares", "query", ...
[[nodiscard]] const char *endpointName(Endpoint endpoint);

// Share, schema and table names compare ignoring case, as the protocol's reference server does.
[[nodiscard]] bool sameName(std::string_view a, std::string_view b);

// The method an endpoint answers ("GET" also answers HEAD).
[[nodiscard]] const char *endpointMethod(Endpoint endpoint);

} // namespace lakeshore::sharing::server
