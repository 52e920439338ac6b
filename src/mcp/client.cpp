#include "mcp/client.h"

#include <algorithm>
#include <mutex>
#include <set>
#include <type_traits>

namespace lakeshore::mcp {
namespace {

using Json = nlohmann::json;

bool isSupported(const std::string &version)
{
    const auto &ours = supportedProtocolVersions();
    return std::find(ours.begin(), ours.end(), version) != ours.end();
}

std::string ourVersionsText()
{
    std::string text;
    for (const auto &version : supportedProtocolVersions())
        text += (text.empty() ? "" : ", ") + version;
    return text;
}

// A server that refuses our version may list the ones it speaks (-32602 with data.supported).
std::string versionToRetry(const Error &error, const Json &data)
{
    if (error.code != "-32602" || !data.is_object() || !data.contains("supported") ||
        !data["supported"].is_array())
        return {};
    for (const auto &ours : supportedProtocolVersions())
        for (const auto &theirs : data["supported"])
            if (theirs.is_string() && theirs.get<std::string>() == ours)
                return ours;
    return {};
}

bool sessionExpired(const Error &error)
{
    return error.code == Transport::kSessionExpired;
}

} // namespace

struct Client::Impl : std::enable_shared_from_this<Impl>
{
    TransportFactory makeTransport;
    ClientOptions options;
    mutable std::mutex mutex;
    std::shared_ptr<RpcSession> session;
    std::vector<std::shared_ptr<RpcSession>> retired; // closed by close(), never from a callback thread
    ServerIdentity identity;
    bool connected = false;

    std::shared_ptr<RpcSession> current() const
    {
        std::lock_guard lock(mutex);
        return connected && session->isOpen() ? session : nullptr;
    }

    void retire(const std::shared_ptr<RpcSession> &old)
    {
        std::lock_guard lock(mutex);
        if (session == old) {
            retired.push_back(session);
            session.reset();
            connected = false;
        }
    }

    void connect(CancelToken cancel, std::function<void(Result<ServerIdentity>)> done)
    {
        auto fresh = std::make_shared<RpcSession>(makeTransport());
        {
            std::lock_guard lock(mutex);
            if (session)
                retired.push_back(session);
            session = fresh;
            connected = false;
        }
        auto started = fresh->start();
        if (!started) {
            retire(fresh);
            done(started.error());
            return;
        }
        initialize(fresh, supportedProtocolVersions().front(), true, std::move(cancel), std::move(done));
    }

    void initialize(const std::shared_ptr<RpcSession> &rpc, const std::string &version, bool mayRetry,
                    CancelToken cancel, std::function<void(Result<ServerIdentity>)> done)
    {
        Json params{{"protocolVersion", version},
                    {"capabilities", Json::object()},
                    {"clientInfo",
                     {{"name", options.clientName},
                      {"title", options.clientTitle},
                      {"version", options.clientVersion}}}};
        CallOptions call;
        call.timeoutMs = options.initializeTimeoutMs;
        call.maxTotalMs = options.initializeTimeoutMs;
        call.cancel = cancel;
        std::weak_ptr<Impl> weak = shared_from_this();
        // The raw error data is needed to read the versions a refusing server lists.
        rpc->requestRaw("initialize", std::move(params), std::move(call),
                        [weak, rpc, mayRetry, cancel, done = std::move(done)](Result<Json> reply,
                                                                              Json errorData) mutable {
                            auto self = weak.lock();
                            if (!self) {
                                done(makeError(ErrorKind::Cancelled, "the MCP client was closed"));
                                return;
                            }
                            if (!reply) {
                                const std::string retry =
                                    mayRetry ? versionToRetry(reply.error(), errorData) : std::string();
                                if (!retry.empty()) {
                                    self->initialize(rpc, retry, false, cancel, std::move(done));
                                    return;
                                }
                                self->retire(rpc);
                                Error error = reply.error();
                                error.message = "the MCP server refused to start a session: " + error.message;
                                done(std::move(error));
                                return;
                            }
                            self->initialized(rpc, reply.value(), std::move(done));
                        });
    }

    void initialized(const std::shared_ptr<RpcSession> &rpc, const Json &result,
                     const std::function<void(Result<ServerIdentity>)> &done)
    {
        const auto failWith = [&](std::string text) {
            retire(rpc);
            done(makeError(ErrorKind::Malformed, std::move(text)));
        };
        if (!result.is_object() || !result.contains("protocolVersion") ||
            !result["protocolVersion"].is_string())
            return failWith("the MCP server answered initialize without a protocol version");
        ServerIdentity found;
        found.protocolVersion = result["protocolVersion"].get<std::string>();
        if (!isSupported(found.protocolVersion))
            return failWith("the MCP server speaks protocol version \"" +
                            found.protocolVersion.substr(0, 40) + "\", which Lakeshore does not (it speaks " +
                            ourVersionsText() + ")");
        if (result.contains("capabilities") && result["capabilities"].is_object())
            found.capabilities = result["capabilities"];
        else
            found.capabilities = Json::object();
        if (result.contains("serverInfo") && result["serverInfo"].is_object()) {
            const Json &info = result["serverInfo"];
            found.name = info.value("name", Json()).is_string() ? info["name"].get<std::string>() : "";
            found.title = info.value("title", Json()).is_string() ? info["title"].get<std::string>() : "";
            found.version =
                info.value("version", Json()).is_string() ? info["version"].get<std::string>() : "";
        }
        if (result.contains("instructions") && result["instructions"].is_string())
            found.instructions = result["instructions"].get<std::string>();
        rpc->setProtocolVersion(found.protocolVersion);
        auto sent = rpc->notify("notifications/initialized", Json::object());
        if (!sent) {
            retire(rpc);
            done(sent.error());
            return;
        }
        {
            std::lock_guard lock(mutex);
            if (session != rpc) {
                done(makeError(ErrorKind::Cancelled, "the MCP connection was replaced"));
                return;
            }
            identity = found;
            connected = true;
        }
        done(std::move(found));
    }

    // A request on the current session; a session the server forgot is re-initialized and the
    // request sent once more. T is Json (a parsed result) or std::string (the reply's text).
    template <class T>
    void request(std::string method, Json params, CallOptions call, bool mayReconnect,
                 std::function<void(Result<T>)> done)
    {
        auto rpc = current();
        if (!rpc) {
            done(makeError(ErrorKind::Network, "not connected to the MCP server"));
            return;
        }
        std::weak_ptr<Impl> weak = shared_from_this();
        CallOptions again = call;
        auto onReply = [weak, rpc, method, params, again, mayReconnect,
                        done = std::move(done)](Result<T> reply) mutable {
            auto self = weak.lock();
            if (!self || reply || !mayReconnect || !sessionExpired(reply.error())) {
                done(std::move(reply));
                return;
            }
            self->retire(rpc);
            self->connect(again.cancel, [weak, method, params, again,
                                         done = std::move(done)](Result<ServerIdentity> joined) mutable {
                auto self = weak.lock();
                if (!joined || !self) {
                    done(joined ? makeError(ErrorKind::Cancelled, "the MCP client was closed")
                                : joined.error());
                    return;
                }
                self->request<T>(std::move(method), std::move(params), std::move(again), false,
                                 std::move(done));
            });
        };
        if constexpr (std::is_same_v<T, std::string>)
            rpc->requestText(method, params, std::move(call), std::move(onReply));
        else
            rpc->request(method, params, std::move(call), std::move(onReply));
    }

    void listPage(std::string cursor, std::vector<Tool> gathered, std::set<std::string> seenCursors,
                  int pages, CancelToken cancel, std::function<void(Result<std::vector<Tool>>)> done)
    {
        Json params = Json::object();
        if (!cursor.empty())
            params["cursor"] = cursor;
        CallOptions call;
        call.timeoutMs = options.listTimeoutMs;
        call.maxTotalMs = options.listTimeoutMs;
        call.cancel = cancel;
        std::weak_ptr<Impl> weak = shared_from_this();
        request<Json>("tools/list", std::move(params), std::move(call), true,
                      [weak, gathered = std::move(gathered), seenCursors = std::move(seenCursors), pages,
                       cancel, done = std::move(done)](Result<Json> reply) mutable {
                          auto self = weak.lock();
                          if (!self) {
                              done(makeError(ErrorKind::Cancelled, "the MCP client was closed"));
                              return;
                          }
                          if (!reply) {
                              done(reply.error());
                              return;
                          }
                          const Json &page = reply.value();
                          if (!page.is_object() || !page.contains("tools") || !page["tools"].is_array()) {
                              done(makeError(ErrorKind::Malformed,
                                             "the MCP server answered tools/list without a tool list"));
                              return;
                          }
                          for (const auto &entry : page["tools"]) {
                              auto tool = parseTool(entry);
                              if (!tool) {
                                  done(tool.error());
                                  return;
                              }
                              gathered.push_back(std::move(tool.value()));
                          }
                          const auto next = page.find("nextCursor");
                          if (next == page.end() || next->is_null() ||
                              (next->is_string() && next->get<std::string>().empty())) {
                              done(std::move(gathered));
                              return;
                          }
                          if (!next->is_string()) {
                              done(makeError(ErrorKind::Malformed,
                                             "the MCP server sent a nextCursor that is not a string"));
                              return;
                          }
                          const std::string cursor = next->get<std::string>();
                          if (!seenCursors.insert(cursor).second || pages + 1 >= self->options.maxToolPages) {
                              done(makeError(ErrorKind::Loop,
                                             "the MCP server's tool list pages do not end (cursor \"" +
                                                 cursor.substr(0, 40) + "\" again, or over " +
                                                 std::to_string(self->options.maxToolPages) + " pages)"));
                              return;
                          }
                          self->listPage(cursor, std::move(gathered), std::move(seenCursors), pages + 1,
                                         cancel, std::move(done));
                      });
    }
};

Client::Client(TransportFactory makeTransport, ClientOptions options) : m_impl(std::make_shared<Impl>())
{
    m_impl->makeTransport = std::move(makeTransport);
    m_impl->options = std::move(options);
}

Client::~Client()
{
    close();
}

void Client::connect(CancelToken cancel, std::function<void(Result<ServerIdentity>)> done)
{
    m_impl->connect(std::move(cancel), std::move(done));
}

void Client::listTools(CancelToken cancel, std::function<void(Result<std::vector<Tool>>)> done)
{
    const ServerIdentity known = identity();
    if (isConnected() && !known.capabilities.contains("tools")) {
        done(makeError(ErrorKind::NotFound, "the MCP server \"" + known.name + "\" offers no tools"));
        return;
    }
    m_impl->listPage({}, {}, {}, 0, std::move(cancel), std::move(done));
}

void Client::callTool(const std::string &name, nlohmann::json arguments, ToolCallOptions options,
                      std::function<void(Result<ToolResult>)> done)
{
    Json params{{"name", name}, {"arguments", arguments.is_null() ? Json::object() : std::move(arguments)}};
    if (options.meta.is_object() && !options.meta.empty())
        params["_meta"] = options.meta;
    CallOptions call;
    call.timeoutMs = options.timeoutMs;
    call.maxTotalMs = options.maxTotalMs;
    call.cancel = options.cancel;
    call.onProgress = std::move(options.onProgress);
    m_impl->request<Json>("tools/call", std::move(params), std::move(call), true,
                          [done = std::move(done)](Result<Json> reply) {
                              if (!reply) {
                                  done(reply.error());
                                  return;
                              }
                              done(parseToolResult(reply.value()));
                          });
}

void Client::callToolText(const std::string &name, nlohmann::json arguments, ToolCallOptions options,
                          std::function<void(Result<std::string>)> done)
{
    Json params{{"name", name}, {"arguments", arguments.is_null() ? Json::object() : std::move(arguments)}};
    if (options.meta.is_object() && !options.meta.empty())
        params["_meta"] = options.meta;
    CallOptions call;
    call.timeoutMs = options.timeoutMs;
    call.maxTotalMs = options.maxTotalMs;
    call.cancel = options.cancel;
    call.onProgress = std::move(options.onProgress);
    m_impl->request<std::string>("tools/call", std::move(params), std::move(call), true, std::move(done));
}

void Client::close()
{
    std::vector<std::shared_ptr<RpcSession>> closing;
    {
        std::lock_guard lock(m_impl->mutex);
        closing.swap(m_impl->retired);
        if (m_impl->session)
            closing.push_back(std::move(m_impl->session));
        m_impl->connected = false;
    }
    for (auto &rpc : closing)
        rpc->close();
}

bool Client::isConnected() const
{
    std::lock_guard lock(m_impl->mutex);
    // A server that went away (a child that exited) ends the connection.
    return m_impl->connected && m_impl->session && m_impl->session->isOpen();
}

ServerIdentity Client::identity() const
{
    std::lock_guard lock(m_impl->mutex);
    return m_impl->identity;
}

std::string Client::diagnostics() const
{
    std::shared_ptr<RpcSession> rpc;
    {
        std::lock_guard lock(m_impl->mutex);
        rpc =
            m_impl->session ? m_impl->session : (m_impl->retired.empty() ? nullptr : m_impl->retired.back());
    }
    return rpc ? rpc->diagnostics() : std::string();
}

} // namespace lakeshore::mcp
