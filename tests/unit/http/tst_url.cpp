// URL helpers: percent-encoding, RFC 3986 resolution of nextLinks against the page that carried them,
// joining a service root and a path, and the origin of a URL.
#include "asynctest.h"
#include "http/url.h"

#include <QTest>

using namespace lakeshore;
using namespace lakeshore::http;
using asynctest::qs;

class TestUrl : public QObject
{
    Q_OBJECT

private slots:
    void percentEncodeValues_data();
    void percentEncodeValues();
    void resolve_data();
    void resolve();
    void resolveRejects_data();
    void resolveRejects();
    void join_data();
    void join();
    void origin_data();
    void origin();
    void loopback();
};

void TestUrl::percentEncodeValues_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("expected");
    QTest::newRow("empty") << QByteArray() << QString();
    QTest::newRow("unreserved kept") << QByteArray("AZaz09-._~") << QStringLiteral("AZaz09-._~");
    QTest::newRow("space and delimiters")
        << QByteArray("a b&c=d/e?f#g+h") << QStringLiteral("a%20b%26c%3Dd%2Fe%3Ff%23g%2Bh");
    QTest::newRow("OData literal") << QByteArray("name eq 'O''Brien'")
                                   << QStringLiteral("name%20eq%20%27O%27%27Brien%27");
    QTest::newRow("percent itself") << QByteArray("100%") << QStringLiteral("100%25");
    QTest::newRow("utf-8 bytes") << QByteArray("caf\xc3\xa9") << QStringLiteral("caf%C3%A9");
    QTest::newRow("control and NUL") << QByteArray("a\0\n", 3) << QStringLiteral("a%00%0A");
    QTest::newRow("high byte") << QByteArray("\xff") << QStringLiteral("%FF");
}

void TestUrl::percentEncodeValues()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, expected);
    QCOMPARE(qs(percentEncode(std::string_view(text.constData(), static_cast<std::size_t>(text.size())))),
             expected);
}

void TestUrl::resolve_data()
{
    const QString base = QStringLiteral("http://127.0.0.1:8080/api/data/v9.2/accounts?$top=5");
    QTest::addColumn<QString>("base");
    QTest::addColumn<QString>("reference");
    QTest::addColumn<QString>("expected");
    QTest::newRow("relative path") << base << QStringLiteral("accounts?$skiptoken=2")
                                   << QStringLiteral(
                                          "http://127.0.0.1:8080/api/data/v9.2/accounts?$skiptoken=2");
    QTest::newRow("query only") << base << QStringLiteral("?$skiptoken=3")
                                << QStringLiteral(
                                       "http://127.0.0.1:8080/api/data/v9.2/accounts?$skiptoken=3");
    QTest::newRow("absolute path") << base << QStringLiteral("/other/set?x=1")
                                   << QStringLiteral("http://127.0.0.1:8080/other/set?x=1");
    QTest::newRow("parent") << base << QStringLiteral("../v9.1/accounts")
                            << QStringLiteral("http://127.0.0.1:8080/api/data/v9.1/accounts");
    QTest::newRow("absolute") << base << QStringLiteral("https://crm.example.com/api/accounts?$skiptoken=9")
                              << QStringLiteral("https://crm.example.com/api/accounts?$skiptoken=9");
    QTest::newRow("protocol relative")
        << base << QStringLiteral("//10.0.0.2:9000/x?y=1") << QStringLiteral("http://10.0.0.2:9000/x?y=1");
    QTest::newRow("encoded kept")
        << base << QStringLiteral("accounts?$filter=name%20eq%20%27A%27")
        << QStringLiteral("http://127.0.0.1:8080/api/data/v9.2/accounts?$filter=name%20eq%20%27A%27");
    QTest::newRow("parentheses in root")
        << QStringLiteral("http://h:1/api/v2.0/companies(5d1a)/customers")
        << QStringLiteral("customers?$skiptoken=1")
        << QStringLiteral("http://h:1/api/v2.0/companies(5d1a)/customers?$skiptoken=1");
}

void TestUrl::resolve()
{
    QFETCH(QString, base);
    QFETCH(QString, reference);
    QFETCH(QString, expected);
    const auto result = resolveUrl(base.toStdString(), reference.toStdString());
    QVERIFY2(result.ok(), qPrintable(asynctest::describe(result)));
    QCOMPARE(qs(result.value()), expected);
}

void TestUrl::resolveRejects_data()
{
    const QString base = QStringLiteral("http://127.0.0.1:8080/api/accounts");
    QTest::addColumn<QString>("base");
    QTest::addColumn<QString>("reference");
    QTest::addColumn<int>("kind");
    QTest::newRow("ftp link") << base << QStringLiteral("ftp://127.0.0.1/accounts")
                              << int(ErrorKind::Malformed);
    QTest::newRow("file link") << base << QStringLiteral("file:///etc/passwd") << int(ErrorKind::Malformed);
    QTest::newRow("javascript link") << base << QStringLiteral("javascript:alert(1)")
                                     << int(ErrorKind::Malformed);
    QTest::newRow("garbage link") << base << QStringLiteral("http://[::1/x") << int(ErrorKind::Malformed);
    QTest::newRow("space in host") << base << QStringLiteral("http://bad host/x")
                                   << int(ErrorKind::Malformed);
    QTest::newRow("relative base") << QStringLiteral("accounts") << QStringLiteral("?x=1")
                                   << int(ErrorKind::Invalid);
    QTest::newRow("empty base") << QString() << QStringLiteral("accounts") << int(ErrorKind::Invalid);
    QTest::newRow("garbage base") << QStringLiteral("http://[") << QStringLiteral("accounts")
                                  << int(ErrorKind::Invalid);
}

void TestUrl::resolveRejects()
{
    QFETCH(QString, base);
    QFETCH(QString, reference);
    QFETCH(int, kind);
    const auto result = resolveUrl(base.toStdString(), reference.toStdString());
    QVERIFY2(!result.ok(), result ? result.value().c_str() : "");
    QCOMPARE(int(result.error().kind), kind);
    QVERIFY(!result.error().message.empty());
}

void TestUrl::join_data()
{
    QTest::addColumn<QString>("base");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("expected");
    QTest::newRow("plain") << QStringLiteral("http://h/root") << QStringLiteral("accounts")
                           << QStringLiteral("http://h/root/accounts");
    QTest::newRow("both slashes") << QStringLiteral("http://h/root/") << QStringLiteral("/accounts")
                                  << QStringLiteral("http://h/root/accounts");
    QTest::newRow("many slashes") << QStringLiteral("http://h/root///") << QStringLiteral("//accounts?$top=1")
                                  << QStringLiteral("http://h/root/accounts?$top=1");
    QTest::newRow("empty path") << QStringLiteral("http://h/root/") << QString()
                                << QStringLiteral("http://h/root/");
    QTest::newRow("query kept") << QStringLiteral("http://h:9/r") << QStringLiteral("a(1)?$select=x,y")
                                << QStringLiteral("http://h:9/r/a(1)?$select=x,y");
}

void TestUrl::join()
{
    QFETCH(QString, base);
    QFETCH(QString, path);
    QFETCH(QString, expected);
    QCOMPARE(qs(joinUrl(base.toStdString(), path.toStdString())), expected);
}

void TestUrl::origin_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("expected");
    QTest::newRow("path and query") << QStringLiteral("http://127.0.0.1:8080/api/x?y")
                                    << QStringLiteral("http://127.0.0.1:8080");
    QTest::newRow("https") << QStringLiteral("https://crm.example.com/api")
                           << QStringLiteral("https://crm.example.com");
    QTest::newRow("bare") << QStringLiteral("http://h:1") << QStringLiteral("http://h:1");
    QTest::newRow("query right after host")
        << QStringLiteral("http://h:1?x=1") << QStringLiteral("http://h:1");
    QTest::newRow("fragment") << QStringLiteral("http://h#frag") << QStringLiteral("http://h");
    QTest::newRow("ftp") << QStringLiteral("ftp://h/x") << QString();
    QTest::newRow("relative") << QStringLiteral("/api/x") << QString();
    QTest::newRow("garbage") << QStringLiteral("::://") << QString();
    QTest::newRow("empty") << QString() << QString();
}

void TestUrl::origin()
{
    QFETCH(QString, url);
    QFETCH(QString, expected);
    QCOMPARE(qs(originOf(url.toStdString())), expected);
}

void TestUrl::loopback()
{
    for (const char *local :
         {"http://127.0.0.1:8080/mcp", "http://LOCALHOST/x", "https://127.1.2.3", "http://[::1]:9/"})
        QVERIFY2(isLoopbackUrl(local), local);
    for (const char *remote :
         {"https://example.com/mcp", "http://127.0.0.1.example.com/", "http://localhost.evil/",
          "http://10.0.0.1/", "ftp://127.0.0.1/", "/relative", "", "http://user@[::2]/"})
        QVERIFY2(!isLoopbackUrl(remote), remote);
}

QTEST_APPLESS_MAIN(TestUrl)
#include "tst_url.moc"
