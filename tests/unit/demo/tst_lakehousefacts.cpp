// The lakehouse facts come from the same world as the demo ERP: per account, the facts' amounts equal
// the ERP's invoice totals, and the contract price on a fact is the one valid on its invoice date.
#include "demo/lakehousefacts.h"

#include <cmath>
#include <map>
#include <QTest>

using namespace lakeshore;

class LakehouseFactsTest : public QObject
{
    Q_OBJECT

private:
    demo::World m_world{demo::WorldOptions{1847, demo::WorldSize::Small, domain::Date(2026, 11, 21)}};

private slots:
    void factsAddUpToTheErpInvoices()
    {
        std::map<std::string, double> factTotals;
        std::size_t facts = 0;
        demo::forEachInvoiceLineFact(m_world, [&](const demo::InvoiceLineFact &fact) {
            factTotals[fact.accountNumber] += fact.amount;
            ++facts;
        });
        QVERIFY(facts > 1000);
        for (std::size_t i = 0; i < m_world.accounts().size(); ++i) {
            double invoiced = 0;
            for (const auto &invoice : m_world.detail(i).invoices)
                invoiced += invoice.totalAmount;
            const double fromFacts = factTotals[m_world.accounts()[i].accountNumber];
            QVERIFY2(std::abs(fromFacts - invoiced) < 0.01, m_world.accounts()[i].accountNumber.c_str());
        }
    }

    void everyFactCarriesCostAndFreight()
    {
        demo::forEachInvoiceLineFact(m_world, 0, [&](const demo::InvoiceLineFact &fact) {
            QVERIFY(fact.unitCost > 0);
            QVERIFY(fact.freightCost >= 0);
            QVERIFY(fact.quantity > 0);
            QCOMPARE(fact.accountNumber, m_world.accounts()[0].accountNumber);
        });
    }

    void contractPriceIsTheOneValidOnTheInvoiceDate()
    {
        double spend = 0;
        double offContract = 0;
        double mispriced = 0;
        demo::forEachInvoiceLineFact(m_world, [&](const demo::InvoiceLineFact &fact) {
            spend += fact.amount;
            if (!fact.contractPrice)
                offContract += fact.amount;
            else if (std::abs(fact.unitPrice - *fact.contractPrice) > 0.005)
                mispriced += fact.amount;
        });
        // The world is built to have something for the off-contract worklist to find, and mostly
        // contract-priced lines besides.
        QVERIFY2(offContract / spend > 0.05 && offContract / spend < 0.5,
                 qPrintable(QString::number(offContract / spend)));
        QVERIFY(mispriced > 0);
        QVERIFY(mispriced / spend < 0.2);
    }
};

QTEST_APPLESS_MAIN(LakehouseFactsTest)
#include "tst_lakehousefacts.moc"
