// The program @modelcontextprotocol/conformance starts for its client scenarios: our MCP client over
// Streamable HTTP, pointed at the harness's mock server (the URL is the last argument), doing what the
// scenario in MCP_CONFORMANCE_SCENARIO asks of a tools client. Exit 0 when every step worked.
#include "mcp/client.h"
#include "mcp/httptransport.h"

#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <optional>
#include <string>

using namespace lakeshore;
using Json = nlohmann::json;

namespace {

// Blocks on one asynchronous call: this program does one thing after another.
template <class T> class Wait
{
public:
    std::function<void(T)> callback()
    {
        return [this](T value) {
            std::lock_guard lock(m_mutex);
            m_value.emplace(std::move(value));
            m_changed.notify_all();
        };
    }

    T get()
    {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [&] { return m_value.has_value(); });
        return std::move(*m_value);
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::optional<T> m_value;
};

int fail(const std::string &step, const Error &error)
{
    std::fprintf(stderr, "%s failed: %s\n", step.c_str(), error.describe().c_str());
    return 1;
}

} // namespace

int main(int argc, char **argv)
{
    if (argc < 2) {
        std::fprintf(stderr, "usage: %s <mcp server url>\n", argv[0]);
        return 2;
    }
    const std::string url = argv[argc - 1];
    const char *scenarioEnv = std::getenv("MCP_CONFORMANCE_SCENARIO");
    const std::string scenario = scenarioEnv ? scenarioEnv : "initialize";

    mcp::Client client([url] {
        mcp::HttpServerConfig config;
        config.url = url;
        return std::make_unique<mcp::HttpTransport>(config);
    });
    Wait<Result<mcp::ServerIdentity>> joined;
    client.connect({}, joined.callback());
    auto identity = joined.get();
    if (!identity)
        return fail("initialize", identity.error());
    std::printf("connected to %s, protocol %s\n", identity.value().name.c_str(),
                identity.value().protocolVersion.c_str());

    if (!identity.value().capabilities.contains("tools")) {
        client.close();
        return 0; // a server without tools: the handshake was the whole job
    }
    Wait<Result<std::vector<mcp::Tool>>> listed;
    client.listTools({}, listed.callback());
    auto tools = listed.get();
    if (!tools)
        return fail("tools/list", tools.error());
    std::printf("%zu tools\n", tools.value().size());

    // Call the first tool the scenario offers: add_numbers (tools_call) or the stream-resuming tool
    // (sse-retry).
    if (scenario != "initialize") {
        for (const auto &tool : tools.value()) {
            Json arguments = Json::object();
            if (tool.name == "add_numbers")
                arguments = {{"a", 5}, {"b", 3}};
            Wait<Result<mcp::ToolResult>> called;
            client.callTool(tool.name, arguments, {}, called.callback());
            auto result = called.get();
            if (!result)
                return fail("tools/call " + tool.name, result.error());
            if (result.value().isError)
                return fail("tools/call " + tool.name, mcp::toolError(tool.name, result.value()));
            std::printf("%s: %s\n", tool.name.c_str(), result.value().text().c_str());
            break;
        }
    }
    client.close();
    return 0;
}
