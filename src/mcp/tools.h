// MCP tools as the client sees them: tool descriptions from tools/list and results of tools/call, read
// leniently where peers differ in harmless ways and strictly where a wrong shape would mislead.
#pragma once

#include "core/result.h"

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace lakeshore::mcp {

struct Tool
{
    std::string name;
    std::string title;
    std::string description;
    nlohmann::json inputSchema;  // kept raw (draft-07 or 2020-12) for a model to read
    nlohmann::json outputSchema; // null when absent
    // Hints only, and only as trustworthy as the server: the guard still checks every SQL text.
    bool readOnlyHint = false;
    bool destructiveHint = true;
};

struct ContentBlock
{
    std::string type;     // text, image, audio, resource_link, resource, or what the server sent
    std::string text;     // text blocks, and embedded text resources
    std::string mimeType; // image/audio/resource
    std::string uri;      // resource_link/resource
    nlohmann::json raw;   // the block as sent
};

struct ToolResult
{
    std::vector<ContentBlock> content;
    nlohmann::json structuredContent; // an object, or null when absent
    bool isError = false;
    nlohmann::json meta; // the result's _meta, or null

    // The text blocks joined by newlines.
    [[nodiscard]] std::string text() const;
};

[[nodiscard]] Result<Tool> parseTool(const nlohmann::json &value);
[[nodiscard]] Result<ToolResult> parseToolResult(const nlohmann::json &value);

// An isError result as an Error a person can read: ErrorKind::Service, the tool's own words in
// serviceMessage.
[[nodiscard]] Error toolError(const std::string &toolName, const ToolResult &result);

} // namespace lakeshore::mcp
