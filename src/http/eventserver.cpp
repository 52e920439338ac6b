#include "http/eventserver.h"

#include "http/requesthead.h"

#include <algorithm>
#include <arpa/inet.h>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <fcntl.h>
#include <map>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>
#include <vector>

namespace lakeshore::http {
namespace {

using Clock = std::chrono::steady_clock;
constexpr std::size_t kReadPiece = 64 * 1024;
constexpr std::size_t kBodyPiece = 256 * 1024;

std::string peerAddress(const sockaddr_storage &address)
{
    char text[INET6_ADDRSTRLEN] = {};
    if (address.ss_family == AF_INET)
        inet_ntop(AF_INET, &reinterpret_cast<const sockaddr_in &>(address).sin_addr, text, sizeof text);
    else if (address.ss_family == AF_INET6)
        inet_ntop(AF_INET6, &reinterpret_cast<const sockaddr_in6 &>(address).sin6_addr, text, sizeof text);
    return text;
}

// One client connection: what it sent that is not answered yet, and what is still to send.
struct Connection
{
    int fd = -1;
    std::string peer;
    std::string in;
    std::string out;
    std::size_t outSent = 0;
    // A sized body still being read into `out` piece by piece (files).
    std::function<bool(std::uint64_t, std::uint64_t, const std::function<bool(std::string_view)> &)>
        bodyReader;
    std::uint64_t bodyOffset = 0;
    std::uint64_t bodyLength = 0;
    // A shared body sent straight from its buffer after `out`, then `tail` (ServerResponse::sharedBody).
    std::shared_ptr<const std::string> shared;
    std::size_t sharedSent = 0;
    std::string tail;
    bool closeWhenSent = false;
    bool peerClosed = false;                      // it sent FIN: answer what it asked, then close
    std::uint32_t watched = EPOLLIN | EPOLLRDHUP; // the epoll interest registered for fd
    Clock::time_point lastActivity = Clock::now();

    ~Connection()
    {
        if (fd >= 0)
            ::close(fd);
    }
};

} // namespace

struct EventServer::Impl
{
    EventServerLimits limits;
    int loopCount = 1;
    std::vector<std::pair<std::string, Handler>> routes; // longest prefix first
    int listenFd = -1;
    std::string host;
    int port = 0;
    std::atomic<bool> stopping{false};
    std::vector<std::thread> threads;
    std::vector<int> wakeFds;

    void dispatch(ServerRequest &request, ServerResponse &response)
    {
        auto route = std::find_if(routes.begin(), routes.end(),
                                  [&](const auto &r) { return request.path.rfind(r.first, 0) == 0; });
        if (route == routes.end()) {
            response.status = 404;
            response.body = R"({"error":{"code":"NotFound","message":"No such resource."}})";
            return;
        }
        route->second(request, response);
    }

    static void appendHead(Connection &c, int status, const ServerResponse &response,
                           const std::string &length, bool chunked)
    {
        c.out += "HTTP/1.1 " + std::to_string(status) + " " + reasonPhrase(status) + "\r\n";
        c.out += "Content-Type: " + response.contentType + "\r\n";
        for (const auto &[name, value] : response.headers)
            c.out += name + ": " + value + "\r\n";
        if (chunked)
            c.out += "Transfer-Encoding: chunked\r\n";
        else
            c.out += "Content-Length: " + length + "\r\n";
        if (c.closeWhenSent)
            c.out += "Connection: close\r\n";
        c.out += "\r\n";
    }

    void answerProblem(Connection &c, int status, const std::string &message)
    {
        ServerResponse response;
        response.status = status;
        response.body = R"({"error":{"code":"BadRequest","message":")" + message + "\"}}";
        c.closeWhenSent = true;
        appendHead(c, status, response, std::to_string(response.body.size()), false);
        c.out += response.body;
    }

    // Answers every complete request in c.in, in order; stops at a sized body still to send.
    void answerRequests(Connection &c)
    {
        while (!c.closeWhenSent && !c.bodyReader && !c.shared) {
            const std::size_t headEnd = c.in.find("\r\n\r\n");
            if (headEnd == std::string::npos) {
                if (c.in.size() > limits.maxHeaderBytes)
                    answerProblem(c, 431, "the request head is too large");
                return;
            }
            if (headEnd > limits.maxHeaderBytes)
                return answerProblem(c, 431, "the request head is too large");
            auto parsed = parseRequestHead(std::string_view(c.in).substr(0, headEnd));
            if (auto *problem = std::get_if<HeadProblem>(&parsed))
                return answerProblem(c, problem->status, problem->message);
            RequestHead &head = std::get<RequestHead>(parsed);
            if (head.bodyLength > limits.maxBodyBytes)
                return answerProblem(c, 413, "the request body is too large");
            if (c.in.size() < headEnd + 4 + head.bodyLength)
                return; // the body is still arriving
            ServerRequest &request = head.request;
            request.body = c.in.substr(headEnd + 4, head.bodyLength);
            request.remoteAddress = c.peer;
            c.in.erase(0, headEnd + 4 + head.bodyLength);
            c.closeWhenSent = !head.keepAlive;

            ServerResponse response;
            dispatch(request, response);
            const bool headOnly = request.method == "HEAD";
            if (response.readBody) {
                appendHead(c, response.status, response, std::to_string(response.bodyLength), false);
                if (!headOnly && response.bodyLength > 0) {
                    c.bodyReader = std::move(response.readBody);
                    c.bodyOffset = 0;
                    c.bodyLength = response.bodyLength;
                }
            } else if (response.stream) {
                appendHead(c, response.status, response, {}, true);
                if (!headOnly) {
                    const bool whole = response.stream([&c](std::string_view data) {
                        if (data.empty())
                            return true;
                        char size[20];
                        const int n = std::snprintf(size, sizeof size, "%zx\r\n", data.size());
                        c.out.append(size, static_cast<std::size_t>(n));
                        c.out.append(data);
                        c.out += "\r\n";
                        return true;
                    });
                    if (whole)
                        c.out += "0\r\n\r\n";
                    else
                        c.closeWhenSent = true; // cut off: the client sees no closing chunk
                } else {
                    c.out += "0\r\n\r\n";
                }
            } else if (response.sharedBody) {
                appendHead(c, response.status, response,
                           std::to_string(response.sharedBody->size() + response.body.size()), false);
                if (!headOnly) {
                    c.shared = std::move(response.sharedBody);
                    c.sharedSent = 0;
                    c.tail = std::move(response.body);
                }
            } else {
                appendHead(c, response.status, response, std::to_string(response.body.size()), false);
                if (!headOnly)
                    c.out += response.body;
            }
        }
    }

    // Sends what it can; false when the connection is done with (closed by us or broken).
    bool flush(Connection &c)
    {
        while (true) {
            if (c.outSent == c.out.size() && c.shared) {
                if (c.sharedSent == c.shared->size()) {
                    c.shared.reset();
                    c.out = std::move(c.tail);
                    c.outSent = 0;
                    c.tail.clear();
                    continue;
                }
                const ssize_t sent = ::send(c.fd, c.shared->data() + c.sharedSent,
                                            c.shared->size() - c.sharedSent, MSG_NOSIGNAL);
                if (sent > 0) {
                    c.sharedSent += static_cast<std::size_t>(sent);
                    c.lastActivity = Clock::now();
                    continue;
                }
                if (sent < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
                    return true;
                if (sent < 0 && errno == EINTR)
                    continue;
                return false;
            }
            if (c.outSent == c.out.size()) {
                c.out.clear();
                c.outSent = 0;
                if (c.bodyReader) {
                    const std::uint64_t piece =
                        std::min<std::uint64_t>(kBodyPiece, c.bodyLength - c.bodyOffset);
                    const std::size_t before = c.out.size();
                    const bool read = c.bodyReader(c.bodyOffset, piece, [&c](std::string_view data) {
                        c.out.append(data);
                        return true;
                    });
                    c.bodyOffset += c.out.size() - before;
                    if (!read || c.out.size() == before)
                        return false; // the body could not be read whole: cut the connection off
                    if (c.bodyOffset >= c.bodyLength)
                        c.bodyReader = nullptr;
                    continue;
                }
                if (!c.in.empty() && !c.closeWhenSent) {
                    answerRequests(c); // pipelined requests that waited for a body to go out
                    if (!c.out.empty() || c.shared || c.bodyReader)
                        continue;
                }
                return !c.closeWhenSent;
            }
            const ssize_t sent =
                ::send(c.fd, c.out.data() + c.outSent, c.out.size() - c.outSent, MSG_NOSIGNAL);
            if (sent > 0) {
                c.outSent += static_cast<std::size_t>(sent);
                c.lastActivity = Clock::now();
                continue;
            }
            if (sent < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
                return true;
            if (sent < 0 && errno == EINTR)
                continue;
            return false;
        }
    }

    void watch(int epoll, Connection &c)
    {
        const bool pending = c.outSent < c.out.size() || c.bodyReader || c.shared;
        // A closed peer is not read any more: its end-of-stream would wake the loop without end.
        const std::uint32_t wanted = (c.peerClosed ? 0u : EPOLLIN | EPOLLRDHUP) | (pending ? EPOLLOUT : 0u);
        if (wanted == c.watched)
            return;
        c.watched = wanted;
        epoll_event event{};
        event.events = wanted;
        event.data.fd = c.fd;
        epoll_ctl(epoll, EPOLL_CTL_MOD, c.fd, &event);
    }

    void acceptAll(int epoll, std::map<int, std::unique_ptr<Connection>> &connections)
    {
        while (true) {
            sockaddr_storage address{};
            socklen_t length = sizeof address;
            const int fd = ::accept4(listenFd, reinterpret_cast<sockaddr *>(&address), &length,
                                     SOCK_NONBLOCK | SOCK_CLOEXEC);
            if (fd < 0)
                return; // EAGAIN: another loop took it, or none left
            const int yes = 1;
            setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &yes, sizeof yes);
            auto c = std::make_unique<Connection>();
            c->fd = fd;
            c->peer = peerAddress(address);
            epoll_event event{};
            event.events = EPOLLIN | EPOLLRDHUP;
            event.data.fd = fd;
            if (epoll_ctl(epoll, EPOLL_CTL_ADD, fd, &event) == 0)
                connections.emplace(fd, std::move(c));
        }
    }

    // Reads what arrived and answers it; false when the connection should go.
    bool readable(Connection &c)
    {
        char buffer[kReadPiece];
        while (true) {
            const ssize_t got = ::recv(c.fd, buffer, sizeof buffer, 0);
            if (got > 0) {
                c.in.append(buffer, static_cast<std::size_t>(got));
                c.lastActivity = Clock::now();
                if (c.in.size() > limits.maxHeaderBytes + limits.maxBodyBytes + 4)
                    break; // answerRequests refuses it
                continue;
            }
            if (got == 0) {
                c.peerClosed = true;
                break;
            }
            if (errno == EAGAIN || errno == EWOULDBLOCK)
                break;
            if (errno == EINTR)
                continue;
            return false;
        }
        answerRequests(c);
        if (c.peerClosed)
            c.closeWhenSent = true;
        return true;
    }

    void runLoop(int wakeFd)
    {
        const int epoll = epoll_create1(EPOLL_CLOEXEC);
        epoll_event event{};
        event.events = EPOLLIN | EPOLLEXCLUSIVE;
        event.data.fd = listenFd;
        epoll_ctl(epoll, EPOLL_CTL_ADD, listenFd, &event);
        event.events = EPOLLIN;
        event.data.fd = wakeFd;
        epoll_ctl(epoll, EPOLL_CTL_ADD, wakeFd, &event);
        std::map<int, std::unique_ptr<Connection>> connections;
        epoll_event events[256];
        auto lastSweep = Clock::now();
        while (!stopping) {
            const int n = epoll_wait(epoll, events, 256, 1000);
            for (int i = 0; i < n; ++i) {
                const int fd = events[i].data.fd;
                if (fd == wakeFd)
                    continue;
                if (fd == listenFd) {
                    acceptAll(epoll, connections);
                    continue;
                }
                auto found = connections.find(fd);
                if (found == connections.end())
                    continue;
                Connection &c = *found->second;
                bool keep = true;
                if (events[i].events & (EPOLLIN | EPOLLRDHUP | EPOLLHUP | EPOLLERR))
                    keep = readable(c);
                if (keep)
                    keep = flush(c);
                if (!keep) {
                    connections.erase(found); // closes
                    continue;
                }
                watch(epoll, c);
            }
            const auto now = Clock::now();
            if (now - lastSweep >= std::chrono::seconds(1)) {
                lastSweep = now;
                for (auto it = connections.begin(); it != connections.end();) {
                    if (now - it->second->lastActivity > std::chrono::milliseconds(limits.idleTimeoutMs))
                        it = connections.erase(it);
                    else
                        ++it;
                }
            }
        }
        connections.clear();
        ::close(epoll);
    }
};

EventServer::EventServer(int loops, EventServerLimits limits) : m_impl(std::make_unique<Impl>())
{
    m_impl->limits = limits;
    m_impl->loopCount = loops > 0 ? loops : std::max(1u, std::thread::hardware_concurrency());
}

EventServer::~EventServer()
{
    stop();
}

void EventServer::route(std::string prefix, Handler handler)
{
    auto &routes = m_impl->routes;
    routes.emplace_back(std::move(prefix), std::move(handler));
    std::stable_sort(routes.begin(), routes.end(),
                     [](const auto &a, const auto &b) { return a.first.size() > b.first.size(); });
}

Result<int> EventServer::start(const std::string &host, int port)
{
    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV;
    addrinfo *found = nullptr;
    const std::string service = std::to_string(port);
    if (getaddrinfo(host.c_str(), service.c_str(), &hints, &found) != 0 || !found)
        return makeError(ErrorKind::Network, "cannot resolve " + host);
    int fd = -1;
    for (addrinfo *a = found; a && fd < 0; a = a->ai_next) {
        fd = ::socket(a->ai_family, a->ai_socktype | SOCK_NONBLOCK | SOCK_CLOEXEC, a->ai_protocol);
        if (fd < 0)
            continue;
        const int yes = 1;
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
        if (::bind(fd, a->ai_addr, a->ai_addrlen) != 0 || ::listen(fd, 1024) != 0) {
            ::close(fd);
            fd = -1;
        }
    }
    freeaddrinfo(found);
    if (fd < 0)
        return makeError(ErrorKind::Network, "cannot listen on " + host + ":" + std::to_string(port) + ": " +
                                                 std::strerror(errno));
    sockaddr_storage bound{};
    socklen_t length = sizeof bound;
    getsockname(fd, reinterpret_cast<sockaddr *>(&bound), &length);
    m_impl->port = ntohs(bound.ss_family == AF_INET6 ? reinterpret_cast<sockaddr_in6 &>(bound).sin6_port
                                                     : reinterpret_cast<sockaddr_in &>(bound).sin_port);
    m_impl->listenFd = fd;
    m_impl->host = host;
    m_impl->stopping = false;
    for (int i = 0; i < m_impl->loopCount; ++i) {
        const int wake = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
        m_impl->wakeFds.push_back(wake);
        m_impl->threads.emplace_back([impl = m_impl.get(), wake] { impl->runLoop(wake); });
    }
    return m_impl->port;
}

void EventServer::stop()
{
    if (m_impl->threads.empty())
        return;
    m_impl->stopping = true;
    for (int wake : m_impl->wakeFds) {
        const std::uint64_t one = 1;
        (void)!::write(wake, &one, sizeof one);
    }
    for (auto &thread : m_impl->threads)
        thread.join();
    m_impl->threads.clear();
    for (int wake : m_impl->wakeFds)
        ::close(wake);
    m_impl->wakeFds.clear();
    ::close(m_impl->listenFd);
    m_impl->listenFd = -1;
}

int EventServer::port() const
{
    return m_impl->port;
}

std::string EventServer::baseUrl() const
{
    const bool v6 = m_impl->host.find(':') != std::string::npos;
    return "http://" + (v6 ? "[" + m_impl->host + "]" : m_impl->host) + ":" + std::to_string(m_impl->port);
}

} // namespace lakeshore::http
