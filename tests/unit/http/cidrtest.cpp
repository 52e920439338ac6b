// CIDR ranges for IP allow-lists: parsing, canonical text, and matching IPv4, IPv6 and IPv4-mapped peers.
#include "http/cidr.h"

#include <QTest>

using namespace lakeshore;

class CidrTest : public QObject
{
    Q_OBJECT

private slots:
    void parsesAndMatches_data()
    {
        QTest::addColumn<QString>("range");
        QTest::addColumn<QString>("peer");
        QTest::addColumn<bool>("inside");
        QTest::newRow("v4 /24 in") << "203.0.113.0/24"
                                   << "203.0.113.200" << true;
        QTest::newRow("v4 /24 out") << "203.0.113.0/24"
                                    << "203.0.114.1" << false;
        QTest::newRow("v4 host") << "127.0.0.1"
                                 << "127.0.0.1" << true;
        QTest::newRow("v4 host other") << "127.0.0.1"
                                       << "127.0.0.2" << false;
        QTest::newRow("v4 /0 any") << "0.0.0.0/0"
                                   << "8.8.8.8" << true;
        QTest::newRow("v4 odd prefix") << "10.0.0.0/9"
                                       << "10.127.255.255" << true;
        QTest::newRow("v4 odd prefix out") << "10.0.0.0/9"
                                           << "10.128.0.0" << false;
        QTest::newRow("v4-mapped peer") << "127.0.0.0/8"
                                        << "::ffff:127.0.0.1" << true;
        QTest::newRow("v6 /32") << "2001:db8::/32"
                                << "2001:db8:1::5" << true;
        QTest::newRow("v6 /32 out") << "2001:db8::/32"
                                    << "2001:db9::1" << false;
        QTest::newRow("v6 range, v4 peer") << "::/0"
                                           << "10.0.0.1" << false;
        QTest::newRow("junk peer") << "0.0.0.0/0"
                                   << "localhost" << false;
    }

    void parsesAndMatches()
    {
        QFETCH(QString, range);
        QFETCH(QString, peer);
        QFETCH(bool, inside);
        auto parsed = http::parseCidr(range.toStdString());
        QVERIFY(parsed);
        QCOMPARE(parsed.value().contains(peer.toStdString()), inside);
    }

    void canonicalText()
    {
        QCOMPARE(http::parseCidr("10.1.2.3/8").value().text(), std::string("10.0.0.0/8"));
        QCOMPARE(http::parseCidr("2001:DB8::1/32").value().text(), std::string("2001:db8::/32"));
        QCOMPARE(http::parseCidr("192.0.2.1").value().text(), std::string("192.0.2.1/32"));
    }

    void refusesJunk()
    {
        for (const char *bad : {"", "/8", "10.0.0.0/", "10.0.0.0/-1", "10.0.0.0/33", "::/129", "10.0.0/8",
                                "10.0.0.0/8/8", "1.2.3.4 ", "example.com", "10.0.0.0/ 8"})
            QVERIFY2(!http::parseCidr(bad), bad);
    }
};

QTEST_APPLESS_MAIN(CidrTest)
#include "cidrtest.moc"
