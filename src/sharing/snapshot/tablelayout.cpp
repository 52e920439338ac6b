#include "sharing/snapshot/tablelayout.h"

#include <algorithm>
#include <cctype>

namespace lakeshore::sharing::snapshot {

std::string tenantNameProblem(std::string_view tenant)
{
    if (tenant.empty() || tenant.size() > 64)
        return "a tenant name has 1 to 64 characters";
    if (tenant.front() == '.')
        return "a tenant name does not start with '.'";
    const bool allowed = std::all_of(tenant.begin(), tenant.end(), [](unsigned char c) {
        return std::isalnum(c) || c == '.' || c == '_' || c == '-';
    });
    if (!allowed)
        return "a tenant name has only letters, digits, '.', '_' and '-'";
    return {};
}

std::string tenantForServiceRoot(std::string_view serviceRoot)
{
    std::string_view rest = serviceRoot;
    if (auto scheme = rest.find("://"); scheme != std::string_view::npos)
        rest.remove_prefix(scheme + 3);
    rest = rest.substr(0, rest.find_first_of("/?#"));
    if (auto at = rest.rfind('@'); at != std::string_view::npos)
        rest.remove_prefix(at + 1);
    if (!rest.empty() && rest.front() != '[') // keep IPv6 literals whole, drop a port otherwise
        rest = rest.substr(0, rest.find(':'));
    std::string host;
    for (unsigned char c : rest)
        host.push_back(std::isalnum(c) || c == '.' || c == '-' ? static_cast<char>(std::tolower(c)) : '_');
    if (!tenantNameProblem(host).empty())
        return "crm";
    return host;
}

std::string tablesRootIn(const std::string &dataDirectory)
{
    return dataDirectory + "/shared-tables";
}

std::string tableDirectory(const std::string &root, const std::string &tenant, const std::string &entity)
{
    return root + "/" + tenant + "/" + entity;
}

} // namespace lakeshore::sharing::snapshot
