// HttpServer, the wrapper our shipped servers use: longest-prefix routing, what a handler is told about
// the request, what it can answer, a held handler not blocking others, and start/stop edges.
#include "asynctest.h"
#include "http/httpclient.h"
#include "http/httpserver.h"

#include <future>
#include <nlohmann/json.hpp>
#include <QScopeGuard>
#include <QTest>

using namespace lakeshore;
using namespace lakeshore::http;
using namespace asynctest;

namespace {

Result<Response> fetch(HttpClient &client, const std::string &url, const std::string &method = "GET",
                       Headers headers = {}, std::string body = {})
{
    Request request;
    request.url = url;
    request.method = method;
    request.headers = std::move(headers);
    request.body = std::move(body);
    request.timeoutMs = 5000;
    Capture<Result<Response>> results;
    client.send(std::move(request), CancelToken(), results.callback());
    if (!results.wait())
        return makeError(ErrorKind::Invalid, "test: no callback within the deadline");
    return results.value();
}

} // namespace

class TestHttpServer : public QObject
{
    Q_OBJECT

private slots:
    void longestPrefixWins();
    void unknownPathIs404Json();
    void handlerSeesRequest();
    void handlerShapesResponse();
    void heldHandlerDoesNotBlockOthers();
    void portInUse();
    void stopEndsServing();
    void stopRightAfterStart();
};

void TestHttpServer::longestPrefixWins()
{
    HttpServer server;
    server.route("/api", [](const ServerRequest &, ServerResponse &out) { out.body = "\"short\""; });
    server.route("/api/data", [](const ServerRequest &, ServerResponse &out) { out.body = "\"long\""; });
    server.route("/", [](const ServerRequest &, ServerResponse &out) { out.body = "\"root\""; });
    QVERIFY(server.start().ok());
    HttpClient client;
    const std::pair<const char *, const char *> cases[] = {{"/api/data/v9.2/accounts", "\"long\""},
                                                           {"/api/other", "\"short\""},
                                                           {"/apix", "\"short\""},
                                                           {"/elsewhere", "\"root\""}};
    for (const auto &[path, expected] : cases) {
        const auto result = fetch(client, server.baseUrl() + path);
        QVERIFY2(result.ok(), qPrintable(describe(result)));
        QCOMPARE(qs(result.value().body), QString::fromLatin1(expected));
    }
    for (const char *method : {"POST", "PUT", "PATCH", "DELETE", "OPTIONS"}) {
        const auto result = fetch(client, server.baseUrl() + "/api/data/x", method);
        QVERIFY2(result.ok(), qPrintable(describe(result)));
        QCOMPARE(qs(result.value().body), QStringLiteral("\"long\""));
    }
}

void TestHttpServer::unknownPathIs404Json()
{
    HttpServer server;
    server.route("/only", [](const ServerRequest &, ServerResponse &out) { out.body = "{}"; });
    QVERIFY(server.start().ok());
    HttpClient client;
    const auto result = fetch(client, server.baseUrl() + "/nothing/here");
    QVERIFY2(result.ok(), qPrintable(describe(result)));
    QCOMPARE(result.value().status, 404);
    const auto json = nlohmann::json::parse(result.value().body, nullptr, false);
    QVERIFY(json.is_object() && json.contains("error"));
    QCOMPARE(qs(json["error"]["code"].get<std::string>()), QStringLiteral("NotFound"));
}

void TestHttpServer::handlerSeesRequest()
{
    std::mutex mutex;
    ServerRequest seen;
    HttpServer server;
    server.route("/", [&](const ServerRequest &in, ServerResponse &out) {
        std::lock_guard lock(mutex);
        seen = in;
        out.body = "{}";
    });
    QVERIFY(server.start().ok());
    HttpClient client;
    const auto result =
        fetch(client, server.baseUrl() + "/api/accounts%28x%29?$filter=name%20eq%20%27A%26B%27&n=1&n=2",
              "POST", {{"X-Custom", "Value"}, {"Content-Type", "text/plain"}}, "payload");
    QVERIFY2(result.ok(), qPrintable(describe(result)));

    std::lock_guard lock(mutex);
    QCOMPARE(qs(seen.method), QStringLiteral("POST"));
    QCOMPARE(qs(seen.path), QStringLiteral("/api/accounts(x)"));
    QCOMPARE(qs(seen.rawQuery), QStringLiteral("$filter=name%20eq%20%27A%26B%27&n=1&n=2"));
    QCOMPARE(qs(seen.param("$filter")), QStringLiteral("name eq 'A&B'"));
    QVERIFY(seen.hasParam("n"));
    QCOMPARE(seen.params.count("n"), std::size_t(2));
    QVERIFY(!seen.hasParam("missing"));
    QVERIFY(seen.param("missing").empty());
    QCOMPARE(qs(seen.header("x-custom")), QStringLiteral("Value"));
    QVERIFY(seen.header("X-Missing").empty());
    QCOMPARE(qs(seen.body), QStringLiteral("payload"));
    QCOMPARE(qs(seen.remoteAddress), QStringLiteral("127.0.0.1"));
}

void TestHttpServer::handlerShapesResponse()
{
    HttpServer server;
    server.route("/", [](const ServerRequest &, ServerResponse &out) {
        out.status = 202;
        out.contentType = "text/csv";
        out.setHeader("X-One", "1");
        out.setHeader("ETag", "W/\"7\"");
        out.body = "a,b\n1,2\n";
    });
    QVERIFY(server.start().ok());
    HttpClient client;
    const auto result = fetch(client, server.baseUrl() + "/x");
    QVERIFY2(result.ok(), qPrintable(describe(result)));
    QCOMPARE(result.value().status, 202);
    QVERIFY(result.value().header("Content-Type").rfind("text/csv", 0) == 0);
    QCOMPARE(qs(result.value().header("X-One")), QStringLiteral("1"));
    QCOMPARE(qs(result.value().header("ETag")), QStringLiteral("W/\"7\""));
    QCOMPARE(qs(result.value().body), QStringLiteral("a,b\n1,2\n"));

    const auto head = fetch(client, server.baseUrl() + "/x", "HEAD");
    QVERIFY2(head.ok(), qPrintable(describe(head)));
    QCOMPARE(head.value().status, 202);
    QVERIFY(head.value().body.empty());
}

void TestHttpServer::heldHandlerDoesNotBlockOthers()
{
    Gate gate;
    Events held;
    HttpServer server(4);
    server.route("/held", [&](const ServerRequest &, ServerResponse &out) {
        held.add();
        gate.waitOpen(5s);
        out.body = "\"held\"";
    });
    server.route("/quick", [](const ServerRequest &, ServerResponse &out) { out.body = "\"quick\""; });
    QVERIFY(server.start().ok());
    auto release = qScopeGuard([&] { gate.open(); });
    HttpClient client;

    Capture<Result<Response>> slow;
    Request request;
    request.url = server.baseUrl() + "/held";
    client.send(request, CancelToken(), slow.callback());
    QVERIFY(held.waitFor(1));
    const auto quick = fetch(client, server.baseUrl() + "/quick");
    QVERIFY2(quick.ok(), qPrintable(describe(quick)));
    QCOMPARE(qs(quick.value().body), QStringLiteral("\"quick\""));
    QCOMPARE(slow.count(), std::size_t(0)); // still held
    gate.open();
    QVERIFY(slow.wait());
    QVERIFY(slow.value().ok());
    QCOMPARE(qs(slow.value().value().body), QStringLiteral("\"held\""));
}

void TestHttpServer::portInUse()
{
    HttpServer first;
    auto port = first.start();
    QVERIFY(port.ok());
    QVERIFY(port.value() > 0);
    QCOMPARE(first.port(), port.value());
    QCOMPARE(qs(first.baseUrl()), qs("http://127.0.0.1:" + std::to_string(port.value())));

    HttpServer second;
    const auto clash = second.start("127.0.0.1", port.value());
    QVERIFY(!clash.ok());
    QCOMPARE(clash.error().kind, ErrorKind::Network);
    QVERIFY(clash.error().message.find(std::to_string(port.value())) != std::string::npos);

    HttpServer bad;
    const auto badHost = bad.start("192.0.2.1", 0); // TEST-NET: not an address of this machine
    QVERIFY(!badHost.ok());
    QCOMPARE(badHost.error().kind, ErrorKind::Network);
}

void TestHttpServer::stopEndsServing()
{
    HttpServer server;
    server.route("/", [](const ServerRequest &, ServerResponse &out) { out.body = "{}"; });
    QVERIFY(server.start().ok());
    const std::string url = server.baseUrl() + "/x";
    {
        // Gone before stop(): an idle keep-alive connection would hold stop() up (see httpserver.cpp).
        HttpClient before;
        QVERIFY(fetch(before, url).ok());
    }
    server.stop();
    server.stop(); // twice is fine
    HttpClient client;
    const auto after = fetch(client, url);
    QVERIFY(!after.ok());
    QCOMPARE(after.error().kind, ErrorKind::Network);
}

void TestHttpServer::stopRightAfterStart()
{
    // A hang must fail the test rather than block it, so the servers live on a thread of their own.
    auto done = std::make_shared<std::promise<void>>();
    auto finished = done->get_future();
    std::thread([done] {
        for (int i = 0; i < 50; ++i) {
            HttpServer server;
            (void)server.start();
        } // destroyed, and so stopped, right after start()
        done->set_value();
    }).detach();
    if (finished.wait_for(10s) != std::future_status::ready)
        qFatal("HttpServer::stop() right after start() did not return");
}

QTEST_APPLESS_MAIN(TestHttpServer)
#include "tst_httpserver.moc"
