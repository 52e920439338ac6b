#include "http/httpserver.h"

#include <algorithm>
#include <chrono>
#include <httplib.h>
#include <strings.h>
#include <thread>

namespace lakeshore::http {

std::string ServerRequest::header(std::string_view name) const
{
    for (const auto &[key, value] : headers)
        if (key.size() == name.size() && strncasecmp(key.data(), name.data(), name.size()) == 0)
            return value;
    return {};
}

std::string ServerRequest::param(const std::string &name) const
{
    auto it = params.find(name);
    return it == params.end() ? std::string() : it->second;
}

struct HttpServer::Impl
{
    std::string tlsProblem; // the TLS files could not be loaded (first: makeServer() writes it)
    std::unique_ptr<httplib::Server> owned;
    httplib::Server &server;
    bool tls = false;
    std::vector<std::pair<std::string, Handler>> routes; // sorted, longest prefix first
    std::thread thread;
    std::string host;
    int port = 0;

    explicit Impl(const TlsFiles &files) : owned(makeServer(files, tlsProblem)), server(*owned)
    {
        tls = files.enabled();
    }

    static std::unique_ptr<httplib::Server> makeServer(const TlsFiles &files, std::string &problem)
    {
        if (!files.enabled())
            return std::make_unique<httplib::Server>();
        auto server =
            std::make_unique<httplib::SSLServer>(files.certificateFile.c_str(), files.privateKeyFile.c_str());
        if (!server->is_valid())
            problem = "cannot load the TLS certificate \"" + files.certificateFile + "\" with the key \"" +
                      files.privateKeyFile + "\" (both PEM, readable, and belonging together)";
        return server;
    }

    void dispatch(const httplib::Request &in, httplib::Response &out)
    {
        // httplib would cut a Range out of whatever body we send: handlers answer ranges themselves.
        const_cast<httplib::Request &>(in).ranges.clear();
        ServerRequest request;
        request.method = in.method;
        request.path = in.path;
        request.remoteAddress = in.remote_addr;
        request.body = in.body;
        for (const auto &[key, value] : in.params)
            request.params.emplace(key, value);
        for (const auto &[key, value] : in.headers)
            request.headers.emplace_back(key, value);
        auto question = in.target.find('?');
        if (question != std::string::npos)
            request.rawQuery = in.target.substr(question + 1);

        ServerResponse response;
        auto route = std::find_if(routes.begin(), routes.end(),
                                  [&](const auto &r) { return in.path.rfind(r.first, 0) == 0; });
        if (route == routes.end()) {
            response.status = 404;
            response.body = R"({"error":{"code":"NotFound","message":"No such resource."}})";
        } else {
            route->second(request, response);
        }
        out.status = response.status;
        for (const auto &[key, value] : response.headers)
            out.set_header(key, value);
        if (response.stream) {
            out.set_chunked_content_provider(response.contentType, [stream = std::move(response.stream)](
                                                                       size_t, httplib::DataSink &sink) {
                const bool whole =
                    stream([&sink](std::string_view data) { return sink.write(data.data(), data.size()); });
                if (whole)
                    sink.done();
                return whole; // false: httplib drops the connection without the closing chunk
            });
            return;
        }
        if (response.readBody) {
            out.set_content_provider(
                static_cast<size_t>(response.bodyLength), response.contentType,
                [read = std::move(response.readBody)](size_t offset, size_t length, httplib::DataSink &sink) {
                    return read(offset, length, [&sink](std::string_view data) {
                        return sink.write(data.data(), data.size());
                    });
                });
            return;
        }
        // HEAD replies carry the length of the body they would have sent.
        if (response.sharedBody)
            out.set_content(*response.sharedBody + response.body, response.contentType);
        else
            out.set_content(response.body, response.contentType);
    }
};

HttpServer::HttpServer(int workerThreads, TlsFiles tls) : m_impl(std::make_unique<Impl>(tls))
{
    m_impl->server.new_task_queue = [workerThreads] { return new httplib::ThreadPool(workerThreads); };
    auto handler = [impl = m_impl.get()](const httplib::Request &in, httplib::Response &out) {
        impl->dispatch(in, out);
    };
    const std::string any = R"(/.*)";
    m_impl->server.Get(any, handler);
    m_impl->server.Post(any, handler);
    m_impl->server.Put(any, handler);
    m_impl->server.Patch(any, handler);
    m_impl->server.Delete(any, handler);
    m_impl->server.Options(any, handler);
    // httplib's default adds SO_REUSEPORT, which lets a second server bind a port already in use and
    // silently take part of its traffic; SO_REUSEADDR alone still allows a quick restart.
    m_impl->server.set_socket_options([](socket_t sock) {
        int yes = 1;
        setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    });
    // httplib listens with a backlog of 5: every reconnect risks a dropped SYN (a 1 s retransmit), so a
    // keep-alive connection serves many requests before it is closed.
    m_impl->server.set_keep_alive_max_count(100000);
    m_impl->server.set_keep_alive_timeout(2); // frees idle workers sooner, and stop() waits out at most this
    m_impl->server.set_tcp_nodelay(true);     // headers and body go out in separate writes: no Nagle stall
    m_impl->server.set_read_timeout(30, 0);
    m_impl->server.set_write_timeout(30, 0);
}

HttpServer::~HttpServer()
{
    stop();
}

void HttpServer::route(std::string prefix, Handler handler)
{
    auto &routes = m_impl->routes;
    routes.emplace_back(std::move(prefix), std::move(handler));
    std::stable_sort(routes.begin(), routes.end(),
                     [](const auto &a, const auto &b) { return a.first.size() > b.first.size(); });
}

Result<int> HttpServer::start(const std::string &host, int port)
{
    if (!m_impl->tlsProblem.empty())
        return makeError(ErrorKind::Invalid, m_impl->tlsProblem);
    int bound = port;
    if (port == 0)
        bound = m_impl->server.bind_to_any_port(host);
    else if (!m_impl->server.bind_to_port(host, port))
        bound = -1;
    if (bound <= 0)
        return makeError(ErrorKind::Network, "cannot listen on " + host + ":" + std::to_string(port));
    m_impl->host = host;
    m_impl->port = bound;
    m_impl->thread = std::thread([impl = m_impl.get()] { impl->server.listen_after_bind(); });
    // httplib's stop() does nothing until the listen loop runs, so a stop() right after start() would
    // leave join() waiting forever: wait for the loop (it starts at once; the bound is a safety net).
    for (int i = 0; i < 5000 && !m_impl->server.is_running(); ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    return bound;
}

void HttpServer::stop()
{
    if (m_impl->thread.joinable()) {
        m_impl->server.stop();
        m_impl->thread.join();
    }
}

int HttpServer::port() const
{
    return m_impl->port;
}

std::string HttpServer::baseUrl() const
{
    return (m_impl->tls ? "https://" : "http://") + m_impl->host + ":" + std::to_string(m_impl->port);
}

} // namespace lakeshore::http
