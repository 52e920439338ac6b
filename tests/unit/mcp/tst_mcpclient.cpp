// The MCP client role against tests/peers/scripted-mcp-server.js — a TEST DOUBLE standing in for servers
// that misbehave on demand (unknown versions, endless cursors, malformed results, exiting mid-call). It
// runs as a real node child process over the real stdio transport. Real servers are tested in
// tests/integration (server-everything, dbhub, our lakehouse).
#include "asynctest.h"
#include "mcp/client.h"
#include "mcp/stdiotransport.h"

#include <QTest>

using namespace lakeshore;
using namespace lakeshore::mcp;
using asynctest::Capture;
using asynctest::qs;
using Json = nlohmann::json;

namespace {

Client::TransportFactory scripted(const std::string &mode, int *starts = nullptr)
{
    return [mode, starts] {
        if (starts)
            ++*starts;
        StdioServerConfig config;
        config.command = "node";
        config.args = {LAKESHORE_PEERS_DIR "/scripted-mcp-server.js", mode};
        return std::make_unique<StdioTransport>(config);
    };
}

Result<ServerIdentity> handshake(Client &client)
{
    Capture<Result<ServerIdentity>> joined;
    client.connect({}, joined.callback());
    if (!joined.wait())
        return makeError(ErrorKind::Timeout, "connect did not finish");
    return joined.value();
}

Result<ToolResult> call(Client &client, const std::string &name, Json arguments = Json::object(),
                        ToolCallOptions options = {})
{
    Capture<Result<ToolResult>> reply;
    client.callTool(name, std::move(arguments), std::move(options), reply.callback());
    if (!reply.wait(1, std::chrono::seconds(20)))
        return makeError(ErrorKind::Timeout, "the call did not finish");
    return reply.value();
}

} // namespace

class McpClientTest : public QObject
{
    Q_OBJECT

private slots:
    void negotiatesTheNewestVersion()
    {
        Client client(scripted("ok"));
        auto joined = handshake(client);
        QVERIFY2(joined.ok(), joined.ok() ? "" : joined.error().message.c_str());
        QCOMPARE(qs(joined.value().protocolVersion), QStringLiteral("2025-11-25"));
        QCOMPARE(qs(joined.value().name), QStringLiteral("scripted"));
        QVERIFY(client.isConnected());
    }

    void acceptsAnOlderVersionTheServerPrefers()
    {
        Client client(scripted("old-version"));
        auto joined = handshake(client);
        QVERIFY(joined.ok());
        QCOMPARE(qs(joined.value().protocolVersion), QStringLiteral("2024-11-05"));
    }

    void retriesWithAVersionTheServerLists()
    {
        Client client(scripted("refuse-version"));
        auto joined = handshake(client);
        QVERIFY2(joined.ok(), joined.ok() ? "" : joined.error().message.c_str());
        QCOMPARE(qs(joined.value().protocolVersion), QStringLiteral("2025-06-18"));
    }

    void refusesAnUnknownVersion()
    {
        Client client(scripted("unknown-version"));
        auto joined = handshake(client);
        QVERIFY(!joined.ok());
        QCOMPARE(joined.error().kind, ErrorKind::Malformed);
        QVERIFY2(joined.error().message.find("1999-01-01") != std::string::npos,
                 joined.error().message.c_str());
        QVERIFY(joined.error().message.find("2025-11-25") != std::string::npos);
        QVERIFY(!client.isConnected());
        // Nothing can be called on a connection that never started.
        auto reply = call(client, "echo", {{"text", "hi"}});
        QVERIFY(!reply.ok());
        QCOMPARE(reply.error().kind, ErrorKind::Network);
    }

    void reportsAnInitializeError()
    {
        Client client(scripted("init-error"));
        auto joined = handshake(client);
        QVERIFY(!joined.ok());
        QCOMPARE(joined.error().kind, ErrorKind::Service);
        QCOMPARE(qs(joined.error().serviceMessage), QStringLiteral("database unavailable"));
    }

    void listsToolsAcrossPages()
    {
        Client client(scripted("ok"));
        QVERIFY(handshake(client).ok());
        Capture<Result<std::vector<Tool>>> tools;
        client.listTools({}, tools.callback());
        QVERIFY(tools.wait());
        QVERIFY(tools.value().ok());
        const auto list = tools.value().value();
        QCOMPARE(list.size(), std::size_t(12)); // five on the first page, seven on the second
        QCOMPARE(qs(list.front().name), QStringLiteral("echo"));
        QCOMPARE(qs(list.back().name), QStringLiteral("late_column"));
    }

    void stopsAnEndlessCursor()
    {
        Client client(scripted("loop-cursor"));
        QVERIFY(handshake(client).ok());
        Capture<Result<std::vector<Tool>>> tools;
        client.listTools({}, tools.callback());
        QVERIFY(tools.wait());
        QVERIFY(!tools.value().ok());
        QCOMPARE(tools.value().error().kind, ErrorKind::Loop);
    }

    void refusesToListToolsOfAServerWithout()
    {
        Client client(scripted("no-tools"));
        QVERIFY(handshake(client).ok());
        Capture<Result<std::vector<Tool>>> tools;
        client.listTools({}, tools.callback());
        QVERIFY(tools.wait());
        QVERIFY(!tools.value().ok());
        QCOMPARE(tools.value().error().kind, ErrorKind::NotFound);
        QVERIFY(tools.value().error().message.find("offers no tools") != std::string::npos);
    }

    void callsATool()
    {
        Client client(scripted("ok"));
        QVERIFY(handshake(client).ok());
        auto reply = call(client, "echo", {{"text", "grüße"}});
        QVERIFY(reply.ok());
        QVERIFY(!reply.value().isError);
        QCOMPARE(qs(reply.value().text()), QStringLiteral("grüße"));
    }

    void readsStructuredContent()
    {
        Client client(scripted("ok"));
        QVERIFY(handshake(client).ok());
        auto reply = call(client, "structured");
        QVERIFY(reply.ok());
        QCOMPARE(reply.value().structuredContent["rows"][0][0].get<int>(), 1);
    }

    void sendsMeta()
    {
        Client client(scripted("ok"));
        QVERIFY(handshake(client).ok());
        ToolCallOptions options;
        options.meta = {{"warehouse_id", "abc123"}};
        auto reply = call(client, "meta", Json::object(), options);
        QVERIFY(reply.ok());
        QCOMPARE(Json::parse(reply.value().text())["warehouse_id"].get<std::string>(), std::string("abc123"));
    }

    void surfacesIsError()
    {
        Client client(scripted("ok"));
        QVERIFY(handshake(client).ok());
        auto reply = call(client, "fail");
        QVERIFY(reply.ok());
        QVERIFY(reply.value().isError);
        const Error error = toolError("query", reply.value());
        QCOMPARE(error.kind, ErrorKind::Service);
        QVERIFY(error.message.find("\"query\"") != std::string::npos);
        QCOMPARE(qs(error.serviceMessage), QStringLiteral("relation \"fact_sales\" does not exist"));
    }

    void reportsAnUnknownToolAsAServiceError()
    {
        Client client(scripted("ok"));
        QVERIFY(handshake(client).ok());
        auto reply = call(client, "no_such_tool");
        QVERIFY(!reply.ok());
        QCOMPARE(reply.error().kind, ErrorKind::Service);
        QCOMPARE(qs(reply.error().code), QStringLiteral("-32602"));
    }

    void rejectsAMalformedResult()
    {
        Client client(scripted("ok"));
        QVERIFY(handshake(client).ok());
        auto reply = call(client, "malformed");
        QVERIFY(!reply.ok());
        QCOMPARE(reply.error().kind, ErrorKind::Malformed);
        QVERIFY(reply.error().message.find("content is not a list") != std::string::npos);
    }

    void reportsProgress()
    {
        Client client(scripted("ok"));
        QVERIFY(handshake(client).ok());
        Capture<double> steps;
        ToolCallOptions options;
        auto onStep = steps.callback();
        options.onProgress = [onStep](const Progress &progress) { onStep(progress.progress); };
        auto reply = call(client, "progress", {{"steps", 3}}, options);
        QVERIFY(reply.ok());
        QCOMPARE(steps.count(), std::size_t(3));
        QCOMPARE(steps.value(2), 3.0);
    }

    void timesOutAServerThatNeverAnswers()
    {
        Client client(scripted("ok"));
        QVERIFY(handshake(client).ok());
        ToolCallOptions options;
        options.timeoutMs = 300;
        auto reply = call(client, "never", Json::object(), options);
        QVERIFY(!reply.ok());
        QCOMPARE(reply.error().kind, ErrorKind::Timeout);
        // The connection is still usable.
        QVERIFY(call(client, "echo", {{"text", "still here"}}).ok());
    }

    void cancelsACall()
    {
        Client client(scripted("ok"));
        QVERIFY(handshake(client).ok());
        CancelToken cancel;
        ToolCallOptions options;
        options.cancel = cancel;
        Capture<Result<ToolResult>> reply;
        client.callTool("never", Json::object(), options, reply.callback());
        cancel.cancel();
        QVERIFY(reply.wait());
        QCOMPARE(reply.value().error().kind, ErrorKind::Cancelled);
    }

    void failsACallWhenTheServerExits()
    {
        Client client(scripted("ok"));
        QVERIFY(handshake(client).ok());
        auto reply = call(client, "exit");
        QVERIFY(!reply.ok());
        QVERIFY2(reply.error().message.find("out of memory") != std::string::npos,
                 reply.error().message.c_str());
        QVERIFY(!call(client, "echo", {{"text", "gone"}}).ok());
    }

    void namesGarbageWhenItTimesOut()
    {
        Client client(scripted("ok"));
        QVERIFY(handshake(client).ok());
        ToolCallOptions options;
        options.timeoutMs = 500;
        auto reply = call(client, "garbage", Json::object(), options);
        QVERIFY(!reply.ok());
        QCOMPARE(reply.error().kind, ErrorKind::Timeout);
        QVERIFY2(reply.error().message.find("not JSON-RPC") != std::string::npos,
                 reply.error().message.c_str());
    }

    void takesAHugeResult()
    {
        Client client(scripted("ok"));
        QVERIFY(handshake(client).ok());
        auto reply = call(client, "huge", {{"mb", 20}});
        QVERIFY(reply.ok());
        QCOMPARE(reply.value().text().size(), std::size_t(20) << 20);
    }

    void refusesAResultOverTheTransportCap()
    {
        Client client([] {
            StdioServerConfig config;
            config.command = "node";
            config.args = {LAKESHORE_PEERS_DIR "/scripted-mcp-server.js", "ok"};
            config.maxMessageBytes = 1u << 20;
            return std::make_unique<StdioTransport>(config);
        });
        QVERIFY(handshake(client).ok());
        auto reply = call(client, "huge", {{"mb", 4}});
        QVERIFY(!reply.ok());
        QCOMPARE(reply.error().kind, ErrorKind::TooLarge);
    }

    void failsToStartAMissingCommand()
    {
        Client client([] {
            StdioServerConfig config;
            config.command = "lakeshore-no-such-mcp-server";
            return std::make_unique<StdioTransport>(config);
        });
        auto joined = handshake(client);
        QVERIFY(!joined.ok());
        QVERIFY2(joined.error().message.find("lakeshore-no-such-mcp-server") != std::string::npos,
                 joined.error().message.c_str());
    }
};

QTEST_GUILESS_MAIN(McpClientTest)
#include "tst_mcpclient.moc"
