// odata::Query::toRelativeUrl (every option, percent-encoded values, keys) and stringLiteral escaping.
#include "asynctest.h"
#include "odata/odataquery.h"

#include <QTest>

using namespace lakeshore::odata;
using asynctest::qs;

class TestODataQuery : public QObject
{
    Q_OBJECT

private slots:
    void entitySetOnly();
    void everyOption();
    void optionsInFixedOrder();
    void keys();
    void valuesAreEncoded();
    void maxPageSizeIsNotInTheUrl();
    void literals_data();
    void literals();
};

void TestODataQuery::entitySetOnly()
{
    Query query;
    query.entitySet = "accounts";
    QCOMPARE(qs(query.toRelativeUrl()), QStringLiteral("accounts"));
}

void TestODataQuery::everyOption()
{
    Query query;
    query.entitySet = "accounts";
    query.select = {"name", "accountid"};
    query.filter = "name eq " + stringLiteral("O'Brien") + " and revenue gt 5";
    query.orderBy = {"name asc", "accountid desc"};
    query.top = 5;
    query.skip = 10;
    query.count = true;
    query.expand = {"contacts($select=fullname;$top=5)", "owner"};
    QCOMPARE(qs(query.toRelativeUrl()),
             QStringLiteral("accounts?$select=name%2Caccountid"
                            "&$filter=name%20eq%20%27O%27%27Brien%27%20and%20revenue%20gt%205"
                            "&$orderby=name%20asc%2Caccountid%20desc&$top=5&$skip=10&$count=true"
                            "&$expand=contacts%28%24select%3Dfullname%3B%24top%3D5%29%2Cowner"));
}

void TestODataQuery::optionsInFixedOrder()
{
    // Only what is set appears; zero is a value, not "unset".
    Query query;
    query.entitySet = "salesInvoices";
    query.count = true;
    query.top = 0;
    QCOMPARE(qs(query.toRelativeUrl()), QStringLiteral("salesInvoices?$top=0&$count=true"));

    Query skipOnly;
    skipOnly.entitySet = "items";
    skipOnly.skip = 0;
    QCOMPARE(qs(skipOnly.toRelativeUrl()), QStringLiteral("items?$skip=0"));
}

void TestODataQuery::keys()
{
    Query guid;
    guid.entitySet = "accounts";
    guid.key = "6f1c0d2e-0000-4000-8000-000000000001";
    guid.select = {"name"};
    QCOMPARE(qs(guid.toRelativeUrl()),
             QStringLiteral("accounts(6f1c0d2e-0000-4000-8000-000000000001)?$select=name"));

    Query text;
    text.entitySet = "customers";
    text.key = stringLiteral("C1'0 /x");
    QCOMPARE(qs(text.toRelativeUrl()), QStringLiteral("customers(%27C1%27%270%20%2Fx%27)"));
}

void TestODataQuery::valuesAreEncoded()
{
    Query query;
    query.entitySet = "odd set&name";
    query.filter = "contains(name,'caf\xc3\xa9 & co?#=+%')";
    QCOMPARE(qs(query.toRelativeUrl()),
             QStringLiteral(
                 "odd%20set%26name?$filter=contains%28name%2C%27caf%C3%A9%20%26%20co%3F%23%3D%2B%25%27%29"));
}

void TestODataQuery::maxPageSizeIsNotInTheUrl()
{
    Query query;
    query.entitySet = "accounts";
    query.maxPageSize = 25; // a Prefer header, not a query option
    QCOMPARE(qs(query.toRelativeUrl()), QStringLiteral("accounts"));
}

void TestODataQuery::literals_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("expected");
    QTest::newRow("empty") << QString() << QStringLiteral("''");
    QTest::newRow("plain") << QStringLiteral("Cleveland") << QStringLiteral("'Cleveland'");
    QTest::newRow("one quote") << QStringLiteral("O'Brien") << QStringLiteral("'O''Brien'");
    QTest::newRow("only quotes") << QStringLiteral("''") << QStringLiteral("''''''");
    QTest::newRow("injection attempt")
        << QStringLiteral("x' or 1 eq 1 or name eq '") << QStringLiteral("'x'' or 1 eq 1 or name eq '''");
    QTest::newRow("unicode") << QString::fromUtf8("Müller") << QString::fromUtf8("'Müller'");
}

void TestODataQuery::literals()
{
    QFETCH(QString, value);
    QFETCH(QString, expected);
    QCOMPARE(qs(stringLiteral(value.toStdString())), expected);
}

QTEST_APPLESS_MAIN(TestODataQuery)
#include "tst_odataquery.moc"
