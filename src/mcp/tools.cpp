#include "mcp/tools.h"

namespace lakeshore::mcp {
namespace {

using Json = nlohmann::json;

std::string stringField(const Json &object, const char *key)
{
    const auto it = object.find(key);
    return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

bool boolField(const Json &object, const char *key, bool fallback)
{
    const auto it = object.find(key);
    return it != object.end() && it->is_boolean() ? it->get<bool>() : fallback;
}

Error malformed(std::string what)
{
    return makeError(ErrorKind::Malformed, "the MCP server sent " + std::move(what));
}

ContentBlock readBlock(const Json &value)
{
    ContentBlock block;
    block.raw = value;
    block.type = stringField(value, "type");
    // Peers differ: server-postgres once sent a text block with no text at all; read what is there.
    block.text = stringField(value, "text");
    block.mimeType = stringField(value, "mimeType");
    block.uri = stringField(value, "uri");
    if (block.type == "resource") {
        const auto resource = value.find("resource");
        if (resource != value.end() && resource->is_object()) {
            block.uri = stringField(*resource, "uri");
            block.mimeType = stringField(*resource, "mimeType");
            block.text = stringField(*resource, "text");
        }
    }
    return block;
}

} // namespace

std::string ToolResult::text() const
{
    std::string joined;
    for (const auto &block : content) {
        if (block.text.empty())
            continue;
        if (!joined.empty())
            joined += '\n';
        joined += block.text;
    }
    return joined;
}

Result<Tool> parseTool(const Json &value)
{
    if (!value.is_object())
        return malformed("a tool that is not a JSON object");
    Tool tool;
    tool.name = stringField(value, "name");
    if (tool.name.empty())
        return malformed("a tool without a name");
    tool.title = stringField(value, "title");
    tool.description = stringField(value, "description");
    const auto input = value.find("inputSchema");
    if (input == value.end() || input->is_null())
        tool.inputSchema = Json{{"type", "object"}};
    else if (input->is_object())
        tool.inputSchema = *input;
    else
        return malformed("tool \"" + tool.name + "\" with an inputSchema that is not an object");
    const auto output = value.find("outputSchema");
    if (output != value.end() && output->is_object())
        tool.outputSchema = *output;
    const auto annotations = value.find("annotations");
    if (annotations != value.end() && annotations->is_object()) {
        tool.readOnlyHint = boolField(*annotations, "readOnlyHint", false);
        tool.destructiveHint = boolField(*annotations, "destructiveHint", true);
        if (tool.title.empty())
            tool.title = stringField(*annotations, "title");
    }
    return tool;
}

Result<ToolResult> parseToolResult(const Json &value)
{
    if (!value.is_object())
        return malformed("a tool result that is not a JSON object");
    ToolResult result;
    const auto content = value.find("content");
    if (content != value.end() && !content->is_null()) {
        if (!content->is_array())
            return malformed("a tool result whose content is not a list");
        for (const auto &block : *content) {
            if (!block.is_object())
                return malformed("a tool result content block that is not an object");
            result.content.push_back(readBlock(block));
        }
    }
    const auto structured = value.find("structuredContent");
    if (structured != value.end() && !structured->is_null()) {
        if (!structured->is_object())
            return malformed("structuredContent that is not a JSON object");
        result.structuredContent = *structured;
    }
    if (content == value.end() && result.structuredContent.is_null())
        return malformed("a tool result with neither content nor structuredContent");
    const auto isError = value.find("isError");
    if (isError != value.end() && !isError->is_null()) {
        if (!isError->is_boolean())
            return malformed("a tool result whose isError is not true or false");
        result.isError = isError->get<bool>();
    }
    const auto meta = value.find("_meta");
    if (meta != value.end() && meta->is_object())
        result.meta = *meta;
    return result;
}

Error toolError(const std::string &toolName, const ToolResult &result)
{
    std::string words = result.text();
    if (words.empty() && !result.structuredContent.is_null())
        words = result.structuredContent.dump();
    if (words.empty())
        words = "no details given";
    Error error =
        makeError(ErrorKind::Service, "the MCP tool \"" + toolName + "\" reported an error: " + words);
    error.serviceMessage = std::move(words);
    return error;
}

} // namespace lakeshore::mcp
