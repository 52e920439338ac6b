// Internals of the server role shared by server.cpp (the registry, results) and toolsession.cpp (the
// protocol state of one connection): the tool registry and the JSON-RPC message builders.
#pragma once

#include "mcp/server.h"

#include <mutex>
#include <optional>

namespace lakeshore::mcp {
inline namespace serving {

struct detail::ToolRegistry
{
    ServerOptions options;
    mutable std::mutex mutex;
    std::vector<Tool> tools;

    std::optional<Tool> find(const std::string &name) const
    {
        std::lock_guard lock(mutex);
        for (const auto &tool : tools)
            if (tool.name == name)
                return tool;
        return std::nullopt;
    }

    std::vector<Tool> all() const
    {
        std::lock_guard lock(mutex);
        return tools;
    }
};

namespace detail {

inline std::string dump(const nlohmann::json &json)
{
    // Tool output may hold bytes that are not UTF-8 (SQLite text is whatever was stored): replace them
    // rather than throw.
    return json.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

inline nlohmann::json idJson(const jsonrpc::Id &id)
{
    return std::visit([](const auto &value) { return nlohmann::json(value); }, id);
}

inline nlohmann::json resultMessage(const jsonrpc::Id &id, nlohmann::json result)
{
    return {{"jsonrpc", "2.0"}, {"id", idJson(id)}, {"result", std::move(result)}};
}

inline nlohmann::json errorMessage(const std::optional<jsonrpc::Id> &id, int code, std::string message,
                                   nlohmann::json data = nullptr)
{
    nlohmann::json error = {{"code", code}, {"message", std::move(message)}};
    if (!data.is_null())
        error["data"] = std::move(data);
    return {{"jsonrpc", "2.0"}, {"id", id ? idJson(*id) : nlohmann::json()}, {"error", std::move(error)}};
}

} // namespace detail
} // namespace serving
} // namespace lakeshore::mcp
