// odata::Client::create: against the demo CRM's tasks set (201 with the entity, the request it sends,
// validation errors and injected faults, never retried but after a 429) and against handcrafted servers
// for the answers a service may give instead (204 with OData-EntityId, Location, @odata.id, string keys,
// replies that leave the new id unknown). Part of tst_odataclient (see odataclientfixture.h).
#include "jsoncompare.h"
#include "odataclientfixture.h"

#include <QTest>
#include <string>

using namespace lakeshore;
using namespace lakeshore::odata;
using namespace asynctest;
using namespace odataclienttest;
using demo::DemoService;
using nlohmann::json;

namespace {

json taskFor(const demo::World &world, const std::string &subject)
{
    return {{"subject", subject},
            {"regardingobjectid_account@odata.bind", "/accounts(" + world.accounts().front().id + ")"},
            {"ownerid@odata.bind", "/systemusers(" + world.owners().front().id + ")"}};
}

} // namespace

void TestODataClient::createAgainstDemo()
{
    http::HttpClient transport;
    Client client(transport, configFor(m_paged->crmServiceRoot()));
    auto created = await<Created>([&](auto done) {
        client.create("tasks", taskFor(m_paged->world(), "Ask about the rebate"), {}, done);
    });
    QVERIFY2(created.ok(), qPrintable(describe(created)));
    const Created &c = created.value();
    QCOMPARE_JSON(c.row["subject"], "Ask about the rebate");
    QCOMPARE(qs(c.key), qs(c.row.value("activityid", std::string())));
    QCOMPARE(qs(c.entityId), qs(m_paged->crmServiceRoot() + "tasks(" + c.key + ")"));

    // The service's own validation: a Service error with its message, and nothing retried.
    json bad = taskFor(m_paged->world(), "x");
    bad["prioritycode"] = 1;
    const int before = m_paged->requestCount(DemoService::Crm);
    auto refused = await<Created>([&](auto done) { client.create("tasks", bad, {}, done); });
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().kind, ErrorKind::Service);
    QCOMPARE(refused.error().httpStatus, 400);
    QVERIFY2(refused.error().message.find("'prioritycode'") != std::string::npos,
             refused.error().message.c_str());
    QCOMPARE(m_paged->requestCount(DemoService::Crm) - before, 1);

    // A read-only set: 405.
    auto readOnly = await<Created>([&](auto done) { client.create("accounts", json::object(), {}, done); });
    QVERIFY(!readOnly.ok());
    QCOMPARE(readOnly.error().httpStatus, 405);
}

void TestODataClient::createNeverRetriedButAfter429()
{
    http::HttpClient transport;
    Client client(transport, configFor(m_paged->crmServiceRoot()));
    const json body = taskFor(m_paged->world(), "Retry check");
    const std::tuple<const char *, ErrorKind, int> cases[] = {
        {"tasks:status=500", ErrorKind::Service, 500},
        {"tasks:status=503,retry-after=0", ErrorKind::RateLimited, 503},
        {"tasks:status=502", ErrorKind::Service, 502},
    };
    for (const auto &[spec, kind, status] : cases) {
        m_paged->setFaults(DemoService::Crm, {fault(spec)});
        const int before = m_paged->requestCount(DemoService::Crm);
        auto failed = await<Created>([&](auto done) { client.create("tasks", body, {}, done); });
        QVERIFY2(!failed.ok(), spec);
        QVERIFY2(failed.error().kind == kind, qPrintable(describe(failed)));
        QCOMPARE(failed.error().httpStatus, status);
        QVERIFY2(m_paged->requestCount(DemoService::Crm) - before == 1, spec);
    }
    // A 429 was refused unprocessed: sent again, and made once.
    m_paged->setFaults(DemoService::Crm, {fault("tasks:status=429,retry-after=0,times=1")});
    const int before = m_paged->requestCount(DemoService::Crm);
    auto created = await<Created>([&](auto done) { client.create("tasks", body, {}, done); });
    QVERIFY2(created.ok(), qPrintable(describe(created)));
    QCOMPARE(m_paged->requestCount(DemoService::Crm) - before, 2);
    // A timeout is not retried either: the task may exist.
    m_paged->setFaults(DemoService::Crm, {fault("tasks:latency=600")});
    ClientConfig impatient = configFor(m_paged->crmServiceRoot());
    impatient.timeoutMs = 200;
    Client hurried(transport, impatient);
    const int beforeTimeout = m_paged->requestCount(DemoService::Crm);
    auto late = await<Created>([&](auto done) { hurried.create("tasks", body, {}, done); });
    QVERIFY(!late.ok());
    QCOMPARE(late.error().kind, ErrorKind::Timeout);
    QCOMPARE(m_paged->requestCount(DemoService::Crm) - beforeTimeout, 1);
}

void TestODataClient::createSendsPost()
{
    Handcrafted server;
    server.set([](const http::ServerRequest &, http::ServerResponse &out) {
        out.status = 204;
        out.setHeader("OData-EntityId",
                      "http://example.invalid/svc/notes(00000000-0000-4000-8000-000000000042)");
    });
    QVERIFY(server.start());
    http::HttpClient transport;
    http::AuthConfig bearer;
    bearer.kind = http::AuthKind::Bearer;
    bearer.secret = "t0ken";
    Client client(transport, configFor(server.root(), bearer));
    const json body = {{"subject", "O'Brien \u00e9"}, {"n", 1}};
    auto created = await<Created>([&](auto done) { client.create("notes", body, {}, done); });
    QVERIFY2(created.ok(), qPrintable(describe(created)));
    QCOMPARE(server.requestCount(), std::size_t(1));
    const http::ServerRequest sent = server.request(0);
    QCOMPARE(qs(sent.method), QStringLiteral("POST"));
    QCOMPARE(qs(sent.path), QStringLiteral("/svc/notes"));
    QCOMPARE(qs(sent.header("Content-Type")), QStringLiteral("application/json"));
    QCOMPARE(qs(sent.header("Prefer")), QStringLiteral("return=representation"));
    QCOMPARE(qs(sent.header("OData-Version")), QStringLiteral("4.0"));
    QCOMPARE(qs(sent.header("Authorization")), QStringLiteral("Bearer t0ken"));
    QCOMPARE_JSON(json::parse(sent.body), body);
    QVERIFY(created.value().row.is_null());
    QCOMPARE(qs(created.value().key), QStringLiteral("00000000-0000-4000-8000-000000000042"));
}

void TestODataClient::createAnswers_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("headerName");
    QTest::addColumn<QString>("headerValue");
    QTest::addColumn<QString>("body");
    QTest::addColumn<int>("kind"); // -1: ok
    QTest::addColumn<QString>("key");
    const QString guid = QStringLiteral("00000000-0000-4000-8000-000000000007");
    const QString entity = QStringLiteral("{\"id\":1}");
    QTest::newRow("204 with OData-EntityId") << 204 << "OData-EntityId"
                                             << "http://h/svc/notes(" + guid + ")" << QString() << -1 << guid;
    QTest::newRow("204 with a relative id") << 204 << "OData-EntityId"
                                            << "notes(" + guid + ")" << QString() << -1 << guid;
    QTest::newRow("201 with Location only") << 201 << "Location"
                                            << "http://h/svc/notes(" + guid + ")" << entity << -1 << guid;
    QTest::newRow("201 with @odata.id only")
        << 201 << QString() << QString() << "{\"@odata.id\":\"http://h/svc/notes(" + guid + ")\"}" << -1
        << guid;
    QTest::newRow("201 with a string key") << 201 << "OData-EntityId"
                                           << "http://h/svc/notes('O''Brien')" << entity << -1 << "O'Brien";
    QTest::newRow("201 with a named key") << 201 << "OData-EntityId"
                                          << "http://h/svc/notes(id=" + guid + ")" << entity << -1 << guid;
    QTest::newRow("201 with the entity only") << 201 << QString() << QString() << entity << -1 << QString();
    QTest::newRow("200 with the entity") << 200 << QString() << QString() << entity << -1 << QString();
    QTest::newRow("204 with nothing")
        << 204 << QString() << QString() << QString() << int(ErrorKind::Malformed) << QString();
    QTest::newRow("201 not JSON") << 201 << QString() << QString() << "created!" << int(ErrorKind::Malformed)
                                  << QString();
    QTest::newRow("201 an array") << 201 << QString() << QString() << "[1]" << int(ErrorKind::Malformed)
                                  << QString();
    QTest::newRow("400 OData error") << 400 << QString() << QString()
                                     << "{\"error\":{\"code\":\"0x1\",\"message\":\"subject is required\"}}"
                                     << int(ErrorKind::Service) << QString();
    QTest::newRow("403") << 403 << QString() << QString() << QString() << int(ErrorKind::Auth) << QString();
}

void TestODataClient::createAnswers()
{
    QFETCH(int, status);
    QFETCH(QString, headerName);
    QFETCH(QString, headerValue);
    QFETCH(QString, body);
    QFETCH(int, kind);
    QFETCH(QString, key);
    Handcrafted server;
    server.set([&](const http::ServerRequest &, http::ServerResponse &out) {
        out.status = status;
        if (!headerName.isEmpty())
            out.setHeader(headerName.toStdString(), headerValue.toStdString());
        out.body = body.toStdString();
    });
    QVERIFY(server.start());
    http::HttpClient transport;
    Client client(transport, configFor(server.root()));
    auto created = await<Created>([&](auto done) { client.create("notes", json::object(), {}, done); });
    if (kind >= 0) {
        QVERIFY(!created.ok());
        QCOMPARE(int(created.error().kind), kind);
        QCOMPARE(created.error().httpStatus, kind == int(ErrorKind::Malformed) ? 0 : status);
        return;
    }
    QVERIFY2(created.ok(), qPrintable(describe(created)));
    QCOMPARE(qs(created.value().key), key);
    if (!key.isEmpty())
        QVERIFY2(created.value().entityId.rfind(server.root(), 0) == 0 ||
                     created.value().entityId.rfind("http://h/svc/", 0) == 0,
                 created.value().entityId.c_str());
}
