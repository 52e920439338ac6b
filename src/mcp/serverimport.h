// Importing MCP servers from the JSON other clients keep them in: Claude Desktop / Claude Code / Cursor
// ({"mcpServers": {...}}), VS Code (.vscode/mcp.json {"servers": {...}}, or settings.json {"mcp":
// {"servers": {...}}}); comments are allowed, as in VS Code's files. An entry with "command" is a stdio
// server; one with "url" is Streamable HTTP (type "http", "streamable-http" or none); type "sse" is the
// legacy HTTP+SSE transport, which Lakeshore does not speak, so it is refused with the reason. ${VAR} and
// ${env:VAR} are expanded from the environment; an unknown one is left as written, with a warning.
// Nothing here starts a process: the caller shows launchSummary() of each server and asks first.
#pragma once

#include "core/result.h"
#include "mcp/serverconfig.h"

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lakeshore::mcp {

inline constexpr std::size_t kMaxImportBytes = 1u << 20;

struct ImportIssue
{
    enum class Severity { Warning, Refused };
    std::string entry; // the server's name as written in the file
    Severity severity = Severity::Warning;
    std::string message; // one English sentence, never containing a secret value
};

struct ImportedServers
{
    std::vector<McpServerConfig> servers; // in file order, each passing validateServerConfig()
    std::vector<std::string> entryNames;  // servers[i] was called entryNames[i] in the file (before renaming)
    std::vector<ImportIssue> issues;      // in file order; a refused entry is not in servers
    std::string format;                   // "mcpServers", "servers" or "mcp.servers": where they were found
};

struct ImportOptions
{
    // The environment for ${VAR}; unset = the process environment (getenv).
    std::function<std::optional<std::string>(const std::string &name)> lookupEnv;
    // Names already in use (compared without regard to case); a clash is renamed "<name> (2)", ...
    std::vector<std::string> existingNames;
};

// The file as a whole is an error (ErrorKind::Invalid): over 1 MB, not JSON (with line and column),
// not an object, or no server map in it. Single entries are refused or warned about in issues.
[[nodiscard]] Result<ImportedServers> importMcpServers(std::string_view text,
                                                       const ImportOptions &options = {});

} // namespace lakeshore::mcp
