#include "connectionsetup.h"

namespace lakeshore::assistant {

namespace {

Error unusable(const mcp::LakehouseConnection &connection, const std::string &why)
{
    return makeError(ErrorKind::Invalid,
                     "the lakehouse connection \"" + connection.name + "\" cannot be used: " + why);
}

} // namespace

Route assistantRoute(mcp::LakehouseRoute route)
{
    switch (route) {
    case mcp::LakehouseRoute::Llm:
        return Route::Llm;
    case mcp::LakehouseRoute::ServerNl:
        return Route::ServerNl;
    case mcp::LakehouseRoute::Semantic:
        break;
    }
    return Route::Semantic;
}

SqlDialect assistantDialect(mcp::LakehouseDialect dialect)
{
    switch (dialect) {
    case mcp::LakehouseDialect::Databricks:
        return SqlDialect::Databricks;
    case mcp::LakehouseDialect::Snowflake:
        return SqlDialect::Snowflake;
    case mcp::LakehouseDialect::Postgres:
        return SqlDialect::PostgreSQL;
    case mcp::LakehouseDialect::Sqlite:
        return SqlDialect::SQLite;
    case mcp::LakehouseDialect::Generic:
        break;
    }
    return SqlDialect::Generic;
}

Result<LakehouseSetup> setupForConnection(const mcp::LakehouseConnection &connection,
                                          const mcp::McpServerConfig &server)
{
    if (auto valid = mcp::validateLakehouseConnection(connection); !valid)
        return valid.error();
    if (server.id != connection.serverId)
        return unusable(connection, "its MCP server is not stored any more");
    if (auto valid = mcp::validateServerConfig(server); !valid)
        return unusable(connection, valid.error().message);
    if (!server.enabled)
        return unusable(connection, "its MCP server \"" + server.name + "\" is turned off");
    auto meta = mcp::parseMeta(connection.meta);
    if (!meta)
        return unusable(connection, meta.error().message);

    LakehouseSetup setup;
    setup.label = connection.name;
    setup.transport = mcp::transportFactory(server);
    setup.clientOptions = mcp::clientOptions(server);
    setup.route = assistantRoute(connection.route);
    setup.sqlTool = connection.sqlTool;
    setup.sqlArgument = connection.sqlArgument;
    setup.dialect = assistantDialect(connection.dialect);
    if (!meta.value().empty())
        setup.meta = std::move(meta.value());
    setup.maxRows = connection.maxRows;
    setup.callTimeoutMs = server.timeoutMs;
    if (setup.route == Route::Llm) {
        setup.chat.baseUrl = connection.llm.baseUrl;
        setup.chat.model = connection.llm.model;
        setup.chat.apiKey = connection.llm.apiKey;
    }
    return setup;
}

} // namespace lakeshore::assistant
