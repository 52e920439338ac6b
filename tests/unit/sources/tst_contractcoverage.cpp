// computeContractCoverage, table-driven: on contract, leakage, overbilling, no contract, expired and
// future contracts, overlapping contracts (the lowest price applies), expiries within 90 days, edges.
#include "sources/contractcoverage.h"

#include <cmath>
#include <optional>
#include <QTest>
#include <string>
#include <vector>

using namespace lakeshore;
using namespace lakeshore::sources;
using domain::Date;

namespace {

const Date kToday(2025, 6, 30);

domain::ContractPrice contract(const char *item, double price, Date from, Date to)
{
    domain::ContractPrice c;
    c.contractId = std::string("K-C1-") + item;
    c.customerNumber = "C1";
    c.itemNumber = item;
    c.unitPrice = price;
    c.validFrom = from;
    c.validTo = to;
    return c;
}

domain::InvoiceLine line(const char *item, Date date, double quantity, double unitPrice)
{
    domain::InvoiceLine l;
    l.invoiceNumber = "INV-1";
    l.invoiceDate = date;
    l.itemNumber = item;
    l.quantity = quantity;
    l.unitPrice = unitPrice;
    l.amount = std::round(quantity * unitPrice * 100) / 100;
    return l;
}

struct Expected
{
    int contractedItems = 0;
    int expiring = 0;
    std::optional<Date> nearestExpiry; // nullopt: no contract valid today
    double spend = 0;
    double onContract = 0;
    double offContract = 0;
    double leakage = 0;
    double overbilling = 0;
    int offContractLines = 0;
    int mispricedLines = 0;
};

struct Case
{
    const char *name;
    std::vector<domain::ContractPrice> contracts;
    std::vector<domain::InvoiceLine> lines;
    Expected expected;
};

const Date kYearStart(2025, 1, 1);
const Date kYearEnd(2025, 12, 31);

const std::vector<Case> &cases()
{
    static const std::vector<Case> table = {
        {"on contract",
         {contract("IT-1", 10.00, kYearStart, kYearEnd)},
         {line("IT-1", Date(2025, 3, 1), 5, 10.00)},
         {1, 0, kYearEnd, 50, 50, 0, 0, 0, 0, 0}},
        {"below contract is leakage",
         {contract("IT-1", 10.00, kYearStart, kYearEnd)},
         {line("IT-1", Date(2025, 3, 1), 4, 9.50)},
         {1, 0, kYearEnd, 38, 0, 0, 2.00, 0, 0, 1}},
        {"above contract is overbilling",
         {contract("IT-1", 10.00, kYearStart, kYearEnd)},
         {line("IT-1", Date(2025, 3, 1), 8, 10.25)},
         {1, 0, kYearEnd, 82, 0, 0, 0, 2.00, 0, 1}},
        {"no contract",
         {contract("IT-1", 10.00, kYearStart, kYearEnd)},
         {line("IT-2", Date(2025, 3, 1), 3, 7.00), line("IT-3", Date(2025, 4, 1), 1, 5.00)},
         {1, 0, kYearEnd, 26, 0, 26, 0, 0, 2, 0}},
        {"expired contract",
         {contract("IT-1", 10.00, Date(2024, 1, 1), Date(2024, 12, 31))},
         {line("IT-1", Date(2025, 3, 1), 2, 10.00), line("IT-1", Date(2024, 6, 1), 1, 10.00)},
         {0, 0, std::nullopt, 30, 10, 20, 0, 0, 1, 0}},
        {"contract not yet started",
         {contract("IT-1", 10.00, Date(2025, 7, 1), kYearEnd)},
         {line("IT-1", Date(2025, 6, 1), 1, 10.00)},
         {0, 0, std::nullopt, 10, 0, 10, 0, 0, 1, 0}},
        {"overlapping contracts: lowest price",
         {contract("IT-1", 10.00, kYearStart, kYearEnd),
          contract("IT-1", 9.00, Date(2025, 3, 1), Date(2025, 9, 30))},
         {line("IT-1", Date(2025, 4, 1), 2, 9.00),             // at the lower price: on contract
          line("IT-1", Date(2025, 4, 2), 3, 10.00),            // at the higher one: overbilled by 1.00
          line("IT-1", Date(2025, 2, 1), 1, 10.00)},           // before the second began: on contract
         {1, 0, Date(2025, 9, 30), 58, 28, 0, 0, 3.00, 0, 1}}, // 92 days to the nearest expiry
        {"expiry within 90 days",
         {contract("IT-1", 1, kYearStart, Date(2025, 7, 15)), // 15 days: counted
          contract("IT-2", 1, kYearStart, Date(2025, 9, 28)), // 90 days: counted
          contract("IT-3", 1, kYearStart, Date(2025, 9, 29)), // 91 days: not
          contract("IT-4", 1, kYearStart, Date(2025, 6, 29)), // expired yesterday: not valid
          contract("IT-5", 1, kYearStart, kToday)},           // ends today: valid, counted
         {},
         {4, 3, kToday, 0, 0, 0, 0, 0, 0, 0}},
        {"validity bounds are inclusive",
         {contract("IT-1", 4.00, Date(2025, 2, 1), Date(2025, 2, 28))},
         {line("IT-1", Date(2025, 2, 1), 1, 4.00), line("IT-1", Date(2025, 2, 28), 1, 4.00),
          line("IT-1", Date(2025, 3, 1), 1, 4.00)},
         {0, 0, std::nullopt, 12, 8, 4, 0, 0, 1, 0}},
        {"sub-cent differences are on contract",
         {contract("IT-1", 10.00, kYearStart, kYearEnd)},
         {line("IT-1", Date(2025, 3, 1), 10, 10.004), line("IT-1", Date(2025, 3, 2), 10, 10.02)},
         {1, 0, kYearEnd, 100.04 + 100.20, 100.04, 0, 0, 0.20, 0, 1}},
        {"one item, two contracts, counted once",
         {contract("IT-1", 10.00, kYearStart, kYearEnd),
          contract("IT-1", 9.50, Date(2025, 6, 1), Date(2025, 8, 31))},
         {},
         {1, 1, Date(2025, 8, 31), 0, 0, 0, 0, 0, 0, 0}},
        {"nothing at all", {}, {}, {0, 0, std::nullopt, 0, 0, 0, 0, 0, 0, 0}},
    };
    return table;
}

bool near(double a, double b)
{
    return std::abs(a - b) < 1e-6;
}

} // namespace

class TestContractCoverage : public QObject
{
    Q_OBJECT

private slots:
    void coverage_data();
    void coverage();
    void onContractShare();
};

void TestContractCoverage::coverage_data()
{
    QTest::addColumn<int>("index");
    for (std::size_t i = 0; i < cases().size(); ++i)
        QTest::newRow(cases()[i].name) << static_cast<int>(i);
}

void TestContractCoverage::coverage()
{
    QFETCH(int, index);
    const Case &c = cases()[static_cast<std::size_t>(index)];
    const ContractCoverage got = computeContractCoverage(c.contracts, c.lines, kToday);
    const Expected &e = c.expected;
    QCOMPARE(got.contractedItems, e.contractedItems);
    QCOMPARE(got.expiringWithin90Days, e.expiring);
    QCOMPARE(got.hasValidContract, e.nearestExpiry.has_value());
    if (e.nearestExpiry)
        QCOMPARE(QString::fromStdString(got.nearestExpiry.iso()),
                 QString::fromStdString(e.nearestExpiry->iso()));
    QVERIFY2(near(got.spend, e.spend), qPrintable(QString::number(got.spend, 'f', 4)));
    QVERIFY2(near(got.onContractSpend, e.onContract),
             qPrintable(QString::number(got.onContractSpend, 'f', 4)));
    QVERIFY2(near(got.offContractSpend, e.offContract),
             qPrintable(QString::number(got.offContractSpend, 'f', 4)));
    QVERIFY2(near(got.leakage, e.leakage), qPrintable(QString::number(got.leakage, 'f', 4)));
    QVERIFY2(near(got.overbilling, e.overbilling), qPrintable(QString::number(got.overbilling, 'f', 4)));
    QCOMPARE(got.offContractLines, e.offContractLines);
    QCOMPARE(got.mispricedLines, e.mispricedLines);
}

void TestContractCoverage::onContractShare()
{
    const auto half = computeContractCoverage(
        {contract("IT-1", 10.00, kYearStart, kYearEnd)},
        {line("IT-1", Date(2025, 3, 1), 5, 10.00), line("IT-9", Date(2025, 3, 1), 5, 10.00)}, kToday);
    QVERIFY(near(half.onContractShare(), 0.5));
    QVERIFY(near(ContractCoverage().onContractShare(), 0)); // no spend: no division by zero
}

QTEST_APPLESS_MAIN(TestContractCoverage)
#include "tst_contractcoverage.moc"
