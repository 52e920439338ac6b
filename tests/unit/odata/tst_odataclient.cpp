// odata::Client against the demo tenant's CRM and against handcrafted servers: pages and nextPage,
// all() over absolute and relative nextLinks, Prefer, $count, loops, limits, malformed and huge replies,
// unknown properties, ETags, the service document, errors, timeouts, cancel, and OAuth2 renewal.
#include "asynctest.h"

#include "demo/demotenant.h"
#include "http/httpclient.h"
#include "http/httpserver.h"
#include "odata/odataclient.h"

#include <QScopeGuard>
#include <QTest>

#include <algorithm>
#include <atomic>
#include <set>

using namespace lakeshore;
using namespace lakeshore::odata;
using namespace asynctest;
using demo::DemoService;
using demo::DemoTenant;
using nlohmann::json;

namespace {

demo::DemoOptions demoOptions(int maxPageSize, bool relativeLinks = false)
{
    demo::DemoOptions options;
    options.world = demo::WorldOptions{1847, demo::WorldSize::Small, domain::Date(2025, 6, 30)};
    options.maxPageSize = maxPageSize;
    options.relativeNextLinks = relativeLinks;
    return options;
}

demo::Fault fault(const char *spec)
{
    auto parsed = demo::parseFault(spec);
    if (!parsed)
        qFatal("bad fault spec %s: %s", spec, parsed.error().message.c_str());
    return parsed.value();
}

std::vector<std::string> idsOf(const std::vector<json> &rows, const char *key = "accountid")
{
    std::vector<std::string> ids;
    for (const auto &row : rows)
        ids.push_back(row.value(key, std::string()));
    return ids;
}

ClientConfig configFor(std::string root, http::AuthConfig auth = {})
{
    ClientConfig config;
    config.serviceRoot = std::move(root);
    config.auth = std::move(auth);
    return config;
}

Query accountsById()
{
    Query query;
    query.entitySet = "accounts";
    query.select = {"accountid", "name"};
    query.orderBy = {"accountid asc"};
    return query;
}

// A service root whose every request goes to one handler the test sets.
struct Handcrafted
{
    http::HttpServer server;
    std::mutex mutex;
    std::function<void(const http::ServerRequest &, http::ServerResponse &)> handler;
    std::vector<http::ServerRequest> requests;

    bool start()
    {
        server.route("/svc", [this](const http::ServerRequest &in, http::ServerResponse &out) {
            std::function<void(const http::ServerRequest &, http::ServerResponse &)> current;
            {
                std::lock_guard lock(mutex);
                requests.push_back(in);
                current = handler;
            }
            if (current)
                current(in, out);
        });
        return server.start().ok();
    }
    void set(std::function<void(const http::ServerRequest &, http::ServerResponse &)> h)
    {
        std::lock_guard lock(mutex);
        handler = std::move(h);
    }
    std::size_t requestCount()
    {
        std::lock_guard lock(mutex);
        return requests.size();
    }
    http::ServerRequest request(std::size_t i)
    {
        std::lock_guard lock(mutex);
        return requests.at(i);
    }
    std::string root() const { return server.baseUrl() + "/svc/"; }
};

} // namespace

class TestODataClient : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();

    void pageThenNextPage();
    void allWithAbsoluteLinksEqualsUnpagedRead();
    void allWithRelativeLinksEqualsUnpagedRead();
    void topAcrossPages();
    void preferAndODataHeadersSent();
    void countRead();
    void quotedLiteralRoundTrip();
    void nextLinkLoopFromDemo();
    void nextLinkLoopHandcrafted_data();
    void nextLinkLoopHandcrafted();
    void pagingLimits();
    void malformedJsonFromDemo();
    void replyShapes_data();
    void replyShapes();
    void hugePage();
    void unknownPropertiesKept();
    void entityWithETag();
    void entityErrors();
    void serviceDocument();
    void serviceDocumentNotOData();
    void statusErrorsMapped();
    void timeout();
    void cancelDuringWalk();
    void authModesAgainstDemo_data();
    void authModesAgainstDemo();
    void oauth2RenewsOnceOn401();
    void cancelOneCallerDuringTokenFetch();

private:
    std::unique_ptr<DemoTenant> m_paged;   // maxPageSize 50, absolute links
    std::unique_ptr<DemoTenant> m_wide;    // maxPageSize 1000: every set in one page
    // Each test has its own HttpClient, declared after its servers: a client destroyed first closes its
    // keep-alive connections, so the servers stop at once instead of waiting out the idle timeout.
};

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
    QTest::newRow("bad byte mid-body") << R"({"value":[{"a":1}x]})" << int(ErrorKind::Malformed) << "byte 18 of 20";
    QTest::newRow("empty body") << "" << int(ErrorKind::Malformed) << "byte";
    QTest::newRow("html") << "<html><body>Sign in</body></html>" << int(ErrorKind::Malformed) << "byte 1";
    QTest::newRow("no value") << R"({"items":[]})" << int(ErrorKind::Malformed) << "value";
    QTest::newRow("value not array") << R"({"value":{"a":1}})" << int(ErrorKind::Malformed) << "value";
    QTest::newRow("value holds a number") << R"({"value":[{"a":1},2]})" << int(ErrorKind::Malformed) << "entity";
    QTest::newRow("top-level array") << R"([{"a":1}])" << int(ErrorKind::Malformed) << "value";
    QTest::newRow("nextLink not a string") << R"({"value":[],"@odata.nextLink":5})" << int(ErrorKind::Malformed)
                                           << "nextLink";
    QTest::newRow("nextLink ftp") << R"({"value":[],"@odata.nextLink":"ftp://127.0.0.1/x"})"
                                  << int(ErrorKind::Malformed) << "ftp";
    QTest::newRow("nextLink garbage") << R"({"value":[],"@odata.nextLink":"http://[::1/x"})"
                                      << int(ErrorKind::Malformed) << "link";
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

void TestODataClient::unknownPropertiesKept()
{
    Handcrafted server;
    server.set([](const http::ServerRequest &, http::ServerResponse &out) {
        out.body = R"({"@odata.context":"x","@vendor.extra":{"a":[1,2]},"value":[)"
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

void TestODataClient::entityErrors()
{
    Handcrafted server;
    server.set([](const http::ServerRequest &, http::ServerResponse &out) { out.body = R"(["not","an","entity"])"; });
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

void TestODataClient::serviceDocument()
{
    http::HttpClient transport;
    for (const std::string &root : {m_paged->crmServiceRoot(), m_paged->crmServiceRoot().substr(
                                                                    0, m_paged->crmServiceRoot().size() - 1)}) {
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
        server.set([body = body](const http::ServerRequest &, http::ServerResponse &out) { out.body = body; });
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

QTEST_APPLESS_MAIN(TestODataClient)
#include "tst_odataclient.moc"
