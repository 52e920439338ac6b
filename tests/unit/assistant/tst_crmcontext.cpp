// CrmContextBinder against the demo tenant's CRM over loopback HTTP: territories by name (any letter case),
// owners by full, first or last name, ambiguity and unknown names with the known ones listed, the open
// account read live, CRM groups for "by territory"/"by owner", every page of a big list, the account cap;
// the CRM down, slow, failing or paging in a loop; cancellation before and during the reads. Every answer
// is compared with the demo world itself.
#include "assistant/crmcontext.h"
#include "asynctest.h"
#include "demo/demotenant.h"
#include "http/httpclient.h"
#include "sources/crmconnector.h"

#include <algorithm>
#include <QTest>
#include <set>
#include <thread>

using namespace lakeshore;
using namespace lakeshore::assistant;
using namespace asynctest;
using demo::DemoService;

namespace {

std::vector<demo::Fault> faults(const char *specs)
{
    auto parsed = demo::parseFaults(specs);
    if (!parsed)
        qFatal("bad fault specs %s: %s", specs, parsed.error().message.c_str());
    return parsed.value();
}

CrmNeeds territory(const std::string &name)
{
    CrmNeeds needs;
    needs.territory = name;
    return needs;
}

CrmNeeds owner(const std::string &name)
{
    CrmNeeds needs;
    needs.owner = name;
    return needs;
}

} // namespace

class TestCrmContext : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanupTestCase();

    void nothingToReadAnswersAtOnce();
    void territoryByName_data();
    void territoryByName();
    void everyPageIsRead();
    void unknownTerritoryListsTheKnownOnes();
    void ownerByName_data();
    void ownerByName();
    void ambiguousOwner();
    void unknownOwnerListsTheKnownOnes();
    void namesOfTheOtherKindAreHinted();
    void territoryAndOwnerTogether();
    void ownerWithoutAccountsRendersNotFound();
    void groupByTerritoryAcrossTheBook();
    void groupByOwnerInATerritory();
    void openAccountIsReadLive();
    void openAccountWithItsTerritory();
    void noOpenAccount();
    void openAccountWithoutCrmId();
    void openAccountUnknownOrMalformedId();
    void tooManyAccounts();
    void crmDown();
    void crmSlow();
    void crmFaults_data();
    void crmFaults();
    void cancelledBeforeStart();
    void cancelledWhileReading();

private:
    const demo::World &world() const { return m_tenant->world(); }
    Result<CrmBinding> bind(const CrmNeeds &needs, std::optional<CurrentAccount> current = {},
                            BinderOptions options = {}, sources::CrmConnector *crm = nullptr,
                            CancelToken cancel = {})
    {
        CrmContextBinder binder(crm ? *crm : *m_crm, options);
        return await<CrmBinding>([&](auto done) { binder.bind(needs, current, cancel, done); });
    }
    std::string territoryId(const std::string &name) const
    {
        for (const auto &t : world().territories())
            if (t.name == name)
                return t.id;
        return {};
    }
    const domain::Owner *ownerNamed(const std::string &fullName) const
    {
        for (const auto &o : world().owners())
            if (o.fullName == fullName)
                return &o;
        return nullptr;
    }
    // The world's account numbers matching pred, sorted.
    template <class Pred> std::vector<std::string> numbers(Pred pred) const
    {
        std::vector<std::string> out;
        for (const auto &a : world().accounts())
            if (pred(a))
                out.push_back(a.accountNumber);
        std::sort(out.begin(), out.end());
        return out;
    }
    std::string territoryName(const std::string &id) const
    {
        for (const auto &t : world().territories())
            if (t.id == id)
                return t.name;
        return {};
    }

    std::unique_ptr<demo::DemoTenant> m_tenant;
    std::unique_ptr<http::HttpClient> m_http; // destroyed before the tenant: its servers then stop at once
    std::unique_ptr<sources::CrmConnector> m_crm;
};

void TestCrmContext::initTestCase()
{
    demo::DemoOptions options;
    options.world = demo::WorldOptions{1847, demo::WorldSize::Small, domain::Date(2025, 6, 30)};
    auto tenant = demo::DemoTenant::start(options);
    QVERIFY2(tenant.ok(), qPrintable(describe(tenant)));
    m_tenant = std::move(tenant.value());
    m_http = std::make_unique<http::HttpClient>();
    m_crm = std::make_unique<sources::CrmConnector>(
        *m_http, sources::ConnectionSettings{sources::Service::Crm, m_tenant->crmServiceRoot(), {}, 8000});
}

void TestCrmContext::init()
{
    m_tenant->setFaults(DemoService::Crm, {});
}

void TestCrmContext::cleanupTestCase()
{
    m_crm.reset();
    m_http.reset();
    m_tenant.reset();
}

void TestCrmContext::nothingToReadAnswersAtOnce()
{
    const int before = m_tenant->requestCount(DemoService::Crm);
    Capture<Result<CrmBinding>> capture;
    CrmContextBinder(*m_crm).bind({}, std::nullopt, {}, capture.callback());
    QCOMPARE(capture.count(), std::size_t(1));
    QCOMPARE(capture.thread(), std::this_thread::get_id());
    QVERIFY(capture.value().ok());
    QVERIFY(capture.value().value().accountNumbers.empty());
    QCOMPARE(m_tenant->requestCount(DemoService::Crm), before);
}

void TestCrmContext::territoryByName_data()
{
    QTest::addColumn<QString>("name");
    QTest::addRow("as written") << "Cleveland";
    QTest::addRow("lower case") << "cleveland";
    QTest::addRow("upper case, spaces") << " CLEVELAND ";
}

void TestCrmContext::territoryByName()
{
    QFETCH(QString, name);
    auto binding = bind(territory(name.toStdString()));
    QVERIFY2(binding.ok(), qPrintable(describe(binding)));
    const CrmBinding &b = binding.value();
    const std::string id = territoryId("Cleveland");
    const auto want = numbers([&](const domain::Account &a) { return a.territoryId == id; });
    QCOMPARE(want.size(), std::size_t(18));
    QVERIFY(b.accountNumbers == want);
    QCOMPARE(qs(b.scope), QStringLiteral("in the Cleveland territory"));
    QCOMPARE(b.withoutNumber, std::size_t(0));
    QVERIFY(b.groupByNumber.empty());
    for (const auto &number : want) {
        const auto index = world().findAccountByNumber(number);
        QVERIFY(index);
        QCOMPARE(qs(b.crmIdByNumber.at(number)), qs(world().accounts()[*index].id));
        QCOMPARE(qs(b.nameByNumber.at(number)), qs(world().accounts()[*index].name));
    }
}

void TestCrmContext::everyPageIsRead()
{
    const int before = m_tenant->requestCount(DemoService::Crm);
    auto small = bind(territory("Cleveland"), {}, BinderOptions{4, 5000});
    QVERIFY2(small.ok(), qPrintable(describe(small)));
    const int requests = m_tenant->requestCount(DemoService::Crm) - before;
    auto big = bind(territory("Cleveland"));
    QVERIFY(big.ok());
    QVERIFY(small.value().accountNumbers == big.value().accountNumbers);
    QVERIFY2(requests >= 2 + 5,
             qPrintable(QString::number(requests))); // directory (2), then 18 accounts in 5 pages
}

void TestCrmContext::unknownTerritoryListsTheKnownOnes()
{
    auto binding = bind(territory("Clevland"));
    QVERIFY(!binding.ok());
    QCOMPARE(binding.error().kind, ErrorKind::NotFound);
    QCOMPARE(qs(binding.error().message),
             QStringLiteral(
                 "The CRM has no territory named \"Clevland\"; its territories are Akron, Buffalo, "
                 "Cincinnati, Cleveland, Columbus, Dayton, Detroit, Erie, Fort Wayne, Pittsburgh, Toledo "
                 "and Youngstown"));
}

void TestCrmContext::ownerByName_data()
{
    QTest::addColumn<QString>("name");
    QTest::addRow("full name") << "Donna Baker";
    QTest::addRow("first name") << "donna";
    QTest::addRow("last name") << "Baker";
    QTest::addRow("odd spacing and case") << "DONNA   baker";
}

void TestCrmContext::ownerByName()
{
    QFETCH(QString, name);
    auto binding = bind(owner(name.toStdString()));
    QVERIFY2(binding.ok(), qPrintable(describe(binding)));
    const domain::Owner *donna = ownerNamed("Donna Baker");
    QVERIFY(donna);
    const auto want = numbers([&](const domain::Account &a) { return a.ownerId == donna->id; });
    QCOMPARE(want.size(), std::size_t(9));
    QVERIFY(binding.value().accountNumbers == want);
    QCOMPARE(qs(binding.value().scope), QStringLiteral("owned by Donna Baker"));
}

void TestCrmContext::ambiguousOwner()
{
    auto binding = bind(owner("Linda"));
    QVERIFY(!binding.ok());
    QCOMPARE(binding.error().kind, ErrorKind::Invalid);
    QCOMPARE(qs(binding.error().message),
             QStringLiteral(
                 "\"Linda\" matches 2 owners in the CRM: Linda Anderson and Linda Schmidt; say which one "
                 "(e.g. \"Linda Anderson's accounts\")"));
    auto full = bind(owner("Linda Schmidt"));
    QVERIFY2(full.ok(), qPrintable(describe(full)));
    QCOMPARE(full.value().accountNumbers.size(), std::size_t(7));
}

void TestCrmContext::unknownOwnerListsTheKnownOnes()
{
    auto binding = bind(owner("Dana"));
    QVERIFY(!binding.ok());
    QCOMPARE(binding.error().kind, ErrorKind::NotFound);
    const QString message = qs(binding.error().message);
    QVERIFY2(
        message.startsWith("The CRM has no owner named \"Dana\"; its owners are Ana Lopez, Angela Morgan, "),
        qPrintable(message));
    QVERIFY(message.contains("Donna Baker, "));
    QVERIFY(message.endsWith(" and William Ryan"));
}

void TestCrmContext::namesOfTheOtherKindAreHinted()
{
    auto asOwner = bind(owner("Cleveland"));
    QVERIFY(!asOwner.ok());
    QVERIFY2(asOwner.error().message.ends_with(
                 ". \"Cleveland\" is a territory: ask about the Cleveland territory"),
             asOwner.error().message.c_str());
    auto asTerritory = bind(territory("Donna Baker"));
    QVERIFY(!asTerritory.ok());
    QVERIFY2(asTerritory.error().message.ends_with(
                 ". \"Donna Baker\" is an owner: ask about Donna Baker's accounts"),
             asTerritory.error().message.c_str());
}

void TestCrmContext::territoryAndOwnerTogether()
{
    CrmNeeds needs;
    needs.territory = "Detroit";
    needs.owner = "Olga";
    auto binding = bind(needs);
    QVERIFY2(binding.ok(), qPrintable(describe(binding)));
    const std::string detroit = territoryId("Detroit");
    const domain::Owner *olga = ownerNamed("Olga Nguyen");
    const auto want =
        numbers([&](const domain::Account &a) { return a.territoryId == detroit && a.ownerId == olga->id; });
    QVERIFY(!want.empty());
    QVERIFY(binding.value().accountNumbers == want);
    QCOMPARE(qs(binding.value().scope), QStringLiteral("in the Detroit territory owned by Olga Nguyen"));
    // Olga's accounts in Akron: none.
    needs.territory = "Akron";
    auto none = bind(needs);
    QVERIFY(none.ok());
    QVERIFY(none.value().accountNumbers.empty());
}

void TestCrmContext::ownerWithoutAccountsRendersNotFound()
{
    auto model = loadSemanticModelFile(LAKESHORE_SEMANTIC_MODEL);
    QVERIFY(model.ok());
    auto plan = planQuestion("revenue by month for accounts owned by Brennan", model.value(),
                             {"2025-06-30", std::nullopt, SqlDialect::SQLite});
    QVERIFY2(plan.ok(), plan ? "" : plan.error().message.c_str());
    auto binding = bind(plan.value().crm);
    QVERIFY2(binding.ok(), qPrintable(describe(binding)));
    QVERIFY(binding.value().accountNumbers.empty());
    auto sql = renderPlanSql(plan.value(), binding.value());
    QVERIFY(!sql.ok());
    QCOMPARE(sql.error().kind, ErrorKind::NotFound);
    QCOMPARE(qs(sql.error().message),
             QStringLiteral("There are no accounts owned by Jose Brennan in the CRM, so "
                            "there is nothing to look up in the lakehouse"));
}

void TestCrmContext::groupByTerritoryAcrossTheBook()
{
    CrmNeeds needs;
    needs.groupBy = CrmDimension::Territory;
    auto binding = bind(needs, {}, BinderOptions{50, 5000});
    QVERIFY2(binding.ok(), qPrintable(describe(binding)));
    const CrmBinding &b = binding.value();
    QCOMPARE(b.accountNumbers.size(), world().accounts().size());
    QCOMPARE(qs(b.scope), QStringLiteral("in the CRM"));
    for (const auto &account : world().accounts())
        QCOMPARE(qs(b.groupByNumber.at(account.accountNumber)), qs(territoryName(account.territoryId)));
}

void TestCrmContext::groupByOwnerInATerritory()
{
    CrmNeeds needs;
    needs.territory = "Cleveland";
    needs.groupBy = CrmDimension::Owner;
    auto binding = bind(needs);
    QVERIFY2(binding.ok(), qPrintable(describe(binding)));
    std::set<std::string> owners;
    for (const auto &[number, name] : binding.value().groupByNumber)
        owners.insert(name);
    QVERIFY(owners == (std::set<std::string>{"Cody O'Connor", "Donna Baker", "Linda Anderson"}));
    QCOMPARE(binding.value().groupByNumber.size(), std::size_t(18));
}

void TestCrmContext::openAccountIsReadLive()
{
    const domain::Account &account = world().accounts()[0];
    // A stale number and name in the context: the CRM's own values win.
    auto binding =
        bind(CrmNeeds{{}, {}, true, CrmDimension::None}, CurrentAccount{"C99999", "stale", account.id});
    QVERIFY2(binding.ok(), qPrintable(describe(binding)));
    QVERIFY(binding.value().accountNumbers == std::vector<std::string>{account.accountNumber});
    QCOMPARE(qs(binding.value().crmIdByNumber.at(account.accountNumber)), qs(account.id));
    QCOMPARE(qs(binding.value().scope), qs("for " + account.name + " (" + account.accountNumber + ")"));
}

void TestCrmContext::openAccountWithItsTerritory()
{
    const domain::Account &account = world().accounts()[0];
    auto binding = bind(CrmNeeds{{}, {}, true, CrmDimension::Territory},
                        CurrentAccount{account.accountNumber, account.name, account.id});
    QVERIFY2(binding.ok(), qPrintable(describe(binding)));
    QCOMPARE(qs(binding.value().groupByNumber.at(account.accountNumber)),
             qs(territoryName(account.territoryId)));
}

void TestCrmContext::noOpenAccount()
{
    const int before = m_tenant->requestCount(DemoService::Crm);
    Capture<Result<CrmBinding>> capture;
    CrmContextBinder(*m_crm).bind(CrmNeeds{{}, {}, true, CrmDimension::None}, std::nullopt, {},
                                  capture.callback());
    QCOMPARE(capture.count(), std::size_t(1));
    const auto result = capture.value();
    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind, ErrorKind::Invalid);
    QCOMPARE(qs(result.error().message),
             QStringLiteral("No account is open, so \"this account\" means nothing yet: "
                            "open an account, or name a territory or an owner"));
    QCOMPARE(m_tenant->requestCount(DemoService::Crm), before);
}

void TestCrmContext::openAccountWithoutCrmId()
{
    const int before = m_tenant->requestCount(DemoService::Crm);
    auto binding =
        bind(CrmNeeds{{}, {}, true, CrmDimension::None}, CurrentAccount{"C10003", "Heartland", ""});
    QVERIFY(binding.ok());
    QVERIFY(binding.value().accountNumbers == std::vector<std::string>{"C10003"});
    QCOMPARE(qs(binding.value().scope), QStringLiteral("for Heartland (C10003)"));
    QCOMPARE(m_tenant->requestCount(DemoService::Crm), before);
    auto grouped =
        bind(CrmNeeds{{}, {}, true, CrmDimension::Owner}, CurrentAccount{"C10003", "Heartland", ""});
    QVERIFY(!grouped.ok());
    QCOMPARE(grouped.error().kind, ErrorKind::Invalid);
}

void TestCrmContext::openAccountUnknownOrMalformedId()
{
    auto unknown = bind(CrmNeeds{{}, {}, true, CrmDimension::None},
                        CurrentAccount{"C1", "x", "00000000-0000-4000-8000-000000000000"});
    QVERIFY(!unknown.ok());
    QCOMPARE(unknown.error().kind, ErrorKind::NotFound);
    QVERIFY2(unknown.error().message.starts_with("Could not read the open account from the CRM: "),
             unknown.error().message.c_str());
    auto malformed =
        bind(CrmNeeds{{}, {}, true, CrmDimension::None}, CurrentAccount{"C1", "x", "') or 1 eq 1"});
    QVERIFY(!malformed.ok());
    QCOMPARE(malformed.error().kind, ErrorKind::Invalid);
    QCOMPARE(qs(malformed.error().message),
             QStringLiteral(
                 "Could not read the open account from the CRM: not a CRM record id: \"') or 1 eq 1\""));
}

void TestCrmContext::tooManyAccounts()
{
    auto binding = bind(territory("Cleveland"), {}, BinderOptions{500, 10});
    QVERIFY(!binding.ok());
    QCOMPARE(binding.error().kind, ErrorKind::TooLarge);
    QCOMPARE(
        qs(binding.error().message),
        QStringLiteral("There are 18 accounts in the Cleveland territory; one answer can look at 10 at most. "
                       "Narrow the question to an owner or a smaller territory"));
}

void TestCrmContext::crmDown()
{
    sources::CrmConnector down(
        *m_http,
        sources::ConnectionSettings{sources::Service::Crm,
                                    "http://127.0.0.1:" + std::to_string(closedPort()) + "/api/data/v9.2/",
                                    {},
                                    8000});
    auto binding = bind(territory("Cleveland"), {}, {}, &down);
    QVERIFY(!binding.ok());
    QCOMPARE(binding.error().kind, ErrorKind::Network);
    QVERIFY2(binding.error().message.starts_with("Could not read the territories and owners from the CRM: "),
             binding.error().message.c_str());
}

void TestCrmContext::crmSlow()
{
    m_tenant->setFaults(DemoService::Crm, faults("*:latency=2000"));
    sources::CrmConnector impatient(
        *m_http, sources::ConnectionSettings{sources::Service::Crm, m_tenant->crmServiceRoot(), {}, 300});
    auto binding = bind(owner("Donna"), {}, {}, &impatient);
    QVERIFY(!binding.ok());
    QCOMPARE(binding.error().kind, ErrorKind::Timeout);
    QVERIFY2(binding.error().message.starts_with("Could not read the territories and owners from the CRM: "),
             binding.error().message.c_str());
}

void TestCrmContext::crmFaults_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<int>("pageSize");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("prefix");
    const QString accounts = "Could not read the accounts in the Cleveland territory from the CRM: ";
    const QString directory = "Could not read the territories and owners from the CRM: ";
    QTest::addRow("accounts 500") << "accounts:status=500" << 500 << int(ErrorKind::Service) << accounts;
    QTest::addRow("accounts malformed")
        << "accounts:body=malformed" << 500 << int(ErrorKind::Malformed) << accounts;
    QTest::addRow("accounts OData error")
        << "accounts:body=odata-error" << 500 << int(ErrorKind::Service) << accounts;
    QTest::addRow("accounts 401") << "accounts:status=401" << 500 << int(ErrorKind::Auth) << accounts;
    QTest::addRow("territories malformed")
        << "territories:body=malformed" << 500 << int(ErrorKind::Malformed) << directory;
    QTest::addRow("owners 500") << "systemusers:status=500" << 500 << int(ErrorKind::Service) << directory;
    QTest::addRow("accounts nextLink loop")
        << "accounts:body=nextlink-loop" << 5 << int(ErrorKind::Loop)
        << "The CRM's pages of the accounts in the Cleveland territory lead back "
           "to a page already read; the list was not used";
}

void TestCrmContext::crmFaults()
{
    QFETCH(QString, spec);
    QFETCH(int, pageSize);
    QFETCH(int, kind);
    QFETCH(QString, prefix);
    m_tenant->setFaults(DemoService::Crm, faults(spec.toUtf8().constData()));
    auto binding = bind(territory("Cleveland"), {}, BinderOptions{pageSize, 5000});
    QVERIFY(!binding.ok());
    QCOMPARE(int(binding.error().kind), kind);
    QVERIFY2(qs(binding.error().message).startsWith(prefix), binding.error().message.c_str());
}

void TestCrmContext::cancelledBeforeStart()
{
    const int before = m_tenant->requestCount(DemoService::Crm);
    CancelToken cancel;
    cancel.cancel();
    auto binding = bind(territory("Cleveland"), {}, {}, nullptr, cancel);
    QVERIFY(!binding.ok());
    QCOMPARE(binding.error().kind, ErrorKind::Cancelled);
    QCOMPARE(qs(binding.error().message),
             QStringLiteral("Cancelled while reading the CRM's territories and owners from the CRM"));
    QCOMPARE(m_tenant->requestCount(DemoService::Crm), before);
}

void TestCrmContext::cancelledWhileReading()
{
    m_tenant->setFaults(DemoService::Crm, faults("accounts:latency=2500"));
    const int before = m_tenant->requestCount(DemoService::Crm);
    CancelToken cancel;
    Capture<Result<CrmBinding>> capture;
    CrmContextBinder binder(*m_crm);
    binder.bind(territory("Cleveland"), std::nullopt, cancel, capture.callback());
    // Wait until the account page is asked for (the two directory reads came first), then cancel it.
    for (int i = 0; i < 1000 && m_tenant->requestCount(DemoService::Crm) < before + 3; ++i)
        std::this_thread::sleep_for(10ms);
    QCOMPARE(m_tenant->requestCount(DemoService::Crm), before + 3);
    QCOMPARE(capture.count(), std::size_t(0));
    cancel.cancel();
    QVERIFY(capture.wait());
    const auto result = capture.value();
    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind, ErrorKind::Cancelled);
    QVERIFY2(result.error().message.starts_with(
                 "Could not read the accounts in the Cleveland territory from the CRM: "),
             result.error().message.c_str());
    QCOMPARE(capture.count(), std::size_t(1));
}

QTEST_GUILESS_MAIN(TestCrmContext)
#include "tst_crmcontext.moc"
