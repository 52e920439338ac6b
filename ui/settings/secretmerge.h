// Saving or testing a form whose secrets are write-only: the values typed in the GUI, plus the stored
// values of the rows the user left alone, looked up on the disk thread where the store is.
#pragma once

#include "core/result.h"
#include "mcp/lakehouseconfig.h"
#include "mcp/serverconfig.h"

#include <optional>
#include <string>
#include <utility>
#include <vector>

struct KeptSecrets
{
    std::vector<std::pair<std::string, std::string>> env;     // (name now, name stored under)
    std::vector<std::pair<std::string, std::string>> headers; // likewise
    bool bearerToken = false;
};

// Adds the kept values from the stored server. NotFound when a kept value is no longer stored (the server
// was removed or changed meanwhile): the user is asked to type it.
lakeshore::Status mergeStoredSecrets(lakeshore::mcp::McpServerConfig &typed, const KeptSecrets &kept,
                                     const std::optional<lakeshore::mcp::McpServerConfig> &stored);
