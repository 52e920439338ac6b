// Account 360 end to end: the CRM and ERP connectors against the demo tenant over loopback HTTP. All ten
// parts load for a Cleveland account; under each fault of the list (a service down, latency past the
// timeout, HTTP 500, 429, 401, malformed JSON, an OData error body, a nextLink loop, a huge page) the
// affected parts fail with the right ErrorKind and the others still load; an unknown customer number; an
// empty account number makes the ERP parts wait for the header; cancelling reports every unfinished part.
#include "asynctest.h"
#include "demo/demotenant.h"
#include "http/httpclient.h"
#include "sources/account360.h"
#include "sources/crmconnector.h"
#include "sources/erpconnector.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <QStringList>
#include <QTest>
#include <set>

using namespace lakeshore;
using namespace lakeshore::sources;
using namespace asynctest;
using demo::DemoService;

namespace {

const domain::Date kToday(2025, 6, 30);

using Parts = std::map<Part, PartResult>;

std::vector<demo::Fault> faults(const QString &specs)
{
    auto parsed = demo::parseFaults(specs.toStdString());
    if (!parsed)
        qFatal("bad fault specs %s: %s", qPrintable(specs), parsed.error().message.c_str());
    return parsed.value();
}

std::set<Part> partsNamed(const QStringList &names)
{
    std::set<Part> parts;
    for (Part part : allParts)
        if (names.contains(QString::fromLatin1(partName(part))))
            parts.insert(part);
    return parts;
}

QStringList crmParts()
{
    return {"header", "contacts", "opportunities", "activities", "conversations", "cases"};
}
QStringList erpParts()
{
    return {"credit", "openOrders", "recentInvoices", "contractCoverage"};
}

QString describePart(const PartResult &result)
{
    return QString::fromLatin1(partName(result.part)) + ": " +
           (result.ok ? QStringLiteral("ok") : qs(result.error.describe()));
}

std::string downUrl(const std::string &path)
{
    return "http://127.0.0.1:" + std::to_string(closedPort()) + path;
}

} // namespace

class TestAccount360 : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanupTestCase();

    void partNamesAndSources();
    void allTenPartsLoad();
    void faultsAffectOnlyTheirParts_data();
    void faultsAffectOnlyTheirParts();
    void unknownCustomerNumber();
    void emptyAccountNumberWaitsForHeader();
    void emptyAccountNumberWhenHeaderFails();
    void cancelReportsEveryUnfinishedPart_data();
    void cancelReportsEveryUnfinishedPart();
    void readOnePartAgain();
    void invalidAccountId();

private:
    const demo::World &world() const { return m_tenant->world(); }
    std::shared_ptr<Account360> compose(std::string crmUrl = {}, std::string erpUrl = {},
                                        int crmTimeoutMs = 8000, int erpTimeoutMs = 8000);
    // Opens the account and collects all ten parts; false when they did not all arrive, or one came twice.
    bool openAll(const Account360 &view, const AccountRef &ref, Parts &parts, CancelToken cancel = {},
                 std::vector<Part> *order = nullptr);

    std::unique_ptr<demo::DemoTenant> m_tenant;
    std::unique_ptr<http::HttpClient> m_http; // destroyed before the tenant: its servers then stop at once
    std::size_t m_index = 0;                  // a Cleveland account with something in every part
    AccountRef m_ref;
};

void TestAccount360::initTestCase()
{
    demo::DemoOptions options;
    options.world = demo::WorldOptions{1847, demo::WorldSize::Small, kToday};
    auto tenant = demo::DemoTenant::start(options);
    QVERIFY2(tenant.ok(), qPrintable(describe(tenant)));
    m_tenant = std::move(tenant.value());
    m_http = std::make_unique<http::HttpClient>();

    const auto &territories = world().territories();
    const auto cleveland = std::find_if(territories.begin(), territories.end(),
                                        [](const auto &t) { return t.name == "Cleveland"; });
    QVERIFY(cleveland != territories.end());
    std::size_t bestScore = 0;
    for (std::size_t i = 0; i < world().accounts().size(); ++i) {
        if (world().accounts()[i].territoryId != cleveland->id)
            continue;
        const auto d = world().detail(i);
        const std::size_t score =
            std::min<std::size_t>(d.contacts.size(), 2) + std::min<std::size_t>(d.opportunities.size(), 2) +
            std::min<std::size_t>(d.activities.size(), 2) + std::min<std::size_t>(d.conversations.size(), 2) +
            std::min<std::size_t>(d.cases.size(), 2) + std::min<std::size_t>(d.openOrders.size(), 2) +
            std::min<std::size_t>(d.invoices.size(), 2) + std::min<std::size_t>(d.contractPrices.size(), 2);
        if (score > bestScore) {
            bestScore = score;
            m_index = i;
        }
    }
    QVERIFY(bestScore > 0);
    m_ref = {world().accounts()[m_index].id, world().accounts()[m_index].accountNumber};
}

void TestAccount360::init()
{
    m_tenant->setFaults(DemoService::Crm, {});
    m_tenant->setFaults(DemoService::Erp, {});
}

void TestAccount360::cleanupTestCase()
{
    m_http.reset();
    m_tenant.reset();
}

std::shared_ptr<Account360> TestAccount360::compose(std::string crmUrl, std::string erpUrl, int crmTimeoutMs,
                                                    int erpTimeoutMs)
{
    if (crmUrl.empty())
        crmUrl = m_tenant->crmServiceRoot();
    if (erpUrl.empty())
        erpUrl = m_tenant->erpServiceRoot();
    auto crm =
        std::make_shared<CrmConnector>(*m_http, ConnectionSettings{Service::Crm, crmUrl, {}, crmTimeoutMs});
    auto erp =
        std::make_shared<ErpConnector>(*m_http, ConnectionSettings{Service::Erp, erpUrl, {}, erpTimeoutMs});
    auto view = std::make_shared<Account360>(crm, erp);
    view->setToday(kToday);
    return view;
}

bool TestAccount360::openAll(const Account360 &view, const AccountRef &ref, Parts &parts, CancelToken cancel,
                             std::vector<Part> *order)
{
    Capture<PartResult> results;
    view.open(ref, cancel, results.callback());
    if (!results.wait(allParts.size()))
        return false;
    std::this_thread::sleep_for(50ms); // a part reported twice would show up now
    if (results.count() != allParts.size())
        return false;
    parts.clear();
    for (const auto &result : results.values()) {
        if (order)
            order->push_back(result.part);
        parts.emplace(result.part, result);
    }
    return parts.size() == allParts.size();
}

void TestAccount360::partNamesAndSources()
{
    std::set<std::string> names;
    for (Part part : allParts) {
        names.insert(partName(part));
        const bool erp = erpParts().contains(QString::fromLatin1(partName(part)));
        QCOMPARE(sourceOf(part), erp ? Service::Erp : Service::Crm);
    }
    QCOMPARE(names.size(), allParts.size());
    QCOMPARE(qs(serviceName(Service::Crm)), QStringLiteral("crm"));
    QCOMPARE(qs(serviceName(Service::Erp)), QStringLiteral("erp"));
}

void TestAccount360::allTenPartsLoad()
{
    auto view = compose();
    Parts parts;
    const auto before = domain::Timestamp::now();
    QVERIFY(openAll(*view, m_ref, parts));
    for (const auto &[part, result] : parts) {
        QVERIFY2(result.ok, qPrintable(describePart(result)));
        QVERIFY(result.readAt.seconds() >= before.seconds());
    }
    const domain::Account &account = world().accounts()[m_index];
    const auto detail = world().detail(m_index);

    const auto &header = std::get<domain::Account>(parts[Part::Header].data);
    QCOMPARE(qs(header.id), qs(account.id));
    QCOMPARE(qs(header.name), qs(account.name));
    QCOMPARE(qs(header.accountNumber), qs(account.accountNumber));
    QCOMPARE(std::get<std::vector<domain::Contact>>(parts[Part::Contacts].data).size(),
             std::min<std::size_t>(detail.contacts.size(), Account360Limits().contacts));
    QCOMPARE(std::get<std::vector<domain::Opportunity>>(parts[Part::Opportunities].data).size(),
             std::min<std::size_t>(detail.opportunities.size(), Account360Limits().opportunities));
    QCOMPARE(std::get<std::vector<domain::Activity>>(parts[Part::Activities].data).size(),
             std::min<std::size_t>(detail.activities.size(), Account360Limits().activities));
    QCOMPARE(std::get<std::vector<domain::Conversation>>(parts[Part::Conversations].data).size(),
             std::min<std::size_t>(detail.conversations.size(), Account360Limits().conversations));
    QCOMPARE(std::get<std::vector<domain::Case>>(parts[Part::Cases].data).size(),
             std::min<std::size_t>(detail.cases.size(), Account360Limits().cases));

    const auto &credit = std::get<domain::Customer>(parts[Part::Credit].data);
    QCOMPARE(qs(credit.number), qs(account.accountNumber));
    QVERIFY(std::abs(credit.balance - detail.customer.balance) < 0.01);
    QVERIFY(std::abs(credit.creditLimit - detail.customer.creditLimit) < 0.01);
    QCOMPARE(std::get<std::vector<domain::SalesOrder>>(parts[Part::OpenOrders].data).size(),
             std::min<std::size_t>(detail.openOrders.size(), Account360Limits().openOrders));
    QCOMPARE(std::get<std::vector<domain::Invoice>>(parts[Part::RecentInvoices].data).size(),
             std::min<std::size_t>(detail.invoices.size(), Account360Limits().recentInvoices));

    // Contract coverage over the last twelve months, as computed from the World's own data.
    std::vector<domain::InvoiceLine> lines;
    for (const auto &invoice : detail.invoices)
        if (!(invoice.invoiceDate < kToday.addMonths(-12)))
            for (auto line : invoice.lines) {
                line.invoiceDate = invoice.invoiceDate;
                lines.push_back(line);
            }
    const ContractCoverage want = computeContractCoverage(detail.contractPrices, lines, kToday);
    const auto &got = std::get<ContractCoverage>(parts[Part::ContractCoverage].data);
    QCOMPARE(got.contractedItems, want.contractedItems);
    QCOMPARE(got.expiringWithin90Days, want.expiringWithin90Days);
    QCOMPARE(got.offContractLines, want.offContractLines);
    QCOMPARE(got.mispricedLines, want.mispricedLines);
    QVERIFY(std::abs(got.spend - want.spend) < 0.05);
    QVERIFY(std::abs(got.leakage - want.leakage) < 0.05);
    QVERIFY(got.spend > 0);
}

void TestAccount360::faultsAffectOnlyTheirParts_data()
{
    QTest::addColumn<QString>("crmFaults");
    QTest::addColumn<QString>("erpFaults");
    QTest::addColumn<bool>("crmDown");
    QTest::addColumn<bool>("erpDown");
    QTest::addColumn<int>("timeoutMs");       // both services' request timeout
    QTest::addColumn<QStringList>("failing"); // the parts that must fail
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("httpStatus");

    const QString none;
    QTest::newRow("ERP down") << none << none << false << true << 8000 << erpParts()
                              << int(ErrorKind::Network) << 0;
    QTest::newRow("CRM down") << none << none << true << false << 8000 << crmParts()
                              << int(ErrorKind::Network) << 0;
    QTest::newRow("ERP latency past the timeout")
        << none << "*:latency=900" << false << false << 250 << erpParts() << int(ErrorKind::Timeout) << 0;
    QTest::newRow("CRM latency past the timeout") << "contacts:latency=900" << none << false << false << 250
                                                  << QStringList{"contacts"} << int(ErrorKind::Timeout) << 0;
    QTest::newRow("HTTP 500") << none << "salesOrders:status=500" << false << false << 8000
                              << QStringList{"openOrders"} << int(ErrorKind::Service) << 500;
    QTest::newRow("HTTP 500 on the CRM") << "opportunities:status=500" << none << false << false << 8000
                                         << QStringList{"opportunities"} << int(ErrorKind::Service) << 500;
    QTest::newRow("429, retries exhausted")
        << none << "customers:status=429,retry-after=0" << false << false << 8000 << QStringList{"credit"}
        << int(ErrorKind::RateLimited) << 429;
    QTest::newRow("503 everywhere on the CRM") << "*:status=503,retry-after=0" << none << false << false
                                               << 8000 << crmParts() << int(ErrorKind::RateLimited) << 503;
    QTest::newRow("401") << "contacts:status=401" << none << false << false << 8000 << QStringList{"contacts"}
                         << int(ErrorKind::Auth) << 401;
    QTest::newRow("401 on the ERP") << none << "*:status=401" << false << false << 8000 << erpParts()
                                    << int(ErrorKind::Auth) << 401;
    QTest::newRow("malformed JSON") << none << "salesInvoices:body=malformed" << false << false << 8000
                                    << QStringList{"recentInvoices"} << int(ErrorKind::Malformed) << 0;
    QTest::newRow("malformed JSON on the header")
        << "accounts:body=malformed" << none << false << false << 8000 << QStringList{"header"}
        << int(ErrorKind::Malformed) << 0;
    QTest::newRow("OData error body") << "incidents:body=odata-error" << none << false << false << 8000
                                      << QStringList{"cases"} << int(ErrorKind::Service) << 400;
    QTest::newRow("nextLink loop") << "activitypointers:body=nextlink-loop" << none << false << false << 8000
                                   << QStringList{"activities"} << int(ErrorKind::Loop) << 0;
    QTest::newRow("nextLink loop in coverage")
        << none << "salesInvoiceLines:body=nextlink-loop" << false << false << 8000
        << QStringList{"contractCoverage"} << int(ErrorKind::Loop) << 0;
    QTest::newRow("huge page") << none << "contractPrices:body=huge,bytes=17m" << false << false << 8000
                               << QStringList{"contractCoverage"} << int(ErrorKind::TooLarge) << 0;
}

void TestAccount360::faultsAffectOnlyTheirParts()
{
    QFETCH(QString, crmFaults);
    QFETCH(QString, erpFaults);
    QFETCH(bool, crmDown);
    QFETCH(bool, erpDown);
    QFETCH(int, timeoutMs);
    QFETCH(QStringList, failing);
    QFETCH(int, kind);
    QFETCH(int, httpStatus);
    m_tenant->setFaults(DemoService::Crm, faults(crmFaults));
    m_tenant->setFaults(DemoService::Erp, faults(erpFaults));
    auto view = compose(crmDown ? downUrl("/api/data/v9.2/") : std::string(),
                        erpDown ? downUrl("/api/v2.0/") : std::string(), timeoutMs, timeoutMs);

    Parts parts;
    QVERIFY(openAll(*view, m_ref, parts));
    const std::set<Part> expectedFailing = partsNamed(failing);
    QCOMPARE(expectedFailing.size(), static_cast<std::size_t>(failing.size()));
    for (const auto &[part, result] : parts) {
        if (expectedFailing.count(part)) {
            QVERIFY2(!result.ok, qPrintable(describePart(result)));
            QVERIFY2(int(result.error.kind) == kind, qPrintable(describePart(result)));
            QCOMPARE(result.error.httpStatus, httpStatus);
            QVERIFY(!result.error.message.empty());
            QVERIFY(std::holds_alternative<std::monostate>(result.data));
        } else {
            QVERIFY2(result.ok, qPrintable(describePart(result)));
        }
    }
}

void TestAccount360::unknownCustomerNumber()
{
    auto view = compose();
    Parts parts;
    QVERIFY(openAll(*view, {m_ref.id, "C99999999"}, parts));
    QVERIFY(!parts[Part::Credit].ok);
    QCOMPARE(parts[Part::Credit].error.kind, ErrorKind::NotFound);
    // The lists are simply empty for a number the ERP does not know.
    QVERIFY2(parts[Part::OpenOrders].ok, qPrintable(describePart(parts[Part::OpenOrders])));
    QVERIFY(std::get<std::vector<domain::SalesOrder>>(parts[Part::OpenOrders].data).empty());
    QVERIFY(parts[Part::ContractCoverage].ok);
    QCOMPARE(std::get<ContractCoverage>(parts[Part::ContractCoverage].data).spend, 0.0);
    for (Part part : partsNamed(crmParts()))
        QVERIFY2(parts[part].ok, qPrintable(describePart(parts[part])));
}

void TestAccount360::emptyAccountNumberWaitsForHeader()
{
    auto view = compose();
    Parts parts;
    std::vector<Part> order;
    QVERIFY(openAll(*view, {m_ref.id, ""}, parts, {}, &order));
    for (const auto &[part, result] : parts)
        QVERIFY2(result.ok, qPrintable(describePart(result)));
    QCOMPARE(qs(std::get<domain::Customer>(parts[Part::Credit].data).number), qs(m_ref.accountNumber));
    // Every ERP part settled after the header, which carried the number.
    const auto header = std::find(order.begin(), order.end(), Part::Header) - order.begin();
    for (std::size_t i = 0; i < order.size(); ++i)
        if (sourceOf(order[i]) == Service::Erp)
            QVERIFY(static_cast<std::ptrdiff_t>(i) > header);
}

void TestAccount360::emptyAccountNumberWhenHeaderFails()
{
    m_tenant->setFaults(DemoService::Crm, faults("accounts:status=500"));
    auto view = compose();
    Parts parts;
    QVERIFY(openAll(*view, {m_ref.id, ""}, parts));
    QVERIFY(!parts[Part::Header].ok);
    QCOMPARE(parts[Part::Header].error.httpStatus, 500);
    for (Part part : partsNamed(erpParts())) {
        QVERIFY(!parts[part].ok);
        // The ERP customer is found by the CRM account's number: its parts fail for the header's reason.
        QCOMPARE(parts[part].error.kind, parts[Part::Header].error.kind);
        QVERIFY2(parts[part].error.message.find("could not be read") != std::string::npos,
                 parts[part].error.message.c_str());
    }
    for (Part part : partsNamed(crmParts()))
        if (part != Part::Header)
            QVERIFY2(parts[part].ok, qPrintable(describePart(parts[part])));
}

void TestAccount360::cancelReportsEveryUnfinishedPart_data()
{
    QTest::addColumn<bool>("withNumber");
    QTest::newRow("account number known") << true;
    QTest::newRow("account number from the header") << false;
}

void TestAccount360::cancelReportsEveryUnfinishedPart()
{
    QFETCH(bool, withNumber);
    m_tenant->setFaults(DemoService::Crm, faults("*:latency=1200"));
    m_tenant->setFaults(DemoService::Erp, faults("*:latency=1200"));
    auto view = compose();
    const int crmBefore = m_tenant->requestCount(DemoService::Crm);
    const int erpBefore = m_tenant->requestCount(DemoService::Erp);
    CancelToken cancel;
    Capture<PartResult> results;
    view->open({m_ref.id, withNumber ? m_ref.accountNumber : std::string()}, cancel, results.callback());
    // Cancel once the CRM reads are on the wire (and, with the number known, the ERP ones too).
    const auto deadline = Clock::now() + 5s;
    while (Clock::now() < deadline &&
           (m_tenant->requestCount(DemoService::Crm) - crmBefore < 6 ||
            (withNumber && m_tenant->requestCount(DemoService::Erp) - erpBefore < 5)))
        std::this_thread::sleep_for(5ms);
    QCOMPARE(results.count(), std::size_t(0));
    cancel.cancel();
    QVERIFY(results.wait(allParts.size()));
    std::this_thread::sleep_for(50ms);
    QCOMPARE(results.count(), allParts.size());
    std::set<Part> seen;
    for (const auto &result : results.values()) {
        QVERIFY(seen.insert(result.part).second);
        QVERIFY2(!result.ok && result.error.kind == ErrorKind::Cancelled, qPrintable(describePart(result)));
    }
    if (!withNumber) // the ERP was never asked: it had no number to ask with
        QCOMPARE(m_tenant->requestCount(DemoService::Erp), erpBefore);
}

void TestAccount360::readOnePartAgain()
{
    m_tenant->setFaults(DemoService::Erp, faults("salesOrders:status=503,retry-after=0,times=3"));
    auto view = compose();
    Parts parts;
    QVERIFY(openAll(*view, m_ref, parts));
    QVERIFY(!parts[Part::OpenOrders].ok);
    QCOMPARE(parts[Part::OpenOrders].error.kind, ErrorKind::RateLimited);

    // The panel's Retry: only that part is read again, and now it loads.
    const int crmBefore = m_tenant->requestCount(DemoService::Crm);
    Capture<PartResult> again;
    view->read(Part::OpenOrders, m_ref, {}, again.callback());
    QVERIFY(again.wait());
    QCOMPARE(again.value().part, Part::OpenOrders);
    QVERIFY2(again.value().ok, qPrintable(describePart(again.value())));
    QCOMPARE(m_tenant->requestCount(DemoService::Crm), crmBefore);

    // An ERP part cannot be read without the customer number.
    Capture<PartResult> without;
    view->read(Part::Credit, {m_ref.id, ""}, {}, without.callback());
    QVERIFY(without.wait());
    QVERIFY(!without.value().ok);
    QCOMPARE(without.value().error.kind, ErrorKind::Invalid);
}

void TestAccount360::invalidAccountId()
{
    auto view = compose();
    const int crmBefore = m_tenant->requestCount(DemoService::Crm);
    Parts parts;
    QVERIFY(openAll(*view, {"42; drop table accounts", m_ref.accountNumber}, parts));
    for (Part part : partsNamed(crmParts())) {
        QVERIFY(!parts[part].ok);
        QCOMPARE(parts[part].error.kind, ErrorKind::Invalid);
    }
    for (Part part : partsNamed(erpParts()))
        QVERIFY2(parts[part].ok, qPrintable(describePart(parts[part])));
    QCOMPARE(m_tenant->requestCount(DemoService::Crm), crmBefore);
}

QTEST_APPLESS_MAIN(TestAccount360)
#include "tst_account360.moc"
