#include "mcp/serverhttp.h"

#include "crypto/encoding.h"
#include "crypto/random.h"
#include "http/httpserver.h"
#include "mcp/httpguards.h"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <map>
#include <mutex>

namespace lakeshore::mcp {
namespace {

using Json = nlohmann::json;
using Clock = std::chrono::steady_clock;

constexpr int kBadRequest = -32000; // transport-level refusals, as the reference SDK answers them

struct Entry
{
    std::unique_ptr<ToolSession> session;
    std::atomic<Clock::rep> lastUsed{Clock::now().time_since_epoch().count()};
    std::atomic<bool> ended{false};

    void touch() { lastUsed = Clock::now().time_since_epoch().count(); }
};

// One POST's wait for its answer.
struct Waiter
{
    std::mutex mutex;
    std::condition_variable done;
    bool answered = false;
    std::optional<std::string> answer;

    Replies replies()
    {
        Replies replies;
        // Whole-body JSON replies cannot carry notifications ahead of the answer: progress is dropped.
        replies.answer = [this](std::optional<std::string> message) {
            {
                std::lock_guard lock(mutex);
                answered = true;
                answer = std::move(message);
            }
            done.notify_all();
        };
        return replies;
    }

    std::optional<std::string> wait()
    {
        std::unique_lock lock(mutex);
        done.wait(lock, [&] { return answered; });
        return std::move(answer);
    }
};

void refuse(http::ServerResponse &response, int status, int code, std::string message, Json data = nullptr)
{
    response.status = status;
    response.contentType = "application/json";
    response.body = errorWithoutId({code, std::move(message), std::move(data)});
}

Result<std::string> mintSessionId()
{
    auto bytes = crypto::randomBytes(32);
    if (!bytes)
        return bytes.error();
    return crypto::base64UrlEncode(bytes.value()); // [A-Za-z0-9_-]: visible ASCII, as the spec asks
}

bool isInitialize(const Incoming &incoming)
{
    if (incoming.batch || incoming.messages.size() != 1)
        return false;
    const auto *request = std::get_if<jsonrpc::Request>(&incoming.messages.front());
    return request && request->method == "initialize";
}

} // namespace

struct HttpEndpoint::Impl
{
    std::shared_ptr<ToolServer> server;
    HttpEndpointOptions options;
    std::string path;
    mutable std::mutex mutex;
    std::map<std::string, std::shared_ptr<Entry>> sessions;
    bool closing = false;

    void handle(const http::ServerRequest &request, http::ServerResponse &response)
    {
        if (request.path != path) {
            refuse(response, 404, kBadRequest, "Not Found: the MCP endpoint is " + path);
            return;
        }
        if (!httpguards::originAllowed(request.header("Origin"), options.allowedOrigins)) {
            refuse(response, 403, kBadRequest,
                   "Forbidden: Origin " + request.header("Origin") + " is not allowed");
            return;
        }
        if (!httpguards::hostAllowed(request.header("Host"), options.allowedHosts)) {
            refuse(response, 403, kBadRequest,
                   "Forbidden: Host " + request.header("Host") + " is not allowed");
            return;
        }
        if (!options.bearerToken.empty()) {
            const std::string authorization = request.header("Authorization");
            if (!httpguards::bearerMatches(authorization, options.bearerToken)) {
                refuse(response, 401, kBadRequest, "Unauthorized: a valid bearer token is required");
                response.setHeader("WWW-Authenticate", authorization.empty()
                                                           ? R"(Bearer realm="mcp")"
                                                           : R"(Bearer realm="mcp", error="invalid_token")");
                return;
            }
        }
        {
            std::lock_guard lock(mutex);
            if (closing) {
                refuse(response, 503, kBadRequest, "Service Unavailable: the MCP server is shutting down");
                return;
            }
        }
        if (request.method == "POST")
            post(request, response);
        else if (request.method == "DELETE")
            remove(request, response);
        else {
            // No GET stream: the server never sends anything unasked.
            refuse(response, 405, kBadRequest, "Method Not Allowed: use POST (or DELETE to end a session)");
            response.setHeader("Allow", "POST, DELETE");
        }
    }

    std::shared_ptr<Entry> find(const http::ServerRequest &request, http::ServerResponse &response)
    {
        const std::string id = request.header("Mcp-Session-Id");
        if (id.empty()) {
            refuse(response, 400, kBadRequest, "Bad Request: the Mcp-Session-Id header is required");
            return nullptr;
        }
        std::lock_guard lock(mutex);
        auto it = sessions.find(id);
        if (it == sessions.end()) {
            refuse(response, 404, kBadRequest, "Not Found: no such session (it ended or never existed)");
            return nullptr;
        }
        return it->second;
    }

    void remove(const http::ServerRequest &request, http::ServerResponse &response)
    {
        auto entry = find(request, response);
        if (!entry)
            return;
        {
            std::lock_guard lock(mutex);
            sessions.erase(request.header("Mcp-Session-Id"));
        }
        end(*entry);
        response.status = 200;
        response.body = "{}";
    }

    static void end(Entry &entry)
    {
        entry.ended = true;
        entry.session->close(true);
    }

    void post(const http::ServerRequest &request, http::ServerResponse &response)
    {
        if (request.body.size() > options.maxBodyBytes) {
            refuse(response, 413, kBadRequest,
                   "Payload Too Large: at most " + std::to_string(options.maxBodyBytes) +
                       " bytes per message");
            return;
        }
        if (!httpguards::acceptsJsonAndEventStream(request.header("Accept"))) {
            refuse(response, 406, kBadRequest,
                   "Not Acceptable: Accept must allow both application/json and text/event-stream");
            return;
        }
        if (!httpguards::isJsonContentType(request.header("Content-Type"))) {
            refuse(response, 415, kBadRequest, "Unsupported Media Type: send Content-Type: application/json");
            return;
        }
        auto incoming = readIncoming(request.body);
        if (auto *error = std::get_if<jsonrpc::ErrorObject>(&incoming)) {
            refuse(response, 400, error->code, error->message);
            return;
        }
        Incoming &message = std::get<Incoming>(incoming);
        if (isInitialize(message)) {
            initialize(std::move(message), response);
            return;
        }
        auto entry = find(request, response);
        if (!entry)
            return;
        const std::string version = request.header("MCP-Protocol-Version");
        // Absent means 2025-03-26 (clients of that revision do not send it).
        if (!version.empty() &&
            (!isSupportedProtocolVersion(version) || version != entry->session->protocolVersion())) {
            refuse(response, 400, kBadRequest,
                   "Bad Request: unsupported MCP-Protocol-Version \"" + version + "\" (this session uses " +
                       entry->session->protocolVersion() + ")",
                   Json{{"supported", supportedProtocolVersions()}, {"requested", version}});
            return;
        }
        entry->touch();
        Waiter waiter;
        if (!entry->session->receive(std::move(message), waiter.replies())) {
            response.status = 202;
            response.body.clear();
            return;
        }
        auto answer = waiter.wait();
        entry->touch();
        if (!answer) {
            if (entry->ended)
                refuse(response, 404, kBadRequest, "Not Found: the session ended while the request ran");
            else
                response.status = 202; // cancelled by the client: no answer is owed
            return;
        }
        response.status = 200;
        response.contentType = "application/json";
        response.body = std::move(*answer);
    }

    void initialize(Incoming message, http::ServerResponse &response)
    {
        sweep();
        {
            std::lock_guard lock(mutex);
            if (sessions.size() >= options.maxSessions) {
                refuse(response, 503, kBadRequest, "Service Unavailable: too many MCP sessions are open");
                return;
            }
        }
        auto id = mintSessionId();
        if (!id) {
            refuse(response, 500, jsonrpc::code::internalError, "Internal error: " + id.error().message);
            return;
        }
        auto entry = std::make_shared<Entry>();
        entry->session = server->openSession();
        Waiter waiter;
        (void)entry->session->receive(std::move(message), waiter.replies());
        auto answer = waiter.wait(); // initialize is answered at once
        if (entry->session->isInitialized()) {
            std::lock_guard lock(mutex);
            sessions.emplace(id.value(), entry);
            response.setHeader("Mcp-Session-Id", id.value());
        }
        response.status = 200;
        response.contentType = "application/json";
        response.body = answer.value_or("{}");
    }

    // Ends sessions idle past their limit; a session with a call running is never idle.
    void sweep()
    {
        std::vector<std::shared_ptr<Entry>> expired;
        const auto limit =
            std::chrono::duration_cast<Clock::duration>(std::chrono::milliseconds(options.sessionIdleMs));
        const auto now = Clock::now();
        {
            std::lock_guard lock(mutex);
            for (auto it = sessions.begin(); it != sessions.end();) {
                const Clock::time_point last{Clock::duration(it->second->lastUsed.load())};
                if (now - last > limit && it->second->session->runningCalls() == 0) {
                    expired.push_back(it->second);
                    it = sessions.erase(it);
                } else {
                    ++it;
                }
            }
        }
        for (auto &entry : expired)
            end(*entry);
    }

    void closeAll()
    {
        std::map<std::string, std::shared_ptr<Entry>> all;
        {
            std::lock_guard lock(mutex);
            closing = true;
            all.swap(sessions);
        }
        for (auto &[id, entry] : all)
            end(*entry);
    }
};

HttpEndpoint::HttpEndpoint(std::shared_ptr<ToolServer> server, HttpEndpointOptions options)
    : m_impl(std::make_shared<Impl>())
{
    m_impl->server = std::move(server);
    m_impl->options = std::move(options);
}

HttpEndpoint::~HttpEndpoint()
{
    closeAll();
}

void HttpEndpoint::mount(http::HttpServer &server, const std::string &path)
{
    m_impl->path = path;
    std::weak_ptr<Impl> weak = m_impl;
    server.route(path, [weak](const http::ServerRequest &request, http::ServerResponse &response) {
        if (auto impl = weak.lock())
            impl->handle(request, response);
        else
            refuse(response, 503, kBadRequest, "Service Unavailable: the MCP server has stopped");
    });
}

void HttpEndpoint::closeAll()
{
    m_impl->closeAll();
}

std::size_t HttpEndpoint::sessionCount() const
{
    std::lock_guard lock(m_impl->mutex);
    return m_impl->sessions.size();
}

} // namespace lakeshore::mcp
