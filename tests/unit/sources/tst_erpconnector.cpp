// ErpConnector against the demo tenant's ERP: customer (and NotFound), open orders, recent invoices,
// contract prices and invoice lines since a date, each compared with the World's own values; odd
// customer numbers stay literals; the probe; a service that is down.
#include "asynctest.h"
#include "demo/demotenant.h"
#include "http/httpclient.h"
#include "sources/erpconnector.h"

#include <algorithm>
#include <cmath>
#include <QTest>
#include <set>
#include <tuple>

using namespace lakeshore;
using namespace lakeshore::sources;
using namespace asynctest;
using demo::DemoService;

namespace {

const domain::Date kToday(2025, 6, 30);

double cents(double value)
{
    return std::round(value * 100) / 100;
}
bool sameMoney(double got, double want)
{
    return std::abs(got - cents(want)) < 0.005;
}

} // namespace

class TestErpConnector : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void customer();
    void customerNotFound_data();
    void customerNotFound();
    void openOrders();
    void recentInvoices();
    void contractPrices();
    void invoiceLinesSince();
    void probe();
    void serviceDown();

private:
    const demo::World &world() const { return m_tenant->world(); }
    // The account with the most invoices, so limits and paging matter.
    std::size_t busyAccount() const;

    std::unique_ptr<demo::DemoTenant> m_tenant;
    std::unique_ptr<http::HttpClient> m_http;
    std::unique_ptr<ErpConnector> m_erp;
};

void TestErpConnector::initTestCase()
{
    demo::DemoOptions options;
    options.world = demo::WorldOptions{1847, demo::WorldSize::Small, kToday};
    options.maxPageSize = 40; // invoice lines span several pages
    auto tenant = demo::DemoTenant::start(options);
    QVERIFY2(tenant.ok(), qPrintable(describe(tenant)));
    m_tenant = std::move(tenant.value());
    m_http = std::make_unique<http::HttpClient>();
    m_erp = std::make_unique<ErpConnector>(
        *m_http, ConnectionSettings{Service::Erp, m_tenant->erpServiceRoot(), {}, 8000});
    QCOMPARE(m_erp->settings().service, Service::Erp);
}

void TestErpConnector::cleanupTestCase()
{
    m_erp.reset();
    m_http.reset();
    m_tenant.reset();
}

std::size_t TestErpConnector::busyAccount() const
{
    std::size_t best = 0;
    std::size_t most = 0;
    for (std::size_t i = 0; i < world().accounts().size(); ++i) {
        const auto detail = world().detail(i);
        const std::size_t score = detail.invoices.size() +
                                  10 * std::min<std::size_t>(detail.openOrders.size(), 3) +
                                  10 * std::min<std::size_t>(detail.contractPrices.size(), 3);
        if (score > most) {
            most = score;
            best = i;
        }
    }
    return best;
}

void TestErpConnector::customer()
{
    for (std::size_t index : {std::size_t(0), busyAccount()}) {
        const auto &account = world().accounts()[index];
        const auto want = world().detail(index).customer;
        auto got =
            await<domain::Customer>([&](auto done) { m_erp->customer(account.accountNumber, {}, done); });
        QVERIFY2(got.ok(), qPrintable(describe(got)));
        const domain::Customer &c = got.value();
        QCOMPARE(qs(c.number), qs(account.accountNumber));
        QCOMPARE(qs(c.name), qs(want.name));
        QVERIFY(sameMoney(c.balance, want.balance));
        QVERIFY(sameMoney(c.overdueAmount, want.overdueAmount));
        QVERIFY(sameMoney(c.creditLimit, want.creditLimit));
        QCOMPARE(qs(c.paymentTerms), qs(want.paymentTerms));
        QCOMPARE(c.blocked, want.blocked);
    }
}

void TestErpConnector::customerNotFound_data()
{
    QTest::addColumn<QString>("number");
    QTest::newRow("unknown") << QStringLiteral("C99999999");
    QTest::newRow("empty") << QString();
    QTest::newRow("apostrophe") << QStringLiteral("C1'0");
    QTest::newRow("injection") << QStringLiteral("x' or number ne 'x");
    QTest::newRow("url delimiters") << QStringLiteral("C1&$top=5#");
    QTest::newRow("unicode") << QString::fromUtf8("C1\xc3\xa9");
}

void TestErpConnector::customerNotFound()
{
    QFETCH(QString, number);
    auto got = await<domain::Customer>([&](auto done) { m_erp->customer(number.toStdString(), {}, done); });
    QVERIFY(!got.ok());
    QVERIFY2(got.error().kind == ErrorKind::NotFound, qPrintable(describe(got)));
}

void TestErpConnector::openOrders()
{
    const std::size_t index = busyAccount();
    const auto &account = world().accounts()[index];
    auto want = world().detail(index).openOrders;
    want.erase(std::remove_if(want.begin(), want.end(), [](const auto &o) { return o.status == "Shipped"; }),
               want.end());
    auto got = await<std::vector<domain::SalesOrder>>(
        [&](auto done) { m_erp->openOrders(account.accountNumber, 25, {}, done); });
    QVERIFY2(got.ok(), qPrintable(describe(got)));
    QCOMPARE(got.value().size(), std::min<std::size_t>(want.size(), 25));
    std::set<std::string> wanted;
    for (const auto &o : want)
        wanted.insert(o.number);
    for (std::size_t i = 0; i < got.value().size(); ++i) {
        const auto &o = got.value()[i];
        QVERIFY(wanted.count(o.number));
        if (i > 0)
            QVERIFY(!(got.value()[i - 1].orderDate < o.orderDate)); // newest first
        const auto w =
            std::find_if(want.begin(), want.end(), [&](const auto &x) { return x.number == o.number; });
        QCOMPARE(qs(o.customerNumber), qs(account.accountNumber));
        QVERIFY(o.orderDate == w->orderDate);
        QVERIFY(o.requestedDeliveryDate == w->requestedDeliveryDate);
        QCOMPARE(qs(o.status), qs(w->status));
        QVERIFY(sameMoney(o.totalAmount, w->totalAmount));
        QCOMPARE(o.lineCount, w->lineCount);
    }
}

void TestErpConnector::recentInvoices()
{
    const std::size_t index = busyAccount();
    const auto &account = world().accounts()[index];
    auto want = world().detail(index).invoices;
    std::sort(want.begin(), want.end(), [](const auto &a, const auto &b) {
        return std::tie(b.invoiceDate, b.number) < std::tie(a.invoiceDate, a.number);
    });
    const int limit = 5;
    QVERIFY(want.size() > std::size_t(limit));
    auto got = await<std::vector<domain::Invoice>>(
        [&](auto done) { m_erp->recentInvoices(account.accountNumber, limit, {}, done); });
    QVERIFY2(got.ok(), qPrintable(describe(got)));
    QCOMPARE(got.value().size(), std::size_t(limit));
    for (int i = 0; i < limit; ++i) {
        const auto &g = got.value()[static_cast<std::size_t>(i)];
        const auto &w = want[static_cast<std::size_t>(i)];
        QCOMPARE(qs(g.number), qs(w.number));
        QCOMPARE(qs(g.customerNumber), qs(account.accountNumber));
        QVERIFY(g.invoiceDate == w.invoiceDate);
        QVERIFY(g.dueDate == w.dueDate);
        QVERIFY(sameMoney(g.totalAmount, w.totalAmount));
        QVERIFY(sameMoney(g.remainingAmount, w.remainingAmount));
        QVERIFY(g.lines.empty()); // headers only
    }
}

void TestErpConnector::contractPrices()
{
    const std::size_t index = busyAccount();
    const auto &account = world().accounts()[index];
    const auto want = world().detail(index).contractPrices;
    QVERIFY(!want.empty());
    auto got = await<std::vector<domain::ContractPrice>>(
        [&](auto done) { m_erp->contractPrices(account.accountNumber, {}, done); });
    QVERIFY2(got.ok(), qPrintable(describe(got)));
    QCOMPARE(got.value().size(), want.size());
    for (std::size_t i = 0; i < got.value().size(); ++i) {
        const auto &g = got.value()[i];
        if (i > 0) {
            const auto &p = got.value()[i - 1];
            QVERIFY(std::tie(p.itemNumber, p.validFrom) <= std::tie(g.itemNumber, g.validFrom));
        }
        const auto w = std::find_if(want.begin(), want.end(), [&](const auto &x) {
            return x.itemNumber == g.itemNumber && x.validFrom == g.validFrom && x.contractId == g.contractId;
        });
        QVERIFY(w != want.end());
        QCOMPARE(qs(g.customerNumber), qs(account.accountNumber));
        QVERIFY(sameMoney(g.unitPrice, w->unitPrice));
        QVERIFY(g.validTo == w->validTo);
    }
}

void TestErpConnector::invoiceLinesSince()
{
    const std::size_t index = busyAccount();
    const auto &account = world().accounts()[index];
    const domain::Date since = kToday.addMonths(-12);
    std::vector<domain::InvoiceLine> want;
    for (const auto &invoice : world().detail(index).invoices)
        if (!(invoice.invoiceDate < since))
            for (auto line : invoice.lines) {
                line.invoiceNumber = invoice.number;
                line.invoiceDate = invoice.invoiceDate;
                want.push_back(line);
            }
    QVERIFY(want.size() > 40); // more than one page
    auto got = await<std::vector<domain::InvoiceLine>>(
        [&](auto done) { m_erp->invoiceLinesSince(account.accountNumber, since, {}, done); });
    QVERIFY2(got.ok(), qPrintable(describe(got)));
    QCOMPARE(got.value().size(), want.size());
    double gotTotal = 0;
    double wantTotal = 0;
    for (const auto &line : want)
        wantTotal += cents(line.amount);
    for (const auto &g : got.value()) {
        gotTotal += g.amount;
        QVERIFY(!(g.invoiceDate < since));
        const auto w = std::find_if(want.begin(), want.end(), [&](const auto &x) {
            return x.invoiceNumber == g.invoiceNumber && x.lineNumber == g.lineNumber;
        });
        QVERIFY(w != want.end());
        QCOMPARE(qs(g.itemNumber), qs(w->itemNumber));
        QVERIFY(std::abs(g.quantity - w->quantity) < 1e-9);
        QVERIFY(sameMoney(g.unitPrice, w->unitPrice));
        QVERIFY(sameMoney(g.amount, w->amount));
        QVERIFY(g.invoiceDate == w->invoiceDate);
    }
    QVERIFY(std::abs(gotTotal - wantTotal) < 0.01);

    // A date after today: nothing, not an error.
    auto future = await<std::vector<domain::InvoiceLine>>(
        [&](auto done) { m_erp->invoiceLinesSince(account.accountNumber, kToday.addDays(1), {}, done); });
    QVERIFY2(future.ok(), qPrintable(describe(future)));
    QVERIFY(future.value().empty());
}

void TestErpConnector::probe()
{
    auto ok = await<ServiceProbe>([&](auto done) { m_erp->probe({}, done); });
    QVERIFY2(ok.ok(), qPrintable(describe(ok)));
    QVERIFY(ok.value().elapsedMs >= 0);

    ErpConnector wrong(*m_http, ConnectionSettings{Service::Erp, m_tenant->crmServiceRoot(), {}, 8000});
    auto mistaken = await<ServiceProbe>([&](auto done) { wrong.probe({}, done); });
    QVERIFY(!mistaken.ok());
    QCOMPARE(mistaken.error().kind, ErrorKind::Malformed);
    QVERIFY2(mistaken.error().message.find("ERP") != std::string::npos, mistaken.error().message.c_str());
}

void TestErpConnector::serviceDown()
{
    ErpConnector down(
        *m_http, ConnectionSettings{
                     Service::Erp, "http://127.0.0.1:" + std::to_string(closedPort()) + "/api/", {}, 8000});
    auto customer = await<domain::Customer>([&](auto done) { down.customer("C1", {}, done); });
    QVERIFY(!customer.ok());
    QCOMPARE(customer.error().kind, ErrorKind::Network);
    auto probe = await<ServiceProbe>([&](auto done) { down.probe({}, done); });
    QVERIFY(!probe.ok());
    QCOMPARE(probe.error().kind, ErrorKind::Network);
}

QTEST_APPLESS_MAIN(TestErpConnector)
#include "tst_erpconnector.moc"
