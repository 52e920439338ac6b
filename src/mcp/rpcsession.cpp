#include "mcp/rpcsession.h"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <map>
#include <mutex>
#include <thread>

namespace lakeshore::mcp {
namespace {

using Clock = std::chrono::steady_clock;
using Json = nlohmann::json;
// The error's data member travels beside the result, for callers that read it (initialize's versions).
using Done = std::function<void(Result<Json>, Json errorData)>;

struct Pending
{
    Done done;
    std::function<void(Result<std::string>)> textDone; // set: the caller wants the reply's text, not a DOM
    std::function<void(const Progress &)> onProgress;
    int timeoutMs = 0;
    Clock::time_point deadline;
    Clock::time_point ceiling;

    void finish(Error error)
    {
        if (textDone)
            textDone(std::move(error));
        else
            done(std::move(error), Json());
    }
};

// Replies at least this long skip the DOM when the caller asked for text and the id comes first.
constexpr std::size_t kLargeReply = 1u << 20;

std::string excerpt(const std::string &text)
{
    std::string out = text.substr(0, 200);
    for (char &c : out)
        if (static_cast<unsigned char>(c) < 0x20)
            c = ' ';
    return text.size() > 200 ? out + "…" : out;
}

} // namespace

struct RpcSession::Impl : std::enable_shared_from_this<Impl>
{
    std::unique_ptr<Transport> transport;
    std::mutex mutex;
    std::condition_variable timerWake;
    // When the timer thread wakes next; a request whose deadline is later needs no wake-up (the timer
    // re-arms for it then), which spares a thread switch per call.
    Clock::time_point timerTarget = Clock::time_point::min();
    std::map<long long, Pending> pending;
    std::atomic<long long> nextId{1};
    bool open = false;
    bool stopping = false;
    std::string strayOutput; // the last line that was not JSON-RPC, for the error a caller sees
    std::function<void(const jsonrpc::Notification &)> notificationHandler;
    std::thread timer;

    void send(std::string method, nlohmann::json params, CallOptions options, Pending entry);

    std::optional<Pending> take(long long id)
    {
        std::lock_guard lock(mutex);
        auto it = pending.find(id);
        if (it == pending.end())
            return std::nullopt;
        Pending found = std::move(it->second);
        pending.erase(it);
        return found;
    }

    void sendCancelled(long long id, const std::string &reason)
    {
        const jsonrpc::Notification cancelled{"notifications/cancelled",
                                              {{"requestId", id}, {"reason", reason}}};
        (void)transport->send(jsonrpc::serialize(cancelled));
    }

    void cancel(long long id, Error why)
    {
        auto found = take(id);
        if (!found)
            return;
        sendCancelled(id, why.message);
        found->finish(std::move(why));
    }

    void runTimer()
    {
        std::unique_lock lock(mutex);
        while (!stopping) {
            const auto now = Clock::now();
            std::vector<long long> expired;
            auto next = now + std::chrono::hours(1);
            for (const auto &[id, entry] : pending) {
                if (entry.deadline <= now)
                    expired.push_back(id);
                else
                    next = std::min(next, entry.deadline);
            }
            if (!expired.empty()) {
                const std::string stray = strayOutput;
                lock.unlock();
                for (long long id : expired) {
                    std::string text = "no answer from the MCP server in time";
                    if (!stray.empty())
                        text += "; it sent something that is not JSON-RPC: " + excerpt(stray);
                    cancel(id, makeError(ErrorKind::Timeout, text));
                }
                lock.lock();
                continue;
            }
            timerTarget = next;
            timerWake.wait_until(lock, next);
            timerTarget = Clock::time_point::min(); // awake: it looks at every entry before sleeping
        }
    }

    void received(std::string line)
    {
        if (line.size() >= kLargeReply) {
            if (const auto id = jsonrpc::leadingResponseId(line)) {
                std::optional<Pending> found;
                {
                    std::lock_guard lock(mutex);
                    auto it = pending.find(*id);
                    if (it != pending.end() && it->second.textDone) {
                        found = std::move(it->second);
                        pending.erase(it);
                    }
                }
                if (found) {
                    found->textDone(std::move(line));
                    return;
                }
            }
        }
        auto parsed = jsonrpc::parse(line);
        if (!parsed) {
            std::lock_guard lock(mutex);
            strayOutput = line;
            return;
        }
        const bool single = parsed.value().size() == 1;
        for (auto &message : parsed.value()) {
            if (auto *response = std::get_if<jsonrpc::Response>(&message))
                answered(std::move(*response), single ? &line : nullptr);
            else if (auto *notification = std::get_if<jsonrpc::Notification>(&message))
                notified(*notification);
            else
                asked(std::get<jsonrpc::Request>(message));
        }
    }

    void answered(jsonrpc::Response response, const std::string *line)
    {
        // We only send integer ids; anything else answers nobody.
        if (!response.id || !std::holds_alternative<long long>(*response.id))
            return;
        auto found = take(std::get<long long>(*response.id));
        if (!found)
            return; // late, after a timeout or cancel
        if (response.error) {
            Error error = makeError(ErrorKind::Service, "the MCP server answered with error " +
                                                            std::to_string(response.error->code) + ": " +
                                                            response.error->message);
            error.code = std::to_string(response.error->code);
            error.serviceMessage = response.error->message;
            if (found->textDone)
                found->textDone(std::move(error));
            else
                found->done(std::move(error), response.error->data);
            return;
        }
        if (found->textDone)
            found->textDone(line ? *line : jsonrpc::serialize(response));
        else
            found->done(std::move(response.result), Json());
    }

    void notified(const jsonrpc::Notification &notification)
    {
        if (notification.method == "notifications/progress") {
            const Json &params = notification.params;
            if (!params.is_object() || !params.contains("progressToken") ||
                !params["progressToken"].is_number_integer() || !params.contains("progress") ||
                !params["progress"].is_number())
                return;
            const long long token = params["progressToken"].get<long long>();
            Progress progress;
            progress.progress = params["progress"].get<double>();
            if (params.contains("total") && params["total"].is_number())
                progress.total = params["total"].get<double>();
            if (params.contains("message") && params["message"].is_string())
                progress.message = params["message"].get<std::string>();
            std::function<void(const Progress &)> report;
            {
                std::lock_guard lock(mutex);
                auto it = pending.find(token);
                if (it == pending.end())
                    return;
                // Progress keeps a long call alive, up to its ceiling.
                it->second.deadline = std::min(Clock::now() + std::chrono::milliseconds(it->second.timeoutMs),
                                               it->second.ceiling);
                report = it->second.onProgress;
            }
            timerWake.notify_all();
            if (report)
                report(progress);
            return;
        }
        std::function<void(const jsonrpc::Notification &)> handler;
        {
            std::lock_guard lock(mutex);
            handler = notificationHandler;
        }
        if (handler)
            handler(notification);
    }

    void asked(const jsonrpc::Request &request)
    {
        jsonrpc::Response reply;
        reply.id = request.id;
        if (request.method == "ping")
            reply.result = Json::object();
        else
            reply.error = jsonrpc::ErrorObject{jsonrpc::code::methodNotFound,
                                               "Lakeshore does not offer " + request.method, nullptr};
        (void)transport->send(jsonrpc::serialize(reply));
    }

    void closed(Error reason)
    {
        std::map<long long, Pending> failing;
        {
            std::lock_guard lock(mutex);
            open = false;
            failing.swap(pending);
        }
        std::string detail = transport->diagnostics();
        if (!detail.empty()) {
            while (!detail.empty() && (detail.back() == '\n' || detail.back() == '\r'))
                detail.pop_back();
            const auto lastLine = detail.rfind('\n');
            reason.message +=
                " (it said: " + excerpt(detail.substr(lastLine == std::string::npos ? 0 : lastLine + 1)) +
                ")";
        }
        for (auto &[id, entry] : failing)
            entry.finish(reason);
    }
};

RpcSession::RpcSession(std::unique_ptr<Transport> transport) : m_impl(std::make_shared<Impl>())
{
    m_impl->transport = std::move(transport);
}

RpcSession::~RpcSession()
{
    close();
}

Status RpcSession::start()
{
    std::weak_ptr<Impl> weak = m_impl;
    Transport::Handlers handlers;
    handlers.onMessage = [weak](std::string line) {
        if (auto impl = weak.lock())
            impl->received(std::move(line));
    };
    handlers.onClosed = [weak](Error reason) {
        if (auto impl = weak.lock())
            impl->closed(std::move(reason));
    };
    handlers.onRequestFailed = [weak](const jsonrpc::Id &id, Error reason) {
        auto impl = weak.lock();
        if (!impl || !std::holds_alternative<long long>(id))
            return;
        if (auto found = impl->take(std::get<long long>(id)))
            found->finish(std::move(reason));
    };
    {
        std::lock_guard lock(m_impl->mutex);
        m_impl->open = true;
    }
    auto started = m_impl->transport->start(std::move(handlers));
    if (!started) {
        std::lock_guard lock(m_impl->mutex);
        m_impl->open = false;
        return started;
    }
    m_impl->timer = std::thread([impl = m_impl.get()] { impl->runTimer(); });
    return okStatus();
}

void RpcSession::request(std::string method, nlohmann::json params, CallOptions options,
                         std::function<void(Result<nlohmann::json>)> done)
{
    requestRaw(std::move(method), std::move(params), std::move(options),
               [done = std::move(done)](Result<Json> result, const Json &) { done(std::move(result)); });
}

void RpcSession::requestRaw(std::string method, nlohmann::json params, CallOptions options,
                            std::function<void(Result<nlohmann::json>, nlohmann::json errorData)> done)
{
    Pending entry;
    entry.done = std::move(done);
    m_impl->send(std::move(method), std::move(params), std::move(options), std::move(entry));
}

void RpcSession::requestText(std::string method, nlohmann::json params, CallOptions options,
                             std::function<void(Result<std::string>)> done)
{
    Pending entry;
    entry.textDone = std::move(done);
    m_impl->send(std::move(method), std::move(params), std::move(options), std::move(entry));
}

void RpcSession::Impl::send(std::string method, nlohmann::json params, CallOptions options, Pending entry)
{
    const std::shared_ptr<Impl> self = shared_from_this();
    if (options.cancel.cancelled()) {
        entry.finish(makeError(ErrorKind::Cancelled, "cancelled"));
        return;
    }
    const long long id = self->nextId++;
    if (params.is_null())
        params = Json::object();
    if (options.onProgress)
        params["_meta"]["progressToken"] = id;
    const auto now = Clock::now();
    bool wakeTimer = false;
    {
        std::lock_guard lock(self->mutex);
        if (!self->open) {
            entry.finish(makeError(ErrorKind::Network, "the MCP server connection is closed"));
            return;
        }
        entry.onProgress = std::move(options.onProgress);
        entry.timeoutMs = options.timeoutMs;
        entry.deadline = now + std::chrono::milliseconds(options.timeoutMs);
        entry.ceiling = now + std::chrono::milliseconds(std::max(options.timeoutMs, options.maxTotalMs));
        wakeTimer = entry.deadline < self->timerTarget;
        self->pending.emplace(id, std::move(entry));
    }
    if (wakeTimer)
        self->timerWake.notify_all();
    auto sent =
        self->transport->send(jsonrpc::serialize(jsonrpc::Request{id, std::move(method), std::move(params)}));
    if (!sent) {
        if (auto found = self->take(id))
            found->finish(sent.error());
        return;
    }
    // After the send, so notifications/cancelled never overtakes its request.
    std::weak_ptr<Impl> weak = self;
    options.cancel.onCancel([weak, id] {
        if (auto impl = weak.lock())
            impl->cancel(id, makeError(ErrorKind::Cancelled, "cancelled"));
    });
}

Status RpcSession::notify(std::string method, nlohmann::json params)
{
    return m_impl->transport->send(
        jsonrpc::serialize(jsonrpc::Notification{std::move(method), std::move(params)}));
}

void RpcSession::onNotification(std::function<void(const jsonrpc::Notification &)> handler)
{
    std::lock_guard lock(m_impl->mutex);
    m_impl->notificationHandler = std::move(handler);
}

void RpcSession::setProtocolVersion(const std::string &version)
{
    m_impl->transport->setProtocolVersion(version);
}

bool RpcSession::isOpen() const
{
    std::lock_guard lock(m_impl->mutex);
    return m_impl->open;
}

std::string RpcSession::diagnostics() const
{
    return m_impl->transport->diagnostics();
}

void RpcSession::close()
{
    m_impl->transport->close(); // fails what is still open, through closed()
    {
        std::lock_guard lock(m_impl->mutex);
        m_impl->stopping = true;
    }
    m_impl->timerWake.notify_all();
    if (m_impl->timer.joinable())
        m_impl->timer.join();
}

} // namespace lakeshore::mcp
