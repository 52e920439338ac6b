// HttpClient over real loopback HTTP: methods and headers, statuses as Responses, timeouts, refused
// connections, replies that are not HTTP, bad URLs, header values with line breaks and Retry-After parsing.
// Cancellation, concurrency and retries: tst_httpclientretry.cpp; gzip and the response size cap:
// tst_httpclientbody.cpp. One executable, one TestHttpClient (declared in httpclientfixture.h).
#include "httpclientfixture.h"

#include <QScopeGuard>
#include <QTest>
#include <string>

using namespace lakeshore;
using namespace lakeshore::http;
using namespace asynctest;
using namespace httpclienttest;

void TestHttpClient::getSendsHeadersAndReadsReply()
{
    HttpServer server;
    server.route("/echo", [](const ServerRequest &in, ServerResponse &out) {
        out.contentType = "text/plain";
        out.setHeader("X-Reply", "yes");
        out.body = in.method + " " + in.path + "?" + in.rawQuery + " [" + in.header("x-test") + "] [" +
                   in.body + "]";
    });
    QVERIFY(server.start().ok());
    HttpClient client;

    Request request = get(server.baseUrl() + "/echo/a?x=1&y=%20z");
    request.headers = {{"X-Test", "hello"}};
    Results results;
    client.send(request, CancelToken(), results.callback());
    QVERIFY(results.wait());
    const auto result = results.value();
    QVERIFY2(result.ok(), qPrintable(describe(result)));
    const Response &response = result.value();
    QCOMPARE(response.status, 200);
    QCOMPARE(qs(response.body), QStringLiteral("GET /echo/a?x=1&y=%20z [hello] []"));
    QCOMPARE(qs(response.header("x-REPLY")), QStringLiteral("yes"));
    QVERIFY(response.header("X-Absent").empty());
    QCOMPARE(response.attempts, 1);
    QCOMPARE(qs(response.url), qs(request.url));
    QVERIFY(response.elapsedMs >= 0);
    // Callbacks run on the client's I/O thread, never on the caller's.
    QVERIFY(results.thread() != std::this_thread::get_id());
    QCOMPARE(client.activeCount(), std::size_t(0));
}

void TestHttpClient::postPutDeleteSendBody()
{
    HttpServer server;
    server.route("/", [](const ServerRequest &in, ServerResponse &out) {
        plainBody(out, in.method + "|" + in.header("Content-Type") + "|" + in.body);
    });
    QVERIFY(server.start().ok());
    HttpClient client;

    for (const char *method : {"POST", "PUT", "PATCH", "DELETE"}) {
        Request request = get(server.baseUrl() + "/things");
        request.method = method;
        request.headers = {{"Content-Type", "application/json"}};
        request.body = std::string(R"({"name":"O'Brien & Sons","n":1})") + std::string(3000, ' ') + "\n";
        const auto result = roundTrip(client, request);
        QVERIFY2(result.ok(), qPrintable(describe(result)));
        QCOMPARE(qs(result.value().body), qs(std::string(method) + "|application/json|" + request.body));
    }
    // A body with NUL bytes arrives whole.
    Request binary = get(server.baseUrl() + "/bin");
    binary.method = "POST";
    binary.body = std::string("a\0b\0c", 5);
    const auto result = roundTrip(client, binary);
    QVERIFY2(result.ok(), qPrintable(describe(result)));
    const std::string &echoed = result.value().body;
    QVERIFY(echoed.size() > 5);
    QVERIFY(echoed.compare(echoed.size() - 5, 5, binary.body) == 0);
}

void TestHttpClient::statusesAreResponses_data()
{
    QTest::addColumn<int>("status");
    QTest::newRow("201") << 201;
    QTest::newRow("204") << 204;
    QTest::newRow("301 not followed") << 301;
    QTest::newRow("400") << 400;
    QTest::newRow("404") << 404;
    QTest::newRow("418") << 418;
    QTest::newRow("500") << 500;
    QTest::newRow("502") << 502;
}

void TestHttpClient::statusesAreResponses()
{
    QFETCH(int, status);
    HttpServer server;
    server.route("/", [status](const ServerRequest &, ServerResponse &out) {
        out.status = status;
        if (status == 301)
            out.setHeader("Location", "/elsewhere");
        if (status != 204)
            plainBody(out, "status " + std::to_string(status));
    });
    QVERIFY(server.start().ok());
    HttpClient client;
    const auto result = roundTrip(client, get(server.baseUrl() + "/x"));
    QVERIFY2(result.ok(), qPrintable(describe(result)));
    QCOMPARE(result.value().status, status);
    QCOMPARE(result.value().attempts, 1); // only 429 and 503 are retried
    if (status != 204)
        QCOMPARE(qs(result.value().body), qs("status " + std::to_string(status)));
}

void TestHttpClient::timeout()
{
    Gate gate;
    Events arrived;
    HttpServer server;
    server.route("/slow", [&](const ServerRequest &, ServerResponse &out) {
        arrived.add();
        gate.waitOpen(5s);
        plainBody(out, "too late");
    });
    QVERIFY(server.start().ok());
    auto release = qScopeGuard([&] { gate.open(); });
    HttpClient client;

    const auto result = roundTrip(client, get(server.baseUrl() + "/slow", 200));
    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind, ErrorKind::Timeout);
    QVERIFY2(result.error().message.find("200 ms") != std::string::npos, result.error().message.c_str());
    QCOMPARE(arrived.count(), std::size_t(1)); // a timeout is not retried
}

void TestHttpClient::connectionRefused()
{
    HttpClient client;
    const int port = closedPort();
    QVERIFY(port > 0);
    const auto result = roundTrip(client, get("http://127.0.0.1:" + std::to_string(port) + "/x"));
    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind, ErrorKind::Network);
    QVERIFY(!result.error().message.empty());
}

void TestHttpClient::truncatedBodyIsNetworkError()
{
    RawServer server([](int fd) {
        RawServer::writeAll(fd,
                            "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n"
                            "Connection: close\r\n\r\n{\"value\":[");
    });
    QVERIFY(server.port() > 0);
    HttpClient client;
    const auto result = roundTrip(client, get(server.url("/cut")));
    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind, ErrorKind::Network);
}

void TestHttpClient::replyThatIsNotHttp_data()
{
    QTest::addColumn<QByteArray>("reply");
    QTest::newRow("another protocol") << QByteArray("SSH-2.0-OpenSSH_9.2\r\n");
    QTest::newRow("broken status line") << QByteArray("HTTP/1.1 abc\r\nContent-Length: 0\r\n\r\n");
}

void TestHttpClient::replyThatIsNotHttp()
{
    QFETCH(QByteArray, reply);
    RawServer server([reply](int fd) { RawServer::writeAll(fd, reply.toStdString()); });
    QVERIFY(server.port() > 0);
    HttpClient client;
    const auto result = roundTrip(client, get(server.url("/x")));
    QVERIFY(!result.ok());
    // The caller's URL is fine: the server broke the protocol, so this is not an Invalid request.
    QVERIFY2(result.error().kind == ErrorKind::Malformed, qPrintable(describe(result)));
}

void TestHttpClient::malformedUrl_data()
{
    QTest::addColumn<QString>("url");
    QTest::newRow("empty") << QString();
    QTest::newRow("space in host") << QStringLiteral("http://exa mple.com/");
    QTest::newRow("unclosed IPv6") << QStringLiteral("http://[::1/x");
    QTest::newRow("ftp") << QStringLiteral("ftp://127.0.0.1/file");
    QTest::newRow("file") << QStringLiteral("file:///etc/passwd");
    QTest::newRow("port out of range") << QStringLiteral("http://127.0.0.1:99999/");
}

void TestHttpClient::malformedUrl()
{
    QFETCH(QString, url);
    HttpClient client;
    const auto result = roundTrip(client, get(url.toStdString()));
    QVERIFY(!result.ok());
    QVERIFY2(result.error().kind == ErrorKind::Invalid, qPrintable(describe(result)));
    QVERIFY(!result.error().message.empty());
}

void TestHttpClient::headerWithLineBreak_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("value");
    QTest::newRow("injected header") << QStringLiteral("X-Test") << QStringLiteral("a\r\nX-Injected: 1");
    QTest::newRow("pasted token with newline")
        << QStringLiteral("Authorization") << QStringLiteral("Bearer abc\n");
    QTest::newRow("bare CR") << QStringLiteral("X-Test") << QStringLiteral("a\rb");
    QTest::newRow("line break in the name") << QStringLiteral("X-Test\r\nX-Injected") << QStringLiteral("1");
}

void TestHttpClient::headerWithLineBreak()
{
    // A header value from settings (a pasted token) must never smuggle extra headers or end the head early.
    QFETCH(QString, name);
    QFETCH(QString, value);
    Events arrived;
    HttpServer server;
    server.route("/", [&](const ServerRequest &, ServerResponse &out) {
        arrived.add();
        plainBody(out, "served");
    });
    QVERIFY(server.start().ok());
    HttpClient client;
    Request request = get(server.baseUrl() + "/x");
    request.headers = {{name.toStdString(), value.toStdString()}};
    const auto result = roundTrip(client, request);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind, ErrorKind::Invalid);
    QCOMPARE(arrived.count(), std::size_t(0));
}

void TestHttpClient::parseRetryAfterValues_data()
{
    const long long date = 1445412480; // Wed, 21 Oct 2015 07:28:00 GMT
    QTest::addColumn<QString>("value");
    QTest::addColumn<qlonglong>("now");
    QTest::addColumn<qlonglong>("expected");
    QTest::newRow("seconds") << QStringLiteral("1") << 0LL << 1000LL;
    QTest::newRow("zero") << QStringLiteral("0") << 0LL << 0LL;
    QTest::newRow("padded") << QStringLiteral("  120 ") << 0LL << 120000LL;
    QTest::newRow("date ahead") << QStringLiteral("Wed, 21 Oct 2015 07:28:00 GMT") << date - 10 << 10000LL;
    QTest::newRow("date passed") << QStringLiteral("Wed, 21 Oct 2015 07:28:00 GMT") << date + 60 << 0LL;
    QTest::newRow("empty") << QString() << 0LL << -1LL;
    QTest::newRow("blank") << QStringLiteral("   ") << 0LL << -1LL;
    QTest::newRow("words") << QStringLiteral("soon") << 0LL << -1LL;
    QTest::newRow("negative") << QStringLiteral("-5") << 0LL << -1LL;
    QTest::newRow("huge") << QStringLiteral("99999999999999999999") << 0LL << -1LL;
    QTest::newRow("garbage bytes") << QStringLiteral("\x01\x02zz") << 0LL << -1LL;
}

void TestHttpClient::parseRetryAfterValues()
{
    QFETCH(QString, value);
    QFETCH(qlonglong, now);
    QFETCH(qlonglong, expected);
    QCOMPARE(parseRetryAfter(value.toStdString(), now), expected);
}

void TestHttpClient::responseHeaderLookup()
{
    Response response;
    response.headers = {{"Content-Type", "application/json"}, {"ETag", "W/\"1\""}, {"etag", "second"}};
    QCOMPARE(qs(response.header("content-type")), QStringLiteral("application/json"));
    QCOMPARE(qs(response.header("ETAG")), QStringLiteral("W/\"1\"")); // the first of repeated headers
    QVERIFY(response.header("Retry-After").empty());
    QVERIFY(response.header("").empty());
}

QTEST_APPLESS_MAIN(TestHttpClient)
