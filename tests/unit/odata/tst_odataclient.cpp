// odata::Client against the demo tenant's CRM and against handcrafted servers: a page then nextPage,
// Prefer and OData headers, $count, quoted literals, unknown properties, entities and ETags, and the
// service document. all() over nextLinks, loops and limits: tst_odataclientpaging.cpp; malformed and huge
// replies, errors, timeouts and auth: tst_odataclienterrors.cpp. One executable, one TestODataClient
// (declared in odataclientfixture.h).
#include "odataclientfixture.h"

#include <algorithm>
#include <QTest>
#include <set>
#include <string>

using namespace lakeshore;
using namespace lakeshore::odata;
using namespace asynctest;
using namespace odataclienttest;
using demo::DemoService;
using demo::DemoTenant;
using nlohmann::json;

void TestODataClient::initTestCase()
{
    auto paged = DemoTenant::start(demoOptions(50));
    QVERIFY2(paged.ok(), qPrintable(describe(paged)));
    m_paged = std::move(paged.value());
    auto wide = DemoTenant::start(demoOptions(1000));
    QVERIFY2(wide.ok(), qPrintable(describe(wide)));
    m_wide = std::move(wide.value());
}

void TestODataClient::init()
{
    m_paged->setFaults(DemoService::Crm, {});
    m_paged->setFaults(DemoService::Erp, {});
}

void TestODataClient::pageThenNextPage()
{
    http::HttpClient transport;
    Client client(transport, configFor(m_paged->crmServiceRoot()));
    QCOMPARE(qs(client.config().serviceRoot), qs(m_paged->crmServiceRoot()));
    Query query = accountsById();
    query.count = true;
    std::set<std::string> seen;

    auto first = await<Page>([&](auto done) { client.page(query, {}, done); });
    QVERIFY2(first.ok(), qPrintable(describe(first)));
    QCOMPARE(first.value().rows.size(), std::size_t(50));
    QCOMPARE(first.value().count.value_or(-1), static_cast<long long>(m_paged->world().accounts().size()));
    QVERIFY(first.value().nextLink.rfind(m_paged->crmServiceRoot(), 0) == 0);
    QVERIFY(first.value().url.rfind(m_paged->crmServiceRoot() + "accounts?", 0) == 0);
    for (const auto &id : idsOf(first.value().rows))
        seen.insert(id);

    auto second = await<Page>([&](auto done) { client.nextPage(first.value().nextLink, {}, done); });
    QVERIFY2(second.ok(), qPrintable(describe(second)));
    QCOMPARE(second.value().rows.size(), std::size_t(50));
    QCOMPARE(qs(second.value().url), qs(first.value().nextLink));
    for (const auto &id : idsOf(second.value().rows))
        QVERIFY(seen.insert(id).second);

    auto third = await<Page>([&](auto done) { client.nextPage(second.value().nextLink, {}, done); });
    QVERIFY2(third.ok(), qPrintable(describe(third)));
    QCOMPARE(third.value().rows.size(), m_paged->world().accounts().size() - 100);
    QVERIFY(third.value().nextLink.empty());
    for (const auto &id : idsOf(third.value().rows))
        QVERIFY(seen.insert(id).second);
    QCOMPARE(seen.size(), m_paged->world().accounts().size());
}

void TestODataClient::preferAndODataHeadersSent()
{
    Handcrafted server;
    server.set([](const http::ServerRequest &, http::ServerResponse &out) { out.body = R"({"value":[]})"; });
    QVERIFY(server.start());
    http::HttpClient transport;
    Client client(transport, configFor(server.root()));
    Query query;
    query.entitySet = "things";
    query.maxPageSize = 25;
    auto page = await<Page>([&](auto done) { client.page(query, {}, done); });
    QVERIFY2(page.ok(), qPrintable(describe(page)));
    QVERIFY(page.value().rows.empty());
    QVERIFY(page.value().nextLink.empty());
    QVERIFY(!page.value().count);

    const auto request = server.request(0);
    QCOMPARE(qs(request.path), QStringLiteral("/svc/things"));
    QCOMPARE(qs(request.header("Prefer")), QStringLiteral("odata.maxpagesize=25"));
    QCOMPARE(qs(request.header("OData-Version")), QStringLiteral("4.0"));
    QCOMPARE(qs(request.header("OData-MaxVersion")), QStringLiteral("4.0"));
    QVERIFY(request.header("Accept").find("application/json") != std::string::npos);
    QVERIFY(request.header("Authorization").empty());

    // Without maxPageSize no Prefer is sent.
    Query plain;
    plain.entitySet = "things";
    QVERIFY(await<Page>([&](auto done) { client.page(plain, {}, done); }).ok());
    QVERIFY(server.request(1).header("Prefer").empty());

    // nextPage repeats it when asked to, since a nextLink does not carry it.
    const std::string link = server.root() + "things?$skiptoken=2";
    QVERIFY(await<Page>([&](auto done) { client.nextPage(link, {}, done, 25); }).ok());
    QCOMPARE(qs(server.request(2).header("Prefer")), QStringLiteral("odata.maxpagesize=25"));
    QCOMPARE(qs(server.request(2).rawQuery), QStringLiteral("$skiptoken=2"));
    QVERIFY(await<Page>([&](auto done) { client.nextPage(link, {}, done); }).ok());
    QVERIFY(server.request(3).header("Prefer").empty());
}

void TestODataClient::countRead()
{
    const auto &world = m_paged->world();
    const std::string territory = world.accounts().front().territoryId;
    const auto expected = std::count_if(world.accounts().begin(), world.accounts().end(),
                                        [&](const auto &a) { return a.territoryId == territory; });
    http::HttpClient transport;
    Client client(transport, configFor(m_paged->crmServiceRoot()));
    Query query = accountsById();
    query.filter = "_territoryid_value eq " + territory;
    query.count = true;
    query.top = 1;
    auto page = await<Page>([&](auto done) { client.page(query, {}, done); });
    QVERIFY2(page.ok(), qPrintable(describe(page)));
    QCOMPARE(page.value().count.value_or(-1), static_cast<long long>(expected));
    QCOMPARE(page.value().rows.size(), std::size_t(1));

    auto all = await<Collection>([&](auto done) { client.all(query, {}, done); });
    QVERIFY2(all.ok(), qPrintable(describe(all)));
    QCOMPARE(all.value().count.value_or(-1), static_cast<long long>(expected));
}

void TestODataClient::quotedLiteralRoundTrip()
{
    const auto &accounts = m_paged->world().accounts();
    auto quoted = std::find_if(accounts.begin(), accounts.end(),
                               [](const auto &a) { return a.name.find('\'') != std::string::npos; });
    const domain::Account &target = quoted != accounts.end() ? *quoted : accounts.front();
    http::HttpClient transport;
    Client client(transport, configFor(m_paged->crmServiceRoot()));
    Query query = accountsById();
    query.filter = "name eq " + stringLiteral(target.name);
    auto page = await<Page>([&](auto done) { client.page(query, {}, done); });
    QVERIFY2(page.ok(), qPrintable(describe(page)));
    QVERIFY(!page.value().rows.empty());
    for (const auto &row : page.value().rows)
        QCOMPARE(qs(row["name"].get<std::string>()), qs(target.name));

    // An injection attempt stays a literal: it matches nothing instead of everything.
    query.filter = "name eq " + stringLiteral("x' or name ne 'x");
    auto none = await<Page>([&](auto done) { client.page(query, {}, done); });
    QVERIFY2(none.ok(), qPrintable(describe(none)));
    QVERIFY(none.value().rows.empty());
}

void TestODataClient::unknownPropertiesKept()
{
    Handcrafted server;
    server.set([](const http::ServerRequest &, http::ServerResponse &out) {
        out.body =
            R"({"@odata.context":"x","@vendor.extra":{"a":[1,2]},"value":[)"
            R"({"id":"1","name":"A","new_column":42,"nested":{"deep":[true,null]},"@odata.etag":"W/\"5\""},)"
            R"({"id":"2","name":null,"x_custom@OData.Community.Display.V1.FormattedValue":"Two"}]})";
    });
    QVERIFY(server.start());
    http::HttpClient transport;
    Client client(transport, configFor(server.root()));
    Query query;
    query.entitySet = "items";
    auto page = await<Page>([&](auto done) { client.page(query, {}, done); });
    QVERIFY2(page.ok(), qPrintable(describe(page)));
    const auto &rows = page.value().rows;
    QCOMPARE(rows.size(), std::size_t(2));
    QCOMPARE(rows[0]["new_column"].get<int>(), 42);
    QCOMPARE(rows[0]["nested"]["deep"][0].get<bool>(), true);
    QCOMPARE(qs(rows[0]["@odata.etag"].get<std::string>()), QStringLiteral("W/\"5\""));
    QVERIFY(rows[1]["name"].is_null());
    QCOMPARE(qs(rows[1]["x_custom@OData.Community.Display.V1.FormattedValue"].get<std::string>()),
             QStringLiteral("Two"));
}

void TestODataClient::entityWithETag()
{
    const domain::Account &account = m_paged->world().accounts().at(3);
    http::HttpClient transport;
    Client client(transport, configFor(m_paged->crmServiceRoot()));
    Query query;
    query.entitySet = "accounts";
    query.key = account.id;
    auto first = await<Entity>([&](auto done) { client.entity(query, "", {}, done); });
    QVERIFY2(first.ok(), qPrintable(describe(first)));
    QVERIFY(!first.value().notModified);
    QVERIFY(!first.value().etag.empty());
    QCOMPARE(qs(first.value().row["accountid"].get<std::string>()), qs(account.id));
    QCOMPARE(qs(first.value().row["name"].get<std::string>()), qs(account.name));

    auto again = await<Entity>([&](auto done) { client.entity(query, first.value().etag, {}, done); });
    QVERIFY2(again.ok(), qPrintable(describe(again)));
    QVERIFY(again.value().notModified);
    QVERIFY(again.value().row.is_null() || again.value().row.empty());
    QCOMPARE(qs(again.value().etag), qs(first.value().etag));

    auto stale = await<Entity>([&](auto done) { client.entity(query, "W/\"stale\"", {}, done); });
    QVERIFY2(stale.ok(), qPrintable(describe(stale)));
    QVERIFY(!stale.value().notModified);
    QCOMPARE(qs(stale.value().row["accountid"].get<std::string>()), qs(account.id));
}

void TestODataClient::serviceDocument()
{
    http::HttpClient transport;
    for (const std::string &root :
         {m_paged->crmServiceRoot(),
          m_paged->crmServiceRoot().substr(0, m_paged->crmServiceRoot().size() - 1)}) {
        Client client(transport, configFor(root));
        auto names = await<std::vector<std::string>>([&](auto done) { client.serviceDocument({}, done); });
        QVERIFY2(names.ok(), qPrintable(describe(names)));
        const std::set<std::string> sets(names.value().begin(), names.value().end());
        for (const char *name : {"accounts", "contacts", "opportunities", "activitypointers", "conversations",
                                 "incidents", "territories", "systemusers"})
            QVERIFY2(sets.count(name), name);
    }
    Client erp(transport, configFor(m_paged->erpServiceRoot()));
    auto names = await<std::vector<std::string>>([&](auto done) { erp.serviceDocument({}, done); });
    QVERIFY2(names.ok(), qPrintable(describe(names)));
    QVERIFY(std::find(names.value().begin(), names.value().end(), "salesInvoices") != names.value().end());
}

QTEST_APPLESS_MAIN(TestODataClient)
