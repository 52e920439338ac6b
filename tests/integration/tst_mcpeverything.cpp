// Our MCP client against the reference server @modelcontextprotocol/server-everything (tests/peers,
// pinned), run over stdio as a real node child process: the handshake, tools across pages, plain and
// structured results, progress, input validation errors and unknown tools.
#include "asynctest.h"
#include "mcp/client.h"
#include "mcp/stdiotransport.h"

#include <QFileInfo>
#include <QTest>
#include <set>

using namespace lakeshore;
using namespace lakeshore::mcp;
using asynctest::Capture;
using asynctest::qs;
using Json = nlohmann::json;

namespace {

const char *const kServer =
    LAKESHORE_PEERS_DIR "/node_modules/@modelcontextprotocol/server-everything/dist/index.js";

Client::TransportFactory everythingOverStdio()
{
    return [] {
        StdioServerConfig config;
        config.command = "node";
        config.args = {kServer, "stdio"};
        return std::make_unique<StdioTransport>(config);
    };
}

Result<ToolResult> call(Client &client, const std::string &name, Json arguments, ToolCallOptions options = {})
{
    Capture<Result<ToolResult>> reply;
    client.callTool(name, std::move(arguments), std::move(options), reply.callback());
    if (!reply.wait(1, std::chrono::seconds(30)))
        return makeError(ErrorKind::Timeout, "the call did not finish");
    return reply.value();
}

} // namespace

class McpEverythingTest : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<Client> m_client;

private slots:
    void initTestCase()
    {
        QVERIFY2(
            QFileInfo::exists(kServer),
            "server-everything is missing: run npm ci --prefix tests/peers (packaging/run-tests.sh does)");
        m_client = std::make_unique<Client>(everythingOverStdio());
        Capture<Result<ServerIdentity>> joined;
        m_client->connect({}, joined.callback());
        QVERIFY(joined.wait(1, std::chrono::seconds(30)));
        QVERIFY2(joined.value().ok(), joined.value().ok() ? "" : joined.value().error().message.c_str());
        const ServerIdentity identity = joined.value().value();
        QCOMPARE(qs(identity.name), QStringLiteral("mcp-servers/everything"));
        QCOMPARE(qs(identity.protocolVersion), QStringLiteral("2025-11-25"));
        QVERIFY(identity.capabilities.contains("tools"));
    }

    void listsItsTools()
    {
        Capture<Result<std::vector<Tool>>> tools;
        m_client->listTools({}, tools.callback());
        QVERIFY(tools.wait());
        QVERIFY(tools.value().ok());
        std::set<std::string> names;
        const std::vector<Tool> listed = tools.value().value();
        for (const auto &tool : listed) {
            names.insert(tool.name);
            QVERIFY(tool.inputSchema.is_object());
        }
        for (const char *expected :
             {"echo", "get-sum", "get-structured-content", "trigger-long-running-operation"})
            QVERIFY2(names.count(expected), expected);
    }

    void echoes()
    {
        auto reply = call(*m_client, "echo", {{"message", "Cleveland"}});
        QVERIFY(reply.ok());
        QVERIFY(!reply.value().isError);
        QVERIFY2(reply.value().text().find("Cleveland") != std::string::npos, reply.value().text().c_str());
    }

    void adds()
    {
        auto reply = call(*m_client, "get-sum", {{"a", 2}, {"b", 40}});
        QVERIFY(reply.ok());
        QVERIFY2(reply.value().text().find("42") != std::string::npos, reply.value().text().c_str());
    }

    void readsStructuredContent()
    {
        auto reply = call(*m_client, "get-structured-content", {{"location", "Chicago"}});
        QVERIFY(reply.ok());
        QVERIFY(reply.value().structuredContent.is_object());
        QVERIFY(!reply.value().structuredContent.empty());
    }

    void followsProgress()
    {
        Capture<double> steps;
        auto onStep = steps.callback();
        ToolCallOptions options;
        options.onProgress = [onStep](const Progress &progress) { onStep(progress.progress); };
        auto reply =
            call(*m_client, "trigger-long-running-operation", {{"duration", 1}, {"steps", 4}}, options);
        QVERIFY2(reply.ok(), reply.ok() ? "" : reply.error().message.c_str());
        QCOMPARE(steps.count(), std::size_t(4));
        const auto values = steps.values();
        for (std::size_t i = 1; i < values.size(); ++i)
            QVERIFY(values[i] > values[i - 1]);
    }

    void reportsBadArguments()
    {
        // Input validation failures come back either as a JSON-RPC error or as an isError result; both
        // must reach the caller as a readable failure.
        auto reply = call(*m_client, "get-sum", {{"a", "two"}, {"b", 40}});
        const std::string words =
            reply.ok() ? (reply.value().isError ? toolError("get-sum", reply.value()).message : "")
                       : reply.error().message;
        QVERIFY2(!words.empty(), "bad arguments were accepted");
    }

    void reportsAnUnknownTool()
    {
        auto reply = call(*m_client, "no-such-tool", Json::object());
        const std::string words =
            reply.ok() ? (reply.value().isError ? toolError("no-such-tool", reply.value()).message : "")
                       : reply.error().message;
        QVERIFY2(words.find("no-such-tool") != std::string::npos, words.c_str());
    }

    void cleanupTestCase()
    {
        m_client->close();
        QVERIFY(!m_client->isConnected());
    }
};

QTEST_GUILESS_MAIN(McpEverythingTest)
#include "tst_mcpeverything.moc"
