#include "mcp/serverstdio.h"

#include <atomic>
#include <cerrno>
#include <condition_variable>
#include <csignal>
#include <cstring>
#include <deque>
#include <fcntl.h>
#include <mutex>
#include <poll.h>
#include <pthread.h>
#include <thread>
#include <unistd.h>

namespace lakeshore::mcp {
namespace {

// Lines for the output, written by one thread so handlers never block on a slow reader.
struct Outbox
{
    std::mutex mutex;
    std::condition_variable wake;
    std::deque<std::string> lines;
    bool finishing = false;
    bool failed = false;
    std::string failure;

    void push(std::string line)
    {
        {
            std::lock_guard lock(mutex);
            if (failed)
                return;
            lines.push_back(std::move(line));
        }
        wake.notify_one();
    }
};

bool writeAll(int fd, const std::string &data)
{
    std::size_t written = 0;
    while (written < data.size()) {
        const ssize_t n = ::write(fd, data.data() + written, data.size() - written);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        written += static_cast<std::size_t>(n);
    }
    return true;
}

} // namespace

struct StdioServer::Impl
{
    std::shared_ptr<ToolServer> server;
    int inFd = -1;
    int outFd = -1;
    StdioServeOptions options;
    int wakeRead = -1;
    int wakeWrite = -1;
    std::atomic<bool> stopRequested{false};

    void poke() const
    {
        if (wakeWrite >= 0) {
            const char byte = 1;
            [[maybe_unused]] const auto n = ::write(wakeWrite, &byte, 1);
        }
    }

    void writeLines(const std::shared_ptr<Outbox> &outbox) const
    {
        // A reader that went away must not kill the process with SIGPIPE: block it on this thread, and
        // take the pending signal after a failed write.
        sigset_t pipeSignal;
        sigemptyset(&pipeSignal);
        sigaddset(&pipeSignal, SIGPIPE);
        pthread_sigmask(SIG_BLOCK, &pipeSignal, nullptr);
        std::unique_lock lock(outbox->mutex);
        for (;;) {
            outbox->wake.wait(lock, [&] { return outbox->finishing || !outbox->lines.empty(); });
            if (outbox->lines.empty())
                return; // finishing, and everything was written
            std::string line = std::move(outbox->lines.front()) + "\n";
            outbox->lines.pop_front();
            lock.unlock();
            const bool ok = writeAll(outFd, line);
            const int err = errno;
            lock.lock();
            if (!ok) {
                const timespec none{0, 0};
                sigtimedwait(&pipeSignal, nullptr, &none);
                outbox->failed = true;
                outbox->failure = std::string("cannot write to the MCP client: ") + std::strerror(err);
                outbox->lines.clear();
                poke();
                return;
            }
        }
    }
};

StdioServer::StdioServer(std::shared_ptr<ToolServer> server, int inFd, int outFd, StdioServeOptions options)
    : m_impl(std::make_unique<Impl>())
{
    m_impl->server = std::move(server);
    m_impl->inFd = inFd;
    m_impl->outFd = outFd;
    m_impl->options = options;
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC | O_NONBLOCK) == 0) {
        m_impl->wakeRead = fds[0];
        m_impl->wakeWrite = fds[1];
    }
}

StdioServer::~StdioServer()
{
    if (m_impl->wakeRead >= 0)
        ::close(m_impl->wakeRead);
    if (m_impl->wakeWrite >= 0)
        ::close(m_impl->wakeWrite);
}

void StdioServer::stop()
{
    m_impl->stopRequested = true;
    m_impl->poke();
}

Status StdioServer::run()
{
    Impl &impl = *m_impl;
    if (impl.wakeRead < 0)
        return makeError(ErrorKind::Network, "MCP stdio server: cannot create its wake-up pipe");
    auto outbox = std::make_shared<Outbox>();
    std::thread writer([&impl, outbox] { impl.writeLines(outbox); });
    auto session = impl.server->openSession();

    Replies replies;
    replies.notify = [outbox](std::string message) { outbox->push(std::move(message)); };
    replies.answer = [outbox](std::optional<std::string> message) {
        if (message)
            outbox->push(std::move(*message));
    };
    auto handleLine = [&](std::string line) {
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        if (line.find_first_not_of(" \t") == std::string::npos)
            return; // blank lines between messages are harmless
        session->receive(line, replies);
    };

    Status result = okStatus();
    bool cancelRunning = false;
    std::string pending;
    bool skipping = false; // inside a line that is too long, until its newline
    char buffer[65536];
    for (;;) {
        if (impl.stopRequested) {
            cancelRunning = true;
            break;
        }
        {
            std::lock_guard lock(outbox->mutex);
            if (outbox->failed) {
                result = makeError(ErrorKind::Network, outbox->failure);
                cancelRunning = true;
                break;
            }
        }
        pollfd fds[2] = {{impl.inFd, POLLIN, 0}, {impl.wakeRead, POLLIN, 0}};
        if (::poll(fds, 2, -1) < 0) {
            if (errno == EINTR)
                continue;
            result =
                makeError(ErrorKind::Network, std::string("MCP stdio server: poll: ") + std::strerror(errno));
            cancelRunning = true;
            break;
        }
        if (fds[1].revents) {
            char drain[64];
            while (::read(impl.wakeRead, drain, sizeof drain) > 0) {
            }
            continue; // the loop head sees why
        }
        if (!fds[0].revents)
            continue;
        const ssize_t n = ::read(impl.inFd, buffer, sizeof buffer);
        if (n < 0 && (errno == EINTR || errno == EAGAIN))
            continue;
        if (n < 0) {
            result =
                makeError(ErrorKind::Network, std::string("MCP stdio server: read: ") + std::strerror(errno));
            cancelRunning = true;
            break;
        }
        if (n == 0) {
            if (!skipping && !pending.empty())
                handleLine(std::move(pending)); // a last message without its newline
            break;
        }
        std::size_t start = 0;
        const std::string_view chunk(buffer, static_cast<std::size_t>(n));
        for (std::size_t end; (end = chunk.find('\n', start)) != std::string_view::npos; start = end + 1) {
            if (!skipping)
                pending.append(chunk.substr(start, end - start));
            if (skipping || pending.size() > impl.options.maxMessageBytes) {
                outbox->push(errorWithoutId({jsonrpc::code::invalidRequest,
                                             "Invalid Request: a message is longer than " +
                                                 std::to_string(impl.options.maxMessageBytes) + " bytes",
                                             nullptr}));
                skipping = false;
                pending.clear();
                continue;
            }
            handleLine(std::move(pending));
            pending.clear();
        }
        if (!skipping)
            pending.append(chunk.substr(start));
        if (pending.size() > impl.options.maxMessageBytes) {
            pending.clear();
            pending.shrink_to_fit();
            skipping = true;
        }
    }

    session->close(cancelRunning);
    {
        std::lock_guard lock(outbox->mutex);
        outbox->finishing = true;
    }
    outbox->wake.notify_all();
    writer.join();
    if (result) {
        std::lock_guard lock(outbox->mutex);
        if (outbox->failed)
            result = makeError(ErrorKind::Network, outbox->failure);
    }
    return result;
}

} // namespace lakeshore::mcp
