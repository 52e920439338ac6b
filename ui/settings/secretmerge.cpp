#include "secretmerge.h"

using namespace lakeshore;

namespace {

Status keep(std::map<std::string, std::string> &into,
            const std::vector<std::pair<std::string, std::string>> &kept,
            const std::map<std::string, std::string> *stored, const char *what)
{
    for (const auto &[name, storedName] : kept) {
        const auto found =
            stored ? stored->find(storedName) : std::map<std::string, std::string>::const_iterator();
        if (!stored || found == stored->end())
            return makeError(ErrorKind::NotFound, std::string("the stored value of ") + what + " '" +
                                                      storedName + "' is gone; type it again");
        into[name] = found->second;
    }
    return okStatus();
}

} // namespace

Status mergeStoredSecrets(mcp::McpServerConfig &typed, const KeptSecrets &kept,
                          const std::optional<mcp::McpServerConfig> &stored)
{
    if (auto env = keep(typed.env, kept.env, stored ? &stored->env : nullptr, "environment variable"); !env)
        return env;
    if (auto headers = keep(typed.headers, kept.headers, stored ? &stored->headers : nullptr, "header");
        !headers)
        return headers;
    if (kept.bearerToken) {
        if (!stored || stored->bearerToken.empty())
            return makeError(ErrorKind::NotFound, "the stored bearer token is gone; type it again");
        typed.bearerToken = stored->bearerToken;
    }
    return okStatus();
}
