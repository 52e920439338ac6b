// An event-driven HTTP/1.1 server for plain HTTP: one epoll loop per core sharing one listening socket,
// keep-alive and pipelined requests, request bodies with a Content-Length, responses with a body, a
// chunked stream or a sized body read piece by piece (ServerResponse in httpserver.h). Handlers run on
// the loop thread that read the request, so they must be quick; a connection costs no thread, so many
// open connections do not crowd the CPU as HttpServer's thread per connection does. No TLS: HttpServer
// serves HTTPS.
#pragma once

#include "http/httpserver.h"

#include <memory>
#include <string>

namespace lakeshore::http {

struct EventServerLimits
{
    std::size_t maxHeaderBytes = 64 * 1024;     // request line and headers; past it: 431
    std::size_t maxBodyBytes = 8 * 1024 * 1024; // past it: 413
    int idleTimeoutMs = 30000;                  // a connection with no traffic this long is closed
};

class EventServer
{
public:
    // loops = 0: one per hardware thread.
    explicit EventServer(int loops = 0, EventServerLimits limits = {});
    ~EventServer(); // stops
    EventServer(const EventServer &) = delete;
    EventServer &operator=(const EventServer &) = delete;

    // As HttpServer::route: the longest matching prefix wins. Before start().
    void route(std::string prefix, Handler handler);

    // Binds (port 0 = an ephemeral port) and serves. Returns the bound port.
    Result<int> start(const std::string &host = "127.0.0.1", int port = 0);
    void stop();

    [[nodiscard]] int port() const;
    [[nodiscard]] std::string baseUrl() const; // "http://127.0.0.1:40123"

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace lakeshore::http
