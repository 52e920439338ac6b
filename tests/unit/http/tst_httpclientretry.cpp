// HttpClient cancellation at every stage (before start, mid-transfer, during a retry wait, by destroying
// the client), many concurrent requests each called back once, and retries on 429/503 with Retry-After
// and exponential back-off (only on 429 for a request that is not idempotent). Part of tst_httpclient (see
// httpclientfixture.h).
#include "httpclientfixture.h"

#include <atomic>
#include <memory>
#include <QScopeGuard>
#include <QTest>
#include <string>
#include <thread>
#include <vector>

using namespace lakeshore;
using namespace lakeshore::http;
using namespace asynctest;
using namespace httpclienttest;

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
    server.route(
        "/", [](const ServerRequest &in, ServerResponse &out) { plainBody(out, "id=" + in.param("id")); });
    QVERIFY(server.start().ok());
    auto client = std::make_unique<HttpClient>();

    Capture<std::pair<int, Result<Response>>> results;
    for (int i = 0; i < kRequests; ++i)
        client->send(get(server.baseUrl() + "/item?id=" + std::to_string(i), 8000), CancelToken(),
                     [callback = results.callback(), i](Result<Response> result) {
                         callback({i, std::move(result)});
                     });
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

void TestHttpClient::notIdempotentRetriedOnlyAfter429()
{
    Events arrived;
    std::atomic<int> status{503};
    HttpServer server;
    server.route("/", [&](const ServerRequest &, ServerResponse &out) {
        arrived.add();
        out.status = status.load();
        out.setHeader("Retry-After", "0");
        plainBody(out, "busy");
    });
    QVERIFY(server.start().ok());
    HttpClient client;

    Request create = get(server.baseUrl() + "/tasks");
    create.method = "POST";
    create.body = "task";
    create.idempotent = false;
    // A 503 may come from a gateway after the service acted: returned, not sent again.
    const auto unavailable = roundTrip(client, create);
    QVERIFY2(unavailable.ok(), qPrintable(describe(unavailable)));
    QCOMPARE(unavailable.value().status, 503);
    QCOMPARE(unavailable.value().attempts, 1);
    QCOMPARE(arrived.count(), std::size_t(1));
    // A 429 says the request was refused unprocessed: retried as for any request.
    status = 429;
    const auto throttled = roundTrip(client, create);
    QVERIFY2(throttled.ok(), qPrintable(describe(throttled)));
    QCOMPARE(throttled.value().status, 429);
    QCOMPARE(throttled.value().attempts, 3);
    QCOMPARE(arrived.count(), std::size_t(4));
    // The same 503 to an idempotent POST is retried.
    status = 503;
    create.idempotent = true;
    const auto retried = roundTrip(client, create);
    QVERIFY2(retried.ok(), qPrintable(describe(retried)));
    QCOMPARE(retried.value().attempts, 3);
    QCOMPARE(arrived.count(), std::size_t(7));
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
                     [callback = results.callback(), i](Result<Response> result) {
                         callback({i, std::move(result)});
                     });
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
