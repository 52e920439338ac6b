// Shared by the HTTP transport tests: a STAND-IN MCP server (a test double; a real server cannot be made to
// answer 404, cut a stream short or send garbage on demand) that is our real HttpServer on a loopback port.
// It records every request and answers with whatever the test scripts, JSON or a live event stream. Plus
// handlers that capture what a transport reports, and reply builders.
#pragma once

#include "asynctest.h"
#include "http/httpserver.h"
#include "mcp/httptransport.h"
#include "mcp/rpcsession.h"

#include <algorithm>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <strings.h>
#include <utility>
#include <vector>

namespace mcptest {

using namespace lakeshore;
using namespace lakeshore::mcp;
using namespace asynctest;
using Json = nlohmann::json;

struct Seen
{
    std::string method;
    http::Headers headers;
    std::string body;

    [[nodiscard]] std::string header(std::string_view name) const
    {
        for (const auto &[key, value] : headers)
            if (key.size() == name.size() && strncasecmp(key.data(), name.data(), name.size()) == 0)
                return value;
        return {};
    }
    [[nodiscard]] bool hasHeader(std::string_view name) const
    {
        for (const auto &[key, value] : headers)
            if (key.size() == name.size() && strncasecmp(key.data(), name.data(), name.size()) == 0)
                return true;
        return false;
    }
    [[nodiscard]] Json json() const { return Json::parse(body, nullptr, false); }
    [[nodiscard]] std::string rpcMethod() const
    {
        const Json message = json();
        return message.is_object() && message.contains("method") && message["method"].is_string()
                   ? message["method"].get<std::string>()
                   : std::string();
    }
};

class StandIn
{
public:
    using Script = std::function<void(const Seen &, http::ServerResponse &)>;

    StandIn()
    {
        m_server.route("/mcp", [this](const http::ServerRequest &in, http::ServerResponse &out) {
            Seen seen{in.method, in.headers, in.body};
            Script script;
            {
                std::lock_guard lock(m_mutex);
                m_seen.push_back(seen);
                script = m_script;
            }
            m_changed.notify_all();
            if (script)
                script(seen, out);
            else
                out.status = 500;
        });
        m_port = m_server.start().value();
    }

    void script(Script script)
    {
        std::lock_guard lock(m_mutex);
        m_script = std::move(script);
    }

    [[nodiscard]] std::string url() const { return "http://127.0.0.1:" + std::to_string(m_port) + "/mcp"; }

    [[nodiscard]] std::vector<Seen> seen() const
    {
        std::lock_guard lock(m_mutex);
        return m_seen;
    }

    // Waits until some request matches; false at the deadline.
    bool waitFor(const std::function<bool(const Seen &)> &match, std::chrono::milliseconds timeout = kTimeout)
    {
        std::unique_lock lock(m_mutex);
        return m_changed.wait_for(lock, timeout,
                                  [&] { return std::any_of(m_seen.begin(), m_seen.end(), match); });
    }

    bool waitForRpc(const std::string &rpcMethod) // a POST of this JSON-RPC method
    {
        return waitFor([&](const Seen &seen) { return seen.rpcMethod() == rpcMethod; });
    }

    [[nodiscard]] std::size_t count(const std::string &httpMethod) const
    {
        std::lock_guard lock(m_mutex);
        return std::count_if(m_seen.begin(), m_seen.end(),
                             [&](const Seen &seen) { return seen.method == httpMethod; });
    }

private:
    http::HttpServer m_server;
    int m_port = 0;
    mutable std::mutex m_mutex;
    std::condition_variable m_changed;
    std::vector<Seen> m_seen;
    Script m_script;
};

// ---- replies ----

inline std::string resultFor(const Json &id, Json result = Json::object())
{
    return Json{{"jsonrpc", "2.0"}, {"id", id}, {"result", std::move(result)}}.dump();
}

inline std::string errorFor(const Json &id, int code, const std::string &message)
{
    return Json{{"jsonrpc", "2.0"}, {"id", id}, {"error", {{"code", code}, {"message", message}}}}.dump();
}

inline std::string progressFor(const Json &token, double progress, double total)
{
    return Json{{"jsonrpc", "2.0"},
                {"method", "notifications/progress"},
                {"params", {{"progressToken", token}, {"progress", progress}, {"total", total}}}}
        .dump();
}

inline std::string sseEvent(const std::string &data, const std::string &id = {})
{
    std::string event = "event: message\n";
    if (!id.empty())
        event += "id: " + id + "\n";
    return event + "data: " + data + "\n\n";
}

inline void replyJson(http::ServerResponse &out, std::string body, int status = 200)
{
    out.status = status;
    out.contentType = "application/json";
    out.body = std::move(body);
}

// A live event stream: the events are written one by one as the stream function runs.
inline void replyEvents(http::ServerResponse &out, std::vector<std::string> events)
{
    out.contentType = "text/event-stream";
    out.stream = [events = std::move(events)](const std::function<bool(std::string_view)> &write) {
        for (const auto &event : events)
            if (!write(event))
                return false;
        return true;
    };
}

inline Json requestId(const Seen &seen)
{
    const Json message = seen.json();
    return message.is_object() && message.contains("id") ? message["id"] : Json();
}

// ---- what a transport reports ----

struct Reports
{
    Capture<std::string> messages;
    Capture<std::pair<jsonrpc::Id, Error>> failures;
    Capture<Error> closed;

    [[nodiscard]] Transport::Handlers handlers() const
    {
        Transport::Handlers handlers;
        handlers.onMessage = messages.callback();
        auto failed = failures.callback();
        handlers.onRequestFailed = [failed](const jsonrpc::Id &id, Error error) {
            failed({id, std::move(error)});
        };
        handlers.onClosed = closed.callback();
        return handlers;
    }
};

inline HttpServerConfig configFor(const std::string &url)
{
    HttpServerConfig config;
    config.url = url;
    return config;
}

// An RpcSession over an HttpTransport; transport stays valid while the session lives.
struct Session
{
    HttpTransport *transport = nullptr;
    std::unique_ptr<RpcSession> rpc;

    explicit Session(HttpServerConfig config)
    {
        auto owned = std::make_unique<HttpTransport>(std::move(config));
        transport = owned.get();
        rpc = std::make_unique<RpcSession>(std::move(owned));
    }

    Result<Json> call(const std::string &method, Json params = Json::object(), CallOptions options = {})
    {
        return await<Json>(
            [&](auto done) { rpc->request(method, std::move(params), std::move(options), std::move(done)); });
    }
};

inline CallOptions withTimeout(int ms)
{
    CallOptions options;
    options.timeoutMs = ms;
    return options;
}

} // namespace mcptest
