// ${VAR} expansion in imported MCP configurations, as Claude Code and VS Code do it: ${VAR} and
// ${env:VAR} take the environment variable, ${VAR:-fallback} falls back when it is unset or empty.
// Anything else (${input:id}, ${workspaceFolder}, an unset variable) stays as written and is reported.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lakeshore::mcp {

struct ExpandedText
{
    std::string text;
    std::vector<std::string> unknown; // what stood between ${ and }, for each reference left as written
};

// lookup empty = the process environment.
[[nodiscard]] ExpandedText
expandVariables(std::string_view text,
                const std::function<std::optional<std::string>(const std::string &name)> &lookup);

} // namespace lakeshore::mcp
