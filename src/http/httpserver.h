// A small HTTP/1.1 server for the services we ship (demo CRM/ERP, later the share server).
// Handlers run on the server's worker threads; a handler may sleep (latency injection) without
// blocking the others.
#pragma once

#include "core/result.h"

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace lakeshore::http {

struct ServerRequest
{
    std::string method;
    std::string path;                               // decoded path, without the query
    std::string rawQuery;                           // as received, still percent-encoded
    std::multimap<std::string, std::string> params; // decoded query parameters
    std::vector<std::pair<std::string, std::string>> headers;
    std::string body;
    std::string remoteAddress;

    // Case-insensitive header lookup; empty when absent.
    [[nodiscard]] std::string header(std::string_view name) const;
    [[nodiscard]] bool hasParam(const std::string &name) const { return params.count(name) > 0; }
    [[nodiscard]] std::string param(const std::string &name) const;
};

struct ServerResponse
{
    int status = 200;
    std::string contentType = "application/json";
    std::vector<std::pair<std::string, std::string>> headers;
    std::string body;
    // Set: the body is sent chunked by calling this after the head went out (body is then ignored), for
    // event streams. write() returns false once the client has gone; return false to cut the connection
    // off mid-body instead of ending it cleanly. Runs on the worker thread and may wait.
    std::function<bool(const std::function<bool(std::string_view)> &write)> stream;
    // Set: a body of bodyLength bytes sent with a Content-Length, read piece by piece from readBody(offset,
    // length, write) (files). A HEAD request gets the length and no body. Range requests are the handler's
    // to answer: the server itself never slices bodies.
    std::uint64_t bodyLength = 0;
    // Set (and no stream or readBody): the body is *sharedBody followed by `body`, sent with a
    // Content-Length; EventServer sends the shared bytes without copying them (cached answers).
    std::shared_ptr<const std::string> sharedBody;
    std::function<bool(std::uint64_t offset, std::uint64_t length,
                       const std::function<bool(std::string_view)> &write)>
        readBody;

    void setHeader(std::string name, std::string value)
    {
        headers.emplace_back(std::move(name), std::move(value));
    }
};

using Handler = std::function<void(const ServerRequest &, ServerResponse &)>;

// PEM files of a certificate (chain) and its private key: with both set the server speaks HTTPS.
struct TlsFiles
{
    std::string certificateFile;
    std::string privateKeyFile;

    [[nodiscard]] bool enabled() const { return !certificateFile.empty() || !privateKeyFile.empty(); }
};

class HttpServer
{
public:
    // httplib holds a worker for each open keep-alive connection: keep more workers than a client's
    // connection cap (16 per host in our HttpClient), but not so many that idle threads bloat the heap.
    explicit HttpServer(int workerThreads = 32, TlsFiles tls = {});
    ~HttpServer(); // stops
    HttpServer(const HttpServer &) = delete;
    HttpServer &operator=(const HttpServer &) = delete;

    // Requests whose path starts with prefix go to handler; the longest prefix wins. Any method.
    void route(std::string prefix, Handler handler);

    // Binds (port 0 = an ephemeral port) and serves on a background thread. Returns the bound port. With
    // TLS files that cannot be loaded: ErrorKind::Invalid naming them.
    Result<int> start(const std::string &host = "127.0.0.1", int port = 0);
    void stop();

    [[nodiscard]] int port() const;
    [[nodiscard]] std::string baseUrl() const; // "http://127.0.0.1:40123" (https with TLS)

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace lakeshore::http
