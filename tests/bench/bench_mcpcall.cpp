// MCP client overhead per tools/call: our client and the official TypeScript SDK client
// (@modelcontextprotocol/sdk, pinned in tests/peers) each make the same sequential calls to the same kind
// of server — server-everything's echo tool over stdio, one server process per client — in the same run.
// Per-call time = server + pipes + client. Three figures separate the client's share:
//  - wall time per call for both clients;
//  - the floor: the same calls written as pre-built JSON lines and read back by a bare pipe loop (no
//    client at all), so wall time minus the floor is each client's overhead;
//  - the CPU time each client's own process spent per call (the server child not counted).
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
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
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
    double cpuMs = 0; // the client process, over the timed calls
};

double processCpuMs()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1e3 +
           static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e3;
}

Figures summarize(std::vector<double> times, double totalMs, double cpuMs)
{
    std::sort(times.begin(), times.end());
    return {times[times.size() / 2], times[times.size() * 9 / 10], totalMs, cpuMs};
}

// The floor: the server behind two pipes, fed pre-built lines, replies read up to their newline.
std::optional<Figures> bare()
{
    int toServer[2], fromServer[2];
    if (pipe(toServer) != 0 || pipe(fromServer) != 0)
        return std::nullopt;
    const pid_t pid = fork();
    if (pid == 0) {
        dup2(toServer[0], 0);
        dup2(fromServer[1], 1);
        close(toServer[1]);
        close(fromServer[0]);
        execlp("node", "node", kServer.c_str(), "stdio", static_cast<char *>(nullptr));
        _exit(127);
    }
    close(toServer[0]);
    close(fromServer[1]);
    std::string pending;
    auto send = [&](const std::string &line) {
        const std::string framed = line + "\n";
        return write(toServer[1], framed.data(), framed.size()) == static_cast<ssize_t>(framed.size());
    };
    // Reads lines until one is the reply to id.
    auto receive = [&](int id) {
        const std::string marker = "\"id\":" + std::to_string(id) + ",";
        const std::string markerEnd = "\"id\":" + std::to_string(id) + "}";
        char buffer[8192];
        for (;;) {
            for (std::size_t end; (end = pending.find('\n')) != std::string::npos;) {
                const std::string line = pending.substr(0, end);
                pending.erase(0, end + 1);
                if (line.find(marker) != std::string::npos || line.find(markerEnd) != std::string::npos)
                    return true;
            }
            const ssize_t got = read(fromServer[0], buffer, sizeof buffer);
            if (got <= 0)
                return false;
            pending.append(buffer, static_cast<std::size_t>(got));
        }
    };
    bool ok =
        send(R"({"jsonrpc":"2.0","id":0,"method":"initialize","params":{"protocolVersion":"2025-06-18",)"
             R"("capabilities":{},"clientInfo":{"name":"bare","version":"0"}}})") &&
        receive(0) && send(R"({"jsonrpc":"2.0","method":"notifications/initialized"})");
    std::vector<std::string> calls;
    for (int i = 1; i <= kCalls + 50; ++i)
        calls.push_back(
            R"({"jsonrpc":"2.0","id":)" + std::to_string(i) +
            R"(,"method":"tools/call","params":{"name":"echo","arguments":{"message":"Cleveland"}}})");
    for (int i = 1; ok && i <= 50; ++i)
        ok = send(calls[static_cast<std::size_t>(i - 1)]) && receive(i);
    std::vector<double> times;
    const double cpu0 = processCpuMs();
    const auto started = Clock::now();
    for (int i = 51; ok && i <= kCalls + 50; ++i) {
        const auto t0 = Clock::now();
        ok = send(calls[static_cast<std::size_t>(i - 1)]) && receive(i);
        times.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
    }
    const double totalMs = std::chrono::duration<double, std::milli>(Clock::now() - started).count();
    const double cpuMs = processCpuMs() - cpu0;
    close(toServer[1]);
    close(fromServer[0]);
    int status = 0;
    waitpid(pid, &status, 0);
    if (!ok || times.empty())
        return std::nullopt;
    return summarize(std::move(times), totalMs, cpuMs);
}

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
    const double cpu0 = processCpuMs();
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
    const double totalMs = std::chrono::duration<double, std::milli>(Clock::now() - started).count();
    const double cpuMs = processCpuMs() - cpu0;
    client.close();
    return summarize(std::move(times), totalMs, cpuMs);
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
    return Figures{line["medianMs"].get<double>(), line["p90Ms"].get<double>(), line["totalMs"].get<double>(),
                   line.value("cpuMs", 0.0)};
}

double medianOf(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

} // namespace

// The three take turns for kRounds rounds, so a busy moment of the machine falls on all of them; the
// figures are each one's median over the rounds.
int main()
{
    constexpr int kRounds = 3;
    std::printf("tools/call overhead: %d sequential echo calls to server-everything over stdio, %d rounds\n",
                kCalls, kRounds);
    std::vector<Figures> floors, sdks, ourRuns;
    for (int round = 0; round < kRounds; ++round) {
        const auto floorFigures = bare();
        const auto sdkFigures = sdk();
        const auto ourFigures = ours();
        if (!floorFigures || !sdkFigures || !ourFigures) {
            std::fprintf(stderr,
                         "a client failed; is tests/peers installed (npm ci --prefix tests/peers)?\n");
            return 1;
        }
        floors.push_back(*floorFigures);
        sdks.push_back(*sdkFigures);
        ourRuns.push_back(*ourFigures);
    }
    auto combine = [](const std::vector<Figures> &runs) {
        std::vector<double> median, p90, total, cpu;
        for (const auto &f : runs) {
            median.push_back(f.medianMs);
            p90.push_back(f.p90Ms);
            total.push_back(f.totalMs);
            cpu.push_back(f.cpuMs);
        }
        return Figures{medianOf(median), medianOf(p90), medianOf(total), medianOf(cpu)};
    };
    const Figures floorFigures = combine(floors), sdkFigures = combine(sdks), ourFigures = combine(ourRuns);
    auto show = [](const char *name, const Figures &f) {
        std::printf("  %-22s median %.3f ms  p90 %.3f ms  total %.0f ms  client CPU %.1f us/call\n", name,
                    f.medianMs, f.p90Ms, f.totalMs, f.cpuMs * 1000.0 / kCalls);
    };
    show("bare pipes (floor):", floorFigures);
    show("TypeScript SDK 1.32.2:", sdkFigures);
    show("Lakeshore client:", ourFigures);
    const double ourOverhead = std::max(0.0, ourFigures.medianMs - floorFigures.medianMs);
    const double sdkOverhead = std::max(1e-9, sdkFigures.medianMs - floorFigures.medianMs);
    std::printf("  ratio (ours / SDK):     wall median %.2fx  total %.2fx\n",
                ourFigures.medianMs / sdkFigures.medianMs, ourFigures.totalMs / sdkFigures.totalMs);
    std::printf("  client overhead:        above the floor %.3f vs %.3f ms = %.2fx;  client CPU %.2fx  "
                "(goal <= 0.5x)\n",
                ourOverhead, sdkOverhead, ourOverhead / sdkOverhead,
                sdkFigures.cpuMs > 0 ? ourFigures.cpuMs / sdkFigures.cpuMs : 0.0);
    return 0;
}
