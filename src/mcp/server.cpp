#include "mcp/server.h"

#include "mcp/serverdetail.h"

#include <algorithm>

namespace lakeshore::mcp {
inline namespace serving {
namespace {

using Json = nlohmann::json;
using detail::dump;
using detail::errorMessage;

bool validToolName(const std::string &name)
{
    if (name.empty() || name.size() > 64)
        return false;
    return std::all_of(name.begin(), name.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
               c == '-' || c == '.';
    });
}

} // namespace

const std::vector<std::string> &supportedProtocolVersions()
{
    static const std::vector<std::string> versions = {"2025-11-25", "2025-06-18", "2025-03-26", "2024-11-05"};
    return versions;
}

bool isSupportedProtocolVersion(std::string_view version)
{
    const auto &versions = supportedProtocolVersions();
    return std::find(versions.begin(), versions.end(), version) != versions.end();
}

ToolResult ToolResult::text(std::string text)
{
    ToolResult result;
    result.content.push_back({{"type", "text"}, {"text", std::move(text)}});
    return result;
}

ToolResult ToolResult::error(std::string message)
{
    ToolResult result = text(std::move(message));
    result.isError = true;
    return result;
}

ToolResult ToolResult::structured(nlohmann::json object)
{
    ToolResult result = text(dump(object));
    result.structuredContent = std::move(object);
    return result;
}

nlohmann::json ToolResult::toJson() const
{
    Json json = {{"content", content.is_array() ? content : Json::array()}};
    if (!structuredContent.is_null())
        json["structuredContent"] = structuredContent;
    if (isError)
        json["isError"] = true;
    return json;
}

std::variant<Incoming, jsonrpc::ErrorObject> readIncoming(std::string_view text)
{
    if (!Json::accept(text))
        return jsonrpc::ErrorObject{jsonrpc::code::parseError, "Parse error: the message is not valid JSON",
                                    nullptr};
    auto parsed = jsonrpc::parse(text);
    if (!parsed)
        return jsonrpc::ErrorObject{jsonrpc::code::invalidRequest,
                                    "Invalid Request: " + parsed.error().message, nullptr};
    const auto first = text.find_first_not_of(" \t\r\n");
    Incoming incoming;
    incoming.batch = first != std::string_view::npos && text[first] == '[';
    incoming.messages = std::move(parsed.value());
    return incoming;
}

std::string errorWithoutId(const jsonrpc::ErrorObject &error)
{
    return dump(errorMessage(std::nullopt, error.code, error.message, error.data));
}

ToolServer::ToolServer(ServerOptions options) : m_registry(std::make_shared<detail::ToolRegistry>())
{
    m_registry->options = std::move(options);
}

ToolServer::~ToolServer() = default;

Status ToolServer::addTool(Tool tool)
{
    if (!validToolName(tool.name))
        return makeError(ErrorKind::Invalid,
                         "MCP tool name \"" + tool.name +
                             "\" must be 1-64 characters of letters, digits, '_', '-' and '.'");
    if (!tool.handler)
        return makeError(ErrorKind::Invalid, "MCP tool " + tool.name + " has no handler");
    for (const auto *schema : {&tool.inputSchema, &tool.outputSchema})
        if (!schema->is_null() && (!schema->is_object() || schema->value("type", "") != "object"))
            return makeError(ErrorKind::Invalid,
                             "MCP tool " + tool.name + ": schemas must be object schemas");
    std::lock_guard lock(m_registry->mutex);
    for (const auto &existing : m_registry->tools)
        if (existing.name == tool.name)
            return makeError(ErrorKind::Invalid, "MCP tool " + tool.name + " is already registered");
    m_registry->tools.push_back(std::move(tool));
    return okStatus();
}

const ServerOptions &ToolServer::options() const
{
    return m_registry->options;
}

std::vector<std::string> ToolServer::toolNames() const
{
    std::vector<std::string> names;
    for (const auto &tool : m_registry->all())
        names.push_back(tool.name);
    return names;
}

} // namespace serving
} // namespace lakeshore::mcp
