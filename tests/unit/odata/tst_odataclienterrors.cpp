// odata::Client failures: malformed, oddly shaped and huge replies, entity and service-document errors,
// HTTP statuses mapped to error kinds, timeouts, the auth modes against the demo, OAuth2 renewal on 401
// and a caller cancelled during a shared token fetch. Part of tst_odataclient (see odataclientfixture.h).
#include "odataclientfixture.h"

#include <atomic>
#include <QScopeGuard>
#include <QTest>
#include <string>
#include <tuple>
#include <utility>

using namespace lakeshore;
using namespace lakeshore::odata;
using namespace asynctest;
using namespace odataclienttest;
using demo::DemoService;
using demo::DemoTenant;
using nlohmann::json;

void TestODataClient::malformedJsonFromDemo()
{
    m_paged->setFaults(DemoService::Crm, {fault("accounts:body=malformed")});
    http::HttpClient transport;
    Client client(transport, configFor(m_paged->crmServiceRoot()));
    auto page = await<Page>([&](auto done) { client.page(accountsById(), {}, done); });
    QVERIFY(!page.ok());
    QCOMPARE(page.error().kind, ErrorKind::Malformed);
    QVERIFY2(page.error().message.find("byte") != std::string::npos, page.error().message.c_str());
}

void TestODataClient::replyShapes_data()
{
    QTest::addColumn<QString>("body");
    QTest::addColumn<int>("kind"); // -1: ok
    QTest::addColumn<QString>("mentions");
    QTest::newRow("cut JSON") << R"({"value":[{"a":1},)" << int(ErrorKind::Malformed) << "byte";
    QTest::newRow("bad byte mid-body")
        << R"({"value":[{"a":1}x]})" << int(ErrorKind::Malformed) << "byte 18 of 20";
    QTest::newRow("empty body") << "" << int(ErrorKind::Malformed) << "byte";
    QTest::newRow("html") << "<html><body>Sign in</body></html>" << int(ErrorKind::Malformed) << "byte 1";
    QTest::newRow("no value") << R"({"items":[]})" << int(ErrorKind::Malformed) << "value";
    QTest::newRow("value not array") << R"({"value":{"a":1}})" << int(ErrorKind::Malformed) << "value";
    QTest::newRow("value holds a number")
        << R"({"value":[{"a":1},2]})" << int(ErrorKind::Malformed) << "entity";
    QTest::newRow("top-level array") << R"([{"a":1}])" << int(ErrorKind::Malformed) << "value";
    QTest::newRow("nextLink not a string")
        << R"({"value":[],"@odata.nextLink":5})" << int(ErrorKind::Malformed) << "nextLink";
    QTest::newRow("nextLink ftp") << R"({"value":[],"@odata.nextLink":"ftp://127.0.0.1/x"})"
                                  << int(ErrorKind::Malformed) << "ftp";
    QTest::newRow("nextLink garbage")
        << R"({"value":[],"@odata.nextLink":"http://[::1/x"})" << int(ErrorKind::Malformed) << "link";
    QTest::newRow("count as string") << R"({"value":[],"@odata.count":"42"})" << -1 << "42";
    QTest::newRow("count as number") << R"({"value":[{"a":1}],"@odata.count":7})" << -1 << "7";
}

void TestODataClient::replyShapes()
{
    QFETCH(QString, body);
    QFETCH(int, kind);
    QFETCH(QString, mentions);
    Handcrafted server;
    const std::string text = body.toStdString();
    server.set([text](const http::ServerRequest &, http::ServerResponse &out) { out.body = text; });
    QVERIFY(server.start());
    http::HttpClient transport;
    Client client(transport, configFor(server.root()));
    Query query;
    query.entitySet = "items";
    auto page = await<Page>([&](auto done) { client.page(query, {}, done); });
    if (kind < 0) {
        QVERIFY2(page.ok(), qPrintable(describe(page)));
        QCOMPARE(page.value().count.value_or(-1), mentions.toLongLong());
        return;
    }
    QVERIFY(!page.ok());
    QCOMPARE(int(page.error().kind), kind);
    QVERIFY2(qs(page.error().message).contains(mentions), page.error().message.c_str());
}

void TestODataClient::hugePage()
{
    m_paged->setFaults(DemoService::Crm, {fault("accounts:body=huge,bytes=2m")});
    ClientConfig config = configFor(m_paged->crmServiceRoot());
    config.maxPageBytes = 256 * 1024;
    http::HttpClient transport;
    Client client(transport, config);
    auto page = await<Page>([&](auto done) { client.page(accountsById(), {}, done); });
    QVERIFY(!page.ok());
    QCOMPARE(page.error().kind, ErrorKind::TooLarge);

    // The same page without the padding fits.
    m_paged->setFaults(DemoService::Crm, {});
    auto fits = await<Page>([&](auto done) { client.page(accountsById(), {}, done); });
    QVERIFY2(fits.ok(), qPrintable(describe(fits)));
}

void TestODataClient::entityErrors()
{
    Handcrafted server;
    server.set([](const http::ServerRequest &, http::ServerResponse &out) {
        out.body = R"(["not","an","entity"])";
    });
    QVERIFY(server.start());
    http::HttpClient transport;
    Client client(transport, configFor(m_paged->crmServiceRoot()));
    Query missing;
    missing.entitySet = "accounts";
    missing.key = "00000000-0000-4000-8000-0000000000ff";
    auto notFound = await<Entity>([&](auto done) { client.entity(missing, "", {}, done); });
    QVERIFY(!notFound.ok());
    QCOMPARE(notFound.error().kind, ErrorKind::NotFound);
    QCOMPARE(notFound.error().httpStatus, 404);

    Query badKey;
    badKey.entitySet = "accounts";
    badKey.key = "not a key";
    auto rejected = await<Entity>([&](auto done) { client.entity(badKey, "", {}, done); });
    QVERIFY(!rejected.ok());
    QCOMPARE(rejected.error().httpStatus, 400);
    QCOMPARE(rejected.error().kind, ErrorKind::Service);

    Client odd(transport, configFor(server.root()));
    auto shape = await<Entity>([&](auto done) { odd.entity(missing, "", {}, done); });
    QVERIFY(!shape.ok());
    QCOMPARE(shape.error().kind, ErrorKind::Malformed);
    server.set([](const http::ServerRequest &, http::ServerResponse &out) { out.body = R"({"id":1,)"; });
    auto cut = await<Entity>([&](auto done) { odd.entity(missing, "", {}, done); });
    QVERIFY(!cut.ok());
    QCOMPARE(cut.error().kind, ErrorKind::Malformed);
    // Without an ETag header, @odata.etag in the body stands in.
    server.set([](const http::ServerRequest &, http::ServerResponse &out) {
        out.body = R"({"id":1,"@odata.etag":"W/\"9\""})";
    });
    auto annotated = await<Entity>([&](auto done) { odd.entity(missing, "", {}, done); });
    QVERIFY2(annotated.ok(), qPrintable(describe(annotated)));
    QCOMPARE(qs(annotated.value().etag), QStringLiteral("W/\"9\""));
}

void TestODataClient::serviceDocumentNotOData()
{
    Handcrafted server;
    QVERIFY(server.start());
    http::HttpClient transport;
    Client client(transport, configFor(server.root()));
    const std::pair<std::string, ErrorKind> replies[] = {{"<html>Welcome</html>", ErrorKind::Malformed},
                                                         {R"({"status":"ok"})", ErrorKind::Malformed},
                                                         {R"({"value":"x"})", ErrorKind::Malformed}};
    for (const auto &[body, kind] : replies) {
        server.set(
            [body = body](const http::ServerRequest &, http::ServerResponse &out) { out.body = body; });
        auto names = await<std::vector<std::string>>([&](auto done) { client.serviceDocument({}, done); });
        QVERIFY(!names.ok());
        QCOMPARE(names.error().kind, kind);
    }
    // Odd entries are skipped, not fatal.
    server.set([](const http::ServerRequest &, http::ServerResponse &out) {
        out.body = R"({"value":[{"name":"a","url":"a"},{"url":"b"},7,{"name":3}]})";
    });
    auto names = await<std::vector<std::string>>([&](auto done) { client.serviceDocument({}, done); });
    QVERIFY2(names.ok(), qPrintable(describe(names)));
    QCOMPARE(names.value(), std::vector<std::string>{"a"});

    Client down(transport, configFor("http://127.0.0.1:" + std::to_string(closedPort()) + "/svc/"));
    auto refused = await<std::vector<std::string>>([&](auto done) { down.serviceDocument({}, done); });
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().kind, ErrorKind::Network);
}

void TestODataClient::statusErrorsMapped()
{
    http::HttpClient transport;
    Client client(transport, configFor(m_paged->crmServiceRoot()));
    const std::tuple<const char *, ErrorKind, int> cases[] = {
        {"accounts:status=500", ErrorKind::Service, 500},
        {"accounts:status=401", ErrorKind::Auth, 401},
        {"accounts:status=403", ErrorKind::Auth, 403},
        {"accounts:body=odata-error", ErrorKind::Service, 400},
        {"accounts:status=429,retry-after=0", ErrorKind::RateLimited, 429},
    };
    for (const auto &[spec, kind, status] : cases) {
        m_paged->setFaults(DemoService::Crm, {fault(spec)});
        auto page = await<Page>([&](auto done) { client.page(accountsById(), {}, done); });
        QVERIFY2(!page.ok(), spec);
        QVERIFY2(page.error().kind == kind, qPrintable(describe(page)));
        QCOMPARE(page.error().httpStatus, status);
    }
    // The OData error body's details reach the message.
    m_paged->setFaults(DemoService::Crm, {fault("accounts:body=odata-error")});
    auto detailed = await<Page>([&](auto done) { client.page(accountsById(), {}, done); });
    QCOMPARE(qs(detailed.error().code), QStringLiteral("InjectedFault"));
    QVERIFY(detailed.error().message.find("Second detail") != std::string::npos);

    // 429 is retried by the HTTP layer: three requests, then the error.
    m_paged->setFaults(DemoService::Crm, {fault("accounts:status=429,retry-after=0")});
    const int before = m_paged->requestCount(DemoService::Crm);
    auto limited = await<Page>([&](auto done) { client.page(accountsById(), {}, done); });
    QCOMPARE(limited.error().kind, ErrorKind::RateLimited);
    QCOMPARE(m_paged->requestCount(DemoService::Crm) - before, 3);

    // A 503 once, then success: the caller never sees it.
    m_paged->setFaults(DemoService::Crm, {fault("accounts:status=503,retry-after=0,times=1")});
    auto recovered = await<Page>([&](auto done) { client.page(accountsById(), {}, done); });
    QVERIFY2(recovered.ok(), qPrintable(describe(recovered)));
}

void TestODataClient::timeout()
{
    m_paged->setFaults(DemoService::Crm, {fault("accounts:latency=700")});
    ClientConfig config = configFor(m_paged->crmServiceRoot());
    config.timeoutMs = 150;
    http::HttpClient transport;
    Client client(transport, config);
    auto page = await<Page>([&](auto done) { client.page(accountsById(), {}, done); });
    QVERIFY(!page.ok());
    QCOMPARE(page.error().kind, ErrorKind::Timeout);
}

void TestODataClient::authModesAgainstDemo_data()
{
    QTest::addColumn<int>("kind");
    QTest::newRow("bearer") << int(http::AuthKind::Bearer);
    QTest::newRow("basic") << int(http::AuthKind::Basic);
    QTest::newRow("oauth2") << int(http::AuthKind::OAuth2ClientCredentials);
}

void TestODataClient::authModesAgainstDemo()
{
    QFETCH(int, kind);
    auto options = demoOptions(50);
    options.auth = static_cast<http::AuthKind>(kind);
    auto started = DemoTenant::start(options);
    QVERIFY2(started.ok(), qPrintable(describe(started)));
    auto &tenant = *started.value();

    http::HttpClient transport;
    Client good(transport, configFor(tenant.crmServiceRoot(), tenant.clientAuth()));
    auto page = await<Page>([&](auto done) { good.page(accountsById(), {}, done); });
    QVERIFY2(page.ok(), qPrintable(describe(page)));
    QCOMPARE(page.value().rows.size(), std::size_t(50));

    Client anonymous(transport, configFor(tenant.crmServiceRoot()));
    auto refused = await<Page>([&](auto done) { anonymous.page(accountsById(), {}, done); });
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().kind, ErrorKind::Auth);
    QCOMPARE(refused.error().httpStatus, 401);

    http::AuthConfig wrong = tenant.clientAuth();
    wrong.secret += "-wrong";
    Client mistaken(transport, configFor(tenant.crmServiceRoot(), wrong));
    auto denied = await<Page>([&](auto done) { mistaken.page(accountsById(), {}, done); });
    QVERIFY(!denied.ok());
    QCOMPARE(denied.error().kind, ErrorKind::Auth);
}

void TestODataClient::oauth2RenewsOnceOn401()
{
    std::atomic<int> issued{0};
    std::atomic<bool> refuseAll{false};
    Events tokenRequests;
    Handcrafted server;
    server.server.route("/token", [&](const http::ServerRequest &, http::ServerResponse &out) {
        tokenRequests.add();
        out.body = json{{"access_token", "tok-" + std::to_string(++issued)}, {"expires_in", 3600}}.dump();
    });
    server.set([&](const http::ServerRequest &in, http::ServerResponse &out) {
        // Accepts only the newest token: after a rotation the cached one is stale.
        const std::string expected = "Bearer tok-" + std::to_string(issued.load());
        if (refuseAll || in.header("Authorization") != expected) {
            out.status = 401;
            out.body = R"({"error":{"code":"InvalidAuthenticationToken","message":"token expired"}})";
            return;
        }
        out.body = R"({"value":[{"id":1}]})";
    });
    QVERIFY(server.start());
    http::AuthConfig auth;
    auth.kind = http::AuthKind::OAuth2ClientCredentials;
    auth.clientId = "id";
    auth.secret = "secret";
    auth.tokenUrl = server.server.baseUrl() + "/token";
    http::HttpClient transport;
    Client client(transport, configFor(server.root(), auth));
    Query query;
    query.entitySet = "items";

    auto first = await<Page>([&](auto done) { client.page(query, {}, done); });
    QVERIFY2(first.ok(), qPrintable(describe(first)));
    QCOMPARE(tokenRequests.count(), std::size_t(1));
    QCOMPARE(server.requestCount(), std::size_t(1));

    ++issued; // the service moves on to tok-3: tok-1 is now refused
    auto renewed = await<Page>([&](auto done) { client.page(query, {}, done); });
    QVERIFY2(renewed.ok(), qPrintable(describe(renewed)));
    QCOMPARE(tokenRequests.count(), std::size_t(2));
    QCOMPARE(server.requestCount(), std::size_t(3)); // the 401, then the retry
    QCOMPARE(qs(server.request(2).header("Authorization")), QStringLiteral("Bearer tok-3"));

    // Still refused with a fresh token: one renewal only, then the Auth error.
    refuseAll = true;
    auto refused = await<Page>([&](auto done) { client.page(query, {}, done); });
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().kind, ErrorKind::Auth);
    QVERIFY(refused.error().message.find("token expired") != std::string::npos);
    QCOMPARE(tokenRequests.count(), std::size_t(3));
    QCOMPARE(server.requestCount(), std::size_t(5));
}

void TestODataClient::cancelOneCallerDuringTokenFetch()
{
    Gate gate;
    Events tokenRequests;
    Handcrafted server;
    server.server.route("/token", [&](const http::ServerRequest &, http::ServerResponse &out) {
        tokenRequests.add();
        gate.waitOpen(5s);
        out.body = R"({"access_token":"shared","expires_in":3600})";
    });
    server.set([](const http::ServerRequest &in, http::ServerResponse &out) {
        out.status = in.header("Authorization") == "Bearer shared" ? 200 : 401;
        out.body = R"({"value":[{"id":1}]})";
    });
    QVERIFY(server.start());
    auto release = qScopeGuard([&] { gate.open(); });
    http::HttpClient transport;
    http::AuthConfig auth;
    auth.kind = http::AuthKind::OAuth2ClientCredentials;
    auth.clientId = "id";
    auth.secret = "secret";
    auth.tokenUrl = server.server.baseUrl() + "/token";
    Client client(transport, configFor(server.root(), auth));
    Query query;
    query.entitySet = "items";

    // Two callers wait for one token; the first gives up. The fetch they share goes on for the other.
    CancelToken first;
    Capture<Result<Page>> cancelled;
    Capture<Result<Page>> served;
    client.page(query, first, cancelled.callback());
    client.page(query, {}, served.callback());
    QVERIFY(tokenRequests.waitFor(1));
    first.cancel();
    gate.open();
    QVERIFY(cancelled.wait());
    QVERIFY(served.wait());
    QVERIFY(!cancelled.value().ok());
    QCOMPARE(cancelled.value().error().kind, ErrorKind::Cancelled);
    QVERIFY2(served.value().ok(), qPrintable(describe(served.value())));
    QCOMPARE(tokenRequests.count(), std::size_t(1));
    QCOMPARE(server.requestCount(), std::size_t(1)); // the cancelled caller sent nothing
}
