// MCP client overhead per tools/call: our client and the official TypeScript SDK client
// (@modelcontextprotocol/sdk, pinned in tests/peers) each make the same sequential calls to the same kind
// of server — server-everything's echo tool over stdio, one server process per client — in the same run.
// Per-call time = server + transport + client; the server is the same, so the ratio shows the clients.
#include "mcp/client.h"
#include "mcp/stdiotransport.h"

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

using namespace lakeshore;
using Json = nlohmann::json;
using Clock = std::chrono::steady_clock;

namespace {

const std::string kPeers = LAKESHORE_PEERS_DIR;
const std::string kServer = kPeers + "/node_modules/@modelcontextprotocol/server-everything/dist/index.js";
constexpr int kCalls = 2000;

template <class T> T waitFor(const std::function<void(std::function<void(T)>)> &start)
{
    std::mutex mutex;
    std::condition_variable changed;
    std::optional<T> value;
    start([&](T result) {
        std::lock_guard lock(mutex);
        value.emplace(std::move(result));
        changed.notify_all();
    });
    std::unique_lock lock(mutex);
    changed.wait(lock, [&] { return value.has_value(); });
    return std::move(*value);
}

struct Figures
{
    double medianMs = 0;
    double p90Ms = 0;
    double totalMs = 0;
};

std::optional<Figures> ours()
{
    mcp::Client client([] {
        mcp::StdioServerConfig config;
        config.command = "node";
        config.args = {kServer, "stdio"};
        return std::make_unique<mcp::StdioTransport>(config);
    });
    auto joined = waitFor<Result<mcp::ServerIdentity>>([&](auto done) { client.connect({}, done); });
    if (!joined) {
        std::fprintf(stderr, "connect: %s\n", joined.error().describe().c_str());
        return std::nullopt;
    }
    const Json arguments{{"message", "Cleveland"}};
    auto call = [&] {
        return waitFor<Result<mcp::ToolResult>>(
            [&](auto done) { client.callTool("echo", arguments, {}, done); });
    };
    for (int i = 0; i < 50; ++i)
        (void)call();
    std::vector<double> times;
    const auto started = Clock::now();
    for (int i = 0; i < kCalls; ++i) {
        const auto t0 = Clock::now();
        auto reply = call();
        times.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
        if (!reply) {
            std::fprintf(stderr, "call: %s\n", reply.error().describe().c_str());
            return std::nullopt;
        }
    }
    Figures figures;
    figures.totalMs = std::chrono::duration<double, std::milli>(Clock::now() - started).count();
    std::sort(times.begin(), times.end());
    figures.medianMs = times[times.size() / 2];
    figures.p90Ms = times[times.size() * 9 / 10];
    client.close();
    return figures;
}

std::optional<Figures> sdk()
{
    const std::string command = "node " + kPeers + "/sdk-call-bench.mjs " + std::to_string(kCalls) +
                                " echo '{\"message\":\"Cleveland\"}' node " + kServer + " stdio";
    FILE *pipe = popen(command.c_str(), "r");
    if (!pipe)
        return std::nullopt;
    std::string output;
    char buffer[4096];
    while (std::fgets(buffer, sizeof buffer, pipe))
        output += buffer;
    if (pclose(pipe) != 0)
        return std::nullopt;
    const Json line = Json::parse(output, nullptr, false);
    if (!line.is_object())
        return std::nullopt;
    return Figures{line["medianMs"].get<double>(), line["p90Ms"].get<double>(),
                   line["totalMs"].get<double>()};
}

} // namespace

int main()
{
    std::printf("tools/call overhead: %d sequential echo calls to server-everything over stdio\n", kCalls);
    const auto sdkFigures = sdk();
    const auto ourFigures = ours();
    if (!sdkFigures || !ourFigures) {
        std::fprintf(stderr, "a client failed; is tests/peers installed (npm ci --prefix tests/peers)?\n");
        return 1;
    }
    std::printf("  TypeScript SDK 1.32.2: median %.3f ms  p90 %.3f ms  total %.0f ms\n", sdkFigures->medianMs,
                sdkFigures->p90Ms, sdkFigures->totalMs);
    std::printf("  Lakeshore client:      median %.3f ms  p90 %.3f ms  total %.0f ms\n", ourFigures->medianMs,
                ourFigures->p90Ms, ourFigures->totalMs);
    std::printf("  ratio (ours / SDK):    median %.2fx  total %.2fx  (goal <= 0.5x)\n",
                ourFigures->medianMs / sdkFigures->medianMs, ourFigures->totalMs / sdkFigures->totalMs);
    return 0;
}
