#include "mcp/httptransport.h"

#include "http/url.h"
#include "mcp/httpexchange.h"
#include "mcp/httpreply.h"

#include <algorithm>
#include <atomic>
#include <cctype>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <map>
#include <mutex>
#include <optional>
#include <thread>

namespace lakeshore::mcp {
namespace {

using Clock = std::chrono::steady_clock;

constexpr std::size_t failuresKept = 8;
constexpr int maxIdleReconnects = 10; // resumed streams in a row that brought nothing new

using ExchangePtr = std::shared_ptr<HttpExchange>;

// http:// or https:// (any case) with a host, and nothing a header or a log line could be split on.
bool usableUrl(const std::string &url)
{
    const auto schemeEnd = url.find("://");
    if (schemeEnd == std::string::npos ||
        std::any_of(url.begin(), url.end(), [](char c) { return static_cast<unsigned char>(c) <= 0x20; }))
        return false;
    std::string scheme = url.substr(0, schemeEnd);
    std::transform(scheme.begin(), scheme.end(), scheme.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (scheme != "http" && scheme != "https")
        return false;
    std::string authority =
        url.substr(schemeEnd + 3, url.find_first_of("/?#", schemeEnd + 3) - schemeEnd - 3);
    if (const auto at = authority.rfind('@'); at != std::string::npos)
        authority.erase(0, at + 1);
    return !authority.empty() && authority.front() != ':';
}

bool validSessionId(const std::string &id)
{
    return !id.empty() && id.size() <= 1024 &&
           std::all_of(id.begin(), id.end(), [](char c) { return c >= 0x21 && c <= 0x7e; });
}

struct Latch
{
    std::mutex mutex;
    std::condition_variable changed;
    bool open = false;
};

} // namespace

struct HttpTransport::Impl : std::enable_shared_from_this<Impl>
{
    HttpServerConfig config;
    Handlers handlers;
    std::shared_ptr<http::HttpClient> client;

    mutable std::mutex mutex;
    bool started = false;
    bool closing = false;
    std::string sessionId;
    bool sessionLost = false; // the server forgot our session; a new one clears it
    std::string protocolVersion;
    std::map<std::uint64_t, ExchangePtr> exchanges; // in flight or waiting to resume
    std::uint64_t nextSerial = 1;
    std::deque<std::string> failures;
    std::multimap<Clock::time_point, ExchangePtr> due; // streams to resume
    std::thread timer;
    std::condition_variable timerWake;
    std::atomic<bool> closedReported{false};

    // Secrets never reach an error message or the diagnostics, even when a server echoes them.
    std::string redact(std::string text) const
    {
        auto hide = [&text](const std::string &secret) {
            static const std::string mark = "[redacted]";
            if (secret.size() < 6)
                return;
            for (auto at = text.find(secret); at != std::string::npos;
                 at = text.find(secret, at + mark.size()))
                text.replace(at, secret.size(), mark);
        };
        hide(config.bearerToken);
        for (const auto &[name, value] : config.headers) {
            hide(value);
            if (const auto space = value.find(' '); space != std::string::npos)
                hide(value.substr(space + 1)); // the credentials of "Bearer xyz" / "Basic xyz"
        }
        return text;
    }

    void record(const std::string &line)
    {
        std::lock_guard lock(mutex);
        failures.push_back(redact(line));
        while (failures.size() > failuresKept)
            failures.pop_front();
    }

    // Every request names the session and the agreed version; credentials go on every request too.
    http::Headers commonHeaders() const
    {
        http::Headers headers = config.headers;
        if (!config.bearerToken.empty())
            headers.emplace_back("Authorization", "Bearer " + config.bearerToken);
        if (!sessionId.empty())
            headers.emplace_back("Mcp-Session-Id", sessionId);
        if (!protocolVersion.empty())
            headers.emplace_back("MCP-Protocol-Version", protocolVersion);
        return headers;
    }

    http::Request baseRequest(std::string method, int timeoutMs) const
    {
        http::Request request;
        request.method = std::move(method);
        request.url = config.url;
        request.headers = commonHeaders();
        request.timeoutMs = timeoutMs;
        request.connectTimeoutMs = std::min(config.connectTimeoutMs, timeoutMs);
        request.maxResponseBytes = config.maxMessageBytes;
        request.verifyTls = config.verifyTls;
        request.acceptCompressed = !http::isLoopbackUrl(config.url);
        return request;
    }

    void deliver(std::string message)
    {
        if (!closedReported.load() && handlers.onMessage)
            handlers.onMessage(std::move(message));
    }

    void failAll(HttpExchange &exchange, Error error)
    {
        std::vector<jsonrpc::Id> ids;
        ids.swap(exchange.awaiting);
        error.message = redact(std::move(error.message));
        error.serviceMessage = redact(std::move(error.serviceMessage));
        for (const auto &id : ids)
            if (!closedReported.load() && !exchange.dropped.load() && handlers.onRequestFailed)
                handlers.onRequestFailed(id, error);
    }

    void reportClosed(Error reason)
    {
        if (closedReported.exchange(true))
            return;
        if (handlers.onClosed)
            handlers.onClosed(std::move(reason));
    }

    void captureSession(const http::Response &response)
    {
        const std::string id = response.header("Mcp-Session-Id");
        if (id.empty())
            return;
        if (!validSessionId(id)) {
            record("ignored an Mcp-Session-Id that is not visible ASCII");
            return;
        }
        std::lock_guard lock(mutex);
        if (id != sessionId) {
            sessionId = id;
            sessionLost = false;
        }
    }

    void forgetSession(const std::string &sent)
    {
        std::lock_guard lock(mutex);
        if (sessionId == sent)
            sessionId.clear();
        sessionLost = true;
    }

    // Sends one transfer of an exchange; false once the transport is closing.
    bool transmit(const ExchangePtr &exchange, http::Request request)
    {
        std::shared_ptr<http::HttpClient> http;
        CancelToken cancel;
        {
            std::lock_guard lock(mutex);
            if (closing || !client)
                return false;
            http = client;
            exchange->cancel = cancel;
            exchanges[exchange->serial] = exchange;
        }
        auto self = shared_from_this();
        request.onBodyChunk = [self, exchange](const http::Response &head, std::string_view chunk) {
            return self->chunk(*exchange, head, chunk);
        };
        http->send(std::move(request), cancel, [self, exchange](Result<http::Response> result) {
            self->finished(exchange, std::move(result));
        });
        return true;
    }

    // A piece of a 2xx body, on the I/O thread.
    bool chunk(HttpExchange &exchange, const http::Response &head, std::string_view data)
    {
        if (closedReported.load())
            return false;
        if (exchange.body == HttpExchange::Body::None)
            captureSession(head);
        return exchange.read(head, data, config.maxMessageBytes,
                             [this](std::string message) { deliver(std::move(message)); });
    }

    // The end of a transfer, on the I/O thread.
    void finished(const ExchangePtr &exchange, Result<http::Response> result)
    {
        {
            std::lock_guard lock(mutex);
            exchanges.erase(exchange->serial);
            if (closing)
                return;
        }
        if (exchange->dropped.load())
            return;
        if (!result) {
            Error error = exchange->failure ? *exchange->failure : result.error();
            // A stream cut off may be resumed just like one the server ended early.
            if (!exchange->failure && error.kind == ErrorKind::Network &&
                exchange->body == HttpExchange::Body::Events && !exchange->awaiting.empty() &&
                resume(exchange))
                return;
            if (error.kind == ErrorKind::Network)
                error.message =
                    (exchange->body == HttpExchange::Body::None ? "no reply from the MCP server: "
                                                                : "lost the connection to the MCP server: ") +
                    error.message;
            record(exchange->what + ": " + error.describe());
            failAll(*exchange, std::move(error));
            return;
        }
        const http::Response &response = result.value();
        captureSession(response);
        if (response.status < 200 || response.status >= 300) {
            refused(*exchange, response);
            return;
        }
        if (!exchange->isRequest)
            return;
        Error error;
        switch (exchange->finish(
            response, [this](std::string message) { deliver(std::move(message)); }, error)) {
        case HttpExchange::Outcome::Answered:
            return;
        case HttpExchange::Outcome::Unanswered:
            if (resume(exchange))
                return;
            break;
        case HttpExchange::Outcome::Failed:
            break;
        }
        record(exchange->what + ": " + error.describe());
        failAll(*exchange, std::move(error));
    }

    // A non-2xx status.
    void refused(HttpExchange &exchange, const http::Response &response)
    {
        const int status = response.status;
        const bool namedSession = !exchange.sentSession.empty();
        bool lost = false;
        {
            std::lock_guard lock(mutex);
            lost = sessionLost;
        }
        const bool sessionGone =
            (status == 404 && namedSession) ||
            (status == 400 && (namedSession || lost) && httpreply::saysSessionUnknown(response.body));
        const std::string gist = httpreply::excerpt(response.body);
        record(exchange.what + ": HTTP " + std::to_string(status) + (gist.empty() ? "" : ": " + gist));
        if (sessionGone)
            forgetSession(exchange.sentSession);
        if (!exchange.isRequest)
            return;
        if (sessionGone) {
            Error error = makeError(ErrorKind::Http,
                                    "the MCP server no longer knows our session (HTTP " +
                                        std::to_string(status) + "); it has to be initialized again",
                                    status, Transport::kSessionExpired);
            error.serviceMessage = httpreply::jsonRpcErrorMessage(response.body);
            failAll(exchange, std::move(error));
            return;
        }
        // A JSON-RPC error that answers the request is the server's answer, whatever the status.
        if (status != 401 && status != 403) {
            auto ids = httpreply::answeredIds(response.body);
            if (ids && std::any_of(ids.value().begin(), ids.value().end(),
                                   [&](const jsonrpc::Id &id) { return exchange.waitsFor(id); })) {
                exchange.answered(ids.value());
                deliver(response.body);
                if (exchange.awaiting.empty())
                    return;
            }
        }
        Error error = httpreply::statusError(response);
        if (exchange.resuming)
            error.message = "cannot resume the event stream: " + error.message;
        failAll(exchange, std::move(error));
    }

    // SSE polling: the server closed the stream after an event id and a retry delay; ask for the rest
    // after that delay. False when the stream cannot be resumed.
    bool resume(const ExchangePtr &exchange)
    {
        if (!exchange->resumable())
            return false;
        // A server that keeps closing the stream without a new event would keep us polling forever.
        if (exchange->lastEventId != exchange->resumedFrom)
            exchange->idleReconnects = 0;
        else if (++exchange->idleReconnects > maxIdleReconnects)
            return false;
        exchange->resumedFrom = exchange->lastEventId;
        const long long delay = std::clamp<long long>(*exchange->retryMs, 0, config.maxReconnectDelayMs);
        std::lock_guard lock(mutex);
        if (closing)
            return true; // close() reports
        exchanges[exchange->serial] = exchange;
        due.emplace(Clock::now() + std::chrono::milliseconds(delay), exchange);
        if (!timer.joinable())
            timer = std::thread([this] { runTimer(); }); // close() joins it before the transport goes
        timerWake.notify_all();
        return true;
    }

    void runTimer()
    {
        std::unique_lock lock(mutex);
        while (!closing) {
            if (due.empty()) {
                timerWake.wait(lock);
                continue;
            }
            const auto when = due.begin()->first;
            if (Clock::now() < when) {
                timerWake.wait_until(lock, when);
                continue;
            }
            ExchangePtr exchange = due.begin()->second;
            due.erase(due.begin());
            lock.unlock();
            reconnect(exchange);
            lock.lock();
        }
    }

    void reconnect(const ExchangePtr &exchange)
    {
        if (exchange->dropped.load())
            return;
        http::Request request;
        {
            std::lock_guard lock(mutex);
            request = baseRequest("GET", config.requestTimeoutMs);
            exchange->sentSession = sessionId;
        }
        request.headers.emplace_back("Accept", "text/event-stream");
        request.headers.emplace_back("Last-Event-ID", exchange->lastEventId);
        exchange->resuming = true;
        exchange->what = "GET (resuming " + idList(exchange->awaiting) + ")";
        exchange->restart();
        transmit(exchange, std::move(request));
    }

    // After our notifications/cancelled went out: stop waiting for the request's answer.
    void drop(const jsonrpc::Id &id)
    {
        std::vector<CancelToken> stop;
        {
            std::lock_guard lock(mutex);
            for (auto it = exchanges.begin(); it != exchanges.end();) {
                const auto &asked = it->second->requests;
                if (std::find(asked.begin(), asked.end(), id) != asked.end()) {
                    it->second->dropped = true;
                    stop.push_back(it->second->cancel);
                    it = exchanges.erase(it);
                } else {
                    ++it;
                }
            }
        }
        for (auto &token : stop)
            token.cancel();
    }
};

HttpTransport::HttpTransport(HttpServerConfig config) : m_impl(std::make_shared<Impl>())
{
    m_impl->config = std::move(config);
}

HttpTransport::~HttpTransport()
{
    close();
    std::shared_ptr<http::HttpClient> client;
    {
        std::lock_guard lock(m_impl->mutex);
        client = std::move(m_impl->client);
    }
    client.reset(); // joins its I/O thread (unless this runs on it); late callbacks find the transport closed
}

Status HttpTransport::start(Handlers handlers)
{
    if (!usableUrl(m_impl->config.url))
        return makeError(ErrorKind::Invalid,
                         "the MCP server URL must be an http:// or https:// URL with a host");
    if (!m_impl->config.sessionId.empty() && !validSessionId(m_impl->config.sessionId))
        return makeError(ErrorKind::Invalid, "an MCP session id is visible ASCII only");
    std::lock_guard lock(m_impl->mutex);
    if (m_impl->started || m_impl->closing)
        return makeError(ErrorKind::Invalid, "the MCP transport was already started");
    m_impl->handlers = std::move(handlers);
    m_impl->client = std::make_shared<http::HttpClient>();
    m_impl->sessionId = m_impl->config.sessionId;
    m_impl->started = true;
    return okStatus();
}

Status HttpTransport::send(std::string message)
{
    auto parsed = jsonrpc::parse(message);
    if (!parsed)
        return makeError(ErrorKind::Invalid, "cannot send what is not JSON-RPC: " + parsed.error().message);
    auto exchange = std::make_shared<HttpExchange>();
    std::optional<jsonrpc::Id> cancelled;
    std::string method;
    for (const auto &entry : parsed.value()) {
        if (const auto *request = std::get_if<jsonrpc::Request>(&entry)) {
            exchange->requests.push_back(request->id);
            method = request->method;
        } else if (const auto *notification = std::get_if<jsonrpc::Notification>(&entry)) {
            method = method.empty() ? notification->method : method;
            const auto &params = notification->params;
            if (notification->method == "notifications/cancelled" && params.is_object() &&
                params.contains("requestId")) {
                if (params["requestId"].is_number_integer())
                    cancelled = jsonrpc::Id(params["requestId"].get<long long>());
                else if (params["requestId"].is_string())
                    cancelled = jsonrpc::Id(params["requestId"].get<std::string>());
            }
        } else if (method.empty()) {
            method = "response";
        }
    }
    exchange->awaiting = exchange->requests;
    exchange->isRequest = !exchange->requests.empty();
    exchange->what = "POST " + method;
    http::Request request;
    {
        std::lock_guard lock(m_impl->mutex);
        if (!m_impl->started || m_impl->closing)
            return makeError(ErrorKind::Network, "the MCP server connection is closed");
        exchange->serial = m_impl->nextSerial++;
        exchange->sentSession = m_impl->sessionId;
        request = m_impl->baseRequest("POST", exchange->isRequest ? m_impl->config.requestTimeoutMs
                                                                  : m_impl->config.notificationTimeoutMs);
    }
    request.headers.emplace_back("Content-Type", "application/json");
    request.headers.emplace_back("Accept", "application/json, text/event-stream");
    request.body = std::move(message);
    if (!m_impl->transmit(exchange, std::move(request)))
        return makeError(ErrorKind::Network, "the MCP server connection is closed");
    // Disconnecting does not cancel on the server: the notification does; the stream is of no use after it.
    if (cancelled)
        m_impl->drop(*cancelled);
    return okStatus();
}

void HttpTransport::close()
{
    Impl &impl = *m_impl;
    std::vector<CancelToken> stop;
    std::shared_ptr<http::HttpClient> client;
    http::Request farewell;
    bool sayGoodbye = false;
    {
        std::lock_guard lock(impl.mutex);
        if (impl.closing)
            return;
        impl.closing = true;
        for (auto &[serial, exchange] : impl.exchanges)
            stop.push_back(exchange->cancel);
        impl.exchanges.clear();
        impl.due.clear();
        client = impl.client;
        sayGoodbye = impl.started && client && !impl.sessionId.empty();
        if (sayGoodbye) {
            farewell = impl.baseRequest("DELETE", impl.config.closeTimeoutMs);
            farewell.maxRetries = 0;
            farewell.maxResponseBytes = 64 * 1024;
        }
    }
    impl.timerWake.notify_all();
    if (impl.timer.joinable()) {
        if (impl.timer.get_id() == std::this_thread::get_id())
            impl.timer.detach();
        else
            impl.timer.join();
    }
    for (auto &token : stop)
        token.cancel();
    if (sayGoodbye) {
        // Best effort: a server may not allow ending sessions (405) or may have forgotten it already (404).
        auto latch = std::make_shared<Latch>();
        client->send(std::move(farewell), {}, [self = m_impl, latch](Result<http::Response> result) {
            if (!result)
                self->record("DELETE: " + result.error().describe());
            else if (const int status = result.value().status;
                     (status < 200 || status >= 300) && status != 404 && status != 405)
                self->record("DELETE: HTTP " + std::to_string(status) + ": " +
                             httpreply::excerpt(result.value().body));
            {
                std::lock_guard lock(latch->mutex);
                latch->open = true;
            }
            latch->changed.notify_all();
        });
        if (!client->isIoThread()) {
            std::unique_lock lock(latch->mutex);
            latch->changed.wait_for(lock, std::chrono::milliseconds(impl.config.closeTimeoutMs + 2000),
                                    [&] { return latch->open; });
        }
    }
    impl.reportClosed(makeError(ErrorKind::Cancelled, "closed"));
}

void HttpTransport::setProtocolVersion(const std::string &version)
{
    std::lock_guard lock(m_impl->mutex);
    m_impl->protocolVersion = version;
}

std::string HttpTransport::diagnostics() const
{
    std::lock_guard lock(m_impl->mutex);
    std::string text;
    for (const auto &line : m_impl->failures)
        text += (text.empty() ? "" : "\n") + line;
    return text;
}

std::string HttpTransport::sessionId() const
{
    std::lock_guard lock(m_impl->mutex);
    return m_impl->sessionId;
}

} // namespace lakeshore::mcp
