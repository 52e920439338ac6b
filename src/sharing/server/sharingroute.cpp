#include "sharing/server/sharingroute.h"

#include <algorithm>
#include <cctype>
#include <vector>

namespace lakeshore::sharing::server {
namespace {

std::vector<std::string_view> segments(std::string_view path)
{
    std::vector<std::string_view> out;
    while (!path.empty()) {
        const std::size_t slash = path.find('/');
        out.push_back(path.substr(0, slash));
        if (slash == std::string_view::npos)
            break;
        path.remove_prefix(slash + 1);
    }
    return out;
}

std::optional<SharingRoute> fileRoute(std::string tenant, const std::vector<std::string_view> &parts)
{
    // files / recipient / table / file: the file is one name, never a path of its own.
    if (parts.size() != 5 || parts[2].empty() || parts[3].empty() || parts[4].empty())
        return std::nullopt;
    SharingRoute route;
    route.endpoint = Endpoint::File;
    route.tenant = std::move(tenant);
    route.recipient = parts[2];
    route.table = parts[3];
    route.file = parts[4];
    return route;
}

} // namespace

std::optional<SharingRoute> parseSharingRoute(std::string_view path, std::string_view method)
{
    if (path.substr(0, kSharingPrefix.size()) != kSharingPrefix)
        return std::nullopt;
    path.remove_prefix(kSharingPrefix.size());
    if (!path.empty() && path.back() == '/')
        path.remove_suffix(1);
    const std::vector<std::string_view> parts = segments(path);
    for (std::string_view part : parts)
        if (part.empty())
            return std::nullopt;
    if (parts.size() < 2)
        return std::nullopt;

    SharingRoute route;
    route.tenant = parts[0];
    if (parts[1] == "files")
        return fileRoute(route.tenant, parts);
    if (parts[1] != "shares")
        return std::nullopt;
    const std::size_t n = parts.size();
    if (n == 2) {
        route.endpoint = Endpoint::ListShares;
        return route;
    }
    route.share = parts[2];
    if (n == 3) {
        route.endpoint = Endpoint::GetShare;
        return route;
    }
    if (n == 4 && parts[3] == "schemas") {
        route.endpoint = Endpoint::ListSchemas;
        return route;
    }
    if (n == 4 && parts[3] == "all-tables") {
        route.endpoint = Endpoint::ListAllTables;
        return route;
    }
    if (n < 6 || parts[3] != "schemas" || parts[5] != "tables")
        return std::nullopt;
    route.schema = parts[4];
    if (n == 6) {
        route.endpoint = Endpoint::ListTables;
        return route;
    }
    route.table = parts[6];
    if (n == 7 && method == "HEAD") {
        route.endpoint = Endpoint::TableVersion;
        return route;
    }
    if (n != 8)
        return std::nullopt;
    const std::string_view action = parts[7];
    if (action == "version")
        route.endpoint = Endpoint::TableVersion;
    else if (action == "metadata")
        route.endpoint = Endpoint::Metadata;
    else if (action == "query")
        route.endpoint = Endpoint::Query;
    else if (action == "changes")
        route.endpoint = Endpoint::Changes;
    else
        return std::nullopt;
    return route;
}

const char *endpointName(Endpoint endpoint)
{
    switch (endpoint) {
    case Endpoint::ListShares:
        return "list shares";
    case Endpoint::GetShare:
        return "get share";
    case Endpoint::ListSchemas:
        return "list schemas";
    case Endpoint::ListTables:
        return "list tables";
    case Endpoint::ListAllTables:
        return "list all tables";
    case Endpoint::TableVersion:
        return "table version";
    case Endpoint::Metadata:
        return "metadata";
    case Endpoint::Query:
        return "query";
    case Endpoint::Changes:
        return "changes";
    case Endpoint::File:
        return "file";
    }
    return "unknown";
}

bool sameName(std::string_view a, std::string_view b)
{
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) ==
                      std::tolower(static_cast<unsigned char>(y));
           });
}

const char *endpointMethod(Endpoint endpoint)
{
    return endpoint == Endpoint::Query ? "POST" : "GET";
}

} // namespace lakeshore::sharing::server
