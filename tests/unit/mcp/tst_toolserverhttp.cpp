// The MCP server role over Streamable HTTP (HttpEndpoint on our real HttpServer, driven with raw POSTs from
// our HttpClient): sessions minted on initialize and required after, 202 for notifications, DELETE, GET 405,
// MCP-Protocol-Version, Accept, Content-Type, Origin and Host checks, the bearer token, body size, malformed
// bodies, and cancel/ping while a call runs.
#include "asynctest.h"
#include "http/httpclient.h"
#include "http/httpserver.h"
#include "mcp/httpguards.h"
#include "mcp/serverhttp.h"
#include "toolserverfixture.h"

#include <QTest>
#include <set>

using namespace lakeshore;
using namespace lakeshore::mcp;
using namespace toolserverfixture;

namespace {

const http::Headers kMcpHeaders = {{"Content-Type", "application/json"},
                                   {"Accept", "application/json, text/event-stream"}};

struct Endpoint
{
    Latch latch;
    std::unique_ptr<HttpEndpoint> endpoint;
    http::HttpServer server;
    std::unique_ptr<http::HttpClient> owned = std::make_unique<http::HttpClient>();
    http::HttpClient &client = *owned;
    std::string url;

    explicit Endpoint(HttpEndpointOptions options = {})
    {
        endpoint = std::make_unique<HttpEndpoint>(makeServer(latch), options);
        endpoint->mount(server, "/mcp");
        if (auto started = server.start(); !started)
            qFatal("could not start the HTTP server: %s", started.error().message.c_str());
        url = server.baseUrl() + "/mcp";
    }

    ~Endpoint()
    {
        owned.reset(); // closes its keep-alive connections, so stopping the server need not wait them out
        endpoint->closeAll();
        server.stop();
    }

    http::Response send(const std::string &method, const std::string &body, http::Headers headers,
                        const std::string &target = {})
    {
        http::Request request;
        request.method = method;
        request.url = target.empty() ? url : target;
        request.headers = std::move(headers);
        request.body = body;
        request.maxRetries = 0;
        request.timeoutMs = 20000;
        auto response = asynctest::await<http::Response>([&](auto done) { client.send(request, {}, done); },
                                                         std::chrono::seconds(20));
        if (!response)
            qFatal("HTTP failed: %s", response.error().message.c_str());
        return response.value();
    }

    http::Response post(const Json &message, const std::string &session = {}, http::Headers extra = {})
    {
        http::Headers headers = kMcpHeaders;
        if (!session.empty())
            headers.emplace_back("Mcp-Session-Id", session);
        for (auto &header : extra)
            headers.push_back(std::move(header));
        return send("POST", message.dump(), headers);
    }

    std::string initialize(const std::string &version = "2025-11-25")
    {
        auto response = post(request(0, "initialize", initializeParams(version)));
        return response.header("Mcp-Session-Id");
    }
};

Json body(const http::Response &response)
{
    return response.body.empty() ? Json() : Json::parse(response.body);
}

} // namespace

class ToolServerHttpTest : public QObject
{
    Q_OBJECT

private slots:
    void initializeMintsASessionThatLaterRequestsNeed()
    {
        Endpoint mcp;
        auto init = mcp.post(request(1, "initialize", initializeParams("2025-06-18")));
        QCOMPARE(init.status, 200);
        QVERIFY(init.header("Content-Type").rfind("application/json", 0) == 0);
        JSON_COMPARE(body(init)["result"]["protocolVersion"], Json("2025-06-18"));
        const std::string session = init.header("Mcp-Session-Id");
        QVERIFY2(session.size() >= 32, session.c_str());
        for (char c : session)
            QVERIFY(c >= 0x21 && c <= 0x7E);
        QVERIFY(mcp.initialize() != session); // every session its own random id
        QCOMPARE(mcp.endpoint->sessionCount(), std::size_t(2));

        QCOMPARE(mcp.post(notification("notifications/initialized"), session).status, 202);
        auto list = mcp.post(request(2, "tools/list"), session, {{"MCP-Protocol-Version", "2025-06-18"}});
        QCOMPARE(list.status, 200);
        QCOMPARE(body(list)["result"]["tools"].size(), std::size_t(4));
        // Without the header a session is assumed to be 2025-03-26-style: still served.
        QCOMPARE(mcp.post(request(3, "ping"), session).status, 200);

        auto missing = mcp.post(request(4, "tools/list"));
        QCOMPARE(missing.status, 400);
        QVERIFY(body(missing)["error"]["message"].get<std::string>().find("Mcp-Session-Id") !=
                std::string::npos);
        QCOMPARE(mcp.post(request(5, "tools/list"), "not-a-session").status, 404);
    }

    void aFailedInitializeMintsNoSession()
    {
        Endpoint mcp;
        auto refused = mcp.post(request(1, "initialize", {{"capabilities", Json::object()}}));
        QCOMPARE(refused.status, 200);
        JSON_COMPARE(body(refused)["error"]["code"], Json(-32602));
        QVERIFY(refused.header("Mcp-Session-Id").empty());
        QCOMPARE(mcp.endpoint->sessionCount(), std::size_t(0));
    }

    void responsesAndNotificationsAre202()
    {
        Endpoint mcp;
        const std::string session = mcp.initialize();
        auto response = mcp.post(Json::parse(R"({"jsonrpc":"2.0","id":99,"result":{}})"), session);
        QCOMPARE(response.status, 202);
        QVERIFY(response.body.empty());
    }

    void deleteEndsTheSession()
    {
        Endpoint mcp;
        const std::string session = mcp.initialize();
        QCOMPARE(mcp.send("DELETE", "", {{"Mcp-Session-Id", session}}).status, 200);
        QCOMPARE(mcp.post(request(1, "ping"), session).status, 404);
        QCOMPARE(mcp.send("DELETE", "", {{"Mcp-Session-Id", session}}).status, 404);
        QCOMPARE(mcp.send("DELETE", "", {}).status, 400);
        QCOMPARE(mcp.endpoint->sessionCount(), std::size_t(0));
    }

    void getAndOtherMethodsAre405()
    {
        Endpoint mcp;
        const std::string session = mcp.initialize();
        auto get = mcp.send("GET", "", {{"Accept", "text/event-stream"}, {"Mcp-Session-Id", session}});
        QCOMPARE(get.status, 405);
        QVERIFY(get.header("Allow").find("POST") != std::string::npos);
        QCOMPARE(mcp.send("PUT", "{}", kMcpHeaders).status, 405);
        QCOMPARE(mcp.send("POST", request(1, "ping").dump(), kMcpHeaders, mcp.server.baseUrl() + "/mcp/more")
                     .status,
                 404);
    }

    void protocolVersionHeaderIsChecked_data()
    {
        QTest::addColumn<QString>("version");
        QTest::newRow("unknown") << "1999-01-01";
        QTest::newRow("garbage") << "latest";
        QTest::newRow("supported but not this session's") << "2025-06-18";
    }

    void protocolVersionHeaderIsChecked()
    {
        QFETCH(QString, version);
        Endpoint mcp;
        const std::string session = mcp.initialize("2025-11-25");
        auto response =
            mcp.post(request(1, "tools/list"), session, {{"MCP-Protocol-Version", version.toStdString()}});
        QCOMPARE(response.status, 400);
        const Json error = body(response)["error"];
        QVERIFY(body(response)["id"].is_null());
        JSON_COMPARE(error["data"]["supported"],
                     Json({"2025-11-25", "2025-06-18", "2025-03-26", "2024-11-05"}));
        QCOMPARE(qs(error["data"]["requested"].get<std::string>()), version);
    }

    void acceptMustAllowJsonAndEventStream_data()
    {
        QTest::addColumn<QString>("accept");
        QTest::addColumn<int>("status");
        QTest::newRow("both") << "application/json, text/event-stream" << 200;
        QTest::newRow("wildcard") << "*/*" << 200;
        QTest::newRow("type wildcards") << "application/*;q=0.9, text/*" << 200;
        QTest::newRow("json only") << "application/json" << 406;
        QTest::newRow("sse only") << "text/event-stream" << 406;
        QTest::newRow("sse refused by q=0") << "application/json, text/event-stream;q=0" << 406;
        QTest::newRow("absent") << "" << 406;
        QTest::newRow("html") << "text/html" << 406;
    }

    void acceptMustAllowJsonAndEventStream()
    {
        QFETCH(QString, accept);
        QFETCH(int, status);
        Endpoint mcp;
        // An empty value removes curl's default "Accept: */*".
        auto response = mcp.send("POST", request(1, "initialize", initializeParams()).dump(),
                                 {{"Content-Type", "application/json"}, {"Accept", accept.toStdString()}});
        QCOMPARE(response.status, status);
        if (status == 406)
            QVERIFY(body(response)["error"].is_object());
    }

    void contentTypeMustBeJson()
    {
        Endpoint mcp;
        auto form = mcp.send("POST", request(1, "initialize", initializeParams()).dump(),
                             {{"Accept", "application/json, text/event-stream"}});
        QCOMPARE(form.status, 415); // curl's default for a POST is a form
        auto charset = mcp.send("POST", request(1, "initialize", initializeParams()).dump(),
                                {{"Accept", "*/*"}, {"Content-Type", "application/json; charset=utf-8"}});
        QCOMPARE(charset.status, 200);
    }

    void foreignOriginsAndHostsAreForbidden_data()
    {
        QTest::addColumn<QString>("header");
        QTest::addColumn<QString>("value");
        QTest::addColumn<int>("status");
        QTest::newRow("evil origin") << "Origin"
                                     << "http://evil.example" << 403;
        QTest::newRow("rebinding origin") << "Origin"
                                          << "http://127.0.0.1.evil.example:8080" << 403;
        QTest::newRow("null origin") << "Origin"
                                     << "null" << 403;
        QTest::newRow("file origin") << "Origin"
                                     << "file://" << 403;
        QTest::newRow("userinfo trick") << "Origin"
                                        << "http://localhost@evil.example" << 403;
        QTest::newRow("localhost origin") << "Origin"
                                          << "http://localhost:5173" << 200;
        QTest::newRow("loopback origin") << "Origin"
                                         << "https://127.0.0.1" << 200;
        QTest::newRow("v6 loopback origin") << "Origin"
                                            << "http://[::1]:3000" << 200;
        QTest::newRow("evil host") << "Host"
                                   << "evil.example" << 403;
        QTest::newRow("evil host with port") << "Host"
                                             << "evil.example:80" << 403;
        QTest::newRow("bad host port") << "Host"
                                       << "localhost:x" << 403;
        QTest::newRow("localhost host") << "Host"
                                        << "localhost:1234" << 200;
    }

    void foreignOriginsAndHostsAreForbidden()
    {
        QFETCH(QString, header);
        QFETCH(QString, value);
        QFETCH(int, status);
        Endpoint mcp;
        auto response = mcp.post(request(1, "initialize", initializeParams()), {},
                                 {{header.toStdString(), value.toStdString()}});
        QCOMPARE(response.status, status);
        if (status == 403)
            QCOMPARE(mcp.endpoint->sessionCount(), std::size_t(0));
    }

    void allowedOriginsAndHostsCanBeAdded()
    {
        HttpEndpointOptions options;
        options.allowedOrigins = {"https://app.example.com"};
        options.allowedHosts = {"mcp.example.com"};
        Endpoint mcp(options);
        QCOMPARE(mcp.post(request(1, "initialize", initializeParams()), {},
                          {{"Origin", "https://APP.example.com"}})
                     .status,
                 200);
        QCOMPARE(mcp.post(request(1, "initialize", initializeParams()), {}, {{"Host", "mcp.example.com:443"}})
                     .status,
                 200);
        QCOMPARE(mcp.post(request(1, "initialize", initializeParams()), {},
                          {{"Origin", "https://app.example.org"}})
                     .status,
                 403);
    }

    void bearerTokenIsRequiredWhenSet()
    {
        HttpEndpointOptions options;
        options.bearerToken = "s3cret-token";
        Endpoint mcp(options);
        auto none = mcp.post(request(1, "initialize", initializeParams()));
        QCOMPARE(none.status, 401);
        QVERIFY(none.header("WWW-Authenticate").rfind("Bearer", 0) == 0);
        auto wrong =
            mcp.post(request(1, "initialize", initializeParams()), {}, {{"Authorization", "Bearer nope"}});
        QCOMPARE(wrong.status, 401);
        QVERIFY(wrong.header("WWW-Authenticate").find("invalid_token") != std::string::npos);
        QCOMPARE(mcp.post(request(1, "initialize", initializeParams()), {},
                          {{"Authorization", "Basic czNjcmV0LXRva2Vu"}})
                     .status,
                 401);
        auto right = mcp.post(request(1, "initialize", initializeParams()), {},
                              {{"Authorization", "bearer s3cret-token"}});
        QCOMPARE(right.status, 200);
        // Every request is checked, not just the first one of a session.
        const std::string session = right.header("Mcp-Session-Id");
        QCOMPARE(mcp.post(request(2, "ping"), session).status, 401);
        QCOMPARE(mcp.post(request(2, "ping"), session, {{"Authorization", "Bearer s3cret-token"}}).status,
                 200);
    }

    void bodiesAreBounded()
    {
        HttpEndpointOptions options;
        options.maxBodyBytes = 4096;
        Endpoint mcp(options);
        const std::string session = mcp.initialize();
        auto big = mcp.post(request(1, "tools/call", callParams("echo", {{"text", std::string(5000, 'x')}})),
                            session);
        QCOMPARE(big.status, 413);
        QCOMPARE(mcp.post(request(2, "ping"), session).status, 200);
    }

    void malformedBodiesAre400WithAJsonRpcError_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("code");
        QTest::newRow("not json") << "{nope" << -32700;
        QTest::newRow("empty") << "" << -32700;
        QTest::newRow("not a message") << R"({"hello":"world"})" << -32600;
        QTest::newRow("empty batch") << "[]" << -32600;
    }

    void malformedBodiesAre400WithAJsonRpcError()
    {
        QFETCH(QString, text);
        QFETCH(int, code);
        Endpoint mcp;
        const std::string session = mcp.initialize();
        auto response =
            mcp.send("POST", text.toStdString(),
                     {{"Content-Type", "application/json"}, {"Accept", "*/*"}, {"Mcp-Session-Id", session}});
        QCOMPARE(response.status, 400);
        JSON_COMPARE(body(response)["error"]["code"], Json(code));
        QVERIFY(body(response)["id"].is_null());
        QCOMPARE(mcp.post(request(2, "ping"), session).status, 200);
    }

    void aRefusedBatchIsAnsweredAsOneError()
    {
        Endpoint mcp;
        const std::string session = mcp.initialize("2025-11-25");
        auto response =
            mcp.send("POST", Json::array({request(1, "ping"), request(2, "ping")}).dump(),
                     {{"Content-Type", "application/json"}, {"Accept", "*/*"}, {"Mcp-Session-Id", session}});
        QCOMPARE(response.status, 200);
        JSON_COMPARE(body(response)["error"]["code"], Json(-32600));
    }

    void cancelAndPingWhileACallRuns()
    {
        Endpoint mcp;
        const std::string session = mcp.initialize();
        asynctest::Capture<Result<http::Response>> call;
        http::Request blocked;
        blocked.method = "POST";
        blocked.url = mcp.url;
        blocked.headers = kMcpHeaders;
        blocked.headers.emplace_back("Mcp-Session-Id", session);
        blocked.body = request("long", "tools/call", callParams("block")).dump();
        blocked.timeoutMs = 20000;
        mcp.client.send(blocked, {}, call.callback());
        QVERIFY(mcp.latch.waitEntered(1));
        JSON_COMPARE(body(mcp.post(request(2, "ping"), session))["result"], Json::object());
        QCOMPARE(mcp.post(notification("notifications/cancelled", {{"requestId", "long"}}), session).status,
                 202);
        QVERIFY(mcp.latch.waitCancelled(1));
        QVERIFY(call.wait());
        QVERIFY(call.value().ok());
        QCOMPARE(call.value().value().status, 202); // cancelled: no JSON-RPC answer is owed
        QVERIFY(call.value().value().body.empty());
    }

    void deleteDuringACallEndsIt()
    {
        Endpoint mcp;
        const std::string session = mcp.initialize();
        asynctest::Capture<Result<http::Response>> call;
        http::Request blocked;
        blocked.method = "POST";
        blocked.url = mcp.url;
        blocked.headers = kMcpHeaders;
        blocked.headers.emplace_back("Mcp-Session-Id", session);
        blocked.body = request(1, "tools/call", callParams("block")).dump();
        mcp.client.send(blocked, {}, call.callback());
        QVERIFY(mcp.latch.waitEntered(1));
        QCOMPARE(mcp.send("DELETE", "", {{"Mcp-Session-Id", session}}).status, 200);
        QCOMPARE(mcp.latch.cancelled, 1);
        QVERIFY(call.wait());
        QCOMPARE(call.value().value().status, 404);
    }

    void closeAllRefusesEverythingAfter()
    {
        Endpoint mcp;
        const std::string session = mcp.initialize();
        mcp.endpoint->closeAll();
        QCOMPARE(mcp.post(request(1, "ping"), session).status, 503);
        QCOMPARE(mcp.post(request(1, "initialize", initializeParams())).status, 503);
    }

    void tooManySessionsAre503()
    {
        HttpEndpointOptions options;
        options.maxSessions = 2;
        Endpoint mcp(options);
        QVERIFY(!mcp.initialize().empty());
        QVERIFY(!mcp.initialize().empty());
        QCOMPARE(mcp.post(request(1, "initialize", initializeParams())).status, 503);
    }

    void idleSessionsExpire()
    {
        HttpEndpointOptions options;
        options.sessionIdleMs = 0; // any session is idle by the next initialize
        Endpoint mcp(options);
        const std::string first = mcp.initialize();
        QVERIFY(!first.empty());
        QTest::qWait(5);
        const std::string second = mcp.initialize();
        QCOMPARE(mcp.post(request(1, "ping"), first).status, 404);
        QCOMPARE(mcp.endpoint->sessionCount(), std::size_t(1));
        QCOMPARE(mcp.post(request(1, "ping"), second).status, 200);
    }

    void guardsInIsolation()
    {
        using namespace httpguards;
        QVERIFY(isLoopbackHost("127.0.0.1") && isLoopbackHost("127.1.2.3") && isLoopbackHost("LOCALHOST") &&
                isLoopbackHost("[::1]") && isLoopbackHost("::1"));
        QVERIFY(!isLoopbackHost("127.0.0.1.evil") && !isLoopbackHost("128.0.0.1") &&
                !isLoopbackHost("127.0.0.256") && !isLoopbackHost("") && !isLoopbackHost("localhost.evil"));
        QVERIFY(originAllowed("", {}));
        QVERIFY(!originAllowed("http://localhost/path", {}));
        QVERIFY(!originAllowed("http://[::1", {}));
        QVERIFY(hostAllowed("[::1]:8080", {}));
        QVERIFY(!hostAllowed("[::1]x", {}));
        QVERIFY(bearerMatches("Bearer   t0k  ", "t0k"));
        QVERIFY(!bearerMatches("Bearer", "t0k") && !bearerMatches("Bearert0k", "t0k") &&
                !bearerMatches("Bearer t0", "t0k"));
        QVERIFY(isJsonContentType("Application/JSON ; charset=UTF-8") &&
                !isJsonContentType("application/jsonx"));
    }
};

QTEST_GUILESS_MAIN(ToolServerHttpTest)
#include "tst_toolserverhttp.moc"
