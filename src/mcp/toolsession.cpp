// ToolSession: the protocol state of one client connection (see server.h).
#include "mcp/schemacheck.h"
#include "mcp/server.h"
#include "mcp/serverdetail.h"
#include "mcp/toolcall.h"

#include <algorithm>
#include <condition_variable>
#include <map>
#include <mutex>
#include <thread>

namespace lakeshore::mcp {
inline namespace serving {
namespace {

using detail::AnswerSlot;
using detail::RunningCall;
using Json = nlohmann::json;
using detail::dump;
using detail::errorMessage;
using detail::resultMessage;

constexpr int kServerBusy = -32000; // implementation-defined server error range

// tools/list cursors are "p<offset>": opaque to clients, and checked strictly when they come back.
std::string makeCursor(std::size_t offset)
{
    return "p" + std::to_string(offset);
}

std::optional<std::size_t> readCursor(const std::string &cursor, std::size_t toolCount)
{
    if (cursor.size() < 2 || cursor.size() > 10 || cursor[0] != 'p' || cursor[1] == '0')
        return std::nullopt;
    std::size_t offset = 0;
    for (std::size_t i = 1; i < cursor.size(); ++i) {
        if (cursor[i] < '0' || cursor[i] > '9')
            return std::nullopt;
        offset = offset * 10 + static_cast<std::size_t>(cursor[i] - '0');
    }
    if (offset >= toolCount)
        return std::nullopt;
    return offset;
}

Json describeTool(const Tool &tool)
{
    Json json = {{"name", tool.name}, {"description", tool.description}};
    if (!tool.title.empty())
        json["title"] = tool.title;
    json["inputSchema"] = tool.inputSchema.is_null()
                              ? Json{{"type", "object"}, {"additionalProperties", false}}
                              : tool.inputSchema;
    if (!tool.outputSchema.is_null())
        json["outputSchema"] = tool.outputSchema;
    if (!tool.annotations.is_null())
        json["annotations"] = tool.annotations;
    return json;
}

} // namespace

struct ToolSession::Impl : std::enable_shared_from_this<Impl>
{
    std::shared_ptr<const detail::ToolRegistry> registry;
    mutable std::mutex mutex;
    bool initialized = false;
    bool closed = false;
    std::string version;
    std::map<std::string, std::shared_ptr<RunningCall>> running;
    std::map<std::uint64_t, std::thread> workers;
    std::vector<std::uint64_t> finishedWorkers;
    std::uint64_t nextWorker = 0;

    bool receive(Incoming incoming, Replies replies)
    {
        reapWorkers();
        auto slot = std::make_shared<AnswerSlot>();
        slot->replies = std::move(replies);
        slot->batch = incoming.batch;

        bool expectsAnswer = false;
        for (const auto &message : incoming.messages)
            expectsAnswer = expectsAnswer || std::holds_alternative<jsonrpc::Request>(message);

        if (incoming.batch) {
            if (auto refusal = refuseBatch(incoming)) {
                slot->batch = false;
                slot->add(std::move(refusal));
                return true;
            }
        }
        for (auto &message : incoming.messages) {
            if (auto *request = std::get_if<jsonrpc::Request>(&message))
                handleRequest(std::move(*request), slot);
            else if (auto *notification = std::get_if<jsonrpc::Notification>(&message))
                handleNotification(*notification);
            // Responses answer requests we never send: nothing to do.
        }
        if (expectsAnswer) {
            slot->add(std::nullopt); // releases receive()'s hold; answers if nothing runs on
            return true;
        }
        return false;
    }

    std::optional<Json> refuseBatch(const Incoming &incoming)
    {
        for (const auto &message : incoming.messages)
            if (const auto *request = std::get_if<jsonrpc::Request>(&message);
                request && request->method == "initialize")
                return errorMessage(std::nullopt, jsonrpc::code::invalidRequest,
                                    "Invalid Request: initialize cannot be part of a batch");
        std::lock_guard lock(mutex);
        // Batches exist only in 2025-03-26; later revisions removed them.
        if (initialized && version == "2025-03-26")
            return std::nullopt;
        return errorMessage(std::nullopt, jsonrpc::code::invalidRequest,
                            "Invalid Request: JSON-RPC batches are not supported in protocol version " +
                                (version.empty() ? std::string(kLatestProtocolVersion) : version),
                            Json{{"supportsBatchesIn", {"2025-03-26"}}});
    }

    void handleNotification(const jsonrpc::Notification &notification)
    {
        if (notification.method != "notifications/cancelled")
            return; // notifications/initialized and anything else need no action
        const Json &params = notification.params;
        if (!params.is_object() || !params.contains("requestId"))
            return;
        const Json &requestId = params["requestId"];
        std::string key;
        if (requestId.is_string())
            key = jsonrpc::idText(jsonrpc::Id(requestId.get<std::string>()));
        else if (requestId.is_number_integer())
            key = jsonrpc::idText(jsonrpc::Id(requestId.get<long long>()));
        else
            return;
        std::shared_ptr<RunningCall> call;
        {
            std::lock_guard lock(mutex);
            auto it = running.find(key);
            if (it == running.end())
                return; // finished already, or never ours: the spec says ignore it
            call = it->second;
        }
        {
            std::lock_guard lock(call->mutex);
            if (call->finished)
                return;
            call->cancelled = true;
        }
        call->cancel.cancel();
    }

    void handleRequest(jsonrpc::Request request, const std::shared_ptr<AnswerSlot> &slot)
    {
        const std::string &method = request.method;
        const bool known =
            method == "initialize" || method == "ping" || method == "tools/list" || method == "tools/call";
        {
            std::lock_guard lock(mutex);
            if (closed) {
                slot->expectOneMore();
                slot->add(errorMessage(request.id, jsonrpc::code::invalidRequest,
                                       "Invalid Request: the session has ended"));
                return;
            }
        }
        if (!known) {
            slot->expectOneMore();
            slot->add(errorMessage(request.id, jsonrpc::code::methodNotFound, "Method not found: " + method));
            return;
        }
        if (method == "initialize") {
            slot->expectOneMore();
            slot->add(initialize(request));
            return;
        }
        if (method == "ping") {
            slot->expectOneMore();
            slot->add(resultMessage(request.id, Json::object()));
            return;
        }
        if (!isInitialized()) {
            slot->expectOneMore();
            slot->add(errorMessage(request.id, jsonrpc::code::invalidRequest,
                                   "Invalid Request: the session is not initialized; send initialize first"));
            return;
        }
        if (method == "tools/list") {
            slot->expectOneMore();
            slot->add(listTools(request));
            return;
        }
        callTool(std::move(request), slot);
    }

    bool isInitialized() const
    {
        std::lock_guard lock(mutex);
        return initialized;
    }

    Json initialize(const jsonrpc::Request &request)
    {
        const Json &params = request.params;
        if (!params.is_object() || !params.contains("protocolVersion") ||
            !params["protocolVersion"].is_string())
            return errorMessage(request.id, jsonrpc::code::invalidParams,
                                "Invalid params: initialize needs params.protocolVersion (a string)");
        for (const char *field : {"capabilities", "clientInfo"})
            if (params.contains(field) && !params[field].is_object())
                return errorMessage(request.id, jsonrpc::code::invalidParams,
                                    std::string("Invalid params: initialize params.") + field +
                                        " must be an object");
        const std::string requested = params["protocolVersion"].get<std::string>();
        // Echo a version we speak; otherwise offer our latest and let the client decide.
        const std::string agreed = isSupportedProtocolVersion(requested) ? requested : kLatestProtocolVersion;
        {
            std::lock_guard lock(mutex);
            if (initialized)
                return errorMessage(request.id, jsonrpc::code::invalidRequest,
                                    "Invalid Request: the session is already initialized");
            initialized = true;
            version = agreed;
        }
        const ServerOptions &options = registry->options;
        Json serverInfo = {{"name", options.name}, {"version", options.version}};
        if (!options.title.empty())
            serverInfo["title"] = options.title;
        Json result = {{"protocolVersion", agreed},
                       {"capabilities", {{"tools", {{"listChanged", false}}}}},
                       {"serverInfo", std::move(serverInfo)}};
        if (!options.instructions.empty())
            result["instructions"] = options.instructions;
        return resultMessage(request.id, std::move(result));
    }

    Json listTools(const jsonrpc::Request &request)
    {
        const auto tools = registry->all();
        std::size_t offset = 0;
        if (request.params.is_object() && request.params.contains("cursor") &&
            !request.params["cursor"].is_null()) {
            const Json &cursor = request.params["cursor"];
            auto read =
                cursor.is_string() ? readCursor(cursor.get<std::string>(), tools.size()) : std::nullopt;
            if (!read)
                return errorMessage(request.id, jsonrpc::code::invalidParams,
                                    "Invalid params: unknown or expired cursor " + dump(cursor));
            offset = *read;
        }
        const std::size_t pageSize = static_cast<std::size_t>(std::max(1, registry->options.pageSize));
        const std::size_t end = std::min(tools.size(), offset + pageSize);
        Json list = Json::array();
        for (std::size_t i = offset; i < end; ++i)
            list.push_back(describeTool(tools[i]));
        Json result = {{"tools", std::move(list)}};
        if (end < tools.size())
            result["nextCursor"] = makeCursor(end);
        return resultMessage(request.id, std::move(result));
    }

    void callTool(jsonrpc::Request request, const std::shared_ptr<AnswerSlot> &slot)
    {
        auto fail = [&](int code, std::string message) {
            slot->expectOneMore();
            slot->add(errorMessage(request.id, code, std::move(message)));
        };
        const Json &params = request.params;
        if (!params.is_object() || !params.contains("name") || !params["name"].is_string())
            return fail(jsonrpc::code::invalidParams,
                        "Invalid params: tools/call needs params.name (a string)");
        const std::string name = params["name"].get<std::string>();
        auto tool = registry->find(name);
        if (!tool)
            return fail(jsonrpc::code::invalidParams, "Unknown tool: " + name);
        Json arguments = params.contains("arguments") ? params["arguments"] : Json();
        if (arguments.is_null())
            arguments = Json::object();
        if (!arguments.is_object())
            return fail(jsonrpc::code::invalidParams,
                        "Invalid params: tools/call params.arguments must be an object");

        // Bad arguments are the model's to correct: a tool error, not a protocol error.
        const Json schema = tool->inputSchema.is_null()
                                ? Json{{"type", "object"}, {"additionalProperties", false}}
                                : tool->inputSchema;
        if (auto problems = checkAgainstSchema(arguments, schema); !problems.empty()) {
            std::string text = "Input validation error for " + name + ":";
            for (const auto &problem : problems)
                text += " " + problem + ";";
            text.pop_back();
            slot->expectOneMore();
            slot->add(resultMessage(request.id, ToolResult::error(std::move(text)).toJson()));
            return;
        }

        auto call = std::make_shared<RunningCall>();
        call->key = jsonrpc::idText(request.id);
        call->id = request.id;
        call->slot = slot;
        ToolContext context;
        context.cancel = call->cancel;
        if (params.contains("_meta") && params["_meta"].is_object()) {
            context.meta = params["_meta"];
            const Json &token =
                context.meta.contains("progressToken") ? context.meta["progressToken"] : Json();
            if (token.is_string() || token.is_number_integer())
                call->progressToken = token;
        }
        context.progress = [call](double value, std::optional<double> total, const std::string &message) {
            call->progress(value, total, message);
        };
        {
            std::lock_guard lock(mutex);
            if (running.count(call->key))
                return failLocked(slot, request.id, jsonrpc::code::invalidRequest,
                                  "Invalid Request: request id " + call->key + " is still in use");
            if (static_cast<int>(running.size()) >= std::max(1, registry->options.maxConcurrentCalls))
                return failLocked(slot, request.id, kServerBusy,
                                  "Server busy: " + std::to_string(running.size()) +
                                      " tool calls are running; retry when one has finished");
            running.emplace(call->key, call);
            slot->expectOneMore();
            const std::uint64_t serial = nextWorker++;
            workers.emplace(serial,
                            std::thread([self = shared_from_this(), serial, call, handler = tool->handler,
                                         arguments = std::move(arguments), context = std::move(context)] {
                                self->runCall(serial, call, handler, arguments, context);
                            }));
        }
    }

    static void failLocked(const std::shared_ptr<AnswerSlot> &slot, const jsonrpc::Id &id, int code,
                           std::string message)
    {
        // Called with the session mutex held: the slot has its own lock and never calls back into us here,
        // because receive() still holds the slot open.
        slot->expectOneMore();
        slot->add(errorMessage(id, code, std::move(message)));
    }

    void runCall(std::uint64_t serial, const std::shared_ptr<RunningCall> &call, const ToolHandler &handler,
                 const Json &arguments, const ToolContext &context)
    {
        ToolResult result;
        try {
            result = handler(arguments, context);
        } catch (const std::exception &e) {
            result = ToolResult::error(std::string("The tool failed: ") + e.what());
        } catch (...) {
            result = ToolResult::error("The tool failed");
        }
        bool dropped = false;
        {
            std::lock_guard lock(call->mutex);
            call->finished = true;
            dropped = call->cancelled;
        }
        {
            // Out of the running set before the answer goes, so the client may reuse the id at once.
            std::lock_guard lock(mutex);
            running.erase(call->key);
        }
        if (dropped)
            call->slot->add(std::nullopt);
        else
            call->slot->add(resultMessage(call->id, result.toJson()));
        std::lock_guard lock(mutex);
        finishedWorkers.push_back(serial);
    }

    void reapWorkers()
    {
        std::vector<std::thread> done;
        {
            std::lock_guard lock(mutex);
            for (auto serial : finishedWorkers) {
                auto it = workers.find(serial);
                if (it != workers.end()) {
                    done.push_back(std::move(it->second));
                    workers.erase(it);
                }
            }
            finishedWorkers.clear();
        }
        for (auto &thread : done)
            thread.join();
    }

    void close(bool cancelRunning)
    {
        std::vector<std::shared_ptr<RunningCall>> calls;
        {
            std::lock_guard lock(mutex);
            closed = true;
            for (const auto &[key, call] : running)
                calls.push_back(call);
        }
        if (cancelRunning) {
            for (const auto &call : calls) {
                {
                    std::lock_guard lock(call->mutex);
                    if (call->finished)
                        continue;
                    call->cancelled = true;
                }
                call->cancel.cancel();
            }
        }
        std::map<std::uint64_t, std::thread> all;
        {
            std::lock_guard lock(mutex);
            all.swap(workers);
            finishedWorkers.clear();
        }
        for (auto &[serial, thread] : all) {
            if (thread.get_id() == std::this_thread::get_id())
                thread.detach(); // closed from inside a handler: it cannot wait for itself
            else if (thread.joinable())
                thread.join();
        }
    }
};

ToolSession::ToolSession(std::shared_ptr<Impl> impl) : m_impl(std::move(impl)) {}

ToolSession::~ToolSession()
{
    close();
}

bool ToolSession::receive(std::string_view text, Replies replies)
{
    auto incoming = readIncoming(text);
    if (auto *error = std::get_if<jsonrpc::ErrorObject>(&incoming)) {
        if (replies.answer)
            replies.answer(errorWithoutId(*error));
        return true;
    }
    return receive(std::move(std::get<Incoming>(incoming)), std::move(replies));
}

bool ToolSession::receive(Incoming incoming, Replies replies)
{
    return m_impl->receive(std::move(incoming), std::move(replies));
}

void ToolSession::close(bool cancelRunning)
{
    m_impl->close(cancelRunning);
}

bool ToolSession::isInitialized() const
{
    return m_impl->isInitialized();
}

bool ToolSession::isClosed() const
{
    std::lock_guard lock(m_impl->mutex);
    return m_impl->closed;
}

std::string ToolSession::protocolVersion() const
{
    std::lock_guard lock(m_impl->mutex);
    return m_impl->version;
}

std::size_t ToolSession::runningCalls() const
{
    std::lock_guard lock(m_impl->mutex);
    return m_impl->running.size();
}

std::unique_ptr<ToolSession> ToolServer::openSession()
{
    auto impl = std::make_shared<ToolSession::Impl>();
    impl->registry = m_registry;
    return std::unique_ptr<ToolSession>(new ToolSession(std::move(impl)));
}

} // namespace serving
} // namespace lakeshore::mcp
