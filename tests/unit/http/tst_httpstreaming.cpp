// Streamed bodies, both ends, over real loopback HTTP: HttpServer's chunked stream (written while the
// handler runs, or cut off) and HttpClient's onBodyChunk (pieces as they arrive, a receiver that stops,
// error bodies still kept, no size cap on a stream), and an HttpClient destroyed from its own callback.
#include "asynctest.h"
#include "http/httpclient.h"
#include "http/httpserver.h"

#include <atomic>
#include <QTest>

using namespace lakeshore;
using namespace lakeshore::http;
using namespace asynctest;

namespace {

struct Streamed
{
    Capture<std::string> chunks;
    Capture<int> heads; // the status handed over with each chunk
    Capture<Result<Response>> done;
};

Request streaming(const std::string &url, Streamed &into, bool keepGoing = true)
{
    Request request;
    request.url = url;
    request.timeoutMs = 20000;
    request.onBodyChunk = [chunk = into.chunks.callback(), head = into.heads.callback(),
                           keepGoing](const Response &response, std::string_view data) {
        head(response.status);
        chunk(std::string(data));
        return keepGoing;
    };
    return request;
}

std::string joined(const Streamed &streamed)
{
    std::string text;
    for (const auto &chunk : streamed.chunks.values())
        text += chunk;
    return text;
}

} // namespace

class TestHttpStreaming : public QObject
{
    Q_OBJECT

private slots:
    // The first piece reaches the client while the server still holds the rest back.
    void piecesArriveAsWritten()
    {
        Gate rest;
        HttpServer server;
        server.route("/events", [&rest](const ServerRequest &, ServerResponse &out) {
            out.contentType = "text/event-stream";
            out.setHeader("X-Stream", "yes");
            out.stream = [&rest](const std::function<bool(std::string_view)> &write) {
                if (!write("data: first\n\n"))
                    return false;
                rest.waitOpen(std::chrono::seconds(30));
                return write("data: second\n\n");
            };
        });
        QVERIFY(server.start().ok());
        HttpClient client;
        Streamed streamed;
        client.send(streaming(server.baseUrl() + "/events", streamed), {}, streamed.done.callback());
        QVERIFY(streamed.chunks.wait());
        QCOMPARE(streamed.chunks.value(), std::string("data: first\n\n"));
        QCOMPARE(streamed.done.count(), std::size_t(0));
        rest.open();
        QVERIFY(streamed.done.wait());
        QVERIFY(streamed.done.value().ok());
        const Response response = streamed.done.value().value();
        QCOMPARE(response.status, 200);
        QCOMPARE(response.header("X-Stream"), std::string("yes"));
        QCOMPARE(response.header("Content-Type"), std::string("text/event-stream"));
        QVERIFY(response.body.empty()); // handed over, not kept
        QCOMPARE(joined(streamed), std::string("data: first\n\ndata: second\n\n"));
        QCOMPARE(streamed.heads.value(), 200);
    }

    // Only 2xx bodies are streamed: an error body is kept whole for the caller to read.
    void errorBodyKept()
    {
        HttpServer server;
        server.route("/", [](const ServerRequest &, ServerResponse &out) {
            out.status = 404;
            out.contentType = "text/plain";
            out.body = "no such stream";
        });
        QVERIFY(server.start().ok());
        HttpClient client;
        Streamed streamed;
        client.send(streaming(server.baseUrl() + "/x", streamed), {}, streamed.done.callback());
        QVERIFY(streamed.done.wait());
        QVERIFY(streamed.done.value().ok());
        QCOMPARE(streamed.done.value().value().status, 404);
        QCOMPARE(streamed.done.value().value().body, std::string("no such stream"));
        QCOMPARE(streamed.chunks.count(), std::size_t(0));
    }

    // A stream is not held to maxResponseBytes (its receiver decides), with or without a length.
    void streamNotCappedByMaxResponseBytes_data()
    {
        QTest::addColumn<bool>("chunked");
        QTest::newRow("chunked") << true;
        QTest::newRow("with a length") << false;
    }

    void streamNotCappedByMaxResponseBytes()
    {
        QFETCH(bool, chunked);
        const std::string body(100000, 'e');
        HttpServer server;
        server.route("/", [&](const ServerRequest &, ServerResponse &out) {
            out.contentType = "application/octet-stream";
            if (!chunked) {
                out.body = body;
                return;
            }
            out.stream = [&body](const std::function<bool(std::string_view)> &write) {
                for (std::size_t at = 0; at < body.size(); at += 4096)
                    if (!write(std::string_view(body).substr(at, 4096)))
                        return false;
                return true;
            };
        });
        QVERIFY(server.start().ok());
        HttpClient client;
        Streamed streamed;
        Request request = streaming(server.baseUrl() + "/big", streamed);
        request.maxResponseBytes = 1000;
        client.send(std::move(request), {}, streamed.done.callback());
        QVERIFY(streamed.done.wait());
        QVERIFY2(streamed.done.value().ok(), qPrintable(describe(streamed.done.value())));
        QCOMPARE(joined(streamed).size(), body.size());
    }

    // The receiver stops: the transfer ends as Cancelled and the server sees its client go.
    void receiverStops()
    {
        std::atomic<bool> clientGone{false};
        HttpServer server;
        server.route("/", [&](const ServerRequest &, ServerResponse &out) {
            out.contentType = "text/event-stream";
            out.stream = [&](const std::function<bool(std::string_view)> &write) {
                for (int i = 0; i < 1000; ++i) {
                    if (!write(": tick\n\n")) {
                        clientGone = true;
                        return false;
                    }
                    std::this_thread::sleep_for(std::chrono::milliseconds(10));
                }
                return true;
            };
        });
        QVERIFY(server.start().ok());
        HttpClient client;
        Streamed streamed;
        client.send(streaming(server.baseUrl() + "/", streamed, false), {}, streamed.done.callback());
        QVERIFY(streamed.done.wait());
        QVERIFY(!streamed.done.value().ok());
        QCOMPARE(streamed.done.value().error().kind, ErrorKind::Cancelled);
        QCOMPARE(streamed.chunks.count(), std::size_t(1));
        QTRY_VERIFY_WITH_TIMEOUT(clientGone.load(), 15000);
    }

    // A stream the server cuts off mid-body is a network error, after the pieces that did arrive.
    void serverCutsOff()
    {
        HttpServer server;
        server.route("/", [](const ServerRequest &, ServerResponse &out) {
            out.contentType = "text/event-stream";
            out.stream = [](const std::function<bool(std::string_view)> &write) {
                write("data: partial\n\n");
                return false;
            };
        });
        QVERIFY(server.start().ok());
        HttpClient client;
        Streamed streamed;
        client.send(streaming(server.baseUrl() + "/", streamed), {}, streamed.done.callback());
        QVERIFY(streamed.done.wait());
        QVERIFY(!streamed.done.value().ok());
        QCOMPARE(streamed.done.value().error().kind, ErrorKind::Network);
        QCOMPARE(joined(streamed), std::string("data: partial\n\n"));
    }

    // Destroying the client from inside its own callback neither deadlocks nor crashes; other requests
    // still in flight get their callback (Cancelled) once.
    void destroyedFromItsOwnCallback()
    {
        Gate never;
        HttpServer server;
        server.route("/quick", [](const ServerRequest &, ServerResponse &out) { out.body = "{}"; });
        server.route("/held", [&never](const ServerRequest &, ServerResponse &out) {
            never.waitOpen(std::chrono::seconds(2));
            out.body = "{}";
        });
        QVERIFY(server.start().ok());
        auto client = std::make_shared<std::unique_ptr<HttpClient>>(std::make_unique<HttpClient>());
        QVERIFY(!(*client)->isIoThread());
        Capture<Result<Response>> held;
        Request slow;
        slow.url = server.baseUrl() + "/held";
        (*client)->send(slow, {}, held.callback());
        Capture<bool> onIoThread;
        Request quick;
        quick.url = server.baseUrl() + "/quick";
        (*client)->send(quick, {}, [client, report = onIoThread.callback()](Result<Response>) {
            const bool inside = (*client)->isIoThread();
            client->reset();
            report(inside);
        });
        QVERIFY(onIoThread.wait());
        QVERIFY(onIoThread.value());
        QVERIFY(held.wait());
        QCOMPARE(held.value().error().kind, ErrorKind::Cancelled);
        never.open();
        QCOMPARE(held.count(), std::size_t(1));
    }
};

QTEST_GUILESS_MAIN(TestHttpStreaming)
#include "tst_httpstreaming.moc"
