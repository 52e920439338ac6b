// HttpClient reply bodies: gzip decoding, the response size cap (with and without Content-Length, against
// a gzip bomb) and chunked replies. Part of tst_httpclient (see httpclientfixture.h).
#include "httpclientfixture.h"

#include <mutex>
#include <QTest>
#include <string>
#include <zlib.h>

using namespace lakeshore;
using namespace lakeshore::http;
using namespace asynctest;
using namespace httpclienttest;

namespace {

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

} // namespace

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
    server.route(
        "/", [](const ServerRequest &, ServerResponse &out) { plainBody(out, std::string(100000, 'x')); });
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
            RawServer::writeAll(
                fd, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n");
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
        RawServer::writeAll(
            fd, "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n"
                "5\r\nhello\r\n1\r\n \r\n5\r\nworld\r\n0\r\n\r\n");
    });
    QVERIFY(server.port() > 0);
    HttpClient client;
    const auto result = roundTrip(client, get(server.url("/small")));
    QVERIFY2(result.ok(), qPrintable(describe(result)));
    QCOMPARE(qs(result.value().body), QStringLiteral("hello world"));
}
