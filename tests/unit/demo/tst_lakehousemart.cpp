// The demo lakehouse mart: a real SQLite file built from the same world as the demo ERP. Its facts add up
// to the ERP's invoices, its aggregates to its facts, and nothing in it knows about CRM territories or
// owners.
#include "demo/lakehousefacts.h"
#include "demo/lakehousemart.h"

#include <cmath>
#include <map>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <sqlite3.h>
#include <string>
#include <vector>

using namespace lakeshore;

namespace {

// A read-only connection to a built mart, closed on scope exit.
class MartReader
{
public:
    explicit MartReader(const std::string &path)
    {
        if (sqlite3_open_v2(path.c_str(), &m_db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
            sqlite3_close(m_db);
            m_db = nullptr;
        }
    }
    ~MartReader() { sqlite3_close(m_db); }
    MartReader(const MartReader &) = delete;
    MartReader &operator=(const MartReader &) = delete;

    [[nodiscard]] bool isOpen() const { return m_db != nullptr; }

    // Every row as text columns; an SQL error comes back as one row holding "error: ...".
    std::vector<std::vector<std::string>> rows(const std::string &sql, const std::string &param = {}) const
    {
        std::vector<std::vector<std::string>> out;
        sqlite3_stmt *statement = nullptr;
        if (sqlite3_prepare_v2(m_db, sql.c_str(), -1, &statement, nullptr) != SQLITE_OK)
            return {{std::string("error: ") + sqlite3_errmsg(m_db)}};
        if (!param.empty())
            sqlite3_bind_text(statement, 1, param.c_str(), -1, SQLITE_TRANSIENT);
        while (sqlite3_step(statement) == SQLITE_ROW) {
            std::vector<std::string> row;
            for (int c = 0; c < sqlite3_column_count(statement); ++c) {
                const auto *text = sqlite3_column_text(statement, c);
                row.emplace_back(text ? reinterpret_cast<const char *>(text) : "NULL");
            }
            out.push_back(std::move(row));
        }
        sqlite3_finalize(statement);
        return out;
    }

    [[nodiscard]] std::string text(const std::string &sql) const
    {
        const auto result = rows(sql);
        return result.empty() || result[0].empty() ? std::string("no row") : result[0][0];
    }
    [[nodiscard]] double number(const std::string &sql) const { return std::stod(text(sql)); }
    [[nodiscard]] long long count(const std::string &sql) const { return std::stoll(text(sql)); }

private:
    sqlite3 *m_db = nullptr;
};

} // namespace

class LakehouseMartTest : public QObject
{
    Q_OBJECT

private:
    demo::World m_world{demo::WorldOptions{1847, demo::WorldSize::Small, domain::Date(2026, 11, 21)}};
    QTemporaryDir m_dir;
    std::string m_path;
    demo::MartSummary m_summary{};

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath("mart.sqlite").toStdString();
        auto built = demo::buildLakehouseMart(m_world, m_path);
        QVERIFY2(built.ok(), built.ok() ? "" : built.error().describe().c_str());
        m_summary = built.value();
        qInfo("small mart: %zu accounts, %zu items, %zu lines, %zu contract prices, %zu monthly rows in %.0f "
              "ms",
              m_summary.accounts, m_summary.items, m_summary.invoiceLines, m_summary.contractPrices,
              m_summary.monthlyRows, m_summary.elapsedMs);
    }

    void refusesAnExistingFile()
    {
        const std::string before = MartReader(m_path).text("SELECT COUNT(*) FROM fact_invoice_line");
        auto again = demo::buildLakehouseMart(m_world, m_path);
        QVERIFY(!again.ok());
        QVERIFY(again.error().message.find("already exists") != std::string::npos);
        QCOMPARE(MartReader(m_path).text("SELECT COUNT(*) FROM fact_invoice_line"), before);

        // Not even a file that is not a database is touched.
        const QString other = m_dir.filePath("notes.txt");
        QFile file(other);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("keep me");
        file.close();
        QVERIFY(!demo::buildLakehouseMart(m_world, other.toStdString()).ok());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), QByteArray("keep me"));
    }

    void unwritablePathGivesAClearError()
    {
        const std::string path = m_dir.filePath("no/such/folder/mart.sqlite").toStdString();
        auto built = demo::buildLakehouseMart(m_world, path);
        QVERIFY(!built.ok());
        QCOMPARE(built.error().kind, ErrorKind::Storage);
        QVERIFY2(built.error().message.find(path) != std::string::npos, built.error().message.c_str());
        QVERIFY2(built.error().message.find("cannot create") != std::string::npos,
                 built.error().message.c_str());
        QVERIFY(!demo::buildLakehouseMart(m_world, "").ok());
    }

    void rowCountsEqualTheFacts()
    {
        std::size_t lines = 0;
        demo::forEachInvoiceLineFact(m_world, [&](const demo::InvoiceLineFact &) { ++lines; });
        std::size_t contracts = 0;
        for (std::size_t i = 0; i < m_world.accounts().size(); ++i)
            contracts += m_world.detail(i).contractPrices.size();
        QVERIFY(lines > 1000);
        QCOMPARE(m_summary.invoiceLines, lines);
        QCOMPARE(m_summary.accounts, m_world.accounts().size());
        QCOMPARE(m_summary.items, m_world.items().size());
        QCOMPARE(m_summary.contractPrices, contracts);
        QVERIFY(m_summary.elapsedMs > 0);

        MartReader mart(m_path);
        QVERIFY(mart.isOpen());
        QCOMPARE(mart.count("SELECT COUNT(*) FROM fact_invoice_line"), static_cast<long long>(lines));
        QCOMPARE(mart.count("SELECT COUNT(*) FROM dim_account"),
                 static_cast<long long>(m_world.accounts().size()));
        QCOMPARE(mart.count("SELECT COUNT(*) FROM dim_item"), static_cast<long long>(m_world.items().size()));
        QCOMPARE(mart.count("SELECT COUNT(*) FROM contract_price"), static_cast<long long>(contracts));
        QCOMPARE(mart.count("SELECT COUNT(*) FROM agg_account_month"),
                 static_cast<long long>(m_summary.monthlyRows));
        QCOMPARE(mart.count("SELECT COUNT(*) FROM account_propensity"),
                 static_cast<long long>(m_world.accounts().size()));
        // Every fact points at a known account and item.
        QCOMPARE(mart.count("SELECT COUNT(*) FROM fact_invoice_line f LEFT JOIN dim_account a USING "
                            "(account_number) LEFT JOIN dim_item i USING (item_number) "
                            "WHERE a.account_number IS NULL OR i.item_number IS NULL"),
                 0LL);
        QVERIFY(mart.count("SELECT COUNT(*) FROM sqlite_schema WHERE type = 'index' AND "
                           "tbl_name = 'fact_invoice_line'") >= 2);
    }

    void martInfoRecordsTheWorld()
    {
        MartReader mart(m_path);
        QCOMPARE(mart.text("SELECT value FROM mart_info WHERE key = 'seed'"), std::string("1847"));
        QCOMPARE(mart.text("SELECT value FROM mart_info WHERE key = 'size'"), std::string("small"));
        QCOMPARE(mart.text("SELECT value FROM mart_info WHERE key = 'today'"), std::string("2026-11-21"));
        QVERIFY(domain::Timestamp::parse(mart.text("SELECT value FROM mart_info WHERE key = 'built_at'")));
    }

    void accountRevenueEqualsTheErpInvoices()
    {
        MartReader mart(m_path);
        std::map<std::string, double> fromMart;
        for (const auto &row : mart.rows("SELECT account_number, SUM(amount) FROM fact_invoice_line "
                                         "GROUP BY account_number"))
            fromMart[row.at(0)] = std::stod(row.at(1));
        for (std::size_t i = 0; i < m_world.accounts().size(); ++i) {
            double invoiced = 0;
            for (const auto &invoice : m_world.detail(i).invoices)
                invoiced += invoice.totalAmount;
            const std::string &number = m_world.accounts()[i].accountNumber;
            QVERIFY2(std::abs(fromMart[number] - invoiced) < 0.005, number.c_str());
        }
    }

    void marginAndContractArithmetic()
    {
        MartReader mart(m_path);
        QCOMPARE(mart.count("SELECT COUNT(*) FROM fact_invoice_line WHERE "
                            "abs(extended_cost - quantity * unit_cost) > 0.0051 OR "
                            "abs(gross_margin - (amount - extended_cost - freight_cost)) > 0.0051 OR "
                            "abs(amount - quantity * unit_price) > 0.0051"),
                 0LL);
        QCOMPARE(mart.count("SELECT COUNT(*) FROM fact_invoice_line WHERE "
                            "off_contract != (contract_price IS NULL) OR "
                            "(contract_price IS NULL) != (price_variance IS NULL) OR "
                            "abs(price_variance - (unit_price - contract_price) * quantity) > 0.0051"),
                 0LL);
        QVERIFY(mart.count("SELECT COUNT(*) FROM fact_invoice_line WHERE abs(price_variance) > 0.005") > 0);
        // A distributor's margin is positive overall.
        QVERIFY(mart.number("SELECT SUM(gross_margin) FROM fact_invoice_line") > 0);
        QCOMPARE(mart.count("SELECT COUNT(*) FROM dim_account WHERE first_order_date > last_order_date"),
                 0LL);
        QCOMPARE(mart.count("SELECT COUNT(*) FROM dim_account a JOIN (SELECT account_number, "
                            "MIN(invoice_date) lo, MAX(invoice_date) hi FROM fact_invoice_line GROUP BY "
                            "account_number) f USING (account_number) "
                            "WHERE a.first_order_date != f.lo OR a.last_order_date != f.hi"),
                 0LL);
    }

    void offContractShareIsSane()
    {
        MartReader mart(m_path);
        const double share = mart.number("SELECT SUM(CASE WHEN off_contract = 1 THEN amount ELSE 0 END) / "
                                         "SUM(amount) FROM fact_invoice_line");
        QVERIFY2(share > 0.05 && share < 0.5, std::to_string(share).c_str());
    }

    void noTerritoryOrOwnerAnywhere()
    {
        MartReader mart(m_path);
        std::vector<std::string> tables;
        for (const auto &row : mart.rows("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name"))
            tables.push_back(row.at(0));
        const std::vector<std::string> expected = {
            "account_propensity", "agg_account_month", "contract_price", "dim_account",
            "dim_item",           "fact_invoice_line", "mart_info"};
        QCOMPARE(tables, expected);
        for (const auto &table : tables) {
            const auto columns = mart.rows("SELECT name FROM pragma_table_info(?1)", table);
            QVERIFY2(!columns.empty() && columns[0][0].rfind("error", 0) != 0, table.c_str());
            QCOMPARE(mart.count("SELECT COUNT(*) FROM pragma_table_info('" + table +
                                "') WHERE name LIKE '%territor%' OR name LIKE '%owner%'"),
                     0LL);
        }
    }

    void monthlyAggregatesEqualTheFacts()
    {
        MartReader mart(m_path);
        const std::string facts =
            "SELECT account_number, substr(invoice_date, 1, 7) AS month, SUM(amount) r, "
            "SUM(gross_margin) g, SUM(freight_cost) f, "
            "SUM(CASE WHEN off_contract = 1 THEN amount ELSE 0 END) o, "
            "COUNT(DISTINCT invoice_number) ic, COUNT(*) lc "
            "FROM fact_invoice_line GROUP BY 1, 2";
        QCOMPARE(mart.count("SELECT COUNT(*) FROM (" + facts + ")"),
                 mart.count("SELECT COUNT(*) FROM agg_account_month"));
        QCOMPARE(mart.count("SELECT COUNT(*) FROM agg_account_month a JOIN (" + facts +
                            ") f USING (account_number, month) WHERE abs(a.revenue - f.r) > 0.005 OR "
                            "abs(a.gross_margin - f.g) > 0.005 OR abs(a.freight_cost - f.f) > 0.005 OR "
                            "abs(a.off_contract_amount - f.o) > 0.005 OR a.invoice_count != f.ic OR "
                            "a.line_count != f.lc"),
                 mart.count("SELECT 0"));
        QCOMPARE(mart.count("SELECT COUNT(*) FROM agg_account_month WHERE month NOT GLOB "
                            "'[0-9][0-9][0-9][0-9]-[0-9][0-9]'"),
                 0LL);
        QVERIFY(std::abs(mart.number("SELECT SUM(revenue) FROM agg_account_month") -
                         mart.number("SELECT SUM(amount) FROM fact_invoice_line")) < 0.01);
    }

    void propensityScoresAreInRange()
    {
        MartReader mart(m_path);
        QCOMPARE(
            mart.count(
                "SELECT COUNT(*) FROM account_propensity WHERE churn_score < 0 OR churn_score > 1 "
                "OR growth_score < 0 OR growth_score > 1 OR churn_score IS NULL OR growth_score IS NULL"),
            0LL);
        QCOMPARE(mart.count("SELECT COUNT(*) FROM account_propensity WHERE scored_on != '2026-11-21'"), 0LL);
        // Scores tell accounts apart.
        QVERIFY(mart.number("SELECT MAX(churn_score) - MIN(churn_score) FROM account_propensity") > 0.2);
        QVERIFY(mart.number("SELECT MAX(growth_score) - MIN(growth_score) FROM account_propensity") > 0.2);
    }
};

QTEST_APPLESS_MAIN(LakehouseMartTest)
#include "tst_lakehousemart.moc"
