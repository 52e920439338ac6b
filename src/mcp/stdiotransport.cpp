#include "mcp/stdiotransport.h"

#include <atomic>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <csignal>
#include <cstring>
#include <deque>
#include <fcntl.h>
#include <mutex>
#include <poll.h>
#include <pthread.h>
#include <spawn.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

extern char **environ;

namespace lakeshore::mcp {
namespace {

constexpr std::size_t stderrKeep = 16 * 1024;

// Writes what the pipe takes now (its end is non-blocking): the bytes written, or -1 when the child no
// longer reads (EPIPE; the caller keeps SIGPIPE blocked).
long writeNow(int fd, const char *data, std::size_t size)
{
    std::size_t written = 0;
    while (written < size) {
        const ssize_t n = ::write(fd, data + written, size - written);
        if (n > 0) {
            written += static_cast<std::size_t>(n);
            continue;
        }
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            break;
        return -1;
    }
    return static_cast<long>(written);
}

// Runs write with SIGPIPE blocked on this thread, and drops a SIGPIPE it raised, so a child that has
// gone surfaces as EPIPE instead of ending the process.
template <class Write> long withoutSigpipe(Write write)
{
    sigset_t pipeSignal, previous;
    sigemptyset(&pipeSignal);
    sigaddset(&pipeSignal, SIGPIPE);
    pthread_sigmask(SIG_BLOCK, &pipeSignal, &previous);
    const long result = write();
    if (result < 0) {
        const timespec none{};
        while (sigtimedwait(&pipeSignal, nullptr, &none) == SIGPIPE) {
        }
    }
    pthread_sigmask(SIG_SETMASK, &previous, nullptr);
    return result;
}

std::string exitDescription(int status)
{
    if (WIFEXITED(status))
        return "exited with status " + std::to_string(WEXITSTATUS(status));
    if (WIFSIGNALED(status))
        return std::string("was killed by signal ") + strsignal(WTERMSIG(status));
    return "stopped";
}

} // namespace

struct StdioTransport::Impl
{
    StdioServerConfig config;
    Handlers handlers;
    pid_t pid = -1;   // the child, until reaped
    pid_t group = -1; // its process group, which outlives it while its own children run
    int toChild = -1;
    int fromChild = -1;
    int errorsFromChild = -1;
    std::thread reader;
    std::thread errorReader;
    std::thread writer;

    std::mutex mutex;
    std::condition_variable wake;
    std::deque<std::string> outbox; // framed lines, each ending in '\n'
    bool writing = false;           // a thread is writing to toChild (the writer, or a sender directly)
    bool closing = false;
    std::atomic<bool> closedReported{false};
    int exitStatus = -1; // guarded by mutex

    mutable std::mutex stderrMutex;
    std::string stderrTail;

    void reportClosed(Error reason)
    {
        if (closedReported.exchange(true))
            return;
        if (handlers.onClosed)
            handlers.onClosed(std::move(reason));
    }

    // Waits up to timeout for the child to exit; true when it has been reaped.
    bool reap(std::chrono::milliseconds timeout)
    {
        const auto deadline = std::chrono::steady_clock::now() + timeout;
        for (;;) {
            {
                std::lock_guard lock(mutex);
                if (pid <= 0)
                    return true;
                int status = 0;
                const pid_t done = ::waitpid(pid, &status, WNOHANG);
                if (done == pid || (done < 0 && errno == ECHILD)) {
                    exitStatus = status;
                    pid = -1;
                    return true;
                }
            }
            if (std::chrono::steady_clock::now() >= deadline)
                return false;
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
    }

    void readMessages()
    {
        std::string pending;
        std::size_t scanned = 0; // the bytes of pending already known to hold no newline
        char buffer[65536];
        for (;;) {
            const ssize_t n = ::read(fromChild, buffer, sizeof buffer);
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0)
                break;
            pending.append(buffer, static_cast<std::size_t>(n));
            std::size_t start = 0;
            // Only new bytes are searched: a 200 MB message arrives in thousands of reads.
            for (std::size_t end;
                 (end = pending.find('\n', std::max(start, scanned))) != std::string::npos;) {
                std::string line;
                if (start == 0 && end + 1 == pending.size()) { // exactly one message: hand it over, no copy
                    line = std::move(pending);
                    line.pop_back();
                    pending.clear();
                } else {
                    line = pending.substr(start, end - start);
                    start = end + 1;
                }
                if (!line.empty() && line.back() == '\r')
                    line.pop_back();
                // Nothing is delivered once closed, even by a reader that close() had to detach.
                if (closedReported.load())
                    return;
                if (!line.empty() && handlers.onMessage)
                    handlers.onMessage(std::move(line));
                if (pending.empty())
                    break;
            }
            pending.erase(0, start);
            scanned = pending.size();
            if (pending.size() > config.maxMessageBytes) {
                reportClosed(makeError(ErrorKind::TooLarge, "the MCP server sent a message over " +
                                                                std::to_string(config.maxMessageBytes >> 20) +
                                                                " MB"));
                killChild();
                return;
            }
        }
        // End of output: the child closed stdout, normally by exiting.
        reap(std::chrono::milliseconds(500));
        std::string how;
        {
            std::lock_guard lock(mutex);
            if (closing)
                how = "closed";
            else if (exitStatus >= 0)
                how = "the MCP server " + exitDescription(exitStatus);
            else
                how = "the MCP server closed its output";
        }
        reportClosed(makeError(how == "closed" ? ErrorKind::Cancelled : ErrorKind::Network, how));
    }

    void readErrors()
    {
        char buffer[4096];
        for (;;) {
            const ssize_t n = ::read(errorsFromChild, buffer, sizeof buffer);
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0)
                return;
            std::lock_guard lock(stderrMutex);
            stderrTail.append(buffer, static_cast<std::size_t>(n));
            if (stderrTail.size() > stderrKeep)
                stderrTail.erase(0, stderrTail.size() - stderrKeep);
        }
    }

    // Writes what send() could not write at once, in order; waits for the pipe in short slices so that
    // close() is not held up for ever by a child that stopped reading.
    void writeMessages()
    {
        // A write to a child that has gone raises SIGPIPE on this thread: keep it blocked, take EPIPE.
        sigset_t pipeSignal;
        sigemptyset(&pipeSignal);
        sigaddset(&pipeSignal, SIGPIPE);
        pthread_sigmask(SIG_BLOCK, &pipeSignal, nullptr);
        for (;;) {
            std::string message;
            {
                std::unique_lock lock(mutex);
                wake.wait(lock, [this] { return !writing && (closing || !outbox.empty()); });
                if (outbox.empty())
                    break;
                message = std::move(outbox.front());
                outbox.pop_front();
                writing = true;
            }
            const bool written = writeWaiting(message);
            {
                std::lock_guard lock(mutex);
                writing = false;
                // Closed in the same step: no send() can start a direct write on it once writing is
                // cleared (it refuses when toChild < 0).
                if (!written)
                    closeInput();
            }
            if (!written) {
                reportClosed(makeError(ErrorKind::Network, "the MCP server stopped reading its input"));
                return;
            }
        }
        std::lock_guard lock(mutex);
        closeInput(); // the child sees end of input: the spec's first step of a shutdown
    }

    // With mutex held, and no write in progress.
    void closeInput()
    {
        if (toChild >= 0)
            ::close(toChild);
        toChild = -1;
    }

    bool writeWaiting(const std::string &message)
    {
        std::size_t done = 0;
        int idleSlices = 0;
        while (done < message.size()) {
            const long n = writeNow(toChild, message.data() + done, message.size() - done);
            if (n < 0)
                return false;
            done += static_cast<std::size_t>(n);
            if (done == message.size())
                break;
            pollfd ready{toChild, POLLOUT, 0};
            if (::poll(&ready, 1, 100) > 0) {
                idleSlices = 0;
                continue;
            }
            std::lock_guard lock(mutex);
            if (closing && ++idleSlices >= 20)
                return false; // closing, and the child has not read for 2 s
        }
        return true;
    }

    // The child leads its own process group, so what it started (a shell's pipeline, npx's node) goes too.
    void signalChild(int signal)
    {
        std::lock_guard lock(mutex);
        if (group > 0)
            ::kill(-group, signal);
    }

    void killChild() { signalChild(SIGKILL); }
};

StdioTransport::StdioTransport(StdioServerConfig config) : m_impl(std::make_shared<Impl>())
{
    m_impl->config = std::move(config);
}

StdioTransport::~StdioTransport()
{
    close();
}

int StdioTransport::processId() const
{
    return m_impl->pid;
}

std::string StdioTransport::diagnostics() const
{
    std::lock_guard lock(m_impl->stderrMutex);
    return m_impl->stderrTail;
}

Status StdioTransport::start(Handlers handlers)
{
    Impl &impl = *m_impl;
    if (impl.config.command.empty())
        return makeError(ErrorKind::Invalid, "no command to start the MCP server with");
    impl.handlers = std::move(handlers);
    int in[2], out[2], err[2];
    if (::pipe2(in, O_CLOEXEC) != 0 || ::pipe2(out, O_CLOEXEC) != 0 || ::pipe2(err, O_CLOEXEC) != 0)
        return makeError(ErrorKind::Network, std::string("cannot create pipes: ") + std::strerror(errno));

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, in[0], STDIN_FILENO);
    posix_spawn_file_actions_adddup2(&actions, out[1], STDOUT_FILENO);
    posix_spawn_file_actions_adddup2(&actions, err[1], STDERR_FILENO);
    if (!impl.config.workingDirectory.empty())
        posix_spawn_file_actions_addchdir_np(&actions, impl.config.workingDirectory.c_str());

    std::vector<std::string> argStrings{impl.config.command};
    argStrings.insert(argStrings.end(), impl.config.args.begin(), impl.config.args.end());
    std::vector<char *> argv;
    for (auto &arg : argStrings)
        argv.push_back(arg.data());
    argv.push_back(nullptr);

    std::vector<std::string> envStrings;
    for (char **entry = environ; *entry; ++entry) {
        const std::string text(*entry);
        const std::string name = text.substr(0, text.find('='));
        if (!impl.config.env.count(name))
            envStrings.push_back(text);
    }
    for (const auto &[name, value] : impl.config.env)
        envStrings.push_back(name + "=" + value);
    std::vector<char *> envp;
    for (auto &entry : envStrings)
        envp.push_back(entry.data());
    envp.push_back(nullptr);

    posix_spawnattr_t attributes;
    posix_spawnattr_init(&attributes);
    posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETPGROUP);
    posix_spawnattr_setpgroup(&attributes, 0);
    pid_t pid = -1;
    const int rc =
        ::posix_spawnp(&pid, impl.config.command.c_str(), &actions, &attributes, argv.data(), envp.data());
    posix_spawnattr_destroy(&attributes);
    posix_spawn_file_actions_destroy(&actions);
    ::close(in[0]);
    ::close(out[1]);
    ::close(err[1]);
    if (rc != 0) {
        ::close(in[1]);
        ::close(out[0]);
        ::close(err[0]);
        return makeError(ErrorKind::NotFound,
                         "cannot start the MCP server \"" + impl.config.command + "\": " + std::strerror(rc));
    }
    impl.pid = pid;
    impl.group = pid;
    impl.toChild = in[1];
    ::fcntl(impl.toChild, F_SETFL, ::fcntl(impl.toChild, F_GETFL) | O_NONBLOCK);
    impl.fromChild = out[0];
    impl.errorsFromChild = err[0];
    // The threads share ownership: a reader that close() had to detach may outlive this object.
    impl.reader = std::thread([self = m_impl] {
        self->readMessages();
        ::close(self->fromChild);
    });
    impl.errorReader = std::thread([self = m_impl] {
        self->readErrors();
        ::close(self->errorsFromChild);
    });
    impl.writer = std::thread([self = m_impl] { self->writeMessages(); });
    return okStatus();
}

Status StdioTransport::send(std::string message)
{
    if (message.find('\n') != std::string::npos)
        return makeError(ErrorKind::Invalid, "a stdio message must not contain a newline");
    message += '\n';
    Impl &impl = *m_impl;
    std::unique_lock lock(impl.mutex);
    if (impl.closing || impl.closedReported.load() || impl.toChild < 0)
        return makeError(ErrorKind::Network, "the MCP server connection is closed");
    if (impl.writing || !impl.outbox.empty()) {
        impl.outbox.push_back(std::move(message));
        lock.unlock();
        impl.wake.notify_one();
        return okStatus();
    }
    // Nothing queued: write on this thread without blocking (a thread switch less per request), and
    // leave what the pipe did not take, or a write that failed, to the writer thread.
    impl.writing = true;
    const int fd = impl.toChild;
    lock.unlock();
    const long written = withoutSigpipe([&] { return writeNow(fd, message.data(), message.size()); });
    lock.lock();
    impl.writing = false;
    if (written < static_cast<long>(message.size()))
        impl.outbox.push_front(message.substr(written < 0 ? 0 : static_cast<std::size_t>(written)));
    const bool writerNeeded = !impl.outbox.empty() || impl.closing; // close() waits for it to finish
    lock.unlock();
    if (writerNeeded)
        impl.wake.notify_one();
    return okStatus();
}

void StdioTransport::close()
{
    Impl &impl = *m_impl;
    {
        std::lock_guard lock(impl.mutex);
        if (impl.closing)
            return;
        impl.closing = true;
    }
    impl.wake.notify_all();
    if (impl.writer.joinable())
        impl.writer.join(); // closes the child's stdin
    // Close stdin, wait; then SIGTERM, wait; then SIGKILL.
    if (!impl.reap(std::chrono::milliseconds(2000))) {
        impl.signalChild(SIGTERM);
        if (!impl.reap(std::chrono::milliseconds(2000))) {
            impl.killChild();
            impl.reap(std::chrono::milliseconds(2000));
        }
    }
    // Whatever the child left running would hold our pipes open.
    impl.signalChild(SIGKILL);
    impl.reportClosed(makeError(ErrorKind::Cancelled, "closed"));
    const bool onReader = impl.reader.joinable() && impl.reader.get_id() == std::this_thread::get_id();
    if (impl.reader.joinable()) {
        if (onReader)
            impl.reader.detach(); // close() from inside onMessage/onClosed: the reader ends by itself
        else
            impl.reader.join();
    }
    if (impl.errorReader.joinable())
        impl.errorReader.join();
    impl.reportClosed(makeError(ErrorKind::Cancelled, "closed"));
}

} // namespace lakeshore::mcp
