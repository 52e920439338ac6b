// Shared by the http, odata, sources and integration tests: capture asynchronous callbacks and wait for
// them with a deadline (a hang fails the test instead of blocking it), gates for handlers that must hold
// a request open, a port nothing listens on, and readable comparisons of std::string.
#pragma once

#include "core/error.h"
#include "core/result.h"

#include <arpa/inet.h>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <netinet/in.h>
#include <QString>
#include <string>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>
#include <vector>

namespace asynctest {

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

// Generous: a deadline that only a hang reaches.
inline constexpr std::chrono::milliseconds kTimeout = 10s;

inline QString qs(const std::string &text)
{
    return QString::fromStdString(text);
}

// Every call of a callback, in order, with the thread it ran on. The state is shared with the callbacks,
// so one that arrives after the test gave up does no harm.
template <class T> class Capture
{
public:
    Capture() : m_state(std::make_shared<State>()) {}

    [[nodiscard]] std::function<void(T)> callback() const
    {
        return [state = m_state](T value) {
            {
                std::lock_guard lock(state->mutex);
                state->values.push_back(std::move(value));
                state->threads.push_back(std::this_thread::get_id());
            }
            state->changed.notify_all();
        };
    }

    // True once at least `count` calls arrived; false at the deadline.
    [[nodiscard]] bool wait(std::size_t count = 1, std::chrono::milliseconds timeout = kTimeout) const
    {
        std::unique_lock lock(m_state->mutex);
        return m_state->changed.wait_for(lock, timeout, [&] { return m_state->values.size() >= count; });
    }

    [[nodiscard]] std::size_t count() const
    {
        std::lock_guard lock(m_state->mutex);
        return m_state->values.size();
    }

    // A copy of call i (call wait() first).
    [[nodiscard]] T value(std::size_t i = 0) const
    {
        std::lock_guard lock(m_state->mutex);
        return m_state->values.at(i);
    }

    [[nodiscard]] std::vector<T> values() const
    {
        std::lock_guard lock(m_state->mutex);
        return m_state->values;
    }

    [[nodiscard]] std::thread::id thread(std::size_t i = 0) const
    {
        std::lock_guard lock(m_state->mutex);
        return m_state->threads.at(i);
    }

private:
    struct State
    {
        std::mutex mutex;
        std::condition_variable changed;
        std::vector<T> values;
        std::vector<std::thread::id> threads;
    };
    std::shared_ptr<State> m_state;
};

// A latch a server handler waits on, so a request stays open until the test lets it go. Waits are
// bounded, so a forgotten gate only slows a test down.
class Gate
{
public:
    void open()
    {
        {
            std::lock_guard lock(m_mutex);
            m_open = true;
        }
        m_changed.notify_all();
    }

    bool waitOpen(std::chrono::milliseconds timeout = kTimeout)
    {
        std::unique_lock lock(m_mutex);
        return m_changed.wait_for(lock, timeout, [&] { return m_open; });
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_changed;
    bool m_open = false;
};

// Counts events (requests a handler saw) with their arrival times, and lets a test wait for a count.
class Events
{
public:
    void add()
    {
        {
            std::lock_guard lock(m_mutex);
            m_times.push_back(Clock::now());
        }
        m_changed.notify_all();
    }

    [[nodiscard]] bool waitFor(std::size_t count, std::chrono::milliseconds timeout = kTimeout)
    {
        std::unique_lock lock(m_mutex);
        return m_changed.wait_for(lock, timeout, [&] { return m_times.size() >= count; });
    }

    [[nodiscard]] std::size_t count() const
    {
        std::lock_guard lock(m_mutex);
        return m_times.size();
    }

    // Milliseconds between event i-1 and event i.
    [[nodiscard]] double gapMs(std::size_t i) const
    {
        std::lock_guard lock(m_mutex);
        return std::chrono::duration<double, std::milli>(m_times.at(i) - m_times.at(i - 1)).count();
    }

private:
    mutable std::mutex m_mutex;
    std::condition_variable m_changed;
    std::vector<Clock::time_point> m_times;
};

// A loopback port with nothing listening: bound to find a free one, then closed again.
inline int closedPort()
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = 0;
    socklen_t length = sizeof address;
    int port = 0;
    if (::bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof address) == 0 &&
        ::getsockname(fd, reinterpret_cast<sockaddr *>(&address), &length) == 0)
        port = ntohs(address.sin_port);
    ::close(fd);
    return port;
}

// Starts an asynchronous call with a callback and waits for its first answer:
//   auto page = await<odata::Page>([&](auto done) { client.page(query, {}, done); });
template <class T, class Start>
lakeshore::Result<T> await(Start start, std::chrono::milliseconds timeout = kTimeout)
{
    Capture<lakeshore::Result<T>> capture;
    start(capture.callback());
    if (!capture.wait(1, timeout))
        return lakeshore::makeError(lakeshore::ErrorKind::Invalid, "test: no callback within the deadline");
    return capture.value();
}

template <class T> QString describe(const lakeshore::Result<T> &result)
{
    return result ? QStringLiteral("ok") : qs(result.error().describe());
}

} // namespace asynctest
