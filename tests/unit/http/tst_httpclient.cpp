// HttpClient over real loopback HTTP: methods and headers, statuses as Responses, timeouts, refused
// connections, cancellation at every stage, many concurrent requests, retries on 429/503 with
// Retry-After and back-off, gzip, the response size cap, bad URLs and Retry-After parsing.
#include "asynctest.h"
#include "rawserver.h"

#include "http/httpclient.h"
#include "http/httpserver.h"

#include <QScopeGuard>
#include <QTest>

#include <zlib.h>

#include <atomic>

using namespace lakeshore;
using namespace lakeshore::http;
using namespace asynctest;

namespace {

using Results = Capture<Result<Response>>;

std::string gzip(const std::string &plain)
{
    z_stream stream{};
    deflateInit2(&stream, Z_BEST_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY); // 16: gzip framing
    std::string out(deflateBound(&stream, plain.size()) + 64, '\0');
    stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(plain.data()));
    stream.avail_in = static_cast<uInt>(plain.size());
    stream.next_out = reinterpret_cast<Bytef *>(out.data());
    stream.avail_out = static_cast<uInt>(out.size());
    deflate(&stream, Z_FINISH);
    out.resize(stream.total_out);
    deflateEnd(&stream);
    return out;
}

Request get(const std::string &url, int timeoutMs = 5000)
{
    Request request;
    request.url = url;
    request.timeoutMs = timeoutMs;
    return request;
}

// Sends one request and waits for its single callback.
Result<Response> roundTrip(HttpClient &client, Request request, CancelToken cancel = {})
{
    Results results;
    client.send(std::move(request), cancel, results.callback());
    if (!results.wait())
        return makeError(ErrorKind::Invalid, "test: no callback within the deadline");
    return results.value();
}

// A plain body the server sends as is: httplib compresses text and JSON replies on its own.
void plainBody(ServerResponse &out, std::string body)
{
    out.contentType = "application/octet-stream";
    out.body = std::move(body);
}

} // namespace

class TestHttpClient : public QObject
{
    Q_OBJECT

private slots:
    void getSendsHeadersAndReadsReply();
    void postPutDeleteSendBody();
    void statusesAreResponses_data();
    void statusesAreResponses();
    void timeout();
    void connectionRefused();
    void truncatedBodyIsNetworkError();
    void replyThatIsNotHttp_data();
    void replyThatIsNotHttp();
    void cancelBeforeStart();
    void cancelDuringTransfer();
    void cancelDuringRetryWait();
    void concurrentRequestsCallBackOnce();
    void retryAfterHonoured();
    void unavailableRetriedWithBackOff();
    void unreadableRetryAfterFallsBackToBackOff();
    void retryAfterBeyondLimitReturnedAtOnce();
    void retriesExhausted();
    void gzipDecoded();
    void gzipBombTooLarge();
    void tooLargeWithContentLength();
    void tooLargeWithoutContentLength_data();
    void tooLargeWithoutContentLength();
    void chunkedReplyUnderCap();
    void malformedUrl_data();
    void malformedUrl();
    void headerWithLineBreak_data();
    void headerWithLineBreak();
    void destroyCancelsInFlight();
    void parseRetryAfterValues_data();
    void parseRetryAfterValues();
    void responseHeaderLookup();
};

void TestHttpClient::getSendsHeadersAndReadsReply()
{
    HttpServer server;
    server.route("/echo", [](const ServerRequest &in, ServerResponse &out) {
        out.contentType = "text/plain";
        out.setHeader("X-Reply", "yes");
        out.body = in.method + " " + in.path + "?" + in.rawQuery + " [" + in.header("x-test") + "] [" + in.body + "]";
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
        RawServer::writeAll(fd, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n"
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

void TestHttpClient::cancelBeforeStart()
{
    Events arrived;
    HttpServer server;
    server.route("/", [&](const ServerRequest &, ServerResponse &out) {
        arrived.add();
        plainBody(out, "served");
    });
    QVERIFY(server.start().ok());
    auto client = std::make_unique<HttpClient>();

    CancelToken token;
    token.cancel();
    Results results;
    client->send(get(server.baseUrl() + "/x"), token, results.callback());
    QVERIFY(results.wait());
    QVERIFY(!results.value().ok());
    QCOMPARE(results.value().error().kind, ErrorKind::Cancelled);
    client.reset(); // joins the I/O thread: a second callback would have run by now
    QCOMPARE(results.count(), std::size_t(1));
    QCOMPARE(arrived.count(), std::size_t(0));
}

void TestHttpClient::cancelDuringTransfer()
{
    Gate gate;
    Events arrived;
    HttpServer server;
    server.route("/", [&](const ServerRequest &, ServerResponse &out) {
        arrived.add();
        gate.waitOpen(5s);
        plainBody(out, "served");
    });
    QVERIFY(server.start().ok());
    auto release = qScopeGuard([&] { gate.open(); });
    auto client = std::make_unique<HttpClient>();

    CancelToken token;
    Results results;
    client->send(get(server.baseUrl() + "/x"), token, results.callback());
    QVERIFY(arrived.waitFor(1));
    QCOMPARE(results.count(), std::size_t(0));
    token.cancel();
    QVERIFY(results.wait());
    QCOMPARE(results.value().error().kind, ErrorKind::Cancelled);
    QCOMPARE(client->activeCount(), std::size_t(0));
    gate.open();
    token.cancel(); // a second cancel is harmless
    client.reset();
    QCOMPARE(results.count(), std::size_t(1));
}

void TestHttpClient::cancelDuringRetryWait()
{
    Events arrived;
    HttpServer server;
    server.route("/", [&](const ServerRequest &, ServerResponse &out) {
        arrived.add();
        out.status = 429;
        out.setHeader("Retry-After", "3");
        plainBody(out, "slow down");
    });
    QVERIFY(server.start().ok());
    auto client = std::make_unique<HttpClient>();

    CancelToken token;
    Results results;
    client->send(get(server.baseUrl() + "/x"), token, results.callback());
    QVERIFY(arrived.waitFor(1));
    std::this_thread::sleep_for(200ms); // the 429 reaches the client, which now waits 3 s to retry
    QCOMPARE(results.count(), std::size_t(0));
    QCOMPARE(client->activeCount(), std::size_t(1));
    token.cancel();
    QVERIFY(results.wait());
    QCOMPARE(results.value().error().kind, ErrorKind::Cancelled);
    QCOMPARE(arrived.count(), std::size_t(1)); // the retry never went out
    client.reset();
    QCOMPARE(results.count(), std::size_t(1));
}

void TestHttpClient::concurrentRequestsCallBackOnce()
{
    constexpr int kRequests = 200;
    HttpServer server;
    server.route("/", [](const ServerRequest &in, ServerResponse &out) { plainBody(out, "id=" + in.param("id")); });
    QVERIFY(server.start().ok());
    auto client = std::make_unique<HttpClient>();

    Capture<std::pair<int, Result<Response>>> results;
    for (int i = 0; i < kRequests; ++i)
        client->send(get(server.baseUrl() + "/item?id=" + std::to_string(i), 8000), CancelToken(),
                     [callback = results.callback(), i](Result<Response> result) { callback({i, std::move(result)}); });
    QVERIFY(results.wait(kRequests));
    client.reset();
    QCOMPARE(results.count(), std::size_t(kRequests));
    std::vector<int> calls(kRequests, 0);
    for (const auto &[i, result] : results.values()) {
        ++calls[i];
        QVERIFY2(result.ok(), qPrintable(describe(result)));
        QCOMPARE(result.value().status, 200);
        QCOMPARE(qs(result.value().body), qs("id=" + std::to_string(i)));
    }
    for (int i = 0; i < kRequests; ++i)
        QCOMPARE(calls[i], 1);
}

void TestHttpClient::retryAfterHonoured()
{
    Events arrived;
    std::atomic<int> hits{0};
    HttpServer server;
    server.route("/", [&](const ServerRequest &, ServerResponse &out) {
        arrived.add();
        if (hits++ == 0) {
            out.status = 429;
            out.setHeader("Retry-After", "1");
            plainBody(out, "slow down");
            return;
        }
        plainBody(out, "welcome back");
    });
    QVERIFY(server.start().ok());
    HttpClient client;

    const auto result = roundTrip(client, get(server.baseUrl() + "/x"));
    QVERIFY2(result.ok(), qPrintable(describe(result)));
    QCOMPARE(result.value().status, 200);
    QCOMPARE(result.value().attempts, 2);
    QCOMPARE(qs(result.value().body), QStringLiteral("welcome back"));
    QCOMPARE(arrived.count(), std::size_t(2));
    QVERIFY2(arrived.gapMs(1) >= 900, qPrintable(QString::number(arrived.gapMs(1))));
    QVERIFY(result.value().elapsedMs >= 900);
}

void TestHttpClient::unavailableRetriedWithBackOff()
{
    Events arrived;
    std::atomic<int> hits{0};
    HttpServer server;
    server.route("/", [&](const ServerRequest &, ServerResponse &out) {
        arrived.add();
        if (hits++ < 2) {
            out.status = 503;
            plainBody(out, "down");
            return;
        }
        plainBody(out, "up");
    });
    QVERIFY(server.start().ok());
    HttpClient client;

    const auto result = roundTrip(client, get(server.baseUrl() + "/x"));
    QVERIFY2(result.ok(), qPrintable(describe(result)));
    QCOMPARE(result.value().status, 200);
    QCOMPARE(result.value().attempts, 3);
    QCOMPARE(arrived.count(), std::size_t(3));
    // Exponential: at least 250 ms before the first retry, at least 500 ms before the second.
    QVERIFY2(arrived.gapMs(1) >= 240, qPrintable(QString::number(arrived.gapMs(1))));
    QVERIFY2(arrived.gapMs(2) >= 490, qPrintable(QString::number(arrived.gapMs(2))));
}

void TestHttpClient::unreadableRetryAfterFallsBackToBackOff()
{
    Events arrived;
    std::atomic<int> hits{0};
    HttpServer server;
    server.route("/", [&](const ServerRequest &, ServerResponse &out) {
        arrived.add();
        if (hits++ == 0) {
            out.status = 429;
            out.setHeader("Retry-After", "whenever you like");
            return;
        }
        plainBody(out, "ok");
    });
    QVERIFY(server.start().ok());
    HttpClient client;
    const auto result = roundTrip(client, get(server.baseUrl() + "/x"));
    QVERIFY2(result.ok(), qPrintable(describe(result)));
    QCOMPARE(result.value().status, 200);
    QCOMPARE(result.value().attempts, 2);
    QVERIFY(arrived.gapMs(1) >= 240);
}

void TestHttpClient::retryAfterBeyondLimitReturnedAtOnce()
{
    Events arrived;
    HttpServer server;
    server.route("/", [&](const ServerRequest &, ServerResponse &out) {
        arrived.add();
        out.status = 429;
        out.setHeader("Retry-After", "30");
        plainBody(out, "come back in half a minute");
    });
    QVERIFY(server.start().ok());
    HttpClient client;

    Request request = get(server.baseUrl() + "/x");
    request.maxRetryDelayMs = 1000;
    const auto result = roundTrip(client, request);
    QVERIFY2(result.ok(), qPrintable(describe(result)));
    QCOMPARE(result.value().status, 429);
    QCOMPARE(result.value().attempts, 1);
    QCOMPARE(qs(result.value().header("Retry-After")), QStringLiteral("30"));
    QCOMPARE(arrived.count(), std::size_t(1));
}

void TestHttpClient::retriesExhausted()
{
    Events arrived;
    HttpServer server;
    server.route("/", [&](const ServerRequest &, ServerResponse &out) {
        arrived.add();
        out.status = 429;
        out.setHeader("Retry-After", "0");
        plainBody(out, "still busy");
    });
    QVERIFY(server.start().ok());
    HttpClient client;

    const auto result = roundTrip(client, get(server.baseUrl() + "/x")); // maxRetries = 2 by default
    QVERIFY2(result.ok(), qPrintable(describe(result)));
    QCOMPARE(result.value().status, 429);
    QCOMPARE(result.value().attempts, 3);
    QCOMPARE(qs(result.value().body), QStringLiteral("still busy"));
    QCOMPARE(arrived.count(), std::size_t(3));

    Request once = get(server.baseUrl() + "/x");
    once.maxRetries = 0;
    const auto single = roundTrip(client, once);
    QVERIFY2(single.ok(), qPrintable(describe(single)));
    QCOMPARE(single.value().status, 429);
    QCOMPARE(single.value().attempts, 1);
    QCOMPARE(arrived.count(), std::size_t(4));
}

void TestHttpClient::gzipDecoded()
{
    std::string plain;
    for (int i = 0; i < 2000; ++i)
        plain += "{\"row\":" + std::to_string(i) + ",\"name\":\"Lakeshore Industrial Supply\"},";
    const std::string packed = gzip(plain);
    QVERIFY(packed.size() < plain.size() / 4);

    std::string acceptEncoding;
    std::mutex mutex;
    HttpServer server;
    server.route("/", [&](const ServerRequest &in, ServerResponse &out) {
        {
            std::lock_guard lock(mutex);
            acceptEncoding = in.header("Accept-Encoding");
        }
        plainBody(out, packed);
        out.setHeader("Content-Encoding", "gzip");
    });
    QVERIFY(server.start().ok());
    HttpClient client;
    const auto result = roundTrip(client, get(server.baseUrl() + "/x"));
    QVERIFY2(result.ok(), qPrintable(describe(result)));
    QCOMPARE(result.value().body.size(), plain.size());
    QVERIFY(result.value().body == plain);
    std::lock_guard lock(mutex);
    QVERIFY2(acceptEncoding.find("gzip") != std::string::npos, acceptEncoding.c_str());
}

void TestHttpClient::gzipBombTooLarge()
{
    // 4 KB on the wire, 4 MB once decoded: the cap applies to what we would hold in memory.
    const std::string packed = gzip(std::string(4u << 20, '0'));
    QVERIFY(packed.size() < 64 * 1024);
    HttpServer server;
    server.route("/", [&](const ServerRequest &, ServerResponse &out) {
        plainBody(out, packed);
        out.setHeader("Content-Encoding", "gzip");
    });
    QVERIFY(server.start().ok());
    HttpClient client;
    Request request = get(server.baseUrl() + "/x");
    request.maxResponseBytes = 64 * 1024;
    const auto result = roundTrip(client, request);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind, ErrorKind::TooLarge);
}

void TestHttpClient::tooLargeWithContentLength()
{
    HttpServer server;
    server.route("/", [](const ServerRequest &, ServerResponse &out) { plainBody(out, std::string(100000, 'x')); });
    QVERIFY(server.start().ok());
    HttpClient client;

    Request request = get(server.baseUrl() + "/x");
    request.maxResponseBytes = 10000;
    const auto result = roundTrip(client, request);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind, ErrorKind::TooLarge);
    QVERIFY2(result.error().message.find("10000 bytes") != std::string::npos, result.error().message.c_str());

    request.maxResponseBytes = 100000; // exactly the size: accepted
    const auto fits = roundTrip(client, request);
    QVERIFY2(fits.ok(), qPrintable(describe(fits)));
    QCOMPARE(fits.value().body.size(), std::size_t(100000));
}

void TestHttpClient::tooLargeWithoutContentLength_data()
{
    QTest::addColumn<bool>("chunked");
    QTest::newRow("chunked") << true;
    QTest::newRow("until close") << false;
}

void TestHttpClient::tooLargeWithoutContentLength()
{
    QFETCH(bool, chunked);
    RawServer server([chunked](int fd) {
        if (chunked) {
            RawServer::writeAll(fd, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                                    "Transfer-Encoding: chunked\r\n\r\n");
            const std::string chunk(4096, 'x');
            for (int i = 0; i < 64; ++i)
                RawServer::writeAll(fd, "1000\r\n" + chunk + "\r\n");
            RawServer::writeAll(fd, "0\r\n\r\n");
        } else {
            RawServer::writeAll(fd, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n");
            RawServer::writeAll(fd, std::string(256 * 1024, 'x'));
        }
    });
    QVERIFY(server.port() > 0);
    HttpClient client;
    Request request = get(server.url("/big"));
    request.maxResponseBytes = 16 * 1024;
    const auto result = roundTrip(client, request);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind, ErrorKind::TooLarge);
}

void TestHttpClient::chunkedReplyUnderCap()
{
    RawServer server([](int fd) {
        RawServer::writeAll(fd, "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n"
                                "5\r\nhello\r\n1\r\n \r\n5\r\nworld\r\n0\r\n\r\n");
    });
    QVERIFY(server.port() > 0);
    HttpClient client;
    const auto result = roundTrip(client, get(server.url("/small")));
    QVERIFY2(result.ok(), qPrintable(describe(result)));
    QCOMPARE(qs(result.value().body), QStringLiteral("hello world"));
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
    QTest::newRow("pasted token with newline") << QStringLiteral("Authorization") << QStringLiteral("Bearer abc\n");
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

void TestHttpClient::destroyCancelsInFlight()
{
    Gate gate;
    Events held;
    Events throttled;
    HttpServer server;
    server.route("/held", [&](const ServerRequest &, ServerResponse &out) {
        held.add();
        gate.waitOpen(5s);
        plainBody(out, "late");
    });
    server.route("/busy", [&](const ServerRequest &, ServerResponse &out) {
        throttled.add();
        out.status = 503;
        out.setHeader("Retry-After", "5");
    });
    QVERIFY(server.start().ok());
    auto release = qScopeGuard([&] { gate.open(); });
    auto client = std::make_unique<HttpClient>();

    Capture<std::pair<int, Result<Response>>> results;
    auto send = [&](int i, const std::string &path, CancelToken token = {}) {
        client->send(get(server.baseUrl() + path), token,
                     [callback = results.callback(), i](Result<Response> result) { callback({i, std::move(result)}); });
    };
    for (int i = 0; i < 3; ++i)
        send(i, "/held");
    CancelToken waitingToken;
    send(3, "/busy", waitingToken);
    QVERIFY(held.waitFor(3));
    QVERIFY(throttled.waitFor(1));
    std::this_thread::sleep_for(200ms); // the 503 reaches the client, which waits to retry
    send(4, "/held");                   // queued just before the end
    QCOMPARE(results.count(), std::size_t(0));

    client.reset();
    QCOMPARE(results.count(), std::size_t(5));
    std::vector<int> calls(5, 0);
    for (const auto &[i, result] : results.values()) {
        ++calls[i];
        QVERIFY(!result.ok());
        QCOMPARE(result.error().kind, ErrorKind::Cancelled);
    }
    for (int count : calls)
        QCOMPARE(count, 1);
    waitingToken.cancel(); // the token outlives the client: nothing happens
    QCOMPARE(results.count(), std::size_t(5));
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
#include "tst_httpclient.moc"
