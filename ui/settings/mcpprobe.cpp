#include "mcpprobe.h"

#include "core/workqueue.h"

#include <chrono>
#include <future>

using namespace lakeshore;

namespace {

// The client answers every call by its own timeout; this bound only guards against a lost callback.
constexpr int kSlackMs = 5000;

template <class T> Result<T> waitFor(std::future<Result<T>> &future, int timeoutMs, const char *what)
{
    if (future.wait_for(std::chrono::milliseconds(timeoutMs + kSlackMs)) != std::future_status::ready)
        return makeError(ErrorKind::Timeout, std::string(what) + " did not finish in time");
    return future.get();
}

template <class T>
std::function<void(Result<T>)> fulfil(const std::shared_ptr<std::promise<Result<T>>> &promise)
{
    return [promise](Result<T> result) { promise->set_value(std::move(result)); };
}

} // namespace

McpProbe::McpProbe() : m_queue(std::make_unique<WorkQueue>()) {}

McpProbe::~McpProbe() = default;

void McpProbe::run(mcp::McpServerConfig config, CancelToken cancel,
                   std::function<void(Result<McpProbeResult>)> done)
{
    m_queue->post([config = std::move(config), cancel, done = std::move(done)] {
        const auto started = std::chrono::steady_clock::now();
        mcp::Client client(mcp::transportFactory(config), mcp::clientOptions(config));
        auto probe = [&]() -> Result<McpProbeResult> {
            if (cancel.cancelled())
                return makeError(ErrorKind::Cancelled, "the test was cancelled");
            auto joined = std::make_shared<std::promise<Result<mcp::ServerIdentity>>>();
            auto joinedFuture = joined->get_future();
            client.connect(cancel, fulfil(joined));
            auto identity = waitFor(joinedFuture, config.timeoutMs, "initialize");
            if (!identity)
                return identity.error();
            auto listed = std::make_shared<std::promise<Result<std::vector<mcp::Tool>>>>();
            auto listedFuture = listed->get_future();
            client.listTools(cancel, fulfil(listed));
            auto tools = waitFor(listedFuture, config.timeoutMs, "tools/list");
            if (!tools)
                return tools.error();
            McpProbeResult result;
            result.identity = identity.value();
            result.tools = std::move(tools).value();
            result.elapsedMs =
                std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
            return result;
        };
        Result<McpProbeResult> result = probe();
        // A child's stderr says more than "the server closed the connection".
        if (!result && result.error().kind != ErrorKind::Cancelled &&
            config.transport == mcp::ServerTransport::Stdio) {
            Error error = result.error();
            std::string said = client.diagnostics();
            while (!said.empty() && (said.back() == '\n' || said.back() == ' '))
                said.pop_back();
            if (!said.empty())
                error.message +=
                    "; the server's last words: " + said.substr(said.size() > 300 ? said.size() - 300 : 0);
            result = error;
        }
        client.close();
        done(std::move(result));
    });
}
