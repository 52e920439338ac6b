#include "tokenserver.h"

#include "http/httpserver.h"
#include "mcp/serverhttp.h"

#include <QtGlobal>

namespace mcptest {

struct TokenServer::Impl
{
    std::shared_ptr<lakeshore::mcp::ToolServer> tools;
    std::unique_ptr<lakeshore::mcp::HttpEndpoint> endpoint;
    lakeshore::http::HttpServer server;
    std::string url;
};

TokenServer::TokenServer(const std::string &serverName, const std::string &token)
    : m_impl(std::make_unique<Impl>())
{
    lakeshore::mcp::ServerOptions options;
    options.name = serverName;
    m_impl->tools = std::make_shared<lakeshore::mcp::ToolServer>(options);
    lakeshore::mcp::HttpEndpointOptions endpointOptions;
    endpointOptions.bearerToken = token;
    m_impl->endpoint = std::make_unique<lakeshore::mcp::HttpEndpoint>(m_impl->tools, endpointOptions);
    m_impl->endpoint->mount(m_impl->server, "/mcp");
    if (auto started = m_impl->server.start(); !started)
        qFatal("could not start the HTTP server: %s", started.error().message.c_str());
    m_impl->url = m_impl->server.baseUrl() + "/mcp";
}

TokenServer::~TokenServer()
{
    m_impl->endpoint->closeAll();
    m_impl->server.stop();
}

const std::string &TokenServer::url() const
{
    return m_impl->url;
}

} // namespace mcptest
