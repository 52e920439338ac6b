// The offline planner end to end: a question is planned on the shipped demo model, its territory, owner or
// open account is bound through the demo CRM served over loopback HTTP, the rendered SQL runs with sqlite3
// on a demo mart built from the same world, and every number is checked against an independent
// computation from the world's invoice lines (lakehousefacts) and its CRM records.
#include "assistant/crmcontext.h"
#include "assistant/semanticplanner.h"
#include "asynctest.h"
#include "demo/demotenant.h"
#include "demo/lakehousefacts.h"
#include "demo/lakehousemart.h"
#include "http/httpclient.h"
#include "sources/crmconnector.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <QTemporaryDir>
#include <QTest>
#include <set>
#include <sqlite3.h>

using namespace lakeshore;
using namespace lakeshore::assistant;
using namespace asynctest;

namespace {

const domain::Date kToday(2025, 6, 30);

double cents(double value)
{
    return std::round(value * 100) / 100;
}

// What the mart should say, computed from the facts: a total and how many lines went into it, since the
// mart rounds each line's cost and margin to the cent.
struct Expected
{
    double value = 0;
    int lines = 0;
};

using Rows = std::vector<std::vector<std::string>>;

struct Answer
{
    SemanticPlan plan;
    CrmBinding binding;
    std::string sql;
    Rows rows;
    std::string error;
};

bool near(double got, const Expected &want)
{
    return std::abs(got - want.value) <= 0.01 + 0.005 * want.lines;
}

} // namespace

class TestSemanticAnswers : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void lifetimeGrossMarginByAccountInCleveland();
    void revenueByMonthForClevelandLast12Months();
    void topOffContractSpendInColumbus();
    void highestChurnInAkron();
    void topItemsForThisAccount();
    void grossMarginForThisAccountByMonth();
    void invoicesByYearForThisAccount();
    void revenueByTerritoryThisYear();
    void revenueByRepInCleveland();
    void grossMarginPercentForAnOwnersAccounts();
    void priceVarianceInClevelandLast90Days();

private:
    const demo::World &world() const { return m_tenant->world(); }
    Answer ask(const std::string &question, std::optional<CurrentAccount> current = {});
    std::set<std::string> accountsWhere(const std::function<bool(const domain::Account &)> &pred) const
    {
        std::set<std::string> out;
        for (const auto &a : world().accounts())
            if (pred(a))
                out.insert(a.accountNumber);
        return out;
    }
    std::string territoryId(const std::string &name) const
    {
        for (const auto &t : world().territories())
            if (t.name == name)
                return t.id;
        return {};
    }
    // Sums value(fact) per key(fact) over the facts of the given accounts within [from, to].
    std::map<std::string, Expected>
    sum(const std::set<std::string> &accounts, domain::Date from, domain::Date to,
        const std::function<std::string(const demo::InvoiceLineFact &)> &key,
        const std::function<std::optional<double>(const demo::InvoiceLineFact &)> &value) const
    {
        std::map<std::string, Expected> out;
        for (std::size_t i = 0; i < world().accounts().size(); ++i) {
            if (!accounts.contains(world().accounts()[i].accountNumber))
                continue;
            demo::forEachInvoiceLineFact(world(), i, [&](const demo::InvoiceLineFact &fact) {
                if (fact.invoiceDate < from || fact.invoiceDate > to)
                    return;
                const auto v = value(fact);
                if (!v)
                    return;
                Expected &e = out[key(fact)];
                e.value += *v;
                e.lines += 1;
            });
        }
        return out;
    }
    static double margin(const demo::InvoiceLineFact &f)
    {
        return f.amount - cents(f.quantity * f.unitCost) - f.freightCost;
    }
    CurrentAccount openAccount() const
    {
        const auto &a = world().accounts()[m_open];
        return {a.accountNumber, a.name, a.id};
    }

    std::unique_ptr<demo::DemoTenant> m_tenant;
    std::unique_ptr<http::HttpClient> m_http;
    std::unique_ptr<sources::CrmConnector> m_crm;
    SemanticModel m_model;
    QTemporaryDir m_dir;
    sqlite3 *m_mart = nullptr;
    std::size_t m_open = 0; // the Cleveland account with the most invoice lines
    domain::Date m_never{1970, 1, 1};
};

void TestSemanticAnswers::initTestCase()
{
    demo::DemoOptions options;
    options.world = demo::WorldOptions{1847, demo::WorldSize::Small, kToday};
    auto tenant = demo::DemoTenant::start(options);
    QVERIFY2(tenant.ok(), qPrintable(describe(tenant)));
    m_tenant = std::move(tenant.value());
    m_http = std::make_unique<http::HttpClient>();
    m_crm = std::make_unique<sources::CrmConnector>(
        *m_http, sources::ConnectionSettings{sources::Service::Crm, m_tenant->crmServiceRoot(), {}, 8000});
    auto model = loadSemanticModelFile(LAKESHORE_SEMANTIC_MODEL);
    QVERIFY2(model.ok(), model ? "" : model.error().message.c_str());
    m_model = model.value();

    const std::string path = m_dir.filePath("mart.sqlite").toStdString();
    auto built = demo::buildLakehouseMart(world(), path);
    QVERIFY2(built.ok(), built ? "" : built.error().message.c_str());
    QCOMPARE(sqlite3_open_v2(path.c_str(), &m_mart, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);

    const std::string cleveland = territoryId("Cleveland");
    std::size_t most = 0;
    for (std::size_t i = 0; i < world().accounts().size(); ++i) {
        if (world().accounts()[i].territoryId != cleveland)
            continue;
        std::size_t lines = 0;
        demo::forEachInvoiceLineFact(world(), i, [&](const demo::InvoiceLineFact &) { ++lines; });
        if (lines > most) {
            most = lines;
            m_open = i;
        }
    }
    QVERIFY(most > 0);
}

void TestSemanticAnswers::cleanupTestCase()
{
    sqlite3_close(m_mart);
    m_crm.reset();
    m_http.reset();
    m_tenant.reset();
}

Answer TestSemanticAnswers::ask(const std::string &question, std::optional<CurrentAccount> current)
{
    Answer answer;
    auto plan = planQuestion(question, m_model, {kToday.iso(), current, SqlDialect::SQLite});
    if (!plan) {
        answer.error = "plan: " + plan.error().message;
        return answer;
    }
    answer.plan = plan.value();
    CrmContextBinder binder(*m_crm);
    auto binding = await<CrmBinding>([&](auto done) { binder.bind(answer.plan.crm, current, {}, done); });
    if (!binding) {
        answer.error = "bind: " + binding.error().describe();
        return answer;
    }
    answer.binding = binding.value();
    auto sql = renderPlanSql(answer.plan, answer.binding);
    if (!sql) {
        answer.error = "render: " + sql.error().message;
        return answer;
    }
    answer.sql = sql.value();
    sqlite3_stmt *statement = nullptr;
    if (sqlite3_prepare_v2(m_mart, answer.sql.c_str(), -1, &statement, nullptr) != SQLITE_OK) {
        answer.error = std::string("sqlite: ") + sqlite3_errmsg(m_mart);
        return answer;
    }
    int rc = 0;
    while ((rc = sqlite3_step(statement)) == SQLITE_ROW) {
        std::vector<std::string> row;
        for (int c = 0; c < sqlite3_column_count(statement); ++c) {
            const auto *text = sqlite3_column_text(statement, c);
            row.emplace_back(text ? reinterpret_cast<const char *>(text) : "NULL");
        }
        answer.rows.push_back(std::move(row));
    }
    if (rc != SQLITE_DONE)
        answer.error = std::string("sqlite: ") + sqlite3_errmsg(m_mart);
    sqlite3_finalize(statement);
    return answer;
}

#define ASK(answer, ...)                                                                                     \
    const Answer answer = ask(__VA_ARGS__);                                                                  \
    QVERIFY2(answer.error.empty(), answer.error.c_str())

// Rows keyed by their first column, each compared with the expectation of the same key; the keys match.
#define COMPARE_ROWS(answer, column, expected)                                                               \
    do {                                                                                                     \
        std::set<std::string> keys;                                                                          \
        for (const auto &row : (answer).rows) {                                                              \
            keys.insert(row.at(0));                                                                          \
            const auto want = (expected).find(row.at(0));                                                    \
            QVERIFY2(want != (expected).end(), ("unexpected row " + row.at(0)).c_str());                     \
            QVERIFY2(                                                                                        \
                near(std::stod(row.at(column)), want->second),                                               \
                (row.at(0) + ": mart " + row.at(column) + ", facts " + std::to_string(want->second.value))   \
                    .c_str());                                                                               \
        }                                                                                                    \
        QCOMPARE(keys.size(), (expected).size());                                                            \
    } while (false)

void TestSemanticAnswers::lifetimeGrossMarginByAccountInCleveland()
{
    ASK(answer, "lifetime gross margin by account in the Cleveland territory");
    const std::string cleveland = territoryId("Cleveland");
    const auto accounts = accountsWhere([&](const domain::Account &a) { return a.territoryId == cleveland; });
    QCOMPARE(
        std::set<std::string>(answer.binding.accountNumbers.begin(), answer.binding.accountNumbers.end()),
        accounts);
    const auto expected = sum(
        accounts, m_never, kToday, [](const auto &f) { return f.accountNumber; },
        [](const auto &f) { return margin(f); });
    QVERIFY(expected.size() >= 10);
    COMPARE_ROWS(answer, 2, expected);
    for (std::size_t i = 1; i < answer.rows.size(); ++i) // highest first
        QVERIFY(std::stod(answer.rows[i - 1][2]) >= std::stod(answer.rows[i][2]));
    for (const auto &row : answer.rows) // the names come from the mart, the ids from the CRM
        QCOMPARE(QString::fromStdString(row[1]),
                 QString::fromStdString(answer.binding.nameByNumber.at(row[0])));
}

void TestSemanticAnswers::revenueByMonthForClevelandLast12Months()
{
    ASK(answer, "revenue by month for Cleveland accounts last 12 months");
    const std::string cleveland = territoryId("Cleveland");
    const auto accounts = accountsWhere([&](const domain::Account &a) { return a.territoryId == cleveland; });
    const auto expected = sum(
        accounts, domain::Date(2024, 7, 1), kToday,
        [](const auto &f) { return f.invoiceDate.iso().substr(0, 7); },
        [](const auto &f) { return f.amount; });
    QCOMPARE(expected.size(), std::size_t(12));
    COMPARE_ROWS(answer, 1, expected);
    QCOMPARE(QString::fromStdString(answer.rows.front()[0]), QStringLiteral("2024-07"));
    QCOMPARE(QString::fromStdString(answer.rows.back()[0]), QStringLiteral("2025-06"));
}

void TestSemanticAnswers::topOffContractSpendInColumbus()
{
    ASK(answer, "top 10 accounts by off-contract spend in Columbus");
    const std::string columbus = territoryId("Columbus");
    const auto accounts = accountsWhere([&](const domain::Account &a) { return a.territoryId == columbus; });
    const auto all = sum(
        accounts, m_never, kToday, [](const auto &f) { return f.accountNumber; },
        [](const auto &f) { return f.contractPrice ? 0.0 : f.amount; });
    std::vector<std::pair<double, std::string>> ranked;
    for (const auto &[number, e] : all)
        ranked.emplace_back(-e.value, number);
    std::sort(ranked.begin(), ranked.end());
    QCOMPARE(answer.rows.size(), std::size_t(10));
    for (std::size_t i = 0; i < 10; ++i) {
        QCOMPARE(QString::fromStdString(answer.rows[i][0]), QString::fromStdString(ranked[i].second));
        QVERIFY(near(std::stod(answer.rows[i][2]), all.at(ranked[i].second)));
    }
}

void TestSemanticAnswers::highestChurnInAkron()
{
    ASK(answer, "which Akron accounts have the highest churn score");
    const std::string akron = territoryId("Akron");
    const auto accounts = accountsWhere([&](const domain::Account &a) { return a.territoryId == akron; });
    // The documented score: trend of the last 12 months against the prior 12, and recency of the last order.
    std::map<std::string, double> churn;
    for (const auto &number : accounts) {
        double recent = 0, earlier = 0;
        std::optional<domain::Date> last;
        demo::forEachInvoiceLineFact(world(), *world().findAccountByNumber(number), [&](const auto &f) {
            if (f.invoiceDate > kToday.addMonths(-12))
                recent += f.amount;
            else if (f.invoiceDate > kToday.addMonths(-24))
                earlier += f.amount;
            if (!last || f.invoiceDate > *last)
                last = f.invoiceDate;
        });
        const double trend = recent + earlier > 0 ? (recent - earlier) / (recent + earlier) : -1.0;
        const double recency = last ? std::clamp((kToday.days() - last->days()) / 365.0, 0.0, 1.0) : 1.0;
        churn[number] = std::round((0.7 * (1 - trend) / 2 + 0.3 * recency) * 10000) / 10000;
    }
    QCOMPARE(answer.rows.size(), std::min<std::size_t>(10, accounts.size()));
    for (std::size_t i = 0; i < answer.rows.size(); ++i) {
        QVERIFY(std::abs(std::stod(answer.rows[i][2]) - churn.at(answer.rows[i][0])) < 1e-9);
        if (i > 0)
            QVERIFY(std::stod(answer.rows[i - 1][2]) >= std::stod(answer.rows[i][2]));
    }
}

void TestSemanticAnswers::topItemsForThisAccount()
{
    const CurrentAccount open = openAccount();
    ASK(answer, "top items for this account", open);
    QVERIFY(answer.binding.accountNumbers == std::vector<std::string>{open.number});
    QCOMPARE(QString::fromStdString(answer.binding.crmIdByNumber.at(open.number)),
             QString::fromStdString(open.crmId));
    const auto all = sum(
        {open.number}, m_never, kToday, [](const auto &f) { return f.itemNumber; },
        [](const auto &f) { return f.amount; });
    std::vector<std::pair<double, std::string>> ranked;
    for (const auto &[item, e] : all)
        ranked.emplace_back(-e.value, item);
    std::sort(ranked.begin(), ranked.end());
    QCOMPARE(answer.rows.size(), std::min<std::size_t>(10, ranked.size()));
    for (std::size_t i = 0; i < answer.rows.size(); ++i) {
        QCOMPARE(QString::fromStdString(answer.rows[i][0]), QString::fromStdString(ranked[i].second));
        QVERIFY(near(std::stod(answer.rows[i][2]), all.at(ranked[i].second)));
    }
}

void TestSemanticAnswers::grossMarginForThisAccountByMonth()
{
    const CurrentAccount open = openAccount();
    ASK(answer, "gross margin for this account by month", open);
    const auto expected = sum(
        {open.number}, m_never, kToday, [](const auto &f) { return f.invoiceDate.iso().substr(0, 7); },
        [](const auto &f) { return margin(f); });
    COMPARE_ROWS(answer, 1, expected);
}

void TestSemanticAnswers::invoicesByYearForThisAccount()
{
    const CurrentAccount open = openAccount();
    ASK(answer, "invoices by year for this account", open);
    std::map<std::string, std::set<std::string>> invoices;
    demo::forEachInvoiceLineFact(world(), m_open, [&](const auto &f) {
        invoices[std::to_string(f.invoiceDate.year())].insert(f.invoiceNumber);
    });
    QCOMPARE(answer.rows.size(), invoices.size());
    for (const auto &row : answer.rows)
        QCOMPARE(std::stoll(row[1]), static_cast<long long>(invoices.at(row[0]).size()));
}

void TestSemanticAnswers::revenueByTerritoryThisYear()
{
    ASK(answer, "revenue by territory this year");
    std::map<std::string, Expected> expected;
    for (const auto &t : world().territories()) {
        const auto accounts = accountsWhere([&](const domain::Account &a) { return a.territoryId == t.id; });
        for (const auto &[key, e] : sum(
                 accounts, domain::Date(2025, 1, 1), kToday, [](const auto &) { return std::string("all"); },
                 [](const auto &f) { return f.amount; }))
            expected[t.name] = e;
    }
    QCOMPARE(expected.size(), world().territories().size());
    COMPARE_ROWS(answer, 1, expected);
}

void TestSemanticAnswers::revenueByRepInCleveland()
{
    ASK(answer, "revenue by rep in the Cleveland territory");
    const std::string cleveland = territoryId("Cleveland");
    std::map<std::string, Expected> expected;
    for (const auto &o : world().owners()) {
        const auto accounts = accountsWhere(
            [&](const domain::Account &a) { return a.territoryId == cleveland && a.ownerId == o.id; });
        if (accounts.empty())
            continue;
        for (const auto &[key, e] : sum(
                 accounts, m_never, kToday, [](const auto &) { return std::string("all"); },
                 [](const auto &f) { return f.amount; }))
            expected[o.fullName] = e;
    }
    QVERIFY(expected.contains("Cody O'Connor")); // a quote in a group name, written as a SQLite literal
    COMPARE_ROWS(answer, 1, expected);
}

void TestSemanticAnswers::grossMarginPercentForAnOwnersAccounts()
{
    ASK(answer, "gross margin % by account for Donna's accounts");
    QCOMPARE(QString::fromStdString(answer.binding.scope), QStringLiteral("owned by Donna Baker"));
    std::string donna;
    for (const auto &o : world().owners())
        if (o.fullName == "Donna Baker")
            donna = o.id;
    const auto accounts = accountsWhere([&](const domain::Account &a) { return a.ownerId == donna; });
    const auto margins = sum(
        accounts, m_never, kToday, [](const auto &f) { return f.accountNumber; },
        [](const auto &f) { return margin(f); });
    const auto revenue = sum(
        accounts, m_never, kToday, [](const auto &f) { return f.accountNumber; },
        [](const auto &f) { return f.amount; });
    QCOMPARE(answer.rows.size(), margins.size());
    for (const auto &row : answer.rows) {
        const double want = 100.0 * margins.at(row[0]).value / revenue.at(row[0]).value;
        QVERIFY2(std::abs(std::stod(row[2]) - want) < 0.01, (row[0] + " " + row[2]).c_str());
    }
}

void TestSemanticAnswers::priceVarianceInClevelandLast90Days()
{
    ASK(answer, "price variance by account in Cleveland last 90 days");
    QVERIFY(answer.sql.find("f.invoice_date >= '2025-04-02' AND f.invoice_date <= '2025-06-30'") !=
            std::string::npos);
    const std::string cleveland = territoryId("Cleveland");
    const auto accounts = accountsWhere([&](const domain::Account &a) { return a.territoryId == cleveland; });
    const auto expected = sum(
        accounts, domain::Date(2025, 4, 2), kToday, [](const auto &f) { return f.accountNumber; },
        [](const auto &f) -> std::optional<double> {
            if (!f.contractPrice)
                return std::nullopt;
            return (f.unitPrice - *f.contractPrice) * f.quantity;
        });
    std::map<std::string, Expected> bought; // accounts with any line in the range, with or without a contract
    for (const auto &[key, e] : sum(
             accounts, domain::Date(2025, 4, 2), kToday, [](const auto &f) { return f.accountNumber; },
             [](const auto &f) { return f.amount; }))
        bought[key] = e;
    QCOMPARE(answer.rows.size(), bought.size());
    for (const auto &row : answer.rows) {
        if (row[2] == "NULL") { // every line off contract: nothing to compare with a contract
            QVERIFY(!expected.contains(row[0]));
            continue;
        }
        QVERIFY2(near(std::stod(row[2]), expected.at(row[0])), (row[0] + " " + row[2]).c_str());
    }
}

QTEST_GUILESS_MAIN(TestSemanticAnswers)
#include "tst_semanticanswers.moc"
