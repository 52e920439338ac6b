// odata::Client's all(): over absolute and relative nextLinks (equal to an unpaged read), $top across
// pages, nextLink loops from the demo and from handcrafted servers, page and row limits, and cancel
// mid-walk. Part of tst_odataclient (see odataclientfixture.h).
#include "odataclientfixture.h"

#include <memory>
#include <QScopeGuard>
#include <QTest>
#include <string>

using namespace lakeshore;
using namespace lakeshore::odata;
using namespace asynctest;
using namespace odataclienttest;
using demo::DemoService;
using demo::DemoTenant;
using nlohmann::json;

void TestODataClient::allWithAbsoluteLinksEqualsUnpagedRead()
{
    http::HttpClient transport;
    Client wide(transport, configFor(m_wide->crmServiceRoot()));
    auto unpaged = await<Collection>([&](auto done) { wide.all(accountsById(), {}, done); });
    QVERIFY2(unpaged.ok(), qPrintable(describe(unpaged)));
    QCOMPARE(unpaged.value().pages, 1);
    QCOMPARE(unpaged.value().rows.size(), m_wide->world().accounts().size());

    Client paged(transport, configFor(m_paged->crmServiceRoot()));
    Query query = accountsById();
    query.maxPageSize = 9; // below the server's 50, so honoured
    auto walked = await<Collection>([&](auto done) { paged.all(query, {}, done); });
    QVERIFY2(walked.ok(), qPrintable(describe(walked)));
    const int expectedPages = static_cast<int>((m_paged->world().accounts().size() + 8) / 9);
    QCOMPARE(walked.value().pages, expectedPages);
    QVERIFY(!walked.value().truncated);
    QCOMPARE(idsOf(walked.value().rows), idsOf(unpaged.value().rows));
    QVERIFY(walked.value().rows == unpaged.value().rows);
}

void TestODataClient::allWithRelativeLinksEqualsUnpagedRead()
{
    auto started = DemoTenant::start(demoOptions(7, true));
    QVERIFY2(started.ok(), qPrintable(describe(started)));
    auto &relative = *started.value();

    // The links really are relative.
    http::HttpClient transport;
    Client client(transport, configFor(relative.crmServiceRoot()));
    http::Request raw;
    raw.url = relative.crmServiceRoot() + "accounts?$select=accountid";
    auto reply = await<http::Response>([&](auto done) { transport.send(raw, {}, done); });
    QVERIFY2(reply.ok(), qPrintable(describe(reply)));
    const std::string link = json::parse(reply.value().body).value("@odata.nextLink", std::string());
    QVERIFY2(!link.empty() && link.rfind("http", 0) != 0, link.c_str());

    auto walked = await<Collection>([&](auto done) { client.all(accountsById(), {}, done); });
    QVERIFY2(walked.ok(), qPrintable(describe(walked)));
    QCOMPARE(walked.value().pages, static_cast<int>((relative.world().accounts().size() + 6) / 7));

    Client wide(transport, configFor(m_wide->crmServiceRoot()));
    auto unpaged = await<Collection>([&](auto done) { wide.all(accountsById(), {}, done); });
    QVERIFY2(unpaged.ok(), qPrintable(describe(unpaged)));
    QVERIFY(walked.value().rows == unpaged.value().rows);

    // The same over the ERP, whose service root has parentheses in it.
    Query lines;
    lines.entitySet = "salesInvoiceLines";
    lines.filter = "customerNumber eq " + stringLiteral(relative.world().accounts().front().accountNumber);
    lines.orderBy = {"id asc"};
    Client erp(transport, configFor(relative.erpServiceRoot()));
    Client erpWide(transport, configFor(m_wide->erpServiceRoot()));
    auto erpWalked = await<Collection>([&](auto done) { erp.all(lines, {}, done); });
    auto erpUnpaged = await<Collection>([&](auto done) { erpWide.all(lines, {}, done); });
    QVERIFY2(erpWalked.ok(), qPrintable(describe(erpWalked)));
    QVERIFY2(erpUnpaged.ok(), qPrintable(describe(erpUnpaged)));
    QVERIFY(erpWalked.value().pages > 1);
    QVERIFY(erpWalked.value().rows == erpUnpaged.value().rows);
}

void TestODataClient::topAcrossPages()
{
    http::HttpClient transport;
    Client client(transport, configFor(m_paged->crmServiceRoot()));
    Query query = accountsById();
    query.top = 20;
    query.maxPageSize = 7;
    auto walked = await<Collection>([&](auto done) { client.all(query, {}, done); });
    QVERIFY2(walked.ok(), qPrintable(describe(walked)));
    QCOMPARE(walked.value().rows.size(), std::size_t(20));
    QCOMPARE(walked.value().pages, 3);
}

void TestODataClient::nextLinkLoopFromDemo()
{
    m_paged->setFaults(DemoService::Crm, {fault("accounts:body=nextlink-loop")});
    http::HttpClient transport;
    Client client(transport, configFor(m_paged->crmServiceRoot()));
    const int before = m_paged->requestCount(DemoService::Crm);
    auto walked = await<Collection>([&](auto done) { client.all(accountsById(), {}, done); });
    QVERIFY(!walked.ok());
    QCOMPARE(walked.error().kind, ErrorKind::Loop);
    QVERIFY(m_paged->requestCount(DemoService::Crm) - before <= 2); // stops at once, never spins
}

void TestODataClient::nextLinkLoopHandcrafted_data()
{
    QTest::addColumn<QString>("mode");
    QTest::newRow("self, relative") << QStringLiteral("self");
    QTest::newRow("back to page 1, absolute") << QStringLiteral("back");
    QTest::newRow("query-only link to page 1") << QStringLiteral("query");
}

void TestODataClient::nextLinkLoopHandcrafted()
{
    QFETCH(QString, mode);
    Handcrafted server;
    QVERIFY(server.start());
    const std::string root = server.root();
    const std::string how = mode.toStdString();
    server.set([how, root](const http::ServerRequest &in, http::ServerResponse &out) {
        const std::string page = in.param("page").empty() ? "1" : in.param("page");
        json body = {{"value", json::array({{{"id", page}}})}};
        if (how == "self")
            body["@odata.nextLink"] = "items?page=" + page;
        else if (page == "1")
            body["@odata.nextLink"] = "items?page=2";
        else if (how == "back")
            body["@odata.nextLink"] = root + "items";
        else
            body["@odata.nextLink"] = "?page=1";
        out.body = body.dump();
    });
    http::HttpClient transport;
    Client client(transport, configFor(root));
    Query query;
    query.entitySet = "items";
    auto walked = await<Collection>([&](auto done) { client.all(query, {}, done); });
    QVERIFY(!walked.ok());
    QCOMPARE(walked.error().kind, ErrorKind::Loop);
    QVERIFY(server.requestCount() <= 4);
}

void TestODataClient::pagingLimits()
{
    http::HttpClient transport;
    Client client(transport, configFor(m_paged->crmServiceRoot()));
    const std::size_t total = m_paged->world().accounts().size();

    auto rows = await<Collection>([&](auto done) { client.all(accountsById(), {}, done, {100, 10}); });
    QVERIFY2(rows.ok(), qPrintable(describe(rows)));
    QVERIFY(rows.value().truncated);
    QCOMPARE(rows.value().rows.size(), std::size_t(10));
    QCOMPARE(rows.value().pages, 1);

    auto pages = await<Collection>([&](auto done) { client.all(accountsById(), {}, done, {2, 50000}); });
    QVERIFY2(pages.ok(), qPrintable(describe(pages)));
    QVERIFY(pages.value().truncated);
    QCOMPARE(pages.value().pages, 2);
    QCOMPARE(pages.value().rows.size(), std::size_t(100));

    auto exact = await<Collection>([&](auto done) { client.all(accountsById(), {}, done, {100, total}); });
    QVERIFY2(exact.ok(), qPrintable(describe(exact)));
    QVERIFY(!exact.value().truncated);
    QCOMPARE(exact.value().rows.size(), total);

    auto across = await<Collection>([&](auto done) { client.all(accountsById(), {}, done, {100, 75}); });
    QVERIFY2(across.ok(), qPrintable(describe(across)));
    QVERIFY(across.value().truncated);
    QCOMPARE(across.value().rows.size(), std::size_t(75));
    QCOMPARE(across.value().pages, 2);
}

void TestODataClient::cancelDuringWalk()
{
    Gate gate;
    Events secondPage;
    Handcrafted server;
    server.set([&](const http::ServerRequest &in, http::ServerResponse &out) {
        if (in.param("page") == "2") {
            secondPage.add();
            gate.waitOpen(5s);
            out.body = R"({"value":[{"id":2}]})";
            return;
        }
        out.body = R"({"value":[{"id":1}],"@odata.nextLink":"items?page=2"})";
    });
    QVERIFY(server.start());
    auto release = qScopeGuard([&] { gate.open(); });
    auto transport = std::make_unique<http::HttpClient>();
    Client client(*transport, configFor(server.root()));
    Query query;
    query.entitySet = "items";
    CancelToken cancel;
    Capture<Result<Collection>> results;
    client.all(query, cancel, results.callback());
    QVERIFY(secondPage.waitFor(1));
    cancel.cancel();
    QVERIFY(results.wait());
    QVERIFY(!results.value().ok());
    QCOMPARE(results.value().error().kind, ErrorKind::Cancelled);
    gate.open();
    transport.reset(); // joins the I/O thread: a late second callback would have come by now
    QCOMPARE(results.count(), std::size_t(1));
}
